"""Shared fixtures of the text-layer tests: the optional real-data corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def text_corpus() -> Path:
    """Root of the real-data corpus from $LAWCODE_CORPUS.

    Skips when the variable is unset, unless LAWCODE_REQUIRE_CORPUS=1 (CI), in which case a missing corpus fails.
    """
    root = os.environ.get("LAWCODE_CORPUS")
    required = os.environ.get("LAWCODE_REQUIRE_CORPUS") == "1"
    if not root:
        if required:
            pytest.fail("LAWCODE_REQUIRE_CORPUS=1 but LAWCODE_CORPUS is not set")
        pytest.skip("LAWCODE_CORPUS is not set; set it to the corpus folder to run the real-data sweeps")
    path = Path(root)
    if not path.is_dir():
        pytest.fail(f"LAWCODE_CORPUS={root!r} is not a directory")
    return path
