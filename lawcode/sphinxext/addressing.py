"""Anchors, object types and search names of provisions on a site page.

An anchor is the provision's e-Gov path (``MainProvision-Article_3_2-Paragraph_2``), so that a URL such as
``jorei.html#MainProvision-Article_3_2`` is stable across rebuilds and readable; the only character changed
is the occurrence suffix ``#2`` of a repeated address (``~2``), which cannot appear in a URL fragment.
"""

from __future__ import annotations

import re

from lawcode.errors import LawcodeError
from lawcode.model import Provision
from lawcode.text.normalize import normalize_for_match
from lawcode.text.numerals import kanji_to_int

__all__ = [
    "anchor",
    "objtype_of",
    "is_unit",
    "unit_of",
    "arabic_label",
    "first_line",
    "hover_title",
    "normalize_name",
    "OBJTYPES",
]

#: Object types of the ``law`` domain with their Japanese names (index headings, search results).
OBJTYPES: dict[str, str] = {
    "law": "法令",
    "chapter": "章節",
    "article": "条",
    "paragraph": "項",
    "item": "号",
    "suppl": "附則",
    "appendix": "別表",
}

_CONTAINERS = ("Part", "Chapter", "Section", "Subsection", "Division")


def anchor(path: str, prefix: str = "") -> str:
    """The HTML id of the provision at *path* (see the module docstring)."""
    return prefix + path.replace("#", "~")


def objtype_of(p: Provision) -> str | None:
    """The domain object type of a provision, or ``None`` for what is not published (本則, 目次)."""
    tag = p.tag
    if tag == "Article":
        return "article"
    if tag == "Paragraph":
        return "paragraph"
    if tag == "Item" or tag.startswith("Subitem"):
        return "item"
    if tag == "SupplProvision":
        return "suppl"
    if tag.startswith("Appdx"):
        return "appendix"
    if tag in _CONTAINERS:
        return "chapter"
    return None


def is_unit(p: Provision) -> bool:
    """A *unit* carries the inbound-link box: an article, a 項 directly under 本則/附則 (項建て), an appendix."""
    if p.tag == "Article" or p.tag.startswith("Appdx"):
        return True
    parent = p.parent
    return p.tag == "Paragraph" and parent is not None and parent.tag in ("MainProvision", "SupplProvision")


def unit_of(path: str, units: set[str] | dict[str, object]) -> str | None:
    """The unit (see :func:`is_unit`) holding the provision at *path*: its longest path prefix among *units*."""
    parts = path.split("-")
    for n in range(len(parts), 0, -1):
        candidate = "-".join(parts[:n])
        if candidate in units:
            return candidate
    return None


_KANJI_NUM = re.compile(r"[〇一二三四五六七八九十百千]+")


def arabic_label(label: str) -> str:
    """第十条の二第一項 → 第10条の2第1項 (the search name readers type with Arabic digits)."""

    def repl(m: re.Match[str]) -> str:
        try:
            return str(kanji_to_int(m.group(0)))
        except LawcodeError:
            return m.group(0)

    return _KANJI_NUM.sub(repl, label)


def first_line(p: Provision, limit: int = 80) -> str:
    """The provision's first printed line that is not its caption, shortened for a hover title."""
    for line in p.text().split("\n"):
        if line and not (line.startswith("（") and line.endswith("）")):
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def hover_title(p: Provision, law_title: str | None = None) -> str:
    """「桜ヶ丘市…条例 第三条の二第二項　２　事業者は、…」: what a link to *p* shows on hover."""
    label = p.label or p.path or ""
    head = f"{law_title} {label}" if law_title else label
    line = first_line(p)
    return f"{head}\n{line}" if line else head


def normalize_name(name: str) -> str:
    """Key for matching law names written by people: width, spaces and glyph variants folded."""
    return normalize_for_match(name)
