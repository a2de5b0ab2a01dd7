"""docs/impact.md: its Python examples run on the samples and give the values written next to them."""

from __future__ import annotations

import ast
import os
import re

from testsupport import ROOT

PAGE = ROOT / "docs" / "impact.md"


def test_python_examples_give_the_values_shown():
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    namespace: dict = {}
    checked = 0
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            lines = block.splitlines()
            for stmt in ast.parse(block).body:
                comment = lines[stmt.end_lineno - 1].partition("  # ")[2].strip() if stmt.end_lineno else ""
                if isinstance(stmt, ast.Expr) and comment:
                    value = eval(compile(ast.Expression(stmt.value), "<impact.md>", "eval"), namespace)  # noqa: S307
                    assert repr(value) == comment
                    checked += 1
                else:
                    exec(compile(ast.Module([stmt], []), "<impact.md>", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(cwd)
    assert checked >= 4


def test_the_page_is_in_the_guide():
    assert re.search(r"^impact$", (ROOT / "docs" / "index.md").read_text(encoding="utf-8"), flags=re.M)
