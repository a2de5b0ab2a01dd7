"""Shared fixtures: the team's samples (always present) and the real-data corpus ($LAWCODE_CORPUS).

Without ``LAWCODE_CORPUS`` the corpus tests skip with a reason; with ``LAWCODE_REQUIRE_CORPUS=1`` (as in CI) a
missing corpus is an error instead, so that CI can never pass by skipping the real-data sweeps.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Timing-based failures are noise on a loaded 2-core CI machine: properties are checked without deadlines.
settings.register_profile("lawcode", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lawcode")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


def corpus_dir() -> Path | None:
    """The real-data corpus, or None when it is not configured."""
    value = os.environ.get("LAWCODE_CORPUS")
    if not value:
        return None
    path = Path(value)
    return path if path.is_dir() else None


def require_corpus() -> Path:
    """Return the corpus or skip (fail when LAWCODE_REQUIRE_CORPUS=1)."""
    path = corpus_dir()
    if path is None:
        reason = (
            "real-data corpus not available: set LAWCODE_CORPUS to the shared corpus folder "
            f"(currently {os.environ.get('LAWCODE_CORPUS')!r})"
        )
        if os.environ.get("LAWCODE_REQUIRE_CORPUS") == "1":
            pytest.fail(reason + " — LAWCODE_REQUIRE_CORPUS=1 forbids skipping")
        pytest.skip(reason)
    return path


_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.-]*)")


def root_tag(path: Path) -> str | None:
    """Name of the first element of an XML file, skipping the prolog (declaration, comments, PIs, DOCTYPE)."""
    data = path.read_bytes()[:65536]
    i = 0
    while True:
        j = data.find(b"<", i)
        if j < 0:
            return None
        if data.startswith(b"<?", j):
            i = data.find(b"?>", j) + 2
        elif data.startswith(b"<!--", j):
            i = data.find(b"-->", j) + 3
        elif data.startswith(b"<!", j):
            i = data.find(b">", j) + 1
        else:
            m = _ROOT_TAG.match(data, j)
            return m.group(1).decode() if m else None
        if i <= 1:
            return None


@lru_cache(maxsize=1)
def corpus_law_files() -> tuple[Path, ...]:
    """Every XML file under the corpus whose root element is <Law>."""
    base = corpus_dir()
    if base is None:
        return ()
    return tuple(p for p in sorted(base.rglob("*.xml")) if root_tag(p) == "Law")


@pytest.fixture(scope="session")
def corpus() -> Path:
    return require_corpus()


@pytest.fixture(scope="session")
def sample_v1():
    import lawcode

    return lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml")


@pytest.fixture(scope="session")
def sample_v2():
    import lawcode

    return lawcode.load(SAMPLES / "sakuragaoka_jorei_v2.xml")
