"""Numbers as Japanese statutes write them.

Statute text numbers things in several systems, and a citation parser must read all of them and write each one
back the way the text does:

* kanji in the place-value system (命数法): 第百二十三条, 第千五十条, 一万二千円, 三億円. 十/百/千 without a leading
  一 mean one ten/hundred/thousand;
* positional kanji digits (位取り) with 〇: 「二五」 = 25, 「平成二四年八月二二日法律第六七号」 (AmendLawNum), 「一〇の項」;
* Arabic digits, ASCII or full-width: ParagraphNum 「２」, 「１０」;
* branch numbers (枝番号) joined by の: 第百二十三条の二の三 = (123, 2, 3);
* kana sequence labels for 号の細分: イロハ order (いろは順), and アイウ order (五十音順) in some newer texts;
* lower-case roman numerals in the deepest subitem titles: （ｉ）（ｉｉ）.

Everything here is pure, uses only the standard library and raises :class:`~lawcode.errors.NumeralError`, which
is also a :class:`ValueError`. Results of the string readers are cached because the same few hundred labels recur
on every node of every law.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from lawcode.errors import NumeralError
from lawcode.text._guard import expects
from lawcode.text._tables import (
    ASCII_TO_KANJI_DIGITS,
    HALFWIDTH_KANA_TO_FULLWIDTH,
    KANJI_DIGITS,
    TO_ASCII_DIGITS,
    TO_FULLWIDTH_DIGITS,
)

__all__ = [
    "AIU",
    "IROHA",
    "KANJI_NUMERAL_CHARS",
    "MAX_KANJI_NUMBER",
    "ROMAN_MAX",
    "aiu_to_int",
    "format_branch_number",
    "int_to_aiu",
    "int_to_iroha",
    "int_to_kanji",
    "int_to_roman",
    "iroha_to_int",
    "kanji_to_int",
    "parse_any_numeral",
    "parse_branch_number",
    "roman_to_int",
    "to_fullwidth_digits",
    "to_halfwidth_digits",
]

# --------------------------------------------------------------------------------------------------------------
# Kanji numerals (漢数字)
# --------------------------------------------------------------------------------------------------------------

# 一..九 as coefficients of the place-value words; 〇 is only a positional digit.
_COEFFICIENTS: dict[str, int] = {ch: i for i, ch in enumerate(KANJI_DIGITS) if i}
_POSITIONAL: dict[str, int] = {ch: i for i, ch in enumerate(KANJI_DIGITS)}
# Units inside one four-digit group (十, 百, 千) and the group words (万, 億, 兆).
_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS: dict[str, int] = {"万": 10**4, "億": 10**8, "兆": 10**12}
_LARGE_UNITS_DESC: tuple[tuple[int, str], ...] = ((10**12, "兆"), (10**8, "億"), (10**4, "万"))
_ASCII_DIGIT_SET = frozenset("0123456789")

#: Every character that may occur in a kanji number (both systems) plus 元 and 零.
KANJI_NUMERAL_CHARS: frozenset[str] = frozenset(KANJI_DIGITS + "十百千万億兆元零")

#: The largest number :func:`int_to_kanji` writes in 命数法 (九千九百九十九兆…九); 京 is not used in statutes.
MAX_KANJI_NUMBER = 10**16 - 1


def _place_value(s: str) -> int:
    """Read a 命数法 number. ``s`` is known to contain at least one unit character."""
    total = 0
    group = 0  # value of the current four-digit group
    pending: int | None = None  # a coefficient not yet multiplied by a unit
    last_small = 10**4  # units inside a group must strictly descend: 千 > 百 > 十
    last_large = 10**16  # group words must strictly descend: 兆 > 億 > 万
    for ch in s:
        coefficient = _COEFFICIENTS.get(ch)
        if coefficient is not None:
            if pending is not None:  # 「二三十」: two digits in a row
                raise NumeralError(f"two digits in a row in kanji number {s!r}")
            pending = coefficient
            continue
        unit = _SMALL_UNITS.get(ch)
        if unit is not None:
            if unit >= last_small:  # 「十十」, 「百千」
                raise NumeralError(f"unit {ch} out of order in kanji number {s!r}")
            group += (1 if pending is None else pending) * unit
            pending = None
            last_small = unit
            continue
        unit = _LARGE_UNITS.get(ch)
        if unit is not None:
            if unit >= last_large:  # 「万万」, 「万億」
                raise NumeralError(f"unit {ch} out of order in kanji number {s!r}")
            if pending is not None:
                group += pending
                pending = None
            if group == 0:  # 「万」 alone or 「億万」: a group word needs a coefficient
                raise NumeralError(f"{ch} without a coefficient in kanji number {s!r}")
            total += group * unit
            group = 0
            last_small = 10**4
            last_large = unit
            continue
        raise NumeralError(f"unexpected character {ch!r} in kanji number {s!r}")
    if pending is not None:
        group += pending
    return total + group


@expects(str, NumeralError)
@lru_cache(maxsize=8192)
def kanji_to_int(s: str) -> int:
    """Read one number written in kanji (命数法 or positional) or in Arabic digits (ASCII or full-width).

    ``元`` (as in 元年) is 1 and ``零``/``〇`` are 0. A string is read as 命数法 when it contains one of 十百千万億兆,
    otherwise as positional digits (``二五`` = 25, ``二〇二三`` = 2023). Mixed forms (``二〇万``, ``1万``), unit words
    out of order (``十十``, ``百千``), empty strings and anything else raise :class:`NumeralError` naming ``s``.
    """
    if not s:
        raise NumeralError("empty string is not a number")
    if s == "元":
        return 1
    if s == "零":
        return 0
    ascii_digits = s.translate(TO_ASCII_DIGITS)
    if ascii_digits.isascii() and ascii_digits.isdigit():
        return int(ascii_digits)
    for ch in s:
        if ch in _SMALL_UNITS or ch in _LARGE_UNITS:
            return _place_value(s)
    value = 0
    for ch in s:
        digit = _POSITIONAL.get(ch)
        if digit is None:
            raise NumeralError(f"not a number: {s!r}")
        value = value * 10 + digit
    return value


def _group_to_kanji(n: int) -> str:
    """Write 1..9999 in 命数法 (no leading 一 before 千/百/十)."""
    parts: list[str] = []
    for unit, word in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, unit)
        if digit:
            if digit > 1:
                parts.append(KANJI_DIGITS[digit])
            parts.append(word)
    if n:
        parts.append(KANJI_DIGITS[n])
    return "".join(parts)


@expects(int, NumeralError)
@lru_cache(maxsize=8192)
def int_to_kanji(n: int, *, positional: bool = False) -> str:
    """Write ``n`` in kanji as statutes do: 命数法 by default (15 → 十五, 1050 → 千五十, 10000 → 一万).

    A group word always carries its coefficient (一万, 一億) while 十/百/千 never take 一, which is the form of
    article numbers and amounts in e-Gov text. ``positional=True`` writes digit by digit (25 → 二五, 10 → 一〇), the
    form of AmendLawNum dates and numbers. 0 is 〇 in both. Negative numbers, and numbers of 京 (10**16) and above
    in 命数法, raise :class:`NumeralError`.
    """
    if n < 0:
        raise NumeralError(f"cannot write a negative number in kanji: {n}")
    if positional:
        return str(n).translate(ASCII_TO_KANJI_DIGITS)
    if n == 0:
        return "〇"
    if n > MAX_KANJI_NUMBER:
        raise NumeralError(f"number too large for kanji 命数法 (max 10**16 - 1): {n}")
    parts: list[str] = []
    for unit, word in _LARGE_UNITS_DESC:
        group, n = divmod(n, unit)
        if group:
            parts.append(_group_to_kanji(group))
            parts.append(word)
    if n:
        parts.append(_group_to_kanji(n))
    return "".join(parts)


# --------------------------------------------------------------------------------------------------------------
# Branch numbers (枝番号)
# --------------------------------------------------------------------------------------------------------------


@expects(str, NumeralError)
@lru_cache(maxsize=8192)
def parse_branch_number(s: str) -> tuple[int, ...]:
    """Read a number with branch numbers joined by の: ``百二十三の二の三`` → (123, 2, 3), ``三`` → (3,).

    Each part may use any form :func:`kanji_to_int` reads (``106の24`` → (106, 24)).
    """
    if not s:
        raise NumeralError("empty string is not a (branch) number")
    try:
        return tuple(kanji_to_int(part) for part in s.split("の"))
    except NumeralError:
        raise NumeralError(f"not a (branch) number: {s!r}") from None


def format_branch_number(parts: Sequence[int]) -> str:
    """Write (123, 2, 3) as ``百二十三の二の三`` (命数法 in every part, the form of article/item titles)."""
    if not parts:
        raise NumeralError("a branch number needs at least one part")
    return "の".join(int_to_kanji(p) for p in parts)


# --------------------------------------------------------------------------------------------------------------
# Digit width (全角・半角)
# --------------------------------------------------------------------------------------------------------------


@expects((int, str), NumeralError)
def to_fullwidth_digits(x: int | str) -> str:
    """ASCII digits → full-width (12 → ``１２``), as e-Gov writes ParagraphNum; other characters are kept."""
    return str(x).translate(TO_FULLWIDTH_DIGITS)


@expects(str, NumeralError)
def to_halfwidth_digits(s: str) -> str:
    """Full-width digits → ASCII (``１２`` → ``12``); every other character is kept."""
    return s.translate(TO_ASCII_DIGITS)


# --------------------------------------------------------------------------------------------------------------
# Kana sequences (イロハ順, アイウ順)
# --------------------------------------------------------------------------------------------------------------

#: The 47 kana of the いろは poem in order; labels 号の細分 (イ, ロ, ハ, …). ヰ and ヱ are part of it.
IROHA: tuple[str, ...] = tuple(
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)

#: The modern 46-kana 五十音 order ア…ン used by texts that label with アイウ. Choice: the obsolete ヰ and ヱ are
#: left out (they are not in the modern order), ヲ is kept before ン because modern gojūon tables keep it, and the
#: small kana and voiced kana are not labels.
AIU: tuple[str, ...] = tuple(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)

_IROHA_INDEX: dict[str, int] = {kana: i + 1 for i, kana in enumerate(IROHA)}
_AIU_INDEX: dict[str, int] = {kana: i + 1 for i, kana in enumerate(AIU)}


def _kana_label(s: str) -> str:
    """Accept half-width katakana (ﾛ) for full-width (ロ)."""
    return s.translate(HALFWIDTH_KANA_TO_FULLWIDTH) if s else s


@expects(str, NumeralError)
def iroha_to_int(s: str) -> int:
    """Position of a kana in イロハ order: ``イ`` → 1, ``ロ`` → 2, … ``ス`` → 47 (half-width ``ﾛ`` accepted)."""
    value = _IROHA_INDEX.get(_kana_label(s))
    if value is None:
        raise NumeralError(f"not an iroha label: {s!r}")
    return value


@expects(int, NumeralError)
def int_to_iroha(n: int) -> str:
    """The ``n``-th kana in イロハ order (1 → ``イ``); outside 1..47 raises :class:`NumeralError`."""
    if not 1 <= n <= len(IROHA):
        raise NumeralError(f"no iroha label for {n} (1..{len(IROHA)})")
    return IROHA[n - 1]


@expects(str, NumeralError)
def aiu_to_int(s: str) -> int:
    """Position of a kana in アイウ order: ``ア`` → 1, ``イ`` → 2, … ``ン`` → 46 (half-width accepted)."""
    value = _AIU_INDEX.get(_kana_label(s))
    if value is None:
        raise NumeralError(f"not an aiu label: {s!r}")
    return value


@expects(int, NumeralError)
def int_to_aiu(n: int) -> str:
    """The ``n``-th kana in アイウ order (1 → ``ア``); outside 1..46 raises :class:`NumeralError`."""
    if not 1 <= n <= len(AIU):
        raise NumeralError(f"no aiu label for {n} (1..{len(AIU)})")
    return AIU[n - 1]


# --------------------------------------------------------------------------------------------------------------
# Roman numerals (ローマ数字), as in （ｉ）（ｉｉ）
# --------------------------------------------------------------------------------------------------------------

_ROMAN_STEPS: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_ROMAN_VALUES: dict[str, int] = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
# Full-width and upper-case letters fold to ASCII lower case; ⅰ..ⅿ / Ⅰ..Ⅿ single-letter forms too.
_ROMAN_FOLD: dict[int, int] = {}
for _letter in _ROMAN_VALUES:
    for _variant in (_letter.upper(), chr(ord(_letter) + 0xFEE0), chr(ord(_letter.upper()) + 0xFEE0)):
        _ROMAN_FOLD[ord(_variant)] = ord(_letter)
del _letter, _variant
_TO_FULLWIDTH_ASCII: dict[int, int] = {cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)}
ROMAN_MAX = 3999


def _roman_lower(s: str) -> str:
    return s.translate(_ROMAN_FOLD)


@expects(str, NumeralError)
@lru_cache(maxsize=1024)
def roman_to_int(s: str) -> int:
    """Read a roman numeral in canonical form (``iv``, not ``iiii``), ASCII or full-width, either case.

    Non-canonical spellings are rejected so that a stray word of Latin letters is not mistaken for a number.
    """
    low = _roman_lower(s)
    if not low or any(ch not in _ROMAN_VALUES for ch in low):
        raise NumeralError(f"not a roman numeral: {s!r}")
    total = 0
    for i, ch in enumerate(low):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(low) and _ROMAN_VALUES[low[i + 1]] > value:
            total -= value
        else:
            total += value
    if not 1 <= total <= ROMAN_MAX or int_to_roman(total) != low:
        raise NumeralError(f"not a canonical roman numeral: {s!r}")
    return total


@expects(int, NumeralError)
def int_to_roman(n: int, *, fullwidth: bool = False, upper: bool = False) -> str:
    """Write 1..3999 as a roman numeral: lower-case ASCII by default (4 → ``iv``); ``fullwidth`` gives ``ｉｖ``."""
    if not 1 <= n <= ROMAN_MAX:
        raise NumeralError(f"no roman numeral for {n} (1..{ROMAN_MAX})")
    parts: list[str] = []
    for value, letters in _ROMAN_STEPS:
        count, n = divmod(n, value)
        parts.append(letters * count)
    out = "".join(parts)
    if upper:
        out = out.upper()
    if fullwidth:
        out = out.translate(_TO_FULLWIDTH_ASCII)
    return out


# --------------------------------------------------------------------------------------------------------------
# Any single number token
# --------------------------------------------------------------------------------------------------------------

_BRACKETS: tuple[tuple[str, str], ...] = (("（", "）"), ("(", ")"))


@expects(str, NumeralError)
@lru_cache(maxsize=4096)
def parse_any_numeral(s: str) -> int:
    """Read one number token of a citation, whatever system it is written in.

    Surrounding whitespace and one enclosing pair of round brackets (``（ｉｖ）``, ``(1)``) are ignored. Precedence:

    1. a single kana of the イロハ order (full- or half-width) is an iroha label — so ``イ`` is 1 and ``ア`` is 36
       (ア is also in the イロハ order; an アイウ label must be read with :func:`aiu_to_int`, its context tells);
    2. kanji numerals (命数法 or positional, 元, 零) and Arabic digits, via :func:`kanji_to_int`;
    3. a canonical roman numeral written with i, v and x only (``ｉｖ``, ``ii``, ``XII``; 1..39), the range of
       subitem titles. Tokens with l, c, d or m are refused because alphabetic labels such as （ｃ） or （ｄ） are far
       likelier than 100 or 500; call :func:`roman_to_int` directly for those.

    The three alphabets do not overlap, so the order only matters for ア-type ambiguity. Anything else raises
    :class:`NumeralError`.
    """
    token = s.strip()
    for opening, closing in _BRACKETS:
        if len(token) >= 2 and token[0] == opening and token[-1] == closing:
            token = token[1:-1].strip()
            break
    if not token:
        raise NumeralError(f"not a number: {s!r}")
    if len(token) == 1:
        iroha = _IROHA_INDEX.get(_kana_label(token))
        if iroha is not None:
            return iroha
    first = token[0]
    if first in KANJI_NUMERAL_CHARS or first.translate(TO_ASCII_DIGITS) in _ASCII_DIGIT_SET:
        try:
            return kanji_to_int(token)
        except NumeralError:
            raise NumeralError(f"not a number: {s!r}") from None
    if _roman_lower(token).strip("ivx"):
        raise NumeralError(f"not a number: {s!r}")
    try:
        return roman_to_int(token)
    except NumeralError:
        raise NumeralError(f"not a number: {s!r}") from None
