"""Properties on the sample ordinance: random edits → diff → apply rebuilds the edited version exactly;
a pure renumbering is reported as renumbering only; a law compared with itself has no changes."""

from __future__ import annotations

import copy

from hypothesis import given, settings, strategies as st
from lxml import etree

import lawcode
from lawcode.diff import diff
from lawcode.text.numerals import format_branch_number, int_to_kanji


def _articles(root):
    return root.xpath("//MainProvision//Article")


def _set_article_num(a, first: tuple[int, ...], last: tuple[int, ...] | None) -> None:
    num = "_".join(map(str, first)) + (":" + "_".join(map(str, last)) if last else "")
    a.set("Num", num)
    title = a.find("ArticleTitle")
    text = f"第{format_branch_number(first)}条"
    if last:
        text += f"から第{format_branch_number(last)}条まで"
    title.text = text


def _parse(num: str):
    first, _, last = num.partition(":")
    return tuple(map(int, first.split("_"))), (tuple(map(int, last.split("_"))) if last else None)


def renumber_from(root, k: int) -> None:
    """Shift every article from position *k* on by one (第N条 → 第N+1条), back to front as drafters do."""
    for a in reversed(_articles(root)[k:]):
        first, last = _parse(a.get("Num"))
        _set_article_num(a, (first[0] + 1,) + first[1:], (last[0] + 1,) + last[1:] if last else None)


def delete_article(root, k: int) -> None:
    arts = _articles(root)
    a = arts[k % len(arts)]
    a.getparent().remove(a)


def insert_article(root, k: int, text: str) -> None:
    """Insert a new article after position *k* under a branch number (第N条の九), as 枝番 insertions do."""
    arts = _articles(root)
    a = arts[k % len(arts)]
    first, last = _parse(a.get("Num"))
    new = copy.deepcopy(a)
    for p in new.findall("Paragraph")[1:]:
        new.remove(p)
    _set_article_num(new, (last or first) + (9,), None)
    sentence = new.find("Paragraph/ParagraphSentence")
    for c in list(sentence):
        sentence.remove(c)
    etree.SubElement(sentence, "Sentence").text = text
    a.addnext(new)


def edit_phrase(root, k: int, pos: int, text: str, cut: int) -> None:
    sentences = root.xpath("//MainProvision//Sentence")
    s = sentences[k % len(sentences)]
    body = s.text or ""
    p = pos % (len(body) + 1)
    s.text = body[:p] + text + body[p + cut:]


def delete_item(root, k: int) -> None:
    items = [x for x in root.xpath("//MainProvision//Item") if x.get("Num", "").isdigit()]
    it = items[k % len(items)]
    parent = it.getparent()
    following = [x for x in parent.findall("Item") if x.get("Num", "").isdigit() and int(x.get("Num")) > int(it.get("Num"))]
    parent.remove(it)
    for x in following:  # 以下の号を一号ずつ繰り上げる
        n = int(x.get("Num").split("_")[0]) - 1
        x.set("Num", str(n))
        x.find("ItemTitle").text = int_to_kanji(n)


def insert_item(root, k: int, text: str) -> None:
    """Insert a 号 before the *k*-th one and renumber the following ones (同項第N号の前に次の一号を加える)."""
    items = [x for x in root.xpath("//MainProvision//Item") if x.get("Num", "").isdigit()]
    it = items[k % len(items)]
    parent = it.getparent()
    number = int(it.get("Num"))
    for x in reversed([x for x in parent.findall("Item") if x.get("Num", "").isdigit() and int(x.get("Num")) >= number]):
        n = int(x.get("Num")) + 1
        x.set("Num", str(n))
        x.find("ItemTitle").text = int_to_kanji(n)
    new = etree.Element("Item", Num=str(number))
    etree.SubElement(new, "ItemTitle").text = int_to_kanji(number)
    etree.SubElement(etree.SubElement(new, "ItemSentence"), "Sentence").text = text
    it.addprevious(new)


_PHRASE = st.text(alphabet=list("市長個人情報のをにはる、。第十条項号"), min_size=0, max_size=6)
_EDIT = st.one_of(
    st.tuples(st.just("renumber"), st.integers(0, 19)),
    st.tuples(st.just("delete"), st.integers(0, 19)),
    st.tuples(st.just("insert"), st.integers(0, 19), _PHRASE.filter(bool)),
    st.tuples(st.just("phrase"), st.integers(0, 200), st.integers(0, 200), _PHRASE, st.integers(0, 4)),
    st.tuples(st.just("item"), st.integers(0, 50)),
    st.tuples(st.just("new_item"), st.integers(0, 50), _PHRASE.filter(bool)),
)


def _edited(law, edits):
    root = copy.deepcopy(law._tree).getroot()
    for e in edits:
        if e[0] == "renumber":
            renumber_from(root, e[1])
        elif e[0] == "delete":
            delete_article(root, e[1])
        elif e[0] == "insert":
            insert_article(root, e[1], e[2])
        elif e[0] == "phrase":
            edit_phrase(root, e[1], e[2], e[3], e[4])
        elif e[0] == "new_item":
            insert_item(root, e[1], e[2])
        else:
            delete_item(root, e[1])
    return lawcode.loads(etree.tostring(root, encoding="unicode"))


@settings(max_examples=60)
@given(st.lists(_EDIT, min_size=1, max_size=5))
def test_apply_rebuilds_randomly_edited_versions(sample_v1, edits):
    new = _edited(sample_v1, edits)
    d = diff(sample_v1, new)
    assert lawcode.canonical_xml(d.apply(sample_v1)) == lawcode.canonical_xml(new)
    # and the other way round
    back = diff(new, sample_v1)
    assert lawcode.canonical_xml(back.apply(new)) == lawcode.canonical_xml(sample_v1)


@settings(max_examples=25)
@given(st.integers(0, 19))
def test_pure_renumbering_is_reported_as_renumbering(sample_v1, k):
    new = _edited(sample_v1, [("renumber", k)])
    d = diff(sample_v1, new)
    kinds = {c.kind for c in d.changes}
    assert kinds == {"renumbered"}
    moved = len(_articles(sample_v1._tree.getroot())[k:])
    assert sum(1 for c in d.changes if c.tag == "Article") == moved
    assert all(d.lineage[c.old_path] == c.new_path for c in d.changes)


@settings(max_examples=25)
@given(st.integers(0, 19), _PHRASE.filter(lambda s: len(s) >= 2))
def test_inserted_article_is_one_addition(sample_v1, k, text):
    new = _edited(sample_v1, [("insert", k, text)])
    d = diff(sample_v1, new)
    assert [c.kind for c in d.changes] == ["added"]


@settings(max_examples=25)
@given(st.integers(0, 50), _PHRASE.filter(lambda s: len(s) >= 2))
def test_inserted_item_renumbers_the_following_items(sample_v1, k, text):
    new = _edited(sample_v1, [("new_item", k, text)])
    d = diff(sample_v1, new)
    kinds = [c.kind for c in d.changes]
    assert kinds.count("added") == 1 and set(kinds) <= {"added", "renumbered"}
    assert lawcode.canonical_xml(d.apply(sample_v1)) == lawcode.canonical_xml(new)


@settings(max_examples=20)
@given(st.lists(_EDIT, min_size=0, max_size=3))
def test_a_version_compared_with_itself_has_no_changes(sample_v1, edits):
    law = _edited(sample_v1, edits)
    d = diff(law, law)
    assert d.changes == () and not d
    assert all(k == v for k, v in d.lineage.items())
    assert len(d.lineage) == len(law)
