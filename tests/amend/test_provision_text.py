"""lawcode.io.text: provisions written as plain text → e-Gov XML elements (both styles)."""

from __future__ import annotations

import pytest
from lxml import etree

import lawcode
from lawcode.io.text import FragmentStyle, read_fragment, read_lines, split_sentences


def test_lines_are_classified_by_their_label():
    kinds = [(ln.kind, ln.label) for ln in read_lines(
        "（目的）\n第十条の二　本文。\n２　項。\n　一　号\n　　イ　細分\n　　　（１）　細細分\n第二章　総則\n"
        "第十二条から第十四条まで　削除\n　この場合において、後段。\n")]
    assert kinds == [("caption", ""), ("article", "第十条の二"), ("paragraph", "２"), ("item", "一"),
                     ("kana", "イ"), ("paren", "（１）"), ("container", "第二章"), ("range", "第十二条から第十四条まで"),
                     ("plain", "")]


def test_article_with_caption_paragraphs_items_subitems_and_columns():
    (art,) = read_fragment("（定義）\n第二条　この法律において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n"
                           "　一　甲　甲をいう。\n　　イ　甲のイ\n２　前項の規定にかかわらず、乙とする。ただし、丙はこの限りでない。\n")
    assert art.tag == "Article" and art.get("Num") == "2"
    assert [c.tag for c in art] == ["ArticleCaption", "ArticleTitle", "Paragraph", "Paragraph"]
    p1, p2 = art.findall("Paragraph")
    assert p1.find("ParagraphNum").text is None and p2.find("ParagraphNum").text == "２"
    item = p1.find("Item")
    assert item.get("Num") == "1" and item.findtext("ItemTitle") == "一"
    assert [c.findtext("Sentence") for c in item.find("ItemSentence")] == ["甲", "甲をいう。"]
    assert item.find("Subitem1").findtext("Subitem1Title") == "イ"
    main, proviso = p2.findall("ParagraphSentence/Sentence")
    assert (main.get("Function"), proviso.get("Function")) == ("main", "proviso")
    assert (main.get("Num"), proviso.get("Num"), main.get("WritingMode")) == ("1", "2", "vertical")


def test_horizontal_municipal_style():
    (art,) = read_fragment("第3条の2　市長は、次に掲げる事務を行う。\n(1)　甲の事務\n　ア　甲のア\n(2)　乙の事務\n",
                           FragmentStyle(writing_mode=None))
    assert art.get("Num") == "3_2" and art.findtext("ArticleTitle") == "第3条の2"
    items = art.findall("Paragraph/Item")
    assert [(i.get("Num"), i.findtext("ItemTitle")) for i in items] == [("1", "(1)"), ("2", "(2)")]
    sub = items[0].find("Subitem1")
    assert sub.get("Num") == "1" and sub.findtext("Subitem1Title") == "ア"
    assert art.find("Paragraph/ParagraphSentence/Sentence").get("WritingMode") is None


def test_containers_hold_the_articles_that_follow():
    (section,) = read_fragment("第六節　管理命令\n（管理命令）\n第四十六条の二　本文。\n第四十六条の三　本文。\n")
    assert section.tag == "Section" and section.findtext("SectionTitle") == "第六節　管理命令"
    assert [a.get("Num") for a in section.findall("Article")] == ["46_2", "46_3"]


def test_deleted_range_and_placeholder():
    (art,) = read_fragment("第十二条から第十四条まで　削除\n")
    assert art.get("Num") == "12:14"
    s = art.find("Paragraph/ParagraphSentence/Sentence")
    assert s.text == "削除" and not s.attrib


def test_sentences_split_outside_brackets():
    assert split_sentences("甲（乙。丙。）とする。ただし、「丁。」は除く。") == ["甲（乙。丙。）とする。", "ただし、「丁。」は除く。"]


def test_single_sentence_numbering_follows_the_style():
    (p,) = read_fragment("２　本文。", FragmentStyle(writing_mode=None, number_single=False))
    assert p.find("ParagraphSentence/Sentence").get("Num") is None


def test_unreadable_number_is_a_parse_error():
    with pytest.raises(lawcode.ParseError, match="第十十条"):
        read_fragment("第十十条　本文。\n")


def test_fragment_elements_serialise_like_egov():
    (p,) = read_fragment("３　前二項の規定は、適用しない。")
    assert etree.tostring(p, encoding="unicode") == (
        '<Paragraph Num="3"><ParagraphNum>３</ParagraphNum><ParagraphSentence><Sentence Num="1" '
        'WritingMode="vertical">前二項の規定は、適用しない。</Sentence></ParagraphSentence></Paragraph>')


def test_toc_text():
    from lawcode.io.text import read_toc

    toc = read_toc("目次\n第一章　総則（第一条・第二条）\n第二章　手続\n　第一節　申請（第三条―第五条の二）\n附則\n")
    assert etree.tostring(toc, encoding="unicode") == (
        "<TOC><TOCLabel>目次</TOCLabel><TOCChapter Num=\"1\"><ChapterTitle>第一章　総則</ChapterTitle>"
        "<ArticleRange>（第一条・第二条）</ArticleRange></TOCChapter><TOCChapter Num=\"2\"><ChapterTitle>第二章　手続"
        "</ChapterTitle><TOCSection Num=\"1\"><SectionTitle>第一節　申請</SectionTitle><ArticleRange>（第三条―第五条の二）"
        "</ArticleRange></TOCSection></TOCChapter><TOCSupplProvision><SupplProvisionLabel>附則</SupplProvisionLabel>"
        "</TOCSupplProvision></TOC>")
    with pytest.raises(lawcode.ParseError, match="目次"):
        read_toc("目次\n総則\n")
