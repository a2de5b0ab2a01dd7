"""Checks shared by the 新旧対照表 renderer tests (hand-written laws, the sample, the corpus)."""

from __future__ import annotations

from lawcode.diff.render import row_unit

__all__ = ["html_rows", "underlined", "check_spans_are_underlined"]


def html_rows(doc):
    """``{data-label: (改正後 td, 改正前 td)}`` of a rendered page, in row order."""
    return {tr.get("data-label"): tuple(tr.xpath("./td")) for tr in doc.xpath("//tbody/tr")}


def underlined(td):
    """Texts of the ``<u>`` elements of a cell, in order."""
    return [u.text_content() for u in td.xpath(".//u")]


def _plain(s: str) -> str:
    return s.replace("\n", "").replace("\u3000", "")


def check_spans_are_underlined(d, table) -> int:
    """Every changed span of every change of *d* is underlined, whole, in the row of its provision's unit
    (rule 1 of the elision: a changed span is never elided). Returns how many spans were checked."""
    by_new = {r.new.path: r for r in table.rows if r.new.path}
    by_old = {r.old.path: r for r in table.rows if r.old.path}
    checked = 0
    for c in d.changes:
        if c.new is None and c.old is None:
            continue
        if c.old is None and c.new.tag == "SupplProvision" and c.new.element.get("AmendLawNum"):
            continue  # an amending law's own 附則: not part of the table
        for prov, spans, text, rows, side in ((c.new, c.new_spans, c.new_text, by_new, "new"),
                                              (c.old, c.old_spans, c.old_text, by_old, "old")):
            if prov is None or not spans:
                continue
            row = rows[row_unit(prov).path]
            cell = row.new if side == "new" else row.old
            shown = _plain("".join(cell.changed_texts))
            for a, b in spans:
                piece = _plain(text[a:b])
                assert piece in shown, (c, side, text[a:b], cell.changed_texts)
                checked += 1
    return checked
