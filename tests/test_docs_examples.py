"""Examples in the docs are real: their commands print what the page shows, their expressions give the values
written next to them. A stale example fails here instead of misleading a reader."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from testsupport import ROOT, run_page_examples

DOCS = ROOT / "docs"


@pytest.mark.corpus
def test_real_data_page_examples(corpus: Path):
    assert run_page_examples(DOCS / "real-data.md", corpus) >= 6  # the page's paths are relative to the corpus


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
    args = shlex.split(command)[1:]
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
    "lawcode convert corpus/samples/sakuragaoka_jorei_v1.xml --to text -o /tmp/sakuragaoka_v1.txt",
    "lawcode refs corpus/samples/sakuragaoka_jorei_v1.xml 第三条の二",
    'lawcode cites corpus/samples "桜ヶ丘市個人情報の保護に関する条例 第十二条"',
    "lawcode diff corpus/samples/sakuragaoka_jorei_v1.xml corpus/samples/sakuragaoka_jorei_v2.xml",
    "lawcode diff corpus/samples/sakuragaoka_jorei_v1.xml corpus/samples/sakuragaoka_jorei_v2.xml --format html"
    " -o /tmp/shinkyu.html",
    "lawcode timeline corpus/samples/sakuragaoka_jorei_v1.xml corpus/samples/sakuragaoka_jorei_v2.xml",
    "lawcode amend corpus/samples/sakuragaoka_jorei_v1.xml corpus/samples/sakuragaoka_kaisei_r5_21.txt"
    " -o /tmp/sakuragaoka_v2.xml --explain",
    "lawcode impact corpus/samples/sakuragaoka_jorei_v1.xml corpus/samples/sakuragaoka_jorei_v2.xml"
    " --trace corpus/samples/sakuragaoka_requirements.yaml",
    "lawcode check-links corpus/samples/sakuragaoka_requirements.yaml corpus/samples/sakuragaoka_jorei_v1.xml"
    " corpus/samples/sakuragaoka_jorei_v2.xml",
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
