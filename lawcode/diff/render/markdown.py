"""The 新旧対照表 as Markdown: a GitHub-flavoured table for pull requests, issues and wikis.

Layout: the heading and the header facts, the note 「（傍線部分は改正部分）」, then a table with three
columns — 規定 (the row's label, 「第十一条 ← 第十条」 when renumbered), 改正後, 改正前 (the 新旧対照表 order:
new before old). Lines of a cell are joined with ``<br>``; deeper lines (号, イ …) start with one full-width
space per step. Changed spans are wrapped in ``<u>…</u>`` (``mark="ins"``: ``<ins>…</ins>``, which GitHub
underlines too; ``mark="bold"``: ``**…**``, for renderers that drop HTML — less reliable next to Japanese
punctuation, where CommonMark may not close the emphasis).

Text is escaped: ``< > &`` as entities, and ``\\ ` * _ [ ] |`` with a backslash, so that no character of the
law's text is read as Markdown or HTML.
"""

from __future__ import annotations

from typing import Literal

from lawcode.diff.render.rowmodel import COLUMNS, NOTE, Cell, Line, ShinkyuTable

__all__ = ["render_markdown", "table_markdown"]

Mark = Literal["u", "ins", "bold"]
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "*": "\\*",
                         "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|"})
_WRAP = {"u": ("<u>", "</u>"), "ins": ("<ins>", "</ins>"), "bold": ("**", "**")}


def _esc(text: str) -> str:
    return text.translate(_ESCAPE).replace("\n", " ")


def _line(line: Line, mark: Mark) -> str:
    left, right = _WRAP[mark]
    body = "".join(f"{left}{_esc(r.text)}{right}" if r.changed and r.text else _esc(r.text) for r in line.runs)
    return "\u3000" * line.level + body


def _cell(cell: Cell, mark: Mark) -> str:
    if cell.marker is not None:
        return _esc(cell.marker)
    return "<br>".join(_line(line, mark) for line in cell.lines)


def table_markdown(table: ShinkyuTable, *, mark: Mark = "u") -> str:
    """Markdown for a built row model (see the module docstring)."""
    if mark not in _WRAP:
        from lawcode.errors import DiffError, wrong_type

        raise wrong_type(DiffError)(f"mark must be one of {sorted(_WRAP)}, not {mark!r}", where="render_markdown()")
    h = table.header
    out = [f"# {_esc(h.caption)}", ""]
    if h.law_num:
        out += [f"（{_esc(h.law_num)}）", ""]
    out.append(f"- 改正後：{_esc(h.new.describe())}")
    out.append(f"- 改正前：{_esc(h.old.describe())}")
    if h.amending_law:
        out.append(f"- 改正法令：{_esc(h.amending_law)}")
    elif h.amending_laws:
        out.append(f"- この間の改正法令（{len(h.amending_laws)}件）：" + "、".join(_esc(a) for a in h.amending_laws))
    out += ["", NOTE, "", f"| 規定 | {COLUMNS[0]} | {COLUMNS[1]} |", "|---|---|---|"]
    for row in table.rows:
        out.append(f"| {_esc(row.label)} | {_cell(row.new, mark)} | {_cell(row.old, mark)} |")
    if h.omitted:
        out += ["", f"※ 改正法令の附則（{len(h.omitted)}件）は、この表に掲げていない。"]
    return "\n".join(out) + "\n"


def render_markdown(d: object, *, mark: Mark = "u", elide: bool = True) -> str:
    """The 新旧対照表 of a :class:`~lawcode.diff.lawdiff.LawDiff` (or of a built
    :class:`~lawcode.diff.render.rowmodel.ShinkyuTable`) as GitHub-flavoured Markdown."""
    from lawcode.diff.render.table import as_table

    return table_markdown(as_table(d, elide=elide), mark=mark)
