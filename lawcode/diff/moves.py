"""Moves across parents: a provision deleted in one place and added in another is one provision, moved.

Run after the alignment walk over its change events: two provisions are the same when they are equal up to
their number, or when their texts are nearly equal (rapidfuzz ratio blended with containment ≥ 0.8, the
candidates found in C with ``process.extract``), and they sit in the same 本則, 附則 or 別表 — 附則 of different amending laws are
different texts even when they read alike. Chapters and other groups are left out of the similarity pass.
The sole 項 of an added or deleted article takes part too: a 項 promoted to an article of its own
(地方公務員法 第二十二条第一項 → 第二十二条 by 平成29年法律第29号) or an article demoted to a 項.
"""

from __future__ import annotations

from typing import Callable

from rapidfuzz import fuzz, process

from lawcode.diff.assign import similarity
from lawcode.diff.keys import own_wording
from lawcode.diff.records import Event, PairRecord
from lawcode.model.provision import CONTAINER_TAGS, Provision

__all__ = ["cross_parent_moves"]

#: Provision kinds compared by their contents rather than their text (never moved by similarity).
_GROUPS = frozenset(CONTAINER_TAGS + ("MainProvision", "SupplProvision"))
#: Similarity (:func:`lawcode.diff.assign.similarity`: ratio blended with containment) from which a provision
#: deleted in one place and added in another counts as moved.
_MOVED = 0.8
#: Similarity enough for a promotion or demotion that keeps the article number (第二十二条第一項 → 第二十二条).
_KEPT_NUMBER = 0.6
#: rapidfuzz ratio below which a candidate is not scored further.
_FLOOR = 0.5
#: Largest number of (deleted × added) candidates compared (each comparison in C).
_MOVE_LIMIT = 4_000_000


def _scope(p: Provision) -> str | None:
    """The path of the outermost provision holding *p* (本則, one 附則, one 別表 …)."""
    top = p
    while top.parent is not None:
        top = top.parent
    return top.path


def cross_parent_moves(
    events: list[Event],
    pairs: list[PairRecord],
    numberless: Callable[[Provision], str | None],
    text: Callable[[Provision], str],
) -> tuple[list[Event], list[PairRecord]]:
    """Turn a deletion here and an addition there into one move, when the two provisions are the same
    (equal up to their number, or nearly equal text) and sit in the same 本則, 附則 or 別表.

    The two sides of a ``replaced_whole`` (a same-numbered pair with little in common) take part too: when
    its old text went elsewhere, that is a move, and what is left at the number is an addition.
    *numberless* gives a provision's key without its number (``None``: never matched by key), *text* its
    plain text for similarity. Returns the new events and pairs.
    """
    gone: list[tuple[int, Provision, int]] = []  # (id, provision, index of the event it stands for)
    new: list[tuple[int, Provision, int]] = []
    for k, ev in enumerate(events):
        if ev.old is not None and ((ev.kind == "deleted" and ev.new is None) or ev.kind == "replaced_whole"):
            gone.append((k, ev.old, k))
            sole = _sole_paragraph(ev.old)
            if sole is not None:  # an article demoted to a 項 of another
                gone.append((-k - 1, sole, k))
        if ev.new is not None and ((ev.kind == "added" and ev.old is None) or ev.kind == "replaced_whole"):
            new.append((k, ev.new, k))
            sole = _sole_paragraph(ev.new)
            if sole is not None:  # a 項 promoted to an article of its own (第二十二条第一項 → 第二十二条)
                new.append((-k - 1, sole, k))
    if not gone or not new:
        return events, pairs
    matches: list[tuple[int, int, bool, Provision, Provision, int]] = []
    used_o: set[int] = set()
    used_n: set[int] = set()
    index: dict[tuple[str | None, str, str], list[tuple[int, Provision]]] = {}
    for k, po, _ in gone:
        key = numberless(po)
        if key is not None:
            index.setdefault((_scope(po), po.tag, key), []).append((k, po))
    for k, pn, at in new:
        key = numberless(pn)
        bucket = index.get((_scope(pn), pn.tag, key), []) if key is not None else []
        found = next((x for x in bucket if x[0] != k and x[0] not in used_o), None)
        if found is not None:  # (not the other side of the same replaced_whole)
            bucket.remove(found)
            matches.append((found[0], k, True, found[1], pn, at))
            used_o.add(found[0])
            used_n.add(k)
    rest_o = [(k, po) for k, po, _ in gone if k not in used_o and po.tag not in _GROUPS]
    rest_n = [(k, pn, at) for k, pn, at in new if k not in used_n and pn.tag not in _GROUPS]
    if rest_o and rest_n and len(rest_o) * len(rest_n) <= _MOVE_LIMIT:
        groups: dict[tuple[str | None, str], list[tuple[int, Provision]]] = {}
        for kd, po in rest_o:
            groups.setdefault((_scope(po), po.tag), []).append((kd, po))
        for k, pn, at in rest_n:
            group = [(kd, po) for kd, po in groups.get((_scope(pn), pn.tag), ())
                     if kd not in used_o and kd != k and _outer(kd) != _outer(k)]
            if not group:
                continue
            query = text(pn)
            texts = [text(po) for _, po in group]
            best, best_score = None, 0.0
            for _, score, g in process.extract(query, texts, scorer=fuzz.ratio, score_cutoff=_FLOOR * 100, limit=5):
                s = similarity(score / 100.0, len(query), len(texts[g]))
                kd = group[g][0]
                need = _KEPT_NUMBER if (k < 0 or kd < 0) and _same_article(group[g][1], pn) else _MOVED
                if s >= need and s > best_score:
                    best, best_score = g, s
            if best is not None:
                kd, po = group[best]
                matches.append((kd, k, False, po, pn, at))
                used_o.add(kd)
                used_n.add(k)
    if not matches:
        return events, pairs
    return _rewrite(events, pairs, matches, used_o, used_n)


def _outer(k: int) -> int:
    """The event index an entry id stands for (derived entries have negative ids)."""
    return k if k >= 0 else -k - 1


def _same_article(po: Provision, pn: Provision) -> bool:
    """Whether the articles holding two 項 have the same number (a 項 promoted to the article that keeps
    its old article's number)."""
    a, b = po.parent, pn.parent
    if a is None or b is None or a.tag != "Article" or b.tag != "Article":
        return False
    na, nb = a.number, b.number
    return na is not None and nb is not None and na.raw == nb.raw


def _sole_paragraph(p: Provision) -> Provision | None:
    """The only 項 of an article that has exactly one (and is not a 削除 placeholder)."""
    if p.tag != "Article" or p.is_deleted:
        return None
    subs = [q for q in p.subprovisions if q.tag == "Paragraph"]
    return subs[0] if len(subs) == 1 else None


def _rewrite(
    events: list[Event],
    pairs: list[PairRecord],
    matches: list[tuple[int, int, bool, Provision, Provision, int]],
    used_o: set[int],
    used_n: set[int],
) -> tuple[list[Event], list[PairRecord]]:
    """Replace the matched deletions and additions by moves placed at the addition; what is left of a
    ``replaced_whole`` becomes a plain addition or deletion, and its pair leaves the lineage. A match of an
    article's sole 項 (a promotion or demotion) leaves the article's own addition or deletion in place."""
    moved_at: dict[int, list[Event]] = {}
    for _kd, _ka, equal, po, pn, at in matches:
        here = moved_at.setdefault(at, [])
        if po.path != pn.path:  # (a promoted 項 can keep its address: 第二十二条第一項, the article's only 項)
            here.append(Event("moved", po, pn))
        pairs.append(PairRecord(po, pn, False, "moved"))
        if equal:  # same content up to the number: the descendants correspond one to one
            for a, b in zip(po.descendants(), pn.descendants(), strict=False):
                pairs.append(PairRecord(a, b, True, "moved"))
        elif own_wording(po.element) != own_wording(pn.element):
            moved_at[at].append(Event("text_changed", po, pn))
    unpaired: set[tuple[int, int]] = set()
    out: list[Event] = []
    for k, ev in enumerate(events):
        if ev.kind == "replaced_whole" and (k in used_o or k in used_n):
            assert ev.old is not None and ev.new is not None
            unpaired.add((id(ev.old), id(ev.new)))
            if k not in used_o:
                out.append(Event("deleted", ev.old, None))
            if k not in used_n:
                out.append(Event("added", None, ev.new))
        elif not (k in used_o or k in used_n):
            out.append(ev)
        # else: a deletion or addition that is one side of a move, reported at the new place
        out.extend(moved_at.get(k, ()))
    if unpaired:
        pairs = [r for r in pairs if (id(r.old), id(r.new)) not in unpaired]
    return out, pairs
