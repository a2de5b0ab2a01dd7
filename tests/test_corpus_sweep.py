"""Real-data sweeps over every <Law> file in $LAWCODE_CORPUS: lossless round trip and structural addressing."""

from __future__ import annotations

import re

import pytest

import lawcode
from lawcode.io import check_roundtrip
from lawcode.model.address import parse_citation
from lawcode.model.labels import appendix_number
from lawcode.text.numerals import int_to_kanji, kanji_to_int, to_fullwidth_digits

from testsupport import corpus_dir, corpus_law_files, require_corpus
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
        if not _shares_parent_label(p):
            labels[p.label] = labels.get(p.label, 0) + 1
    for p in law.provisions():
        assert p.index > previous
        previous = p.index
        assert law.find(p.path) is p
        assert p.label, p.path
        assert not p.element.xpath(_FOREIGN)
        if p.tag in ("Article", "AppdxTable", "SupplProvision"):
            _check_segments(p)
        if _shares_parent_label(p):  # the 項 of 「第十五条から第十七条まで　削除」 is the placeholder's text
            assert p.parent.is_range and law.find(p.label) is p.parent, (p.label, p.path)
        elif labels[p.label] == 1:
            assert law.find(p.label) is p, (p.label, p.path)
    _check_arabic_citations(law)
    _check_appendix_citations(law, labels)


def _shares_parent_label(p):
    return p.parent is not None and p.label == p.parent.label


def _check_arabic_citations(law):
    """The grammar path (not the label shortcut): 第3条の2第2項 resolves like 第三条の二第二項."""
    for p in law.provisions(("Article", "Paragraph", "Item")):
        label = p.label
        if not label.startswith("第") or "まで" in label or "及び" in label or p.path.count("#"):
            continue
        arabic = _NUMERAL.sub(lambda m: str(kanji_to_int(m.group(0))), label)
        found = law.find(parse_citation(arabic))  # an Address skips the label index
        assert found is p or (found.tag == p.tag and found.label == p.label), (arabic, p.path, found.path)


def _check_appendix_citations(law, labels):
    """Every appendix with a number (its Num, or the number in its title) is found by its label in kanji, Arabic
    and full-width digits, and by ``Tag_N`` when it is the only appendix of its element and scope numbered N."""
    appendices = list(law.provisions("Appendix"))
    numbers = {id(p): appendix_number(p) for p in appendices}
    for p in appendices:
        number = numbers[id(p)]
        if number is None or labels[p.label] != 1:
            continue
        for digits in (int_to_kanji, str, to_fullwidth_digits):
            citation = _ANY_NUMERAL.sub(lambda m, digits=digits: digits(kanji_to_int(m.group(0))), p.label)
            assert law.find(citation) is p, (citation, p.path)
        if number.is_range or p.number is not None:
            continue
        raw = "_".join(map(str, number.first))
        siblings = [q for q in appendices if q.tag == p.tag and q.parent is p.parent]
        if any(q.number is not None and q.number.raw == raw for q in siblings):
            continue  # AppdxTable_N is the one with Num="N"
        same = [q for q in siblings if q.number is None and numbers[id(q)] is not None
                and numbers[id(q)].first == number.first and not numbers[id(q)].is_range]
        path = f"{p.tag}_{raw}" if p.parent is None else f"{p.parent.path}-{p.tag}_{raw}"
        if len(same) == 1:
            assert law.find(path) is p, (path, p.path)
        else:
            with pytest.raises(lawcode.AddressError, match="ambiguous"):
                law.find(path)


_ANY_NUMERAL = re.compile(r"[0-9０-９〇一二三四五六七八九十百千]+")


def test_deleted_ranges_are_found_by_inner_numbers():
    require_corpus()
    checked = 0
    for path in _FILES[:600]:
        law = lawcode.load(path)
        for p in law.provisions("Article"):
            if p.parent.tag != "MainProvision" and not p.parent.tag in ("Part", "Chapter", "Section"):
                continue
            if p.is_range and len(p.number.first) == 1 and p.number.last[0] > p.number.first[0] + 1:
                inner = p.number.first[0] + 1
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
