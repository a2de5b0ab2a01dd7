"""Real-data sweeps over every <Law> file in $LAWCODE_CORPUS: lossless round trip and structural addressing."""

from __future__ import annotations

import re

import pytest

import lawcode
from lawcode.io import check_roundtrip
from lawcode.text.numerals import kanji_to_int

from conftest import corpus_dir, corpus_law_files, require_corpus
from test_model import _check_segments

pytestmark = pytest.mark.corpus

_FILES = corpus_law_files()
_IDS = [str(p.relative_to(corpus_dir())) for p in _FILES] if _FILES else []


def test_corpus_is_there():
    base = require_corpus()
    assert len(corpus_law_files()) >= 2200, f"expected about 2,200 <Law> files under {base}"


@pytest.mark.parametrize("path", _FILES, ids=_IDS)
def test_roundtrip_is_lossless(path):
    result = check_roundtrip(path)
    assert result.ok, result.difference


# Provision elements that the structural walk must NOT report: those quoted inside amending provisions,
# tables, quoted structures and remarks.
_FOREIGN = (
    "ancestor::NewProvision or ancestor::TableStruct or ancestor::QuoteStruct or ancestor::Remarks"
    " or ancestor::Style or ancestor::Note or ancestor::Format"
)
_NUMERAL = re.compile(r"[〇一二三四五六七八九十百千]+")


@pytest.mark.parametrize("path", _FILES, ids=_IDS)
def test_structure_and_addresses(path):
    law = lawcode.load(path)
    root = law.root.element
    for tag in ("Article", "Paragraph", "Item", "Subitem1"):
        expected = int(root.xpath(f"count(//{tag}[not({_FOREIGN})])"))
        assert sum(1 for _ in law.provisions(tag)) == expected, tag
    previous = -1
    labels: dict[str, int] = {}
    for p in law.provisions():
        labels[p.label] = labels.get(p.label, 0) + 1
    for p in law.provisions():
        assert p.index > previous
        previous = p.index
        assert law.find(p.path) is p
        assert p.label, p.path
        assert not p.element.xpath(_FOREIGN)
        if p.kind in ("Article", "AppdxTable", "SupplProvision"):
            _check_segments(p)
        if labels[p.label] == 1:
            assert law.find(p.label) is p, (p.label, p.path)
    _check_arabic_citations(law)


def _check_arabic_citations(law):
    """The grammar path (not the label shortcut): 第3条の2第2項 resolves like 第三条の二第二項."""
    for p in law.provisions(("Article", "Paragraph", "Item")):
        label = p.label
        if not label.startswith("第") or "まで" in label or "及び" in label or p.path.count("#"):
            continue
        arabic = _NUMERAL.sub(lambda m: str(kanji_to_int(m.group(0))), label)
        found = law.find(arabic)
        assert found is p or (found.kind == p.kind and found.label == p.label), (arabic, p.path, found.path)


def test_deleted_ranges_are_found_by_inner_numbers():
    require_corpus()
    checked = 0
    for path in _FILES[:600]:
        law = lawcode.load(path)
        for p in law.provisions("Article"):
            if p.parent.kind != "MainProvision" and not p.parent.kind in ("Part", "Chapter", "Section"):
                continue
            if p.is_range and len(p.num.first) == 1 and p.num.last[0] > p.num.first[0] + 1:
                inner = p.num.first[0] + 1
                assert law.find(f"第{inner}条") is p
                checked += 1
    assert checked > 0


def test_no_provisions_from_amending_text():
    """51 Article elements sit inside NewProvision in the corpus; none may be reported as provisions."""
    require_corpus()
    inside = reported = 0
    for path in _FILES:
        data = path.read_bytes()
        if b"NewProvision" not in data:
            continue
        law = lawcode.load(path)
        quoted = law.root.element.xpath("//NewProvision//Article")
        inside += len(quoted)
        ids = {id(p.element) for p in law.provisions("Article")}
        reported += sum(1 for e in quoted if id(e) in ids)
    assert inside >= 40
    assert reported == 0
