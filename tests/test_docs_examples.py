"""Examples in the docs are real: their commands print what the page shows, their expressions give the values
written next to them. A stale example fails here instead of misleading a reader."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from testsupport import ROOT

DOCS = ROOT / "docs"


def _python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)


def _run_checked(block: str, namespace: dict) -> int:
    """Run *block* statement by statement; ``expr  # value`` lines must evaluate to ``value`` (its repr)."""
    lines = block.splitlines()
    checked = 0
    for stmt in ast.parse(block).body:
        source = ast.get_source_segment(block, stmt)
        assert source is not None
        comment = lines[stmt.end_lineno - 1].partition("  # ")[2].strip() if stmt.end_lineno else ""
        if isinstance(stmt, ast.Expr) and comment:
            value = eval(compile(ast.Expression(stmt.value), "<docs>", "eval"), namespace)  # noqa: S307
            assert repr(value) == comment, f"{source}: got {value!r}, the page says {comment}"
            checked += 1
        else:
            exec(compile(ast.Module([stmt], []), "<docs>", "exec"), namespace)  # noqa: S102
    return checked


@pytest.mark.corpus
def test_real_data_page_examples(corpus: Path):
    blocks = _python_blocks(DOCS / "real-data.md")
    assert blocks
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(corpus)  # the page's paths are relative to the corpus
    try:
        checked = sum(_run_checked(block, namespace) for block in blocks)
    finally:
        os.chdir(cwd)
    assert checked >= 6


def _console_examples(page: Path) -> list[tuple[str, str]]:
    """(command, shown output) for each ``$ lawcode …`` line of the page's console blocks."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S):
        parts = re.split(r"^\$ ", block, flags=re.M)
        for part in parts[1:]:
            command, _, shown = part.partition("\n")
            out.append((command.split("  #")[0].strip(), shown))
    return out


def _lawcode(command: str) -> str:
    args = command.split()[1:]
    done = subprocess.run([sys.executable, "-m", "lawcode", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}, timeout=120)
    return done.stdout + done.stderr


_CHECKED = [
    "lawcode show corpus/samples/sakuragaoka_jorei_v1.xml",
    "lawcode show corpus/samples/sakuragaoka_jorei_v1.xml 第三条の二第二項",
    "lawcode show corpus/samples/sakuragaoka_jorei_v1.xml 第六条第二項第六号 --ruby",
    "lawcode show corpus/samples/sakuragaoka_jorei_v1.xml 第三条の二第二項 --format json",
    "lawcode show corpus/samples/sakuragaoka_jorei_v1.xml 第九十九条",
    "lawcode roundtrip corpus/samples",
]


@pytest.mark.parametrize("command", _CHECKED)
def test_cli_page_examples_are_the_real_output(command):
    examples = dict(_console_examples(DOCS / "cli.md"))
    assert command in examples, f"docs/cli.md has no example of `{command}`"
    assert _lawcode(command) == examples[command], "stale example: run .venv/bin/python docs/update_examples.py"


def test_quickstart_session_prints_what_the_page_shows(capsys):
    page = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    m = re.search(r"```python\n(.*?)```\s*Output:\s*```text\n(.*?)```", page, flags=re.S)
    assert m, "quickstart has no python session followed by its output"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(m.group(1), "quickstart.md", "exec"), {})  # noqa: S102
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out == m.group(2)
