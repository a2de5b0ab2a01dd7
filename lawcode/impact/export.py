"""Graph exports of an impact report: the explanation graph, the full graph, GraphML and node-link JSON.

The explanation graph holds only what a reader needs to follow each hit: the affected items, the provisions
on their paths (with the old path — the lineage id — next to the new one) and the changed provisions, with a
``rel`` on every edge (根拠/参照/準用/委任/定義 …, ``changed`` from a provision to its change). GraphML takes
scalars only, so ``None`` becomes ``""`` and lists become JSON text; node-link data is written with an explicit
``edges="links"`` key and a ``format`` attribute, so files do not change with the networkx default.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.impact.report import ImpactReport

__all__ = ["explanation_graph", "full_graph", "write_graphml", "node_link", "GRAPH_FORMAT"]

GRAPH_FORMAT = "lawcode-impact-graph/1"


def _provision_node(g: nx.MultiDiGraph, report: "ImpactReport", path: str | None, side: str) -> str | None:
    if not path:
        return None
    d = report.diff
    law = d.new if side == "new" else d.old
    node = f"{side}:{path}"
    if node not in g:
        p = law.get(path)
        lineage = d.lineage.back(path) if side == "new" else path
        g.add_node(node, type="provision", side=side, path=path, label=(p.label if p is not None else path) or path,
                   old_path=lineage or "")
    return node


def _edge(g: nx.MultiDiGraph, u: str, v: str, rel: str) -> None:
    """Add ``u -rel-> v`` unless that edge is already there (several hits share paths)."""
    if g.has_edge(u, v) and any(d.get("rel") == rel for d in g.get_edge_data(u, v).values()):
        return
    g.add_edge(u, v, rel=rel)


def _other_node(g: nx.MultiDiGraph, report: "ImpactReport", node: str) -> str:
    """A provision of another given law (a 施行令 citing the changed law), named ``"LawKey/path"``."""
    if node not in g:
        key, _, path = node.partition("/")
        label = report.graph.label(node) if report.graph is not None else node
        g.add_node(node, type="provision", side="other", law=key, path=path, label=label, old_path="")
    return node


def explanation_graph(report: "ImpactReport") -> nx.MultiDiGraph:
    """The explanation graph of *report* (see the module docstring)."""
    g = nx.MultiDiGraph(format=GRAPH_FORMAT)
    for h in report.hits:
        item = f"item:{h.item.id}"
        g.add_node(item, type="item", kind=h.item.kind, title=h.item.title, klass=h.klass, state=h.state,
                   reason=h.reason)
        st = h.status
        first = next((p for p in st.new_paths if p), None)
        side = "new"
        if first is None:
            first, side = next((p for p in st.old_paths if p), None), "old"
        graph = report.graph
        if st.law_key is not None and first is not None:
            prev: str | None = _other_node(g, report, f"{st.law_key}/{first}")
        else:
            prev = _provision_node(g, report, first, side)
        if prev is not None:
            _edge(g, item, prev, h.link.kind)
        if h.klass == "indirect" and graph is not None and prev is not None:
            for rel, node in h.path_steps():
                lawkey, _, path = node.partition("/")
                nxt = _provision_node(g, report, path, "new") if lawkey == graph.key else _other_node(g, report, node)
                if nxt is not None:
                    _edge(g, prev, nxt, rel)
                    prev = nxt
        c = h.change
        if c is not None and prev is not None:
            cnode = f"change:{c.kind}:{c.old_path or ''}:{c.new_path or ''}"
            if cnode not in g:
                g.add_node(cnode, type="change", kind=c.kind, old_label=c.old_label or "", new_label=c.new_label or "")
            _edge(g, prev, cnode, "changed")
    return g


def _plain(value: Any, flat: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, dict)):
        data = list(value) if isinstance(value, (set, tuple)) else value
        return json.dumps(data, ensure_ascii=False) if flat else data
    return value


def full_graph(report: "ImpactReport") -> nx.MultiDiGraph:
    """Every provision of the propagation graph (``"LawKey/path"``, with ``old_path`` — the lineage id — for the
    changed law), its 参照/準用/委任/定義 edges, every item linked to the law (``type="item"``, with its class
    when affected) and its links (``rel`` = link kind), and ``changed`` edges to the changes."""
    from lawcode.impact.graph import PropagationGraph

    d = report.diff
    prop = report.graph or PropagationGraph(d.new)
    g = nx.MultiDiGraph(format=GRAPH_FORMAT)
    for node in prop.graph.nodes:
        key, _, path = node.partition("/")
        old = (d.lineage.back(path) or "") if key == prop.key else ""
        g.add_node(node, type="provision", law=key, path=path, label=prop.label(node), old_path=old)
    for u, v, data in prop.graph.edges(data=True):
        g.add_edge(u, v, rel=data["rel"])
    klass = {h.item.id: h.klass for h in report.best_hits()}
    for item, st in report.statuses:
        inode = f"item:{item.id}"
        g.add_node(inode, type="item", kind=item.kind, title=item.title, klass=klass.get(item.id, ""))
        for p in st.new_paths:
            if p:
                node = prop.node(p)
                if node not in g:
                    g.add_node(node, type="provision", law=prop.key, path=p, label=prop.label(node),
                               old_path=d.lineage.back(p) or "")
                g.add_edge(inode, node, rel=st.link.kind, state=st.state)
    for c in d.changes:
        if c.new_path and c.new_path != "LawTitle" and prop.node(c.new_path) in g:
            cnode = f"change:{c.kind}:{c.old_path or ''}:{c.new_path}"
            g.add_node(cnode, type="change", kind=c.kind, old_label=c.old_label or "", new_label=c.new_label or "")
            g.add_edge(prop.node(c.new_path), cnode, rel="changed")
    return g


def _sanitised(g: nx.MultiDiGraph, flat: bool) -> nx.MultiDiGraph:
    h = nx.MultiDiGraph(**{k: _plain(v, flat) for k, v in g.graph.items()})
    for n, data in g.nodes(data=True):
        h.add_node(n, **{k: _plain(v, flat) for k, v in data.items()})
    for u, v, k, data in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: _plain(b, flat) for a, b in data.items()})
    return h


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write *g* as GraphML (scalars only: ``None`` → ``""``, lists/dicts → JSON text)."""
    nx.write_graphml(_sanitised(g, flat=True), str(path))


def node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """*g* as node-link data for :func:`json.dumps`, edges under ``"links"``."""
    data: dict[str, Any] = nx.node_link_data(_sanitised(g, flat=False), edges="links")
    return data
