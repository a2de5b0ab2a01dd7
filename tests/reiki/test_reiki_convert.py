"""例規集 pages → Law, one rule at a time, on hand-written pages (no corpus needed except for the XSD check)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import lawcode
from lawcode.errors import NotALawError, ParseError
from lawcode.io.reiki import convert, detect_system, is_reiki_page, notes
from lawcode.io.reiki.daiichi import decode_hno, split_sentences
from lawcode.io.reiki.html import declared_charset
from lawcode.io.reiki.numbers import article_num, item_num, unit_num
from reiki_pages import (
    article, clause, d1w_line, d1w_page, head, item, line, load_page, note, sentences, srb_page, suppl, unit,
    xsd_path,
)


def _sentences(p: lawcode.Provision) -> list[etree._Element]:
    return list(p.element.iter("Sentence"))


# -- head, 題名, 番号, 公布日 ---------------------------------------------------------------------------------------
def test_head_gives_title_number_and_promulgation_date():
    law = load_page(srb_page(head() + [article("第1条", "目的を定める。")]))
    assert law.title == "桜丘市テスト条例"  # the vendor's 「○」 is not part of the 題名
    assert law.law_num == "平成10年条例第16号"
    root = law.root.element
    assert (root.get("Era"), root.get("Year"), root.get("Num")) == ("Heisei", "10", "16")
    assert (root.get("PromulgateMonth"), root.get("PromulgateDay")) == ("12", "22")
    assert law.revision is not None and law.revision.origin == "reiki/gyosei"
    assert str(law.revision.promulgation_date) == "1998-12-22"


def test_enforcement_date_of_the_page_is_kept():
    law = load_page(srb_page(head() + [article("第1条", "x")], enforced="平成31年4月1日施行"))
    assert law.revision is not None and str(law.revision.enforced) == "2019-04-01"


def test_kanji_numerals_are_read_and_text_is_kept():
    lines = head(date="令和四年一二月二二日", number="条例第一三〇号") + [
        article("第三条", "次に掲げる事項を記載する。"), item("一", "名称"), item("二", "目的"),
        clause("2", "前項の登録簿を備える。"), article("第三条の二", "あつて、および、または。"),
    ]
    law = load_page(srb_page(lines))
    assert law.law_num == "令和四年条例第一三〇号"
    assert law.root.element.get("Num") == "130"
    assert law.find("第3条第1項第2号").text().endswith("目的")
    assert law.find("第3条第2項").text().endswith("前項の登録簿を備える。")
    assert law.find("第3条の2").text().endswith("あつて、および、または。")  # not normalised


def test_unknown_page_names_the_supported_systems():
    with pytest.raises(ParseError) as info:
        lawcode.loads(b"<!DOCTYPE html><html><body><p>hello</p></body></html>", source="x.html")
    assert "ぎょうせい" in str(info.value) and "第一法規" in str(info.value)
    assert "x.html" in str(info.value)


def test_index_page_of_a_known_system_is_not_a_law():
    page = b'<html><head><meta name="author" content="\xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe\xe3\x81\x8e\xe3\x82\x87\xe3\x81\x86\xe3\x81\x9b\xe3\x81\x84"></head><body></body></html>'
    with pytest.raises(NotALawError):
        lawcode.loads(page)


def test_page_without_promulgation_date_is_refused_with_the_reason():
    with pytest.raises(ParseError, match="公布日"):
        load_page(srb_page([article("第1条", "x")]))


@pytest.mark.parametrize("label, codec, text", [
    ("Shift_JIS", "cp932", "個人情報を保護する。髙①"),  # what Shift_JIS sites really send: cp932 (NEC, IBM)
    ("EUC-JP", "euc_jp", "個人情報を保護する。"),
    ("utf-8", "utf-8", "個人情報を保護する。髙"),
])
def test_declared_charset_is_honoured(label, codec, text):
    data = srb_page(head() + [article("第1条", text)], charset=codec).replace(
        f"charset={codec}".encode(), f"charset={label}".encode())
    law = load_page(data)
    assert law.find("第1条").text().endswith(text)


def test_bytes_not_in_the_declared_charset_are_an_error_with_a_line():
    data = srb_page(head() + [article("第1条", "保護")]).replace(b"charset=utf-8", b"charset=euc-jp")
    data = data.replace("保護".encode(), b"\xff\xff")
    with pytest.raises(ParseError, match="euc"):
        load_page(data)


def test_charset_detection():
    assert declared_charset(b'<meta charset="Shift_JIS">') == "cp932"
    assert declared_charset(b'<META CONTENT="text/html;charset=EUC-JP">') == "euc_jis_2004"
    assert declared_charset(b"<html>") == "utf-8"


def test_detection_is_by_markup():
    assert detect_system(srb_page(head())) == "gyosei"
    assert detect_system(d1w_page([])) == "daiichi"
    assert detect_system(b"<html><body></body></html>") is None
    assert is_reiki_page(srb_page(head())) and not is_reiki_page(b"<Law/>")


# -- structure -----------------------------------------------------------------------------------------------
def test_article_caption_paragraphs_items_and_subitems():
    lines = head() + [
        article("第2条", "次の各号に掲げる用語の意義は、当該各号に定める。", caption="(定義)"),
        item("(1)", "個人情報　生存する個人に関する情報"),
        item("ア", "文書", cls="li1"), item("(ア)", "図画", cls="li2"), item("a", "写真", cls="li3"),
        item("イ", "電磁的記録", cls="li1"),
        item("(2)", "実施機関"),
        clause("2", "前項の規定にかかわらず、市長が定める。"),
    ]
    law = load_page(srb_page(lines))
    art = law.find("第2条")
    assert art.caption == "(定義)"
    assert law.find("第2条第1項第1号ア").heading == "ア"
    assert law.find("第2条第1項第1号ア").subprovisions[0].tag == "Subitem2"
    assert law.find("第2条第1項第1号ア").subprovisions[0].subprovisions[0].tag == "Subitem3"
    assert law.find("第2条第1項第1号イ").text().endswith("電磁的記録")
    assert law.find("第2条第1項第2号").text().endswith("実施機関")
    assert law.find("第2条第2項").text().endswith("市長が定める。")


def test_branch_numbers_at_every_level():
    lines = head() + [
        unit("chapter", "第3章の2", "雑則"),
        article("第59条の20の2", "本文。"), item("(14)の2", "枝番の号"),
    ]
    law = load_page(srb_page(lines))
    assert law.find("第59条の20の2").path == "MainProvision-Article_59_20_2"
    assert law.find("第59条の20の2第1項第14号の2").text().endswith("枝番の号")
    assert law.find("第3章の2").heading.startswith("第3章の2")


def test_chapters_sections_and_subsections_nest():
    lines = head() + [
        unit("chapter", "第1章", "総則"), article("第1条", "a"),
        unit("chapter", "第2章", "基準"), unit("section", "第1節", "通則"), unit("subsection", "第1款", "細則"),
        article("第2条", "b"), unit("section", "第2節", "雑則"), article("第3条", "c"),
    ]
    law = load_page(srb_page(lines))
    assert [p.tag for p in law.find("第2条").ancestors()][:3] == ["Subsection", "Section", "Chapter"]
    assert law.find("第2章第2節").subprovisions[0].heading == "第3条"


def test_deleted_articles_single_and_range():
    lines = head() + [article("第10条", "削除"), article("第13条から第17条まで", "削除"), article("第18条", "x")]
    law = load_page(srb_page(lines))
    assert law.find("第10条").is_deleted
    assert law.find("第15条").path == "MainProvision-Article_13:17"  # a number inside the range finds it
    assert law.find("第13条").is_deleted and law.find("第18条").text().endswith("x")


def test_main_proviso_and_later_sentences_are_separate():
    law = load_page(srb_page(head() + [
        article("第6条", "取り扱つてはならない。", "ただし、この限りでない。"),
        article("第7条", "届け出なければならない。", "変更するときも、同様とする。"),
    ]))
    s6 = _sentences(law.find("第6条第1項"))
    assert [s.get("Function") for s in s6] == ["main", "proviso"]
    s7 = _sentences(law.find("第7条第1項"))
    assert [s.get("Num") for s in s7] == ["1", "2"] and s7[1].get("Function") is None


def test_continuation_line_belongs_to_the_item_above():
    cont = line(f'<p style="text-indent:1em;" class="p">{sentences("製造業を営む者をいう。")}</p>')
    law = load_page(srb_page(head() + [article("第2条", "定義する。"), item("(1)", "事業者"), cont,
                                       item("(2)", "製造業")]))
    assert law.find("第2条第1項第1号").text().endswith("製造業を営む者をいう。")
    assert law.find("第2条第1項第2号").text().endswith("製造業")


def test_notes_are_metadata_not_text():
    law = load_page(srb_page(head() + [
        article("第1条", "目的。"), note("(平17条例31・一部改正)"),
        article("第2条", "定義。"), note("(平成元年規則第17号で平成2年1月7日から施行)", cls="note"),
    ]))
    assert "平17条例31" not in law.find("第1条").text()
    got = notes(law)
    assert got["MainProvision-Article_1"] == ("(平17条例31・一部改正)",)
    assert got["MainProvision-Article_2"] == ("(平成元年規則第17号で平成2年1月7日から施行)",)
    for path in got:
        assert law.find(path).path == path


def test_suppl_provisions_with_amend_law_num_completed_from_history():
    history = [("◆", "平成10年12月22日", "条例第16号"), ("◇", "平成11年6月24日", "条例第23号")]
    law = load_page(srb_page(head() + [
        article("第1条", "x"), suppl(), clause("1", "この条例は、平成11年4月1日から施行する。"),
        suppl("平成11年", "条例第23号", extract=True), clause("1", "この条例は、公布の日から施行する。"),
        suppl("平成12年", "条例第8号"), clause("1", "沿革にない改正。"),
    ], history=history))
    original, amend, unknown = law.suppl_provisions
    assert original.amend_law_num is None
    assert amend.amend_law_num == "平成11年6月24日条例第23号" and amend.extract
    assert unknown.amend_law_num == "平成12年条例第8号"  # not in the 沿革: as printed
    assert law.find("平成11年条例第23号附則第1項").text().endswith("公布の日から施行する。")
    assert law.find("附則第1項").text().endswith("施行する。")
    assert law.revision is not None and law.revision.amendment_law_num == "平成11年6月24日条例第23号"


def test_table_with_spans_and_borders():
    table = (
        '<div class="table_frame"><div class="table-wrapper"><table class="b-on"><thead><tr class="fixed-colspec">'
        '<td style="width:50%"></td><td style="width:50%"></td></tr></thead>'
        '<tr class="start t-edge"><td rowspan="2" class="bb-on br-on l-edge"><p style="text-align:center;" class="p">'
        '<span class="cm">区分</span></p></td><td class="bb-on r-edge"><p class="p"><span class="cm">A</span></p></td>'
        '</tr><tr><td class="r-edge b-edge"><p class="p"><span class="cm">B</span></p></td></tr>'
        '<tr><td colspan="2" class="bb-on l-edge r-edge b-edge"><p class="p"><span class="cm">計</span></p></td></tr>'
        "</table></div></div>"
    )
    law = load_page(srb_page(head() + [
        article("第1条", "x"),
        line('<div class="table_section"><p class="num"><span class="num cm">別表第1</span>'
             '<span class="table-title cm">(第1条関係)</span></p></div>'),
        line(table),
    ]))
    appdx = law.find("別表第1")
    cols = list(appdx.element.iter("TableColumn"))
    assert [c.get("rowspan") for c in cols] == ["2", None, None, None]
    assert cols[3].get("colspan") == "2"
    assert cols[0].get("Align") == "center"
    assert cols[1].get("BorderBottom") == "solid" and cols[2].get("BorderBottom") == "solid"
    assert cols[1].get("BorderLeft") == "solid"  # the cell on its left draws a right rule
    assert appdx.element.findtext("RelatedArticleNum") == "(第1条関係)"


def test_style_and_figure_are_references():
    law = load_page(srb_page(head() + [
        article("第1条", "様式による。"),
        line('<div class="form_section"><p class="num"><a onclick="fileDownloadAction2(\'word/r400FG00000114.rtf\');'
             'return false;" href="#"><span class="num cm">様式第1号</span></a></p></div>'),
        line('<div class="xref_frame cm"><p><img src="word/r400FG00000114s.png" class="xref_thumb"/></p></div>'),
        line('<div class="figure_frame cm"><p><img src="word/r400IG00000049.jpg"/></p></div>'),
    ]))
    style = law.find("様式第1号")
    assert [f.get("src") for f in style.element.iter("Fig")][0] == "word/r400FG00000114.rtf"


def test_ruby_sup_and_sub_are_elements():
    rich = ('禁<ruby class="inline ruby">錮<rt>こ</rt></ruby>、m<span class="inline sup">2</span>、'
            'H<span class="inline sub">2</span>O<span class="brackets-color1">(括弧)</span>')
    law = load_page(srb_page(head() + [article("第1条", rich)]))
    s = _sentences(law.find("第1条第1項"))[0]
    assert s.find("Ruby").text == "錮" and s.find("Ruby/Rt").text == "こ"
    assert s.findtext("Sup") == "2" and s.findtext("Sub") == "2"
    assert law.find("第1条").text().endswith("禁錮、m²、H₂O(括弧)")  # the model renders Sup/Sub


def test_enactment_and_toc():
    law = load_page(srb_page(head() + [
        line('<div class="enactment"><p class="p"><span class="p cm">旧条例の全部を改正する。</span></p></div>'),
        line('<div class="toc"><p class="title"><span class="cm">目次</span></p></div>'),
        line('<div class="in-chapter"><p class="toc_item-chapter"><span class="num cm">第1章</span>\u3000'
             '<span class="title cm">総則</span><span class="p cm">(第1条)</span></p></div>'),
        line('<div class="in-chapter"><p class="toc_item-supplement"><span class="title cm">附則</span></p></div>'),
        unit("chapter", "第1章", "総則"), article("第1条", "x"),
    ]))
    body = law.body.element
    assert body.findtext("EnactStatement") == "旧条例の全部を改正する。"
    assert body.find("TOC/TOCChapter/ChapterTitle").text == "第1章\u3000総則"
    assert body.find("TOC/TOCSupplProvision") is not None


def test_secondary_pane_and_num_ids_never_become_text():
    law = load_page(srb_page(head() + [article("第1条", "本文")], history=[("◆", "平成10年12月22日", "条例第16号")]))
    assert "e000000001" not in law.to_xml().decode() and "◆" not in law.to_xml().decode()


def test_every_hand_written_page_validates_against_the_xsd():
    xsd = xsd_path()
    if xsd is None:
        pytest.skip("XSD is read from $LAWCODE_CORPUS/schema (not set)")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    pages = [
        srb_page(head() + [article("第1条", "a", "ただし、b"), item("(1)", "c"), item("ア", "d", cls="li1"),
                           suppl(), clause("1", "e"), article("第3条", "f")]),
        srb_page(head() + [line('<p class="p">{}</p>'.format(sentences("告示の本文")))]),
        srb_page(head() + [unit("chapter", "第1章", "総則"), unit("chapter", "第2章", "削除"),
                           article("第2条", "x")]),
        d1w_page([d1w_line("hL20", "1.0.0.0-0.0-0.0.0-0-0-0-0", "<b>第１条</b>\u3000本文。ただし、例外。")]),
    ]
    for data in pages:
        schema.assertValid(etree.fromstring(load_page(data).to_xml()))


# -- 第一法規 -------------------------------------------------------------------------------------------------
def test_daiichi_structure_is_read_from_the_ids():
    law = load_page(d1w_page([
        d1w_line("hL10", "7.0.0.0-0.0-0.0.0-0-0-0-0", "（立入調査）"),
        d1w_line("hL20", "7.0.0.0-0.0-0.0.0-0-0-0-0", "<b>第７条</b>\u3000調査をさせることができる。"),
        d1w_line("hL20", "7.0.0.0-2.0-0.0.0-0-0-0-0", "２\u3000通知しなければならない。ただし、困難なときは、この限りでない。"),
        d1w_line("hL20", "7.0.0.0-2.0-1.0.0-0-0-0-0", "(１)\u3000第一の号"),
        d1w_line("hL20", "8.2.0.0-0.0-0.0.0-0-0-0-0", "<b>第８条の２</b>\u3000枝番の条。"),
        d1w_line("sO10", "", "<b>附\u3000則</b>"),
        d1w_line("sL30", "0.0.0.0-0.0-0.0.0-0-0-0-0", "この条例は、公布の日から施行する。"),
        d1w_line("kO10", "", "<b>附\u3000則</b>（令和７年12月10日条例第36号）", hno="H507901010036"),
        d1w_line("kL30", "0.0.0.0-0.0-0.0.0-0-0-0-0", "この条例は、公布の日から施行する。", hno="H507901010036"),
    ]))
    assert law.law_num == "令和５年条例第23号"
    assert law.find("第7条").caption == "（立入調査）"
    assert [s.get("Function") for s in _sentences(law.find("第7条第2項"))[:2]] == ["main", "proviso"]
    assert law.find("第7条第2項第1号").text().endswith("第一の号")
    assert law.find("第8条の2").path == "MainProvision-Article_8_2"
    assert law.find("令和7年条例第36号附則").amend_law_num == "令和７年12月10日条例第36号"
    assert law.revision is not None and law.revision.origin == "reiki/daiichi"


def test_daiichi_amending_act_from_its_id_when_the_heading_has_no_number():
    law = load_page(d1w_page([
        d1w_line("hL20", "1.0.0.0-0.0-0.0.0-0-0-0-0", "<b>第１条</b>\u3000本文。"),
        d1w_line("kO10", "", "<b>附\u3000則</b>", hno="H507901010036"),
        d1w_line("kL30", "0.0.0.0-0.0-0.0.0-0-0-0-0", "施行する。", hno="H507901010036"),
    ], charset="Shift_JIS"))
    assert law.suppl_provisions[0].amend_law_num == "令和7年条例第36号"


def test_hno_decoding():
    assert decode_hno("H507901010036") == "令和7年条例第36号"
    assert decode_hno("H401902100003") == "平成元年規則第3号"
    assert decode_hno("H5079999991003A") is None


def test_sentence_split_respects_brackets():
    assert split_sentences("甲とする（乙。丙。）。ただし、丁。") == ["甲とする（乙。丙。）。", "ただし、丁。"]
    assert split_sentences("一文のみ。") == ["一文のみ。"]


@given(st.lists(st.text(alphabet="あいう（）「」。", min_size=1, max_size=12), min_size=1, max_size=5))
def test_sentence_split_loses_nothing(parts):
    text = "".join(parts)
    assert "".join(split_sentences(text)) == text


# -- numbers -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, num", [
    ("第8条の2", ("8_2", False)), ("第五十九条の二十の二", ("59_20_2", False)), ("第１２条", ("12", False)),
    ("第13条から第17条まで", ("13:17", True)), ("第149条から第151条の2まで", ("149:151_2", True)),
])
def test_article_numbers(text, num):
    assert article_num(text) == num


@pytest.mark.parametrize("label, num", [("(1)", "1"), ("（１２）", "12"), ("一", "1"), ("十四の二", "14_2"),
                                        ("(14)の2", "14_2")])
def test_item_numbers(label, num):
    assert item_num(label) == num


def test_unit_numbers():
    assert unit_num("第3章の2") == "3_2" and unit_num("第十章") == "10"


def test_convert_returns_lines_for_vendor_anchors():
    page = convert(srb_page(head() + [article("第1条", "x"), item("(1)", "y")]))
    made = [paths for paths in page.lines.values() if paths]
    assert ("MainProvision-Article_1", "MainProvision-Article_1-Paragraph_1") in made
    assert ("MainProvision-Article_1-Paragraph_1-Item_1",) in made
    assert page.system == "gyosei"


def test_convert_refuses_wrong_types():
    with pytest.raises(ParseError):
        convert(123)  # type: ignore[arg-type]


def test_text_already_decoded_is_read_whatever_the_meta_says():
    data = srb_page(head() + [article("第1条", "文字列で渡す。")], charset="cp932").replace(
        b"charset=cp932", b"charset=Shift_JIS")
    law = lawcode.loads(data.decode("cp932"))
    assert law.find("第1条").text().endswith("文字列で渡す。")
