"""The README's Python example runs as written (from the repository root)."""

from __future__ import annotations

import os
import re

from testsupport import ROOT


def test_readme_python_example_runs(capsys):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "README has no python example"
    assert len(blocks[0].strip().splitlines()) <= 12
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(blocks[0], "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "MainProvision-Article_3_2-Paragraph_2 第三条の二第二項" in out


def test_readme_capabilities_example_runs(tmp_path, capsys, monkeypatch):
    """The references/diff/amend/impact example runs as written (from the repository root) and says what it
    claims: five affected requirements, renumbering followed by the lineage, apply reproducing v2."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S) if "lawcode.diff(" in b)
    monkeypatch.chdir(ROOT)
    written: dict[str, str] = {}

    def fake_open(name, mode="r", **kwargs):  # keep shinkyu.html out of the repository
        if "w" in mode:
            path = tmp_path / os.path.basename(name)
            written[name] = str(path)
            return open(path, mode, **kwargs)
        return open(name, mode, **kwargs)

    exec(compile(block, "README.md", "exec"), {"open": fake_open})
    out = capsys.readouterr().out
    assert "MainProvision-Article_14" in out
    assert "5 affected (4 direct, 1 indirect)" in out
    assert "<table" in (tmp_path / "shinkyu.html").read_text(encoding="utf-8")
