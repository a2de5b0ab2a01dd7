"""第一法規 例規類集 HTML 版 (d1w_reiki ``{hno}_j.html``) → line events for the builder.

The text is a flat run of ``div`` lines whose ``id`` carries the structure::

    h:{kind}:{amending act hno}:{?}:{level}:{path}:{?}:

``kind`` says what the line is (``zA10`` 題名, ``zB10`` 公布日+番号, ``dG10`` 題名再掲, ``hL10`` 条見出し,
``hL20`` 条・項・号, ``sO10``/``kO10`` 原始/改正附則 heading, ``sL30``/``kL30`` 附則 text); ``path`` is
``条.枝.枝.枝-項.枝-号.枝.枝-細目…`` (``8.2.0.0-0.0-0.0.0`` = 第8条の2, ``10.0.0.0-2.0-1.0.0`` = 第10条第2項第1号).
Structure is read from the id, never from indentation. The 改正附則 heading prints the full date; when it
does not, the amending act is decoded from its ``hno`` (``H507901010036`` = 令和7年条例第36号).

Lines are plain text with the number first (「第１条」 in ``<b>``, 「２」, 「(１)」) and U+3000; sentences are
split at 「。」 outside brackets, a sentence opening with 「ただし」 being the proviso.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

from lawcode.errors import LawcodeError, ParseError
from lawcode.io.reiki.builder import BuiltLaw, LawBuilder
from lawcode.io.reiki.head import finish_law, squash
from lawcode.io.reiki.inline import plain_text
from lawcode.io.reiki.numbers import article_num
from lawcode.io.reiki.tables import convert_table

__all__ = ["parse_daiichi", "split_sentences", "decode_hno"]

_E: TypeAlias = etree._Element
_OPEN = "（(「『〔［【"
_CLOSE = "）)」』〕］】"
_DATE_NUMBER = re.compile(r"^(.+?日)\s*(.*)$")
_HNO = re.compile(r"^H(\d)(\d\d)9(\d{4})(\d{4})")
_ERA_NAME = {"1": "明治", "2": "大正", "3": "昭和", "4": "平成", "5": "令和"}
_ACT_KIND = {"0101": "条例", "0210": "規則", "0250": "告示", "0990": "公告", "0930": "北海道告示"}


def split_sentences(text: str) -> list[str]:
    """*text* cut after each 「。」 that is outside brackets and not at the end (a 本文 and its ただし書)."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0 and i + 1 < len(text):
            out.append(text[start:i + 1])
            start = i + 1
    out.append(text[start:])
    return [s for s in out if s] or [""]


def decode_hno(hno: str) -> str | None:
    """The act an ``hno`` names: ``H507901010036`` → 「令和7年条例第36号」; ``None`` when unreadable."""
    m = _HNO.match(hno)
    if not m or m.group(1) not in _ERA_NAME or m.group(3) not in _ACT_KIND:
        return None
    year = int(m.group(2))
    number = m.group(4)
    if not number.isdigit():
        return None
    return f"{_ERA_NAME[m.group(1)]}{'元' if year == 1 else year}年{_ACT_KIND[m.group(3)]}第{int(number)}号"


def _split_label(text: str) -> tuple[str, str]:
    label, sep, rest = text.partition("\u3000")
    return (label, rest) if sep else ("", text)


def _path_parts(path: str) -> list[list[int]]:
    parts: list[list[int]] = []
    for group in path.split("-"):
        try:
            parts.append([int(x) for x in group.split(".") if x != ""])
        except ValueError:
            parts.append([0])
    return parts


def _num(values: list[int]) -> str:
    """``[8, 2, 0, 0]`` → ``8_2``."""
    kept = list(values)
    while len(kept) > 1 and kept[-1] == 0:
        kept.pop()
    return "_".join(str(v) for v in kept)


def parse_daiichi(root: _E, source: str) -> BuiltLaw:
    """Convert the parsed page *root* (see the module docstring)."""
    b = LawBuilder()
    date_text: str | None = None
    number_text: str | None = None
    caption: str | None = None
    body = root.find(".//body")
    if body is None:
        raise ParseError("第一法規 page without <body>", source=source)
    for el in body.iter("div", "table"):
        if el.tag == "table":
            b.table(convert_table(el))
            continue
        line_id = el.get("id") or ""
        if not line_id.startswith("h:"):
            continue
        fields = line_id.split(":")
        if len(fields) < 6:
            continue
        kind, hno, path = fields[1], fields[2], fields[5]
        b.line(line_id)
        text = plain_text(el).strip()
        try:
            if kind == "zA10":
                b.set_title(text.lstrip("○〇 \u3000"))
            elif kind == "zB10":
                m = _DATE_NUMBER.match(squash(text))
                date_text, number_text = (m.group(1), m.group(2)) if m else (text, None)
            elif kind.endswith("O10"):
                caption = None
                _suppl(b, el, hno)
            elif kind.endswith("L10"):
                caption = text
            elif kind[1:2] == "L":
                _text_line(b, path, text, caption)
                caption = None
            # dG10 (題名再掲) and unknown kinds are layout
        except LawcodeError as exc:
            raise ParseError(f"line {line_id}: {exc.reason}", source=source, line=el.sourceline) from None
    return finish_law(b, date_text, number_text, source)


def _suppl(b: LawBuilder, el: _E, hno: str) -> None:
    label_el = el.find("b")
    label = plain_text(label_el).strip() if label_el is not None else "附則"
    rest = squash(plain_text(el))[len(squash(label)):]
    extract = rest.endswith("抄")
    amend = rest.removesuffix("抄").strip("（）() ") or None
    if hno and not amend:
        amend = decode_hno(hno)
    b.suppl(label, amend if hno or amend else None, extract)


def _text_line(b: LawBuilder, path: str, text: str, caption: str | None) -> None:
    parts = _path_parts(path)
    article = parts[0] if parts else [0]
    paragraph = parts[1] if len(parts) > 1 else [0]
    item = parts[2] if len(parts) > 2 else [0]
    subitems = [p[0] if p else 0 for p in parts[3:]]
    depth = max((k + 1 for k, v in enumerate(subitems) if v), default=0)
    if depth:
        label, rest = _split_label(text)
        b.item(depth, "", label, split_sentences(rest))
    elif any(item):
        label, rest = _split_label(text)
        b.item(0, _num(item), label, split_sentences(rest))
    elif paragraph and paragraph[0] >= 2 or (not any(article) and any(paragraph)):
        label, rest = _split_label(text)
        b.paragraph(paragraph[0], label, split_sentences(rest), caption)
    elif any(article):
        title, rest = _split_label(text)
        deleted = rest.strip() == "削除"
        num, is_range = article_num(title)
        # the id's path is the vendor's own number; the printed title only adds a range 「第3条から第5条まで」
        b.article(num if is_range and num else _num(article), title, caption, split_sentences(rest),
                  deleted=deleted or is_range)
    else:
        b.paragraph(None, "", split_sentences(text), caption)
