"""`Provision.cache_texts()`: one layout of a provision gives the texts of every sub-provision in it.

The values it caches must be exactly what `text()` computes for each sub-provision alone (the reference
scanner's spans are offsets into them): checked on the sample ordinance and on real laws of the corpus, by
comparing a law primed top-down with `cache_texts()` against a fresh load of the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcode
from testsupport import corpus_law_files

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
#: A slice of the corpus (sorted paths): every layout rule is met in a few dozen real laws.
_FILES = corpus_law_files()[:60]


def _primed_and_plain(data: bytes) -> tuple[list[lawcode.Provision], list[lawcode.Provision]]:
    primed = lawcode.loads(data)
    plain = lawcode.loads(data)
    for p in primed.provisions():  # document order: a provision is primed before its sub-provisions
        p.cache_texts()
    return list(primed.provisions()), list(plain.provisions())


def test_sliced_texts_equal_rendered_texts() -> None:
    primed, plain = _primed_and_plain((SAMPLES / "sakuragaoka_jorei_v1.xml").read_bytes())
    assert any(p.subprovisions for p in primed if p.tag == "Paragraph")  # the sample has 号 to slice
    assert len(primed) == len(plain)
    for a, b in zip(primed, plain, strict=True):
        assert a.path == b.path
        assert a.text() == b.text(), a.path


def test_returns_the_text_and_keeps_an_earlier_value() -> None:
    law = lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml")
    article = next(p for p in law.provisions() if p.tag == "Article")
    paragraph = article.subprovisions[0]
    before = paragraph.text()
    assert article.cache_texts() == article.text()
    assert paragraph.text() is before  # already cached: left alone


def test_an_item_text_is_a_run_of_lines_of_its_paragraph() -> None:
    law = lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml")
    paragraph = next(p for p in law.provisions() if p.tag == "Paragraph" and p.subprovisions)
    text = paragraph.cache_texts()
    for item in paragraph.subprovisions:
        k = text.find(item.text())
        assert k > 0 and text[k - 1] == "\n"


@pytest.mark.corpus
@pytest.mark.parametrize("path", _FILES, ids=str)
def test_corpus_sliced_texts_equal_rendered_texts(path: Path, corpus: Path) -> None:
    primed, plain = _primed_and_plain(path.read_bytes())
    for a, b in zip(primed, plain, strict=True):
        assert a.text() == b.text(), a.path
