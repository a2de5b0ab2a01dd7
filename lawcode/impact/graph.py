"""The propagation graph: which provisions of the new version a change reaches through citations, 準用,
delegation and definitions, and by which path.

Edges point from the provision that depends to the provision it depends on (the direction of a citation):

* ``参照`` — a citation in the text (:func:`lawcode.refs.citation_graph`);
* ``準用`` — a citation followed by 「…を準用する」/「…において準用する」: the citing provision applies the cited
  one mutatis mutandis;
* ``委任`` — a provision of another given law (a 施行令 or 施行規則, an ordinance) citing the changed law: it
  carries out what the law delegated to it; and the other way round, when the changed law is the order: a
  provision of a given parent law that delegates (「政令で定める」, :mod:`lawcode.impact.delegation`) to the
  changed order's provision citing it (reverse delegation; the step is labelled 「委任「政令で定める」」);
* ``定義`` — a provision that uses a defined term, to the provision defining it (:func:`lawcode.definitions`).

:meth:`PropagationGraph.reach` walks the edges backwards from the changed provisions, breadth first and at
most *depth* steps, keeping for every provision reached the shortest path and the change that started it.
A citation of a whole article covers its 項 and 号 and the other way round (containment is matched by e-Gov
path), so 「第二十七条の規定」 is reached by a change of 第二十七条第二項.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from lawcode.diff import Change
from lawcode.impact.delegation import delegation_phrase
from lawcode.model.law import Law
from lawcode.refs.definitions import definitions
from lawcode.refs.graph import citation_graph, law_key
from lawcode.refs.lawindex import number_key

__all__ = ["RELATIONS", "Reach", "PropagationGraph", "article_of"]

#: Relation labels of the propagation edges, with their meaning.
RELATIONS = {
    "参照": "cites",
    "準用": "applies mutatis mutandis",
    "委任": "carries out a delegation of",
    "定義": "uses a term defined in",
}
_JUNYO_AFTER = re.compile(r"[^。]{0,40}?準用")  # matched at the citation's end


def applies_mutatis_mutandis(text: str, end: int) -> bool:
    """Whether the citation that ends at *end* of *text* is applied mutatis mutandis (準用): 「準用」 follows
    within 40 characters in the same sentence (「第五条の規定は、…について準用する」「…において準用する第三条」)."""
    return _JUNYO_AFTER.match(text, end) is not None
_SUBLEVEL = re.compile(r"-(?:Paragraph|Item|Subitem)")


def article_of(path: str) -> str:
    """The path of the article (or other top provision) containing *path*: its prefix before the first
    Paragraph/Item/Subitem step."""
    m = _SUBLEVEL.search(path)
    return path[: m.start()] if m else path


def paths_related(a: str, b: str) -> bool:
    """Same provision, or one contains the other."""
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


@dataclass(frozen=True, slots=True)
class Reach:
    """How a provision is reached: ``steps`` from it to the changed provision as ``(relation, node)`` pairs,
    the triggering ``change`` and ``term`` (for a 定義 step)."""

    node: str
    steps: tuple[tuple[str, str], ...]
    change: Change

    @property
    def depth(self) -> int:
        return len(self.steps)


class PropagationGraph:
    """The dependency edges among the provisions of the new version and the given other laws (module
    docstring). Nodes are ``"LawKey/path"`` as in :func:`lawcode.refs.citation_graph`."""

    def __init__(self, new: Law, laws: Iterable[Law] = (), *, with_definitions: bool = True,
                 changed_terms_in: Iterable[str] = ()) -> None:
        self.law = new
        self.key = law_key(new)
        others = list(laws)
        cites = citation_graph([new, *others])
        self.graph = nx.MultiDiGraph()
        texts: dict[tuple[str, str], str] = {}
        by_key = {law_key(x): x for x in [new, *others]}
        #: The laws of the graph by their node prefix.
        self.laws_by_key: dict[str, Law] = by_key
        alias: dict[str, str] = {}
        for k, x in by_key.items():  # a citation may name a law by title or number rather than by its key
            for name in (k, x.title, x.law_num, number_key(x.law_num) if x.law_num else None):
                if name:
                    alias.setdefault(name, k)
        for u, v, data in cites.edges(data=True):
            ulaw, _, upath = u.partition("/")
            vlaw, _, vpath = v.partition("/")
            ulaw, vlaw = alias.get(ulaw, ulaw), alias.get(vlaw, vlaw)
            u, v = f"{ulaw}/{upath}", f"{vlaw}/{vpath}"
            if not upath or not vpath:
                continue  # whole-law mentions do not propagate a provision's change
            rel = "参照"
            if ulaw != vlaw:
                rel = "委任" if vlaw == self.key else "参照"
                if ulaw == self.key:
                    self._add_reverse_delegation(by_key.get(vlaw), u, v, vpath, texts)
            else:
                src_law = by_key.get(ulaw)
                if src_law is not None:
                    key = (ulaw, upath)
                    if key not in texts:
                        p = src_law.get(upath)
                        texts[key] = p.text() if p is not None else ""
                    span = data.get("span") or (0, 0)
                    if applies_mutatis_mutandis(texts[key], span[1]):
                        rel = "準用"
            self.graph.add_edge(u, v, rel=rel, text=data.get("text", ""))
        self.definitions = definitions(new) if with_definitions else []
        self._changed_terms = set(changed_terms_in)
        for d in self.definitions:
            target = f"{self.key}/{d.source}"
            for user in d.users:
                if user != d.source:
                    self.graph.add_edge(f"{self.key}/{user}", target, rel="定義", text=d.term)
        self._by_article: dict[str, list[str]] = {}
        for n in self.graph.nodes:
            self._by_article.setdefault(article_of(n), []).append(n)

    def _add_reverse_delegation(self, parent: Law | None, u: str, v: str, vpath: str,
                                texts: dict[tuple[str, str], str]) -> None:
        """The changed law's provision *u* cites *v* of another given law: when *v* delegates to an order
        (「政令で定める」), *v* depends on *u* — add ``v -委任-> u`` with the phrase."""
        if parent is None:
            return
        key = (v.partition("/")[0], vpath)
        if key not in texts:
            p = parent.get(vpath)
            texts[key] = p.text() if p is not None else ""
        phrase = delegation_phrase(texts[key])
        if phrase is not None:
            self.graph.add_edge(v, u, rel="委任", text=phrase, phrase=phrase)

    def node(self, path: str, key: str | None = None) -> str:
        """The node name of *path* in the law with graph key *key* (default: the new version)."""
        return f"{key or self.key}/{path}"

    def label(self, node: str, named: bool = False) -> str:
        """A node as a reader cites it: 「第五十四条第二項」 in the changed law, 「試験法施行令 第一条」 in another
        (and in the changed law too with *named*, for a path that starts in another law)."""
        key, _, path = node.partition("/")
        law = self.laws_by_key.get(key)
        p = law.get(path) if law is not None else None
        text = (p.label if p is not None else None) or path
        return text if (key == self.key and not named) or law is None else f"{law.title or key} {text}"

    def _near(self, node: str) -> list[str]:
        return [n for n in self._by_article.get(article_of(node), ()) if paths_related(n, node)]

    def reach(self, changes: Iterable[Change], depth: int = 2) -> dict[str, Reach]:
        """Every provision reached from the changed provisions (new-side paths) within *depth* steps, with the
        shortest path; the changed provisions themselves are not included."""
        best: dict[str, Reach] = {}
        queue: deque[Reach] = deque()
        seeds: set[str] = set()
        for c in changes:
            if c.new_path is None or c.new_path == "LawTitle" or c.kind in ("renumbered", "moved"):
                continue
            start = self.node(c.new_path)
            seeds.add(start)
            queue.append(Reach(start, (), c))
        while queue:
            cur = queue.popleft()
            if cur.depth >= depth:
                continue
            for target in self._near(cur.node) or [cur.node]:
                if target not in self.graph:
                    continue
                for src, _, data in self.graph.in_edges(target, data=True):
                    if src in seeds or src in best or paths_related(src, cur.node):
                        continue
                    shown = data["text"] if data["rel"] == "定義" else data.get("phrase")
                    step = (data["rel"] + (f"「{shown}」" if shown else ""), cur.node)
                    r = Reach(src, (step, *cur.steps), cur.change)
                    best[src] = r
                    queue.append(r)
        return best

    def lookup(self, reached: dict[str, Reach], node: str) -> Reach | None:
        """The reach of *node* or of a provision related to it by containment (nearest first)."""
        hit = reached.get(node)
        if hit is not None:
            return hit
        found = [reached[n] for n in self._near_reached(reached, node)]
        return min(found, key=lambda r: r.depth) if found else None

    def _near_reached(self, reached: dict[str, Reach], node: str) -> list[str]:
        art = article_of(node)
        return [n for n in reached if article_of(n) == art and paths_related(n, node)]
