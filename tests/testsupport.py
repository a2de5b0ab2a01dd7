"""Paths and real-data corpus helpers shared by every test folder.

Test modules import these from here (``from testsupport import ROOT``), not from ``conftest``: pytest loads one
``conftest`` module per folder, so ``from testsupport import …`` would depend on which folder's conftest came last.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import pytest

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
        reason = corpus_skip_reason()
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


def corpus_skip_reason() -> str:
    """Why the corpus sweeps have no files to run on (shown instead of pytest's "got empty parameter set")."""
    base = corpus_dir()
    if base is None:
        value = os.environ.get("LAWCODE_CORPUS")
        where = f"LAWCODE_CORPUS={value!r} is not a directory" if value else "LAWCODE_CORPUS is not set"
        return f"real-data corpus not available: {where} (make test uses ../shared/corpus when it exists)"
    return f"no XML files with a <Law> root under LAWCODE_CORPUS={str(base)!r}"


def run_page_examples(page: Path, cwd: Path) -> int:
    """Run the ```python blocks of a docs page in one namespace, in *cwd*; return how many values were checked.

    A statement ``expr  # value`` must evaluate to ``value`` (its repr); every other statement just runs. The
    pages use this to show real values next to their examples, so a stale example fails the page's test
    instead of misleading a reader. The caller asserts a minimum count, so that a page whose examples lost
    their values (or a regex that no longer finds the blocks) fails too.
    """
    import ast

    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, f"{page.name} has no python examples"
    namespace: dict = {}
    checked = 0
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        for block in blocks:
            lines = block.splitlines()
            for stmt in ast.parse(block).body:
                source = ast.get_source_segment(block, stmt)
                comment = lines[stmt.end_lineno - 1].partition("  # ")[2].strip() if stmt.end_lineno else ""
                if isinstance(stmt, ast.Expr) and comment:
                    value = eval(compile(ast.Expression(stmt.value), page.name, "eval"), namespace)  # noqa: S307
                    assert repr(value) == comment, f"{page.name}: {source}: got {value!r}, the page says {comment}"
                    checked += 1
                else:
                    exec(compile(ast.Module([stmt], []), page.name, "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(previous)
    return checked


def xml_to_json_tree(element) -> dict:
    """The e-Gov API v2 JSON element tree (``{"tag", "attr", "children"}``) of an lxml element.

    Written here independently of :mod:`lawcode.io.json_tree`, so that the tests of the JSON reader compare it
    with a second implementation instead of with itself.
    """
    children: list = []
    if element.text:
        children.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            children.append(xml_to_json_tree(child))
        if child.tail:
            children.append(child.tail)
    return {"tag": element.tag, "attr": dict(element.attrib), "children": children}


def plain_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make rich print plain, unwrapped text whatever the environment of the test run (CI sets FORCE_COLOR …).

    The CLI tests compare captured output with exact strings; call this from an autouse fixture.
    """
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
