"""The examples of docs/references.md are real: every ``expr  # value`` line evaluates to the value shown."""

from __future__ import annotations

import ast
import os
import re

from testsupport import ROOT

PAGE = ROOT / "docs" / "references.md"


def test_references_page_examples():
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
                    value = eval(compile(ast.Expression(stmt.value), "<docs>", "eval"), namespace)  # noqa: S307
                    assert repr(value) == comment
                    checked += 1
                else:
                    exec(compile(ast.Module([stmt], []), "<docs>", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(cwd)
    assert checked >= 8
