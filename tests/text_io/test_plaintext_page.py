"""The examples of docs/plaintext.md are real: each ``expr  # value`` line gives the value the page shows."""

from __future__ import annotations

import ast
import os
import re

from testsupport import ROOT

PAGE = ROOT / "docs" / "plaintext.md"


def test_python_examples_give_what_the_page_says(monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    checked = 0
    namespace: dict = {}
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
    assert checked >= 3
    assert os.path.exists(ROOT / "corpus" / "samples" / "sakuragaoka_kaisei_r5_21.txt")


def test_error_examples_are_the_real_messages():
    import lawcode

    page = PAGE.read_text(encoding="utf-8")
    for text in ("第一条\u3000甲。\n（宙に浮いた見出し）\n附\u3000則\n", "附\u3000則\nイ\u3000細分だけ\n",
                 "第一条\u3000甲。\n第二条\u3000乙\r。\n"):
        try:
            lawcode.parse_text(text, "bad.txt")
        except lawcode.ParseError as exc:
            assert str(exc) in page, str(exc)
        else:  # pragma: no cover - the examples are errors
            raise AssertionError(text)
