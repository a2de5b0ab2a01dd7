"""parse_text(): one hand-written case per rule, and errors with line, column and a hint."""

from __future__ import annotations

import re

import pytest

import lawcode
from lawcode import ParseError, parse_text

S = "\u3000"


def _law(*lines: str) -> lawcode.Law:
    return parse_text("\n".join(lines) + "\n", "case.txt")


def test_title_and_law_number():
    law = _law("テスト法", "（令和二年法律第八号）", "第一条" + S + "この法律は、試験に用いる。")
    assert law.title == "テスト法"
    assert law.law_num == "令和二年法律第八号"
    assert law.law_number is not None and law.law_number.year == 2
    assert law.law_type == "Act"


def test_toc_and_containers():
    law = _law("テスト法", "目次", S + "第一章" + S + "総則（第一条）", S + S + "第一節" + S + "通則（第一条）", S + "附則",
               "第一章" + S + "総則", "第一節" + S + "通則", "第一条" + S + "本文。")
    assert law.find("MainProvision-Chapter_1-Section_1-Article_1").label == "第一条"
    toc = law.toc
    assert toc is not None and "第一節" in toc.text()


def test_article_caption_paragraphs_items_and_subitems():
    law = _law("（定義）", "第二条" + S + "次に掲げる用語の意義は、次のとおりとする。", "一" + S + "甲" + S + "甲という。",
               "一の二" + S + "乙をいう。", "イ" + S + "丙", "（１）" + S + "丁", "２" + S + "前項の規定は、適用する。")
    art = law.find("第二条")
    assert art.caption == "（定義）"
    assert law.find("MainProvision-Article_2-Paragraph_1-Item_1_2").heading == "一の二"
    assert law.find("MainProvision-Article_2-Paragraph_1-Item_1_2-Subitem1_1-Subitem2_1").own_text() == "丁"
    assert law.find("第二条第二項").own_text() == "前項の規定は、適用する。"
    # a 号 written 「一　区分　内容」 keeps its columns
    item = law.find("第二条第一項第一号").element
    assert [c.findtext("Sentence") for c in item.iter("Column")] == ["甲", "甲という。"]


def test_sentences_split_as_egov_does():
    law = _law("第一条" + S + "甲は、乙とする。ただし、丙（「丁。」を含む。）は、この限りでない。", "２" + S + "前段とする。後段とする。")
    sentences = law.find("第一条第一項").element.findall("ParagraphSentence/Sentence")
    assert [s.get("Function") for s in sentences] == ["main", "proviso"]
    assert sentences[1].text == "ただし、丙（「丁。」を含む。）は、この限りでない。"
    assert [s.text for s in law.find("第一条第二項").element.iter("Sentence")] == ["前段とする。", "後段とする。"]


def test_deleted_ranges():
    law = _law("第一条" + S + "次に掲げる。", "一" + S + "甲", "二及び三" + S + "削除", "第二条から第四条まで" + S + "削除")
    assert law.find("MainProvision-Article_2:4").text() == "第二条から第四条まで" + S + "削除"
    assert law.find("第三条").path == "MainProvision-Article_2:4"
    assert law.find("MainProvision-Article_1-Paragraph_1-Item_2:3").own_text() == "削除"


def test_suppl_provisions_original_and_amending():
    law = _law("第一条" + S + "本文。", "附" + S + "則", "この法律は、公布の日から施行する。",
               "附" + S + "則" + S + "（令和三年法律第三十七号）" + S + "抄", "（施行期日）", "第一条" + S + "この法律は、施行する。")
    first, second = law.suppl_provisions
    assert first.element.get("AmendLawNum") is None
    assert law.find("附則第一項").own_text() == "この法律は、公布の日から施行する。"
    assert second.element.get("AmendLawNum") == "令和三年法律第三十七号"
    assert second.element.get("Extract") == "true"
    assert law.find("SupplProvision[令和3年法律第37号]-Article_1").caption == "（施行期日）"


def test_appendix_table_notation():
    law = _law("第一条" + S + "別表に定める。", "別表第一", "（第一条関係）", "｜区分｜金額｜", "｜甲｜百円＼二百円｜", "備考" + S + "注意する。")
    table = law.appendices[0]
    assert table.element.findtext("RelatedArticleNum") == "（第一条関係）"
    rows = table.element.findall("TableStruct/Table/TableRow")
    assert [[c.findtext("Sentence") for c in r] for r in rows][0] == ["区分", "金額"]
    assert [s.text for s in rows[1][1]] == ["百円", "二百円"]
    assert table.element.findtext(".//Remarks/Sentence") == "注意する。"


def test_horizontal_municipal_style():
    law = _law("第3条" + S + "次に掲げる。", "(1)" + S + "甲", "ア" + S + "乙", "(ア)" + S + "丙", "2" + S + "前項とする。")
    assert law.find("MainProvision-Article_3-Paragraph_1-Item_1").heading == "(1)"
    assert law.find("MainProvision-Article_3-Paragraph_1-Item_1-Subitem1_1").heading == "ア"
    assert law.find("MainProvision-Article_3-Paragraph_1-Item_1-Subitem1_1-Subitem2_1").own_text() == "丙"
    assert law.find("第3条第2項").own_text() == "前項とする。"


def test_old_unnumbered_paragraphs():
    law = _law("第一条" + S + "甲ハ乙トス", "前項ノ規定ハ丙ニ適用ス")
    assert law.find("第一条第二項").own_text() == "前項ノ規定ハ丙ニ適用ス"


def test_amending_law():
    law = _law("第一条" + S + "甲法（令和元年法律第一号）の一部を次のように改正する。",
               S + S + "第二条中「乙」を「丙」に改める。",
               S + S + "第三条の次に次の一条を加える。",
               S + "（丁）", "第三条の二" + S + "丁とする。",
               "附" + S + "則", "この法律は、公布の日から施行する。")
    para = law.find("第一条第一項").element
    amends = para.findall("AmendProvision")
    assert [a.findtext("AmendProvisionSentence/Sentence") for a in amends] == [
        "第二条中「乙」を「丙」に改める。", "第三条の次に次の一条を加える。"]
    new = amends[1].find("NewProvision/Article")
    assert new.get("Num") == "3_2" and new.findtext("ArticleCaption") == "（丁）"
    assert len(law.suppl_provisions) == 1


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("第一条" + S + "甲。\n（宙に浮いた見出し）\n附" + S + "則\n", 2, "caption"),
        ("附" + S + "則\nイ" + S + "細分だけ\n", 2, "outside"),  # 「一　…」 there is a 項 numbered 一
        ("第一条" + S + "甲。\n第二条" + S + "乙\r。\n", 2, "cannot read"),
    ],
)
def test_errors_say_where_and_why(text, line, words):
    with pytest.raises(ParseError) as info:
        parse_text(text, "bad.txt")
    assert info.value.line == line
    assert info.value.column is not None
    assert words in str(info.value)
    assert "bad.txt" in str(info.value)


@pytest.mark.parametrize(("bad", "code"), [("\x00", "U+0000"), ("\x0b", "U+000B"), ("\udcff", "U+DCFF"),
                                           ("\uffff", "U+FFFF")])
def test_a_character_xml_cannot_hold_is_refused_where_it_stands(bad, code):
    text = "第一条" + S + "甲。\n第二条" + S + "乙" + bad + "。\n"
    for loader in (parse_text, lawcode.loads):
        with pytest.raises(ParseError, match=re.escape(code)) as info:
            loader(text, "bad.txt")
        assert (info.value.line, info.value.column) == (2, 6)


def test_wrong_type_is_a_lawcode_error():
    with pytest.raises(lawcode.LawcodeError):
        parse_text(123)  # type: ignore[arg-type]


def test_bytes_are_read_as_utf8():
    law = parse_text(("第一条" + S + "甲。\n").encode("utf-8"))
    assert law.find("第一条第一項").own_text() == "甲。"
