"""Ruby (振り仮名, 傍点) in the quoted text of a generated 改め文: 「｟賂《ろ》｠」.

e-Gov marks readings with ``<Ruby>賂<Rt>ろ</Rt></Ruby>`` (and emphasis dots with one ``Rt`` per character:
``<Ruby>せ<Rt>ヽ</Rt>い<Rt>ヽ</Rt></Ruby>``). A printed 改め文 prints the reading beside the character; the plain
text of a quoted provision needs a notation, and the text readers of :mod:`lawcode.io.text` know none. So the
generator writes a ruby as 「｟base《reading》…｠」 — the base and reading pairs of the Aozora Bunko notation
(``《》``), held between U+FF5F and U+FF60, two characters no statute uses, so that neither 「｜」 (the table
notation's cell mark) nor plain 《》 in a text is ever taken for a ruby. :func:`ruby_to_text` turns the
elements of a copy into the notation before it is written; :func:`text_to_ruby` turns the notation back into
elements after the applier has read the text.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from lawcode.amend.textedit import replace_with_text

__all__ = ["OPEN", "CLOSE", "ruby_to_text", "text_to_ruby", "has_ruby"]

OPEN, CLOSE = "\uff5f", "\uff60"
_RUBY = re.compile(OPEN + r"((?:[^" + OPEN + CLOSE + r"《》]+《[^《》]*》)+)" + CLOSE)
_PAIR = re.compile(r"([^《》]+)《([^《》]*)》")


def has_ruby(text: str) -> bool:
    """Whether *text* holds the ruby notation."""
    return OPEN in text


def _notation(ruby: etree._Element) -> str:
    """「｟賂《ろ》｠」 for ``<Ruby>賂<Rt>ろ</Rt></Ruby>``; raises ``ValueError`` for a ruby of another shape."""
    pairs = []
    base = ruby.text or ""
    for rt in ruby:
        if not isinstance(rt.tag, str):
            continue
        if rt.tag != "Rt" or len(rt) or not base.strip():
            raise ValueError("a ruby that is not base and reading pairs")
        pairs.append(f"{base.strip()}《{rt.text or ''}》")
        base = rt.tail or ""
    if base.strip() or not pairs:
        raise ValueError("a ruby with text after its last reading")
    text = "".join(pairs)
    if any(c in text for c in (OPEN, CLOSE)):
        raise ValueError("the notation's marks inside a ruby")
    return OPEN + text + CLOSE


def ruby_to_text(element: etree._Element) -> etree._Element:
    """A copy of *element* with every ``Ruby`` written in the notation (text, no markup). Raises ``ValueError``
    for a ruby the notation cannot carry, or for text that already holds the notation's marks."""
    out = copy.deepcopy(element)
    if any(OPEN in t or CLOSE in t for t in out.itertext()):
        raise ValueError("the ruby notation's marks in the text itself")
    for ruby in list(out.iter("Ruby")):
        replace_with_text(ruby, _notation(ruby))
    return out


def text_to_ruby(element: etree._Element) -> None:
    """Turn the notation in the text of *element* and its descendants back into ``Ruby`` elements, in place."""
    for e in list(element.iter()):
        if not isinstance(e.tag, str):
            continue
        if e.text and OPEN in e.text:
            pieces = _split(e.text)
            e.text = pieces[0] if isinstance(pieces[0], str) else None
            rest = pieces[1:] if isinstance(pieces[0], str) else pieces
            _insert(e, 0, rest)
        for child in list(e):
            if isinstance(child.tag, str) and child.tail and OPEN in child.tail:
                pieces = _split(child.tail)
                child.tail = pieces[0] if isinstance(pieces[0], str) else None
                rest = pieces[1:] if isinstance(pieces[0], str) else pieces
                _insert(e, e.index(child) + 1, rest)


def _split(text: str) -> list[str | etree._Element]:
    out: list[str | etree._Element] = []
    pos = 0
    for m in _RUBY.finditer(text):
        out.append(text[pos:m.start()])
        ruby = etree.Element("Ruby")
        last: etree._Element | None = None
        for base, reading in _PAIR.findall(m.group(1)):
            if last is None:
                ruby.text = base
            else:
                last.tail = base
            last = etree.SubElement(ruby, "Rt")
            last.text = reading
        out.append(ruby)
        pos = m.end()
    out.append(text[pos:])
    return out


def _insert(parent: etree._Element, index: int, pieces: list[str | etree._Element]) -> None:
    """Insert the rubies of *pieces* at *index*, each followed (as its tail) by the text after it."""
    last: etree._Element | None = None
    for piece in pieces:
        if isinstance(piece, str):
            if last is not None:
                last.tail = (last.tail or "") + piece or None
            continue
        parent.insert(index, piece)
        index += 1
        last = piece
