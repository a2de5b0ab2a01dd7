"""Provisions and 別表 holding tables, as the text an 改め文 quotes: the table notation plus cell attributes.

The table notation of :mod:`lawcode.model.text_layout` (「｜区分｜金額｜」, one row per line; docs/plaintext.md)
carries the text of the cells but not their layout: a cell spanning rows or columns (``rowspan``, ``colspan``)
or aligned (``Valign``, ``Align``, borders). A printed 改め文 draws the table; our text must say the same,
so a cell whose attributes differ from the usual cell of the base law starts with a *cell note*
「｛rowspan=2,Valign=top｝」 (U+FF5B … U+FF5D; ``-Name`` removes an attribute most cells carry). Only the quoted
text of the generated 改め文 uses these notes; :func:`read_cell_notes` turns them back into attributes after
the text reader (:func:`lawcode.io.text.parse_text`, which reads tables in provisions and appendices) has
built the elements. The reader itself is not changed.

:func:`write_provisions` / :func:`read_provisions` do this for 章・節 …, 条 and 項 holding tables (the text of
「第十条を次のように改める。」); :func:`read_paragraphs` for a 本則 of 項 only (「本則を次のように改める。」); :mod:`lawcode.amend.appendix` uses the same notes for 別表.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from lawcode.errors import LawcodeError, ParseError
from lawcode.io.text import parse_text
from lawcode.model.tags import CONTAINER_TAGS
from lawcode.model.text_layout import CELL, provision_text_lines

__all__ = ["CellDefaults", "cell_defaults", "has_table", "read_cell_notes", "read_paragraphs", "read_provisions",
           "write_cell_notes", "write_provisions"]

#: Attributes (name → value) that most table cells of the base law carry.
CellDefaults = dict[str, str]

#: What :func:`write_provisions` writes whole: 編・章・節・款・目, 条 and 項.
_WHOLE = frozenset({"Article", "Paragraph"} | set(CONTAINER_TAGS))
_NOTE = re.compile(r"^｛([^｛｝]*)｝")
_TABLE_LINE = re.compile(r"^[｜|]", re.MULTILINE)
_STUB = "注\n"
#: A 附則 reads its first running-text line as a 項 without number (the form of a 本則 of 項 only).
_SUPPL_STUB = "注\n附　則\n"


def has_table(text: str) -> bool:
    """Whether quoted provision *text* holds a line of the table notation."""
    return _TABLE_LINE.search(text) is not None


def cell_defaults(body: etree._Element) -> CellDefaults:
    """The attributes (with their value) found on at least 90 % of the table cells of *body* (and on two)."""
    cells = 0
    counts: dict[tuple[str, str], int] = {}
    for cell in body.iter("TableColumn"):
        cells += 1
        for item in cell.attrib.items():
            counts[item] = counts.get(item, 0) + 1
    return {k: v for (k, v), n in counts.items() if n >= 2 and n >= 0.9 * cells}


def _note(cell: etree._Element, defaults: CellDefaults) -> str:
    parts = [f"{k}={v}" for k, v in cell.attrib.items() if defaults.get(k) != v]
    parts += [f"-{k}" for k in defaults if cell.get(k) is None]
    return "｛" + ",".join(parts) + "｝" if parts else ""


def write_cell_notes(element: etree._Element, defaults: CellDefaults) -> etree._Element:
    """A copy of *element* whose table cells start with their cell note (for writing it as text). Raises
    ``ValueError`` for a cell the notation cannot carry (a cell holding provisions, or text with 「｜」)."""
    out = copy.deepcopy(element)
    for cell in out.iter("TableColumn"):
        children = [c for c in cell if isinstance(c.tag, str)]
        if any(c.tag != "Sentence" for c in children) or (cell.text or "").strip():
            raise ValueError("a table cell holding more than sentences")
        if any(CELL in "".join(c.itertext()) or "|" in "".join(c.itertext()) or "｛" in "".join(c.itertext())
               for c in children):
            raise ValueError("a table cell whose text holds the notation's marks")
        note = _note(cell, defaults)
        if not note:
            continue
        if not children:
            children = [etree.SubElement(cell, "Sentence")]
        first = children[0]
        if len(first):
            raise ValueError("inline markup at the start of a noted cell")
        first.text = note + (first.text or "")
    return out


def read_cell_notes(element: etree._Element, defaults: CellDefaults) -> None:
    """Give the cells of *element* (read from text) the base law's usual attributes and those of their cell note,
    and take the notes out of the text; an empty cell gets the empty ``<Sentence/>`` e-Gov writes (the only
    form of an empty cell in the shared corpus)."""
    for cell in element.iter("TableColumn"):
        for k, v in defaults.items():
            cell.set(k, v)
        if not any(isinstance(x.tag, str) for x in cell) and not (cell.text or "").strip():
            etree.SubElement(cell, "Sentence")  # e-Gov writes an empty cell as <Sentence/>, never bare
        sentences = [c for c in cell if c.tag == "Sentence"]
        m = _NOTE.match(sentences[0].text or "")
        if m is None:
            continue
        sentences[0].text = (sentences[0].text or "")[m.end():] or None
        for part in filter(None, m.group(1).split(",")):
            if part.startswith("-"):
                cell.attrib.pop(part[1:], None)
            else:
                key, _, value = part.partition("=")
                cell.set(key, value)
        attrs = dict(cell.attrib)  # the order e-Gov writes is not significant; keep it stable
        cell.attrib.clear()
        for k in sorted(attrs):
            cell.set(k, attrs[k])


def write_provisions(elements: list[etree._Element], defaults: CellDefaults) -> str:
    """条 or 項 holding tables written as text: the law text layout with cell notes. Raises ``ValueError`` when
    an element cannot be written so."""
    lines: list[str] = []
    for e in elements:
        if e.tag not in _WHOLE:
            raise ValueError(f"only 編章節款目, 条 and 項 with tables are written whole, not <{e.tag}>")
        lines.extend(provision_text_lines(write_cell_notes(e, defaults)))
    if not lines:
        raise ValueError("nothing to write")
    return "\n".join(lines)


def read_paragraphs(text: str, defaults: CellDefaults, *, source: str = "<text>") -> list[etree._Element]:
    """The 項 of a 本則 made of 項 only (the text of 「本則を次のように改める。」): the first without number, the
    others 「２　…」, tables in the notation with cell notes. Raises :class:`~lawcode.errors.ParseError` for
    text that is not such 項."""
    try:
        law = parse_text(_SUPPL_STUB + text + "\n", source=source)
    except LawcodeError as exc:
        raise ParseError(f"cannot read the quoted 項: {exc}", source=source) from None
    suppl = law.root.element.find("LawBody/SupplProvision")
    out = [copy.deepcopy(c) for c in suppl if isinstance(c.tag, str) and c.tag != "SupplProvisionLabel"] \
        if suppl is not None else []
    if not out or any(c.tag != "Paragraph" for c in out):
        raise ParseError("the quoted text must be 項 (the first without its number)", source=source)
    for c in out:
        c.tail = None
        read_cell_notes(c, defaults)
    return out


def read_provisions(text: str, defaults: CellDefaults, *, source: str = "<text>") -> list[etree._Element]:
    """The 条 or 項 written in *text* (by :func:`write_provisions`), read with the whole-law text reader, which
    knows tables. Raises :class:`~lawcode.errors.ParseError` for text that is not such provisions."""
    try:
        law = parse_text(_STUB + text + "\n", source=source)
    except LawcodeError as exc:
        raise ParseError(f"cannot read the quoted provisions with tables: {exc}", source=source) from None
    body = law.root.element.find("LawBody")
    main = body.find("MainProvision") if body is not None else None
    if body is None or main is None or any(c.tag not in ("LawTitle", "MainProvision") for c in body):
        raise ParseError("the quoted text is not provisions of the 本則", source=source)
    out = [copy.deepcopy(c) for c in main if isinstance(c.tag, str)]
    if not out or any(c.tag not in _WHOLE for c in out):
        raise ParseError("the quoted text with tables must be whole 編章節款目, 条 or 項", source=source)
    for c in out:
        c.tail = None
        read_cell_notes(c, defaults)
    return out
