"""Japanese labels (citations) of provisions: 第三条の二第二項第一号, 附則第二条, 別表第一 ….

The label is how a civil servant cites the provision, following 法制執務 conventions:

* articles are cited without their chapter (article numbers run through the whole 本則);
* 「第八条第三号」: a 号 of a single 項 is cited without 「第一項」 — the 項 of an article with one 項, of a 項建て
  附則 with one 項 (附則第三号) and of a 項建て 本則 with one 項;
* provisions of the 原始附則 are prefixed 「附則」; those of an 改正附則 belong to the amending law and are cited
  as that law's 附則, e.g. 「平成二十六年法律第六十九号附則第二条」;
* deleted ranges read 「第二十九条から第三十一条まで」 (two adjacent numbers: 「第百五十条及び第百五十一条」); the
  項 that carries a range's 「削除」 is part of the placeholder, not a citable 項, and shares the range's label;
* 号の細分 use their printed titles (イ, （１）, （ｉ）); a malformed ``Item Num="イ"`` (a 細分 written as a 号)
  is cited as the 細分 of the preceding 号 (第三条の二第三項第二号イ);
* 別表 etc. use the head of their printed title (別表第一, 様式第3号, 第１号様式, 別紙第１号書式（その２）;
  「（別表）第一号表」 gives 別表第一号表).

Besides :func:`make_label`, the module gives what :meth:`Law.find` needs to match labels and appendix citations:
:func:`label_key` (one key for every digit form of a label) and :func:`appendix_number` /
:func:`appendix_word` (「別表第二」 → ``(2,)`` and 「別表」, read from the printed title of appendices without
``Num``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from lawcode.errors import LawcodeError
from lawcode.model.num import ProvisionNumber
from lawcode.model.provision import Provision
from lawcode.text.lawnum import parse_law_number
from lawcode.text.normalize import normalize_for_match
from lawcode.text.numerals import (
    format_branch_number,
    int_to_iroha,
    int_to_kanji,
    kanji_to_int,
    parse_branch_number,
    to_fullwidth_digits,
)

__all__ = [
    "make_label",
    "numbered",
    "label_key",
    "build_label_index",
    "appendix_number",
    "appendix_word",
    "is_misplaced_subitem",
    "single_paragraph_owner",
    "UNIT_OF",
    "APPENDIX_NAMES",
]

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
#: The head of an appendix title: up to the first space or parenthesis, except a numbering 「（その２）」, which is
#: part of the name (別紙第１号書式（その２）), unlike 「（第二条関係）」.
_TITLE_HEAD = re.compile(r"^[^\u3000 （(]+(?:[（(]その[^）)]*[）)][^\u3000 （(]*)?")
#: A title that opens with its name in parentheses, 「（別表）第一号表」, 「（別記）」 (恩給法 and a few others).
_BRACKETED_NAME = re.compile(r"^[（(]([^）)\u3000 ]{1,6})[）)]")
_NUMERAL = "0-9０-９〇一二三四五六七八九十百千万"
#: A numeral run in any script (kanji 命数法 or positional, Arabic, full-width).
_NUM_RUN = re.compile(f"[{_NUMERAL}]+")
#: The number part of an appendix title: 第二, 第3号, 第１号の２, 2 (as in 様式2), 第一の二.
_APPENDIX_NUM = re.compile(f"第?([{_NUMERAL}]+)号?((?:の[{_NUMERAL}]+)*)")
#: The 「（その２）」 of 「別紙第１号書式（その２）」: part of the label, not of the words it is cited by.
_SONO = re.compile(r"[（(]その[^）)]*[）)]")
#: Provisions whose 項 (when there is only one) are left out of the citation of their 号.
_SINGLE_PARAGRAPH_OWNERS = frozenset(("Article", "SupplProvision", "MainProvision"))


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


# -- matching keys ------------------------------------------------------------------------------------------
def _arabic(m: re.Match[str]) -> str:
    run = m.group(0)
    if run.isascii():
        return str(int(run))
    try:
        return str(kanji_to_int(run))
    except LawcodeError:
        return run


@lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """The key under which a label or a citation is matched: :func:`normalize_for_match` (width, spaces, glyph
    variants) with every numeral run rewritten in Arabic digits.

    So 「別表第二」, 「別表第2」 and 「別表第２」 — and 「第１号様式」 and 「第一号様式」 — share one key: an appendix
    title that no grammar foresees is still found in any digit form. A key is for matching only.
    """
    return _NUM_RUN.sub(_arabic, normalize_for_match(text))


def build_label_index(provisions: Iterable[Provision]) -> dict[str, Provision]:
    """:func:`label_key` → provision, for the labels that belong to exactly one provision of a law.

    A label shared by several provisions (two 改正附則 of the same amending law, two appendices titled 「様式」)
    is left out, so that :meth:`Law.find` falls back to structural resolution, which refuses what is ambiguous.
    The 項 of a deleted range shares its range's label (see the module docstring) and does not make it shared.
    """
    index: dict[str, Provision] = {}
    shared: set[str] = set()
    for p in provisions:
        label = p.label or ""
        parent = p.parent
        if parent is not None and label == parent.label:
            continue
        key = label_key(label)
        if key in shared:
            continue
        if key in index:
            del index[key]
            shared.add(key)
        else:
            index[key] = p
    return index


# -- appendices -------------------------------------------------------------------------------------------
def _title(p: Provision) -> str:
    """An appendix's printed title, with a name in opening parentheses unwrapped (「（別表）第一号表」 → 別表第一号表)."""
    return _BRACKETED_NAME.sub(r"\1", p.heading.strip(" \u3000"))


def _appendix_head(p: Provision) -> str:
    """The head of an appendix's printed title (「別表第一」 of 「別表第一　公共法人の表」), without 附則."""
    head = _TITLE_HEAD.match(_title(p))
    text = head.group(0) if head else ""
    if p.tag.startswith("SupplProvision") and text.startswith(("附則", "付則")):
        text = text[2:]
    return text


def _read_branch(main: str, branches: str) -> tuple[int, ...] | None:
    try:
        return parse_branch_number(main + branches)
    except LawcodeError:
        return None


def appendix_number(p: Provision) -> ProvisionNumber | None:
    """The number an appendix is cited by: its ``Num`` when it has one, else the number in its printed title
    (「別表第二」 → 2, 「様式第3号の2」 → 3の2, 「第１号様式」 → 1; 「様式第五及び様式第六　削除」 → 5 to 6).

    79 of the 83 bulk files with 別表 give no ``Num``; the title is then the only place the number is written.
    ``None`` when neither says a number (a lone 「別表」).
    """
    num = p.number
    if num is not None and num.first is not None:
        return num
    head = _appendix_head(p)
    found = [_read_branch(m.group(1), m.group(2)) for m in _APPENDIX_NUM.finditer(head)]
    numbers = [n for n in found if n is not None]
    if not numbers:
        return None
    last = numbers[1] if len(numbers) > 1 and ("及び" in head or "まで" in head) else None
    return ProvisionNumber(head, numbers[0], last if last is not None and last > numbers[0] else None)


def appendix_word(p: Provision) -> str:
    """The words of an appendix's title head without its number, normalised: 「別表」 for 「別表第一」, 「様式」 for
    「第１号様式」, 「別記様式」 for 「別記第1号様式」; the schema's default name (:data:`APPENDIX_NAMES`) when the
    appendix has no printed title."""
    head = _SONO.sub("", _appendix_head(p))
    word = _APPENDIX_NUM.sub("", head) if head else ""
    return normalize_for_match(word) if word else APPENDIX_NAMES.get(p.tag, "")


# -- labels -------------------------------------------------------------------------------------------------
def _scope_prefix(p: Provision) -> str:
    """「附則」 or 「〇〇年法律第〇号附則」 for provisions inside a 附則, else empty."""
    for a in p.ancestors():
        if a.tag == "SupplProvision":
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
    title = p.heading.strip(" \u3000")
    if title:
        return title
    num = p.number
    if num is None or num.first is None:
        return num.raw if num else ""
    depth = int(p.tag[7:])
    n = num.first[0]
    if depth == 1:
        try:
            return int_to_iroha(n)
        except LawcodeError:
            return str(n)
    return f"（{to_fullwidth_digits(n)}）"


def _appendix_label(p: Provision) -> str:
    head = _TITLE_HEAD.match(_title(p))
    prefix = _scope_prefix(p) if p.tag.startswith("SupplProvision") else ""
    if head:
        text = head.group(0)
        if prefix and text.startswith(("附則", "付則")):
            text = text[2:]
        return prefix + text
    name = APPENDIX_NAMES[p.tag]
    num = p.number
    if num is None or num.first is None:
        return prefix + name
    return f"{prefix}{name}第{format_branch_number(num.first)}"


def is_misplaced_subitem(p: Provision) -> bool:
    """True for an ``Item`` whose ``Num`` is kana (``Num="イ"``): a 号の細分 written as a 号 in malformed data.

    Such an item is cited as a 細分 of the preceding 号 (第三条の二第三項第二号イ), never as 第一号, which is the
    real 第一号's label.
    """
    num = p.number
    return p.tag == "Item" and num is not None and bool(num.raw) and not num.raw[0].isascii()


def single_paragraph_owner(paragraph: Provision) -> Provision | None:
    """The article, 附則 or 本則 whose only 項 is *paragraph* (its 号 are cited without 「第一項」), else None."""
    owner = paragraph.parent
    if owner is None or owner.tag not in _SINGLE_PARAGRAPH_OWNERS:
        return None
    seen = 0
    for k in owner._kids:  # stop at a second 項: a 項建て 本則 may have hundreds
        if k.tag == "Paragraph":
            seen += 1
            if seen > 1:
                return None
    return owner if seen == 1 else None


def _item_base(p: Provision) -> str:
    """What a 号's own number is appended to: its 項's label, or the owner's when the 項 is the only one."""
    parent = p.parent
    if parent is None:
        return ""
    if parent.tag == "Paragraph":
        owner = single_paragraph_owner(parent)
        if owner is not None:
            return "" if owner.tag == "MainProvision" else (owner.label or "")
    return parent.label or ""


def _misplaced_subitem_label(p: Provision) -> str:
    parent = p.parent
    title = p.heading.strip(" \u3000") or (p.number.raw if p.number is not None else "")
    if parent is None:
        return title
    kids = parent._kids
    for k in reversed(kids[: kids.index(p)]):
        if k.tag == "Item" and not is_misplaced_subitem(k):
            return (k.label or "") + title
    return _item_base(p) + title


def make_label(p: Provision) -> str:
    """The Japanese label of an indexed provision (see the module docstring for the conventions)."""
    kind = p.tag
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
        return _scope_prefix(p) + _numbered("条", p.number)
    if kind in ("Part", "Chapter", "Section", "Subsection", "Division"):
        up = (parent.label or "") if parent is not None and parent.tag in UNIT_OF else _scope_prefix(p)
        return up + _numbered(UNIT_OF[kind], p.number)
    if kind == "Paragraph":
        if parent is None:
            return _numbered("項", p.number)
        if parent.tag == "Article":
            if parent.is_range:  # 「第十五条から第十七条まで　削除」: the 項 is the placeholder's text
                return parent.label or ""
            return (parent.label or "") + _numbered("項", p.number)
        if parent.tag == "MainProvision":
            return _numbered("項", p.number)
        if parent.tag == "SupplProvision":
            return (parent.label or "") + _numbered("項", p.number)
        if parent.tag == "Preamble":
            return "前文" + _numbered("項", p.number)
        return _scope_prefix(p) + _numbered("項", p.number)
    if kind == "Item" and is_misplaced_subitem(p):
        return _misplaced_subitem_label(p)
    if kind in ("Item", "Class"):
        return _item_base(p) + _numbered(UNIT_OF[kind], p.number)
    if kind.startswith("Subitem"):
        return ((parent.label or "") if parent is not None else "") + _subitem_label(p)
    return p.path or kind
