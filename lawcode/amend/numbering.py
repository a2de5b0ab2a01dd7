"""Printed numbers of renumbered 項・号・細分, written in the convention the law already uses for that element.

A renumbering (「第九項を第十項とする」, 「イをロとする」, 「一号ずつ繰り下げる」) changes the ``Num`` attribute and
the printed title. The printed form is not a property of the number but of the element's level in this law:
e-Gov prints ``ParagraphNum`` in full-width digits (「１０」), ``ItemTitle`` in kanji (「十」) or, in some
ordinances, bracketed digits (「（１０）」), and the 細分 levels in イロハ/アイウ kana, bracketed digits or roman
numerals. The convention is therefore read from the *siblings* (the titles of the same element kind under the
same parent), falling back to the element's own old title, then to e-Gov's default for the kind — never from the
width of the old number alone, which gave 「10」 for a 項 renumbered from 「９」.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from lawcode.text.numerals import (
    KANJI_NUMERAL_CHARS,
    aiu_to_int,
    int_to_aiu,
    int_to_iroha,
    int_to_kanji,
    int_to_roman,
    iroha_to_int,
    kanji_to_int,
    roman_to_int,
    to_fullwidth_digits,
)

__all__ = ["LabelStyle", "label_style", "read_label", "write_label"]

_BRACKETS = {"（": "）", "(": ")"}
_ROMAN = frozenset("ivxlcdmIVXLCDMｉｖｘｌｃｄｍＩＶＸＬＣＤＭ")
_FULL_DIGITS = frozenset("０１２３４５６７８９")


@dataclass(frozen=True)
class LabelStyle:
    """How one level of a law prints its numbers: the brackets around them and the numeral system.

    ``system`` is one of ``"kanji"`` (「十」), ``"digits"`` (「10」), ``"fullwidth"`` (「１０」), ``"iroha"`` (イ),
    ``"aiu"`` (ア), ``"roman"`` (ｉ, with ``upper``/``wide`` flags for Ｉ or i).
    """

    system: str
    opening: str = ""
    closing: str = ""
    upper: bool = False
    wide: bool = True


def _classify(title: str, horizontal: bool) -> LabelStyle | None:
    text = "".join(title.split())
    opening = closing = ""
    if text[:1] in _BRACKETS and text.endswith(_BRACKETS[text[0]]):
        opening, closing, text = text[0], text[-1], text[1:-1]
    if not text:
        return None
    head = text.split("の")[0]
    if head.isdigit():
        system = "fullwidth" if any(c in _FULL_DIGITS for c in head) else "digits"
        return LabelStyle(system, opening, closing)
    if all(c in KANJI_NUMERAL_CHARS for c in head):
        return LabelStyle("kanji", opening, closing)
    if all(c in _ROMAN for c in head):
        return LabelStyle("roman", opening, closing, upper=head.upper() == head,
                          wide=all(ord(c) > 0x7F for c in head))
    if len(head) == 1 and "\u30a1" <= head <= "\u30fa":
        return LabelStyle("aiu" if horizontal else "iroha", opening, closing)
    return None


def label_style(siblings: Iterable[str], own: str, default: LabelStyle, *, horizontal: bool = False) -> LabelStyle:
    """The style most of *siblings* (the printed titles of the other elements at the same level) use; the style
    of *own* (the element's old title) when no sibling tells; *default* when neither does."""
    votes = Counter(s for s in (_classify(t, horizontal) for t in siblings) if s is not None)
    if votes:
        return votes.most_common(1)[0][0]
    return _classify(own, horizontal) or default


def write_label(number: tuple[int, ...], style: LabelStyle) -> str:
    """*number* printed in *style*: ``(10,)`` → 「１０」 (fullwidth), ``(3, 2)`` → 「三の二」 (kanji), ``(2,)`` →
    「（ロ）」 (iroha in brackets)."""

    def one(n: int) -> str:
        if style.system == "kanji":
            return int_to_kanji(n)
        if style.system == "fullwidth":
            return to_fullwidth_digits(n)
        if style.system == "digits":
            return str(n)
        if style.system == "iroha":
            return int_to_iroha(n)
        if style.system == "aiu":
            return int_to_aiu(n)
        return int_to_roman(n, fullwidth=style.wide, upper=style.upper)

    return style.opening + "の".join(one(n) for n in number) + style.closing


def read_label(label: str, *, horizontal: bool = False) -> int:
    """The number a 細分 label names: 「ロ」 → 2 (「ウ」 → 3 in a horizontal law's アイウ order), 「（１０）」 → 10,
    「（ｉｖ）」 → 4. Raises :class:`lawcode.errors.NumeralError` for anything else."""
    style = _classify(label, horizontal)
    text = "".join(label.split())
    core = text[1:-1] if style is not None and style.opening else text
    if style is None or style.system in ("kanji", "digits", "fullwidth"):
        return kanji_to_int(core)
    if style.system == "roman":
        return roman_to_int(core)
    return aiu_to_int(core) if style.system == "aiu" else iroha_to_int(core)
