"""The wheel ships the grammars (as lawcode/grammars/*.lark) and the typing marker."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from testsupport import ROOT


def test_wheel_contains_grammars(tmp_path):
    pytest.importorskip("hatchling")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w",
         str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("lawcode-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    grammars = sorted(p.name for p in (ROOT / "grammars").glob("*.lark"))
    assert grammars
    for name in grammars:
        assert f"lawcode/grammars/{name}" in names
    assert "lawcode/py.typed" in names
    assert any(n.endswith("entry_points.txt") for n in names)
