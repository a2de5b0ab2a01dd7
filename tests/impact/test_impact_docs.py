"""docs/impact.md: its Python examples run on the samples and give the values written next to them."""

from __future__ import annotations

import re

from testsupport import ROOT, run_page_examples

PAGE = ROOT / "docs" / "impact.md"


def test_python_examples_give_the_values_shown():
    assert run_page_examples(PAGE, ROOT) >= 4


def test_the_page_is_in_the_guide():
    assert re.search(r"^impact$", (ROOT / "docs" / "index.md").read_text(encoding="utf-8"), flags=re.M)
