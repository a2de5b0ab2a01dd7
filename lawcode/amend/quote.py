"""Choosing the quoted operands of phrase edits (「A」を「B」に改める) for a generated 改め文.

A phrase edit rewrites **every** occurrence of its quoted phrase in its scope (domain.md §3.2 rule 5), so a
generator must quote a changed span with just enough surrounding context to occur exactly once in the scope,
and must not start or end a quote inside a number (「五百円」, not 「五百」; rule 7). :func:`next_edit` picks one
such edit for a block of text; the caller applies it (to a working copy, with the same code the applier uses)
and asks again until the block reads as the target, so that every edit is checked against the text it will
really meet, including the edits made before it in the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable

__all__ = ["PhraseEdit", "next_edit"]

#: Characters a quote should not cut through (numerals with their units, as drafters quote them).
_NUMERAL = frozenset("〇一二三四五六七八九十百千万億兆0123456789０１２３４５６７８９")
_MAX_CONTEXT = 400


@dataclass(frozen=True, slots=True)
class PhraseEdit:
    """One phrase edit: ``verb`` is ``replace`` (「old」を「new」に改める), ``delete`` (「old」を削る) or
    ``insert`` (「old」の下に「new」を加える: ``old`` is the anchor, ``new`` the inserted text)."""

    verb: str
    old: str
    new: str


def _cls(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff" or ch in "々〇":
        return "k"
    if "\u30a0" <= ch <= "\u30ff":
        return "t"
    return ""


def _last_change(cur: str, target: str) -> tuple[int, int, int, int] | None:
    """The last differing region (i1, i2 in *cur*; j1, j2 in *target*), or ``None`` when equal. Regions a few
    characters apart are merged, and a region is widened to whole runs of kanji or katakana (a word), so that
    「実施機関」 becomes 「市の機関」 rather than 「実施」 becoming 「市の」."""
    if cur == target:
        return None
    ops = [op[1:] for op in SequenceMatcher(None, cur, target, autojunk=False).get_opcodes() if op[0] != "equal"]
    regions: list[list[int]] = []
    for i1, i2, j1, j2 in ops:
        if regions and i1 - regions[-1][1] < 3:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    i1, i2, j1, j2 = regions[-1]
    # widen to word runs on both sides (the same characters on both sides, so offsets move together)
    while i1 > 0 and j1 > 0 and cur[i1 - 1] == target[j1 - 1] and _cls(cur[i1 - 1]) and (
            (i1 < i2 and _cls(cur[i1]) == _cls(cur[i1 - 1])) or (j1 < j2 and _cls(target[j1]) == _cls(cur[i1 - 1]))):
        i1, j1 = i1 - 1, j1 - 1
    while i2 < len(cur) and j2 < len(target) and cur[i2] == target[j2] and _cls(cur[i2]) and (
            (i1 < i2 and _cls(cur[i2 - 1]) == _cls(cur[i2])) or (j1 < j2 and _cls(target[j2 - 1]) == _cls(cur[i2]))):
        i2, j2 = i2 + 1, j2 + 1
    return i1, i2, j1, j2


def _balanced(s: str) -> bool:
    """Whether the corner brackets in *s* pair up (a quoted operand with a stray 「 or 」 cannot be read back)."""
    depth = 0
    for ch in s:
        if ch == "「":
            depth += 1
        elif ch == "」":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _widen_numerals(cur: str, a: int, b: int) -> tuple[int, int]:
    while a > 0 and a < len(cur) and cur[a - 1] in _NUMERAL and cur[a] in _NUMERAL:
        a -= 1
    while 0 < b < len(cur) and cur[b] in _NUMERAL and cur[b - 1] in _NUMERAL:
        b += 1
    return a, b


def next_edit(cur: str, target: str, count: Callable[[str], int]) -> tuple[PhraseEdit, int, int, str] | None:
    """The next phrase edit that brings block text *cur* closer to *target* (working from the end of the
    block, so that the positions of the edits still to come do not move), or ``None`` when they are equal.

    *count* says how often a phrase occurs in the whole scope of the edit (every block the applier will
    search); the quoted phrase is widened until it occurs exactly once. Returns the edit with the region
    ``[a, b)`` of *cur* it rewrites and the text that region becomes.
    """
    change = _last_change(cur, target)
    if change is None:
        return None
    i1, i2, j1, j2 = change
    rep = target[j1:j2]
    if i1 == i2:  # pure insertion: quote the text before it (「A」の下に「B」を加える) when that is unique
        a = i1
        if i1 > 0 and _cls(cur[i1 - 1]):  # start with the whole word before the insertion point
            while a > 0 and _cls(cur[a - 1]) == _cls(cur[i1 - 1]):
                a -= 1
            a += 1  # the loop below steps back onto the start of the word first
        while a > 0 and i1 - a < _MAX_CONTEXT:
            a -= 1
            a2, _ = _widen_numerals(cur, a, i1)
            a = a2
            if count(cur[a:i1]) == 1 and _balanced(cur[a:i1]) and _balanced(rep) and not (i1 < len(cur) and cur[i1 - 1] in _NUMERAL and cur[i1] in _NUMERAL
                                             and rep[:1] in _NUMERAL):
                return PhraseEdit("insert", cur[a:i1], rep), a, i1, cur[a:i1] + rep
    a, b = _widen_numerals(cur, i1, i2)
    for grow in range(0, 2 * _MAX_CONTEXT):
        if b > a and count(cur[a:b]) == 1 and _balanced(cur[a:b]) and _balanced(cur[a:i1] + rep + cur[i2:b]):
            old = cur[a:b]
            new = cur[a:i1] + rep + cur[i2:b]
            if new:
                return PhraseEdit("replace", old, new), a, b, new
            return PhraseEdit("delete", old, ""), a, b, ""
        if a == 0 and b == len(cur):
            break
        # widen on the side with more room, alternately, keeping numerals whole
        if (grow % 2 == 0 and a > 0) or b == len(cur):
            a -= 1
        else:
            b += 1
        a, b = _widen_numerals(cur, a, b)
    # the whole block is not unique in the scope (a repeated sentence): quote it anyway; the caller checks
    new = cur[a:i1] + rep + cur[i2:b]
    return (PhraseEdit("replace", cur[a:b], new) if new else PhraseEdit("delete", cur[a:b], "")), a, b, new
