"""Phrase edits over the text of XML elements, across inline markup and across the cells of a 目次 line.

A quoted phrase may span element boundaries: 「第三章　開示請求等（第十一条―第十八条）」 in a 目次 is a
``ChapterTitle`` followed by an ``ArticleRange``; 「瑕疵」 may be wrapped in ``<Ruby>``. The text of a *block*
(a sentence, a caption, a title, one 目次 line) is the concatenation of its text pieces; every occurrence of the
phrase is replaced there, and the change is written back piece by piece as the minimal character edits
between the old and the new phrase (difflib), so unchanged characters stay in the element they were in.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Iterable

from lxml import etree

__all__ = ["replace_everywhere", "blocks"]

#: Inline markup inside a sentence: part of the enclosing block's text.
_INLINE = frozenset({"Ruby", "Rt", "Sup", "Sub", "Line"})
_TOC_LINES = frozenset({"TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision", "TOCArticle",
                        "TOCSupplProvision", "TOCAppdxTableLabel", "TOCPreambleLabel", "TOCLabel"})

Piece = tuple[etree._Element, str]


def _pieces(e: etree._Element, out: list[Piece]) -> None:
    out.append((e, "text"))
    for c in e:
        if c.tag in _INLINE:
            if c.tag != "Rt":
                _pieces(c, out)
            out.append((c, "tail"))


def _block_pieces(root: etree._Element) -> list[Piece]:
    pieces: list[Piece] = []
    if root.tag in _TOC_LINES:
        for c in root:
            if isinstance(c.tag, str) and c.tag not in _TOC_LINES:
                _pieces(c, pieces)
    else:
        _pieces(root, pieces)
    return pieces


def blocks(elements: Iterable[etree._Element]) -> list[etree._Element]:
    """The roots of the text blocks among *elements* (the elements a phrase edit may touch, in order): a
    sentence, caption or title with its inline markup, or one 目次 line (its title and article range)."""
    selected = list(elements)
    members = set(selected)
    out: list[etree._Element] = []
    for e in selected:
        tag = e.tag
        if not isinstance(tag, str) or tag in _INLINE:
            continue
        parent = e.getparent()
        if parent is not None and parent.tag in _TOC_LINES and parent in members and tag not in _TOC_LINES:
            continue  # part of the parent's 目次 line
        if tag in _TOC_LINES:
            if any(isinstance(c.tag, str) and c.tag not in _TOC_LINES for c in e):
                out.append(e)
            continue
        if all(c.tag in _INLINE for c in e if isinstance(c.tag, str)) and (e.text or len(e)):
            out.append(e)
    return out


def _flatten(e: etree._Element) -> None:
    """Replace inline markup *e* (a ``<Ruby>`` …) by its base text, keeping the text around it."""
    pieces: list[Piece] = []
    _pieces(e, pieces)
    replace_with_text(e, "".join(_get(p) for p in pieces))


def replace_with_text(e: etree._Element, text: str) -> None:
    """Remove the inline element *e* from its parent, leaving *text* (followed by *e*'s tail) in its place."""
    parent = e.getparent()
    if parent is None:
        raise ValueError("an inline element at the root")
    text += e.tail or ""
    previous = e.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(e)


def _covered_inline(root: etree._Element, lo: int, hi: int) -> list[etree._Element]:
    """Inline elements of *root* whose whole base text lies inside [lo, hi) of the block text."""
    out: list[etree._Element] = []
    offset = 0

    def walk(e: etree._Element, top: bool) -> None:
        nonlocal offset
        if not top:
            start = offset
        offset += len(e.text or "") if e.tag != "Rt" else 0
        for c in e:
            if isinstance(c.tag, str) and c.tag in _INLINE:
                walk(c, False)
                offset += len(c.tail or "")
        if not top and e.tag != "Rt" and lo <= start and offset <= hi and offset > start:
            out.append(e)

    if root.tag in _TOC_LINES:
        return []
    walk(root, True)
    return out


def _get(p: Piece) -> str:
    return getattr(p[0], p[1]) or ""


def _set(p: Piece, value: str) -> None:
    setattr(p[0], p[1], value or None)


def _owner(pieces: list[Piece], starts: list[int], pos: int) -> int:
    """The piece an insertion at *pos* goes to: the one that ends there (the text it follows) if any."""
    for k in range(len(pieces)):
        a = starts[k]
        b = a + len(_get(pieces[k]))
        if a < pos <= b:
            return k
    for k in range(len(pieces)):
        if starts[k] == pos:
            return k
    return 0


def _apply(pieces: list[Piece], i1: int, i2: int, text: str) -> None:
    starts = []
    total = 0
    for p in pieces:
        starts.append(total)
        total += len(_get(p))
    if i1 == i2:
        k = _owner(pieces, starts, i1)
        s = _get(pieces[k])
        _set(pieces[k], s[:i1 - starts[k]] + text + s[i1 - starts[k]:])
        return
    first = True
    for k in range(len(pieces)):
        a, s = starts[k], _get(pieces[k])
        b = a + len(s)
        lo, hi = max(i1, a), min(i2, b)
        if lo < hi:
            _set(pieces[k], s[:lo - a] + (text if first else "") + s[hi - a:])
            first = False


def replace_everywhere(elements: Iterable[etree._Element], old: str, new: str) -> int:
    """Replace every occurrence of *old* by *new* in the text blocks of *elements*; return the count.

    Inline markup (ruby, 傍点) entirely inside a replaced occurrence is dropped with the old text, as e-Gov
    does; markup only partly inside keeps its place and the edit is distributed over the pieces.
    """
    ops = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    count = 0
    for root in blocks(elements):
        text = "".join(_get(p) for p in _block_pieces(root))
        if old not in text:
            continue
        positions = []
        i = text.find(old)
        while i >= 0:
            positions.append(i)
            i = text.find(old, i + len(old))
        count += len(positions)
        for pos in reversed(positions):
            for inline in _covered_inline(root, pos, pos + len(old)):
                _flatten(inline)
            pieces = _block_pieces(root)
            for _tag, a1, a2, b1, b2 in reversed(ops):
                _apply(pieces, pos + a1, pos + a2, new[b1:b2])
    return count
