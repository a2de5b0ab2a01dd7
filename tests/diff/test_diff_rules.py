"""One small hand-written case per alignment rule: renumbering, moves, 削除 placeholders, captions, titles,
whole rewrites, serialisation-only differences, and the exact rebuild through ``apply``."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.diff import diff

from diff_builders import article, chapter, item, law

A1 = article("1", "この条例は、市民の個人情報を守ることを目的とする。", caption="（目的）")
A2 = article("2", "市長は、個人情報を適切に管理しなければならない。")
A3 = article("3", "事業者は、市の施策に協力するよう努めなければならない。")
A4 = article("4", "この条例に定めるもののほか、必要な事項は、規則で定める。", caption="（委任）")


def _kinds(d):
    return [(c.kind, c.old_label, c.new_label) for c in d.changes]


def _assert_rebuilds(d, old, new):
    assert lawcode.canonical_xml(d.apply(old)) == lawcode.canonical_xml(new)


def test_identical_versions_have_no_changes():
    a = law(A1, A2, A3)
    d = diff(a, a)
    assert d.changes == () and not d
    assert lawcode.canonical_xml(d.apply(a)) == lawcode.canonical_xml(a)
    assert d.lineage["MainProvision-Article_2"] == "MainProvision-Article_2"


def test_serialisation_only_differences_are_not_changes():
    a, b = law(A1, A2, A3), law(A1, A2, A3, pretty=True)
    d = diff(a, b)
    assert d.changes == ()
    _assert_rebuilds(d, a, b)


def test_inserted_article_renumbers_the_following_ones():
    old = law(A1, A2, A3, A4)
    new_art = article("2", "市は、個人情報の保護に関する方針を定めるものとする。", caption="（方針）")
    new = law(A1, new_art, article("3", "市長は、個人情報を適切に管理しなければならない。"),
              article("4", "事業者は、市の施策に協力するよう努めなければならない。"),
              article("5", "この条例に定めるもののほか、必要な事項は、規則で定める。", caption="（委任）"))
    d = diff(old, new)
    assert ("added", None, "第二条") in _kinds(d)
    assert ("renumbered", "第二条", "第三条") in _kinds(d)
    assert ("renumbered", "第四条", "第五条") in _kinds(d)
    assert not any(k == "deleted" for k, _, _ in _kinds(d))
    assert d.lineage["MainProvision-Article_4"] == "MainProvision-Article_5"
    assert d.lineage.back("MainProvision-Article_3") == "MainProvision-Article_2"
    _assert_rebuilds(d, old, new)


def test_renumbered_article_with_a_small_text_change_is_still_the_same_article():
    old = law(A1, A2, A3)
    new = law(A1, article("2", "新しい規定を置く。"),
              article("3", "市長は、個人情報を適切かつ安全に管理しなければならない。"),
              article("4", "事業者は、市の施策に協力するよう努めなければならない。"))
    d = diff(old, new)
    kinds = _kinds(d)
    assert ("renumbered", "第二条", "第三条") in kinds
    assert ("text_changed", "第二条第一項", "第三条第一項") in kinds
    change = next(c for c in d.changes if c.kind == "text_changed")
    assert [change.new_text[a:b] for a, b in change.new_spans] == ["適切かつ安全"]
    _assert_rebuilds(d, old, new)


def test_branch_number_insertion_does_not_renumber():
    old = law(A1, A2, A3)
    new = law(A1, A2, article("2_2", "市は、年に一度、運用状況を公表する。"), A3)
    d = diff(old, new)
    assert _kinds(d) == [("added", None, "第二条の二")]
    _assert_rebuilds(d, old, new)


def test_article_turned_into_a_placeholder_is_a_deletion_that_keeps_its_number():
    old = law(A1, A2, A3)
    new = law(A1, article("2", "削除"), A3)
    d = diff(old, new)
    assert _kinds(d) == [("deleted", "第二条", "第二条")]
    assert d.lineage["MainProvision-Article_2"] == "MainProvision-Article_2"
    _assert_rebuilds(d, old, new)


def test_deleted_range_placeholder_covers_the_old_articles():
    old = law(A1, A2, A3, A4, article("5", "附則を見よ。"))
    new = law(A1, article("2:4", "削除"), article("5", "附則を見よ。"))
    d = diff(old, new)
    deleted = [(c.old_label, c.new_label) for c in d.changes]
    assert deleted == [("第二条", "第二条から第四条まで"), ("第三条", "第二条から第四条まで"),
                       ("第四条", "第二条から第四条まで")]
    assert d.lineage["MainProvision-Article_3"] == "MainProvision-Article_2:4"
    _assert_rebuilds(d, old, new)


def test_caption_and_wording_changes_carry_their_own_spans():
    old = law(A1, A2)
    new = law(article("1", "この条例は、市民の個人情報を守ることを目的とする。", caption="（趣旨）"),
              article("2", "市長は、個人情報を適正に管理しなければならない。"))
    d = diff(old, new)
    by_kind = {c.kind: c for c in d.changes}
    cap = by_kind["caption_changed"]
    assert [cap.old_text[a:b] for a, b in cap.old_spans] == ["目的"]
    assert [cap.new_text[a:b] for a, b in cap.new_spans] == ["趣旨"]
    txt = by_kind["text_changed"]
    assert txt.new_label == "第二条第一項"
    assert [txt.old_text[a:b] for a, b in txt.old_spans] == ["適切"]
    _assert_rebuilds(d, old, new)


def test_law_title_change():
    old, new = law(A1, title="テスト条例"), law(A1, title="テスト市個人情報条例")
    d = diff(old, new)
    assert [(c.kind, c.label) for c in d.changes] == [("title_changed", "題名")]
    c = d.changes[0]
    assert c.old_path == c.new_path == "LawTitle"
    _assert_rebuilds(d, old, new)


def test_rewritten_article_with_the_same_number_is_replaced_whole():
    old = law(A1, A2, A3)
    new = law(A1, article("2", "手数料は、徴収しない。ただし、写しの交付には実費を要する。"), A3)
    d = diff(old, new)
    assert [c.kind for c in d.changes] == ["replaced_whole"]
    _assert_rebuilds(d, old, new)


def test_item_deleted_and_following_items_moved_up():
    items = ("氏名", "住所", "生年月日", "性別")
    old = law(article("1", "次に掲げる事項を記載する。", items=items))
    new = law(article("1", "次に掲げる事項を記載する。", items=("氏名", "生年月日", "性別")))
    d = diff(old, new)
    kinds = _kinds(d)
    assert ("deleted", "第一条第二号", None) in kinds
    assert ("renumbered", "第一条第三号", "第一条第二号") in kinds
    assert ("renumbered", "第一条第四号", "第一条第三号") in kinds
    _assert_rebuilds(d, old, new)


def test_chapters_renumbered_when_a_chapter_is_inserted():
    old = law(chapter(1, "総則", A1, A2), chapter(2, "雑則", A3, A4))
    new = law(chapter(1, "総則", A1, A2), chapter(2, "開示", article("2_2", "開示の請求ができる。")),
              chapter(3, "雑則", A3, A4))
    d = diff(old, new)
    kinds = _kinds(d)
    assert ("added", None, "第二章") in kinds
    assert ("renumbered", "第二章", "第三章") in kinds
    assert d.lineage["MainProvision-Chapter_2"] == "MainProvision-Chapter_3"
    _assert_rebuilds(d, old, new)


def test_article_moved_to_another_chapter():
    old = law(chapter(1, "総則", A1, A2, A3), chapter(2, "雑則", A4))
    new = law(chapter(1, "総則", A1, A2), chapter(2, "雑則", A3, A4))
    d = diff(old, new)
    assert _kinds(d) == [("moved", "第三条", "第三条")]
    _assert_rebuilds(d, old, new)


def test_chapter_renamed():
    old = law(chapter(1, "総則", A1), chapter(2, "雑則", A2))
    new = law(chapter(1, "総則", A1), chapter(2, "補則", A2))
    d = diff(old, new)
    assert _kinds(d) == [("title_changed", "第二章", "第二章")]
    c = d.changes[0]
    assert [c.new_text[a:b] for a, b in c.new_spans] == ["補則"]


def test_amending_supplementary_provisions_are_matched_by_their_law():
    def suppl(num: str, text: str) -> str:
        return (f'<SupplProvision AmendLawNum="{num}"><SupplProvisionLabel>附\u3000則</SupplProvisionLabel>'
                f'<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>{text}</Sentence>'
                "</ParagraphSentence></Paragraph></SupplProvision>")
    s1 = suppl("令和六年三月一日テスト市条例第三号", "この条例は、公布の日から施行する。")
    s2 = suppl("令和七年三月一日テスト市条例第二号", "この条例は、令和七年四月一日から施行する。")
    old = law(A1, suppl=s1)
    new = law(A1, suppl=s1 + s2)
    d = diff(old, new)
    assert [(c.kind, c.new_path) for c in d.changes] == [("added", "SupplProvision[令和7年テスト市条例第2号]")]
    effects = d.effects()
    assert effects[0].type == "追加"
    assert effects[0].amending_law_num == "令和七年三月一日テスト市条例第二号"
    _assert_rebuilds(d, old, new)


def test_attributes_metadata_and_comments_are_rebuilt():
    old = law(A1, A2)
    xml = old.to_xml().decode().replace('<Law Era="Reiwa"', '<!-- note --><Law Era="Reiwa" DataInfo="x1"')
    xml = xml.replace('<Article Num="2">', '<Article Num="2" Delete="false"><!-- kept -->')
    new = lawcode.loads(xml)
    d = diff(old, new)
    assert d.changes == ()  # metadata and serialisation, not wording
    assert d  # ... but the documents differ, and apply carries it
    _assert_rebuilds(d, old, new)


def test_apply_refuses_another_law():
    old, new = law(A1, A2, A3), law(A1, A3)
    d = diff(old, new)
    with pytest.raises(lawcode.DiffError):
        d.apply(law(A4))


def test_diff_rejects_non_laws():
    with pytest.raises(lawcode.DiffError):
        diff("a.xml", law(A1))  # type: ignore[arg-type]


def test_counterpart_follows_lineage():
    old = law(A1, A2, A3)
    new = law(A1, article("2", "新しい規定を置く。"), article("3", "市長は、個人情報を適切に管理しなければならない。"),
              article("4", "事業者は、市の施策に協力するよう努めなければならない。"))
    d = diff(old, new)
    p = d.counterpart(old.find("第二条"))
    assert p is not None and p.label == "第三条"
    assert d.counterpart(new.find("第二条")) is None


def test_items_and_lists():
    assert item(1, "x").startswith('<Item Num="1">')
