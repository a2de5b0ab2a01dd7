"""Inbound links of each provision, known only once every page is read: "Cited by" and "Grounds".

The ``law`` directive leaves an :class:`~lawcode.sphinxext.nodes.InboundPlaceholder` after every unit
(article, 項建て 項, appendix). When a page is resolved, the placeholders are replaced by the citations of
the unit by any law of the site and by the trace items (requirements, procedures …) linked to it; the index
is built once per build from the domain data, which parallel reads merge (``merge_domaindata``). The
新旧対照表 rows get links to both versions here too, since the versions' pages are only known now.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import Any

from docutils import nodes
from sphinx.util.nodes import make_refnode

from lawcode.diff.render.html import table_html
from lawcode.errors import LawcodeError
from lawcode.sphinxext import addressing as ad
from lawcode.sphinxext.domain import LawDomain
from lawcode.sphinxext.nodes import DiffTable, InboundPlaceholder, VersionsPlaceholder
from lawcode.sphinxext.store import load_law

__all__ = ["Inbound", "build_inbound", "on_doctree_resolved", "on_env_updated", "on_env_get_updated",
           "on_env_get_outdated"]

#: (lawkey, unit path) → entries
Inbound = dict[tuple[str, str], list[tuple[str, ...]]]


def _units(domain: LawDomain, key: str) -> dict[str, Any]:
    return {p: v for p, v in domain.data["provisions"].get(key, {}).items() if v[5]}


def build_inbound(domain: LawDomain) -> tuple[Inbound, Inbound]:
    """(cited_by, grounds) for every unit of every law of the site.

    ``cited_by`` entries: ``(source lawkey, source path, shown label)``; ``grounds`` entries: ``(item id,
    title, kind, link kind, docname, item anchor)``.
    """
    cited: Inbound = defaultdict(list)
    grounds: Inbound = defaultdict(list)
    units_of: dict[str, dict[str, Any]] = {}
    laws = domain.data["laws"]

    def units(key: str) -> dict[str, Any]:
        if key not in units_of:
            units_of[key] = _units(domain, key)
        return units_of[key]

    for _doc, rows in sorted(domain.data["citations"].items()):
        for src_key, src_path, src_label, target_law, targets in rows:
            keys = [src_key] if target_law is None else domain.match_law(target_law)[:1]
            if not keys or src_key not in laws:
                continue
            tk = keys[0]
            src_unit = ad.unit_of(src_path, units(src_key))
            shown = src_label if tk == src_key else f"{laws[src_key]['title']} {src_label}"
            for target in dict.fromkeys(targets):
                unit = ad.unit_of(target, units(tk))
                if unit is None or (tk == src_key and unit == src_unit):
                    continue
                entry = (src_key, src_path, shown)
                if entry not in cited[(tk, unit)]:
                    cited[(tk, unit)].append(entry)
    for doc, rows in sorted(domain.data["grounds"].items()):
        for law_ref, address, default_key, item_id, title, kind, link_kind, item_anchor in rows:
            keys = domain.match_law(law_ref) if law_ref else []
            if default_key and (not law_ref or default_key in keys):
                keys = [default_key]
            if not keys or keys[0] not in laws:
                continue
            tk = keys[0]
            try:
                law = load_law(laws[tk]["file"]).law
            except (OSError, LawcodeError):
                continue
            for piece in re.split(r"[、,]\s*", address):
                p = law.get(piece.strip()) if piece.strip() else None
                if p is None or p.path is None:
                    continue
                unit = ad.unit_of(p.path, units(tk))
                if unit is None:
                    continue
                ground = (item_id, title, kind, link_kind, doc, item_anchor)
                if ground not in grounds[(tk, unit)]:
                    grounds[(tk, unit)].append(ground)
    for key, rows in grounds.items():  # one entry per item and link kind, the one with an item page first
        best: dict[tuple[str, str], tuple[str, ...]] = {}
        for row in rows:
            k = (row[0], row[3])
            if k not in best or (row[5] and not best[k][5]):
                best[k] = row
        grounds[key] = list(best.values())
    return dict(cited), dict(grounds)


def on_env_updated(app: Any, env: Any) -> list[str]:
    """Forget the inbound index of the previous build (it is rebuilt on first use)."""
    app._lawcode_inbound = None
    return []


def on_env_get_outdated(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Remember whether this build reads any page (then the inbound boxes of law pages may change)."""
    app._lawcode_reread = bool(added or changed or removed)
    return []


def on_env_get_updated(app: Any, env: Any) -> list[str]:
    """When any page was re-read, the inbound boxes of every law page may change: rewrite those pages."""
    if not getattr(app, "_lawcode_reread", True):
        return []
    domain = env.get_domain("law")
    docs = {law["docname"] for law in domain.data["laws"].values()} | set(domain.data["linkers"])
    return sorted(docs & set(env.all_docs))


def _index(app: Any) -> tuple[Inbound, Inbound]:
    cached = getattr(app, "_lawcode_inbound", None)
    if cached is None:
        domain = app.env.get_domain("law")
        cached = app._lawcode_inbound = build_inbound(domain)
    return cached


def on_doctree_resolved(app: Any, doctree: nodes.document, docname: str) -> None:
    """Fill the inbound placeholders and link the 新旧対照表 rows of page *docname*."""
    domain = app.env.get_domain("law")
    placeholders = list(doctree.findall(InboundPlaceholder))
    if placeholders:
        cited, grounds = _index(app)
        for ph in placeholders:
            box = _box(app, domain, docname, cited.get((ph["lawkey"], ph["path"]), []),
                       grounds.get((ph["lawkey"], ph["path"]), []), _noun(ph["path"]))
            if box is None:
                ph.parent.remove(ph)
            else:
                ph.replace_self(box)
    for vp in list(doctree.findall(VersionsPlaceholder)):
        banner = _versions(app, domain, docname, vp["lawkey"])
        if banner is None:
            vp.parent.remove(vp)
        else:
            vp.replace_self(banner)
    for table in list(doctree.findall(DiffTable)):
        raw = nodes.raw("", _link_rows(app, domain, docname, table), format="html")
        table.replace_self(raw)


def _noun(path: str) -> str:
    """What the unit at *path* is called in its box: この条 / この項 (項建て) / この表 / この様式."""
    last = path.split("-")[-1]
    if last.startswith("AppdxTable"):
        return "表"
    if last.startswith("Appdx"):
        return "様式" if last.startswith(("AppdxStyle", "AppdxFormat")) else "別記"
    return "項" if last.startswith("Paragraph") else "条"


def _box(app: Any, domain: LawDomain, docname: str, cited: list[tuple[str, ...]],
         grounds: list[tuple[str, ...]], noun: str = "条") -> nodes.Node | None:
    if not cited and not grounds:
        return None
    box = nodes.container(classes=["law-inbound"])
    if cited:
        para = nodes.paragraph(classes=["law-cited-by"])
        para += nodes.strong("", f"この{noun}を引用する規定")
        para += nodes.Text("　")
        for k, (key, path, shown) in enumerate(cited):
            if k:
                para += nodes.Text("、")
            hit = domain.provision(key, path)
            if hit is None:
                para += nodes.Text(shown)
            else:
                para += make_refnode(app.builder, docname, hit[0], hit[1], nodes.inline("", shown), hit[4])
        box += para
    if grounds:
        para = nodes.paragraph(classes=["law-grounds"])
        para += nodes.strong("", f"この{noun}に基づく項目")
        para += nodes.Text("　")
        for k, (item_id, title, kind, link_kind, doc, item_anchor) in enumerate(grounds):
            if k:
                para += nodes.Text("、")
            label = nodes.inline("", f"{item_id}（{link_kind}）", classes=[f"law-ground-{kind}"])
            if item_anchor:
                para += make_refnode(app.builder, docname, doc, item_anchor, label, f"{item_id} {title}")
            else:
                label["title"] = f"{item_id} {title}"
                para += label
        box += para
    return box


def _versions(app: Any, domain: LawDomain, docname: str, key: str) -> nodes.Node | None:
    """「この法令の版」: the other versions of the law in the site (same LawID, or same 題名), current first."""
    laws = domain.data["laws"]
    me = laws.get(key)
    if me is None:
        return None
    name = ad.normalize_name(me["title"])
    same = [k for k, v in laws.items()
            if (me["law_id"] and v["law_id"] == me["law_id"]) or ad.normalize_name(v["title"]) == name]
    if len(same) < 2:
        return None
    same.sort(key=lambda k: (laws[k]["superseded"], laws[k]["version"], k))
    box = nodes.container(classes=["law-versions"] + (["law-superseded"] if me["superseded"] else []))
    para = nodes.paragraph()
    if me["superseded"]:
        para += nodes.strong("", "この版は現行のものではない。")
    para += nodes.Text("この法令の版：")
    for n, k in enumerate(same):
        v = laws[k]
        if n:
            para += nodes.Text("／")
        if k == key:
            para += nodes.strong("", v["version"] + ("（この版）" if v["superseded"] else "（現行・この版）"))
            continue
        label = v["version"] + ("" if v["superseded"] else "（現行）")
        para += make_refnode(app.builder, docname, v["docname"], v["anchor"], nodes.inline("", label),
                             f"{v['title']} {label}")
    box += para
    return box


def _link_rows(app: Any, domain: LawDomain, docname: str, table: DiffTable) -> str:
    """The table's HTML with a link to each version's provision at the top of the row's cells."""
    keys = {"new": table["new_key"], "old": table["old_key"]}

    def goto(side: str, path: str | None) -> str:
        if not path:
            return ""
        hit = domain.provision(keys[side], path)
        if hit is None:
            return ""
        uri = app.builder.get_relative_uri(docname, hit[0]) + "#" + hit[1]
        word = "改正後" if side == "new" else "改正前"
        return (f'<p class="law-diff-goto"><a class="reference internal" href="{html.escape(uri)}" '
                f'title="{html.escape(hit[4])}">{word}の{html.escape(hit[3])}を開く</a></p>')

    return table_html(table["table"], cell_head=goto)
