"""Printed layout of a provision: the text of :meth:`Provision.text` and where each piece came from.

``text()`` is the coordinate system of everything built on the tree (reference spans, diffs, amendment
targets), so the layout is produced in one place, together with :class:`Segment` records that map character
ranges back to the XML elements (``Sentence``, titles, captions) they were rendered from. Rules:

* an article prints its caption on its own line, then ``第三条　`` followed by its first 項; later 項 print as
  ``２　…``; 号 and 細分 print as ``一　…`` / ``イ　…``, one line each, in document order;
* containers, 附則, 目次 and appendices print their title line, then their contents;
* tables, figures and notes inside a provision print row by row (see :func:`~lawcode.model.render.block_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import TypeAlias

from lxml import etree

from lawcode.model.nodes import Node, wrap
from lawcode.model.tags import PROVISION_TAG_SET, SENTENCE_OF, TITLE_OF
from lawcode.model.render import block_text, inline_text, sentence_pieces

__all__ = ["Segment", "layout"]

_E: TypeAlias = etree._Element
_SPACE = "\u3000"
_SKIP = frozenset(("ArticleTitle", "ArticleCaption", "ParagraphNum", "ParagraphCaption", "ItemTitle"))
_TOC_ENTRIES = frozenset(
    ("TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision", "TOCArticle", "TOCSupplProvision")
)


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters ``start:end`` of a provision's ``text()`` were rendered from ``element``."""

    start: int
    end: int
    element: _E

    @property
    def node(self) -> Node:
        """The source element as a typed view (``Sentence``, ``ArticleTitle``, ``ArticleCaption`` …)."""
        return wrap(self.element)

    @property
    def tag(self) -> str:
        return self.element.tag


class _Builder:
    """Accumulates lines of pieces and, optionally, the segments of element-backed pieces."""

    __slots__ = ("chunks", "pos", "segments", "started")

    def __init__(self, track: bool) -> None:
        self.chunks: list[str] = []
        self.pos = 0
        self.segments: list[Segment] | None = [] if track else None
        self.started = False

    def line(self, pieces: list[tuple[str, _E | None]]) -> None:
        if self.started:
            self.chunks.append("\n")
            self.pos += 1
        self.started = True
        for text, element in pieces:
            if not text:
                continue
            if self.segments is not None and element is not None:
                self.segments.append(Segment(self.pos, self.pos + len(text), element))
            self.chunks.append(text)
            self.pos += len(text)


def layout(e: _E, ruby: bool = False, with_number: bool = True, track: bool = False) -> tuple[str, list[Segment]]:
    """Lay out provision element *e*; return the text and (when *track*) its segments."""
    out = _Builder(track)
    _provision(e, ruby, out, with_number)
    return "".join(out.chunks), out.segments or []


def _provision(e: _E, ruby: bool, out: _Builder, with_number: bool) -> None:
    tag = e.tag
    if tag == "Article":
        _article(e, ruby, out, with_number)
        return
    sentence_tag = SENTENCE_OF.get(tag)
    if sentence_tag is not None:
        number: tuple[str, _E | None] = ("", None)
        if with_number:
            title_tag = TITLE_OF[tag]
            for c in e:
                if c.tag == title_tag:
                    number = (inline_text(c, ruby), c)
                    break
        _numbered(e, ruby, out, number, sentence_tag)
        return
    container_title = TITLE_OF.get(tag)
    for c in e:
        ct = c.tag
        if not isinstance(ct, str):
            continue
        if ct == container_title:
            text = inline_text(c, ruby)
            if not with_number:  # drop 「第一章」 of 「第一章　総則」
                text = text.partition(_SPACE)[2] if _SPACE in text else ""
            if text:
                out.line([(text, c)])
        elif ct in PROVISION_TAG_SET:
            _provision(c, ruby, out, True)
        elif ct in _TOC_ENTRIES:
            _toc_entry(c, ruby, out, 0)
        else:
            text = block_text(c, ruby)
            if text:
                out.line([(text, c)])


def _article(e: _E, ruby: bool, out: _Builder, with_number: bool) -> None:
    number: tuple[str, _E | None] = ("", None)
    first = True
    for c in e:
        ct = c.tag
        if ct == "ArticleCaption":
            out.line([(inline_text(c, ruby), c)])
        elif ct == "ArticleTitle":
            if with_number:
                number = (inline_text(c, ruby), c)
        elif ct == "Paragraph":
            if first:
                _numbered(c, ruby, out, number, "ParagraphSentence")
                first = False
            else:
                _provision(c, ruby, out, True)
        elif ct == "SupplNote":
            out.line([(inline_text(c, ruby), c)])
        elif isinstance(ct, str):
            out.line([(block_text(c, ruby), c)])
    if first and number[0]:
        out.line([number])


def _numbered(e: _E, ruby: bool, out: _Builder, number: tuple[str, _E | None], sentence_tag: str) -> None:
    """A 項, 号 or 細分: caption line, then ``number　sentences``, then its children."""
    head_done = False
    own_title = TITLE_OF.get(e.tag)
    for c in e:
        ct = c.tag
        if ct == sentence_tag:
            pieces = sentence_pieces(c, ruby)
            out.line([number, (_SPACE, None)] + pieces if number[0] else pieces)
            head_done = True
        elif ct == "ParagraphCaption":
            out.line([(inline_text(c, ruby), c)])
        elif ct in _SKIP or ct == own_title or not isinstance(ct, str):
            continue
        elif ct in PROVISION_TAG_SET:
            _provision(c, ruby, out, True)
        else:
            text = block_text(c, ruby)
            if text:
                out.line([(text, c)])
    if not head_done and number[0]:
        out.line([number])


def _toc_entry(e: _E, ruby: bool, out: _Builder, depth: int) -> None:
    pieces: list[tuple[str, _E | None]] = [(_SPACE * depth, None)]
    for c in e:
        ct = c.tag
        if isinstance(ct, str) and not ct.startswith("TOC"):
            pieces.append((inline_text(c, ruby), c))
    out.line(pieces)
    for c in e:
        if isinstance(c.tag, str) and c.tag.startswith("TOC"):
            _toc_entry(c, ruby, out, depth + 1)
