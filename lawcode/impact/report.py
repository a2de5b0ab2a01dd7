"""``lawcode.impact(diff, trace, laws=None)``: which traced items a change of a law affects, and why.

For every item of the trace with a link to the diffed law (the law is matched by LawID, number or title):

* **direct** — a linked provision changed: its link state (:mod:`lawcode.impact.links`) is suspect, moved or
  broken; the triggering change is the diff's change at (or inside) the provision;
* **indirect** — no linked provision changed, but one of them depends, through at most ``depth`` steps of
  citation, 準用, delegation or definition (:mod:`lawcode.impact.graph`), on a provision that did; the report
  keeps the whole path;
* not affected otherwise (counted, not listed).

Items whose links name other laws are not affected by this diff; links that cannot be read are reported as
broken with the reason, and the trace's own unlinked rows are carried into the report, so that nothing is
dropped silently. The report exports to pandas, JSON, HTML, GraphML and node-link JSON
(:class:`ImpactReport`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from lawcode.diff import Change, LawDiff
from lawcode.errors import TraceError, wrong_type
from lawcode.impact.graph import PropagationGraph, Reach, article_of, paths_related
from lawcode.impact.lawmatch import LawMatcher, law_name, resolve_address
from lawcode.impact.lineage import Tracker
from lawcode.impact.links import STATE_LABELS, LinkStatus, check_link, label_of
from lawcode.impact.trace import Link, Trace, TraceItem, Unlinked
from lawcode.model.law import Law
from lawcode.refs.graph import law_key

__all__ = ["impact", "ImpactHit", "ImpactReport", "CLASS_LABELS", "KIND_LABELS", "excerpt"]

CLASS_LABELS = {"direct": "直接", "indirect": "間接"}
#: Japanese labels of the diff's change kinds, for reports.
KIND_LABELS = {
    "added": "新設", "deleted": "削除", "text_changed": "文言改正", "replaced_whole": "全部改正",
    "renumbered": "条番号変更", "moved": "移動", "caption_changed": "見出し変更", "title_changed": "題名・章名変更",
}
_MINISTRY_KEYS = ("所管府省庁", "ministry", "府省庁", "所管", "担当課")
_SYSTEM_KEYS = ("system", "システム", "情報システム", "業務システム")
_EXCERPT = 60


def excerpt(text: str, spans: Iterable[tuple[int, int]], width: int = _EXCERPT) -> str:
    """A short excerpt of *text* around its first changed span, the changed part in 【】 (plain text)."""
    spans = list(spans)
    if not text:
        return ""
    if not spans:
        return text[:width] + ("…" if len(text) > width else "")
    a, b = spans[0]
    start = max(0, a - width // 3)
    end = min(len(text), max(b, a) + width // 3)
    core = text[start:a] + "【" + text[a:b] + "】" + text[b:end]
    return ("…" if start > 0 else "") + core.replace("\n", " ") + ("…" if end < len(text) else "")


@dataclass(slots=True)
class ImpactHit:
    """One affected item for one link: ``klass`` direct/indirect, the link ``state`` and ``reason`` (Japanese),
    the explanation ``path`` (item → provisions → changed provision, as Japanese labels with relations) and the
    triggering ``change``."""

    item: TraceItem
    link: Link
    klass: str
    state: str
    reason: str
    path: list[str]
    change: Change | None
    status: LinkStatus
    depth: int = 0
    steps: tuple[tuple[str, str], ...] = ()

    def path_steps(self) -> tuple[tuple[str, str], ...]:
        """The indirect path as ``(relation, "LawKey/path")`` steps, nearest first (empty when direct)."""
        return self.steps

    def to_dict(self) -> dict[str, Any]:
        c = self.change
        return {
            "id": self.item.id,
            "kind": self.item.kind,
            "title": self.item.title,
            "class": self.klass,
            "state": self.state,
            "reason": self.reason,
            "path": self.path,
            "depth": self.depth,
            "link": self.link.to_dict(),
            "attributes": {k: v for k, v in self.item.attributes.items() if v not in (None, "")},
            "change": None if c is None else {
                "kind": c.kind,
                "kind_label": KIND_LABELS.get(c.kind, c.kind),
                "old_label": c.old_label,
                "new_label": c.new_label,
                "old_path": c.old_path,
                "new_path": c.new_path,
                "old_excerpt": excerpt(c.old_text, c.old_spans),
                "new_excerpt": excerpt(c.new_text, c.new_spans),
            },
        }


@dataclass
class ImpactReport:
    """The result of :func:`impact` (see the module docstring).

    ``hits``: one :class:`ImpactHit` per affected (item, link), direct before indirect; ``statuses``: the state
    of every link to the diffed law; ``unlinked``: the trace's unlinked rows (and links to a given other law
    that name no provision of it); ``considered``: items with a link to the diffed law or to another given law;
    ``total``: items in the trace; ``uncovered``: changes no item links to (coverage gaps).
    """

    diff: LawDiff
    hits: list[ImpactHit]
    statuses: list[tuple[TraceItem, LinkStatus]]
    unlinked: list[Unlinked]
    considered: int
    total: int
    uncovered: list[Change] = field(default_factory=list)
    graph: PropagationGraph | None = None
    depth: int = 2

    # -- summaries ---------------------------------------------------------------------------------------
    def items(self, klass: str | None = None) -> list[str]:
        """Ids of the affected items (each once; direct wins over indirect), optionally of one class."""
        seen: dict[str, str] = {}
        for h in self.hits:
            if h.item.id not in seen or h.klass == "direct":
                seen[h.item.id] = h.klass
        return [i for i, k in seen.items() if klass is None or k == klass]

    def best_hits(self) -> list[ImpactHit]:
        """One hit per affected item: the direct one if any, else the shortest path."""
        best: dict[str, ImpactHit] = {}
        for h in self.hits:
            cur = best.get(h.item.id)
            if cur is None or (h.klass, h.depth) < (cur.klass, cur.depth):
                best[h.item.id] = h
        return list(best.values())

    def counts(self, by: str = "class") -> Counter[str]:
        """Affected items per ``class`` (直接/間接), ``state``, ``kind`` (item kind), ``ministry``, ``system`` or
        any attribute name."""
        out: Counter[str] = Counter()
        for h in self.best_hits():
            if by == "class":
                out[h.klass] += 1
            elif by == "state":
                out[h.state] += 1
            elif by == "kind":
                out[h.item.kind] += 1
            elif by == "ministry":
                out[_attr(h.item, _MINISTRY_KEYS)] += 1
            elif by == "system":
                out[_attr(h.item, _SYSTEM_KEYS)] += 1
            else:
                out[str(h.item.attributes.get(by, "") or "（なし）")] += 1
        return out

    def link_states(self) -> Counter[str]:
        """Links to the diffed law per state."""
        return Counter(s.state for _, s in self.statuses)

    def explain(self, item_id: str) -> str:
        """The explanation of why *item_id* is affected, one line per hit (Japanese)."""
        lines = [f"{h.item.id} {h.item.title}: {CLASS_LABELS[h.klass]} — {' → '.join(h.path)}（{h.reason}）"
                 for h in self.hits if h.item.id == item_id]
        if not lines:
            raise TraceError(f"{item_id!r} is not affected by this diff", where=item_id)
        return "\n".join(lines)

    # -- exports -----------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain data: the two versions, counts, every hit (``id`` and reason), unlinked rows, gaps."""
        meta = self.diff.to_dict(texts=False)
        return {
            "format": "lawcode-impact/1",
            "law": law_name(self.diff.new),
            "old": meta["old"],
            "new": meta["new"],
            "changes": dict(self.diff.counts()),
            "items_total": self.total,
            "items_linked_to_law": self.considered,
            "affected": {"total": len(self.items()), "direct": len(self.items("direct")),
                         "indirect": len(self.items("indirect"))},
            "link_states": dict(self.link_states()),
            "counts": {"ministry": dict(self.counts("ministry")), "kind": dict(self.counts("kind")),
                       "system": dict(self.counts("system"))},
            "hits": [h.to_dict() for h in self.hits],
            "unlinked": [u.to_dict() for u in self.unlinked],
            "uncovered_changes": [{"kind": c.kind, "label": c.label, "path": c.path} for c in self.uncovered],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_dataframe(self) -> Any:
        """One row per hit (pandas ``DataFrame``): id, kind, title, class, state, reason, path, change kind and
        labels, and the item's attributes as columns."""
        import pandas as pd

        rows = []
        for h in self.hits:
            row: dict[str, Any] = {"id": h.item.id, "kind": h.item.kind, "title": h.item.title,
                                   "class": h.klass, "state": h.state, "reason": h.reason,
                                   "path": " → ".join(h.path), "depth": h.depth,
                                   "law": h.link.law, "address": h.link.address, "link_kind": h.link.kind,
                                   "change_kind": h.change.kind if h.change else None,
                                   "change_old": h.change.old_label if h.change else None,
                                   "change_new": h.change.new_label if h.change else None}
            for k, v in h.item.attributes.items():
                row.setdefault(k, v)
            rows.append(row)
        columns = ["id", "kind", "title", "class", "state", "reason", "path", "depth", "law", "address",
                   "link_kind", "change_kind", "change_old", "change_new"]
        return pd.DataFrame(rows, columns=columns + sorted({k for r in rows for k in r} - set(columns)))

    def to_html(self) -> str:
        """A self-contained HTML report in Japanese (see :mod:`lawcode.impact.html`)."""
        from lawcode.impact.html import render_html

        return render_html(self)

    def to_graph(self, full: bool = False) -> nx.MultiDiGraph:
        """The explanation graph: affected items, the provisions on their paths and the changed provisions,
        with ``rel`` on every edge and the old path (lineage id) on every provision. ``full=True``: every
        provision of the propagation graph with its citation, 準用, delegation and definition edges, every
        linked item and every change (:func:`lawcode.impact.export.full_graph`)."""
        from lawcode.impact.export import explanation_graph, full_graph

        return full_graph(self) if full else explanation_graph(self)

    def to_graphml(self, path: str | Path, full: bool = False) -> None:
        """Write :meth:`to_graph` as GraphML (``None`` → ``""``, lists → JSON text: never fails on a value)."""
        from lawcode.impact.export import write_graphml

        write_graphml(self.to_graph(full), path)

    def to_node_link(self, full: bool = False) -> dict[str, Any]:
        """:meth:`to_graph` as node-link data (edges under ``"links"``) for :func:`json.dumps`."""
        from lawcode.impact.export import node_link

        return node_link(self.to_graph(full))

    def __repr__(self) -> str:
        return (f"<ImpactReport {law_name(self.diff.new)}: {len(self.items())} affected "
                f"({len(self.items('direct'))} direct, {len(self.items('indirect'))} indirect) "
                f"of {self.considered} linked items>")


def _attr(item: TraceItem, keys: tuple[str, ...]) -> str:
    for k in keys:
        v = item.attributes.get(k)
        if v not in (None, ""):
            return str(v)
    return "（なし）"


def impact(diff: LawDiff, trace: Trace, laws: Iterable[Law] | None = None, *, depth: int = 2,
           default_basis: str = "old", definitions: bool = True) -> ImpactReport:
    """Classify every item of *trace* linked to *diff*'s law as directly, indirectly or not affected.

    *laws*: further laws whose citations of the diffed law carry the change on (施行令, 施行規則, ordinances:
    委任); *depth*: the most citation/definition steps of an indirect path; *default_basis*: the version links
    without ``law_version`` were written against (``"old"``: a requirement reviewed before the change).
    """
    if not isinstance(diff, LawDiff):
        raise wrong_type(TraceError)(f"impact() takes a LawDiff, not {type(diff).__name__}", where="impact(diff=…)")
    if not isinstance(trace, Trace):
        raise wrong_type(TraceError)(f"impact() takes a Trace, not {type(trace).__name__}", where="impact(trace=…)")
    if depth < 0:
        raise TraceError(f"depth must be 0 or more, got {depth}", where="impact(depth=…)")
    if default_basis not in ("old", "new"):
        raise TraceError(f"default_basis is 'old' or 'new', got {default_basis!r}", where="impact(default_basis=…)")
    tracker = Tracker(diff)
    matcher = LawMatcher(diff.new)
    old_matcher = LawMatcher(diff.old)
    others = list(laws or ())
    other_matchers = [(LawMatcher(o), o, law_key(o)) for o in others]
    statuses: list[tuple[TraceItem, LinkStatus]] = []
    other_statuses: list[tuple[TraceItem, LinkStatus]] = []
    unlinked = list(trace.unlinked)
    for item, link in trace.links():
        if matcher.matches(link.law) or old_matcher.matches(link.law):
            statuses.append((item, check_link(link, tracker, default_basis=default_basis)))
            continue
        for m, other, key in other_matchers:
            if m.matches(link.law):
                paths, why = resolve_address(other, link.address)
                if paths:
                    other_statuses.append((item, LinkStatus(link, "ok", "new", [None] * len(paths), list(paths),
                                                            law_key=key)))
                else:
                    unlinked.append(Unlinked(item.id, item.title, str(link), f"no such provision in {law_name(other)}: "
                                             f"{why}", item.provenance))
                break
    considered = len({item.id for item, _ in statuses} | {item.id for item, _ in other_statuses})
    hits: list[ImpactHit] = []
    linked_new: set[str] = set()
    indirect_todo: list[tuple[TraceItem, LinkStatus]] = []
    for item, st in statuses:
        linked_new.update(p for p in st.new_paths if p)
        if st.state != "ok":
            change = st.changes[0] if st.changes else None
            target = next((p for p in st.new_paths if p), None) or next((p for p in st.old_paths if p), None)
            law = diff.new if any(st.new_paths) else diff.old
            path = [f"{item.id}", f"{st.link.kind}→{label_of(law, target)}"]
            hits.append(ImpactHit(item, st.link, "direct", st.state, f"{STATE_LABELS[st.state]}: {st.reason}",
                                  path, change, st, 0))
        elif any(st.new_paths):
            indirect_todo.append((item, st))
    indirect_todo.extend(other_statuses)
    graph: PropagationGraph | None = None
    if depth > 0 and indirect_todo:
        graph = PropagationGraph(diff.new, others, with_definitions=definitions)
        reached = graph.reach(diff.changes, depth)
        by_article: dict[str, list[Reach]] = {}
        for r in reached.values():
            by_article.setdefault(article_of(r.node), []).append(r)
        for item, st in indirect_todo:
            found: Reach | None = None
            for p in st.new_paths:
                if not p:
                    continue
                node = graph.node(p, st.law_key)
                for r in by_article.get(article_of(node), ()):
                    if paths_related(r.node, node) and (
                            found is None or r.depth < found.depth):
                        found = r
            if found is None:
                continue
            named = st.law_key is not None  # the path starts in another law: name the changed law too
            path = [item.id, f"{st.link.kind}→{graph.label(found.node)}"]
            for rel, node in found.steps:
                path.append(f"{rel}→{graph.label(node, named)}")
            c = found.change
            via = "、".join(r for r, _ in found.steps)
            changed = f"{law_name(diff.new)} {c.label}" if named else c.label
            reason = (f"{graph.label(found.node)}は{via}を通じて{changed}の改正"
                      f"（{KIND_LABELS.get(c.kind, c.kind)}）の影響を受ける")
            hits.append(ImpactHit(item, st.link, "indirect", st.state, reason, path, c, st, found.depth, found.steps))
    hits.sort(key=lambda h: (h.klass != "direct", h.depth))
    uncovered = [c for c in diff.changes if c.kind not in ("renumbered", "moved") and c.path
                 and not any(_covers(p, c) for p in linked_new)]
    return ImpactReport(diff, hits, statuses, unlinked, considered, len(trace), uncovered, graph, depth)


def _covers(linked: str, c: Change) -> bool:
    p = c.new_path or ""
    return bool(p) and paths_related(p, linked)


