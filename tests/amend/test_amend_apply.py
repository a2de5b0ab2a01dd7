"""Applying amendments to tiny laws: one test per operation family and per rule of domain.md §3.2."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.amend import Scope, amend

from amend_laws import LAW_NUM, TITLE, A, P, chapter, law, xml
from lawcode.text.numerals import to_fullwidth_digits

PRE = f"{TITLE}（{LAW_NUM}）の一部を次のように改正する。\n"


def run(base: lawcode.Law, body: str, scope=None) -> lawcode.Amendment:
    return amend(base, PRE + body, scope)


def base3() -> lawcode.Law:
    return law(
        A(1, P(1, "この法律は、甲の保護を目的とする。"), caption="（目的）"),
        A(2, P(1, "甲とは、甲をいう。", ["甲の一", "甲の二", "甲の三"]), P(2, "前項の甲は、乙とする。ただし、丙は除く。"),
          caption="（甲の定義）"),
        A(3, P(1, "甲は、第二条の規定による。"), P(2, "前項の規定は、甲に適用する。"), P(3, "前二項の甲。")),
    )


# -- phrase operations ---------------------------------------------------------------------------------------
def test_replace_hits_every_occurrence_in_scope_but_not_the_caption():
    r = run(base3(), "第二条中「甲」を「丁」に改める。")
    new = r.law
    assert new.find("第二条第一項").text().startswith("丁とは、丁をいう。")
    assert "丁の一" in new.find("第二条第一項第一号").text()
    assert new.find("第二条").caption == "（甲の定義）"  # 見出し untouched
    assert new.find("第一条").text().endswith("甲の保護を目的とする。")  # outside the scope
    assert "6箇所" in r.log[0].did


def test_caption_is_edited_when_named_or_included():
    new = run(base3(), "第二条の見出し中「甲」を「丁」に改める。").law
    assert new.find("第二条").caption == "（丁の定義）"
    assert new.find("第二条第一項").text().startswith("甲とは")
    new = run(base3(), "第二条（見出しを含む。）中「甲の」を「丁の」に改める。").law
    assert new.find("第二条").caption == "（丁の定義）"


def test_delete_and_insert_phrase():
    new = run(base3(), "第二条第二項中「ただし、丙は除く。」を削り、「前項の甲」の下に「及び丁」を加える。").law
    assert new.find("第二条第二項").text() == "２　前項の甲及び丁は、乙とする。"


def test_sentence_part_scope():
    new = run(base3(), "第二条第二項ただし書中「丙」を「戊」に改める。").law
    text = new.find("第二条第二項").text()
    assert "ただし、戊は除く。" in text and "前項の甲は" in text
    with pytest.raises(lawcode.AmendError, match="not found"):
        run(base3(), "第二条第二項ただし書中「前項」を「戊」に改める。")


def test_phrase_not_found_names_sentence_operation_target_and_why():
    base = base3()
    before = base.to_xml()
    with pytest.raises(lawcode.AmendError) as info:
        run(base, "第一条中「甲」を「乙」に改める。\n第三条第二項中「存在しない」を「乙」に改める。")
    err = info.value
    assert "「存在しない」 not found" in str(err)
    assert err.sentence == "第三条第二項中「存在しない」を「乙」に改める。"
    assert err.operation == "字句の改正"
    assert err.target == "第三条第二項"
    assert err.where.endswith(":3:1")
    assert base.to_xml() == before  # atomic: the first sentence left no trace


# -- captions ------------------------------------------------------------------------------------------------
def test_caption_set_attach_delete():
    new = run(base3(), "第一条の見出しを「（趣旨）」に改める。").law
    assert new.find("第一条").caption == "（趣旨）"
    new = run(base3(), "第三条の前に見出しとして「（適用）」を付する。").law
    assert new.find("第三条").caption == "（適用）"
    new = run(base3(), "第一条の見出しを削る。").law
    assert new.find("第一条").caption is None


# -- adding --------------------------------------------------------------------------------------------------
def test_add_article_after_with_caption_and_paragraphs():
    r = run(base3(), "第一条の次に次の一条を加える。\n（基本理念）\n第一条の二　甲は、尊重されなければならない。\n"
                     "２　乙も、同様とする。\n")
    art = r.law.find("第一条の二")
    assert art.caption == "（基本理念）"
    assert [p.path for p in art.children if p.tag == "Paragraph"] == [
        "MainProvision-Article_1_2-Paragraph_1", "MainProvision-Article_1_2-Paragraph_2"]
    e = art.element
    assert e.find("Paragraph/ParagraphNum").text is None  # first 項: empty ParagraphNum like e-Gov
    assert e.find("Paragraph/ParagraphSentence/Sentence").get("WritingMode") == "vertical"
    assert [a.heading for a in r.law.articles()] == ["第一条", "第一条の二", "第二条", "第三条"]


def test_add_paragraph_item_and_sentence():
    new = run(base3(), "第一条に次の一項を加える。\n２　前項の甲には、乙を含む。\n").law
    assert new.find("第一条第二項").text() == "２　前項の甲には、乙を含む。"
    new = run(base3(), "第二条第一項に次の一号を加える。\n四　甲の四\n").law
    assert new.find("第二条第一項第四号").text() == "四　甲の四"
    new = run(base3(), "第二条第一項第一号の次に次の一号を加える。\n一の二　甲の一の二\n").law
    assert [i.heading for i in new.find("第二条第一項").children if i.tag == "Item"] == ["一", "一の二", "二", "三"]
    new = run(base3(), "第一条に後段として次のように加える。\n　この場合において、乙も保護する。\n").law
    sentences = new.find("第一条第一項").element.findall("ParagraphSentence/Sentence")
    assert [s.get("Num") for s in sentences] == ["1", "2"]


def test_add_rejects_text_of_the_wrong_kind_or_count():
    with pytest.raises(lawcode.AmendError, match="expected 1 new <Paragraph>"):
        run(base3(), "第一条に次の一項を加える。\n第九条　条文\n")
    with pytest.raises(lawcode.AmendError, match="adds 2"):
        run(base3(), "第一条に次の二項を加える。\n２　一つだけ。\n")


# -- whole replacement and deletion ----------------------------------------------------------------------------
def test_replace_whole_article_and_deletion_placeholder():
    new = run(base3(), "第三条を次のように改める。\n（新）\n第三条　全く新しい条文とする。\n").law
    assert new.find("第三条").text() == "（新）\n第三条　全く新しい条文とする。"
    new = run(base3(), "第三条を次のように改める。\n第三条　削除\n").law
    sentence = new.find("第三条第一項").element.find("ParagraphSentence/Sentence")
    assert sentence.text == "削除" and sentence.get("Num") is None


def test_delete_item_then_close_the_gap():
    r = run(base3(), "第二条第一項第二号を削り、同項第三号を同項第二号とする。")
    items = [i for i in r.law.find("第二条第一項").children if i.tag == "Item"]
    assert [(i.heading, i.text().split("　")[1]) for i in items] == [("一", "甲の一"), ("二", "甲の三")]
    labels = {(m.old_label, m.new_label) for m in r.lineage}
    assert ("第二条第一項第二号", None) in labels
    assert ("第二条第一項第三号", "第二条第一項第二号") in labels
    assert r.moved()["MainProvision-Article_2-Paragraph_1-Item_3"] == "MainProvision-Article_2-Paragraph_1-Item_2"


def test_delete_proviso_leaves_one_plain_sentence():
    new = run(base3(), "第二条第二項ただし書を削る。").law
    (s,) = new.find("第二条第二項").element.findall("ParagraphSentence/Sentence")
    assert s.get("Function") is None and s.text == "前項の甲は、乙とする。"


# -- renumbering and the order rules of §3.2 --------------------------------------------------------------------
def test_sentence_start_numbering_and_back_to_front_moves():
    r = run(base3(), "第三条を第四条とし、第二条を第三条とし、第一条の次に次の一条を加える。\n第二条　新しい第二条。\n")
    assert [a.heading for a in r.law.articles()] == ["第一条", "第二条", "第三条", "第四条"]
    assert r.law.find("第二条").text() == "第二条　新しい第二条。"
    assert r.law.find("第三条").caption == "（甲の定義）"
    assert r.law.find("第四条第一項").text() == "甲は、第二条の規定による。"  # text is not touched by 条ずれ


def test_contents_are_edited_before_the_move():
    new = run(base3(), "第三条中「甲」を「乙」に改め、同条を第五条とする。").law
    assert new.find("第五条第一項").text().startswith("乙は")


def test_worked_example_paragraph_shift_and_anaphora():
    """domain.md §3.4 on a five-項 article: 同項 follows the provision just renumbered."""
    base = law(A(1, *(P(i, f"第{i}の本文。前項。") for i in range(1, 6))))
    r = run(base, "第一条中第五項を第七項とし、第四項を第六項とし、同条第三項中「前項」を「第三項」に改め、同項を同条第五項とし、"
                  "同条第二項中「前項」を「第一項」に改め、同項を同条第三項とし、同項の次に次の一項を加える。\n"
                  "４　新しい第四項。\n"
                  "第一条第一項の次に次の一項を加える。\n２　新しい第二項。\n")
    texts = [r.law.find(f"第一条第{n}項").text() for n in "一二三四五六七"]
    assert texts == ["第1の本文。前項。", "２　新しい第二項。", "３　第2の本文。第一項。", "４　新しい第四項。",
                     "５　第3の本文。第三項。", "６　第4の本文。前項。", "７　第5の本文。前項。"]


def test_shift_articles_with_branches_and_deleted_ranges():
    base = law(A(1, P(1, "一。")), A(2, P(1, "二。")), A("2_2", P(1, "二の二。")),
               '<Article Num="3:4"><ArticleTitle>第三条から第四条まで</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
               "<ParagraphSentence><Sentence>削除</Sentence></ParagraphSentence></Paragraph></Article>",
               A(5, P(1, "五。")))
    r = run(base, "第二条から第五条までを一条ずつ繰り下げ、第一条の次に次の一条を加える。\n第二条　新。\n")
    assert [a.heading for a in r.law.articles()] == ["第一条", "第二条", "第三条", "第三条の二", "第四条から第五条まで", "第六条"]
    assert r.law.find("第四条から第五条まで").element.get("Num") == "4:5"


def test_chapter_title_and_toc_phrase_across_elements():
    toc = ('<TOC><TOCLabel>目次</TOCLabel><TOCChapter Num="1"><ChapterTitle>第一章　総則</ChapterTitle>'
           "<ArticleRange>（第一条・第二条）</ArticleRange></TOCChapter></TOC>")
    base = law(chapter(1, "総則", A(1, P(1, "一。")), A(2, P(1, "二。"))), toc=toc)
    r = run(base, "目次中「第一章　総則（第一条・第二条）」を「第一章　通則（第一条―第三条）」に改める。\n"
                  "第一章の章名中「総則」を「通則」に改める。\n")
    toc_e = r.law.toc.element
    assert toc_e.find("TOCChapter/ChapterTitle").text == "第一章　通則"
    assert toc_e.find("TOCChapter/ArticleRange").text == "（第一条―第三条）"
    assert r.law.find("MainProvision-Chapter_1").element.find("ChapterTitle").text == "第一章　通則"


def test_table_row_edit_and_added_row():
    table = ('<AppdxTable Num="1"><AppdxTableTitle>別表第一</AppdxTableTitle><TableStruct><Table>'
             '<TableRow><TableColumn BorderTop="solid"><Sentence>事務</Sentence></TableColumn>'
             '<TableColumn BorderTop="solid"><Sentence>課</Sentence></TableColumn></TableRow>'
             '<TableRow><TableColumn BorderTop="solid"><Sentence>甲の事務</Sentence></TableColumn>'
             '<TableColumn BorderTop="solid"><Sentence>甲課</Sentence></TableColumn></TableRow>'
             "</Table></TableStruct></AppdxTable>")
    base = law(A(1, P(1, "一。")), extra=table)
    r = run(base, "別表第一甲の事務の項中「甲課」を「乙課」に改め、同項の次に次のように加える。\n　乙の事務　丙課\n")
    rows = r.law.appendices[0].element.findall("TableStruct/Table/TableRow")
    assert [[c.findtext("Sentence") for c in row] for row in rows] == [["事務", "課"], ["甲の事務", "乙課"],
                                                                        ["乙の事務", "丙課"]]
    assert rows[2][0].get("BorderTop") == "solid"


# -- parts, scopes and atomicity --------------------------------------------------------------------------------
def test_only_the_part_for_this_law_is_applied():
    text = ("第一条　別の法律（令和元年法律第一号）の一部を次のように改正する。\n　第一条中「甲」を「X」に改める。\n"
            f"第二条　{TITLE}（{LAW_NUM}）の一部を次のように改正する。\n　第一条中「甲」を「乙」に改める。\n")
    r = amend(base3(), text)
    assert "乙の保護" in r.law.find("第一条").text()
    with pytest.raises(lawcode.AmendError, match="does not amend"):
        amend(base3(), "別の法律の一部を次のように改正する。\n第一条中「甲」を「乙」に改める。\n")


def test_scopes():
    body = "第一条中「甲」を「乙」に改める。\n第二条第二項中「丙」を「戊」に改める。\n"
    r = run(base3(), body, "only:第二条第二項")
    assert "甲の保護" in r.law.find("第一条").text() and "戊" in r.law.find("第二条第二項").text()
    assert len(r.skipped) == 1
    r = run(base3(), body, Scope.excluding("第二条"))
    assert "乙の保護" in r.law.find("第一条").text() and "丙" in r.law.find("第二条第二項").text()
    text = f"第七条　{PRE}第一条中「甲」を「乙」に改める。\n第八条　{PRE}第三条中「甲」を「丁」に改める。\n"
    r = amend(base3(), text, "article:第八条")
    assert "甲の保護" in r.law.find("第一条").text() and "丁は" in r.law.find("第三条").text()
    with pytest.raises(lawcode.AmendError, match="unknown scope"):
        run(base3(), body, "sometimes")


def test_horizontal_municipal_style_keeps_arabic_numbers():
    src = xml('<Article Num="1"><ArticleTitle>第1条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
              "<ParagraphSentence><Sentence>市は、甲を行う。</Sentence></ParagraphSentence></Paragraph></Article>"
              '<Article Num="2"><ArticleTitle>第2条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
              "<ParagraphSentence><Sentence>市長は、乙を行う。</Sentence></ParagraphSentence></Paragraph></Article>")
    base = lawcode.loads(src.encode())
    r = run(base, "第2条を第3条とし、第1条の次に次の1条を加える。\n第2条　市民は、丙を行う。\n")
    assert [a.heading for a in r.law.articles()] == ["第1条", "第2条", "第3条"]
    new = r.law.find("第2条").element
    assert new.find("Paragraph/ParagraphSentence/Sentence").get("Num") is None  # as the base writes them
    assert new.find("Paragraph/ParagraphSentence/Sentence").get("WritingMode") is None


def test_amend_rejects_wrong_types():
    with pytest.raises(lawcode.AmendError):
        amend("not a law", "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        amend(base3(), b"bytes")  # type: ignore[arg-type]


def test_explain_lists_each_operation():
    r = run(base3(), "第一条中「甲」を「乙」に改め、同条を第四条とする。")
    lines = r.explain().splitlines()
    assert len(lines) == 2 and "字句の改正" in lines[0] and "→第四条" in lines[1]


def test_containers_renumbered_added_and_titles_replaced():
    base = law(chapter(1, "総則", A(1, P(1, "一。"))), chapter(2, "雑則", A(2, P(1, "二。"))))
    r = run(base, "第二章を第三章とし、第一章の次に次の一章を加える。\n第二章　甲\n（甲の原則）\n第一条の二　甲は、乙とする。\n"
                  "題名を次のように改める。\n　新テスト法\n"
                  "第一章の章名を次のように改める。\n第一章　通則\n")
    chapters = [c for c in r.law.main_provision.children if c.tag == "Chapter"]
    assert [c.element.findtext("ChapterTitle") for c in chapters] == ["第一章　通則", "第二章　甲", "第三章　雑則"]
    assert r.law.title == "新テスト法"
    assert r.law.find("第一条の二").caption == "（甲の原則）"


def test_new_first_paragraph_and_article_table_rows():
    r = run(base3(), "第一条第一項を同条第二項とし、同条に第一項として次の一項を加える。\n　甲は、尊重される。\n")
    assert r.law.find("第一条第一項").text() == "甲は、尊重される。"
    assert r.law.find("第一条第二項").text() == "２　この法律は、甲の保護を目的とする。"
    table = ('<TableStruct><Table><TableRow><TableColumn><Sentence>第七十条第二項</Sentence></TableColumn>'
             "<TableColumn><Sentence>甲</Sentence></TableColumn></TableRow></Table></TableStruct>")
    src = xml(A(1, P(1, "次の表のとおりとする。")).replace("</ParagraphSentence>", "</ParagraphSentence>" + table))
    r = run(lawcode.loads(src.encode()), "第一条の表第七十条第二項の項中「甲」を「乙」に改める。")
    assert r.law.find("第一条").element.find(".//TableRow/TableColumn[2]/Sentence").text == "乙"


def test_horizontal_municipal_amendment_end_to_end():
    src = xml('<Article Num="1"><ArticleTitle>第1条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
              "<ParagraphSentence><Sentence>市長は、次に掲げる事務を行う。</Sentence></ParagraphSentence>"
              '<Item Num="1"><ItemTitle>(1)</ItemTitle><ItemSentence><Sentence>甲の事務</Sentence></ItemSentence>'
              '<Subitem1 Num="1"><Subitem1Title>ア</Subitem1Title><Subitem1Sentence><Sentence>甲のア</Sentence>'
              "</Subitem1Sentence></Subitem1></Item>"
              '<Item Num="2"><ItemTitle>(2)</ItemTitle><ItemSentence><Sentence>乙の事務</Sentence></ItemSentence></Item>'
              "</Paragraph></Article>")
    base = lawcode.loads(src.encode())
    text = (f"2　{TITLE}(令和5年法律第99号)の一部を次のように改正する。\n"
            "第1条第1号ア中「甲」を「丙」に改め、同条第2号を同条第3号とし、同条第1号の次に次の1号を加える。\n"
            "(2)　丁の事務\n"
            "第1条第1号および第3号中「事務」を「業務」に改める。\n")
    r = amend(base, text)
    items = r.law.find("第1条").element.findall("Paragraph/Item")
    assert [(i.get("Num"), i.findtext("ItemTitle"), i.findtext("ItemSentence/Sentence")) for i in items] == [
        ("1", "(1)", "甲の業務"), ("2", "(2)", "丁の事務"), ("3", "(3)", "乙の業務")]
    assert items[0].findtext("Subitem1/Subitem1Sentence/Sentence") == "丙のア"


def test_sentence_parts_and_items_replaced_whole():
    new = run(base3(), "第二条第二項ただし書を次のように改める。\n　ただし、丁は含む。\n").law
    main, proviso = new.find("第二条第二項").element.findall("ParagraphSentence/Sentence")
    assert proviso.text == "ただし、丁は含む。" and proviso.get("Function") == "proviso" and main.get("Function") == "main"
    new = run(base3(), "第二条第一項各号を次のように改める。\n一　新一\n二　新二\n").law
    items = new.find("第二条第一項").element.findall("Item")
    assert [i.findtext("ItemSentence/Sentence") for i in items] == ["新一", "新二"]


def test_articles_move_into_another_chapter_and_tables_are_renumbered():
    base = law(chapter(1, "総則", A(1, P(1, "一。")), A(2, P(1, "二。"))), chapter(2, "雑則", A(5, P(1, "五。"))),
               extra='<AppdxTable Num="1"><AppdxTableTitle>別表第一</AppdxTableTitle></AppdxTable>')
    r = run(base, "第二条を第二章中第四条とする。\n別表第一を別表第二とする。\n")
    chapters = [c for c in r.law.main_provision.children if c.tag == "Chapter"]
    assert [a.heading for a in chapters[1].children if a.tag == "Article"] == ["第四条", "第五条"]
    assert r.law.appendices[0].element.findtext("AppdxTableTitle") == "別表第二"
    assert r.moved()["MainProvision-Article_2"] == "MainProvision-Article_4"


def test_shift_the_rest_after_a_renumbering():
    base = law(*(chapter(i, f"章{i}", A(i, P(1, f"{i}。"))) for i in range(1, 5)))
    r = run(base, "第二章を第三章とし、以下順次一章ずつ繰り下げ、第一章の次に次の一章を加える。\n第二章　新章\n第一条の二　新。\n")
    titles = [c.element.findtext("ChapterTitle") for c in r.law.main_provision.children if c.tag == "Chapter"]
    assert titles == ["第一章　章1", "第二章　新章", "第三章　章2", "第四章　章3", "第五章　章4"]


def test_container_scope_includes_inner_titles_but_not_its_own():
    section = ('<Section Num="1"><SectionTitle>第一節　収容</SectionTitle>' + A(1, P(1, "収容する。")) + "</Section>")
    base = law(f'<Chapter Num="1"><ChapterTitle>第一章　収容</ChapterTitle>{section}</Chapter>')
    r = run(base, "第一章中「収容」を「収容及び保管」に改める。")
    chapter_e = r.law.find("MainProvision-Chapter_1").element
    assert chapter_e.findtext("ChapterTitle") == "第一章　収容"
    assert chapter_e.findtext("Section/SectionTitle") == "第一節　収容及び保管"
    assert "2箇所" in r.log[0].did


def test_new_elements_copy_the_attributes_every_neighbour_has():
    src = xml(A(1, P(1, "一。")), A(2, P(1, "二。"))).replace('<Article Num=', '<Article Delete="false" Hide="false" Num=')
    r = run(lawcode.loads(src.encode()), "第一条の次に次の一条を加える。\n第一条の二　新。\n")
    new = r.law.find("第一条の二").element
    assert (new.get("Delete"), new.get("Hide")) == ("false", "false")
    assert new.find("Paragraph").get("Hide") is None  # not written on the base's paragraphs either


def test_toc_replaced_whole(sample_v1, sample_v2):
    from lxml import etree

    lines = ["目次"]
    for e in sample_v2.toc.element.iter("TOCChapter", "TOCSection", "TOCSupplProvision"):
        if e.tag == "TOCSupplProvision":
            lines.append("附則")
        else:
            lines.append(e.findtext(e.tag[3:] + "Title") + (e.findtext("ArticleRange") or ""))
    text = (f"{sample_v1.title}（{sample_v1.law_num}）の一部を次のように改正する。\n目次を次のように改める。\n"
            + "\n".join(lines) + "\n　　　附　則\nこの条例は、公布の日から施行する。\n")
    r = amend(sample_v1, text)
    assert lawcode.canonical_xml(etree.tostring(r.law.toc.element)) == \
        lawcode.canonical_xml(etree.tostring(sample_v2.toc.element))


def test_an_unreadable_sentence_after_quoted_text_is_named():
    with pytest.raises(lawcode.AmendError, match="looks like an amendment sentence"):
        run(base3(), "第一条に次の一項を加える。\n２　新しい項。\n第三条中「甲」を「乙」に直して改める。\n")


def test_quoted_phrase_of_several_toc_lines():
    toc = ('<TOC><TOCLabel>目次</TOCLabel><TOCChapter Num="1"><ChapterTitle>第一章　総則</ChapterTitle>'
           '<TOCSection Num="1"><SectionTitle>第一節　甲</SectionTitle><ArticleRange>（第一条）</ArticleRange></TOCSection>'
           '<TOCSection Num="2"><SectionTitle>第二節　乙</SectionTitle><ArticleRange>（第二条）</ArticleRange></TOCSection>'
           '</TOCChapter><TOCSupplProvision><SupplProvisionLabel>附則</SupplProvisionLabel></TOCSupplProvision></TOC>')
    base = law(chapter(1, "総則", A(1, P(1, "一。")), A(2, P(1, "二。"))), toc=toc)
    r = run(base, "目次中\n「\n第一節　甲（第一条）\n第二節　乙（第二条）\n」\nを\n「\n第一節　甲（第一条）\n第二節　丙（第二条）\n"
                  "第三節　丁（第三条）\n」\nに改める。\n")
    sections = r.law.toc.element.findall("TOCChapter/TOCSection")
    assert [(s.get("Num"), s.findtext("SectionTitle"), s.findtext("ArticleRange")) for s in sections] == [
        ("1", "第一節　甲", "（第一条）"), ("2", "第二節　丙", "（第二条）"), ("3", "第三節　丁", "（第三条）")]


# -- numbering conventions and locations of issue 8's round-trip gaps ----------------------------------------
def _tree(law_: lawcode.Law):
    from lxml import etree

    return etree.fromstring(law_.to_xml())


def _subitem2(n: int, title: str) -> str:
    return (f'<Subitem2 Num="{n}"><Subitem2Title>{title}</Subitem2Title>'
            f'<Subitem2Sentence><Sentence Num="1" WritingMode="vertical">細{n}</Sentence></Subitem2Sentence></Subitem2>')


def test_renumbered_subitems_keep_the_levels_bracketed_full_width_digits():
    subs = "".join(_subitem2(n, f"（{to_fullwidth_digits(n)}）") for n in range(1, 10))
    item = ('<Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence Num="1" WritingMode="vertical">号</Sentence>'
            '</ItemSentence><Subitem1 Num="1"><Subitem1Title>イ</Subitem1Title><Subitem1Sentence>'
            f'<Sentence Num="1" WritingMode="vertical">イ</Sentence></Subitem1Sentence>{subs}</Subitem1></Item>')
    para = (f'<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence Num="1" WritingMode="vertical">柱書'
            f'</Sentence></ParagraphSentence>{item}</Paragraph>')
    base = law(f'<Article Num="1"><ArticleTitle>第一条</ArticleTitle>{para}</Article>')
    new = run(base, "第一条第一号イ（９）を同号イ（１０）とする。").law
    titles = [t.text for t in _tree(new).iter("Subitem2Title")]
    assert titles[-1] == "（１０）"  # not 「（10）」 nor 「（ヌ）」
    assert [s.get("Num") for s in _tree(new).iter("Subitem2")][-1] == "10"


def test_items_shifted_past_ten_are_kanji_and_paragraphs_full_width():
    base = law(A(1, *[P(n, f"項{n}。") for n in range(1, 10)]),
               A(2, P(1, "柱書", [f"号{n}" for n in range(1, 10)])))
    new = run(base, "第一条中第九項を第十項とし、第二項から第八項までを一項ずつ繰り下げ、第一項の次に次の一項を加える。\n"
                    "２　新しい項。\n第二条中第九号を第十号とする。").law
    assert [p.findtext("ParagraphNum") for p in _tree(new).find(".//Article[@Num='1']").iter("Paragraph")][-3:] == ["８", "９", "１０"]
    assert [t.text for t in _tree(new).iter("ItemTitle")][-1] == "十"


def test_bare_paragraph_of_a_law_made_of_paragraphs_only():
    base = law(P(1, "甲。"), P(2, "乙。"), P(3, "丙。"))
    r = run(base, "本則第三項中「丙」を「丁」に改める。\n第二項中「乙」を「戊」に改める。")
    texts = [p.findtext("ParagraphSentence/Sentence") for p in _tree(r.law).iter("Paragraph")]
    assert texts == ["甲。", "戊。", "丁。"]
    with pytest.raises(lawcode.AmendError, match="paragraph not found"):
        run(base, "本則第五項中「丙」を「丁」に改める。")


_APPENDICES = "".join(
    f'<AppdxTable><AppdxTableTitle>別表第{k}（第一条関係）</AppdxTableTitle><TableStruct><Table><TableRow>'
    f'<TableColumn><Sentence>{w}</Sentence></TableColumn><TableColumn><Sentence>乙</Sentence></TableColumn>'
    '</TableRow></Table></TableStruct></AppdxTable>' for k, w in (("一", "甲"), ("二", "丙")))


def test_appendix_without_num_is_found_and_renumbered_by_its_title():
    base = law(A(1, P(1, "甲。")), extra=_APPENDICES)
    new = run(base, "別表第二中「丙」を「丁」に改める。").law
    second = _tree(new).findall(".//AppdxTable")[1]
    assert second.findtext("TableStruct/Table/TableRow/TableColumn/Sentence") == "丁"
    new = run(base, "別表第二を別表第三とする。").law
    second = _tree(new).findall(".//AppdxTable")[1]
    assert second.findtext("AppdxTableTitle") == "別表第三（第一条関係）"
    assert second.get("Num") is None  # the export gave it none: its number stays in the title
    with pytest.raises(lawcode.AmendError, match="not found"):
        run(base, "別表第三中「丙」を「丁」に改める。")


def test_label_of_writes_the_branch_number_after_go():
    from lawcode.amend.locate import label_of

    item = _tree(law(A(1, P(1, "柱書", ["一", "二"])))).find(".//Item[@Num='2']")
    item.set("Num", "3_2")
    assert label_of(item) == "第一条第一項第三号の二"


def test_deleting_both_ends_of_a_deleted_range_removes_it_once():
    deleted = ('<Article Num="2:3"><ArticleTitle>第二条及び第三条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
               '<ParagraphSentence><Sentence Num="1" WritingMode="vertical">削除</Sentence></ParagraphSentence>'
               '</Paragraph></Article>')
    base = law(A(1, P(1, "甲。")), deleted, A(4, P(1, "乙。")))
    r = run(base, "第二条及び第三条を削る。")
    assert [a.get("Num") for a in _tree(r.law).iter("Article")] == ["1", "4"]
