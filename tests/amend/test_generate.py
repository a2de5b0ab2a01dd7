"""Generating 改め文 from two versions (lawcode.kaimebun): the drafting style and the round trip."""

from __future__ import annotations

import copy

import lawcode
import pytest
from amend_laws import A, P, chapter, law, xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from lawcode.amend.generate import generate, render
from lawcode.amend.quote import next_edit
from lawcode.amend.roundtrip import check_pair, comparable_body
from lawcode.errors import AmendError


def roundtrip(old: lawcode.Law, new: lawcode.Law) -> str:
    text = lawcode.kaimebun(lawcode.diff(old, new))
    got = lawcode.amend(old, text).law
    assert comparable_body(got) == comparable_body(new), text
    return text


def body(text: str) -> list[str]:
    """The sentences of a generated text (without the preamble)."""
    return [line.strip("\u3000") for line in text.splitlines()[1:]]


BASE = (A(1, P(1, "この法律は、市の事務について定める。"), caption="（目的）"),
        A(2, P(1, "市長は、計画を定める。"), P(2, "市長は、前項の計画を公表する。")),
        A(3, P(1, "次に掲げる者は、届け出なければならない。", items=["事業者", "個人", "団体"])))


def test_preamble_names_the_law_and_its_number() -> None:
    old = law(*BASE)
    new = law(BASE[0].replace("市の事務", "町の事務"), *BASE[1:])
    text = roundtrip(old, new)
    assert text.splitlines()[0] == "\u3000テスト法（令和五年法律第九十九号）の一部を次のように改正する。"
    assert body(text) == ["第一条中「市」を「町」に改める。"]


def test_phrase_is_quoted_with_enough_context_to_be_unique() -> None:
    old = law(*BASE)
    # 「市長は、」 occurs twice in 第二条: the quote must say which one
    new = law(BASE[0], BASE[1].replace("市長は、前項", "区長は、前項"), BASE[2])
    text = roundtrip(old, new)
    [sentence] = body(text)
    assert sentence.startswith("第二条第二項中「") or "前項" in sentence


def test_quotes_do_not_cut_numbers_or_words() -> None:
    edit, *_ = next_edit("手数料は五百円とする。", "手数料は六百円とする。", lambda s: 1)  # type: ignore[misc]
    assert (edit.old, edit.new) == ("五百円", "六百円")


def test_insertion_uses_no_shita_ni() -> None:
    old = law(*BASE)
    new = law(BASE[0].replace("市の事務", "市の事務及び組合の事務"), *BASE[1:])
    text = roundtrip(old, new)
    assert "の下に" in text or "に改める" in text


def test_deletion_of_an_item_and_renumbering_back_to_front() -> None:
    old = law(*BASE)
    new = law(BASE[0], BASE[1], A(3, P(1, "次に掲げる者は、届け出なければならない。", items=["事業者", "団体"])))
    text = roundtrip(old, new)
    assert "第三条第一項第二号を削る。" in body(text)
    assert "第三条第一項第三号を第三条第一項第二号とする。" in body(text)


def test_added_article_is_printed_as_text_and_read_back() -> None:
    old = law(*BASE)
    new = law(BASE[0], A("1_2", P(1, "市は、必要な措置を講ずる。"), caption="（措置）"), *BASE[1:])
    text = roundtrip(old, new)
    assert "第一条の次に次の一条を加える。" in body(text)
    assert "（措置）" in body(text) and "第一条の二\u3000市は、必要な措置を講ずる。" in body(text)


def test_shift_of_articles_is_one_range_sentence() -> None:
    arts = [A(n, P(1, f"第{n}の規定。")) for n in range(1, 7)]
    old = law(*arts)
    new = law(arts[0], A(2, P(1, "新しい規定。")), *[A(n + 1, P(1, f"第{n}の規定。")) for n in range(2, 7)])
    text = roundtrip(old, new)
    assert body(text)[0] == "第二条から第六条までを一条ずつ繰り下げる。"
    assert body(text)[1] == "第一条の次に次の一条を加える。"


def test_caption_change_and_new_caption() -> None:
    old = law(*BASE)
    new = law(BASE[0].replace("（目的）", "（趣旨）"), BASE[1].replace("<ArticleTitle>",
                                                                     "<ArticleCaption>（計画）</ArticleCaption><ArticleTitle>"),
              BASE[2])
    text = roundtrip(old, new)
    assert "第一条の見出しを「（趣旨）」に改める。" in body(text)
    assert "第二条の前に見出しとして「（計画）」を付する。" in body(text)


def test_large_rewrite_falls_back_to_tsugi_no_yo_ni() -> None:
    old = law(*BASE)
    new = law(BASE[0], BASE[1], A(3, P(1, "次に掲げる者は、届け出なければならない。"),
                                  P(2, "前項の届出は、書面でする。", items=["氏名", "住所"])))
    text = roundtrip(old, new)
    assert any(s.endswith("を次のように改める。") or s.endswith("を加える。") for s in body(text))


def test_chapter_title_change() -> None:
    old = law(chapter(1, "総則", *BASE))
    new = law(chapter(1, "通則", *BASE))
    assert body(roundtrip(old, new)) == ["第一章の章名中「総則」を「通則」に改める。"]


def test_no_change_gives_only_the_preamble() -> None:
    old = law(*BASE)
    assert body(lawcode.kaimebun(lawcode.diff(old, law(*BASE)))) == []


def test_kaimebun_takes_a_diff() -> None:
    with pytest.raises(AmendError):
        lawcode.kaimebun("not a diff")  # type: ignore[arg-type]


def test_render_reads_back(sample_v1) -> None:
    art = sample_v1.find("第三条の二").element
    text = render(art)
    assert text.splitlines()[1].startswith("第三条の二\u3000")


def test_sample_ordinance_v1_to_v2(sample_v1, sample_v2) -> None:
    k = generate(sample_v1, sample_v2)
    assert "第十二条から第二十条までを一条ずつ繰り下げる。" in k.text
    assert "第七条第二項を第七条第三項とする。" in k.text
    result = check_pair(sample_v1, sample_v2, "sample")
    assert result.status == "exact", (result.error, k.problems)


# -- properties: random edits of the sample ordinance -----------------------------------------------------------
_CHARS = st.text(alphabet="市町村長はのにをとがで事務計画届出者及び又、", min_size=1, max_size=8)


def _sentences(law_: lawcode.Law) -> list[etree._Element]:
    return [s for s in law_.root.element.iter("Sentence")
            if s.text and len(s) == 0 and s.text != "削除" and s.getparent() is not None
            and s.getparent().tag in ("ParagraphSentence", "ItemSentence")]


@st.composite
def edited_sample(draw: st.DrawFn, base: lawcode.Law) -> lawcode.Law:
    root = copy.deepcopy(base.root.element)
    targets = [s for s in root.iter("Sentence") if s.text and len(s) == 0 and s.text != "削除"
               and s.getparent() is not None and s.getparent().tag in ("ParagraphSentence", "ItemSentence")
               and s.getparent().getparent().getparent().tag != "SupplProvision"]
    for _ in range(draw(st.integers(1, 3))):
        s = draw(st.sampled_from(targets))
        text = s.text or ""
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a, min(len(text) - 1, a + 6)))
        kind = draw(st.sampled_from(["replace", "insert", "delete"]))
        if kind == "replace":
            text = text[:a] + draw(_CHARS) + text[b:]
        elif kind == "insert":
            text = text[:a] + draw(_CHARS) + text[a:]
        elif b > a:
            text = text[:a] + text[b:]
        s.text = text or "市長が定める。"
    items = [i for i in root.iter("Item") if i.getparent() is not None and len(i.getparent().findall("Item")) > 1]
    if items and draw(st.booleans()):
        victim = draw(st.sampled_from(items))
        victim.getparent().remove(victim)
    captions = list(root.iter("ArticleCaption"))
    if captions and draw(st.booleans()):
        cap = draw(st.sampled_from(captions))
        cap.text = "（" + draw(_CHARS) + "）"
    articles = [a for a in root.find("LawBody/MainProvision").iter("Article")  # type: ignore[union-attr]
                if ":" not in (a.get("Num") or "")]
    if draw(st.booleans()):
        victim = draw(st.sampled_from(articles))
        victim.getparent().remove(victim)
    return lawcode.loads(etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_of_the_sample_round_trip(sample_v1, data: st.DataObject) -> None:
    new = data.draw(edited_sample(sample_v1))
    result = check_pair(sample_v1, new, "edited sample")
    assert result.ok, (result.status, result.error, result.problems)


def test_xml_helper_is_used() -> None:
    assert "<Law" in xml(*BASE)
