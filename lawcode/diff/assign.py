"""Global assignment of articles by content: the walk's article pairs, checked and redone across chapters.

The alignment walk (:mod:`lawcode.diff.align`) pairs children parent by parent, so it cannot follow an
article into another chapter, and inside a gap it trusts the article number when contents changed. In a heavy
restructure (個人情報保護法 2020 → 2025: chapters split, 第二十三条 → 第二十七条, 第四十条 → 第百四十六条) that
gives deletions plus additions, and same-numbered pairs whose contents have nothing in common (old 第四十一条
指導及び助言 with new 第四十一条 仮名加工情報の作成等). This pass looks again, per scope (本則, each 附則):

1. **settled** pairs are kept as they are: equal up to the number, or nearly the same text;
2. every other article of either side is a candidate; candidate pairs are scored by content —
   rapidfuzz ratio of caption + text blended with containment (an article that grew keeps its old text;
   computed in C in two stages: ``process.extract`` with a cut-off over short clips of the texts rules most
   pairs out, the survivors are scored on longer clips), a bonus for the same 見出し, and the same number only as a tie-breaker;
3. an **order-preserving** assignment of maximum total score (a weighted longest increasing subsequence over
   the candidate pairs, O(k log k)): renumbering keeps the order of articles;
4. what is left is paired **out of order** (moved) when the score is high, best first.

Where the result differs from the walk, the events and pairs of the affected articles (and everything inside
them) are dropped and made again by re-running the walk on the new pairs; the edit script is not touched, so
:meth:`~lawcode.diff.lawdiff.LawDiff.apply` stays exact.
"""

from __future__ import annotations

from typing import Callable, Iterable

from rapidfuzz import fuzz, process

from lawcode.diff.records import Event, PairRecord
from lawcode.model.provision import Provision

__all__ = ["Assignment", "assign_articles", "rewrite", "scope_of", "scopes", "similarity"]

#: Text similarity from which a walk pair counts as settled (left alone).
SETTLED = 0.85
#: Score from which two articles are a candidate pair for the order-preserving assignment.
CANDIDATE = 0.5
#: Score from which an article is paired out of order (moved).
MOVED = 0.8
#: Bonus for the same non-empty 見出し.
CAPTION_BONUS = 0.15
#: Tie-breaker for the same article number.
NUMBER_BONUS = 0.02
#: Clip length of the first, pruning stage, and the ratio below which it rules a pair out.
_SHORT = 240
_SHORT_FLOOR = 0.4
#: Longest text compared whole (longer ones by their beginning and end).
_CAP = 1200
#: Largest candidate matrix pruned pair by pair; larger scopes are scored by 見出し buckets only.
_CELLS = 4_000_000

#: The matches found: (old article, new article, in order).
Assignment = list[tuple[Provision, Provision, bool]]


def scope_of(p: Provision) -> str | None:
    """The path of the outermost provision holding *p* (本則, one 附則 …): articles are assigned within it."""
    top = p
    while top.parent is not None:
        top = top.parent
    return top.path


def _clip(t: str, cap: int = 0) -> str:
    cap = cap or _CAP
    return t if len(t) <= cap else t[: cap // 2] + t[-cap // 2:]


def _caption(p: Provision) -> str:
    return str(p.caption or "")


def _num(p: Provision) -> str | None:
    n = p.number
    return n.raw if n is not None else None


def assign_articles(
    olds: list[Provision],
    news: list[Provision],
    anchors: list[tuple[int, int]],
    text: Callable[[Provision], str],
    blank: Callable[[Provision], bool] = lambda p: p.is_deleted,
) -> Assignment:
    """The content-based assignment of the articles of one scope that no anchor holds.

    *olds* and *news* are all the scope's articles in document order, *anchors* the settled pairs (indices
    into them), which the order-preserving pass must not cross; *text* gives an article's caption and text,
    *blank* whether it is a 削除 placeholder (never assigned).
    Returns ``(old, new, in_order)`` for the other articles.
    """
    held_o = {i for i, _ in anchors}
    held_n = {j for _, j in anchors}
    io = [i for i, p in enumerate(olds) if i not in held_o and not blank(p)]
    jn = [j for j, p in enumerate(news) if j not in held_n and not blank(p)]
    if not io or not jn:
        return []
    uo = [olds[i] for i in io]
    un = [news[j] for j in jn]
    to = [_clip(text(p)) for p in uo]
    tn = [_clip(text(p)) for p in un]
    by_cap: dict[str, list[int]] = {}
    for b, p in enumerate(un):
        if _caption(p):
            by_cap.setdefault(_caption(p), []).append(b)
    # articles with the same 見出し are always scored; others only when the pruning stage lets them through
    pairs: set[tuple[int, int]] = {(a, b) for a, p in enumerate(uo) for b in by_cap.get(_caption(p), ())}
    if len(uo) * len(un) <= _CELLS:
        # short clips rule most pairs out cheaply (in C); the survivors are scored on the longer clips
        short_n = [_clip(t, _SHORT) for t in tn]
        for a, t in enumerate(to):
            for _, _, b in process.extract(_clip(t, _SHORT), short_n, scorer=fuzz.ratio,
                                           score_cutoff=_SHORT_FLOOR * 100, limit=None):
                pairs.add((a, b))
    cells = [(a, b, fuzz.ratio(to[a], tn[b]) / 100.0) for a, b in sorted(pairs)]
    cap_o = [_caption(p) for p in uo]
    cap_n = [_caption(p) for p in un]
    num_o = [_num(p) for p in uo]
    num_n = [_num(p) for p in un]
    cand: list[tuple[int, int, float]] = []
    lo = [len(t) for t in to]
    ln = [len(t) for t in tn]
    for a, b, r in cells:
        s = similarity(r, lo[a], ln[b])
        if cap_o[a] and cap_o[a] == cap_n[b]:
            s += CAPTION_BONUS
        if num_o[a] is not None and num_o[a] == num_n[b]:
            s += NUMBER_BONUS
        if s >= CANDIDATE:
            cand.append((io[a], jn[b], s))
    fixed = float(len(cand) + 1) * 2  # an anchor outweighs any set of candidates crossing it
    chain = _ordered(cand + [(i, j, fixed) for i, j in anchors], len(news))
    used_o = {a for a, _ in chain}
    used_n = {b for _, b in chain}
    out: Assignment = [(olds[a], news[b], True) for a, b in chain if a not in held_o]
    for a, b, s in sorted(cand, key=lambda c: -c[2]):
        if s >= MOVED and a not in used_o and b not in used_n:
            used_o.add(a)
            used_n.add(b)
            out.append((olds[a], news[b], False))
    return out


def similarity(ratio: float, la: int, lb: int) -> float:
    """The mean of rapidfuzz's ratio (2·LCS / (la + lb)) and the containment LCS / min(la, lb): an article
    that grew by new 項 or provisos keeps most of its old text, which the ratio alone undervalues."""
    shorter = min(la, lb)
    if shorter == 0:
        return ratio
    return (ratio + min(1.0, ratio * (la + lb) / (2 * shorter))) / 2


def _ordered(cand: list[tuple[int, int, float]], width: int) -> list[tuple[int, int]]:
    """The order-preserving subset of *cand* (old index, new index, score) with the largest total score: a
    weighted longest increasing subsequence, with a Fenwick tree of prefix maxima over the new index."""
    if not cand:
        return []
    order = sorted(range(len(cand)), key=lambda k: (cand[k][0], -cand[k][1]))
    tree_v = [0.0] * (width + 1)
    tree_k = [-1] * (width + 1)
    best = [0.0] * len(cand)
    prev = [-1] * len(cand)
    for k in order:
        _, b, s = cand[k]
        v, pk = 0.0, -1
        i = b  # prefix of new indices < b (1-based positions 1..b)
        while i > 0:
            if tree_v[i] > v:
                v, pk = tree_v[i], tree_k[i]
            i -= i & -i
        best[k], prev[k] = v + s, pk
        i = b + 1
        while i <= width:
            if best[k] > tree_v[i]:
                tree_v[i], tree_k[i] = best[k], k
            i += i & -i
    k = max(range(len(cand)), key=lambda x: best[x])
    out = []
    while k >= 0:
        out.append((cand[k][0], cand[k][1]))
        k = prev[k]
    return out[::-1]


def scopes(articles: Iterable[Provision]) -> dict[str | None, list[Provision]]:
    """Articles grouped by scope (the outermost provision: 本則, one 附則 …), in document order."""
    out: dict[str | None, list[Provision]] = {}
    for p in articles:
        out.setdefault(scope_of(p), []).append(p)
    return out


def _subtree(p: Provision) -> set[object]:
    """The elements of *p* and of every provision inside it."""
    return {p.element, *(d.element for d in p.descendants())}


#: Walks one pair of provisions alone: ``(old, new, how) -> (events, pairs)``.
Rewalk = Callable[[Provision, Provision, str], "tuple[list[Event], list[PairRecord]]"]


def rewrite(
    events: list[Event],
    pairs: list[PairRecord],
    matches: Assignment,
    current: dict[Provision, Provision],
    parents: dict[object, object],
    order: dict[object, int],
    rewalk: Rewalk,
) -> tuple[list[Event], list[PairRecord]]:
    """The walk's *events* and *pairs* with the articles that *matches* pairs differently from *current*
    (the walk's article pairs) done again.

    The events and pairs touching those articles, their former partners or anything inside them are
    dropped; each new pair is walked again by *rewalk* (``how``: ``"reassigned"`` — in order, and the
    parents correspond by *parents*, old element → new element — else ``"relocated"``, reported as
    moved); a former partner left without one becomes a deletion or an addition, unless its container is
    itself deleted or added. Events stay in new-document order (*order*: new element → position), a
    deletion where its article was.
    """
    changed = [(o, n, ordered) for o, n, ordered in matches if current.get(o) is not n]
    if not changed:
        return events, pairs
    back = {n: o for o, n in current.items()}
    matched_o = {o for o, _, _ in matches}
    matched_n = {n for _, n, _ in matches}
    dirty_o: dict[Provision, None] = {}
    dirty_n: dict[Provision, None] = {}
    for o, n, _ in changed:
        dirty_o[o] = dirty_n[n] = None
        if o in current:
            dirty_n[current[o]] = None
        if n in back:
            dirty_o[back[n]] = None
    old_elems: set[object] = set().union(*(_subtree(p) for p in dirty_o))
    new_elems: set[object] = set().union(*(_subtree(p) for p in dirty_n))
    # sort keys: (position in the new document, 0 for a deletion placed before what follows it, sequence)
    keys: list[tuple[int, int, int]] = [(0, 0, 0)] * len(events)
    nxt = len(order)
    for k in range(len(events) - 1, -1, -1):
        ev = events[k]
        at = order.get(ev.new.element) if ev.new is not None else None
        if at is not None:
            keys[k] = (at, 1, k)
            nxt = at
        else:
            keys[k] = (nxt, 0, k)
    kept = [(keys[k], ev) for k, ev in enumerate(events)
            if not (ev.old is not None and ev.old.element in old_elems)
            and not (ev.new is not None and ev.new.element in new_elems)]
    out_pairs = [r for r in pairs if r.old.element not in old_elems and r.new.element not in new_elems]
    seq = len(events)
    new_parents = set(parents.values())
    for o, n, ordered in changed:
        po, pn = o.parent, n.parent
        same_parent = po is not None and pn is not None and parents.get(po.element) is pn.element
        evs, prs = rewalk(o, n, "reassigned" if ordered and same_parent else "relocated")
        out_pairs.extend(prs)
        for ev in evs:
            kept.append(((order.get((ev.new or n).element, 0), 1, seq), ev))
            seq += 1
    for o in dirty_o:
        if o not in matched_o and o.parent is not None and o.parent.element in parents:
            former = current.get(o)
            kept.append(((order.get(former.element, 0) if former is not None else 0, 0, seq), Event("deleted", o, None)))
            seq += 1
    for n in dirty_n:
        if n not in matched_n and n.parent is not None and n.parent.element in new_parents:
            kept.append(((order.get(n.element, 0), 1, seq), Event("added", None, n)))
            seq += 1
    kept.sort(key=lambda x: x[0])
    return [ev for _, ev in kept], out_pairs
