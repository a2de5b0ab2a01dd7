"""Reading the numbers 例規集 pages print: 「第8条の2」「第13条から第17条まで」「(1)」「十四の二」「２」.

Digits may be ASCII, full-width or kanji (命数法 「百三十」 or positional 「一三〇」) — sometimes within one site
(第一法規 writes one digit full-width and longer numbers half-width) — and are all read through
:mod:`lawcode.text.numerals`. The results are e-Gov ``Num`` values: ``8_2`` for 枝番, ``13:17`` for a range.
"""

from __future__ import annotations

import re

from lawcode.errors import NumeralError
from lawcode.text.numerals import kanji_to_int, parse_branch_number

__all__ = ["NUMERAL", "read_int", "branch_num", "article_num", "unit_num", "item_num"]

#: One number in any of the scripts pages use.
NUMERAL = r"[0-9０-９〇一二三四五六七八九十百千]+"
_BRANCH = re.compile(rf"({NUMERAL})((?:の{NUMERAL})*)")
_UNIT = re.compile(rf"第\s*({NUMERAL})\s*[編章節款目条]((?:の{NUMERAL})*)")
_RANGE = re.compile(rf"第\s*({NUMERAL})\s*[編章節款目条]((?:の{NUMERAL})*)\s*(?:から|―|－|-|・|及び|および)\s*"
                    rf"第\s*({NUMERAL})\s*[編章節款目条]((?:の{NUMERAL})*)")


def read_int(text: str) -> int | None:
    """One number in any script, or ``None``."""
    try:
        return kanji_to_int(text)
    except (NumeralError, ValueError):
        return None


def branch_num(text: str) -> str | None:
    """「8の2」「十四の二」 → ``8_2``/``14_2``; ``None`` when *text* holds no number."""
    m = _BRANCH.search(text)
    if not m:
        return None
    try:
        values = parse_branch_number(m.group(0))
    except (NumeralError, ValueError):
        return None
    return "_".join(str(v) for v in values)


def article_num(text: str) -> tuple[str | None, bool]:
    """The ``Num`` of an 条 heading and whether it is a range: 「第8条の2」 → (``8_2``, False), 「第13条から
    第17条まで」 → (``13:17``, True)."""
    m = _RANGE.search(text)
    if m:
        first, last = branch_num(m.group(1) + m.group(2)), branch_num(m.group(3) + m.group(4))
        if first and last:
            return f"{first}:{last}", True
    m = _UNIT.search(text)
    if m:
        return branch_num(m.group(1) + m.group(2)), False
    return branch_num(text), False


def unit_num(text: str) -> str | None:
    """The ``Num`` of a 編章節款 heading: 「第3章の2」 → ``3_2``."""
    m = _UNIT.search(text)
    return branch_num(m.group(1) + m.group(2)) if m else branch_num(text)


def item_num(label: str) -> str | None:
    """The ``Num`` of a 号 label: 「(1)」「（１）」「一」「十四の二」「(14)の2」 → ``1``/``1``/``1``/``14_2``/``14_2``."""
    return branch_num(re.sub(r"[()（）\s]", "", label))
