"""Round trip law → to_text() → parse_text(): the samples, and generated trees (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import lawcode
from lawcode.io.text.roundtrip import text_roundtrip
from lawcode.text.numerals import int_to_kanji

from testsupport import SAMPLES

S = "\u3000"
IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"


@pytest.mark.parametrize("name", ["sakuragaoka_jorei_v1.xml", "sakuragaoka_jorei_v2.xml"])
def test_samples_survive(name):
    law = lawcode.load(SAMPLES / name)
    result = text_roundtrip(law)
    assert result.ok, result.differences
    # appendices carry Num="1" in the samples; the text cannot say so and they are matched by position
    assert {d.what for d in result.excluded} == {"appendix number"}


def test_a_difference_is_reported():
    law = lawcode.parse_text("第一条" + S + "甲。\n")
    d = law.draft()
    d.element("第一条").find("ArticleTitle").text = "第一条の二"  # heading no longer matches Num
    result = text_roundtrip(d.commit())
    assert not result.ok
    assert {x.what for x in result.differences} >= {"missing"}


def test_sample_amending_ordinance_loads_as_text():
    law = lawcode.load(SAMPLES / "sakuragaoka_kaisei_r5_21.txt")
    assert law.title == "桜ヶ丘市個人情報の保護に関する条例の一部を改正する条例"
    para = law.find("第一項").element
    assert len(para.findall("AmendProvision")) >= 8
    assert para.find("AmendProvision/NewProvision/Article[@Num='5_2']") is not None
    assert len(law.suppl_provisions) == 1


# -- generated trees ----------------------------------------------------------------------------------------
_WORD = st.text(alphabet="甲乙丙丁戊己庚辛壬癸市長規定", min_size=1, max_size=12)
_SENTENCE = _WORD.map(lambda w: w + "とする。")
_BODY = st.lists(_SENTENCE, min_size=1, max_size=3).map("".join)


def _subitems(draw, parent: etree._Element, depth: int) -> None:
    if depth > 2:
        return
    for n in range(1, draw(st.integers(0, 2)) + 1):
        tag = f"Subitem{depth}"
        e = etree.SubElement(parent, tag, Num=str(n))
        etree.SubElement(e, tag + "Title").text = IROHA[n - 1] if depth == 1 else f"（{n}）".translate(
            str.maketrans("0123456789", "０１２３４５６７８９"))
        etree.SubElement(etree.SubElement(e, tag + "Sentence"), "Sentence").text = draw(_WORD)
        _subitems(draw, e, depth + 1)


@st.composite
def laws(draw) -> lawcode.Law:
    root = etree.Element("Law", Era="Reiwa", Year="2", Num="8", LawType="Act", Lang="ja")
    etree.SubElement(root, "LawNum").text = "令和二年法律第八号"
    body = etree.SubElement(root, "LawBody")
    etree.SubElement(body, "LawTitle").text = draw(_WORD) + "法"
    if draw(st.booleans()):  # a 制定文 that may not end like one (a repeated title)
        etree.SubElement(body, "EnactStatement").text = draw(st.sampled_from(["", "左ノ通定ム", "を制定する。"]).map(
            lambda end: "甲法" + end))
    if draw(st.booleans()):  # a 前文 whose words may end like a 制定文: the 「前文」 line says which it is
        preamble = etree.SubElement(body, "Preamble")
        for n in range(1, draw(st.integers(1, 2)) + 1):
            para = etree.SubElement(preamble, "Paragraph", Num=str(n))
            etree.SubElement(para, "ParagraphNum")
            etree.SubElement(etree.SubElement(para, "ParagraphSentence"), "Sentence").text = draw(
                st.sampled_from(["左ノ通定ム", "とする。", "を次のように定める。"]).map(lambda end: draw(_WORD) + end))
    main = etree.SubElement(body, "MainProvision")
    for a in range(1, draw(st.integers(1, 4)) + 1):
        art = etree.SubElement(main, "Article", Num=str(a))
        if draw(st.booleans()):
            etree.SubElement(art, "ArticleCaption").text = f"（{draw(_WORD)}）"
        etree.SubElement(art, "ArticleTitle").text = f"第{int_to_kanji(a)}条"
        for p in range(1, draw(st.integers(1, 3)) + 1):
            para = etree.SubElement(art, "Paragraph", Num=str(p))
            etree.SubElement(para, "ParagraphNum").text = "" if p == 1 else "０１２３４５６７８９"[p]
            group = etree.SubElement(para, "ParagraphSentence")
            for text in [draw(_BODY)]:
                from lawcode.io.text.reader import FragmentStyle, fill_sentences

                fill_sentences(group, text, FragmentStyle())
            for i in range(1, draw(st.integers(0, 3)) + 1):
                item = etree.SubElement(para, "Item", Num=str(i))
                etree.SubElement(item, "ItemTitle").text = int_to_kanji(i)
                etree.SubElement(etree.SubElement(item, "ItemSentence"), "Sentence").text = draw(_WORD)
                for _ in range(draw(st.integers(0, 1))):  # a list line under the 号 (printed indented)
                    etree.SubElement(etree.SubElement(etree.SubElement(item, "List"), "ListSentence"),
                                     "Sentence").text = draw(_WORD)
                _subitems(draw, item, 1)
    if draw(st.booleans()):
        suppl = etree.SubElement(body, "SupplProvision")
        etree.SubElement(suppl, "SupplProvisionLabel").text = "附" + S + "則"
        para = etree.SubElement(suppl, "Paragraph", Num="1")
        etree.SubElement(para, "ParagraphNum")
        etree.SubElement(etree.SubElement(para, "ParagraphSentence"), "Sentence").text = draw(_SENTENCE)
    return lawcode.Law(root)


@given(laws())
def test_generated_laws_survive(law):
    result = text_roundtrip(law)
    assert result.error is None
    assert result.differences == ()
