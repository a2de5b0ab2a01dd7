"""ぎょうせい Super Reiki-Base (reiki_honbun pages, 2020 and 2025 builds) → line events for the builder.

The 本文 is ``div#primary`` holding a flat run of ``div.eline`` display lines; what a line *is* is the class
of its first child (``div.article``, ``div.clause``, ``div.item``, ``div.li1``…, ``p.s-head``,
``p.revise_record`` …). The ``#secondary`` pane (基本情報, 条項目次, 沿革) and the hidden ``div#num-ids`` are
outside ``#primary`` and never become text; the 沿革 table is read separately, to complete 改正附則 headings
that print only the year (「(平成11年 条例第23号)」) with the full 公布日.

Sentences are the ``span.p.cm`` of a line: the vendor writes 本文, ただし書 and 後段 as separate spans.
Numbers are Arabic (鯖江, かつらぎ) or kanji (東京) and read either way; the text is kept as written.
"""

from __future__ import annotations

import re
from typing import TypeAlias
from dataclasses import dataclass

from lxml import etree

from lawcode.errors import LawcodeError, ParseError
from lawcode.io.reiki.builder import BuiltLaw, LawBuilder, SentenceSource
from lawcode.io.reiki.head import ERA_YEAR, finish_law, squash
from lawcode.io.reiki.inline import plain_text
from lawcode.io.reiki.numbers import NUMERAL, article_num, item_num, read_int, unit_num
from lawcode.io.reiki.tables import convert_table

__all__ = ["parse_gyosei", "GyoseiHead", "history"]

_E: TypeAlias = etree._Element
_CONTAINER = {"chapter": "Chapter", "section": "Section", "subsection": "Subsection", "division": "Division",
              "part": "Part"}
_TOC_KIND = {"toc_item-chapter": "Chapter", "toc_item-section": "Section", "toc_item-subsection": "Subsection",
             "toc_item-supplement": "SupplProvision", "toc_item-part": "Chapter"}
_SUBITEM = re.compile(r"^li(\d+)$")
_DOWNLOAD = re.compile(r"""fileDownloadAction\d*\(\s*['"]([^'"]+)['"]""")
_RELATED = re.compile(r"^(.*?)\s*([(（][^()（）]*関係[)）])\s*$")


@dataclass(frozen=True)
class GyoseiHead:
    """The page's 題名, 公布日 and 番号 as printed, with the 沿革 rows (制定 and each 改正)."""

    title: str | None
    date_text: str | None
    number_text: str | None
    history: tuple[tuple[str, str, str], ...]  # (◆/◇, date as printed, number as printed)
    enforced_text: str | None


def _cls(el: _E) -> str:
    return el.get("class") or ""


def _first_class(el: _E) -> str:
    c = _cls(el).split()
    return c[0] if c else ""


def _children(el: _E) -> list[_E]:
    return [c for c in el if isinstance(c.tag, str)]


def _find_class(el: _E, tag: str, cls: str) -> _E | None:
    for c in el.iter(tag):
        if cls in _cls(c).split():
            return c
    return None


def _sentence_spans(el: _E) -> list[_E]:
    """The ``span.p.cm`` directly in *el* or in its ``span.clause`` (nested spans are inline, not sentences)."""
    out: list[_E] = []
    for c in el:
        if not isinstance(c.tag, str):
            continue
        classes = _cls(c).split()
        if c.tag == "span" and "p" in classes:
            out.append(c)
        elif c.tag == "span" and "clause" in classes:
            out.extend(_sentence_spans(c))
    return out


def history(root: _E) -> tuple[tuple[str, str, str], ...]:
    """The 沿革 table of the ``#secondary`` pane: (◆ 制定 / ◇ 改正, date, number) in page order."""
    rows: list[tuple[str, str, str]] = []
    for table in (t for pane in root.xpath('//div[@id="shoshi-inf"]') for t in pane.iter("table")):
        for tr in table.iter("tr"):
            cells = [plain_text(td).strip() for td in tr if isinstance(td.tag, str) and td.tag == "td"]
            if len(cells) >= 3 and cells[0] in ("◆", "◇"):
                rows.append((cells[0], cells[1], cells[2]))
    return tuple(rows)


def _enforced(root: _E) -> str | None:
    for p in (p for pane in root.xpath('//div[@id="secondary"]') for p in pane.iter("p")):
        if "datenumber-area" not in _cls(p):
            continue
        text = plain_text(p).strip()
        if text.endswith("施行)") or text.endswith("施行）"):
            return text.strip("()（） ")
    return None


class _AmendDates:
    """改正附則 headings print 「(平成11年 条例第23号)」; the 沿革 table has 「平成11年6月24日」 for it."""

    def __init__(self, rows: tuple[tuple[str, str, str], ...]) -> None:
        self._by_key: dict[tuple[str, int, str], str] = {}
        for _icon, when, number in rows:
            m = ERA_YEAR.match(when.strip())
            if not m:
                continue
            key = self._key(m.group(1), m.group(2), number)
            if key is not None:
                self._by_key.setdefault(key, when.strip())

    @staticmethod
    def _key(era: str, year: str, number: str) -> tuple[str, int, str] | None:
        y = 1 if year == "元" else read_int(year)
        if y is None:
            return None
        digits = re.sub(NUMERAL, lambda m: str(read_int(m.group(0))), squash(number))
        return era, y, digits

    def complete(self, year_text: str, number: str) -> str:
        """「平成11年」+「条例第23号」 → 「平成11年6月24日条例第23号」 when the 沿革 has the act, else as printed."""
        m = ERA_YEAR.match(year_text.strip())
        if m:
            key = self._key(m.group(1), m.group(2), number)
            when = self._by_key.get(key) if key else None
            if when:
                return when + squash(number)
        return squash(year_text) + squash(number)


def _primary(root: _E, source: str) -> _E:
    found = root.xpath('//div[@id="primary"]')
    if not found:
        raise ParseError("ぎょうせい page without div#primary (本文)", source=source)
    return found[0]


def parse_gyosei(root: _E, source: str) -> tuple[BuiltLaw, GyoseiHead]:
    """Convert the parsed page *root*; returns the built law and the page's head facts."""
    primary = _primary(root, source)
    rows = history(root)
    dates = _AmendDates(rows)
    b = LawBuilder()
    title: str | None = None
    date_text: str | None = None
    number_text: str | None = None
    for line in primary.iter("div"):
        if "eline" not in _cls(line).split():
            continue
        kids = _children(line)
        if not kids:
            continue
        b.line(line.get("id"))
        for k in kids:
            kind = _first_class(k)
            try:
                if kind == "head":
                    t, d, n = _head(b, k)
                    title, date_text, number_text = t or title, d or date_text, n or number_text
                else:
                    _dispatch(b, k, kind, dates)
            except LawcodeError as exc:
                raise ParseError(f"line {line.get('id')}: {exc.reason}", source=source,
                                 line=line.sourceline) from None
    head = GyoseiHead(title, date_text, number_text, rows, _enforced(root))
    return finish_law(b, head.date_text, head.number_text, source), head


def _head(b: LawBuilder, k: _E) -> tuple[str | None, str | None, str | None]:
    title = date_text = number_text = None
    for p in _children(k):
        kind = _first_class(p)
        if kind in ("title-irregular", "title"):
            span = _find_class(p, "span", "cm")
            node: SentenceSource = span if span is not None else p
            text = plain_text(node).strip()
            title = text.lstrip("○〇 \u3000")
            b.set_title(title if text != title else node)
        elif kind == "date":
            date_text = plain_text(p).strip()
        elif kind == "number":
            number_text = plain_text(p).strip()
        elif kind == "enactment":
            for s in _enact_spans(p):
                b.enact(s)
        # div.from-to (宛先・発信 of a 訓令) is addressing, not text of the law: left out
    return title, date_text, number_text


def _enact_spans(el: _E) -> list[SentenceSource]:
    spans = [s for p in el.iter("p") for s in _sentence_spans(p)]
    return list(spans) or [plain_text(el)]


def _dispatch(b: LawBuilder, k: _E, kind: str, dates: _AmendDates) -> None:
    if kind in ("enactment", "announcement"):
        for s in _enact_spans(k):
            b.enact(s)
    elif kind == "toc":
        b.toc_label(plain_text(k).strip() or "目次")
    elif kind == "in-chapter" or (kind == "" and k.tag == "div"):
        for p in _children(k):
            entry = _first_class(p)
            if entry.startswith("toc_item"):
                _toc_entry(b, p, entry)
    elif kind in _CONTAINER:
        p = _find_class(k, "p", "num")
        if p is not None:
            b.container(_CONTAINER[kind], unit_num(plain_text(p)) or "1", p)
    elif kind == "article":
        _article(b, k)
    elif kind == "clause":
        _clause(b, k)
    elif kind == "item" or _SUBITEM.match(kind):
        level = 0 if kind == "item" else int(_SUBITEM.match(kind).group(1))  # type: ignore[union-attr]
        p = _find_class(k, "p", "num")
        if p is None:
            return
        label = _find_class(p, "span", "num")
        label_text = plain_text(label).strip() if label is not None else ""
        num = item_num(label_text) if level == 0 else None
        b.item(level, num or "", label if label is not None else "", _sentence_spans(p) or [""])
    elif kind == "p":
        b.continuation(_sentence_spans(k) or [k])
    elif kind in ("revise_record", "note"):
        b.note(plain_text(k).strip())
    elif kind == "revise_provisions":
        b.note(plain_text(k).strip())  # 「〔次のよう〕略」: the vendor's elision of the 改め文, not text
    elif kind == "s-head":
        _suppl(b, k, dates)
    elif kind == "table_section":
        _appendix(b, k, "table")
    elif kind == "form_section":
        _appendix(b, k, "style")
    elif kind == "table_frame":
        for table in k.iter("table"):
            b.table(convert_table(table))
            break
    elif kind in ("xref_frame", "figure_frame"):
        for img in k.iter("img"):
            src = img.get("src")
            if src and not (kind == "xref_frame" and b.appendix_has_figure()):
                b.figure(src)
    # p.hl (a printed rule 「――――」) and the 題名再掲 of div.front are layout, not text


def _toc_entry(b: LawBuilder, p: _E, entry: str) -> None:
    num_span = _find_class(p, "span", "num")
    title_span = _find_class(p, "span", "title")
    range_span = _find_class(p, "span", "p")
    num_text = plain_text(num_span).strip() if num_span is not None else ""
    title = plain_text(title_span).strip() if title_span is not None else ""
    heading = f"{num_text}\u3000{title}" if num_text and title else (num_text or title)
    tag = _TOC_KIND.get(entry, "Chapter")
    b.toc_entry(tag, unit_num(num_text) or "1", heading,
                plain_text(range_span).strip() if range_span is not None else None)


def _article(b: LawBuilder, k: _E) -> None:
    caption_p = _find_class(k, "p", "title")
    num_p = _find_class(k, "p", "num")
    if num_p is None:
        return
    title_span = _find_class(num_p, "span", "num")
    title_text = plain_text(title_span).strip() if title_span is not None else ""
    num, is_range = article_num(title_text)
    sentences: list[SentenceSource] = list(_sentence_spans(num_p))
    deleted = len(sentences) == 1 and plain_text(sentences[0]).strip() == "削除"
    caption = _find_class(caption_p, "span", "cm") if caption_p is not None else None
    b.article(num or "", title_span if title_span is not None else title_text, caption, sentences or [""],
              deleted=deleted or is_range)


def _clause(b: LawBuilder, k: _E) -> None:
    caption_p = _find_class(k, "p", "title")
    caption = _find_class(caption_p, "span", "cm") if caption_p is not None else None
    num_p = _find_class(k, "p", "num")
    if num_p is not None:
        num_span = _find_class(num_p, "span", "num")
        num_text = plain_text(num_span).strip() if num_span is not None else ""
        num = read_int(num_text.strip("()（）"))
        b.paragraph(num, num_text, _sentence_spans(num_p) or [""], caption)
        return
    for p in _children(k):
        if _first_class(p) == "p":
            b.paragraph(None, "", _sentence_spans(p) or [p], caption)
            caption = None


def _suppl(b: LawBuilder, k: _E, dates: _AmendDates) -> None:
    label_el = _find_class(k, "span", "title")
    label = plain_text(label_el).strip() if label_el is not None else "附則"
    date_el = _find_class(k, "span", "date")
    number_el = _find_class(k, "span", "number")
    extract = False
    for span in k.iter("span"):
        classes = _cls(span).split()
        if "p" in classes and plain_text(span).strip() == "抄":
            extract = True
    amend: str | None = None
    if date_el is None and number_el is None:
        # a heading written by hand in one span, 「(平成12規則第7号)」: the act is what the parentheses say
        for span in k.iter("span"):
            text = plain_text(span).strip()
            if "p" in _cls(span).split() and re.fullmatch(r"[(（][^()（）]*第.+号[)）]", text):
                amend = squash(text[1:-1])
    if date_el is not None or number_el is not None:
        when = plain_text(date_el).strip().lstrip("(（") if date_el is not None else ""
        number = plain_text(number_el).strip().rstrip(")）") if number_el is not None else ""
        if re.search(r"月.*日", when):
            amend = squash(when + number)
        else:
            amend = dates.complete(when, number)
    b.suppl(label, amend or None, extract)


def _appendix(b: LawBuilder, k: _E, kind: str) -> None:
    p = _find_class(k, "p", "num")
    if p is None:
        return
    text = plain_text(p).strip()
    m = _RELATED.match(text)
    title, related = (m.group(1), m.group(2)) if m else (text, None)
    b.appendix(kind, title, related)
    if kind == "style":
        for a in p.iter("a"):
            m2 = _DOWNLOAD.search(a.get("onclick") or "")
            if m2:
                b.figure(m2.group(1))
                break

