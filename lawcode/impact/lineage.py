"""Provision identity across the two versions of a diff, and the changes that touch a provision.

:class:`Tracker` wraps a :class:`~lawcode.diff.LawDiff` for the impact analysis:

* :meth:`Tracker.forward` / :meth:`Tracker.back` follow the diff's lineage (old path ⇄ new path). The diff
  assigns articles by content across chapters (:mod:`lawcode.diff.assign`), so renumbered and moved articles
  such as 個人情報保護法 第二十三条 → 第二十七条 or 第四十一条 → 第百四十七条 (2020 → 2025) come from it directly.
  One guard remains: when a diff pairs two articles of the same number whose captions differ and whose texts
  have almost nothing in common (< :data:`MISMATCH`), while an added article has the old caption and nearly
  the old text (≥ :data:`REPAIR`), the article is *re-paired* with that one and the answer says it was
  inferred; the changes of the discarded pair are then ignored. On the real corpus the diff no longer makes
  such pairs; the guard stays for diffs built otherwise (a :class:`~lawcode.diff.LawDiff` is a contract,
  not only this aligner's output). The former recovery of deleted + added articles by 見出し and text was
  dropped: the diff finds those moves itself, and the recovery paired look-alike boilerplate (政令への委任)
  across the 附則 of different amending laws.
* :meth:`Tracker.touching` lists the changes at a provision, inside it, or of a provision containing it that
  was added, deleted or rewritten as a whole.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

from lawcode.diff import Change, LawDiff
from lawcode.model.provision import Provision

__all__ = ["Tracker", "Step"]

#: Below this text similarity, a diff pair of articles with different captions is doubted …
MISMATCH = 0.3
#: … and replaced by an added article with the old caption at least this similar.
REPAIR = 0.6
_WHOLESALE = frozenset(("added", "deleted", "replaced_whole"))


@dataclass(frozen=True, slots=True)
class Step:
    """Where a provision went: ``path`` on the other side (``None``: none), ``inferred`` when the pair was
    recovered by caption and text rather than given by the diff."""

    path: str | None
    inferred: bool = False


def _caption(p: Provision) -> str:
    cap = getattr(p, "caption", None)
    return str(cap or "")


def _articles(provisions: Iterable[Provision | None]) -> list[Provision]:
    """The articles among *provisions* and inside them (an added 章 brings its articles), each once."""
    out: dict[str, Provision] = {}
    for p in provisions:
        if p is None:
            continue
        for q in (p, *p.descendants()):
            if q.tag == "Article" and q.path is not None:
                out.setdefault(q.path, q)
    return list(out.values())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


class Tracker:
    """Lineage and change lookup for one diff (see the module docstring)."""

    def __init__(self, diff: LawDiff) -> None:
        self.diff = diff
        self._forward: dict[str, str] = dict(diff.lineage)
        self._back: dict[str, str] = {}
        for o, n in self._forward.items():
            self._back.setdefault(n, o)
        self._inferred: set[str] = set()  # old paths of recovered pairs
        self._doubted: set[str] = set()  # old paths whose diff pairing was discarded
        self._repair()
        self._old: dict[str, list[Change]] = {}
        self._new: dict[str, list[Change]] = {}
        for c in diff.changes:
            if c.old_path:
                self._old.setdefault(c.old_path, []).append(c)
            if c.new_path:
                self._new.setdefault(c.new_path, []).append(c)

    # -- lineage ----------------------------------------------------------------------------------------
    def _repair(self) -> None:
        d = self.diff
        added: dict[str, list[Provision]] = {}
        for p in _articles(c.new for c in d.changes if c.kind == "added" and c.old is None):
            added.setdefault(_caption(p), []).append(p)
        for old_path, new_path in list(self._forward.items()):
            po, pn = d.old.get(old_path), d.new.get(new_path)
            if po is None or pn is None or po.tag != "Article" or pn.tag != "Article":
                continue
            cap = _caption(po)
            candidates = [p for p in added.get(cap, ()) if p.path not in self._back] if cap else []
            if not candidates or cap == _caption(pn):
                continue
            text = po.content_text()
            if _ratio(text, pn.content_text()) >= MISMATCH:
                continue
            best = max(candidates, key=lambda p: _ratio(text, p.content_text()))
            if _ratio(text, best.content_text()) < REPAIR:
                continue
            self._unpair(po, pn)
            self._pair(po, best)

    def _unpair(self, old: Provision, new: Provision) -> None:
        """Forget the diff's pairing of *old* with *new* and of their sub-provisions."""
        olds = {q.path for q in (old, *old.descendants()) if q.path}
        news = {q.path for q in (new, *new.descendants()) if q.path}
        for o in olds:
            if self._forward.get(o) in news:
                del self._forward[o]
        for n in news:
            if self._back.get(n) in olds:
                del self._back[n]
        self._doubted.update(olds)

    def _pair(self, old: Provision, new: Provision) -> None:
        if old.path is None or new.path is None:
            return
        self._forward.setdefault(old.path, new.path)
        self._back.setdefault(new.path, old.path)
        self._inferred.add(old.path)
        olds, news = list(old.subprovisions), list(new.subprovisions)
        for a, b in zip(olds, news, strict=False):
            if a.tag == b.tag:
                self._pair(a, b)

    def forward(self, old_path: str) -> Step:
        """Where the old provision at *old_path* is in the new version."""
        return Step(self._forward.get(old_path), old_path in self._inferred)

    def back(self, new_path: str) -> Step:
        """Where the new provision at *new_path* was in the old version (``path=None``: it is new)."""
        old = self._back.get(new_path)
        return Step(old, old is not None and old in self._inferred)

    # -- changes ----------------------------------------------------------------------------------------
    def touching(self, path: str, side: str) -> list[Change]:
        """Changes at *path* (on ``side`` ``"old"`` or ``"new"``), inside it, or of a containing provision
        that was added, deleted or replaced whole; the add/delete pair of a recovered move is left out."""
        index = self._old if side == "old" else self._new
        prefix = path + "-"
        out: list[Change] = []
        for p, changes in index.items():
            if p == path or p.startswith(prefix):
                out.extend(changes)
            elif path.startswith(p + "-"):
                out.extend(c for c in changes if c.kind in _WHOLESALE)
        return [c for c in out if not self._recovered_move(c) and not self._discarded(c)]

    def _discarded(self, c: Change) -> bool:
        """A change between a discarded pair (the old provision now goes elsewhere)."""
        return bool(c.old_path and c.new_path and c.old_path in self._doubted
                    and self._forward.get(c.old_path) != c.new_path)

    def _recovered_move(self, c: Change) -> bool:
        if c.kind == "deleted" and c.new is None and c.old_path:
            return c.old_path in self._inferred
        if c.kind == "added" and c.old is None and c.new_path:
            old = self._back.get(c.new_path)
            return old is not None and old in self._inferred
        return False
