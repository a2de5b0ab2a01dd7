"""Shared fixtures: the team's samples (always present) and the real-data corpus ($LAWCODE_CORPUS).

Without ``LAWCODE_CORPUS`` the corpus tests skip with a reason; with ``LAWCODE_REQUIRE_CORPUS=1`` (as in CI) a
missing corpus is an error instead, so that CI can never pass by skipping the real-data sweeps.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Timing-based failures are noise on a loaded 2-core CI machine: properties are checked without deadlines.
settings.register_profile("lawcode", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lawcode")

# Paths and corpus helpers live in testsupport.py (importable from every test folder: pythonpath = ["tests"]);
# a test module imports them from there, never from "conftest", which names a different module in each folder.
from testsupport import (  # noqa: E402,F401  (re-exported for the fixtures below)
    ROOT,
    SAMPLES,
    corpus_dir,
    corpus_law_files,
    corpus_skip_reason,
    require_corpus,
    root_tag,
)

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


# -- corpus tests: a clear skip reason and one closing line ----------------------------------------------------
# Every run ends with one line saying how many real-data tests ran or were skipped and why, so that a green run
# without the corpus cannot be mistaken for a real-data run. It is counted from the test reports, which the
# xdist controller receives from its workers, and printed by the controller only.

_EMPTY_PARAMETER_SET = "got empty parameter set"
_CORPUS_PROPERTY = "lawcode_corpus"
_NO_FILES = pytest.StashKey[str]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("corpus") is None:
            continue
        item.user_properties.append((_CORPUS_PROPERTY, True))
        skip = item.get_closest_marker("skip")
        if skip is not None and str(skip.kwargs.get("reason", "")).startswith(_EMPTY_PARAMETER_SET):
            # the per-file sweeps are parametrised over corpus_law_files(): empty without the corpus
            item.add_marker(pytest.mark.skip(reason=corpus_skip_reason()), append=False)
            item.stash[_NO_FILES] = corpus_skip_reason()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """With LAWCODE_REQUIRE_CORPUS=1 (CI) a sweep without files fails instead of skipping."""
    reason = item.stash.get(_NO_FILES, None)
    if reason is not None and os.environ.get("LAWCODE_REQUIRE_CORPUS") == "1":
        pytest.fail(reason + " — LAWCODE_REQUIRE_CORPUS=1 forbids skipping", pytrace=False)


class _CorpusTally:
    """Outcome of every corpus test, by node id, from the reports of all phases."""

    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}
        self.reasons: dict[str, str] = {}

    def add(self, report: pytest.TestReport) -> None:
        if not any(name == _CORPUS_PROPERTY for name, _ in report.user_properties):
            return
        if report.skipped:
            self.outcomes[report.nodeid] = "skipped"
            longrepr = report.longrepr
            reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
            self.reasons[report.nodeid] = reason.removeprefix("Skipped: ")
        elif report.failed and report.when == "call":
            self.outcomes[report.nodeid] = "failed"
        elif report.failed:  # set-up or tear-down: the test itself did not run (or its result is suspect)
            self.outcomes[report.nodeid] = "error"
            self.reasons[report.nodeid] = str(report.longrepr).strip().splitlines()[-1]
        elif report.when == "call":
            self.outcomes.setdefault(report.nodeid, "passed")

    def _common_reason(self, outcome: str) -> str:
        reasons: dict[str, int] = {}
        for nodeid, reason in self.reasons.items():
            if self.outcomes.get(nodeid) == outcome:
                reasons[reason] = reasons.get(reason, 0) + 1
        if not reasons:
            return ""
        common = max(reasons, key=lambda r: reasons[r])
        others = len(reasons) - 1
        return f": {common}" + (f" (+{others} other reason{'s' if others > 1 else ''})" if others else "")

    def line(self) -> str:
        if not self.outcomes:
            return "corpus tests: none selected"
        counts = {k: 0 for k in ("passed", "failed", "error", "skipped")}
        for outcome in self.outcomes.values():
            counts[outcome] += 1
        ran = counts["passed"] + counts["failed"]
        text = f"corpus tests: {ran:,} ran"
        if ran:
            text += f" ({counts['passed']:,} passed, {counts['failed']:,} failed)"
            base = corpus_dir()
            text += f" on {base}" if base else ""
        if counts["error"]:
            errors = "1 error" if counts["error"] == 1 else f"{counts['error']:,} errors"
            text += f", {errors} in set-up or tear-down{self._common_reason('error')}"
        if counts["skipped"]:
            text += f", {counts['skipped']:,} skipped{self._common_reason('skipped')}"
        return text


_TALLY = _CorpusTally()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _TALLY.add(report)


def pytest_unconfigure(config: pytest.Config) -> None:
    """After pytest's own summary: the closing line about the corpus (controller only, not xdist workers)."""
    if hasattr(config, "workerinput") or config.option.collectonly:
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(_TALLY.line())
