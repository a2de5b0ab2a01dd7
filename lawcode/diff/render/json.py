"""The 新旧対照表 row model as JSON, for programs (a web viewer, a document generator of your own).

The layout is :meth:`ShinkyuTable.to_dict() <lawcode.diff.render.rowmodel.ShinkyuTable.to_dict>`, versioned by
its ``"format"`` key (``"lawcode.shinkyu/1"``); keys are stable and Japanese is written as is (UTF-8)::

    {"format": "lawcode.shinkyu/1", "columns": ["改正後", "改正前"],
     "header": {"title", "law_num", "caption", "note", "new": {…}, "old": {…}, "amending_law", "amending_laws",
                "omitted"},
     "rows": [{"label", "kinds", "new": {"path", "label", "marker", "lines": [{"level", "role",
               "runs": [{"text", "changed"}]}]}, "old": {…}}]}
"""

from __future__ import annotations

import json

from lawcode.diff.render.rowmodel import ShinkyuTable

__all__ = ["render_json", "table_json"]


def table_json(table: ShinkyuTable, *, indent: int | None = 2) -> str:
    """JSON text of a built row model."""
    return json.dumps(table.to_dict(), ensure_ascii=False, indent=indent)


def render_json(d: object, *, indent: int | None = 2, elide: bool = True) -> str:
    """The 新旧対照表 of a :class:`~lawcode.diff.lawdiff.LawDiff` (or of a built
    :class:`~lawcode.diff.render.rowmodel.ShinkyuTable`) as JSON (see the module docstring)."""
    from lawcode.diff.render.table import as_table

    return table_json(as_table(d, elide=elide), indent=indent)
