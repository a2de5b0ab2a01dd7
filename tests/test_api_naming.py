"""The API naming rule (docs/concepts.md, "API naming"): one meaning per name, read-only provisions, deprecated
aliases that still work but warn, views bound to their law, wrong types as TypeErrors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import lawcode
from testsupport import SAMPLES

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"


@pytest.fixture(scope="module")
def law():
    return lawcode.load(V1)


def test_tag_heading_number(law):
    art = law.find("第三条の二")
    assert art.tag == "Article" and art.ja == "条"
    assert art.heading == "第三条の二" and art.caption == "（事業者の責務）"
    assert art.number.first == (3, 2) and art.number.raw == "3_2"
    para = law.find("第三条の二第二項")
    assert para.number.first == (2,)
    assert law.title == "桜ヶ丘市個人情報の保護に関する条例"


@pytest.mark.parametrize(("old", "new"), [("kind", "tag"), ("title", "heading"), ("num", "number")])
def test_deprecated_provision_aliases_warn_and_agree(law, old, new):
    art = law.find("第三条の二")
    with pytest.deprecated_call():
        assert getattr(art, old) == getattr(art, new)


def test_deprecated_node_aliases(law):
    sentence = next(s for s in law.find("第一条").walk() if s.tag == "Sentence")
    with pytest.deprecated_call():
        assert sentence.name == "Sentence"
    with pytest.deprecated_call():
        assert sentence.num == sentence.number


@pytest.mark.parametrize("attribute", ["path", "parent", "number", "index", "tag", "law"])
def test_provision_attributes_are_read_only(law, attribute):
    p = law.find("第三条")
    before = getattr(p, attribute)
    with pytest.raises(AttributeError):
        setattr(p, attribute, "x")
    assert getattr(p, attribute) == before


def test_walking_down_from_the_root_gives_indexed_provisions(law):
    main = next(c for c in law.body.children if c.tag == "MainProvision")
    assert main is law.main_provision and main.path == "MainProvision"
    seen = [n for n in law.root.walk() if isinstance(n, lawcode.Provision)]
    assert seen == list(law.provisions())
    assert all(p.path is not None and p.law is law for p in seen)
    chapter = law.main_provision.children[0] if law.main_provision.children[0].tag == "Chapter" else None
    if chapter is not None:
        assert chapter.label is not None


def test_unknown_provision_kinds_raise_listing_the_valid_ones(law):
    with pytest.raises(lawcode.LawcodeError, match="Article.*Subitem"):
        list(law.provisions("Articles"))
    subitems = list(law.provisions("Subitem"))
    assert subitems and all(p.tag.startswith("Subitem") for p in subitems)
    assert list(law.provisions("Appendix")) == list(law.appendices)
    assert {p.tag for p in law.provisions("Container")} <= {"Part", "Chapter", "Section", "Subsection", "Division"}


def test_getitem_is_find(law):
    assert law["第三条の二第二項"] is law.find("第三条の二第二項")
    with pytest.raises(KeyError):
        law["第九十九条"]


@pytest.mark.parametrize("bad", [3, None, 1.5, ["第三条"]])
def test_wrong_types_are_type_errors(law, bad):
    with pytest.raises(TypeError) as info:
        law.find(bad)
    assert isinstance(info.value, lawcode.AddressError) and isinstance(info.value, lawcode.ArgumentTypeError)
    with pytest.raises(TypeError):
        list(law.provisions(bad if bad is not None else 3))


def test_load_accepts_paths_and_binary_files_and_refuses_bytes():
    assert lawcode.load(str(V1)).title == lawcode.load(Path(V1)).title
    with open(V1, "rb") as handle:
        assert lawcode.load(handle).source == str(V1)
    assert lawcode.load(io.BytesIO(V1.read_bytes())).source == "<stream>"
    with pytest.raises(TypeError, match="use lawcode.loads"):
        lawcode.load(V1.read_bytes())
    with open(V1, encoding="utf-8") as text_handle, pytest.raises(lawcode.ParseError, match="'rb'"):
        lawcode.load(text_handle)
    with pytest.raises(lawcode.ParseError):
        lawcode.load(42)


def test_front_door_exports_what_the_cli_and_notebooks_use():
    for name in ("load", "loads", "law_stats", "LawStats", "check_roundtrip", "Provision", "Segment"):
        assert name in lawcode.__all__ and hasattr(lawcode, name)
    assert "annotations" not in dir(lawcode.text)
    assert lawcode.law_stats(lawcode.load(V1)).articles > 0
