"""Provision numbers (``Num`` attributes): 枝番 (branch numbers), deleted ranges and document order.

e-Gov writes 第三条の二 as ``Num="3_2"`` and a deleted range such as 「第二十九条から第三十一条まで　削除」 as
``Num="29:31"``. Subitems may carry kana (``Num="イ"``) and a few files carry half-width kana ranges
(``Num="ﾊ:ﾂ"``). :class:`ProvisionNumber` turns any of these into integer tuples once, so that ordering
(21 < 21_2 < 21_2_2 < 21_3 < 22 is plain tuple order) and range membership are cheap comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lawcode.errors import NumeralError
from lawcode.text.numerals import format_branch_number, iroha_to_int

__all__ = ["ProvisionNumber", "parse_num", "read_int"]


def read_int(value: str | None, default: int | None = None) -> int | None:
    """An attribute value read as a non-negative integer (``"07"`` → 7); *default* if it is not ASCII digits.

    ``str.isdigit`` alone would accept characters such as 「²」 or 「①」 that ``int()`` then rejects.
    """
    if value is None:
        return default
    value = value.strip()
    return int(value) if value and value.isascii() and value.isdigit() else default


def _token(part: str) -> int | None:
    if part.isascii() and part.isdigit():
        return int(part)
    if part.isascii():
        return None
    try:
        return iroha_to_int(part)
    except NumeralError:
        return None


@dataclass(frozen=True, slots=True)
class ProvisionNumber:
    """A parsed ``Num`` attribute.

    ``first`` is the number as a tuple of integers (``(3, 2)`` for ``"3_2"``); ``last`` is the end of a
    deleted range (``(31,)`` for ``"29:31"``) or ``None``. ``raw`` is the attribute value exactly as written.
    ``first`` is ``None`` when the value cannot be read as a number (it is then kept and shown verbatim).
    """

    raw: str
    first: tuple[int, ...] | None
    last: tuple[int, ...] | None = None

    @property
    def is_range(self) -> bool:
        """True for a deleted range such as ``29:31`` (第二十九条から第三十一条まで)."""
        return self.last is not None

    @property
    def sort_key(self) -> tuple[int, ...]:
        """Key for document order; unreadable numbers sort last."""
        return self.first if self.first is not None else (1 << 62,)

    def covers(self, number: tuple[int, ...]) -> bool:
        """Whether *number* is this number, or lies inside this range (branch numbers in between included).

        ``29:31`` covers 29, 29_2, 30 and 31 but not 31_2, following the citation rule that
        「第二十九条から第三十一条まで」 includes the branch articles between its ends but not those after the end.
        """
        if self.first is None:
            return False
        if self.last is None:
            return number == self.first
        return self.first <= number <= self.last

    def kanji(self) -> str:
        """The number in kanji with の for branches, e.g. ``三の二``; ranges give the first number only."""
        if self.first is None:
            return self.raw
        return format_branch_number(self.first)

    def __str__(self) -> str:
        return self.raw


@lru_cache(maxsize=8192)
def parse_num(raw: str) -> ProvisionNumber:
    """Parse a ``Num`` attribute value (cached: the same few thousand values recur in every law)."""
    first_s, sep, last_s = raw.partition(":")
    first = _parse_tuple(first_s)
    last = _parse_tuple(last_s) if sep else None
    if sep and (first is None or last is None):
        return ProvisionNumber(raw, None)
    return ProvisionNumber(raw, first, last)


def _parse_tuple(text: str) -> tuple[int, ...] | None:
    if not text:
        return None
    parts = []
    for part in text.split("_"):
        value = _token(part)
        if value is None:
            return None
        parts.append(value)
    return tuple(parts)
