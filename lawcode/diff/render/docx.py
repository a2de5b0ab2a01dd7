"""The 新旧対照表 as a Word document (``.docx``), for the offices that file it that way.

Same content as the HTML (:mod:`lawcode.diff.render.html`): title, law number, versions, the note
「（傍線部分は改正部分）」, then one two-column table — 改正後 left, 改正前 right — with a heading row that
repeats on every page, one paragraph per printed line and underlined runs (傍線) for the changes. The page
is A4 landscape; the text is set in a Mincho face (``ＭＳ 明朝`` by default) for Japanese *and* Latin
characters, written as ``w:eastAsia`` as well, since Word picks the East Asian font from that attribute.

Needs the optional dependency ``python-docx`` (``pip install "lawcode[docx]"``); without it
:func:`render_docx` raises :class:`~lawcode.errors.DiffError` saying so.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lawcode.diff.render.rowmodel import COLUMNS, NOTE, Cell, Line, ShinkyuTable
from lawcode.errors import DiffError

__all__ = ["render_docx", "DEFAULT_FONT"]

#: The Mincho face Japanese government documents use; any installed face name works.
DEFAULT_FONT = "ＭＳ 明朝"
_INDENT_MM = 3.7  # one character of 10.5 pt


def _docx() -> Any:
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the environment
        raise DiffError("writing a .docx needs python-docx: pip install 'lawcode[docx]' (or python-docx)",
                        where="render_docx()") from None
    return docx


def _set_font(style_or_run: Any, font: str, size_pt: float | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style_or_run.font.name = font
    if size_pt is not None:
        style_or_run.font.size = Pt(size_pt)
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def _line(cell_obj: Any, line: Line, first: bool) -> None:
    from docx.shared import Mm

    para = cell_obj.paragraphs[0] if first else cell_obj.add_paragraph()
    fmt = para.paragraph_format
    fmt.space_before = fmt.space_after = 0
    level = min(line.level, 5)
    if line.role in ("caption",):
        fmt.left_indent = Mm(_INDENT_MM * (level + 1))
    elif line.role in ("heading", "context"):
        fmt.left_indent = Mm(_INDENT_MM * (level + 2))
    else:  # hanging indent: the number stands out, the text wraps one character in
        fmt.left_indent = Mm(_INDENT_MM * (level + 1))
        fmt.first_line_indent = Mm(-_INDENT_MM)
    for r in line.runs:
        run = para.add_run(r.text)
        if r.changed:
            run.underline = True


def _cell(cell_obj: Any, cell: Cell) -> None:
    if cell.marker is not None:
        from docx.shared import Mm

        para = cell_obj.paragraphs[0]
        para.paragraph_format.left_indent = Mm(_INDENT_MM)
        para.add_run(cell.marker)
        return
    for i, line in enumerate(cell.lines):
        _line(cell_obj, line, i == 0)


def _repeat_header(row: Any) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(el)


def write_docx(table: ShinkyuTable, path: str | os.PathLike[str], *, font: str = DEFAULT_FONT) -> Path:
    """Write a built row model to *path* (see :func:`render_docx`)."""
    docx = _docx()
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    doc = docx.Document()
    normal = doc.styles["Normal"]
    _set_font(normal, font, 10.5)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))

    h = table.header
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(h.caption)
    run.bold = True
    _set_font(run, font, 14)
    if h.law_num:
        p = doc.add_paragraph(f"（{h.law_num}）")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = [f"改正後　{h.new.describe()}", f"改正前　{h.old.describe()}"]
    if h.amending_law:
        lines.append(f"改正法令　{h.amending_law}")
    elif h.amending_laws:
        lines.append(f"この間の改正法令（{len(h.amending_laws)}件）　" + "、".join(h.amending_laws))
    for text in lines:
        p = doc.add_paragraph(text)
        p.paragraph_format.space_after = 0
    note = doc.add_paragraph(NOTE)
    note.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    grid = doc.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    width = Mm((297 - 30) / 2)
    head = grid.rows[0]
    _repeat_header(head)
    for i, name in enumerate(COLUMNS):
        head.cells[i].width = width
        para = head.cells[i].paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(name)
    for row in table.rows:
        cells = grid.add_row().cells
        cells[0].width = cells[1].width = width
        _cell(cells[0], row.new)
        _cell(cells[1], row.old)
    if h.omitted:
        doc.add_paragraph(f"※ 改正法令の附則（{len(h.omitted)}件）は、この表に掲げていない。")
    out = Path(path)
    try:
        doc.save(str(out))
    except OSError as exc:
        raise DiffError(f"cannot write the .docx: {exc.strerror or exc}", where=str(out)) from None
    return out


def render_docx(d: object, path: str | os.PathLike[str], *, elide: bool = True,
                font: str = DEFAULT_FONT) -> Path:
    """Write the 新旧対照表 of a :class:`~lawcode.diff.lawdiff.LawDiff` (or of a built
    :class:`~lawcode.diff.render.rowmodel.ShinkyuTable`) to the ``.docx`` file *path*; return the path.

    *font* is the face for all text (East Asian and Latin). Raises :class:`~lawcode.errors.DiffError` when
    python-docx is missing or the file cannot be written.
    """
    from lawcode.diff.render.table import as_table

    _docx()
    return write_docx(as_table(d, elide=elide), path, font=font)
