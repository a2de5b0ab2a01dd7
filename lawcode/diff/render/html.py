"""The 新旧対照表 as HTML: a standalone, print-ready page or a fragment to embed.

The page needs nothing from outside — no script, no web font, no image: its CSS is embedded, prints on A4
landscape (``@page``), repeats the column headings on every printed page and uses the Mincho faces a
Japanese office has (游明朝, ヒラギノ明朝, ＭＳ 明朝, Noto Serif CJK, IPA明朝). Changed spans are ``<u>``
elements (傍線), so they stay underlined when the text is copied into a word processor.

Structure (what the tests check, and what a stylesheet of your own can rely on)::

    <section class="lawcode-shinkyu">
      <header class="shinkyu-header"> <h1>…　新旧対照表</h1> <p class="shinkyu-lawnum"> …
        <p class="shinkyu-note">（傍線部分は改正部分）</p> <dl class="shinkyu-versions"> … </header>
      <table class="shinkyu-table">
        <thead><tr><th class="shinkyu-new">改正後</th><th class="shinkyu-old">改正前</th></tr></thead>
        <tbody><tr class="shinkyu-row" data-label="…" data-kinds="…" data-new-path="…" data-old-path="…">
          <td class="shinkyu-new"><p class="shinkyu-line shinkyu-text shinkyu-l0">…<u class="shinkyu-chg">…</u>…</p></td>
          <td class="shinkyu-old"><p class="shinkyu-marker">（新設）</p></td> …

Every text is escaped; nothing of the law's text reaches the page as markup.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from lawcode._version import __version__
from lawcode.diff.render.rowmodel import COLUMNS, NOTE, Cell, Header, Line, Row, ShinkyuTable

__all__ = ["render_html", "table_html", "CellHead", "CSS"]

#: Mincho faces first (Windows, macOS, Linux), then any serif.
FONT_STACK = ('"Yu Mincho", YuMincho, "Hiragino Mincho ProN", "Hiragino Mincho Pro", "MS Mincho", "ＭＳ 明朝", '
              '"Noto Serif CJK JP", "Noto Serif JP", "IPAexMincho", "IPAMincho", serif')

#: The stylesheet; every rule is scoped to ``.lawcode-shinkyu`` so that the fragment can live in any page.
CSS = f"""
@page {{ size: A4 landscape; margin: 12mm 12mm 14mm 12mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font-size: 9pt; }} }}
.lawcode-shinkyu {{ font-family: {FONT_STACK}; font-size: 10.5pt; line-height: 1.65; color: #000;
  max-width: 273mm; margin: 0 auto; }}
.lawcode-shinkyu .shinkyu-header {{ margin: 0 0 .6em; }}
.lawcode-shinkyu h1 {{ font-size: 14pt; font-weight: bold; text-align: center; margin: 0 0 .15em; }}
.lawcode-shinkyu .shinkyu-lawnum {{ text-align: center; margin: 0 0 .4em; }}
.lawcode-shinkyu .shinkyu-versions {{ margin: 0; font-size: 9.5pt; display: grid;
  grid-template-columns: max-content 1fr; column-gap: 1em; }}
.lawcode-shinkyu .shinkyu-versions dt {{ font-weight: normal; }}
.lawcode-shinkyu .shinkyu-versions dd {{ margin: 0; }}
.lawcode-shinkyu .shinkyu-note {{ text-align: right; margin: .3em 0 .2em; }}
.lawcode-shinkyu table.shinkyu-table {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
.lawcode-shinkyu .shinkyu-table thead {{ display: table-header-group; }}
.lawcode-shinkyu .shinkyu-table th, .lawcode-shinkyu .shinkyu-table td {{ border: 0.75pt solid #000;
  vertical-align: top; padding: .35em .6em; width: 50%; overflow-wrap: anywhere; }}
.lawcode-shinkyu .shinkyu-table th {{ font-weight: normal; text-align: center; letter-spacing: .5em;
  padding-left: 1.1em; }}
.lawcode-shinkyu .shinkyu-line {{ margin: 0; padding-left: 1em; text-indent: -1em; break-inside: avoid; }}
.lawcode-shinkyu .shinkyu-l1 {{ margin-left: 1em; }}
.lawcode-shinkyu .shinkyu-l2 {{ margin-left: 2em; }}
.lawcode-shinkyu .shinkyu-l3 {{ margin-left: 3em; }}
.lawcode-shinkyu .shinkyu-l4 {{ margin-left: 4em; }}
.lawcode-shinkyu .shinkyu-l5 {{ margin-left: 5em; }}
.lawcode-shinkyu .shinkyu-caption {{ padding-left: 1em; text-indent: 0; }}
.lawcode-shinkyu .shinkyu-heading {{ padding-left: 2em; text-indent: 0; }}
.lawcode-shinkyu .shinkyu-context {{ padding-left: 2em; text-indent: 0; }}
.lawcode-shinkyu .shinkyu-marker {{ margin: 0; padding-left: 1em; }}
.lawcode-shinkyu u.shinkyu-chg {{ text-decoration: underline; text-decoration-thickness: .07em;
  text-underline-offset: .2em; text-decoration-skip-ink: none; }}
.lawcode-shinkyu .shinkyu-omitted {{ font-size: 9pt; margin: .5em 0 0; }}
@media screen {{ body {{ margin: 1.2em; background: #fff; }} }}
@media print {{ .lawcode-shinkyu {{ max-width: none; }} }}
""".strip()


def _line(line: Line) -> str:
    parts = []
    for r in line.runs:
        t = escape(r.text, quote=False)
        parts.append(f'<u class="shinkyu-chg">{t}</u>' if r.changed else t)
    level = min(line.level, 5)
    return f'<p class="shinkyu-line shinkyu-{line.role} shinkyu-l{level}">{"".join(parts)}</p>'


#: A hook that returns HTML to put at the top of a cell, given its side (``"new"``/``"old"``) and the e-Gov path
#: of the provision in it (``None`` for an empty cell) — e.g. links to the provision in a rendered law.
CellHead = Callable[[str, "str | None"], str]


def _cell(cell: Cell, side: str, head: CellHead | None = None) -> str:
    if cell.marker is not None:
        body = f'<p class="shinkyu-marker">{escape(cell.marker, quote=False)}</p>'
    else:
        body = "".join(_line(line) for line in cell.lines)
    top = head(side, cell.path) if head is not None else ""
    return f'<td class="shinkyu-{side}">{top}{body}</td>'


def _attr(name: str, value: str | None) -> str:
    return f' {name}="{escape(value)}"' if value else ""


def _row(row: Row, head: CellHead | None = None) -> str:
    attrs = (_attr("data-label", row.label) + _attr("data-kinds", " ".join(row.kinds))
             + _attr("data-new-path", row.new.path) + _attr("data-old-path", row.old.path))
    return f'<tr class="shinkyu-row"{attrs}>{_cell(row.new, "new", head)}{_cell(row.old, "old", head)}</tr>'


def _header(h: Header) -> str:
    out = [f'<header class="shinkyu-header"><h1>{escape(h.caption, quote=False)}</h1>']
    if h.law_num:
        out.append(f'<p class="shinkyu-lawnum">（{escape(h.law_num, quote=False)}）</p>')
    items = [("改正後", h.new.describe()), ("改正前", h.old.describe())]
    if h.amending_law:
        items.append(("改正法令", h.amending_law))
    elif h.amending_laws:
        items.append((f"この間の改正法令（{len(h.amending_laws)}件）", "、".join(h.amending_laws)))
    if h.old.title and h.new.title and h.old.title != h.new.title:
        items.append(("改正前の題名", h.old.title))
    out.append('<dl class="shinkyu-versions">')
    for dt, dd in items:
        out.append(f"<dt>{escape(dt, quote=False)}</dt><dd>{escape(dd, quote=False)}</dd>")
    out.append(f'</dl><p class="shinkyu-note">{NOTE}</p></header>')
    return "".join(out)


def table_html(table: ShinkyuTable, cell_head: CellHead | None = None) -> str:
    """The fragment for a built row model: ``<section class="lawcode-shinkyu">`` with header and table
    (style it with :data:`CSS`). *cell_head*, when given, adds its HTML at the top of every cell (the Sphinx
    extension puts links to both versions' provisions there)."""
    out = ['<section class="lawcode-shinkyu">', _header(table.header),
           '<table class="shinkyu-table"><colgroup><col class="shinkyu-new"><col class="shinkyu-old"></colgroup>',
           f'<thead><tr><th scope="col" class="shinkyu-new">{COLUMNS[0]}</th>'
           f'<th scope="col" class="shinkyu-old">{COLUMNS[1]}</th></tr></thead><tbody>']
    out.extend(_row(r, cell_head) for r in table.rows)
    out.append("</tbody></table>")
    if table.header.omitted:
        n = len(table.header.omitted)
        out.append(f'<p class="shinkyu-omitted">※ 改正法令の附則（{n}件）は、この表に掲げていない。</p>')
    out.append("</section>")
    return "\n".join(out)


def page_html(table: ShinkyuTable) -> str:
    """A whole HTML document (embedded CSS, no script, no external asset) for a built row model."""
    title = escape(table.header.caption, quote=False)
    return (
        '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="generator" content="lawcode {escape(__version__)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
        f"{table_html(table)}\n</body>\n</html>\n"
    )


def render_html(d: object, *, standalone: bool = True, elide: bool = True) -> str:
    """The 新旧対照表 of a :class:`~lawcode.diff.lawdiff.LawDiff` (or of an already built
    :class:`~lawcode.diff.render.rowmodel.ShinkyuTable`) as HTML.

    ``standalone=True`` gives a whole print-ready page; ``standalone=False`` a fragment for embedding (a
    Sphinx page, a web app), styled by :data:`CSS`. ``elide=False`` shows every line in full.
    """
    from lawcode.diff.render.table import as_table

    table = as_table(d, elide=elide)
    return page_html(table) if standalone else table_html(table)
