"""Addresses and labels, one small hand-written law per rule (issue 5, items 2 and 3 and the messages of item 4).

Each law below is the least XML that shows the rule; the real-data counterparts are in test_addresses_corpus.py.
"""

from __future__ import annotations

import pytest

import lawcode
from lawcode.model.labels import appendix_number, appendix_word, label_key


def _law(body: str, main: str = "") -> lawcode.Law:
    main = main or """
      <Article Num="1"><ArticleTitle>第一条</ArticleTitle>
        <Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>本文。</Sentence></ParagraphSentence></Paragraph>
      </Article>"""
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Law Era="Reiwa" Lang="ja" LawType="Act" Num="1" Year="3">
  <LawNum>令和三年法律第一号</LawNum>
  <LawBody>
    <LawTitle>試験法</LawTitle>
    <MainProvision>{main}</MainProvision>
    {body}
  </LawBody>
</Law>"""
    return lawcode.loads(xml)


def _sentence(text: str = "本文。") -> str:
    return f"<Sentence>{text}</Sentence>"


def _item(num: str, title: str) -> str:
    return (f'<Item Num="{num}"><ItemTitle>{title}</ItemTitle>'
            f"<ItemSentence>{_sentence()}</ItemSentence></Item>")


def _paragraph(num: str, *items: str) -> str:
    return (f'<Paragraph Num="{num}"><ParagraphNum/><ParagraphSentence>{_sentence()}</ParagraphSentence>'
            f"{''.join(items)}</Paragraph>")


def _table(tag: str, title: str, num: str | None = None, items: str = "") -> str:
    attr = f' Num="{num}"' if num else ""
    title_tag = {"SupplProvisionAppdxTable": "SupplProvisionAppdxTableTitle"}.get(tag, f"{tag}Title")
    return f"<{tag}{attr}><{title_tag}>{title}</{title_tag}>{items}</{tag}>"


# -- appendices without Num (item 2) -----------------------------------------------------------------------
APPENDICES = "".join([
    _table("AppdxTable", "別表第一（第二条関係）"),
    _table("AppdxTable", "別表第二", items=_item("1", "一") + _item("2", "二")),
    _table("AppdxTable", "別表第三　公益法人等の表"),
    _table("AppdxStyle", "様式第1号"),
    _table("AppdxStyle", "様式第２号の２"),
    _table("AppdxStyle", "第３号様式"),
    _table("AppdxStyle", "別表第四"),  # an AppdxStyle titled 別表 (as in 7 bulk files)
    _table("AppdxFormat", "別紙第１号書式（その１）"),
    _table("AppdxFormat", "別紙第１号書式（その２）"),
])
SUPPL_APPENDICES = ("<SupplProvision><SupplProvisionLabel>附則</SupplProvisionLabel>"
                    + _paragraph("1") + _table("SupplProvisionAppdxTable", "附則別表第一")
                    + _table("SupplProvisionAppdxTable", "附則別表第二") + "</SupplProvision>")


@pytest.fixture(scope="module")
def appendix_law() -> lawcode.Law:
    return _law(SUPPL_APPENDICES + APPENDICES)


@pytest.mark.parametrize(
    "address, path",
    [
        ("別表第二", "AppdxTable[2]"),
        ("別表第2", "AppdxTable[2]"),
        ("別表第２", "AppdxTable[2]"),
        ("AppdxTable_2", "AppdxTable[2]"),
        ("AppdxTable[2]", "AppdxTable[2]"),
        ("別表第一", "AppdxTable[1]"),
        ("別表第3", "AppdxTable[3]"),
        ("別表第2第1号", "AppdxTable[2]-Item_1"),
        ("別表第二第二号", "AppdxTable[2]-Item_2"),
        ("様式第一号", "AppdxStyle[1]"),
        ("様式第1号", "AppdxStyle[1]"),
        ("様式第2号の2", "AppdxStyle[2]"),
        ("様式第二号の二", "AppdxStyle[2]"),
        ("AppdxStyle_2_2", "AppdxStyle[2]"),
        ("第3号様式", "AppdxStyle[3]"),
        ("第三号様式", "AppdxStyle[3]"),
        ("AppdxStyle_3", "AppdxStyle[3]"),
        ("別表第四", "AppdxStyle[4]"),
        ("別表第4", "AppdxStyle[4]"),
        ("別紙第1号書式（その2）", "AppdxFormat[2]"),
        ("別紙第一号書式(その一)", "AppdxFormat[1]"),
        ("附則別表第2", "SupplProvision-SupplProvisionAppdxTable[2]"),
        ("附則別表第二", "SupplProvision-SupplProvisionAppdxTable[2]"),
        ("SupplProvision-SupplProvisionAppdxTable_2", "SupplProvision-SupplProvisionAppdxTable[2]"),
    ],
)
def test_appendices_without_num_are_found_by_their_title_number(appendix_law, address, path):
    assert appendix_law.find(address).path == path


def test_canonical_appendix_paths_stay_index_paths(appendix_law):
    """Paths are the machine keys everyone stores: a number-less appendix keeps its e-Gov index path."""
    assert [p.path for p in appendix_law.appendices][:3] == ["AppdxTable[1]", "AppdxTable[2]", "AppdxTable[3]"]
    assert [p.label for p in appendix_law.appendices][:3] == ["別表第一", "別表第二", "別表第三"]


def test_appendix_number_and_word(appendix_law):
    got = [(appendix_word(p), appendix_number(p).first) for p in appendix_law.appendices]
    assert got == [("別表", (1,)), ("別表", (2,)), ("別表", (3,)), ("様式", (1,)), ("様式", (2, 2)), ("様式", (3,)),
                   ("別表", (4,)), ("別紙書式", (1,)), ("別紙書式", (1,))]


def test_missing_appendix_names_the_paths_that_work(appendix_law):
    with pytest.raises(lawcode.AddressError) as info:
        appendix_law.find("別表第五十")
    message = str(info.value)
    assert "AppdxTable[1]" in message and "別表第一" in message
    assert message.count("別表第五十") == 1
    with pytest.raises(lawcode.AddressError, match=r"AppdxTable\[2\]"):
        appendix_law.find("AppdxTable_9")


def test_ambiguous_appendix_numbers_are_refused(appendix_law):
    """Two 別紙第１号書式 (その１, その２): AppdxFormat_1 could be either, so it is refused, listing both paths."""
    with pytest.raises(lawcode.AddressError, match="ambiguous") as info:
        appendix_law.find("AppdxFormat_1")
    assert "AppdxFormat[1]" in str(info.value) and "AppdxFormat[2]" in str(info.value)
    with pytest.raises(lawcode.AddressError, match="ambiguous"):
        appendix_law.find("別紙第1号書式")


def test_num_wins_over_a_title_number_for_paths():
    law = _law(_table("AppdxTable", "別表第一", num="1") + _table("AppdxTable", "別表第二"))
    assert law.find("AppdxTable_1").path == "AppdxTable_1"
    assert law.find("AppdxTable_2").path == "AppdxTable[2]"  # [k] counts every AppdxTable, numbered or not
    assert law.find("別表第2").path == "AppdxTable[2]"


def test_a_lone_unnumbered_appendix_and_several():
    law = _law(_table("AppdxTable", "別表（第三条関係）"))
    assert law.find("別表").path == "AppdxTable[1]"
    law = _law(_table("AppdxTable", "別表") + _table("AppdxTable", "別表"))
    with pytest.raises(lawcode.AddressError, match="ambiguous"):
        law.find("別表")
    assert law.find("AppdxTable[2]").label == "別表"


def test_a_name_in_parentheses_opens_the_title():
    """恩給法 prints 「（別表）」 and 「（別表）第一号表」: two labels, 別表 and 別表第一号表, not 別表 twice."""
    law = _law(_table("AppdxTable", "（別表）") + _table("AppdxTable", "（別表）第一号表"))
    assert [p.label for p in law.appendices] == ["別表", "別表第一号表"]
    assert law.find("別表第1号表").path == "AppdxTable[2]"
    assert law.find("別表").path == "AppdxTable[1]"


# -- labels (item 3) ---------------------------------------------------------------------------------------
RANGE = """
      <Article Num="15:17"><ArticleTitle>第十五条から第十七条まで</ArticleTitle>
        <Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>削除</Sentence></ParagraphSentence></Paragraph>
      </Article>"""


def test_the_paragraph_of_a_deleted_range_is_part_of_the_placeholder():
    law = _law("", main=RANGE)
    article = law.find("MainProvision-Article_15:17")
    paragraph = law.find("MainProvision-Article_15:17-Paragraph_1")
    assert paragraph.parent is article
    assert paragraph.label == article.label == "第十五条から第十七条まで"  # never 「…まで第一項」
    assert law.find("第十五条から第十七条まで") is article
    assert law.find("第十六条第一項") is article
    assert law.find("第16条第1項") is article
    with pytest.raises(lawcode.AddressError, match="has no 第二項"):
        law.find("第十六条第二項")


def _suppl(paragraphs: str, amend: str = "") -> str:
    attr = f' AmendLawNum="{amend}"' if amend else ""
    return f"<SupplProvision{attr}><SupplProvisionLabel>附則</SupplProvisionLabel>{paragraphs}</SupplProvision>"


def test_items_of_a_single_paragraph_suppl_provision_are_cited_without_the_paragraph():
    law = _law(_suppl(_paragraph("1", _item("1", "一"), _item("2", "二")))
               + _suppl(_paragraph("1", _item("1", "一")), amend="令和四年三月一日法律第五号"))
    item = law.find("SupplProvision-Paragraph_1-Item_2")
    assert item.label == "附則第二号"
    for citation in ("附則第二号", "附則第2号", "附則第一項第二号"):
        assert law.find(citation) is item
    amended = law.find("SupplProvision[令和4年法律第5号]-Paragraph_1-Item_1")
    assert amended.label == "令和四年法律第五号附則第一号"
    assert law.find("令和4年法律第5号附則第1号") is amended


def test_items_of_a_suppl_provision_with_several_paragraphs_need_the_paragraph():
    law = _law(_suppl(_paragraph("1") + _paragraph("2", _item("1", "一"))))
    assert law.find("SupplProvision-Paragraph_2-Item_1").label == "附則第二項第一号"
    with pytest.raises(lawcode.AddressError) as info:
        law.find("附則第一号")
    assert "only 附則第二項 has 号: did you mean 附則第二項第一号?" in str(info.value)


def test_items_of_a_single_paragraph_main_provision():
    law = _law("", main=_paragraph("1", _item("1", "一"), _item("2", "二")))
    item = law.find("MainProvision-Paragraph_1-Item_2")
    assert item.label == "第二号"
    assert law.find("第二号") is item and law.find("第一項第二号") is item
    assert law.find("本則第二号") is item  # as 改め文 cite a 本則 without articles (「本則第二号中…」)


def test_items_of_an_appendix_table():
    law = _law(_table("AppdxTable", "別表第一", items=_item("1", "一")))
    item = law.find("AppdxTable[1]-Item_1")
    assert item.label == "別表第一第一号"
    assert law.find("別表第1第1号") is item


KANA_ITEMS = """
      <Article Num="3"><ArticleTitle>第三条</ArticleTitle>
        <Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>柱書。</Sentence></ParagraphSentence>
          {items}
        </Paragraph>
      </Article>"""


def test_kana_numbered_items_are_subitems_of_the_preceding_item():
    """``Item Num="イ"`` (bulk 417M60000088001) is cited as 第二号イ, not as 第一号, which the real 第一号 is."""
    items = "".join([_item("1", "一"), _item("2", "二"), _item("イ", "イ"), _item("ロ", "ロ"), _item("3", "三")])
    law = _law("", main=KANA_ITEMS.format(items=items))
    labels = [p.label for p in law.provisions("Item")]
    assert labels == ["第三条第一号", "第三条第二号", "第三条第二号イ", "第三条第二号ロ", "第三条第三号"]
    assert len(set(labels)) == len(labels)
    for p in law.provisions("Item"):
        assert law.find(p.label) is p
    assert law.find("第3条第2号ロ").path == "MainProvision-Article_3-Paragraph_1-Item_ロ"
    assert law.find("第三条第一号").path == "MainProvision-Article_3-Paragraph_1-Item_1"
    assert law.find("第三条第三号").path == "MainProvision-Article_3-Paragraph_1-Item_3"  # not Item_ハ-like kana


def test_kana_items_before_any_numbered_item():
    items = _item("イ", "イ") + _item("ロ", "ロ")
    law = _law("", main=KANA_ITEMS.format(items=items))
    assert [p.label for p in law.provisions("Item")] == ["第三条イ", "第三条ロ"]
    assert law.find("第三条ロ").path == "MainProvision-Article_3-Paragraph_1-Item_ロ"


EIGHT = """
      <Article Num="8"><ArticleTitle>第八条</ArticleTitle>
        {p1}
        {p2}
        {p3}
      </Article>"""


def test_item_without_paragraph_names_the_only_paragraph_with_items():
    law = _law("", main=EIGHT.format(p1=_paragraph("1"), p2=_paragraph("2", *(_item(str(i), "一") for i in (1, 2, 3))),
                                      p3=_paragraph("3")))
    with pytest.raises(lawcode.AddressError) as info:
        law.find("第八条第三号")
    assert str(info.value) == ("第八条第三号: 第八条 has 3 項: say which 項 the 号 belongs to; "
                               "only 第八条第二項 has 号: did you mean 第八条第二項第三号?")
    with pytest.raises(lawcode.AddressError) as info:
        law.find("第八条第九号")
    assert "only 第八条第二項 has 号" in str(info.value) and "did you mean" not in str(info.value)


def test_item_without_paragraph_when_several_paragraphs_have_items():
    law = _law("", main=EIGHT.format(p1=_paragraph("1", _item("1", "一")), p2=_paragraph("2", _item("1", "一")),
                                      p3=""))
    with pytest.raises(lawcode.AddressError, match="2 項: say which 項") as info:
        law.find("第八条第一号")
    assert "did you mean" not in str(info.value)


# -- messages in the user's terms (item 4, last bullet) ----------------------------------------------------
@pytest.mark.parametrize(
    "address, expected",
    [
        ("第二十七条の二第五項", "第二十七条の二第五項: no such provision: 本則 (MainProvision) has no 第二十七条の二"),
        ("第27条の2", "第27条の2: no such provision: 本則 (MainProvision) has no 第二十七条の二"),
        ("MainProvision-Article_27_2", "MainProvision-Article_27_2: no such provision: 本則 (MainProvision) has no "
                                       "Article_27_2"),
        ("第二十七条の二", "第二十七条の二: no such provision in 本則 (MainProvision)"),
        ("別表第一", "別表第一: no such provision in this law"),
        ("第一条第五項", "第一条第五項: no such provision: 第一条 (MainProvision-Article_1) has no 第五項"),
        ("附則第三条", "附則第三条: no such provision: the law has no 原始附則 (附則 without AmendLawNum)"),
    ],
)
def test_messages_say_the_citation_once_and_number_as_the_law_writes(address, expected):
    law = _law("")
    with pytest.raises(lawcode.AddressError) as info:
        law.find(address)
    message = str(info.value)
    assert message == expected
    assert message.count(address) == 1
    assert "27.2" not in message and "Article 27" not in message


def test_ambiguous_chapter_message_says_the_citation_once():
    main = ("<Part Num='1'><PartTitle>第一編</PartTitle><Chapter Num='1'><ChapterTitle>第一章</ChapterTitle>"
            "</Chapter></Part><Part Num='2'><PartTitle>第二編</PartTitle><Chapter Num='1'>"
            "<ChapterTitle>第一章</ChapterTitle></Chapter></Part>")
    law = _law("", main=main)
    with pytest.raises(lawcode.AddressError, match="ambiguous") as info:
        law.find("第一章")
    assert str(info.value).count("第一章") == 3  # the citation once, then the two candidates' labels 第一編第一章 …


def test_citation_order_error_names_the_units():
    with pytest.raises(lawcode.AddressError, match="a 条 cannot follow a 項") as info:
        _law("").find("第二項第三条")
    assert str(info.value).count("第二項第三条") == 1


# -- keys ----------------------------------------------------------------------------------------------------
def test_label_key_is_one_key_for_every_digit_form():
    assert label_key("別表第二") == label_key("別表第2") == label_key("別表第２") == label_key("別表 第二")
    assert label_key("第１号様式") == label_key("第一号様式")
    assert label_key("第三条の二第二項") == label_key("第3条の2第2項")
    assert label_key("別表第二") != label_key("別表第三")


# -- the sample ordinance ----------------------------------------------------------------------------------
def test_sample_range_paragraph(sample_v1):
    """corpus/samples: 「第十六条第一項」 gave 「第十五条から第十七条まで第一項」 before the placeholder rule."""
    article = sample_v1.find("MainProvision-Article_15:17")
    assert sample_v1.find("第十六条第一項") is article
    assert sample_v1.find("MainProvision-Article_15:17-Paragraph_1").label == "第十五条から第十七条まで"
