"""lawcode.parse_citation: standalone citation strings as data sources write them (issue 6 item 4)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawcode
from lawcode.errors import AddressError, CitationError
from lawcode.model.address import parse_citation as parse_address
from lawcode.text.numerals import int_to_kanji, to_fullwidth_digits


def steps(text: str) -> list[tuple[str, tuple[int, ...] | None]]:
    return [(s.tag, s.number) for s in parse_address(text).steps]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第106条の24", "第百六条の二十四"),
        ("第13条第３項", "第十三条第三項"),
        ("第2項", "第二項"),
        ("第12条第1項第2号", "第十二条第一項第二号"),
        ("附則第3条", "附則第三条"),
        ("別表第一", "別表第一"),
        ("第 13 条　第 2 項", "第十三条第二項"),
        ("第48条第1項第1号ニ(15)", "第四十八条第一項第一号ニ（１５）"),
    ],
)
def test_strict_reads_standard_forms(text, expected):
    c = lawcode.parse_citation(text)
    assert [(s.tag, s.number) for s in c.steps] == steps(expected)
    assert c.repairs == ()
    assert c.source == text


def test_strict_lists_and_sentence_parts():
    c = lawcode.parse_citation("第2条第４項、第５項及び第６項")
    assert [a.text for a in c.addresses] == ["第2条第４項", "第2条第５項", "第2条第６項"]
    c = lawcode.parse_citation("第25条第1項ただし書")
    assert c.part == "ただし書" and c.text == "第25条第1項"
    c = lawcode.parse_citation("第18条第1項第2号イ及びロ")
    assert [a.steps[-1].heading for a in c.addresses] == ["イ", "ロ"]


@pytest.mark.parametrize(
    "text, expected, repair",
    [
        ("第4条第1項11号", "第4条第1項第11号", "missing 第"),
        ("第286の2条", "第286条の2", "branch number"),
        ("附則20項", "附則第20項", "missing 第"),
        ("第十条ノ二", "第十条の二", "ノ"),
        ("15条", "第15条", "missing 第"),
        ("第10条の第3項", "第10条第3項", "stray の"),
        ("第16条の2の第2項", "第16条の2第2項", "stray の"),
        ("第23条の2項", "第23条第2項", "の as 第"),
        ("第10条の9条第1項", "第10条の9第1項", "doubled 条"),
        ("法第12条第1項", "第12条第1項", "law prefix"),
        ("第11条第2項（第2号）", "第11条第2項", "parenthesis"),
        ("第4条第1項第2号に基づき定める規則", "第4条第1項第2号", "trailing text"),
        ("別表第1第三11", "別表第1", "inside"),
    ],
)
def test_lenient_repairs_and_reports(text, expected, repair):
    with pytest.raises(CitationError):
        lawcode.parse_citation(text)
    c = lawcode.parse_citation(text, lenient=True)
    assert [(s.tag, s.number) for s in c.steps] == steps(expected)
    assert c.repaired and any(repair in r for r in c.repairs), c.repairs


@pytest.mark.parametrize(
    "text, members",
    [
        ("第7条第1,2項", ["第7条第1項", "第7条第2項"]),
        ("第15条第1～3号", ["第15条第1号", "第15条第2号", "第15条第3号"]),
        ("第7条2項および3項", ["第7条第2項", "第7条第3項"]),
        ("第10条第1項　　第10条第5項", ["第10条第1項", "第10条第5項"]),
        ("第58条で準用する第45条", ["第58条", "第45条"]),
        ("第23条の24第3項において読み替えて準用する第23条の22第８項", ["第23条の24第3項", "第23条の22第8項"]),
    ],
)
def test_lenient_lists_and_chains(text, members):
    c = lawcode.parse_citation(text, lenient=True)
    assert [[(s.tag, s.number) for s in a.steps] for a in c.addresses] == [steps(m) for m in members]


@pytest.mark.parametrize("text", ["改正附則第33条第1項", "旧法第8条の第2項", "第-条", "第14条の0第3項", "第12条第8条", ""])
def test_unrepairable_data_errors(text):
    with pytest.raises(CitationError) as info:
        lawcode.parse_citation(text, lenient=True)
    assert info.value.citation == text


def test_strict_error_names_citation_and_position():
    with pytest.raises(CitationError) as info:
        lawcode.parse_citation("第4条第1項11号")
    err = info.value
    assert isinstance(err, AddressError) and isinstance(err, lawcode.LawcodeError)
    assert err.citation == "第4条第1項11号" and err.position == 6
    assert "第4条第1項11号" in str(err) and "position 6" in str(err)
    with pytest.raises(CitationError) as info:
        lawcode.parse_citation("第 4 条 x")
    assert info.value.position == 6  # the position in the string as given, spaces included


def test_not_a_string():
    with pytest.raises(CitationError):
        lawcode.parse_citation(12)  # type: ignore[arg-type]


def test_law_find_accepts_the_result(sample_v1):
    c = lawcode.parse_citation("第3条の2第2項")
    assert sample_v1.find(c).path == "MainProvision-Article_3_2-Paragraph_2"
    c = lawcode.parse_citation("第３条ノ２　第２項", lenient=True)
    assert sample_v1.find(c).path == "MainProvision-Article_3_2-Paragraph_2"


_writers = st.sampled_from(
    [lambda n: int_to_kanji(n), lambda n: str(n), lambda n: to_fullwidth_digits(str(n))]
)


@given(
    article=st.integers(1, 999),
    branch=st.one_of(st.none(), st.integers(2, 60)),
    paragraph=st.one_of(st.none(), st.integers(1, 30)),
    item=st.one_of(st.none(), st.integers(1, 40)),
    write=_writers,
    drop_dai=st.booleans(),
)
def test_any_digit_form_reads_the_same(article, branch, paragraph, item, write, drop_dai):
    # 第 may be dropped only after a unit word: after a branch number (第1条の2 3号) the string is ambiguous
    drop_dai = drop_dai and not branch
    canonical = f"第{int_to_kanji(article)}条" + (f"の{int_to_kanji(branch)}" if branch else "")
    written = f"第{write(article)}条" + (f"の{write(branch)}" if branch else "")
    if paragraph:
        canonical += f"第{int_to_kanji(paragraph)}項"
        written += f"{'' if drop_dai else '第'}{write(paragraph)}項"
    if item:
        canonical += f"第{int_to_kanji(item)}号"
        written += f"{'' if drop_dai else '第'}{write(item)}号"
    c = lawcode.parse_citation(written, lenient=True)
    assert [(s.tag, s.number) for s in c.steps] == steps(canonical)
    assert c.repaired == (drop_dai and bool(paragraph or item))
