"""新旧対照表 (comparison tables) of a :class:`~lawcode.diff.lawdiff.LawDiff`: one row model, four renderers.

:func:`build_table` turns a diff into a :class:`ShinkyuTable` — rows of 改正後 (left) and 改正前 (right)
cells, changed spans marked for 傍線, unchanged lines elided as 「（略）」, 「（新設）」/「（削る）」 for the side
that has no such provision (:mod:`~lawcode.diff.render.table`, :mod:`~lawcode.diff.render.elide`). The
renderers draw that model:

* :func:`render_html` — a standalone, print-ready page (A4 landscape) or an embeddable fragment;
* :func:`render_docx` — a Word document (needs ``python-docx``: the ``docx`` extra);
* :func:`render_markdown` — a GitHub table;
* :func:`render_json` — the row model itself.

Each renderer takes a diff or an already built table.
"""

from lawcode.diff.render.docx import render_docx
from lawcode.diff.render.html import CSS, render_html
from lawcode.diff.render.json import render_json
from lawcode.diff.render.markdown import render_markdown
from lawcode.diff.render.rowmodel import ADDED, DELETED, ELISION, Cell, Header, Line, Row, Run, ShinkyuTable, VersionInfo
from lawcode.diff.render.table import build_table, row_unit

__all__ = [
    "build_table",
    "row_unit",
    "render_html",
    "render_docx",
    "render_markdown",
    "render_json",
    "CSS",
    "ShinkyuTable",
    "Header",
    "VersionInfo",
    "Row",
    "Cell",
    "Line",
    "Run",
    "ELISION",
    "ADDED",
    "DELETED",
]
