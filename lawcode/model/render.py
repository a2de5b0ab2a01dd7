"""Plain-text rendering of law XML elements.

The rendered text is *the* coordinate system of lawcode: reference spans, diffs and amendment targets are
character offsets into what these functions return, so the rules are few and fixed:

* mixed content (sentences, titles, captions) is concatenated in document order; ``Rt`` ruby readings are
  dropped unless ``ruby=True`` (then written as ``漢字（かんじ）``); ``Line``/``Sup``/``Sub`` keep their text;
* whitespace that only serves pretty-printing (a run of XML whitespace containing a newline at either end of
  a text node) is dropped; any other character, including the full-width space U+3000, is kept;
* several ``Sentence`` elements of one sentence group are joined without separator (as printed in 官報);
  ``Column`` elements are joined with one full-width space, as e-Gov prints 「一　個人情報　…」.
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

__all__ = ["inline_text", "sentences_text", "sentence_pieces", "block_text", "strip_layout_whitespace"]

_LAYOUT_WS = re.compile(r"^[ \t\r]*\n[ \t\r\n]*|[ \t\r\n]*\n[ \t\r]*$")
_Comment = etree._Comment
_PI = etree._ProcessingInstruction


def strip_layout_whitespace(text: str) -> str:
    """Remove indentation runs (XML whitespace containing a newline) at both ends of *text*."""
    if "\n" not in text:
        return text
    return _LAYOUT_WS.sub("", text)


def inline_text(element: etree._Element, ruby: bool = False) -> str:
    """Text of a mixed-content element (Sentence, titles, captions, Line, Ruby …) as one string."""
    out: list[str] = []
    _inline(element, ruby, out)
    return "".join(out)


def _inline(element: etree._Element, ruby: bool, out: list[str]) -> None:
    text = element.text
    if text:
        out.append(strip_layout_whitespace(text) if "\n" in text else text)
    for child in element:
        tag = child.tag
        if tag == "Rt":
            if ruby:
                out.append("（")
                _inline(child, ruby, out)
                out.append("）")
        elif isinstance(child, (_Comment, _PI)):
            pass
        else:
            _inline(child, ruby, out)
        tail = child.tail
        if tail:
            out.append(strip_layout_whitespace(tail) if "\n" in tail else tail)


def sentence_pieces(container: etree._Element, ruby: bool = False) -> list[tuple[str, etree._Element | None]]:
    """The pieces of a sentence group, each with the element it came from (``None`` for separators).

    ``Sentence`` children follow each other without separator; ``Column`` children are separated by one
    full-width space (and their own sentences concatenated); a ``Table`` is rendered row by row.
    """
    pieces: list[tuple[str, etree._Element | None]] = []
    first_column = True
    for child in container:
        tag = child.tag
        if tag == "Sentence":
            pieces.append((inline_text(child, ruby), child))
        elif tag == "Column":
            if not first_column:
                pieces.append(("\u3000", None))
            first_column = False
            for s in child:
                if s.tag == "Sentence":
                    pieces.append((inline_text(s, ruby), s))
        elif isinstance(child, (_Comment, _PI)):
            continue
        else:
            pieces.append((block_text(child, ruby), child))
    return pieces


def sentences_text(container: etree._Element, ruby: bool = False) -> str:
    """Text of a sentence group (ParagraphSentence, ItemSentence, Subitem…Sentence, ListSentence …)."""
    return "".join(text for text, _ in sentence_pieces(container, ruby))


def block_text(element: etree._Element, ruby: bool = False) -> str:
    """Text of a structural element without provision layout (tables, quoted structures, notes …)."""
    lines = list(_block_lines(element, ruby))
    return "\n".join(line for line in lines if line)


def _block_lines(element: etree._Element, ruby: bool) -> Iterable[str]:
    tag = element.tag
    if tag in ("TableRow", "TableHeaderRow"):
        yield "\u3000".join(block_text(col, ruby).replace("\n", "\u3000") for col in element)
        return
    if len(element) == 0 or _has_own_text(element):
        yield inline_text(element, ruby)
        return
    for child in element:
        if isinstance(child, (_Comment, _PI)):
            continue
        yield from _block_lines(child, ruby)


def _has_own_text(element: etree._Element) -> bool:
    text = element.text
    if text and text.strip(" \t\r\n"):
        return True
    return any(child.tail and child.tail.strip(" \t\r\n") for child in element)
