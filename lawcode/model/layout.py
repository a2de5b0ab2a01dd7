"""Text and segments of a provision: :meth:`Provision.text` and where each character came from.

``text()`` is the coordinate system of everything built on the tree (reference spans, diffs, amendment
targets). :mod:`lawcode.model.render` lays an element out as lines of pieces; this module joins them and
records a :class:`Segment` for every run of characters rendered from one text element (a ``Sentence``, a
title, caption or label, a ``TableHeaderColumn``, a ``Fig`` placeholder). The invariants, checked over the
whole corpus by the tests:

* ``text()`` is the segments' characters plus layout separators only: line breaks and the U+3000 put between
  a number and its text, between ``Column`` elements and between table cells;
* segments are sorted, do not overlap and never contain a line break;
* the characters of an element — from the first to the last segment inside it — are exactly that element
  rendered alone (:func:`~lawcode.model.render.inline_text`, or
  :func:`~lawcode.model.render.block_text` for free-form ``Note``/``Style``/``Format`` spanning lines); an
  element is split into several segments only where another text element sits inside it (a ``Fig`` in a
  formula, the sentences of a table quoted in a sentence);
* text and segments do not depend on the serialisation (pretty-printed, compact or indented without line
  breaks): whitespace rules are in :mod:`lawcode.model.render`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from lawcode.model.nodes import Node, wrap
from lawcode.model.render import provision_lines

__all__ = ["Segment", "layout"]

_E: TypeAlias = etree._Element


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters ``start:end`` of a provision's ``text()`` were rendered from ``element``."""

    start: int
    end: int
    element: _E

    @property
    def node(self) -> Node:
        """The source element as a typed view (``Sentence``, ``ArticleTitle``, ``ArticleCaption``, ``Fig`` …)."""
        return wrap(self.element)

    @property
    def tag(self) -> str:
        """Element name of the source element."""
        return str(self.element.tag)


def layout(e: _E, ruby: bool = False, with_number: bool = True, track: bool = False) -> tuple[str, list[Segment]]:
    """Lay out provision element *e*; return the text and (when *track*) its segments.

    Adjacent pieces rendered from the same element (a sentence's text around a ``Ruby`` or ``Sup``) form one
    segment; separators (``None`` pieces) and line breaks form none.
    """
    lines = provision_lines(e, ruby, with_number)
    if not track:
        return "\n".join(["".join([t for t, _ in line]) for line in lines]), []
    chunks: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for n, line in enumerate(lines):
        if n:
            chunks.append("\n")
            pos += 1
        current: _E | None = None
        start = pos
        for text, element in line:
            if element is not current:
                if current is not None and pos > start:
                    segments.append(Segment(start, pos, current))
                current = element
                start = pos
            chunks.append(text)
            pos += len(text)
        if current is not None and pos > start:
            segments.append(Segment(start, pos, current))
    return "".join(chunks), segments
