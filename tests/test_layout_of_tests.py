"""Test modules need unique basenames: the test folders are not packages, so pytest imports every test module
under its bare name, and two files of the same name in different folders fail collection ("import file
mismatch") — on a clean clone only, which is where CI runs."""

from __future__ import annotations

from collections import defaultdict

from testsupport import ROOT


def test_test_module_basenames_are_unique():
    seen: dict[str, list[str]] = defaultdict(list)
    for path in (ROOT / "tests").rglob("*.py"):
        if path.name != "conftest.py":
            seen[path.name].append(str(path.relative_to(ROOT)))
    clashes = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not clashes, f"rename one of each: {clashes}"
