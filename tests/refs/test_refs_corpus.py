"""Corpus sweep: references() and definitions() never raise on a real law, every span slices text() exactly,
and every resolved target of the law itself exists (``law.find(path)``)."""

from __future__ import annotations

import pytest

import lawcode
from testsupport import corpus_law_files, require_corpus

pytestmark = pytest.mark.corpus


def _files():
    files = corpus_law_files()
    return files if files else [None]


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name if p is not None else "no-corpus")
def test_references_on_corpus_law(path):
    require_corpus()
    law = lawcode.load(path)
    texts: dict[str, str] = {}
    for r in lawcode.references(law):
        text = texts.get(r.source)
        if text is None:
            text = texts[r.source] = law.find(r.source).text()
        assert text[r.span[0]:r.span[1]] == r.text
        if r.resolved and r.target_law is None:
            for t in r.targets:
                assert law.find(t).path == t
        if not r.resolved:
            assert r.reason
    for d in lawcode.definitions(law):
        assert law.find(d.source).text()[d.span[0]:d.span[1]] == d.term


def test_resolution_share_on_administrative_procedure_act(corpus):
    """行政手続法 (2018 version): same-law mentions resolve (absolute and relative), and the mentions of
    other laws carry their e-Gov LawID."""
    law = lawcode.load(corpus / "egov/405AC0000000088/405AC0000000088_20180401_429AC0000000004.xml")
    refs = lawcode.references(law)
    main = [r for r in refs if r.source.startswith("MainProvision") and r.kind in ("absolute", "relative")]
    assert len(main) > 100
    assert sum(r.resolved for r in main) / len(main) > 0.97
    ext = [r for r in refs if r.text.startswith("地方自治法（昭和二十二年法律第六十七号）")]
    assert ext and all(r.target_law == "322AC0000000067" for r in ext)


def test_library_resolves_citations_of_other_corpus_laws(corpus):
    """With the corpus as a library, 地方公務員法's citations of 行政手続法 and 地方自治法 are checked against
    their texts."""
    library = lawcode.Library(corpus / "egov")
    law = lawcode.load(corpus / "egov/325AC0000000261/lawhubxml_20200602_190729e01k01m01.xml")
    refs = lawcode.references(law, library=library)
    cited = [r for r in refs if r.target_law in ("405AC0000000088", "322AC0000000067")]
    assert len(cited) > 10
    assert sum(r.resolved for r in cited) / len(cited) > 0.9
    for r in cited:
        if r.resolved:
            target_law = library.find_law(r.target_law)
            assert all(target_law.find(t).path == t for t in r.targets)
