"""HTML ``<table>`` → ``TableStruct/Table/TableRow/TableColumn``, with spans, borders and alignment.

Cells keep ``rowspan``/``colspan``. Borders are the vendor's classes read on a grid (so that a cell's top
border is the bottom border of the cell above it, whatever spans it): ``bb-on``/``br-on`` switch a cell's
bottom/right rule on, ``l-edge``/``r-edge``/``t-edge``/``b-edge`` mark the outer frame, drawn when the table
has ``b-on``. ``RDown`` (a diagonal rule through an empty cell) has no counterpart in the schema and is
dropped. Each ``p`` of a cell is one ``Sentence``; its ``text-align`` becomes the cell's ``Align``.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

from lawcode.io.reiki.inline import append_inline

__all__ = ["convert_table"]

_E: TypeAlias = etree._Element
_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right|justify)", re.I)


def _span(cell: _E, name: str) -> int:
    try:
        return max(1, int(cell.get(name) or 1))
    except ValueError:
        return 1


def convert_table(table: _E) -> _E:
    """A ``TableStruct`` element for HTML *table* (rows of ``thead tr.fixed-colspec`` — column widths only —
    are skipped)."""
    framed = "b-on" in (table.get("class") or "").split()
    rows = [tr for tr in table.iter("tr") if "fixed-colspec" not in (tr.get("class") or "").split()]
    placed: list[tuple[int, int, _E]] = []
    occupied: dict[tuple[int, int], _E] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    occupied[(r + dr, c + dc)] = cell
            placed.append((r, c, cell))
            c += cs
    struct = etree.Element("TableStruct")
    xml_table = etree.SubElement(struct, "Table")
    xml_rows: list[_E] = [etree.SubElement(xml_table, "TableRow") for _ in rows]
    last_row = len(rows) - 1
    for r, c, cell in placed:
        classes = set((cell.get("class") or "").split())
        row_classes = set((cell.getparent().get("class") or "").split())
        rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
        above = occupied.get((r - 1, c))
        left = occupied.get((r, c - 1))
        edge_top = r == 0 or "t-edge" in classes or "t-edge" in row_classes
        edge_left = c == 0 or "l-edge" in classes
        edge_bottom = r + rs - 1 >= last_row or "b-edge" in classes
        edge_right = "r-edge" in classes
        col = etree.SubElement(xml_rows[r], "TableColumn")
        col.set("BorderTop", _rule(framed if edge_top else _on(above, "bb-on")))
        col.set("BorderBottom", _rule("bb-on" in classes or (framed and edge_bottom)))
        col.set("BorderLeft", _rule(framed if edge_left else _on(left, "br-on")))
        col.set("BorderRight", _rule("br-on" in classes or (framed and edge_right)))
        if rs > 1:
            col.set("rowspan", str(rs))
        if cs > 1:
            col.set("colspan", str(cs))
        if "top" in classes:
            col.set("Valign", "top")
        _fill(col, cell)
    for row in xml_rows:  # a row wholly covered by rowspans above would be empty: the schema needs a column
        if not len(row):
            etree.SubElement(etree.SubElement(row, "TableColumn"), "Sentence")
    if not len(xml_table):
        etree.SubElement(etree.SubElement(etree.SubElement(xml_table, "TableRow"), "TableColumn"), "Sentence")
    return struct


def _on(cell: _E | None, cls: str) -> bool:
    return cell is not None and cls in (cell.get("class") or "").split()


def _rule(on: bool) -> str:
    return "solid" if on else "none"


def _fill(col: _E, cell: _E) -> None:
    paragraphs = [p for p in cell if isinstance(p.tag, str) and p.tag.lower() in ("p", "div")]
    align = None
    if paragraphs:
        for p in paragraphs:
            m = _ALIGN.search(p.get("style") or "")
            if m and align is None:
                align = m.group(1).lower()
            sentence = etree.SubElement(col, "Sentence")
            append_inline(sentence, p)
    else:
        append_inline(etree.SubElement(col, "Sentence"), cell)
    if align and align != "left":
        col.set("Align", align)
    sentences = list(col)
    for k, s in enumerate(sentences, 1):
        if len(sentences) > 1:
            s.set("Num", str(k))
