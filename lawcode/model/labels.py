"""Japanese labels (citations) of provisions: 第三条の二第二項第一号, 附則第二条, 別表第一 ….

The label is how a civil servant cites the provision, following 法制執務 conventions:

* articles are cited without their chapter (article numbers run through the whole 本則);
* 「第八条第三号」: a 号 of an article that has a single 項 is cited without 「第一項」;
* provisions of the 原始附則 are prefixed 「附則」; those of an 改正附則 belong to the amending law and are cited
  as that law's 附則, e.g. 「平成二十六年法律第六十九号附則第二条」;
* deleted ranges read 「第二十九条から第三十一条まで」 (two adjacent numbers: 「第百五十条及び第百五十一条」);
* 号の細分 use their printed titles (イ, （１）, （ｉ）) and 別表 etc. the head of their printed title.
"""

from __future__ import annotations

import re

from lawcode.errors import LawcodeError
from lawcode.model.num import ProvisionNumber
from lawcode.model.provision import Provision
from lawcode.text.lawnum import parse_law_number
from lawcode.text.numerals import format_branch_number, int_to_iroha, int_to_kanji, to_fullwidth_digits

__all__ = ["make_label", "numbered", "UNIT_OF", "APPENDIX_NAMES"]

#: Counter word of each numbered provision kind.
UNIT_OF = {
    "Part": "編",
    "Chapter": "章",
    "Section": "節",
    "Subsection": "款",
    "Division": "目",
    "Article": "条",
    "Paragraph": "項",
    "Item": "号",
    "Class": "類",
}
#: Default Japanese names of appendix kinds (used when the document gives no title).
APPENDIX_NAMES = {
    "AppdxTable": "別表",
    "AppdxNote": "別記",
    "AppdxStyle": "様式",
    "AppdxFormat": "書式",
    "AppdxFig": "別図",
    "Appdx": "付録",
    "SupplProvisionAppdxTable": "別表",
    "SupplProvisionAppdxStyle": "様式",
    "SupplProvisionAppdx": "付録",
}
_TITLE_HEAD = re.compile(r"^[^\u3000 （(]+")


def numbered(unit: str, number: tuple[int, ...]) -> str:
    """「第三条の二」: the counter word follows the main number, 枝番 follow with の."""
    head = f"第{int_to_kanji(number[0])}{unit}"
    if len(number) == 1:
        return head
    return head + "".join(f"の{int_to_kanji(n)}" for n in number[1:])


def _numbered(unit: str, num: ProvisionNumber | None) -> str:
    if num is None or num.first is None:
        return f"第{num.raw if num else ''}{unit}"
    first = numbered(unit, num.first)
    if num.last is None:
        return first
    last = numbered(unit, num.last)
    if len(num.first) == 1 and num.last == (num.first[0] + 1,):
        return f"{first}及び{last}"
    return f"{first}から{last}まで"


def _scope_prefix(p: Provision) -> str:
    """「附則」 or 「〇〇年法律第〇号附則」 for provisions inside a 附則, else empty."""
    for a in p.ancestors():
        if a.kind == "SupplProvision":
            return a.label or ""
    return ""


def _suppl_label(p: Provision) -> str:
    amend = p.get("AmendLawNum")
    if not amend:
        return "附則"
    try:
        return f"{parse_law_number(amend).format('kanji')}附則"
    except LawcodeError:
        return f"{amend.strip()}附則"


def _subitem_label(p: Provision) -> str:
    title = p.title.strip(" \u3000")
    if title:
        return title
    num = p.num
    if num is None or num.first is None:
        return num.raw if num else ""
    depth = int(p.kind[7:])
    n = num.first[0]
    if depth == 1:
        try:
            return int_to_iroha(n)
        except LawcodeError:
            return str(n)
    return f"（{to_fullwidth_digits(n)}）"


def _appendix_label(p: Provision) -> str:
    title = p.title.strip(" \u3000")
    head = _TITLE_HEAD.match(title)
    prefix = _scope_prefix(p) if p.kind.startswith("SupplProvision") else ""
    if head:
        text = head.group(0)
        if prefix and text.startswith(("附則", "付則")):
            text = text[2:]
        return prefix + text
    name = APPENDIX_NAMES[p.kind]
    num = p.num
    if num is None or num.first is None:
        return prefix + name
    return f"{prefix}{name}第{format_branch_number(num.first)}"


def make_label(p: Provision) -> str:
    """The Japanese label of an indexed provision (see the module docstring for the conventions)."""
    kind = p.kind
    parent = p.parent
    if kind == "MainProvision":
        return "本則"
    if kind == "SupplProvision":
        return _suppl_label(p)
    if kind == "TOC":
        return "目次"
    if kind == "Preamble":
        return "前文"
    if kind in APPENDIX_NAMES:
        return _appendix_label(p)
    if kind == "Article":
        return _scope_prefix(p) + _numbered("条", p.num)
    if kind in ("Part", "Chapter", "Section", "Subsection", "Division"):
        up = (parent.label or "") if parent is not None and parent.kind in UNIT_OF else _scope_prefix(p)
        return up + _numbered(UNIT_OF[kind], p.num)
    if kind == "Paragraph":
        if parent is None:
            return _numbered("項", p.num)
        if parent.kind == "Article":
            return (parent.label or "") + _numbered("項", p.num)
        if parent.kind == "MainProvision":
            return _numbered("項", p.num)
        if parent.kind == "SupplProvision":
            return (parent.label or "") + _numbered("項", p.num)
        if parent.kind == "Preamble":
            return "前文" + _numbered("項", p.num)
        return _scope_prefix(p) + _numbered("項", p.num)
    if kind in ("Item", "Class"):
        unit = UNIT_OF[kind]
        if parent is None:
            return _numbered(unit, p.num)
        if parent.kind == "Paragraph" and parent.parent is not None and parent.parent.kind == "Article":
            article = parent.parent
            if len(article._kids) == 1:
                return (article.label or "") + _numbered(unit, p.num)
        return (parent.label or "") + _numbered(unit, p.num)
    if kind.startswith("Subitem"):
        return ((parent.label or "") if parent is not None else "") + _subitem_label(p)
    return p.path or kind
