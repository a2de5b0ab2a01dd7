"""One reported change between two versions of a law: :class:`Change`.

A change names its kind (:data:`KINDS`), the provision on each side (``None`` for the missing side of an
addition or deletion), their paths and labels, their texts, and the character spans that changed on each
side, in the coordinates of :meth:`Provision.text() <lawcode.model.provision.Provision.text>`. Spans are
computed on first use (a character diff with semantic clean-up, :mod:`lawcode.diff.textdiff`) and cached.

Which spans a change carries depends on its kind, so that a renderer can underline exactly what the kind is
about: ``text_changed`` the provision's own sentences (not its number, caption or sub-provisions, which
have changes of their own), ``caption_changed`` the 見出し, ``renumbered``/``moved``/``title_changed`` the
printed number or title, and ``added``/``deleted``/``replaced_whole`` the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from lxml import etree

from lawcode.diff.textdiff import Hunk, diff_hunks
from lawcode.model.provision import Provision
from lawcode.model.render import inline_text
from lawcode.model.tags import TITLE_OF

__all__ = ["Change", "KINDS", "Span"]

_E: TypeAlias = etree._Element
Span: TypeAlias = tuple[int, int]

#: Change kinds, with what each means.
KINDS: dict[str, str] = {
    "added": "a provision that is new (or a 削除 placeholder filled again)",
    "deleted": "a provision that is gone, or turned into a 削除 placeholder (it then keeps its number)",
    "text_changed": "the provision's own wording changed",
    "replaced_whole": "the provision was rewritten as a whole (全部改正): the texts have little in common",
    "renumbered": "the same provision under another number (条ずれ, 繰下げ/繰上げ)",
    "moved": "the same provision in another place (another chapter, or out of order)",
    "caption_changed": "the 見出し changed (added, removed or reworded)",
    "title_changed": "the 題名 of the law, or the name of a chapter (章名 …) or appendix, changed",
}
_CAPTIONS = frozenset(("ArticleCaption", "ParagraphCaption"))
#: Which part of the texts each kind's spans cover.
_PART = {
    "text_changed": "own",
    "caption_changed": "caption",
    "renumbered": "title",
    "moved": "title",
    "title_changed": "title",
}


@dataclass(eq=False)
class Change:
    """One change between the old and the new version of a law (see the module docstring).

    ``old``/``new`` are the provisions (``None`` for the side that does not exist, and for the law's 題名,
    which is not a provision: ``path`` is then ``"LawTitle"`` and ``label`` 「題名」).
    """

    kind: str
    old: Provision | None
    new: Provision | None
    _old_element: _E | None = field(default=None, repr=False)
    _new_element: _E | None = field(default=None, repr=False)
    _hunks: list[Hunk] | None = field(default=None, repr=False)

    # -- addresses ---------------------------------------------------------------------------------------
    @property
    def old_path(self) -> str | None:
        """e-Gov path of the old provision (``None`` when added)."""
        if self.old is None:
            return "LawTitle" if self._old_element is not None else None
        return self.old.path

    @property
    def new_path(self) -> str | None:
        """e-Gov path of the new provision (``None`` when deleted outright)."""
        if self.new is None:
            return "LawTitle" if self._new_element is not None else None
        return self.new.path

    @property
    def old_label(self) -> str | None:
        """Japanese label of the old provision, e.g. 第十条第二項."""
        if self.old is None:
            return "題名" if self._old_element is not None else None
        return self.old.label

    @property
    def new_label(self) -> str | None:
        """Japanese label of the new provision."""
        if self.new is None:
            return "題名" if self._new_element is not None else None
        return self.new.label

    @property
    def path(self) -> str | None:
        """The new path, or the old one for a deletion: where the change sits in the new document order."""
        return self.new_path or self.old_path

    @property
    def label(self) -> str | None:
        return self.new_label or self.old_label

    @property
    def tag(self) -> str | None:
        """Element name of the provision (``Article``, ``Paragraph`` …; ``LawTitle`` for the 題名)."""
        p = self.new or self.old
        if p is not None:
            return p.tag
        return "LawTitle" if self._new_element is not None or self._old_element is not None else None

    # -- texts and spans ---------------------------------------------------------------------------------
    @property
    def old_text(self) -> str:
        """Text of the old provision (:meth:`Provision.text`), ``""`` when there is none."""
        if self.old is not None:
            return self.old.text()
        return inline_text(self._old_element) if self._old_element is not None else ""

    @property
    def new_text(self) -> str:
        """Text of the new provision, ``""`` when there is none."""
        if self.new is not None:
            return self.new.text()
        return inline_text(self._new_element) if self._new_element is not None else ""

    @property
    def hunks(self) -> list[Hunk]:
        """The changed stretches this change is about, as ``(old_start, old_end, new_start, new_end)``.

        One side may be empty (``start == end``): the point where text was added on, or removed from, the
        other side. Hunks are clipped to the part of the texts the kind is about (see the module docstring),
        so one hunk of the character diff can become several.
        """
        if self._hunks is None:
            self._hunks = self._compute_hunks()
        return self._hunks

    @property
    def old_spans(self) -> tuple[Span, ...]:
        """Non-empty changed character ranges of :attr:`old_text`."""
        return tuple(sorted({(h.old_start, h.old_end) for h in self.hunks if h.old_end > h.old_start}))

    @property
    def new_spans(self) -> tuple[Span, ...]:
        """Non-empty changed character ranges of :attr:`new_text`."""
        return tuple(sorted({(h.new_start, h.new_end) for h in self.hunks if h.new_end > h.new_start}))

    def _compute_hunks(self) -> list[Hunk]:
        old_text, new_text = self.old_text, self.new_text
        part = _PART.get(self.kind)
        whole = Hunk(0, len(old_text), 0, len(new_text))
        if self.old is None or self.new is None or part is None:
            if self.kind == "title_changed":  # the 題名: a plain string on each side
                return diff_hunks(old_text, new_text)
            if self.kind in ("added", "deleted") and self.old is not None and self.new is not None:
                return diff_hunks(old_text, new_text)  # 削除 placeholder: what went, what stayed
            return [whole] if old_text or new_text else []
        hunks = diff_hunks(old_text, new_text)
        cats_o = [(a, b) for a, b, c in _categories(self.old) if c == part]
        cats_n = [(a, b) for a, b, c in _categories(self.new) if c == part]
        out = []
        for h in hunks:  # keep each hunk's part inside this change's segments (a quote may span a number)
            olds = _clip(h.old_start, h.old_end, cats_o)
            news = _clip(h.new_start, h.new_end, cats_n)
            if not olds and not news:
                continue
            # a side with nothing of this part keeps the hunk's position there, as an empty range
            for oa, ob in olds or [(h.old_start, h.old_start)]:
                for na, nb in news or [(h.new_start, h.new_start)]:
                    out.append(Hunk(oa, ob, na, nb))
        return out

    # -- output ------------------------------------------------------------------------------------------
    def to_dict(self, texts: bool = True) -> dict[str, Any]:
        """Plain data for JSON: kind, paths, labels, spans (and the texts unless ``texts=False``)."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "tag": self.tag,
            "old_path": self.old_path,
            "new_path": self.new_path,
            "old_label": self.old_label,
            "new_label": self.new_label,
            "old_spans": [list(s) for s in self.old_spans],
            "new_spans": [list(s) for s in self.new_spans],
        }
        if texts:
            out["old_text"] = self.old_text
            out["new_text"] = self.new_text
        return out

    def __repr__(self) -> str:
        where = self.old_label if self.kind == "deleted" else self.label
        if self.kind in ("renumbered", "moved"):
            where = f"{self.old_label} → {self.new_label}"
        return f"<Change {self.kind} {where}>"


def _categories(p: Provision) -> list[tuple[int, int, str]]:
    """``(start, end, part)`` for the segments of ``p.text()``: title (the printed number or name), caption,
    sub (inside a sub-provision, which reports its own changes) or own."""
    e = p.element
    title = TITLE_OF.get(e.tag)
    subs = {k.element for k in p.subprovisions}
    out = []
    for seg in p.segments():
        el = seg.element
        part = "own"
        if el.getparent() is e:
            if el.tag == title:
                part = "title"
            elif el.tag in _CAPTIONS:
                part = "caption"
        else:
            node = el.getparent()
            while node is not None and node is not e:
                if node in subs:
                    part = "sub"
                    break
                node = node.getparent()
        out.append((seg.start, seg.end, part))
    return out


def _clip(start: int, end: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The non-empty pieces of ``[start, end)`` inside *ranges*; for an empty range (text went on the other
    side), the point itself when it lies in or at the edge of one of *ranges*."""
    if start == end:
        return [(start, start)] if any(s <= start <= e for s, e in ranges) else []
    out = []
    for s, e in ranges:
        a, b = max(start, s), min(end, e)
        if a < b:
            out.append((a, b))
    return out
