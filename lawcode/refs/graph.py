"""The citation graph: provisions of one or many laws, and the references between them.

Nodes are ``"LawID/path"`` (e.g. ``"405AC0000000088/MainProvision-Article_5-Paragraph_1"``); a mention of a
whole law (民事執行法（昭和五十四年法律第四号）) points at the node ``"LawID"``. Each :class:`Reference` becomes
one edge per target, from the holding provision, with the mention's ``kind``, ``text``, ``span``,
``resolved``, ``reason`` and ``part``. When several laws are given they serve as each other's library, so
citations between them are checked against the real texts. 「この法律」 of a law about itself is left out
(every provision would point at its own law).

:func:`cited_by` and :func:`cites` answer "what cites this provision (or anything inside it)" and "what does it
cite", transitively up to a depth. :func:`to_graphml` and :func:`to_node_link` export the graph; they write
``None`` as an empty string and lists as text (GraphML) or JSON lists (node-link), so no attribute value can
make the writers fail.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import networkx as nx

from lawcode.errors import LawcodeError
from lawcode.refs.laws import lookup, number_key
from lawcode.refs.scan import references

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["law_key", "citation_graph", "cited_by", "cites", "to_graphml", "to_node_link"]


def law_key(law: "Law") -> str:
    """How a law is named in the graph: its LawID (from the document or the e-Gov law list), else its law
    number key, else its title."""
    if law.law_id:
        return law.law_id
    entry = lookup(law.law_num) if law.law_num else None
    if entry is not None and entry.law_id:
        return str(entry.law_id)
    if law.law_number is not None:
        return law.law_number.key
    return law.title or law.source


class _Shelf:
    """The given laws as a library for each other (by key, title and number)."""

    def __init__(self, laws: list["Law"], keys: list[str], library: Any) -> None:
        self.by_name: dict[str, "Law"] = {}
        for law, key in zip(laws, keys, strict=True):
            for name in (key, law.title, law.law_number.key if law.law_number else None):
                if name:
                    self.by_name.setdefault(name, law)
        self.library = library

    def find_law(self, name: str) -> "Law | None":
        hit = self.by_name.get(name) or self.by_name.get(number_key(name) or "")
        if hit is None and self.library is not None and hasattr(self.library, "find_law"):
            try:
                hit = self.library.find_law(name)
            except (LawcodeError, KeyError):
                hit = None
        return hit


def citation_graph(laws: "Law | Iterable[Law]", *, library: Any = None) -> nx.MultiDiGraph:
    """A :class:`networkx.MultiDiGraph` of the references in *laws* (one law or several)."""
    from lawcode.model.law import Law

    if isinstance(laws, Law):
        laws = [laws]
    items = list(laws)
    for law in items:
        if not isinstance(law, Law):
            raise LawcodeError(f"citation_graph() takes lawcode.Law objects, got {type(law).__name__}")
    keys = [law_key(law) for law in items]
    shelf = _Shelf(items, keys, library)
    g = nx.MultiDiGraph()
    for law, key in zip(items, keys, strict=True):
        g.add_node(key, law=key, path="", label=law.title or "")
        for ref in references(law, library=shelf):
            if ref.target_law is None and not ref.targets:
                continue  # この法律 about itself
            src = f"{key}/{ref.source}"
            if src not in g:
                p = law._by_path.get(ref.source)
                g.add_node(src, law=key, path=ref.source, label=(p.label if p is not None else "") or "")
            tlaw = ref.target_law or key
            attrs = {"kind": ref.kind.value, "text": ref.text, "span": ref.span, "resolved": ref.resolved,
                     "reason": ref.reason, "part": ref.part, "target_law": tlaw}
            for target in ref.targets or ("",):
                dst = f"{tlaw}/{target}" if target else tlaw
                if dst not in g:
                    g.add_node(dst, law=tlaw, path=target, label="")
                g.add_edge(src, dst, **attrs)
    return g


def _matching(g: nx.MultiDiGraph, address: str) -> list[str]:
    """Nodes at *address* or inside it (``"LawID/MainProvision-Article_5"`` covers its 項 and 号)."""
    if not isinstance(address, str) or not address:
        raise LawcodeError(f"an address is 'LawID/path', got {address!r}")
    prefix = address + "-"
    slash = address + "/"
    return [n for n in g.nodes if n == address or n.startswith(prefix) or ("/" not in address and n.startswith(slash))]


def _walk(g: nx.MultiDiGraph, address: str, depth: int, incoming: bool) -> list[str]:
    if depth < 1:
        raise LawcodeError(f"depth must be at least 1, got {depth}")
    seen: dict[str, int] = {}
    frontier = _matching(g, address)
    start = set(frontier)
    for level in range(1, depth + 1):
        nxt: list[str] = []
        for node in frontier:
            neighbours = g.predecessors(node) if incoming else g.successors(node)
            for other in neighbours:
                if other not in seen and other not in start:
                    seen[other] = level
                    nxt.append(other)
        if not nxt:
            break
        frontier = [m for n in nxt for m in (_matching(g, n) if not incoming else [n])]
    return sorted(seen, key=lambda n: (seen[n], n))


def cited_by(graph: nx.MultiDiGraph, address: str, depth: int = 1) -> list[str]:
    """Provisions that cite *address* (``"LawID/path"``) or anything inside it, nearest first; with
    ``depth=2`` also those citing them, and so on."""
    return _walk(graph, address, depth, incoming=True)


def cites(graph: nx.MultiDiGraph, address: str, depth: int = 1) -> list[str]:
    """Provisions that *address* (or anything inside it) cites, nearest first, transitively up to *depth*."""
    return _walk(graph, address, depth, incoming=False)


def _plain(value: Any, *, flat: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        items = [_plain(v, flat=flat) for v in value]
        return json.dumps(items, ensure_ascii=False) if flat else items
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _sanitised(g: nx.MultiDiGraph, flat: bool) -> nx.MultiDiGraph:
    h = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        h.add_node(n, **{k: _plain(v, flat=flat) for k, v in data.items()})
    for u, v, k, data in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: _plain(b, flat=flat) for a, b in data.items()})
    return h


def to_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write *graph* as GraphML (``None`` → ``""``, lists and tuples → JSON text)."""
    nx.write_graphml(_sanitised(graph, flat=True), str(path))


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """*graph* as node-link data ready for :func:`json.dumps` (``None`` → ``""``, tuples → lists)."""
    return nx.node_link_data(_sanitised(graph, flat=False), edges="links")
