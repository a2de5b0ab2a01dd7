"""The examples of docs/references.md are real: every ``expr  # value`` line evaluates to the value shown."""

from __future__ import annotations

from testsupport import ROOT, run_page_examples

PAGE = ROOT / "docs" / "references.md"


def test_references_page_examples():
    assert run_page_examples(PAGE, ROOT) >= 8
