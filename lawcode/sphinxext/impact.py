"""The ``law-impact`` page: an :class:`~lawcode.impact.ImpactReport` as docutils nodes.

A summary line, then one row per affected item (direct before indirect) with its link state, the reason in
Japanese, the explanation path and links to the changed provision in both versions' pages.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes

from lawcode.diff import LawDiff
from lawcode.model import Law

__all__ = ["render_impact"]

_CLASS = {"direct": "直接", "indirect": "間接"}


def _xref(key: str, path: str | None, label: str | None) -> nodes.Node:
    if not path:
        return nodes.Text(label or "—")
    xref = addnodes.pending_xref("", refdomain="law", reftype="_ref", reftarget=f"{key}|{path}", refexplicit=True)
    xref += nodes.inline("", label or path)
    return xref


def _table(headers: list[str], rows: list[list[nodes.Node | str]], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    hrow = nodes.row()
    for h in headers:
        hrow += nodes.entry("", nodes.paragraph("", h))
    head += hrow
    group += head
    body = nodes.tbody()
    for r in rows:
        row = nodes.row()
        for cell in r:
            entry = nodes.entry()
            para = nodes.paragraph()
            para += nodes.Text(cell) if isinstance(cell, str) else cell
            entry += para
            row += entry
        body += row
    group += body
    return table


def _links_table(report: Any, old_key: str, new_key: str) -> nodes.table:
    """Every (item, link) to the diffed law with its state: the targets of the law pages' "grounds" links."""
    from lawcode.impact.links import STATE_LABELS

    rows: list[list[nodes.Node | str]] = []
    seen: set[str] = set()
    for item, st in report.statuses:
        ident = nodes.inline("", item.id)
        if item.id not in seen:
            ident["ids"] = [f"item-{item.id}"]
            seen.add(item.id)
        where = nodes.inline()
        new_path = next((p for p in st.new_paths if p), None)
        old_path = next((p for p in st.old_paths if p), None)
        where += _xref(new_key, new_path, new_path and f"改正後 {_label(report.diff.new, new_path)}")
        where += nodes.Text(" / ")
        where += _xref(old_key, old_path, old_path and f"改正前 {_label(report.diff.old, old_path)}")
        rows.append([ident, item.title, f"{st.link.address}（{st.link.kind}）",
                     STATE_LABELS.get(st.state, st.state), where])
    return _table(["ID", "名称", "リンク", "状態", "条項"], rows, ["law-impact-links"])


def _label(law: Law, path: str) -> str:
    p = law.get(path)
    return (p.label if p is not None else None) or path


def render_impact(d: LawDiff, trace: Any, *, old_key: str, new_key: str,
                  depth: int = 2) -> tuple[list[nodes.Node], list[tuple[str, ...]]]:
    """Nodes for the impact of *d* on *trace* (links resolve to the pages of *old_key* / *new_key*), and the
    trace links as "grounds" rows for the domain: each link attached to its provision in both versions (the
    diff's lineage says where an old address went), pointing at the item's row on this page."""
    from lawcode.impact import impact
    from lawcode.impact.report import KIND_LABELS

    report = impact(d, trace, depth=depth)
    grounds: list[tuple[str, ...]] = []
    for item, status in report.statuses:
        for key, paths in ((new_key, status.new_paths), (old_key, status.old_paths)):
            for path in paths:
                if path:
                    grounds.append(("", path, key, item.id, item.title, item.kind, status.link.kind,
                                    f"item-{item.id}"))
    hits = report.best_hits()
    direct = len(report.items("direct"))
    indirect = len(report.items("indirect"))
    out: list[nodes.Node] = []
    summary = nodes.paragraph(classes=["law-impact-summary"])
    summary += nodes.Text(
        f"改正箇所 {len(d.changes)} 件。この法令にリンクする項目 {report.considered} 件のうち、"
        f"影響あり {len(report.items())} 件（直接 {direct}、間接 {indirect}）。"
    )
    out.append(summary)
    rows: list[list[nodes.Node | str]] = []
    for h in hits:
        ident = nodes.inline("", h.item.id)
        badge = nodes.inline("", _CLASS.get(h.klass, h.klass), classes=[f"law-impact-{h.klass}"])
        change = h.change
        where = nodes.inline()
        if change is not None:
            where += _xref(new_key, change.new_path, change.new_label and f"改正後 {change.new_label}")
            where += nodes.Text(" / ")
            where += _xref(old_key, change.old_path, change.old_label and f"改正前 {change.old_label}")
        rows.append([ident, h.item.title, badge, h.reason, " → ".join(h.path), where])
    if rows:
        out.append(_table(["ID", "名称", "区分", "理由", "経路", "改正箇所"], rows, ["law-impact"]))
    else:
        out.append(nodes.paragraph("", "影響を受ける項目はない。"))
    out.append(nodes.rubric("", "この法令にリンクする項目"))
    out.append(_links_table(report, old_key, new_key))
    if report.uncovered:
        out.append(nodes.rubric("", "どの項目からもリンクされていない改正箇所"))
        blist = nodes.bullet_list()
        for c in report.uncovered:
            item = nodes.list_item()
            para = nodes.paragraph()
            para += _xref(new_key if c.new_path else old_key, c.new_path or c.old_path, c.label or "")
            para += nodes.Text(f"（{KIND_LABELS.get(c.kind, c.kind)}）")
            item += para
            blist += item
        out.append(blist)
    return out, grounds
