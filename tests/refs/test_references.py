"""lawcode.references: one small hand-written case per grammar and resolution rule (see docs/references.md)."""

from __future__ import annotations

import pytest

import lawcode
from lawcode import RefKind, Reference
from lawcode.errors import LawcodeError

from refs_lawxml import appdx_table, article, chapter, law, suppl, suppl_para


def refs_in(lw: lawcode.Law, source: str) -> list[Reference]:
    return [r for r in lawcode.references(lw) if r.source == source]


def one(lw: lawcode.Law, source: str, text: str) -> Reference:
    found = [r for r in refs_in(lw, source) if r.text == text]
    assert len(found) == 1, [r.text for r in refs_in(lw, source)]
    return found[0]


SIMPLE = law(
    article(1, "この法律は、目的を定める。"),
    article(2, "第一項", "第二項", "第三項"),
    article(3, ("次の各号に掲げる者", ["甲", "乙", "丙", "前各号に掲げる者のほか、前号に準ずる者"])),
    article(4, "第一項の本文"),
    article("4_2", "前条の規定"),
    article(5, "第二条第二項及び第三条第二号の規定は、第四条について準用する。", "前項の規定にかかわらず、前二項"),
    article(6, "第三条から第五条までの規定", "第2条第3項、第３条第１号"),
)


def test_reference_fields_and_span_slice_text():
    r = one(SIMPLE, "MainProvision-Article_5-Paragraph_1", "第二条第二項及び第三条第二号")
    assert r.kind is RefKind.ABSOLUTE and r.kind == "absolute"
    assert r.target_law is None
    assert r.targets == ("MainProvision-Article_2-Paragraph_2", "MainProvision-Article_3-Paragraph_1-Item_2")
    assert r.resolved and r.reason is None
    assert SIMPLE.find(r.source).text()[r.span[0]:r.span[1]] == r.text


def test_article_paragraph_item_targets():
    (r,) = [r for r in refs_in(SIMPLE, "MainProvision-Article_5-Paragraph_1") if r.text == "第四条"]
    assert r.targets == ("MainProvision-Article_4",)  # the Article even when it has one paragraph


def test_arabic_and_fullwidth_numbers():
    r = one(SIMPLE, "MainProvision-Article_6-Paragraph_2", "第2条第3項、第３条第１号")
    assert r.targets == ("MainProvision-Article_2-Paragraph_3", "MainProvision-Article_3-Paragraph_1-Item_1")


def test_range_expands_in_document_order_with_branch_articles():
    r = one(SIMPLE, "MainProvision-Article_6-Paragraph_1", "第三条から第五条まで")
    assert r.targets == tuple(f"MainProvision-Article_{n}" for n in ("3", "4", "4_2", "5"))


def test_previous_article_of_a_branch_article():
    r = one(SIMPLE, "MainProvision-Article_4_2-Paragraph_1", "前条")
    assert r.kind is RefKind.RELATIVE and r.targets == ("MainProvision-Article_4",)


def test_relative_paragraphs_and_items():
    assert one(SIMPLE, "MainProvision-Article_5-Paragraph_2", "前項").targets == ("MainProvision-Article_5-Paragraph_1",)
    r = one(SIMPLE, "MainProvision-Article_3-Paragraph_1-Item_4", "前各号")
    assert r.targets == tuple(f"MainProvision-Article_3-Paragraph_1-Item_{i}" for i in (1, 2, 3))
    assert one(SIMPLE, "MainProvision-Article_3-Paragraph_1-Item_4", "前号").targets == (
        "MainProvision-Article_3-Paragraph_1-Item_3",)
    r = one(SIMPLE, "MainProvision-Article_3-Paragraph_1", "次の各号")
    assert len(r.targets) == 4


def test_prev_count_beyond_start_is_unresolved_with_reason():
    r = one(SIMPLE, "MainProvision-Article_5-Paragraph_2", "前二項")
    assert not r.resolved and "only 1 earlier" in (r.reason or "")


def test_this_law_is_an_internal_law_mention():
    r = one(SIMPLE, "MainProvision-Article_1-Paragraph_1", "この法律")
    assert r.kind is RefKind.INTERNAL_LAW and r.target_law is None and r.targets == () and r.resolved


def test_span_conventions_list_is_one_mention_connectors_and_suffixes_outside():
    lw = law(article(1, "甲は、第三条、第五条第一項及び第二項並びに第七条の規定により"),
             article(3, "x"), article(5, "a", "b"), article(7, "y"))
    (r,) = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert r.text == "第三条、第五条第一項及び第二項並びに第七条"
    assert r.targets == ("MainProvision-Article_3", "MainProvision-Article_5-Paragraph_1",
                         "MainProvision-Article_5-Paragraph_2", "MainProvision-Article_7")


def test_parenthesis_closes_a_mention_and_sets_naming_context():
    lw = law(article(1, "第三条第一項（第二号を除く。）若しくは第二項の規定"),
             article(3, ("a", ["一", "二"]), "b"))
    texts = [(r.text, r.targets) for r in refs_in(lw, "MainProvision-Article_1-Paragraph_1")]
    assert texts == [
        ("第三条第一項", ("MainProvision-Article_3-Paragraph_1",)),
        ("第二号", ("MainProvision-Article_3-Paragraph_1-Item_2",)),
        ("第二項", ("MainProvision-Article_3-Paragraph_2",)),
    ]


def test_separate_list_does_not_inherit_naming_context():
    lw = law(article(1, "x"), article(3, "a", "b"),
             article(4, "a", "第三条第一項の規定は第二項の規定による"))
    r = one(lw, "MainProvision-Article_4-Paragraph_2", "第二項")
    assert r.targets == ("MainProvision-Article_4-Paragraph_2",)


def test_same_article_and_paragraph_anaphora():
    lw = law(article(1, "第三条第一項の規定により同項の者が同条第二項"), article(3, "a", "b"))
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert [(r.text, r.kind.value, r.targets) for r in rs] == [
        ("第三条第一項", "absolute", ("MainProvision-Article_3-Paragraph_1",)),
        ("同項", "anaphoric", ("MainProvision-Article_3-Paragraph_1",)),
        ("同条第二項", "anaphoric", ("MainProvision-Article_3-Paragraph_2",)),
    ]


def test_same_paragraph_ignores_levels_not_named():
    lw = law(article(1, "第三条第二項各号に該当する場合には、第一号に掲げる者は同項"),
             article(3, "a", ("b", ["一", "二"])))
    r = one(lw, "MainProvision-Article_1-Paragraph_1", "同項")
    assert r.targets == ("MainProvision-Article_3-Paragraph_2",)


def test_sentence_parts_are_inside_and_target_the_provision():
    lw = law(article(1, "a", "前項ただし書の規定"))
    r = one(lw, "MainProvision-Article_1-Paragraph_2", "前項ただし書")
    assert r.part == "ただし書" and r.targets == ("MainProvision-Article_1-Paragraph_1",)


def test_each_item_of_a_cited_paragraph():
    lw = law(article(1, ("a", ["一", "二"])), article(2, "前条各号に掲げる"))
    r = one(lw, "MainProvision-Article_2-Paragraph_1", "前条各号")
    assert r.targets == ("MainProvision-Article_1-Paragraph_1-Item_1", "MainProvision-Article_1-Paragraph_1-Item_2")


def test_mentions_in_quotes_are_not_references():
    lw = law(article(1, "a"), article(2, "第一条中「第三条」とあるのは「第四条」と読み替える"))
    assert [r.text for r in refs_in(lw, "MainProvision-Article_2-Paragraph_1")] == ["第一条"]


def test_item_cited_without_paragraph_is_paragraph_one():
    lw = law(article(1, ("a", ["一", "二", "三"]), "b"), article(2, "第一条第三号"))
    assert one(lw, "MainProvision-Article_2-Paragraph_1", "第一条第三号").targets == (
        "MainProvision-Article_1-Paragraph_1-Item_3",)


def test_missing_provision_is_unresolved_with_the_path_and_reason():
    r = one(SIMPLE, "MainProvision-Article_5-Paragraph_1", "第二条第二項及び第三条第二号")
    assert r.resolved
    lw = law(article(1, "第九条第二項"))
    r = one(lw, "MainProvision-Article_1-Paragraph_1", "第九条第二項")
    assert not r.resolved and r.targets == ("MainProvision-Article_9-Paragraph_2",)
    assert "no such provision" in (r.reason or "")


def test_chapter_and_this_chapter():
    lw = law(chapter(1, "総則", article(1, "この章の規定"), article(2, "x")),
             chapter(2, "雑則", article(3, "第一章の規定")))
    assert one(lw, "MainProvision-Chapter_1-Article_1-Paragraph_1".replace("Chapter_1-", ""), "この章").targets == (
        "MainProvision-Chapter_1",)
    assert one(lw, "MainProvision-Article_3-Paragraph_1", "第一章").targets == ("MainProvision-Chapter_1",)


def test_original_suppl_bare_article_is_main_provision():
    lw = law(article(1, "a"), article(2, "附則第二項の規定"),
             tail=suppl(suppl_para(1, "第一条の規定は"), suppl_para(2, "前項及び附則第一項")))
    assert one(lw, "SupplProvision-Paragraph_1", "第一条").targets == ("MainProvision-Article_1",)
    assert one(lw, "MainProvision-Article_2-Paragraph_1", "附則第二項").targets == ("SupplProvision-Paragraph_2",)
    r = one(lw, "SupplProvision-Paragraph_2", "前項及び附則第一項")
    assert r.targets == ("SupplProvision-Paragraph_1",)


def test_amending_suppl_scopes_articles_and_this_law():
    amend = "令和六年一月一〇日法律第五号"
    tail = suppl(article(1, "この法律は、公布の日から施行する。"),
                 article(2, "第三条の規定による改正後の規定は、附則第一条の日から適用する。"), amend=amend)
    lw = law(article(1, "a"), tail=tail)
    key = "SupplProvision[令和6年法律第5号]"
    r = one(lw, f"{key}-Article_1-Paragraph_1", "この法律")
    assert r.kind is RefKind.INTERNAL_LAW and r.target_law is not None and not r.resolved
    r = one(lw, f"{key}-Article_2-Paragraph_1", "第三条")
    assert r.target_law is not None and r.targets == ("MainProvision-Article_3",) and not r.resolved
    r = one(lw, f"{key}-Article_2-Paragraph_1", "附則第一条")
    assert r.target_law is None and r.targets == (f"{key}-Article_1",) and r.resolved


def test_appendix_items_and_appendix_citation():
    lw = law(article(1, "別表第一の第二号"),
             tail=appdx_table(1, "別表第一（第一条関係）", "甲", "第一号に掲げるもの以外"))
    r = one(lw, "MainProvision-Article_1-Paragraph_1", "別表第一")
    assert r.targets == ("AppdxTable_1",)
    assert one(lw, "AppdxTable_1", "第一条").targets == ("MainProvision-Article_1",)
    r = one(lw, "AppdxTable_1-Item_2", "第一号")
    assert r.targets == ("AppdxTable_1-Item_1",)


def test_external_law_with_number_prefix_is_one_mention():
    lw = law(article(1, "民事執行法（昭和五十四年法律第四号）第百二十二条第一項の規定"))
    (r,) = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert r.text == "民事執行法（昭和五十四年法律第四号）第百二十二条第一項"
    assert r.kind is RefKind.EXTERNAL
    assert r.target_law == "354AC0000000004"
    assert r.targets == ("MainProvision-Article_122-Paragraph_1",)
    assert not r.resolved and "not loaded" in (r.reason or "")


def test_external_law_prefix_closes_a_list():
    lw = law(article(1, "第二条及び民法（明治二十九年法律第八十九号）第三条"), article(2, "x"))
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert [(r.text, r.target_law) for r in rs] == [
        ("第二条", None), ("民法（明治二十九年法律第八十九号）第三条", "129AC0000000089")]


def test_abbreviation_same_law_and_anaphora_into_another_law():
    lw = law(article(1, "行政手続法（平成五年法律第八十八号。以下「法」という。）第二条の規定"),
             article(2, "法第三条第一項及び同条第二項並びに同法第五条"))
    rs = refs_in(lw, "MainProvision-Article_2-Paragraph_1")
    assert [(r.text, r.target_law, r.targets) for r in rs] == [
        ("法第三条第一項及び同条第二項", "405AC0000000088",
         ("MainProvision-Article_3-Paragraph_1", "MainProvision-Article_3-Paragraph_2")),
        ("同法第五条", "405AC0000000088", ("MainProvision-Article_5",)),
    ]
    assert rs[0].kind is RefKind.EXTERNAL


def test_same_article_after_a_parenthesis_continues_into_the_other_law():
    lw = law(article(1, "民法（明治二十九年法律第八十九号）第三条（第一項を除く。）の規定は、同条第二項に"))
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert [(r.text, r.target_law, r.kind.value, r.targets) for r in rs] == [
        ("民法（明治二十九年法律第八十九号）第三条", "129AC0000000089", "external", ("MainProvision-Article_3",)),
        ("第一項", "129AC0000000089", "external", ("MainProvision-Article_3-Paragraph_1",)),
        ("同条第二項", "129AC0000000089", "anaphoric", ("MainProvision-Article_3-Paragraph_2",)),
    ]


def test_cabinet_order_law_means_its_parent_law():
    lw = law(article(1, "法第三条の政令で定める者は、第二条に規定する者とする。"), article(2, "x"),
             title="行政手続法施行令", law_num="令和五年政令第九十九号", law_type="CabinetOrder")
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert [(r.text, r.target_law, r.targets) for r in rs] == [
        ("法第三条", "405AC0000000088", ("MainProvision-Article_3",)),
        ("第二条", None, ("MainProvision-Article_2",)),
    ]


def test_library_resolves_targets_in_a_loaded_law():
    cited = law(article(3, "a", "b"), title="行政手続法", law_num="平成五年法律第八十八号")
    lw = law(article(1, "行政手続法（平成五年法律第八十八号）第三条第二項"))
    (r,) = lawcode.references(lw, library={"405AC0000000088": cited})
    assert r.resolved and r.targets == ("MainProvision-Article_3-Paragraph_2",)


def test_sample_ordinance(sample_v1):
    rs = lawcode.references(sample_v1)
    r = next(r for r in rs if r.text == "第三条の二第二項")
    assert r.source == "MainProvision-Article_10_2-Paragraph_1" and r.resolved
    r = next(r for r in rs if r.text.startswith("地方自治法"))
    assert r.target_law == "322AC0000000067" and r.targets == ("MainProvision-Article_244_2-Paragraph_3",)
    assert all(sample_v1.find(x.source).text()[x.span[0]:x.span[1]] == x.text for x in rs)


def test_wrong_argument_type_raises_lawcode_error():
    with pytest.raises(LawcodeError):
        lawcode.references("not a law")  # type: ignore[arg-type]


def test_toogai_kakugo_is_the_items_cited_last():
    lw = law(article(1, ("a", ["一", "二"])), article(2, "前条各号に掲げる者の区分に応じ当該各号に定める額"))
    r = one(lw, "MainProvision-Article_2-Paragraph_1", "各号")
    assert r.kind is RefKind.ANAPHORIC
    assert r.targets == ("MainProvision-Article_1-Paragraph_1-Item_1", "MainProvision-Article_1-Paragraph_1-Item_2")


@pytest.mark.parametrize("text, expected", [
    ("第三条の一部を改正する", "第三条"),      # の一部 is not a 枝番
    ("前号ニ掲グル者", "前号"),                # 文語: ニ is a particle, not 細分 ニ
    ("第七項症の者", None),                   # 項症 is a disability grade
    ("第一号被保険者", None),                 # a compound term
])
def test_words_that_look_like_citations(text, expected):
    lw = law(article(1, ("a", ["一", "二"])), article(2, text), article(3, "x"))
    found = [r.text for r in refs_in(lw, "MainProvision-Article_2-Paragraph_1")]
    assert found == ([expected] if expected else [])


def test_chapter_and_section_and_container_nesting():
    sec = '<Section Num="2"><SectionTitle>第二節　x</SectionTitle>' + article(2, "第一章第二節及び本条") + "</Section>"
    lw = law(chapter(1, "総則", article(1, "x"), sec))
    r = one(lw, "MainProvision-Article_2-Paragraph_1", "第一章第二節及び本条")
    assert r.targets == ("MainProvision-Chapter_1-Section_2", "MainProvision-Article_2")


def test_paragraph_range_and_all_earlier_paragraphs():
    lw = law(article(1, "a", "b", "c", "第一項から第三項まで及び前各項"))
    r = one(lw, "MainProvision-Article_1-Paragraph_4", "第一項から第三項まで及び前各項")
    assert r.targets == tuple(f"MainProvision-Article_1-Paragraph_{i}" for i in (1, 2, 3))


def test_deleted_range_placeholder():
    deleted = ('<Article Num="2:4"><ArticleTitle>第二条から第四条まで</ArticleTitle><Paragraph Num="1">'
               "<ParagraphNum/><ParagraphSentence><Sentence>削除</Sentence></ParagraphSentence></Paragraph></Article>")
    lw = law(article(1, "第三条及び第三条第二項"), deleted, article(5, "x"))
    r = one(lw, "MainProvision-Article_1-Paragraph_1", "第三条及び第三条第二項")
    assert r.targets == ("MainProvision-Article_2:4", "MainProvision-Article_3-Paragraph_2")
    assert not r.resolved  # nothing exists below a deleted range


def test_ministerial_ordinance_law_and_order_of_its_parent():
    lw = law(article(1, "法第二条及び令第三条の規定並びに第一条"),
             title="行政手続法施行規則", law_num="令和五年総務省令第九十九号", law_type="MinisterialOrdinance")
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert [(r.text, r.kind.value) for r in rs] == [
        ("法第二条", "external"), ("令第三条", "external"), ("第一条", "absolute")]
    assert rs[0].target_law == "405AC0000000088"
    assert rs[1].target_law not in (None, rs[0].target_law)


def test_suppl_appendix_and_style():
    lw = law(article(1, "附則別表第一及び別記様式第二号"))
    r = one(lw, "MainProvision-Article_1-Paragraph_1", "附則別表第一及び別記様式第二号")
    assert r.targets == ("SupplProvision-SupplProvisionAppdxTable_1", "AppdxStyle_2")


def test_defined_term_that_looks_like_a_citation_is_skipped():
    lw = law(article(1, "改正後の法（以下この条において「第二号新法」という。）の規定", "第二号新法の規定により"))
    assert [r.text for r in refs_in(lw, "MainProvision-Article_1-Paragraph_2")] == []


def test_a_list_that_changes_law_is_split():
    amend = "令和六年一月一〇日法律第五号"
    tail = suppl(article(1, "第一条及び第四条並びに附則第二条の規定"), article(2, "x"), amend=amend)
    lw = law(article(1, "a"), tail=tail)
    key = "SupplProvision[令和6年法律第5号]"
    rs = refs_in(lw, f"{key}-Article_1-Paragraph_1")
    assert [(r.text, r.target_law is None, r.targets) for r in rs] == [
        ("第一条及び第四条", False, ("MainProvision-Article_1", "MainProvision-Article_4")),
        ("附則第二条", True, (f"{key}-Article_2",)),
    ]
    assert rs[1].resolved


def test_short_name_defined_without_the_law_number():
    lw = law(article(1, "公営住宅法（以下「法」という。）第十六条第一項本文及び第四項の規定", "法第五条"),
             title="公営住宅法施行令", law_num="昭和二十六年政令第二百四十号", law_type="CabinetOrder")
    (r,) = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert r.text == "公営住宅法（以下「法」という。）第十六条第一項本文及び第四項"
    assert r.target_law == "326AC0000000193" and r.part == "本文"
    assert one(lw, "MainProvision-Article_1-Paragraph_2", "法第五条").target_law == "326AC0000000193"


def test_amendment_particle_before_a_law_title_is_not_part_of_it():
    lw = law(article(1, "第一条中公営住宅法施行令第二条の改正規定"), article(2, "x"))
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert [r.text for r in rs] == ["第一条", "公営住宅法施行令第二条"]
    assert rs[1].target_law == "326CO0000000240"


def test_old_style_connectors_and_naishi_range():
    lw = law(article(1, "a", "b", "c", "d"), article(2, "x"), article(3, "y"),
             article(4, "第一条第一項及第三項並ニ第二条乃至第三条ノ規定"))
    (r,) = refs_in(lw, "MainProvision-Article_4-Paragraph_1")
    assert r.text == "第一条第一項及第三項並ニ第二条乃至第三条"
    assert r.targets == ("MainProvision-Article_1-Paragraph_1", "MainProvision-Article_1-Paragraph_3",
                         "MainProvision-Article_2", "MainProvision-Article_3")


def test_inside_the_parenthesis_after_a_law_name_is_that_law():
    lw = law(article(1, "消費者安全法（第四十三条を除く。）の規定"), article(43, "x"))
    (r,) = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert r.text == "第四十三条" and r.target_law == "421AC0000000050" and r.kind is RefKind.EXTERNAL


def test_case_numbers_are_not_citations():
    lw = law(article(1, "a", ("b", ["一", "二", "三"])), article(2, "昭和五三年（ネ）第二号損害賠償請求控訴事件"))
    assert refs_in(lw, "MainProvision-Article_2-Paragraph_1") == []


def test_style_list_continues_with_styles():
    lw = law(article(1, "様式第三号又は第四号による届出書"))
    (r,) = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert r.targets == ("AppdxStyle_3", "AppdxStyle_4")


def test_mention_in_an_article_caption_has_the_article_as_source():
    lw = law(article(1, "a"), article(2, "b", caption="（第一条の特例）"))
    (r,) = [r for r in lawcode.references(lw) if r.source == "MainProvision-Article_2"]
    assert r.text == "第一条" and r.span == (1, 4) and r.targets == ("MainProvision-Article_1",)
    assert lw.find(r.source).text()[1:4] == "第一条"


def test_subitem_letters_continue_a_list_or_range():
    sub = "".join(f'<Subitem1 Num="{i}"><Subitem1Title>{k}</Subitem1Title><Subitem1Sentence><Sentence>{k}'
                  "</Sentence></Subitem1Sentence></Subitem1>" for i, k in enumerate("イロハニ", start=1))
    item1 = f'<Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence>a</Sentence></ItemSentence>{sub}</Item>'
    item2 = ('<Item Num="2"><ItemTitle>二</ItemTitle><ItemSentence><Sentence>前号イからハまでに掲げる者及び前号イ'
             "及びニ</Sentence></ItemSentence></Item>")
    para = f'<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>x</Sentence></ParagraphSentence>{item1}{item2}</Paragraph>'
    lw = law(f'<Article Num="1"><ArticleTitle>第一条</ArticleTitle>{para}</Article>')
    rs = refs_in(lw, "MainProvision-Article_1-Paragraph_1-Item_2")
    base = "MainProvision-Article_1-Paragraph_1-Item_1-Subitem1_"
    assert [(r.text, r.targets) for r in rs] == [
        ("前号イからハまで", tuple(base + str(i) for i in (1, 2, 3))),
        ("前号イ及びニ", (base + "1", base + "4")),
    ]


def test_range_in_a_law_that_is_not_loaded_is_expanded_by_number():
    lw = law(article(1, "民法（明治二十九年法律第八十九号）第三条第一号から第三号まで"))
    (r,) = refs_in(lw, "MainProvision-Article_1-Paragraph_1")
    assert r.targets == tuple(f"MainProvision-Article_3-Paragraph_1-Item_{i}" for i in (1, 2, 3))
    assert not r.resolved


def test_bare_subitem_letter_inside_a_subitem_names_its_sibling():
    sub = "".join(f'<Subitem1 Num="{i}"><Subitem1Title>{k}</Subitem1Title><Subitem1Sentence><Sentence>{t}'
                  "</Sentence></Subitem1Sentence></Subitem1>"
                  for i, (k, t) in enumerate([("イ", "a"), ("ロ", "イに規定するもののほか"), ("ハ", "イからロまでに掲げる")],
                                             start=1))
    item = f'<Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence>x</Sentence></ItemSentence>{sub}</Item>'
    para = f'<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>y</Sentence></ParagraphSentence>{item}</Paragraph>'
    lw = law(f'<Article Num="1"><ArticleTitle>第一条</ArticleTitle>{para}</Article>',
             article(2, "イタリア又はイギリスに掲げる"))
    base = "MainProvision-Article_1-Paragraph_1-Item_1-Subitem1_"
    (r,) = refs_in(lw, base + "2")
    assert r.text == "イ" and r.targets == (base + "1",) and r.kind is RefKind.ABSOLUTE
    (r,) = refs_in(lw, base + "3")
    assert r.text == "イからロまで" and r.targets == (base + "1", base + "2")
    assert refs_in(lw, "MainProvision-Article_2-Paragraph_1") == []  # katakana words are not letters


def test_old_style_branch_numbers_and_ryukyu_law_numbers():
    lw = law(article(1, "第二条ノ二ノ規定及び千九百六十五年立法第百二号"), article("2_2", "x"))
    assert [(r.text, r.targets) for r in refs_in(lw, "MainProvision-Article_1-Paragraph_1")] == [
        ("第二条ノ二", ("MainProvision-Article_2_2",))]


def test_rows_of_a_reading_table_cite_the_law_it_applies():
    table = ("<TableStruct><Table>" + "".join(
        f"<TableRow><TableColumn><Sentence>{a}</Sentence></TableColumn><TableColumn><Sentence>{b}</Sentence>"
        f"</TableColumn><TableColumn><Sentence>{c}</Sentence></TableColumn></TableRow>"
        for a, b, c in [("第二条第一項", "会社", "組合"), ("第三条", "株主", "組合員")]) + "</Table></TableStruct>")
    para = ('<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>民法（明治二十九年法律第八十九号）の規定を準用する。'
            "この場合において、次の表の上欄に掲げる民法の規定中同表の中欄に掲げる字句は、それぞれ同表の下欄に掲げる字句と"
            f"読み替えるものとする。</Sentence></ParagraphSentence>{table}</Paragraph>")
    lw = law(f'<Article Num="1"><ArticleTitle>第一条</ArticleTitle>{para}</Article>', article(2, "x"), article(3, "y"))
    rs = [r for r in refs_in(lw, "MainProvision-Article_1-Paragraph_1") if r.text.startswith("第")]
    assert [(r.text, r.target_law) for r in rs] == [("第二条第一項", "129AC0000000089"), ("第三条", "129AC0000000089")]


def test_amending_provision_cites_the_amended_law():
    lw = law(article(1, "民法（明治二十九年法律第八十九号）の一部を次のように改正する。",
                     "第五条中「甲」を「乙」に改め、附則第二条を削る。"), article(2, "第一条の規定"),
             title="民法の一部を改正する法律")
    (r,) = [r for r in refs_in(lw, "MainProvision-Article_1-Paragraph_2") if r.text == "第五条"]
    assert r.target_law == "129AC0000000089" and r.targets == ("MainProvision-Article_5",)
    (r,) = [r for r in refs_in(lw, "MainProvision-Article_1-Paragraph_2") if r.text == "附則第二条"]
    assert r.target_law == "129AC0000000089" and r.targets == ("SupplProvision-Article_2",)
    assert one(lw, "MainProvision-Article_2-Paragraph_1", "第一条").target_law is None  # next article: own law


def test_the_scanners_constructor_builds_the_same_frozen_reference():
    import dataclasses

    from lawcode.refs.model import RefKind, Reference, new_reference

    values = ("MainProvision-Article_2-Paragraph_1", (3, 6), "前条", RefKind.RELATIVE, None,
              ("MainProvision-Article_1",), True, None, "ただし書")
    fast, slow = new_reference(*values), Reference(*values)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert [getattr(fast, f.name) for f in dataclasses.fields(Reference)] == list(values)  # every field, in order
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "次条"  # type: ignore[misc]
