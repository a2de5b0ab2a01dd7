"""Real snapshots: the 2020 bulk subset against older versions of some of its laws (version_pairs/)."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.corpus import Corpus
from lawcode.corpus.snapshots import overlay
from lawcode.errors import CorpusError

pytestmark = pytest.mark.corpus


def test_overlay_swaps_only_laws_the_store_knows(corpus):
    base = corpus / "bulk"
    files, swapped = overlay(base, [corpus / "version_pairs"], "oldest")
    originals = sorted(base.rglob("*.xml"))
    assert len(files) == len(originals) and len(swapped) > 50
    for law_id, path in swapped.items():
        assert (corpus / "version_pairs") in path.parents and path.parent.name.upper() == law_id
    assert sum(1 for a, b in zip(files, originals, strict=True) if a != b) == len(swapped)


def test_two_snapshot_diff_equals_per_law_diffs(corpus):
    _, swapped = overlay(corpus / "bulk", [corpus / "version_pairs"], "oldest")
    chosen = sorted(swapped)[:4]
    bulk = {p.stem.upper(): p for p in (corpus / "bulk").rglob("*.xml")}
    old = [swapped[k] for k in chosen]
    new = [bulk[k] for k in chosen]
    with Corpus(old, scheduler="serial") as a, Corpus(new, scheduler="serial") as b:
        effects = a.diff(b)
    for k, o, n in zip(chosen, old, new, strict=True):
        expected = [e.effect_id for e in lawcode.diff(lawcode.load(o), lawcode.load(n)).effects()]
        assert list(effects[effects.law == k].effect_id) == expected


def test_overlay_rejects_a_bad_choice(corpus):
    with pytest.raises(CorpusError, match="oldest"):
        overlay(corpus / "bulk", [], "latest")
