"""別表, 目次 and ただし書 written whole by the generator and read back by the applier (lawcode.amend.appendix):
「別表第一を次のように改める。」, 「別表第一の次に次の一表を加える。」, 「別表第二を削る。」, 「題名の次に次の目次を付する。」,
「目次を削る。」, 「第一条に次のただし書を加える。」 and 「第一条ただし書を削る。」."""

from __future__ import annotations

import lawcode
from amend_laws import A, P, chapter, kaimebun_roundtrip, law
from lxml import etree

from lawcode.amend.appendix import conform, learn_profile, read_appendices, write_appendix
from lawcode.amend.generate import generate
from lawcode.amend.tables import read_cell_notes, read_provisions, write_cell_notes, write_provisions


def row(*cells: str) -> str:
    return "<TableRow>" + "".join(f"<TableColumn><Sentence>{c}</Sentence></TableColumn>" if c else
                                  "<TableColumn><Sentence/></TableColumn>" for c in cells) + "</TableRow>"


def table(number: str, *rows: tuple[str, ...], related: str = "（第一条関係）",
          mode: str = ' WritingMode="vertical"') -> str:
    return (f"<AppdxTable><AppdxTableTitle{mode}>別表{number}</AppdxTableTitle>"
            f"<RelatedArticleNum>{related}</RelatedArticleNum>"
            f"<TableStruct><Table>{''.join(row(*r) for r in rows)}</Table></TableStruct></AppdxTable>")


MAIN = A(1, P(1, "手数料の額は、別表第一に定める。"))
T1 = table("第一", ("区分", "金額"), ("閲覧", "三百円"), ("写し", "十円"))


def test_a_table_is_written_in_the_table_notation_and_read_back() -> None:
    old = law(MAIN, extra=T1)
    e = old.root.element.find("LawBody/AppdxTable")
    text = write_appendix(e)
    assert text.splitlines() == ["別表第一", "（第一条関係）", "｜区分｜金額｜", "｜閲覧｜三百円｜", "｜写し｜十円｜"]
    [back] = read_appendices(text, learn_profile(old.root.element.find("LawBody")))
    assert etree.tostring(back) == etree.tostring(etree.fromstring(etree.tostring(e)))


def test_conform_takes_layout_attributes_from_the_same_context() -> None:
    old = law(MAIN, extra=T1)
    profile = learn_profile(old.root.element.find("LawBody"))
    e = etree.fromstring('<AppdxTable><AppdxTableTitle>別表第二</AppdxTableTitle><TableStruct><Table><TableRow>'
                         '<TableColumn><Sentence Num="1" WritingMode="vertical">甲</Sentence></TableColumn>'
                         "</TableRow></Table></TableStruct></AppdxTable>")
    conform(e, profile)
    assert e.find("AppdxTableTitle").get("WritingMode") == "vertical"  # as the base law's 別表 titles
    assert dict(e.find(".//Sentence").attrib) == {}  # cell sentences of the base law carry nothing


def test_an_empty_cell_reads_back_as_an_empty_sentence() -> None:
    old = law(MAIN, extra=table("第一", ("区分", "金額"), ("閲覧", "")))
    e = old.root.element.find("LawBody/AppdxTable")
    [back] = read_appendices(write_appendix(e), learn_profile(old.root.element.find("LawBody")))
    assert etree.tostring(back) == etree.tostring(etree.fromstring(etree.tostring(e)))


def test_a_restructured_table_is_rewritten_whole() -> None:
    old = law(MAIN, extra=T1)
    new = law(MAIN, extra=table("第一", ("区分", "金額", "備考"), ("閲覧", "無料", ""), ("写し", "十円", "一枚につき")))
    assert kaimebun_roundtrip(old, new) == ["別表第一を次のように改める。"]


def test_added_and_deleted_tables() -> None:
    t2 = table("第二", ("区分", "期間"), ("保存", "五年"), related="（第二条関係）")
    old = law(MAIN, extra=T1)
    new = law(MAIN, extra=T1 + t2)
    assert kaimebun_roundtrip(old, new) == ["別表第一の次に次の一表を加える。"]
    assert kaimebun_roundtrip(new, old) == ["別表第二を削る。"]


def test_the_first_table_goes_after_the_suppl_provisions() -> None:
    suppl = ("<SupplProvision><SupplProvisionLabel>附　則</SupplProvisionLabel>"
             + P(1, "この法律は、公布の日から施行する。") + "</SupplProvision>")
    plain = table("第一", ("区分", "金額"), ("閲覧", "三百円"), mode="")  # nothing to learn a title's layout from
    old = law(MAIN, extra=suppl)
    new = law(MAIN, extra=suppl + plain)
    assert kaimebun_roundtrip(old, new) == ["附則の次に次の一表を加える。"]


def test_toc_added_and_removed() -> None:
    chapters = (chapter(1, "総則", MAIN), chapter(2, "雑則", A(2, P(1, "規則で定める。"))))
    toc = ("<TOC><TOCLabel>目次</TOCLabel>"
           '<TOCChapter Num="1"><ChapterTitle>第一章　総則</ChapterTitle><ArticleRange>（第一条）</ArticleRange></TOCChapter>'
           '<TOCChapter Num="2"><ChapterTitle>第二章　雑則</ChapterTitle><ArticleRange>（第二条）</ArticleRange></TOCChapter>'
           "</TOC>")
    old, new = law(*chapters), law(*chapters, toc=toc)
    assert kaimebun_roundtrip(old, new) == ["題名の次に次の目次を付する。"]
    assert kaimebun_roundtrip(new, old) == ["目次を削る。"]


def test_proviso_added_and_removed() -> None:
    old = law(A(1, P(1, "市長は、計画を定める。")))
    new = law(A(1, P(1, "市長は、計画を定める。ただし、緊急の場合は、この限りでない。")))
    assert kaimebun_roundtrip(old, new) == ["第一条に次のただし書を加える。"]
    assert kaimebun_roundtrip(new, old) == ["第一条ただし書を削る。"]


def test_second_sentence_added_with_an_edit_of_the_first() -> None:
    old = law(A(1, P(1, "市長は、計画を定める。")))
    new = law(A(1, P(1, "区長は、計画を定める。この場合において、区長は、公表する。")))
    assert kaimebun_roundtrip(old, new) == ["第一条に次の後段を加える。", "第一条中「市長」を「区長」に改める。"]


def article_with_table(*rows: str) -> str:
    return ('<Article Num="2"><ArticleTitle>第二条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
            '<ParagraphSentence><Sentence Num="1" WritingMode="vertical">手数料の額は、次の表のとおりとする。</Sentence>'
            f"</ParagraphSentence><TableStruct><Table>{''.join(rows)}</Table></TableStruct></Paragraph></Article>")


SPAN = ('<TableRow><TableColumn rowspan="2" Valign="top"><Sentence>閲覧</Sentence></TableColumn>'
        "<TableColumn><Sentence>一件</Sentence></TableColumn><TableColumn><Sentence>三百円</Sentence></TableColumn>"
        "</TableRow><TableRow><TableColumn><Sentence>一日</Sentence></TableColumn>"
        "<TableColumn><Sentence>千円</Sentence></TableColumn></TableRow>")


def test_cell_notes_carry_spans_and_alignment() -> None:
    old = law(MAIN, article_with_table(SPAN))
    e = old.root.element.find(".//Article[@Num='2']")
    text = write_provisions([e], {})
    assert text.splitlines()[-2:] == ["｜｛rowspan=2,Valign=top｝閲覧｜一件｜三百円｜", "｜一日｜千円｜"]
    [back] = read_provisions(text, {})
    cell = back.find(".//TableColumn")
    assert dict(cell.attrib) == {"Valign": "top", "rowspan": "2"} and cell.find("Sentence").text == "閲覧"


def test_cell_notes_say_only_what_differs_from_the_usual_cell() -> None:
    cell = etree.fromstring('<TableColumn BorderTop="solid" rowspan="2"><Sentence>甲</Sentence></TableColumn>')
    noted = write_cell_notes(cell, {"BorderTop": "solid", "BorderLeft": "solid"})
    assert noted.find("Sentence").text == "｛rowspan=2,-BorderLeft｝甲"
    read_cell_notes(noted, {"BorderTop": "solid", "BorderLeft": "solid"})
    assert dict(noted.attrib) == {"BorderTop": "solid", "rowspan": "2"} and noted.find("Sentence").text == "甲"


def test_an_article_holding_a_table_is_rewritten_whole() -> None:
    old = law(MAIN, article_with_table(SPAN))
    extra = ('<TableRow><TableColumn><Sentence>写し</Sentence></TableColumn><TableColumn><Sentence>一枚</Sentence>'
             "</TableColumn><TableColumn><Sentence>十円</Sentence></TableColumn></TableRow>")
    new = law(MAIN, article_with_table(SPAN, extra))
    assert kaimebun_roundtrip(old, new) == ["第二条を次のように改める。"]


def test_a_chapter_inserted_before_others_renumbers_them() -> None:
    one, rules = chapter(1, "総則", MAIN), chapter(2, "雑則", A(2, P(1, "規則で定める。")))
    new_chapter = chapter(2, "手数料", A(2, P(1, "手数料を徴収する。")))
    moved = chapter(3, "雑則", A(3, P(1, "規則で定める。")))
    old, new = law(one, rules), law(one, new_chapter, moved)
    sentences = kaimebun_roundtrip(old, new)
    assert sentences[:2] == ["第二条を第三条とする。", "第二章を第三章とする。"]
    assert sentences[2] == "第一章の次に次の一章を加える。"


def test_an_inserted_article_is_not_taken_for_the_one_it_displaces() -> None:
    old = law(A(1, P(1, "目的を定める。")), A(2, P(1, "市長は、計画を定める。")))
    new = law(A(1, P(1, "目的を定める。")), A(2, P(1, "市民は、協力するよう努める。")),
              A(3, P(1, "市長は、計画を定め、公表する。")))
    sentences = kaimebun_roundtrip(old, new)
    assert sentences[0] == "第二条を第三条とする。" and "第一条の次に次の一条を加える。" in sentences


def test_title_reading_attributes_do_not_block_a_title_edit() -> None:
    old = law(MAIN)
    edited = lawcode.amend(old, "　テスト法の一部を次のように改正する。\n　題名中「テスト」を「試験」に改める。\n").law
    new = lawcode.loads(edited.to_xml().decode("utf-8").replace("<LawTitle>", '<LawTitle Kana="しけんほう">')
                        .encode("utf-8"))
    assert kaimebun_roundtrip(old, new) == ["題名中「テスト法」を「試験法」に改める。"]  # a whole word is quoted


def test_a_honsoku_of_paragraphs_only_is_rewritten_whole() -> None:
    def honsoku(first: str, *rows: str) -> lawcode.Law:
        return law('<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence Num="1" WritingMode="vertical">'
                   f"{first}</Sentence></ParagraphSentence><TableStruct><Table>{''.join(rows)}</Table></TableStruct>"
                   "</Paragraph>")
    old = honsoku("令和五年度の率は、次の表のとおりとする。", row("甲", "一・二"), row("乙", "一・二"))
    new = honsoku("令和六年度の率は、次の表のとおりとする。", row("甲", "一・三"), row("乙", "一・三"))
    assert kaimebun_roundtrip(old, new) == ["本則を次のように改める。"]


def test_range_ends_are_shortened_without_cutting_a_branch_number() -> None:
    from lawcode.amend.generate import _short

    assert _short("第二十二条の三第七項", "第二十二条の三第四項") == "第七項"
    assert _short("第九条第一項第六号", "第九条第一項第三号") == "第六号"
    assert _short("第十二条の二", "第十二条") == "第十二条の二"
    assert _short("第十二条の二", "第十二条の三") == "第十二条の二"


def test_a_honsoku_of_articles_divided_into_chapters_is_rewritten_whole() -> None:
    articles = (MAIN, A(2, P(1, "規則で定める。")))
    old = law(*articles)
    new = law(chapter(1, "総則", articles[0]), chapter(2, "雑則", articles[1]))
    assert kaimebun_roundtrip(old, new) == ["本則を次のように改める。"]


def test_ruby_is_written_in_the_notation_and_read_back() -> None:
    from lawcode.amend.ruby import ruby_to_text, text_to_ruby

    s = etree.fromstring("<Sentence>賄<Ruby>賂<Rt>ろ</Rt>\n</Ruby>を収受し、<Ruby>せ<Rt>ヽ</Rt>い<Rt>ヽ</Rt></Ruby>剤</Sentence>")
    plain = ruby_to_text(s)
    assert plain.text == "賄｟賂《ろ》｠を収受し、｟せ《ヽ》い《ヽ》｠剤" and not len(plain)
    text_to_ruby(plain)
    assert etree.tostring(plain, encoding="unicode") == (
        "<Sentence>賄<Ruby>賂<Rt>ろ</Rt></Ruby>を収受し、<Ruby>せ<Rt>ヽ</Rt>い<Rt>ヽ</Rt></Ruby>剤</Sentence>")


def test_an_article_with_ruby_is_added_as_text() -> None:
    art = ('<Article Num="2"><ArticleTitle>第二条</ArticleTitle><Paragraph Num="1"><ParagraphNum/><ParagraphSentence>'
           '<Sentence Num="1" WritingMode="vertical"><Ruby>賄<Rt>わい</Rt></Ruby>賂を収受したときは、罰する。</Sentence>'
           "</ParagraphSentence></Paragraph></Article>")
    old, new = law(MAIN), law(MAIN, art)
    k = generate(old, new)
    assert "第二条　｟賄《わい》｠賂を収受したときは、罰する。" in k.text
    assert kaimebun_roundtrip(old, new) == ["第一条の次に次の一条を加える。"]


def preamble(*paragraphs: str) -> str:
    return "<Preamble>" + "".join(
        f'<Paragraph Num="{i}"><ParagraphNum/><ParagraphSentence><Sentence WritingMode="vertical">{t}</Sentence>'
        "</ParagraphSentence></Paragraph>" for i, t in enumerate(paragraphs, 1)) + "</Preamble>"


def test_preamble_phrase_edit_and_whole_rewrite() -> None:
    first = "我々は、平和を願う。この法律は、その実現を図る。"
    old = law(MAIN, toc=preamble(first, "ここに、この法律を制定する。"))
    edited = law(MAIN, toc=preamble(first.replace("平和", "恒久の平和"), "ここに、この法律を制定する。"))
    [sentence] = kaimebun_roundtrip(old, edited)
    assert sentence.startswith("前文中「") and "恒久の" in sentence
    grown = law(MAIN, toc=preamble(first, "家族についても、同様とする。", "ここに、この法律を制定する。"))
    assert kaimebun_roundtrip(old, grown) == ["前文を次のように改める。"]
    text = generate(old, grown).text
    assert "我々は、平和を願う。この法律は、その実現を図る。\n家族についても、同様とする。\n" in text
