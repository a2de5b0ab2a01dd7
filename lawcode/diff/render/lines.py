"""The lines of a provision's text, each with what it is: heading, numbered line, caption or plain block.

The elision rule of the 新旧対照表 (:mod:`lawcode.diff.render.elide`) works on lines of
:meth:`Provision.text() <lawcode.model.provision.Provision.text>` — one per 項, 号, 細分, caption or table
row — and needs to know, for each, where its number ends (「２」 of 「２　…」), how deep it is indented and
whether it belongs to the row's provision itself or to a sub-provision. That comes from the text's
:meth:`~lawcode.model.provision.Provision.segments`: the element the first characters of a line were
rendered from says what the line is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from lawcode.model.provision import Provision
from lawcode.model.tags import PROVISION_TAG_SET, SENTENCE_OF, SUBITEM_TAGS, TITLE_OF

__all__ = ["SourceLine", "source_lines", "plain_lines"]

_E: TypeAlias = etree._Element
_TITLES = frozenset(TITLE_OF.values())
_CAPTIONS = frozenset(("ArticleCaption", "ParagraphCaption", "RelatedArticleNum"))
_DEEP = frozenset(("Item",) + SUBITEM_TAGS)


@dataclass(frozen=True, slots=True)
class SourceLine:
    """Characters ``start:end`` of the text form one line (``end`` is before the line break).

    ``role``: ``"heading"`` for a line that is only the provision's own title, label or caption (「第三章　総則」,
    「附　則」, 「（目的）」, 「別表第一」), ``"caption"`` for the 見出し of a sub-provision, ``"numbered"`` for a line
    that starts with a number (「第三条」, 「２」, 「一」, 「イ」) followed by text, ``"plain"`` for anything else
    (table rows, 目次 entries, a 項 without printed number). ``head_end`` is where the number ends
    (``start`` when there is none); ``own`` is false for lines of a sub-provision of a container (a 条 inside
    a 章); ``level`` is the indentation step.
    """

    start: int
    end: int
    role: str
    level: int
    head_end: int
    own: bool = True
    head_tag: str = ""


def plain_lines(text: str) -> list[SourceLine]:
    """Lines of a text without structure (the 題名): every line plain, level 0."""
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append(SourceLine(pos, pos + len(part), "plain", 0, pos))
        pos += len(part) + 1
    return out


def source_lines(p: Provision) -> tuple[str, list[SourceLine]]:
    """``p.text()`` and its lines (see :class:`SourceLine`)."""
    text = p.text()
    segments = p.segments()
    unit = p.element
    out: list[SourceLine] = []
    k = 0
    pos = 0
    for part in text.split("\n"):
        start, end = pos, pos + len(part)
        pos = end + 1
        while k < len(segments) and segments[k].start < start:
            k += 1
        first = segments[k] if k < len(segments) and segments[k].start < end else None
        if first is None:
            indent = len(part) - len(part.lstrip("\u3000 "))
            out.append(SourceLine(start, end, "plain", 1 + indent, start))
            continue
        if unit.tag == "TOC" and first.element.tag != "TOCLabel":
            out.append(_toc_line(part, start, end))
            continue
        out.append(_classify(first.element, first.start, first.end, start, end, unit))
    return text, out


def _toc_line(part: str, start: int, end: int) -> SourceLine:
    """An entry of a 目次: indented by its depth (「　第一節　…」), numbered by its first word (「第一節」)."""
    body = part.lstrip("\u3000 ")
    indent = len(part) - len(body)
    gap = body.find("\u3000")
    first = start + indent
    if gap > 0:
        return SourceLine(first, end, "numbered", indent, first + gap, True, "TOC")
    return SourceLine(first, end, "plain", indent, first, True, "TOC")


def _classify(el: _E, seg_start: int, seg_end: int, start: int, end: int, unit: _E) -> SourceLine:
    """What the line ``start:end`` whose first segment (``seg_start:seg_end``) comes from *el* is."""
    owner, via = _owner(el, unit)
    level = _depth(owner, unit)
    own = owner is unit
    tag = str(el.tag)
    if tag in _CAPTIONS:
        role = "heading" if own else "caption"
        return SourceLine(start, end, role, level, start, own, tag)
    if tag in _TITLES and seg_start == start:
        if seg_end >= end:  # the line is the title only
            return SourceLine(start, end, "heading" if own else "numbered", level, end, own, tag)
        return SourceLine(start, end, "numbered", level, seg_end, own, tag)
    sentence = SENTENCE_OF.get(str(owner.tag))
    if via is not None and (via.tag == sentence or via.tag in _TITLES):
        return SourceLine(start, end, "plain", level, start, own, tag)
    return SourceLine(start, end, "plain", level + 1, start, own, tag)  # a table row or block inside


def _owner(el: _E, unit: _E) -> tuple[_E, _E | None]:
    """The provision element that *el* belongs to, and the child of that provision *el* sits in."""
    via: _E | None = None
    node: _E | None = el
    while node is not None and node is not unit and node.tag not in PROVISION_TAG_SET:
        via = node
        node = node.getparent()
    return (node if node is not None else unit), via


def _depth(owner: _E, unit: _E) -> int:
    """Indentation step of *owner* inside *unit*: one per 号 and 細分 on the way."""
    level = 0
    node: _E | None = owner
    while node is not None and node is not unit:
        if node.tag in _DEEP:
            level += 1
        node = node.getparent()
    return level
