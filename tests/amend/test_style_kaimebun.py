"""様式 and 書式 drawn as figures, replaced, added and deleted by generated 改め文 (lawcode.amend.appendix,
generate): a figure is written 「［図　./pict/….pdf］」, naming its file, and read back with that ``src``; a 様式 is
named by the head of its title (「別記様式第一を次のように改める。」, 「別記様式第一の次に次の一様式を加える。」)."""

from __future__ import annotations

import lawcode
import pytest
from amend_laws import A, P, kaimebun_roundtrip, law
from lxml import etree

from lawcode.amend.appendix import learn_profile, read_appendices, write_appendix
from lawcode.amend.generate import NOT_PARTIAL, generate
from lawcode.amend.roundtrip import check_pair
from lawcode.errors import AmendError

MAIN = A(1, P(1, "申請書は、別記様式第一による。"))


def style(title: str, src: str, related: str = "（第一条関係）") -> str:
    rel = f"<RelatedArticleNum>{related}</RelatedArticleNum>" if related else ""
    return (f"<AppdxStyle><AppdxStyleTitle>{title}</AppdxStyleTitle>{rel}"
            f'<StyleStruct><Style><Fig src="{src}"/></Style></StyleStruct></AppdxStyle>')


def test_a_figure_is_written_with_its_file_and_read_back() -> None:
    old = law(MAIN, extra=style("別記様式第一", "./pict/R02F1_001.pdf"))
    e = old.root.element.find("LawBody/AppdxStyle")
    text = write_appendix(e)
    assert text.splitlines() == ["別記様式第一", "（第一条関係）", "［図\u3000./pict/R02F1_001.pdf］"]
    [back] = read_appendices(text, learn_profile(old.root.element.find("LawBody")))
    assert back.find(".//Fig").get("src") == "./pict/R02F1_001.pdf"
    assert etree.tostring(back) == etree.tostring(etree.fromstring(etree.tostring(e)))


def test_only_a_figure_line_names_a_figure() -> None:
    profile = learn_profile(law(MAIN).root.element.find("LawBody"))
    [back] = read_appendices("別表第一\n｜［図］｜甲｜\n［図\u3000./pict/a.pdf］", profile)
    assert [s.text for s in back.iter("Sentence")] == ["［図］", "甲"]  # text in a cell, not a figure
    assert [f.get("src") for f in back.iter("Fig")] == ["./pict/a.pdf"]


def test_a_style_whose_figure_changed_is_replaced_whole() -> None:
    old = law(MAIN, extra=style("別記様式第一", "./pict/a_001.pdf") + style("別記様式第二", "./pict/a_002.pdf"))
    new = law(MAIN, extra=style("別記様式第一", "./pict/b_001.pdf") + style("別記様式第二", "./pict/a_002.pdf"))
    assert kaimebun_roundtrip(old, new) == ["別記様式第一を次のように改める。"]


def test_a_style_added_after_another_and_after_the_suppl_provisions() -> None:
    suppl = "<SupplProvision><SupplProvisionLabel>附　則</SupplProvisionLabel>" + P(1, "公布の日から施行する。") + \
        "</SupplProvision>"
    old = law(MAIN, extra=suppl)
    new = law(MAIN, extra=suppl + style("別記様式第一", "./pict/a_001.pdf"))
    assert kaimebun_roundtrip(old, new) == ["附則の次に次の一様式を加える。"]
    newer = law(MAIN, extra=suppl + style("別記様式第一", "./pict/a_001.pdf") + style("別記様式第二", "./pict/a_002.pdf"))
    assert kaimebun_roundtrip(new, newer) == ["別記様式第一の次に次の一様式を加える。"]
    assert kaimebun_roundtrip(newer, new) == ["別記様式第二を削る。"]


def test_a_style_named_twice_is_not_written() -> None:
    old = law(MAIN, extra=style("別記様式", "./pict/a_001.pdf") + style("別記様式", "./pict/a_002.pdf"))
    new = law(MAIN, extra=style("別記様式", "./pict/b_001.pdf") + style("別記様式", "./pict/a_002.pdf"))
    assert generate(old, new).problems  # the name does not say which: reported, never guessed
    with pytest.raises(AmendError, match="appendices titled"):
        lawcode.amend(old, "　テスト法（令和五年法律第九十九号）の一部を次のように改正する。\n"
                           "　別記様式を次のように改める。\n別記様式\n［図　./pict/c.pdf］\n")


def test_another_law_is_not_a_partial_amendment() -> None:
    old = law(MAIN)
    new = lawcode.loads(etree.tostring(old.root.element, encoding="utf-8").replace("令和五年法律第九十九号".encode(),
                                                                 "令和六年法律第一号".encode()))
    k = generate(old, new)
    assert k.problems and k.problems[0].startswith(NOT_PARTIAL)
    assert check_pair(old, new).not_partial


def test_an_export_that_files_an_article_under_another_number_is_reported_not_written() -> None:
    old = law(A(1, P(1, "甲とする。")), A(2, P(1, "乙とする。")))
    new = law(A(1, P(1, "甲とする。")), A(2, P(1, "乙とする。")), A(3, P(1, "丙とする。")))
    broken = lawcode.loads(etree.tostring(new.root.element).replace(b'<Article Num="3"', b'<Article Num="2"'))
    k = generate(old, broken)
    assert any("Num that another article holds" in p for p in k.problems)
    assert check_pair(old, broken).status == "problem"  # not a text that fails to apply
