"""Real-data sweep of the layout: for every <Law> file of $LAWCODE_CORPUS, `text()` and `segments()` of every
provision are the same when the file is re-serialised pretty-printed, compact and indented with spaces only,
and the segment invariants of lawcode.model.layout hold. Each file is loaded once per serialisation."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.model.render import script_text

from testsupport import corpus_dir, corpus_law_files
from test_layout import check_layout, provision_layouts, serialisations

pytestmark = pytest.mark.corpus

_FILES = corpus_law_files()
_IDS = [str(p.relative_to(corpus_dir())) for p in _FILES] if _FILES else []


@pytest.mark.parametrize("path", _FILES, ids=_IDS)
def test_layout_is_independent_of_serialisation(path, corpus):
    data = path.read_bytes()
    law = lawcode.loads(data, source=str(path))
    expected = provision_layouts(law)
    rendered: dict = {}
    for p in law.provisions():
        check_layout(p, rendered)
    for variant, xml in serialisations(data).items():
        got = provision_layouts(lawcode.loads(xml, source=f"{path} ({variant})"))
        assert len(got) == len(expected), variant
        for mine, theirs in zip(got, expected, strict=True):
            assert mine == theirs, (variant, theirs[0])


def test_known_leaks_are_gone(corpus):
    """The files indented without line breaks once leaked runs of spaces into text()."""
    bulk = corpus / "bulk" / "lawhub-xml_20201118"
    law = lawcode.load(bulk / "429AC0000000073.xml")
    assert "  " not in law.find("MainProvision-Paragraph_1").text()
    law = lawcode.load(bulk / "346AC0000000090.xml")
    for p in law.suppl_provisions:
        assert "  " not in p.text(), p.path


def test_table_cell_sentences_are_lines(corpus):
    law = lawcode.load(corpus / "bulk" / "lawhub-xml_20201118" / "335CO0000000292.xml")
    p = law.find("別表第三")
    lines = p.text().split("\n")
    assert max(len(line) for line in lines) < 400
    assert any(line.startswith("イ　") for line in lines)
    sentences = [e for e in p.element.iter("Sentence")]
    assert sum(s.tag == "Sentence" for s in p.segments()) == len(sentences)


def test_list_columns_follow_the_rule(corpus):
    law = lawcode.load(corpus / "bulk" / "lawhub-xml_20201118" / "123AC0000000001.xml")
    p = law.find("第一条")
    lines = p.text().split("\n")
    assert lines[1] == "第一\u3000保管義務解除ノ期アルモノハ其義務ヲ解除シタル翌日ヨリ起算ス"
    assert len(lines) == 4
    check_layout(p)


def test_superscripts_and_subscripts_stay_distinct(corpus):
    """Every Sup/Sub of the corpus (mass numbers of isotopes, units such as ｍ²) is rendered by the
    convention, inside the segment of the text element around it."""
    checked = 0
    for path in corpus_law_files():
        data = path.read_bytes()
        if not any(tag in data for tag in (b"<Sup>", b"<Sup ", b"<Sub>", b"<Sub ")):
            continue
        law = lawcode.loads(data, source=str(path))
        for p in law.provisions():
            if p.parent is not None:
                continue
            text = p.text()
            segments: dict = {}
            for s in p.segments():
                segments.setdefault(s.element, []).append(text[s.start:s.end])
            for e in p.element.iter("Sup", "Sub"):
                rendered = script_text("".join(e.itertext()), e.tag)
                if not rendered:
                    continue
                owner = next(a for a in e.iterancestors() if a in segments)
                assert any(rendered in piece for piece in segments[owner]), (path.name, p.path, rendered)
                checked += 1
    assert checked > 100
