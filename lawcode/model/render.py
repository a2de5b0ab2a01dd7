"""Plain-text rendering of law XML: every element becomes *lines* of *pieces* ``(text, source element)``.

The rendered text is *the* coordinate system of lawcode: reference spans, diffs and amendment targets are
character offsets into it, so the rules are few, fixed and independent of how the XML was serialised
(pretty-printed, compact, or indented with spaces and no line breaks all render alike).

Whitespace (XML whitespace: space, tab, CR, LF; the full-width space U+3000 is always content)

* In element-only content (``Article``, ``Paragraph``, ``TableRow``, ``TableColumn``, ``Column``, ``List`` …:
  every element that is not mixed content) whitespace-only text is layout and is never rendered.
* In mixed content (``Sentence``, titles, captions, labels, ``Ruby``, ``Line``, ``QuoteStruct``,
  ``ArithFormula``, ``Note``/``Style``/``Format``) a whitespace-only text node between elements (an element's
  text before its first child, or any tail) is layout, exactly as :func:`lawcode.io.canonical_xml` drops it;
  every other character is kept, except that a run of XML whitespace containing a line break is dropped (a
  printed sentence never breaks inside; such runs are the indentation of a pretty-printer that wrapped text).

Inline conventions (mixed content, one line)

* ``Rt`` ruby readings are dropped, or written ``漢字（かんじ）`` with ``ruby=True``; ``Line`` keeps its text.
* ``Sup``/``Sub`` stay distinguishable from the text around them: when every character has a Unicode
  superscript (subscript) form — digits in either width, ``+ − = ( )`` and, for ``Sup``, ``n``/``i`` — they are
  written that way (``１×１０<Sup>５</Sup>`` → ``１×１０⁵``, ``ｍ<Sup>２</Sup>`` → ``ｍ²``); otherwise as
  ``^{…}`` / ``_{…}`` (``<Sup>１０３ｍ</Sup>`` → ``^{１０３ｍ}``).
* ``Fig`` (an image or PDF stored outside the XML) prints the placeholder ``［図］`` — inline where it sits in a
  sentence (a formula image), on its own line as a block (``FigStruct``, 別記様式).
* Block content quoted inside a sentence (a table or 号 in ``QuoteStruct``, a list in ``ArithFormula``) stays
  on the sentence's line: its lines, laid out as below, are joined by one U+3000.

Block layout (one line per printed unit)

* A sentence group (``ParagraphSentence``, ``ItemSentence``, ``ListSentence``, ``Sublist1Sentence`` …) is one
  line: its ``Sentence`` elements follow each other without separator (本文 + ただし書, 前段 + 後段, as printed);
  its ``Column`` elements are joined by one U+3000 (「一　個人情報　…」; the schema's ``LineBreak`` attribute
  of ``Column`` is not used, so that one rule holds everywhere); a ``Table`` inside it starts new lines.
* ``List`` prints its ``ListSentence`` line, then each ``Sublist1`` … ``Sublist3`` line, in document order.
* A table prints one line per row: the cells joined by one U+3000 when every cell is at most one line;
  otherwise (a cell with several sentences, 号 or a figure) every line of every cell, cell after cell.
  Inside a cell each ``Sentence`` is a line of its own, consecutive ``Column`` elements share one line.
* Titles, captions, labels and remarks print on their own line; provisions met inside blocks (号 in a table
  cell or in 備考) print as provisions (``一　…``).
* A provision prints its caption line, ``第三条　`` + its first 項, later 項 as ``２　…``, 号 and 細分 as
  ``一　…`` / ``イ　…``; containers, 附則, 目次 and appendices print their title line, then their contents;
  目次 entries are indented by one U+3000 per level below the first.
* Nothing prints an empty line: a line without characters (an empty caption, a row of empty cells) is left out.

Every text piece carries the element it was rendered from: the innermost *text element* (``Sentence``, a
title, caption or label, ``TableHeaderColumn``, ``Fig``, or a ``Note``/``Style``/``Format`` holding text
directly); ``Ruby``/``Sup``/``Sub``/``Line`` belong to the text element around them. Separators (the U+3000
between number and text, between ``Column`` elements and cells) carry ``None``.
:mod:`lawcode.model.layout` turns these lines into the text and the segments of a provision.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

from lawcode.model.tags import PROVISION_TAG_SET, SENTENCE_OF, TITLE_OF
from lawcode.text.normalize import XML_WHITESPACE

__all__ = [
    "Piece",
    "FIG_PLACEHOLDER",
    "TEXT_TAGS",
    "inline_text",
    "sentences_text",
    "block_text",
    "block_lines",
    "provision_lines",
    "strip_layout_whitespace",
    "script_text",
]

_E: TypeAlias = etree._Element
#: A rendered piece of text and the element it came from (``None`` for layout separators).
Piece: TypeAlias = "tuple[str, etree._Element | None]"
_Line: TypeAlias = "list[tuple[str, etree._Element | None]]"

_SPACE = "\u3000"
_SEP: tuple[str, None] = (_SPACE, None)
#: What a ``Fig`` prints (a visible mark where an image or PDF stands in the printed law).
FIG_PLACEHOLDER = "［図］"

_BREAK_RUN = re.compile(r"[ \t\r\n]*[\r\n][ \t\r\n]*")

_SUBITEM_TITLES = tuple(f"Subitem{i}Title" for i in range(1, 11))
# Mixed-content elements whose text is printed as one unit and gets its own segment (no `#:`: a frozenset
# repr is not stable between documentation builds).
TEXT_TAGS = frozenset(
    (
        "LawNum", "LawTitle", "EnactStatement", "TOCLabel", "TOCPreambleLabel", "TOCAppdxTableLabel",
        "ArticleRange", "PartTitle", "ChapterTitle", "SectionTitle", "SubsectionTitle", "DivisionTitle",
        "ArticleTitle", "ArticleCaption", "ParagraphCaption", "ParagraphNum", "SupplNote", "ClassTitle",
        "ItemTitle", "Sentence", "SupplProvisionLabel", "SupplProvisionAppdxTableTitle",
        "SupplProvisionAppdxStyleTitle", "AppdxTableTitle", "AppdxNoteTitle", "AppdxStyleTitle",
        "AppdxFormatTitle", "ArithFormulaNum", "AppdxFigTitle", "TableStructTitle", "TableHeaderColumn",
        "FigStructTitle", "NoteStructTitle", "StyleStructTitle", "FormatStructTitle", "RelatedArticleNum",
        "RemarksLabel",
    )
    + _SUBITEM_TITLES
)
#: Mixed content that stays on the line of the text around it.
_INLINE_TAGS = frozenset(("Ruby", "Line", "QuoteStruct", "ArithFormula"))
#: Free-form content (schema type ``any``): text, inline elements and blocks mixed.
_FLOW_TAGS = frozenset(("Note", "Style", "Format", "QuoteStruct", "ArithFormula"))
#: Sentence groups: one line each (Sentences concatenated, Columns joined by U+3000).
_GROUP_TAGS = frozenset(
    ("ParagraphSentence", "ItemSentence", "ClassSentence", "AmendProvisionSentence", "ListSentence",
     "Sublist1Sentence", "Sublist2Sentence", "Sublist3Sentence", "Column")
    + tuple(f"Subitem{i}Sentence" for i in range(1, 11))
)
#: Element-only content of the schema (whitespace in them is always layout).
_ELEMENT_ONLY = frozenset(
    (
        "Law", "LawBody", "TOC", "TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision",
        "TOCArticle", "TOCSupplProvision", "AmendProvision", "NewProvision", "TableStruct", "Table", "TableRow",
        "TableHeaderRow", "TableColumn", "FigStruct", "NoteStruct", "StyleStruct", "FormatStruct", "Remarks",
        "List", "Sublist1", "Sublist2", "Sublist3", "Fig",
    )
)
#: In a sentence, these are blocks (flattened onto the sentence's line); anything else unknown is inline.
_BLOCK_TAGS = _ELEMENT_ONLY | _GROUP_TAGS | TEXT_TAGS | PROVISION_TAG_SET | frozenset(("Note", "Style", "Format"))
_FLOW_INLINE = _INLINE_TAGS | frozenset(("Rt", "Sup", "Sub"))
_TOC_ENTRIES = frozenset(
    ("TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision", "TOCArticle", "TOCSupplProvision")
)
_NUMBERED_SKIP = frozenset(("ArticleTitle", "ArticleCaption", "ParagraphNum", "ParagraphCaption", "ItemTitle"))

_SUP = dict(zip("0123456789０１２３４５６７８９+＋-−－=＝(（)）ni",
                "⁰¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁺⁻⁻⁻⁼⁼⁽⁽⁾⁾ⁿⁱ", strict=True))
_SUB = dict(zip("0123456789０１２３４５６７８９+＋-−－=＝(（)）",
                "₀₁₂₃₄₅₆₇₈₉₀₁₂₃₄₅₆₇₈₉₊₊₋₋₋₌₌₍₍₎₎", strict=True))


# -- whitespace -----------------------------------------------------------------------------------------------
def _blank(text: str) -> bool:
    return not text.strip(XML_WHITESPACE)


def strip_layout_whitespace(text: str) -> str:
    """Drop every run of XML whitespace that contains a line break (the indentation of wrapped text)."""
    if "\n" not in text and "\r" not in text:
        return text
    return _BREAK_RUN.sub("", text)


def _own_text(e: _E) -> bool:
    """True when element-only content carries non-whitespace text (schema-invalid, but never dropped)."""
    text = e.text
    if text and not _blank(text):
        return True
    for c in e:
        tail = c.tail
        if tail and not _blank(tail):
            return True
    return False


# -- inline (mixed content, one line) -----------------------------------------------------------------------
def script_text(text: str, tag: str) -> str:
    """Text of a ``Sup`` (*tag* ``"Sup"``) or ``Sub``: Unicode super/subscripts when all exist, else ``^{…}``/``_{…}``."""
    if not text:
        return ""
    table = _SUP if tag == "Sup" else _SUB
    try:
        return "".join([table[ch] for ch in text])
    except KeyError:
        return ("^{" if tag == "Sup" else "_{") + text + "}"


def _inline(e: _E, ruby: bool, owner: _E | None, out: _Line) -> None:
    """Append the pieces of *e*'s content (not its tail) to *out*, text attributed to *owner*."""
    text = e.text
    if text:
        if len(e) and _blank(text):
            pass
        else:
            text = strip_layout_whitespace(text)
            if text:
                out.append((text, owner))
    after_block = False
    for c in e:
        tag = c.tag
        if not isinstance(tag, str):  # comment or processing instruction: only its tail is content
            pass
        elif tag == "Fig":
            out.append((FIG_PLACEHOLDER, c))
        elif tag in _BLOCK_TAGS:
            lines: list[_Line] = []
            _block(c, ruby, lines)
            for line in lines:
                if after_block:
                    out.append(_SEP)
                out.extend(line)
                after_block = True
            tail = c.tail
            if tail and not _blank(tail):
                after_block = False
                tail = strip_layout_whitespace(tail)
                if tail:
                    out.append((tail, owner))
            continue
        else:  # Ruby, Rt, Sup, Sub, Line, QuoteStruct, ArithFormula and unknown inline elements
            _inline_child(c, ruby, owner, out)
        after_block = False
        tail = c.tail
        if tail and not _blank(tail):
            tail = strip_layout_whitespace(tail)
            if tail:
                out.append((tail, owner))


def inline_text(element: _E, ruby: bool = False) -> str:
    """Text of a mixed-content element (Sentence, titles, captions, Line, Ruby …) as one line."""
    if element.tag == "Fig":
        return FIG_PLACEHOLDER
    out: _Line = []
    _inline(element, ruby, element, out)
    return "".join([t for t, _ in out])


# -- blocks ---------------------------------------------------------------------------------------------------
def _emit(out: list[_Line], line: _Line) -> None:
    if line:
        out.append(line)


def _block(e: _E, ruby: bool, out: list[_Line]) -> None:
    """Append the lines of *e* in block context."""
    tag = e.tag
    if not isinstance(tag, str):
        return
    if tag in PROVISION_TAG_SET:
        _provision(e, ruby, out, True)
    elif tag in TEXT_TAGS:
        line: _Line = []
        _inline(e, ruby, e, line)
        _emit(out, line)
    elif tag in _GROUP_TAGS:
        _group(e, ruby, out, None)
    elif tag == "TableRow" or tag == "TableHeaderRow":
        _row(e, ruby, out)
    elif tag == "Fig":
        out.append([(FIG_PLACEHOLDER, e)])
    elif tag in _FLOW_TAGS:
        _flow(e, ruby, out)
    elif tag in _FLOW_INLINE:  # Ruby, Line, Sup … out of place: one line, rendered as inside a sentence
        line = []
        _inline_child(e, ruby, e, line)
        _emit(out, line)
    elif _own_text(e) or (len(e) == 0 and tag not in _ELEMENT_ONLY):
        _flow(e, ruby, out)  # stray text in element-only content, or an unknown element: shown, never lost
    elif tag in _TOC_ENTRIES:
        _toc_entry(e, ruby, out, 0)
    elif tag == "TableColumn":
        _cell(e, ruby, out)
    else:
        for c in e:
            _block(c, ruby, out)


def _flow(e: _E, ruby: bool, out: list[_Line]) -> None:
    """Free-form content in block context: text and inline elements fill lines, other elements are blocks."""
    line: _Line = []
    text = e.text
    if text and not (len(e) and _blank(text)):
        text = strip_layout_whitespace(text)
        if text:
            line.append((text, e))
    for c in e:
        tag = c.tag
        if not isinstance(tag, str):
            pass
        elif tag in _FLOW_INLINE or tag not in _BLOCK_TAGS:
            _inline_child(c, ruby, e, line)
        else:
            _emit(out, line)
            line = []
            _block(c, ruby, out)
        tail = c.tail
        if tail and not _blank(tail):
            tail = strip_layout_whitespace(tail)
            if tail:
                line.append((tail, e))
    _emit(out, line)


def _inline_child(c: _E, ruby: bool, owner: _E | None, out: _Line) -> None:
    """One inline element (Ruby, Rt, Sup, Sub, Line …) and its content, text attributed to *owner*."""
    tag = c.tag
    if tag == "Rt":
        if ruby:
            out.append(("（", owner))
            _inline(c, ruby, owner, out)
            out.append(("）", owner))
    elif tag == "Sup" or tag == "Sub":
        parts: _Line = []
        _inline(c, ruby, owner, parts)
        scripted = script_text("".join([t for t, _ in parts]), tag)
        if scripted:
            out.append((scripted, owner))
    else:
        _inline(c, ruby, owner, out)


def _group(e: _E, ruby: bool, out: list[_Line], prefix: _Line | None) -> None:
    """A sentence group: one line (after *prefix*), Sentences concatenated, Columns joined by U+3000."""
    line: _Line = list(prefix) if prefix else []
    first_column = True
    for c in e:
        tag = c.tag
        if tag == "Sentence":
            _inline(c, ruby, c, line)
        elif tag == "Column":
            if not first_column:
                line.append(_SEP)
            first_column = False
            for s in c:
                if s.tag == "Sentence":
                    _inline(s, ruby, s, line)
        elif isinstance(tag, str):  # a Table in an ItemSentence, or anything unforeseen: lines of its own
            _emit(out, line)
            line = []
            _block(c, ruby, out)
            first_column = True
    _emit(out, line)


def _row(e: _E, ruby: bool, out: list[_Line]) -> None:
    """A table row: cells joined by U+3000 when each is one line at most, else every cell line on its own."""
    cells: list[list[_Line]] = []
    for c in e:
        if isinstance(c.tag, str):
            lines: list[_Line] = []
            _block(c, ruby, lines)
            cells.append(lines)
    if all(len(lines) <= 1 for lines in cells):
        if not any(cells):
            return
        line: _Line = []
        for i, lines in enumerate(cells):
            if i:
                line.append(_SEP)
            if lines:
                line.extend(lines[0])
        out.append(line)
    else:
        for lines in cells:
            out.extend(lines)


def _cell(e: _E, ruby: bool, out: list[_Line]) -> None:
    """A ``TableColumn``: each Sentence on its own line, consecutive Columns on one line, blocks as blocks."""
    columns: _Line | None = None
    for c in e:
        tag = c.tag
        if tag == "Column":
            if columns is None:
                columns = []
            else:
                columns.append(_SEP)
            for s in c:
                if s.tag == "Sentence":
                    _inline(s, ruby, s, columns)
            continue
        if columns is not None:
            _emit(out, columns)
            columns = None
        if isinstance(tag, str):
            _block(c, ruby, out)
    if columns is not None:
        _emit(out, columns)


def block_lines(element: _E, ruby: bool = False) -> list[_Line]:
    """Lines of pieces of *element* laid out as a block (see the module docstring)."""
    out: list[_Line] = []
    _block(element, ruby, out)
    return out


def _join(lines: list[_Line]) -> str:
    return "\n".join(["".join([t for t, _ in line]) for line in lines])


def block_text(element: _E, ruby: bool = False) -> str:
    """Text of any element laid out as a block: one line per sentence group, row, title … (module docstring)."""
    return _join(block_lines(element, ruby))


def sentences_text(container: _E, ruby: bool = False) -> str:
    """Text of a sentence group (ParagraphSentence, ItemSentence, Subitem…Sentence, ListSentence …)."""
    out: list[_Line] = []
    _group(container, ruby, out, None)
    return _join(out)


# -- provisions -----------------------------------------------------------------------------------------------
#: Where sub-provisions sit in a provision's lines: ``element -> (first line, end line)``.
Marks: TypeAlias = "dict[_E, tuple[int, int]]"


def provision_lines(e: _E, ruby: bool = False, with_number: bool = True, marks: Marks | None = None) -> list[_Line]:
    """Lines of provision element *e* as :meth:`Provision.text` prints it (without its own number if not
    *with_number*: 「第三条　」, 「２　」 and the 「第一章」 of 「第一章　総則」 are left out).

    With *marks*, record for every sub-provision laid out with its own number (every 項, 号, 細分 … except
    an article's first 項, which prints the article's number) the range of lines it fills: those lines are
    exactly :func:`provision_lines` of that sub-provision alone, so its text is a slice of this one's.
    """
    out: list[_Line] = []
    _provision(e, ruby, out, with_number, marks)
    return out


def _marked(c: _E, ruby: bool, out: list[_Line], marks: Marks | None) -> None:
    """Lay out sub-provision *c* with its number; with *marks*, record the lines it fills."""
    if marks is None:
        _provision(c, ruby, out, True)
        return
    first = len(out)
    _provision(c, ruby, out, True, marks)
    marks[c] = (first, len(out))


def _provision(e: _E, ruby: bool, out: list[_Line], with_number: bool, marks: Marks | None = None) -> None:
    tag = e.tag
    if tag == "Article":
        _article(e, ruby, out, with_number, marks)
        return
    sentence_tag = SENTENCE_OF.get(tag)
    if sentence_tag is not None:
        number: _Line = []
        if with_number:
            title_tag = TITLE_OF[tag]
            for c in e:
                if c.tag == title_tag:
                    _inline(c, ruby, c, number)
                    break
        _numbered(e, ruby, out, number, sentence_tag, marks)
        return
    container_title = TITLE_OF.get(tag)
    for c in e:
        ct = c.tag
        if not isinstance(ct, str):
            continue
        if ct == container_title:
            if with_number:
                line: _Line = []
                _inline(c, ruby, c, line)
                _emit(out, line)
            else:  # drop 「第一章」 of 「第一章　総則」
                text = inline_text(c, ruby)
                text = text.partition(_SPACE)[2] if _SPACE in text else ""
                if text:
                    out.append([(text, c)])
        elif ct in PROVISION_TAG_SET:
            _marked(c, ruby, out, marks)
        elif ct in _TOC_ENTRIES:
            _toc_entry(c, ruby, out, 0)
        else:
            _block(c, ruby, out)


def _article(e: _E, ruby: bool, out: list[_Line], with_number: bool, marks: Marks | None = None) -> None:
    number: _Line = []
    first = True
    for c in e:
        ct = c.tag
        if ct == "ArticleTitle":
            if with_number:
                _inline(c, ruby, c, number)
        elif ct == "Paragraph":
            if first:
                _numbered(c, ruby, out, number, "ParagraphSentence", marks)
                first = False
            else:
                _marked(c, ruby, out, marks)
        elif isinstance(ct, str):  # ArticleCaption, SupplNote, anything unforeseen
            _block(c, ruby, out)
    if first and number:
        out.append(number)


def _numbered(e: _E, ruby: bool, out: list[_Line], number: _Line, sentence_tag: str,
              marks: Marks | None = None) -> None:
    """A 項, 号 or 細分: caption line, then ``number　sentences``, then its children."""
    head_done = False
    own_title = TITLE_OF.get(e.tag)
    prefix: _Line | None = number + [_SEP] if number else None
    for c in e:
        ct = c.tag
        if ct == sentence_tag:
            _group(c, ruby, out, prefix)
            head_done = True
        elif ct == "ParagraphCaption":
            _block(c, ruby, out)
        elif ct in _NUMBERED_SKIP or ct == own_title or not isinstance(ct, str):
            continue
        elif ct in PROVISION_TAG_SET:
            _marked(c, ruby, out, marks)
        else:
            _block(c, ruby, out)
    if not head_done and number:
        out.append(number)


def _toc_entry(e: _E, ruby: bool, out: list[_Line], depth: int) -> None:
    line: _Line = [(_SPACE * depth, None)] if depth else []
    for c in e:
        ct = c.tag
        if isinstance(ct, str) and not ct.startswith("TOC"):
            _inline(c, ruby, c, line)
    if len(line) > (1 if depth else 0):
        out.append(line)
    for c in e:
        if isinstance(c.tag, str) and c.tag.startswith("TOC"):
            _toc_entry(c, ruby, out, depth + 1)
