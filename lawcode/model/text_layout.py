"""A whole law as plain text, the way e-Gov prints it: the writer behind :meth:`Law.to_text`.

It lives in the model layer because it needs nothing but the tree and the layout rules of
:mod:`lawcode.model.render` (so that :meth:`Law.to_text` can delegate without the model importing ``io``);
the reader that turns this text back into a tree is :func:`lawcode.io.text.parse_text`.

Layout (one printed line per line; see docs/plaintext.md):

* 題名 (``LawTitle``) on the first line, the 法令番号 in parentheses on the second: 「（令和二年法律第八号）」;
  then the 制定文 (``EnactStatement``) lines;
* 「前文」 on a line of its own before the 前文 (``Preamble``) and a blank line after it: e-Gov files the same
  words (「…左ノ通定ム」) as a 制定文 in one law and as a 前文 in another, and a 本則 of unnumbered 項 may follow
  a 前文, so only these two lines tell the reader where the 前文 begins and ends;
* 「目次」, then its entries indented by one U+3000 per level (one more than :meth:`Provision.text`, so that a
  reader can tell the 目次 from the chapter headings that follow it);
* every provision exactly as :meth:`Provision.text` prints it (caption line, 「第三条　…」, 「２　…」, 「一　…」,
  「イ　…」, container headings, 「第十五条から第十七条まで　削除」) — except tables, and list lines (``List``,
  ``Sublist1`` …), which are indented by one U+3000 per level so that the reader can tell them from the text
  of a 号 and from the unnumbered 項 of an old law;
* 附則 as 「附　則」 followed by 「　（改正法の法令番号）」 and 「　抄」 when the XML says so;
* appendices (別表, 様式 …): title line, 「（第三条関係）」 line, contents; figures print 「［図］」;
* tables (``TableStruct``) in the *table notation*: one line per row, every cell between 「｜」 — 「｜区分｜金額｜」;
  a cell holding several lines writes them separated by 「＼」. This is the one place where the text differs
  from :meth:`Provision.text` (which joins cells with a U+3000 and cannot be read back unambiguously).
"""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

from lawcode.model.render import block_lines, inline_text
from lawcode.model.tags import PROVISION_TAG_SET, SENTENCE_OF, TITLE_OF

__all__ = ["law_text", "provision_text_lines", "CELL", "CELL_BREAK", "PREAMBLE_LABEL", "suppl_label_line"]

_E: TypeAlias = etree._Element
_SPACE = "\u3000"
#: Cell delimiter of the table notation.
CELL = "｜"
#: Line break inside a cell of the table notation.
CELL_BREAK = "＼"
#: The line printed before a 前文 (``Preamble``), as e-Gov's 目次 names it: e-Gov files running text before the
#: first article as 制定文 or as 前文 with the same words (「…左ノ通定ム」 is either), so the text says which.
PREAMBLE_LABEL = "前文"
#: Indentation (in U+3000) of the lines of a list (``List``, ``Sublist1`` …), by their sentence group.
_LIST_DEPTH = {"ListSentence": 1, "Sublist1Sentence": 2, "Sublist2Sentence": 3, "Sublist3Sentence": 4}
_TOC_ENTRY = ("TOCPart", "TOCChapter", "TOCSection", "TOCSubsection", "TOCDivision", "TOCArticle",
              "TOCSupplProvision")


def law_text(root: _E) -> str:
    """The text of a ``<Law>`` element (see the module docstring); ends with a line break."""
    out: list[str] = []
    body = None
    law_num = None
    for c in root:
        if c.tag == "LawNum":
            law_num = inline_text(c)
        elif c.tag == "LawBody":
            body = c
    if body is None:
        return ""
    title_done = False
    for c in body:
        tag = c.tag
        if not isinstance(tag, str):
            continue
        if tag == "LawTitle":
            out.append(inline_text(c))
            title_done = True
            if law_num:
                out.append(f"（{law_num}）")
            continue
        if not title_done and law_num:
            out.append(f"（{law_num}）")
            title_done = True
        if tag == "TOC":
            _toc(c, out)
        elif tag == "Preamble":
            out.append(PREAMBLE_LABEL)  # the reader cannot tell a 前文 from a 制定文 by their words alone
            _element(c, out)
            out.append("")  # and a blank line ends it: a 本則 of unnumbered 項 may follow
        elif tag == "SupplProvision":
            out.append(suppl_label_line(c))
            for cc in c:
                if cc.tag != "SupplProvisionLabel" and isinstance(cc.tag, str):
                    _element(cc, out)
        else:
            _element(c, out)
    return "\n".join(out) + "\n" if out else ""


def suppl_label_line(e: _E) -> str:
    """「附　則」, with 「　（令和二年法律第八号）」 for an 改正附則 and 「　抄」 for an extract."""
    label = ""
    for c in e:
        if c.tag == "SupplProvisionLabel":
            label = inline_text(c)
            break
    line = label or "附　則"
    amend = e.get("AmendLawNum")
    if amend:
        line += f"{_SPACE}（{amend}）"
    if e.get("Extract") == "true":
        line += f"{_SPACE}抄"
    return line


def provision_text_lines(e: _E) -> list[str]:
    """The lines of provision element *e* in the law text: :meth:`Provision.text` with tables in notation."""
    out: list[str] = []
    _element(e, out)
    return out


def _lines(e: _E, indent: bool = True) -> list[str]:
    out = []
    for line in block_lines(e):
        text = "".join([t for t, _ in line])
        if indent:
            depth = _list_depth(line)
            if depth:
                text = _SPACE * depth + text
        out.append(text)
    return out


def _list_depth(line: list[tuple[str, _E | None]]) -> int:
    """1 for a ``List`` line, 2 for a ``Sublist1`` line …, 0 for any other line (by the element of its first
    text): list lines are indented so that the reader can tell them from unnumbered 項 and from text of a 号."""
    first = next((el for _, el in line if el is not None), None)
    if first is None:
        return 0
    group = first.getparent()
    if group is not None and group.tag == "Column":
        group = group.getparent()
    if group is None:
        return 0
    return _LIST_DEPTH.get(str(group.tag), 0)


def _has_table(e: _E) -> bool:
    return next(e.iter("TableStruct"), None) is not None


def _element(e: _E, out: list[str]) -> None:
    tag = e.tag
    if not isinstance(tag, str):
        return
    if tag == "TableStruct":
        _table_struct(e, out)
    elif tag in PROVISION_TAG_SET and _has_table(e):
        _provision(e, out)
    else:
        out.extend(_lines(e))


def _provision(e: _E, out: list[str]) -> None:
    """A provision holding a table somewhere below: walked here so that the table gets the notation."""
    tag = e.tag
    if tag == "Article":
        number = ""
        first = True
        for c in e:
            ct = c.tag
            if ct == "ArticleTitle":
                number = inline_text(c)
            elif ct == "Paragraph" and first:
                _numbered(c, out, number)
                first = False
            elif isinstance(ct, str):
                _element(c, out)
        if first and number:
            out.append(number)
        return
    if tag in SENTENCE_OF:
        number = ""
        title_tag = TITLE_OF[str(tag)]
        for c in e:
            if c.tag == title_tag:
                number = inline_text(c)
                break
        _numbered(e, out, number)
        return
    for c in e:
        _element(c, out)


def _numbered(e: _E, out: list[str], number: str) -> None:
    sentence_tag = SENTENCE_OF[str(e.tag)]
    own_title = TITLE_OF.get(str(e.tag))
    head_done = False
    for c in e:
        ct = c.tag
        if ct == sentence_tag:
            lines = _lines(c)
            if number:
                lines = [number + _SPACE + lines[0]] + lines[1:] if lines else [number]
            out.extend(lines)
            head_done = True
        elif ct == own_title or not isinstance(ct, str):
            continue
        else:
            _element(c, out)
    if not head_done and number:
        out.append(number)


def _table_struct(e: _E, out: list[str]) -> None:
    for c in e:
        ct = c.tag
        if ct == "Table":
            for row in c:
                if isinstance(row.tag, str):
                    out.append(_row(row))
        elif isinstance(ct, str):
            _element(c, out)


def _row(row: _E) -> str:
    cells = []
    for cell in row:
        if isinstance(cell.tag, str):
            cells.append(CELL_BREAK.join(_lines(cell, indent=False)))
    return CELL + CELL.join(cells) + CELL


def _toc(e: _E, out: list[str]) -> None:
    if e.find("TOCLabel") is None:
        out.append("目次")  # the reader needs the label to know where the 目次 starts
    for c in e:
        ct = c.tag
        if ct in _TOC_ENTRY:
            _toc_entry(c, out, 1)
        elif ct == "TOCLabel":
            out.extend(_lines(c))
        elif isinstance(ct, str):  # 別表 labels, preamble label: entries too
            out.extend(_SPACE + line for line in _lines(c))


def _toc_entry(e: _E, out: list[str], depth: int) -> None:
    text = "".join(inline_text(c) for c in e if isinstance(c.tag, str) and not c.tag.startswith("TOC"))
    if text:
        out.append(_SPACE * depth + text)
    for c in e:
        if isinstance(c.tag, str) and c.tag.startswith("TOC"):
            _toc_entry(c, out, depth + 1)
