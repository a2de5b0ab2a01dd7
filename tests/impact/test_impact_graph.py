"""The propagation graph's reading of citations: 準用 after a citation."""

from __future__ import annotations

from lawcode.impact.graph import applies_mutatis_mutandis


def test_mutatis_mutandis_is_read_after_the_citation_in_the_same_sentence():
    text = "第五条の規定は、前項の場合について準用する。第六条の規定は、適用しない。"
    assert applies_mutatis_mutandis(text, len("第五条"))
    assert not applies_mutatis_mutandis(text, text.index("第六条") + 3)  # the sentence ends before any 準用
    assert not applies_mutatis_mutandis("第五条" + "の" * 41 + "準用", 3)  # too far to be this citation's
