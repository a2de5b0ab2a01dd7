"""Reader heuristics and comparison rules added for the corpus round trip (docs/plaintext.md), one small case each."""

from __future__ import annotations

import lawcode
from lawcode.io.text import parse_text
from lawcode.io.text.roundtrip import text_roundtrip

S = "\u3000"


def test_a_bracketed_line_after_an_amending_paragraph_is_an_amendment_sentence():
    law = parse_text("第一条" + S + "甲法の一部を次のように改正する。\n（「次のよう」略）\n"
                     "２" + S + "前項の改正は、乙とする。\n（丙の経過措置）\n第二条" + S + "丙。\n")
    first = law.find("第一条第一項").element
    assert [a.findtext("AmendProvisionSentence/Sentence") for a in first.findall("AmendProvision")] == [
        "（「次のよう」略）"]
    assert first.find(".//NewProvision") is None
    assert law.find("第一条第二項").own_text() == "前項の改正は、乙とする。"
    assert law.find("第二条").caption == "（丙の経過措置）"


def test_a_quoted_caption_after_an_announcing_sentence_stays_quoted():
    law = parse_text("第一条" + S + "甲法の一部を次のように改正する。\n第三条を次のように改める。\n"
                     "（丁）\n第三条" + S + "丁。\n")
    new = law.find("第一条第一項").element.find("AmendProvision/NewProvision/Article")
    assert new is not None and new.findtext("ArticleCaption") == "（丁）"


def test_running_text_after_a_toc_that_lists_a_preamble_is_the_preamble():
    law = parse_text("甲法\n（令和二年法律第一号）\n目次\n" + S + "前文\n" + S + "第一章" + S + "総則（第一条）\n"
                     "われらは、ここにこの法律を制定する。\n第一章" + S + "総則\n第一条" + S + "甲。\n")
    body = law.root.element.find("LawBody")
    assert body.find("EnactStatement") is None
    assert body.findtext("Preamble/Paragraph/ParagraphSentence/Sentence") == "われらは、ここにこの法律を制定する。"


def test_an_old_enacting_formula_is_a_enact_statement():
    law = parse_text("甲規則\n（明治三十八年逓信省令第一号）\n甲規則左ノ通定ム\n第一条" + S + "甲ス\n")
    assert law.root.element.findtext("LawBody/EnactStatement") == "甲規則左ノ通定ム"


def test_unnumbered_paragraphs_of_a_suppl_provision_without_articles():
    law = parse_text("第一条" + S + "甲ス\n附" + S + "則\n本法ハ公布ノ日ヨリ施行ス\n従来ノ規則ハ之ヲ廃止ス\n")
    suppl = law.root.element.find("LawBody/SupplProvision")
    assert [p.get("Num") for p in suppl.findall("Paragraph")] == ["1", "2"]


def test_a_line_with_columns_in_an_old_article_is_a_list_line():
    law = parse_text("第一条" + S + "左ノ例ニ従ヒ其軽重ヲ定ム\n死刑" + S + "死刑\n第二条" + S + "乙ス\n")
    para = law.find("第一条第一項").element
    assert len(law.find("第一条").element.findall("Paragraph")) == 1
    assert para.find("List") is not None


_LAW = """<Law Era="Reiwa" Year="2" Num="1" LawType="Act" Lang="ja"><LawNum>令和二年法律第一号</LawNum><LawBody>
<LawTitle>甲法</LawTitle><MainProvision>
<Article Num="2"><ArticleTitle>第三条</ArticleTitle><Paragraph Num="1"><ParagraphNum/><ParagraphSentence>
<Sentence>甲。</Sentence></ParagraphSentence></Paragraph></Article>
<Article Num="4"><ArticleTitle>第四条</ArticleTitle><Paragraph Num="1"><ParagraphNum/><ParagraphSentence>
<Sentence>次に掲げる者。</Sentence></ParagraphSentence>
<Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence>甲</Sentence></ItemSentence>
<Subitem1 Num="1"><Subitem1Title>イからハまで</Subitem1Title><Subitem1Sentence><Sentence>削除</Sentence></Subitem1Sentence></Subitem1>
<Subitem1 Num="2"><Subitem1Title>ニ</Subitem1Title><Subitem1Sentence><Sentence>乙</Sentence></Subitem1Sentence></Subitem1>
</Item></Paragraph></Article></MainProvision>
<AppdxTable Num="1"><AppdxTableTitle>別表第一</AppdxTableTitle><Item Num="1"><ItemTitle>一</ItemTitle>
<ItemSentence><Sentence>丙</Sentence></ItemSentence></Item></AppdxTable>
</LawBody></Law>"""


def test_what_the_text_cannot_carry_is_excluded_by_cause():
    result = text_roundtrip(lawcode.loads(_LAW))
    assert result.ok, result.differences
    causes = {d.what for d in result.excluded}
    assert causes == {"heading number", "range number", "appendix number"}
    ranged = next(d for d in result.excluded if d.what == "range number" and d.path.endswith("Subitem1_2"))
    assert ranged.got is not None and ranged.got.endswith("Subitem1_4")  # ニ is the fourth kana
    assert {d.expected: d.got for d in result.excluded}["AppdxTable_1"] == "AppdxTable[1]"
    assert {d.expected: d.got for d in result.excluded}["MainProvision-Article_2"] == "MainProvision-Article_3"


def test_a_text_difference_inside_a_matched_group_is_still_reported():
    law = lawcode.loads(_LAW)
    d = law.draft()
    d.element("第四条第一項第一号").find("Subitem1[2]/Subitem1Title").text = "ニ\u3000乙"  # now a column
    result = text_roundtrip(d.commit())
    assert any(x.what == "text" for x in result.differences)


def test_a_caption_right_before_the_next_article_stays_its_caption():
    # e-Gov leaves the 改め文 out altogether: the bracketed line is the caption of the 条 that follows
    law = parse_text("第一条" + S + "甲令の一部を次のように改正する。\n（乙令の一部改正）\n第二条" + S
                     + "乙令の一部を次のように改正する。\n")
    assert law.find("第二条").caption == "（乙令の一部改正）"
    assert law.find("第一条第一項").element.find("AmendProvision") is None


# -- rules added for issue 14 (docs/plaintext.md, "Reading text") --------------------------------------------
def test_the_preamble_line_marks_the_preamble_and_a_blank_line_ends_it():
    law = parse_text("甲令\n（明治四十年勅令第一号）\n甲令\n前文\n甲令左ノ通定ム\n乙ハ丙トス\n\n第一" + S + "丁ス\n")
    body = law.root.element.find("LawBody")
    assert [e.text for e in body.findall("EnactStatement")] == ["甲令"]  # no sentence ending, still the 制定文
    assert [p.findtext("ParagraphSentence/Sentence") for p in body.findall("Preamble/Paragraph")] == [
        "甲令左ノ通定ム", "乙ハ丙トス"]  # an enacting ending, still the 前文
    assert body.findtext("MainProvision/Paragraph/ParagraphNum") == "第一"  # 項 numbered 第一 after the 前文


def test_the_writer_prints_the_preamble_line():
    law = parse_text("甲法\n（令和二年法律第一号）\n前文\n甲を定める。\n\n第一条" + S + "乙。\n")
    text = law.to_text()
    assert "\n前文\n甲を定める。\n\n第一条" in text
    assert text_roundtrip(law).ok


def test_a_repeated_title_before_the_first_article_is_the_enact_statement():
    law = parse_text("甲法　抄\n（令和二年法律第一号）\n甲法\n第一条" + S + "乙。\n")
    body = law.root.element.find("LawBody")
    assert body.findtext("EnactStatement") == "甲法" and body.find("Preamble") is None


def test_a_bracketed_line_before_the_toc_is_part_of_the_enact_statement():
    law = parse_text("甲法\n（明治二十九年法律第一号）\n甲法別冊ノ通定ム\n（別冊）\n目次\n" + S + "第一章" + S
                     + "総則（第一条）\n第一章" + S + "総則\n第一条" + S + "乙\n")
    assert [e.text for e in law.root.element.iterfind("LawBody/EnactStatement")] == ["甲法別冊ノ通定ム", "（別冊）"]


def test_toc_of_articles_and_a_suppl_provision_with_its_range():
    law = parse_text("甲法\n（令和二年法律第一号）\n目次\n" + S + "第一条" + S + "施行期日\n" + S + "第二条の二" + S
                     + "経過措置\n" + S + "附則" + S + "（第三条―第四条）\n第一条" + S + "甲。\n")
    toc = law.root.element.find("LawBody/TOC")
    assert [a.get("Num") for a in toc.findall("TOCArticle")] == ["1", "2_2"]
    assert toc.findtext("TOCSupplProvision/ArticleRange") == "（第三条―第四条）"


def test_a_free_form_appendix_title_is_known_by_its_related_articles_line():
    law = parse_text("第一条" + S + "甲。\n記別様式第四\n（第十四条関係）\n［図］\n第一号の二書式\n［図］\n")
    body = law.root.element.find("LawBody")
    assert [c.findtext("*[1]") for c in body if c.tag.startswith("Appdx")] == ["記別様式第四", "第一号の二書式"]
    assert body.findtext("AppdxStyle/RelatedArticleNum") == "（第十四条関係）"


def test_a_related_articles_line_before_an_article_is_still_a_caption():
    law = parse_text("第一条" + S + "甲。\n乙\n（郵便法関係）\n第二条" + S + "丙。\n")
    assert law.find("第二条").caption == "（郵便法関係）"


def test_list_lines_are_indented_and_read_back_by_their_indentation():
    law = parse_text("第一条" + S + "次に掲げる者\n一" + S + "甲\n" + S + "乙の者\n" + S + S + "丙の者\n二" + S + "丁\n")
    item = law.find("第一条第一号").element
    assert item.findtext("List/ListSentence/Sentence") == "乙の者"
    assert item.findtext("List/Sublist1/Sublist1Sentence/Sentence") == "丙の者"
    assert "\n一" + S + "甲\n" + S + "乙の者\n" + S + S + "丙の者\n" in law.to_text()
    # unindented, the same line is the next unnumbered 項 of an old law
    old = parse_text("第一条" + S + "甲ス\n乙ス\n")
    assert len(old.find("第一条").element.findall("Paragraph")) == 2


def test_numbering_styles_nest_in_the_order_they_appear():
    law = parse_text("第一条" + S + "次の区分による。\n（一）" + S + "歳入\n一" + S + "予算額\n二" + S + "収納額\n"
                     "（二）" + S + "歳出\n一" + S + "支出額\n")
    para = law.find("第一条第一項").element
    assert [i.findtext("ItemTitle") for i in para.findall("Item")] == ["（一）", "（二）"]
    assert [s.findtext("Subitem1Title") for s in para.find("Item").findall("Subitem1")] == ["一", "二"]
    kana = parse_text("第一条" + S + "次の者\nイ" + S + "甲\nロ" + S + "乙\n").find("第一条第一項").element
    assert [i.findtext("ItemTitle") for i in kana.findall("Item")] == ["イ", "ロ"]  # イ right under a 項 is its 号
    usual = parse_text("第一条" + S + "次の者\n一" + S + "甲\nイ" + S + "乙\n（１）" + S + "丙\n二" + S + "丁\n")
    para = usual.find("第一条第一項").element
    assert para.find("Item/Subitem1/Subitem2/Subitem2Title").text == "（１）"
    assert [i.findtext("ItemTitle") for i in para.findall("Item")] == ["一", "二"]


def test_old_article_character_and_kanji_numbered_paragraphs_of_a_suppl_provision():
    law = parse_text("第一條" + S + "甲ス\n附" + S + "則" + S + "抄\n一" + S + "この省令は、公布の日から施行する。\n二" + S
                     + "乙とする。\n")
    assert law.find("第一条").element.findtext("ArticleTitle") == "第一條"
    suppl = law.root.element.find("LawBody/SupplProvision")
    assert [p.findtext("ParagraphNum") for p in suppl.findall("Paragraph")] == ["一", "二"]


def test_kana_no_paren_branches_and_paragraph_ranges():
    law = parse_text("第一条" + S + "次の者\n一" + S + "甲\nヌ" + S + "乙\nノ" + S + "丙\n（二十の二）" + S + "丁\n"
                     "２～４" + S + "〔略〕\n５" + S + "戊。\n")
    item = law.find("第一条第一項第一号").element
    assert [s.get("Num") for s in item.findall("Subitem1")] == ["10", "26"]  # ヌ, ノ in イロハ order
    assert item.find("Subitem1/Subitem2").get("Num") == "20_2"
    assert [p.get("Num") for p in law.find("第一条").element.findall("Paragraph")] == ["1", "2:4", "5"]


def test_an_article_after_an_amendment_that_adds_items_is_not_quoted():
    law = parse_text("第一条" + S + "甲法の一部を次のように改正する。\n第四条第一項第八十六号の次に次の一号を加える。\n"
                     "八十六の二" + S + "乙\n（準備行為）\n第二条" + S + "丙。\n")
    assert law.find("第二条").caption == "（準備行為）"
    new = law.find("第一条第一項").element.find("AmendProvision/NewProvision")
    assert [c.tag for c in new] == ["Item"]


def test_a_law_printed_without_main_provision_gets_the_empty_one_e_gov_writes():
    law = parse_text("甲令" + S + "抄\n（令和五年政令第一号）\n内閣は、この政令を制定する。\n附" + S + "則\n"
                     "この政令は、公布の日から施行する。\n")
    body = law.root.element.find("LawBody")
    assert [c.tag for c in body] == ["LawTitle", "EnactStatement", "MainProvision", "SupplProvision"]
    assert body.find("MainProvision/Paragraph/ParagraphSentence/Sentence").text is None


def test_a_prefixed_suppl_provision_label_and_an_indented_title_like_list_line():
    law = parse_text("第一条" + S + "次の書式による。\n一" + S + "甲" + S + "別紙第三号書式\n" + S + "別紙第三号の二書式\n"
                     "第一次改正法律附則" + S + "（昭和二四年六月二四日法律第二一六号）\nこの法律は、公布の日から施行する。\n")
    assert law.find("第一条第一号").element.findtext("List/ListSentence/Sentence") == "別紙第三号の二書式"
    suppl = law.root.element.find("LawBody/SupplProvision")
    assert suppl.findtext("SupplProvisionLabel") == "第一次改正法律附則"
    assert suppl.get("AmendLawNum") == "昭和二四年六月二四日法律第二一六号"


def test_a_chapter_or_article_after_an_amendment_that_quotes_no_chapter_is_the_laws_own():
    law = parse_text("第一章" + S + "整備\n第一条" + S + "甲令の一部を次のように改正する。\n第五条中「乙」を「丙」に改める。\n"
                     "第二章" + S + "経過措置\n第二条" + S + "丁。\n第三条" + S + "戊法の一部を次のように改正する。\n"
                     "附則第十五条に次の一項を加える。\n４６" + S + "己\n（経過措置）\n第四条" + S + "庚。\n")
    main = law.root.element.find("LawBody/MainProvision")
    assert [c.findtext("ChapterTitle") for c in main] == ["第一章" + S + "整備", "第二章" + S + "経過措置"]
    assert law.find("第四条").caption == "（経過措置）"


def test_a_line_of_several_bracketed_phrases_is_no_caption():
    law = parse_text("第一条" + S + "額は、次の式による。\n" + S + "（甲の額－乙の額）×１／３×（丙の額）\n第二条" + S + "丁。\n")
    assert law.find("第一条第一項").element.findtext("List/ListSentence/Sentence") == "（甲の額－乙の額）×１／３×（丙の額）"
    assert law.find("第二条").caption is None


def test_appendix_titles_with_a_name_before_the_related_articles_and_numbered_tables():
    law = parse_text("第一条" + S + "甲。\n附" + S + "則" + S + "（昭和二六年法律第八七号）\n"
                     "この法律は、公布の日から施行する。\n附則別表第一号表\n｜甲｜乙｜\n"
                     "別表第一" + S + "国会議事堂周辺地域（第二条関係）\n｜丙｜\n")
    body = law.root.element.find("LawBody")
    assert body.findtext("SupplProvision/SupplProvisionAppdxTable/SupplProvisionAppdxTableTitle") == "附則別表第一号表"
    assert body.findtext("AppdxTable/AppdxTableTitle") == "別表第一" + S + "国会議事堂周辺地域（第二条関係）"
