"""``lawcode.diff(old, new)``: the :class:`LawDiff` between two versions of a law.

A :class:`LawDiff` is the stable object everything downstream builds on (新旧対照表 renderers, effects,
timelines, 改め文 generation): the two laws, the :class:`~lawcode.diff.lineage.Lineage` of every provision,
the :class:`~lawcode.diff.changes.Change` list in new-document order (deletions where they were), and an
edit script that :meth:`LawDiff.apply` replays on the old version to rebuild the new one exactly
(canonically equal XML).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator

from lawcode.diff.align import PairRecord, align
from lawcode.diff.changes import Change
from lawcode.diff.lineage import Lineage
from lawcode.diff.script import DocumentEdit, apply_document
from lawcode.errors import DiffError, wrong_type
from lawcode.model.law import Law
from lawcode.model.provision import Provision

if TYPE_CHECKING:  # pragma: no cover
    import os
    from pathlib import Path

    from lawcode.diff.effects import Effect
    from lawcode.diff.render import ShinkyuTable

__all__ = ["diff", "LawDiff"]


def diff(old: Law, new: Law) -> "LawDiff":
    """Compare two versions of a law: aligned provisions (lineage), changes, and an exact edit script.

    Renumbered and moved provisions are followed (also when their text changed a little) and reported as
    such, never as a deletion plus an addition; differences of serialisation only (indentation, attribute
    order) are not changes. Raises :class:`~lawcode.errors.DiffError` for arguments that are not laws.
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Law):
            raise wrong_type(DiffError)(
                f"diff() takes two lawcode.Law objects; {name} is {type(value).__name__}", where=f"diff({name}=…)"
            )
    a = align(old, new)
    return LawDiff(old, new, a.edit, a.pairs, [Change(ev.kind, ev.old, ev.new, ev.old_element, ev.new_element)
                                                for ev in a.events])


class LawDiff:
    """The difference between two versions of one law (see :func:`diff`).

    Attributes: ``old`` and ``new`` (the two :class:`~lawcode.model.law.Law`), :attr:`changes` (new-document
    order), :attr:`lineage` (old path ⇄ new path). ``bool(d)`` is false when the versions are the same
    (up to serialisation).
    """

    def __init__(self, old: Law, new: Law, edit: DocumentEdit, pairs: list[PairRecord], changes: list[Change]):
        self.old = old
        self.new = new
        self._edit = edit
        self._pairs = pairs
        self.changes: tuple[Change, ...] = tuple(changes)

    # -- lineage ------------------------------------------------------------------------------------------
    @cached_property
    def lineage(self) -> Lineage:
        """Old path → new path for every provision that survives (renumbered, moved or turned into 削除),
        and back (:meth:`Lineage.back`)."""
        forward: dict[str, str] = {}
        for rec in self._pairs:
            if rec.old.path is None or rec.new.path is None:
                continue
            forward.setdefault(rec.old.path, rec.new.path)
            if rec.equal:
                for a, b in zip(rec.old.descendants(), rec.new.descendants(), strict=False):
                    if a.path is not None and b.path is not None:
                        forward.setdefault(a.path, b.path)
        return Lineage(forward)

    def pairs(self) -> Iterator[tuple[Provision, Provision]]:
        """Aligned provision pairs (old, new) found by the walk, parents before children (descendants of
        unchanged provisions are in :attr:`lineage`, not here)."""
        for rec in self._pairs:
            yield rec.old, rec.new

    def counterpart(self, p: Provision) -> Provision | None:
        """The provision of the other version that *p* (from ``old`` or ``new``) corresponds to."""
        if p.path is None:
            return None
        if p.law is self.old:
            target = self.lineage.get(p.path)
            return self.new.get(target) if target else None
        if p.law is self.new:
            source = self.lineage.back(p.path)
            return self.old.get(source) if source else None
        raise DiffError("the provision belongs to neither version of this diff", where=p.path)

    # -- summaries ----------------------------------------------------------------------------------------
    def counts(self) -> Counter[str]:
        """Number of changes per kind."""
        return Counter(c.kind for c in self.changes)

    def __bool__(self) -> bool:
        return not self._edit.is_empty()

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts().items()))
        return f"<LawDiff {self.new.title or ''}: {counts or 'no changes'}>"

    # -- applying -----------------------------------------------------------------------------------------
    def apply(self, law: Law | None = None) -> Law:
        """Rebuild the new version from *law* (default: the diff's old version) through ``law.draft()``.

        The result is canonically equal to ``new``. *law* must be the old version (or canonically equal to
        it); otherwise :class:`~lawcode.errors.DiffError` names the element where they part.
        """
        base = self.old if law is None else law
        if not isinstance(base, Law):
            raise wrong_type(DiffError)(f"apply() takes a lawcode.Law, not {type(base).__name__}", where="apply()")
        draft = base.draft()
        if not self._edit.is_empty():
            apply_document(self._edit, draft.root)
        return draft.commit()

    # -- output -------------------------------------------------------------------------------------------
    def to_dict(self, texts: bool = True) -> dict[str, Any]:
        """Plain data for JSON: the two versions' metadata, counts by kind and every change."""
        return {
            "old": _law_meta(self.old),
            "new": _law_meta(self.new),
            "counts": dict(self.counts()),
            "changes": [c.to_dict(texts=texts) for c in self.changes],
        }

    def effects(self) -> list["Effect"]:
        """The changes as legislation.gov.uk-style effects (see :mod:`lawcode.diff.effects`)."""
        from lawcode.diff.effects import effects_of

        return effects_of(self)

    # -- 新旧対照表 (lawcode.diff.render) ---------------------------------------------------------------------
    def table(self, *, elide: bool = True) -> "ShinkyuTable":
        """The 新旧対照表 as a renderer-neutral row model (改正後 left, 改正前 right; see :mod:`lawcode.diff.render`)."""
        from lawcode.diff.render import build_table

        return build_table(self, elide=elide)

    def to_html(self, *, standalone: bool = True, elide: bool = True) -> str:
        """The 新旧対照表 as HTML: a print-ready A4-landscape page, or an embeddable fragment (``standalone=False``)."""
        from lawcode.diff.render import render_html

        return render_html(self, standalone=standalone, elide=elide)

    def to_docx(self, path: "str | os.PathLike[str]", *, elide: bool = True) -> "Path":
        """Write the 新旧対照表 to a ``.docx`` file (A4 landscape, Mincho, underlined changes); return its path."""
        from lawcode.diff.render import render_docx

        return render_docx(self, path, elide=elide)

    def to_markdown(self, *, mark: str = "u", elide: bool = True) -> str:
        """The 新旧対照表 as a GitHub Markdown table (changes as ``<u>…</u>``; ``mark="ins"`` or ``"**"``)."""
        from lawcode.diff.render import render_markdown

        return render_markdown(self, mark=mark, elide=elide)  # type: ignore[arg-type]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The 新旧対照表 row model as JSON (``"format": "lawcode.shinkyu/1"``).

        For the diff itself — every change with paths, texts and spans — use :meth:`to_dict`.
        """
        from lawcode.diff.render import render_json

        return render_json(self, indent=indent)


def _law_meta(law: Law) -> dict[str, Any]:
    from lawcode.diff.effects import enforcement_date

    date = enforcement_date(law)
    return {
        "title": law.title,
        "law_num": law.law_num,
        "source": law.source,
        "enforcement_date": date.isoformat() if date else None,
    }


