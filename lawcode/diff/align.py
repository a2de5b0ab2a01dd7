"""Alignment of two versions of a law: provision lineage, raw change events and the edit script, in one walk.

The walk starts at the two ``<Law>`` elements and, for every pair of aligned elements, aligns their
children in order-preserving passes, each only over what the previous passes left unmatched:

1. **exact** — equal serialisations (a longest common subsequence over the children's keys; an element
   whose tag occurs once on each side and is not a numbered provision, such as ``LawBody`` or
   ``MainProvision``, is matched by its tag and compared below);
2. **loose** — equal up to whitespace between tags (two serialisations of one revision);
3. **numberless** — provisions equal up to their number: renumbered (条ずれ, 項・号の繰下げ/繰上げ);
4. **similar** — a dynamic programme over the remaining same-tag pairs of each gap, scoring provisions by
   similarity (rapidfuzz ratio of their text; for chapters and 附則 the overlap of their articles) with
   a bonus for the same number or the same 改正附則 key, and a deleted range (``Num="15:17"``) for the
   old provisions it covers;
5. **moved** — leftovers equal up to their number but out of order.

Pairs of provisions become :class:`PairRecord` (lineage) and change events; everything else becomes
insertions and deletions of whole subtrees in the :mod:`edit script <lawcode.diff.script>`. After the walk,
:mod:`lawcode.diff.moves` reports provisions deleted in one place and added in another with the same
content (up to number) or nearly the same text as *moved* across parents (e.g. to another chapter).

Cost: keys are serialisations made in C, and a subtree is only serialised when its parent pair differs, so
unchanged chapters cost one string comparison each.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Iterable, TypeAlias

from lxml import etree
from rapidfuzz import fuzz

from lawcode.diff.assign import CANDIDATE, SETTLED, assign_articles, rewrite, scope_of
from lawcode.diff.keys import (
    attribute_signature,
    content_key,
    exact_key,
    has_blank_leaf,
    layout_signature,
    loose_key,
    numberless_key,
    own_wording,
    plain_text,
    solid_length,
)
from lawcode.diff.moves import cross_parent_moves
from lawcode.diff.records import Event, PairRecord
from lawcode.diff.script import KEEP, DocumentEdit, ElementEdit, Insert, Keep, TextValue, ChildOp
from lawcode.model.law import Law
from lawcode.model.provision import CONTAINER_TAGS, Provision
from lawcode.model.render import inline_text
from lawcode.model.tags import APPENDIX_TAGS
from lawcode.text.normalize import XML_WHITESPACE

__all__ = ["align", "Alignment", "PairRecord", "Event"]

_E: TypeAlias = etree._Element
#: Provision kinds matched by tag alone when they occur once on each side.
_SINGLETONS = frozenset(("MainProvision", "TOC", "Preamble"))
#: Provision kinds compared by the articles they contain rather than by text.
_GROUPS = frozenset(CONTAINER_TAGS + ("MainProvision", "SupplProvision"))
_APPENDIX = frozenset(APPENDIX_TAGS)
#: Largest gap (old × new children) scored pair by pair; larger gaps fall back to number/tag order.
_DP_LIMIT = 2500
#: Similarity below which a pair is only made when the numbers agree.
_SIMILAR = 0.5
#: Longest text compared whole by :func:`_ratio`.
_RATIO_CAP = 4000
#: Similarity below which a same-numbered provision counts as rewritten (全部改正).
_REWRITTEN = 0.35


@dataclass(slots=True)
class Alignment:
    """What :func:`align` found: the edit script, the provision pairs and the change events (new order)."""

    edit: DocumentEdit
    pairs: list[PairRecord]
    events: list[Event]


def align(old: Law, new: Law) -> Alignment:
    """Align *old* and *new* (see the module docstring)."""
    return _Walker(old, new).run()


class _Walker:
    def __init__(self, old: Law, new: Law) -> None:
        self.old, self.new = old, new
        self.op: dict[_E, Provision] = {p.element: p for p in old.provisions()}
        self.np: dict[_E, Provision] = {p.element: p for p in new.provisions()}
        self.pairs: list[PairRecord] = []
        self.events: list[Event] = []
        self._text: dict[_E, str] = {}
        self._nk: dict[_E, str] = {}
        self._bag: dict[_E, Counter[int]] = {}
        #: Exact keys by element: a subtree is serialised once, whether for its parent's bag of paragraphs
        #: or for the alignment of its siblings.
        self._key: dict[_E, str] = {}
        self._blanks: dict[_E, bool] = {}
        self._lk: dict[_E, str] = {}  # whitespace-insensitive keys
        self._clean: set[_E] = set()  # elements whose subtree has no whitespace-only leaf
        #: Whether the two documents are laid out differently (then whitespace-insensitive keys are worth
        #: computing; otherwise exact keys say the same, and the walk below would find it anyway).
        self.loose = layout_signature(old._tree.getroot()) != layout_signature(new._tree.getroot())
        #: Whether the two exports write attributes differently (Delete="false", Sentence Num …); if not,
        #: two differing subtrees differ in content and comparing them by content would be wasted work.
        self.restyled = self.loose or (
            attribute_signature(old._tree.getroot()) != attribute_signature(new._tree.getroot())
        )

    # -- the walk -----------------------------------------------------------------------------------------
    def run(self) -> Alignment:
        ro, rn = self.old._tree.getroot(), self.new._tree.getroot()
        root = self._edit(ro, rn, "root", False)
        prolog = _around(ro, rn, before=True)
        epilog = _around(ro, rn, before=False)
        edit = DocumentEdit(root, prolog, epilog)
        self._reassign()
        self.events, self.pairs = cross_parent_moves(
            self.events, self.pairs, self._provision_key, lambda p: self._plain(p.element)
        )
        return Alignment(edit, self.pairs, self.events)

    def _edit(self, o: _E, n: _E, how: str, quiet: bool) -> ElementEdit | None:
        po, pn = self.op.get(o), self.np.get(n)
        if po is not None and pn is not None:
            quiet = self._pair(po, pn, how, quiet)
        elif o.tag == "LawTitle" and not quiet and inline_text(o) != inline_text(n):
            self.events.append(Event("title_changed", None, None, o, n))
        edit = ElementEdit()
        if o.attrib != n.attrib and dict(o.attrib) != dict(n.attrib):
            edit.attrib = list(n.attrib.items())
        has_kids = len(n) > 0
        if _norm_text(o.text, has_kids) != _norm_text(n.text, has_kids):
            edit.text = n.text
        ko, kn = list(o), list(n)
        if ko or kn:
            self._children(edit, ko, kn, quiet)
        return None if edit.is_empty() else edit

    def _children(self, edit: ElementEdit, ko: list[_E], kn: list[_E], quiet: bool) -> None:
        matches, ka, kb = self._match(ko, kn)
        by_new = {j: (i, equal, how) for i, j, equal, how in matches}
        matched_old = {i for i, _, _, _ in matches}
        unmatched_old = [i for i in range(len(ko)) if i not in matched_old]
        d = 0
        ops: list[ChildOp] = []
        identity = len(ko) == len(kn) and not unmatched_old
        for j, c in enumerate(kn):
            m = by_new.get(j)
            if m is None:
                identity = False
                self._added(c, quiet)
                ops.append(Insert(c))
                continue
            i, equal, how = m
            while d < len(unmatched_old) and unmatched_old[d] < i:
                self._deleted(ko[unmatched_old[d]], kn, quiet)
                d += 1
            if i != j:
                identity = False
            oc = ko[i]
            if not equal and self._same_content(ka[i], kb[j], oc, c):
                # equal up to layout and schema-default attributes (Delete="false" …): no change to report,
                # and copying the new subtree is cheaper than walking it
                po, pn = self.op.get(oc), self.np.get(c)
                if po is not None and pn is not None:
                    self.pairs.append(PairRecord(po, pn, True, "normal"))
                identity = False
                ops.append(Insert(c))
                continue
            if equal:
                po, pn = self.op.get(oc), self.np.get(c)
                if po is not None and pn is not None:
                    self.pairs.append(PairRecord(po, pn, True, how))
                sub = None
            else:
                sub = self._edit(oc, c, how, quiet)
            tail: TextValue = KEEP if _norm_text(oc.tail, True) == _norm_text(c.tail, True) else c.tail
            ops.append(Keep(i, oc.tag, sub, tail))
        while d < len(unmatched_old):
            self._deleted(ko[unmatched_old[d]], kn, quiet)
            d += 1
        if identity:
            edit.edits = [op for op in ops if isinstance(op, Keep) and (op.edit is not None or op.tail is not KEEP)]
        else:
            edit.children = ops

    # -- articles across chapters -------------------------------------------------------------------------
    def _reassign(self) -> None:
        """Check the walk's article pairs against a content-based assignment across the whole scope
        (:mod:`lawcode.diff.assign`) and redo the events and pairs of the articles it pairs differently."""
        equal_o: set[_E] = set()
        equal_n: set[_E] = set()
        current: dict[Provision, Provision] = {}
        how_of: dict[Provision, str] = {}
        cmap: dict[_E, _E] = {}
        for r in self.pairs:
            if r.equal:
                equal_o.add(r.old.element)
                equal_n.add(r.new.element)
            elif r.how == "range":
                continue
            if r.old.tag == "Article" and r.new.tag == "Article":
                if r.old not in current:
                    current[r.old], how_of[r.old] = r.new, r.how
            else:
                cmap.setdefault(r.old.element, r.new.element)
        settled_o: set[Provision] = set()
        settled_n: set[Provision] = set()
        weak: set[Provision] = set()  # walk pairs with little in common: the assignment may do better
        for o, n in current.items():
            if how_of[o] in ("exact", "loose", "numberless", "moved") or self._blank(o) or self._blank(n):
                settled_o.add(o)
                settled_n.add(n)
                continue
            sim = _ratio(self._plain(o.element), self._plain(n.element))
            if sim >= SETTLED:
                settled_o.add(o)
                settled_n.add(n)
            elif sim < CANDIDATE:
                weak.add(o)

        # articles the walk left unpaired: deleted or added, themselves or with a provision holding them
        lone_o = self._lone(self.op, old=True)
        lone_n = self._lone(self.np, old=False)
        open_o = {scope_of(p) for p in lone_o} | {scope_of(o) for o in current if o not in settled_o}
        open_n = {scope_of(p) for p in lone_n} | {scope_of(n) for n in current.values() if n not in settled_n}
        wanted = ({scope_of(p) for p in lone_o} | {scope_of(p) for p in lone_n} | {scope_of(o) for o in weak})
        wanted &= open_o & open_n
        if not wanted:  # every article is settled or fairly paired by the walk, or has no counterpart to find
            return
        arts_o = self._scope_articles(self.op, lone_o | set(current), wanted)
        arts_n = self._scope_articles(self.np, lone_n | set(current.values()), wanted)
        anchored: dict[Provision, Provision] = {o: current[o] for o in settled_o}
        for r in self.pairs:
            if r.equal and r.old.tag in _GROUPS:
                for x, y in zip(r.old.element.iter("Article"), r.new.element.iter("Article"), strict=False):
                    px, py = self.op.get(x), self.np.get(y)
                    if px is not None and py is not None:
                        anchored[px] = py
            elif r.equal and r.old.tag == "Article":
                anchored[r.old] = r.new
        matches = []
        for scope, so in arts_o.items():
            sn = arts_n.get(scope)
            if not sn:
                continue
            index_n = {p: j for j, p in enumerate(sn)}
            anchors = [(i, index_n[anchored[p]]) for i, p in enumerate(so)
                       if p in anchored and anchored[p] in index_n]
            matches.extend(assign_articles(so, sn, anchors, lambda p: self._plain(p.element), self._blank))
        if all(current.get(o) is n for o, n, _ in matches):
            return
        self.events, self.pairs = rewrite(
            self.events, self.pairs, matches, current, cmap, {e: k for k, e in enumerate(self.np)}, self._rewalk
        )

    def _rewalk(self, o: Provision, n: Provision, how: str) -> tuple[list[Event], list[PairRecord]]:
        """The events and pairs of walking the pair (*o*, *n*) alone."""
        saved = self.events, self.pairs
        self.events, self.pairs = [], []
        try:
            self._edit(o.element, n.element, how, False)
            return self.events, self.pairs
        finally:
            self.events, self.pairs = saved

    # -- events -------------------------------------------------------------------------------------------
    def _added(self, n: _E, quiet: bool) -> None:
        pn = self.np.get(n)
        if pn is not None and not quiet:
            self.events.append(Event("added", None, pn))

    def _deleted(self, o: _E, new_siblings: list[_E], quiet: bool) -> None:
        po = self.op.get(o)
        if po is None or quiet:
            return
        holder = None
        num = po.number
        if num is not None and num.first is not None:
            for c in new_siblings:  # 「第十五条から第十七条まで　削除」 keeps the numbers it covers
                pn = self.np.get(c)
                if pn is not None and pn.tag == po.tag and pn.is_range and pn.number is not None:
                    if pn.number.covers(num.first):
                        holder = pn
                        break
        if holder is not None:
            self.pairs.append(PairRecord(po, holder, False, "range"))
        self.events.append(Event("deleted", po, holder))

    def _pair(self, po: Provision, pn: Provision, how: str, quiet: bool) -> bool:
        """Record an aligned pair and its own changes; return whether changes below it go unreported."""
        self.pairs.append(PairRecord(po, pn, False, how))
        if quiet:
            return True
        o, n = po.element, pn.element
        events = self.events
        if how == "relocated" or (how == "moved" and po.path != pn.path):
            # (same address, other order among other kinds: not a move)
            events.append(Event("moved", po, pn))
        elif _raw_num(po) != _raw_num(pn) and not _covered(po, pn):
            events.append(Event("renumbered", po, pn))
        if self._blank(pn) and not self._blank(po):
            events.append(Event("deleted", po, pn))
            return True
        if self._blank(po) and not self._blank(pn):
            events.append(Event("added", po, pn))
            return True
        if (po.caption or None) != (pn.caption or None):  # an empty <ArticleCaption/> is no caption
            events.append(Event("caption_changed", po, pn))
        if _retitled(po, pn):
            events.append(Event("title_changed", po, pn))
        own_o, own_n = own_wording(o), own_wording(n)
        if own_o != own_n:
            if po.tag not in _GROUPS and _ratio("".join(own_o), "".join(own_n)) < _REWRITTEN:
                events.append(Event("replaced_whole", po, pn))
                return True
            events.append(Event("text_changed", po, pn))
        return False

    # -- matching -----------------------------------------------------------------------------------------
    def _loose(self, e: _E, key: str) -> str:
        """:func:`loose_key` of *e*, once per element; a subtree whose parent had no whitespace-only leaf
        has none either, so only the outermost differing elements are scanned for one."""
        out = self._lk.get(e)
        if out is None:
            parent = e.getparent()
            clean = parent is not None and parent in self._clean
            if not clean and not has_blank_leaf(key):
                clean = True
            if clean:
                self._clean.add(e)
            out = self._lk[e] = loose_key(key, True) if clean else key
        return out

    def _same_content(self, a: str, b: str, o: _E | None = None, n: _E | None = None) -> bool:
        """Whether two differing keys are equal up to layout whitespace, schema-default attributes and the
        attributes of non-provision elements (``Sentence Num="1"``, ``Column LineBreak`` … that some
        exporters write and others leave out): the same provisions with the same wording."""
        if not self.restyled or a.startswith("\x01") or b.startswith("\x01"):
            return False
        if abs(len(a) - len(b)) > _LENGTH_SLACK * max(len(a), 1):
            return False
        if self.loose:
            a = loose_key(a) if o is None else self._loose(o, a)
            b = loose_key(b) if n is None else self._loose(n, b)
        return content_key(a) == content_key(b)

    def _match(
        self, ko: list[_E], kn: list[_E]
    ) -> tuple[list[tuple[int, int, bool, str]], list[str], list[str]]:
        counts_o = Counter(c.tag for c in ko)
        counts_n = Counter(c.tag for c in kn)

        def first_key(c: _E, counts: Counter[object], other: Counter[object], provs: dict[_E, Provision]) -> str:
            tag = c.tag
            if isinstance(tag, str) and counts[tag] == 1 and other[tag] == 1 and (
                tag in _SINGLETONS or c not in provs
            ):
                return "\x01" + tag
            return self._exact(c)

        ka = [first_key(c, counts_o, counts_n, self.op) for c in ko]
        kb = [first_key(c, counts_n, counts_o, self.np) for c in kn]
        if ka == kb:
            return [(i, i, not ka[i].startswith("\x01"), "exact") for i in range(len(ka))], ka, kb
        out: list[tuple[int, int, bool, str]] = []
        for i, j in _lcs(list(range(len(ko))), list(range(len(kn))), ka, kb):
            out.append((i, j, not ka[i].startswith("\x01"), "exact"))
        for go, gn in _gaps(out, len(ko), len(kn)):
            out.extend(self._match_gap(go, gn, ko, kn, ka, kb))
        return out, ka, kb

    def _match_gap(
        self, go: list[int], gn: list[int], ko: list[_E], kn: list[_E], ka: list[str], kb: list[str]
    ) -> list[tuple[int, int, bool, str]]:
        if not self.loose:
            return self._match_rest(go, gn, ko, kn, ka, kb, [])
        sa = [solid_length(ka[i]) for i in go]
        sb = [solid_length(kb[j]) for j in gn]
        both = set(sa) & set(sb)
        la = [self._loose(ko[i], ka[i]) if n in both else None for i, n in zip(go, sa, strict=True)]
        lb = [self._loose(kn[j], kb[j]) if n in both else None for j, n in zip(gn, sb, strict=True)]
        pairs = _lcs(go, gn, la, lb) if both else []
        return self._match_rest(go, gn, ko, kn, ka, kb, pairs)

    def _match_rest(
        self, go: list[int], gn: list[int], ko: list[_E], kn: list[_E], ka: list[str], kb: list[str],
        pairs: list[tuple[int, int]],
    ) -> list[tuple[int, int, bool, str]]:
        out: list[tuple[int, int, bool, str]] = [(i, j, True, "loose") for i, j in pairs]
        rest: list[tuple[int, int, bool, str]] = []
        for so, sn in _gaps(pairs, None, None, go, gn):
            na = [self._numberless(ko[i], self.op, ka[i]) for i in so]
            nb = [self._numberless(kn[j], self.np, kb[j]) for j in sn]
            renum = _lcs(so, sn, na, nb)
            rest.extend((i, j, False, "numberless") for i, j in renum)
            for ro, rn in _gaps(renum, None, None, so, sn):
                rest.extend(self._match_similar(ro, rn, ko, kn))
        out.extend(rest)
        # out of order: equal up to number, but moved within the parent
        used_o = {i for i, _, _, _ in out}
        used_n = {j for _, j, _, _ in out}
        left_o = [i for i in go if i not in used_o]
        left_n = [j for j in gn if j not in used_n]
        if left_o and left_n:
            index: dict[str, list[int]] = {}
            for i in left_o:
                key = self._numberless(ko[i], self.op)
                if key is not None:
                    index.setdefault(key, []).append(i)
            for j in left_n:
                key = self._numberless(kn[j], self.np)
                if key is not None and index.get(key):
                    out.append((index[key].pop(0), j, False, "moved"))
        return out

    def _match_similar(self, go: list[int], gn: list[int], ko: list[_E], kn: list[_E]) -> list[tuple[int, int, bool, str]]:
        if not go or not gn:
            return []
        if len(go) == len(gn):  # the usual case: same kinds and numbers on both sides, contents changed
            ia = [self._identity(ko[i], self.op) for i in go]
            if ia == [self._identity(kn[j], self.np) for j in gn] and all(
                not self._is_range(kn[j]) for j in gn
            ):
                return [(i, j, False, "identity") for i, j in zip(go, gn, strict=True)]
        if len(go) * len(gn) > _DP_LIMIT:
            ia = [self._identity(ko[i], self.op) for i in go]
            ib = [self._identity(kn[j], self.np) for j in gn]
            return [(i, j, False, "identity") for i, j in _lcs(go, gn, ia, ib)]
        p, q = len(go), len(gn)
        score = [[self._score(ko[go[a]], kn[gn[b]]) for b in range(q)] for a in range(p)]
        best = [[0.0] * (q + 1) for _ in range(p + 1)]
        for a in range(p - 1, -1, -1):
            row, below = best[a], best[a + 1]
            srow = score[a]
            for b in range(q - 1, -1, -1):
                v = max(below[b], row[b + 1])
                s = srow[b]
                if s > 0:
                    v = max(v, below[b + 1] + s)
                row[b] = v
        out = []
        a = b = 0
        while a < p and b < q:
            s = score[a][b]
            if s > 0 and best[a][b] == best[a + 1][b + 1] + s:
                out.append((go[a], gn[b], False, "similar"))
                a += 1
                b += 1
            elif best[a][b] == best[a + 1][b]:
                a += 1
            else:
                b += 1
        return out

    def _score(self, o: _E, n: _E) -> float:
        if o.tag != n.tag or not isinstance(o.tag, str):
            return 0.0
        po, pn = self.op.get(o), self.np.get(n)
        if po is None or pn is None:
            if po is not None or pn is not None:
                return 0.0
            return 0.3 + 0.7 * _ratio(self._plain(o)[:2000], self._plain(n)[:2000])
        if pn.is_range and po.number is not None and po.number.first is not None and pn.number is not None:
            if pn.number.covers(po.number.first):
                return 0.9
        s = self._similarity(o, n)
        if self._identity(o, self.op) == self._identity(n, self.np):
            return 0.5 + s / 2
        return s if s >= _SIMILAR else 0.0

    # -- keys and similarity ------------------------------------------------------------------------------
    def _numberless(self, e: _E, provs: dict[_E, Provision], exact: str | None = None) -> str | None:
        p = provs.get(e)
        if p is None or p.is_range or self._blank(p):
            return None  # placeholders all look alike; other elements have no number to lose
        key = self._nk.get(e)
        if key is None:
            if exact is not None and exact.startswith("\x01"):
                exact = None
            key = self._nk[e] = numberless_key(e, exact)
        return key

    def _provision_key(self, p: Provision) -> str | None:
        return self._numberless(p.element, self.op if p.law is self.old else self.np)

    def _is_range(self, n: _E) -> bool:
        pn = self.np.get(n)
        return pn is not None and pn.is_range

    @staticmethod
    def _identity(e: _E, provs: dict[_E, Provision]) -> tuple[object, ...]:
        p = provs.get(e)
        if p is None:
            return (e.tag,)
        if p.tag == "SupplProvision":
            return (p.tag, (p.path or "").partition("#")[0])
        num = p.number
        return (p.tag, num.raw if num is not None else None)

    def _lone(self, provs: dict[_E, Provision], old: bool) -> set[Provision]:
        """The articles of one side that the walk left without a counterpart (deleted or added, themselves or
        with a provision holding them), 削除 placeholders left out."""
        out: set[Provision] = set()
        for ev in self.events:
            p = ev.old if old else ev.new
            if p is None or (ev.new if old else ev.old) is not None:
                continue
            if ev.kind not in ("deleted", "added"):
                continue
            for e in p.element.iter("Article"):
                q = provs.get(e)
                if q is not None and not self._blank(q):
                    out.add(q)
        return out

    @staticmethod
    def _scope_articles(
        provs: dict[_E, Provision], some: set[Provision], wanted: set[str | None]
    ) -> dict[str | None, list[Provision]]:
        """All the articles, in document order, of the *wanted* scopes (found through *some* of their
        articles)."""
        tops: dict[str | None, _E] = {}
        for p in some:
            key = scope_of(p)
            if key in wanted and key not in tops:
                outer: Provision = p
                up = p.parent
                while up is not None:
                    outer, up = up, up.parent
                tops[key] = outer.element
        return {key: [q for e in root.iter("Article") if (q := provs.get(e)) is not None]
                for key, root in tops.items()}

    def _blank(self, p: Provision) -> bool:
        """``p.is_deleted`` (a 削除 placeholder), once per provision: it reads the provision's text."""
        v = self._blanks.get(p.element)
        if v is None:
            v = self._blanks[p.element] = p.is_deleted
        return v

    def _exact(self, e: _E) -> str:
        key = self._key.get(e)
        if key is None:
            key = self._key[e] = exact_key(e)
        return key

    def _plain(self, e: _E) -> str:
        t = self._text.get(e)
        if t is None:
            t = self._text[e] = plain_text(e)
        return t

    def _similarity(self, o: _E, n: _E) -> float:
        if o.tag in _GROUPS:
            bo, bn = self._articles(o, self.op), self._articles(n, self.np)
            if bo or bn:
                common = sum((bo & bn).values())
                return 2 * common / (sum(bo.values()) + sum(bn.values()))
        return _ratio(self._plain(o), self._plain(n))

    def _articles(self, e: _E, provs: dict[_E, Provision]) -> Counter[int]:
        bag = self._bag.get(e)
        if bag is None:
            # paragraphs keep their serialisation when their article is renumbered or moved
            exact = self._exact
            bag = Counter(hash(exact(c)) for a in e.iter("Article") for c in a if c.tag == "Paragraph")
            self._bag[e] = bag
        return bag


# -- helpers ------------------------------------------------------------------------------------------------
def _lcs(ia: list[int], ib: list[int], ka: list, kb: list) -> list[tuple[int, int]]:
    """Order-preserving matches of equal keys (``None`` never matches) as pairs of original indices.

    The common head and tail are matched directly (most sibling lists differ in a few places), and only
    the middle goes through :class:`difflib.SequenceMatcher`."""
    if not ia or not ib:
        return []
    n, m = len(ka), len(kb)
    head = 0
    while head < n and head < m and ka[head] is not None and ka[head] == kb[head]:
        head += 1
    tail = 0
    while (tail < n - head and tail < m - head and ka[n - 1 - tail] is not None
           and ka[n - 1 - tail] == kb[m - 1 - tail]):
        tail += 1
    out = [(ia[t], ib[t]) for t in range(head)]
    if head < n - tail and head < m - tail:
        a = [k if k is not None else object() for k in ka[head:n - tail]]
        b = [k if k is not None else object() for k in kb[head:m - tail]]
        sm = SequenceMatcher(None, a, b, autojunk=False)
        for blk in sm.get_matching_blocks():
            for t in range(blk.size):
                out.append((ia[head + blk.a + t], ib[head + blk.b + t]))
    out.extend((ia[n - tail + t], ib[m - tail + t]) for t in range(tail))
    return out


def _gaps(
    pairs: Iterable[tuple],
    n_old: int | None,
    n_new: int | None,
    ia: list[int] | None = None,
    ib: list[int] | None = None,
) -> list[tuple[list[int], list[int]]]:
    """The unmatched stretches between consecutive matches (old indices, new indices)."""
    ia = list(range(n_old or 0)) if ia is None else ia
    ib = list(range(n_new or 0)) if ib is None else ib
    pos_a = {v: k for k, v in enumerate(ia)}
    pos_b = {v: k for k, v in enumerate(ib)}
    anchors = sorted((pos_a[p[0]], pos_b[p[1]]) for p in pairs)
    out = []
    pa = pb = 0
    for a, b in anchors + [(len(ia), len(ib))]:
        if a > pa or b > pb:
            out.append((ia[pa:a], ib[pb:b]))
        pa, pb = a + 1, b + 1
    return [g for g in out if g[0] or g[1]]


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's normalised similarity in [0, 1]. Texts longer than :data:`_RATIO_CAP` are compared by
    their beginning and end only: the score only ranks candidates, and an Indel distance of two long tables
    would cost more than the rest of the diff."""
    if not a and not b:
        return 1.0
    if len(a) > _RATIO_CAP or len(b) > _RATIO_CAP:
        half = _RATIO_CAP // 2
        a, b = a[:half] + a[-half:], b[:half] + b[-half:]
    return fuzz.ratio(a, b) / 100.0


def _norm_text(t: str | None, has_kids: bool) -> str | None:
    """A text (or tail, with ``has_kids=True``) as compared: layout-only whitespace next to elements is none."""
    if t is None or (has_kids and not t.strip(XML_WHITESPACE)):
        return None
    return t


#: Keys whose lengths differ by more than this fraction are not compared by content (a real change).
_LENGTH_SLACK = 0.25


def _covered(po: Provision, pn: Provision) -> bool:
    """*pn* is a deleted range (「第二条から第四条まで　削除」) that covers *po*'s number."""
    a, b = po.number, pn.number
    return (b is not None and b.is_range and not (a is not None and a.is_range)
            and a is not None and a.first is not None and b.covers(a.first))


def _raw_num(p: Provision) -> str | None:
    num = p.number
    return num.raw if num is not None else None


def _retitled(po: Provision, pn: Provision) -> bool:
    """A container's name (章名 …) or an appendix title changed, beyond its number."""
    tag = po.tag
    if tag in CONTAINER_TAGS:
        return po.heading.partition("\u3000")[2] != pn.heading.partition("\u3000")[2]
    if tag in _APPENDIX:
        return _strip_number(po.heading) != _strip_number(pn.heading)
    return False


def _strip_number(title: str) -> str:
    """An appendix title without its leading 「別表第一」-style label."""
    for sep in ("（", "\u3000", " "):
        if sep in title:
            return title[title.index(sep):]
    return ""


def _around(ro: _E, rn: _E, before: bool) -> list[_E] | None:
    def nodes(r: _E) -> list[_E]:
        out = []
        node = r.getprevious() if before else r.getnext()
        while node is not None:
            out.append(node)
            node = node.getprevious() if before else node.getnext()
        return out[::-1] if before else out

    a, b = nodes(ro), nodes(rn)
    if [exact_key(x) for x in a] == [exact_key(x) for x in b]:
        return None
    return b
