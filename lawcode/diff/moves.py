"""Moves across parents: a provision deleted in one place and added in another is one provision, moved.

Run after the alignment walk over its change events: two provisions are the same when they are equal up to
their number, or when their texts are nearly equal (rapidfuzz ratio ≥ 0.8, compared in C with
``process.extractOne``), and they sit in the same 本則, 附則 or 別表 — 附則 of different amending laws are
different texts even when they read alike. Chapters and other groups are left out of the similarity pass.
"""

from __future__ import annotations

from typing import Callable

from rapidfuzz import fuzz, process

from lawcode.diff.keys import own_wording
from lawcode.diff.records import Event, PairRecord
from lawcode.model.provision import CONTAINER_TAGS, Provision

__all__ = ["cross_parent_moves"]

#: Provision kinds compared by their contents rather than their text (never moved by similarity).
_GROUPS = frozenset(CONTAINER_TAGS + ("MainProvision", "SupplProvision"))
#: Similarity from which a provision deleted in one place and added in another counts as moved.
_MOVED = 0.8
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
    gone = [(k, ev.old) for k, ev in enumerate(events)
            if ev.old is not None and ((ev.kind == "deleted" and ev.new is None) or ev.kind == "replaced_whole")]
    new = [(k, ev.new) for k, ev in enumerate(events)
           if ev.new is not None and ((ev.kind == "added" and ev.old is None) or ev.kind == "replaced_whole")]
    if not gone or not new:
        return events, pairs
    matches: list[tuple[int, int, bool]] = []
    used_o: set[int] = set()
    used_n: set[int] = set()
    index: dict[tuple[str | None, str, str], list[int]] = {}
    for k, po in gone:
        key = numberless(po)
        if key is not None:
            index.setdefault((_scope(po), po.tag, key), []).append(k)
    for k, pn in new:
        key = numberless(pn)
        bucket = index.get((_scope(pn), pn.tag, key), []) if key is not None else []
        kd = next((x for x in bucket if x != k), None)  # not the other side of the same replaced_whole
        if kd is not None:
            bucket.remove(kd)
            matches.append((kd, k, True))
            used_o.add(kd)
            used_n.add(k)
    rest_o = [(k, po) for k, po in gone if k not in used_o and po.tag not in _GROUPS]
    rest_n = [(k, pn) for k, pn in new if k not in used_n and pn.tag not in _GROUPS]
    if rest_o and rest_n and len(rest_o) * len(rest_n) <= _MOVE_LIMIT:
        groups: dict[tuple[str | None, str], list[tuple[int, Provision]]] = {}
        for kd, po in rest_o:
            groups.setdefault((_scope(po), po.tag), []).append((kd, po))
        for k, pn in rest_n:
            group = [(kd, po) for kd, po in groups.get((_scope(pn), pn.tag), ()) if kd not in used_o and kd != k]
            if not group:
                continue
            found = process.extractOne(
                text(pn), [text(po) for _, po in group],
                scorer=fuzz.ratio, score_cutoff=_MOVED * 100,
            )
            if found is not None:
                kd = group[found[2]][0]
                matches.append((kd, k, False))
                used_o.add(kd)
                used_n.add(k)
    if not matches:
        return events, pairs
    return _rewrite(events, pairs, matches, used_o, used_n)


def _rewrite(
    events: list[Event],
    pairs: list[PairRecord],
    matches: list[tuple[int, int, bool]],
    used_o: set[int],
    used_n: set[int],
) -> tuple[list[Event], list[PairRecord]]:
    """Replace the matched deletions and additions by moves placed at the addition; what is left of a
    ``replaced_whole`` becomes a plain addition or deletion, and its pair leaves the lineage."""
    moved_at: dict[int, list[Event]] = {}
    for kd, ka, equal in matches:
        po, pn = events[kd].old, events[ka].new
        assert po is not None and pn is not None
        moved_at.setdefault(ka, []).append(Event("moved", po, pn))
        pairs.append(PairRecord(po, pn, False, "moved"))
        if equal:  # same content up to the number: the descendants correspond one to one
            for a, b in zip(po.descendants(), pn.descendants(), strict=False):
                pairs.append(PairRecord(a, b, True, "moved"))
        elif own_wording(po.element) != own_wording(pn.element):
            moved_at[ka].append(Event("text_changed", po, pn))
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
