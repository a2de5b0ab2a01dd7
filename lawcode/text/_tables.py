"""Character tables shared by the text utilities (private).

The tables are built once at import time from Unicode data instead of being typed by hand, so that they cannot
drift from the standard: the NFKC decomposition of a full-width ASCII form (U+FF01–U+FF5E) is the matching ASCII
character, and that of a half-width katakana form (U+FF61–U+FF9F) is the matching full-width character.
Everything here is a plain ``dict`` usable with :meth:`str.translate`, which is far faster than per-character
Python loops or regular expressions in the per-node hot paths.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "ASCII_DIGITS",
    "ASCII_TO_KANJI_DIGITS",
    "FULLWIDTH_ASCII_TO_ASCII",
    "FULLWIDTH_DIGITS",
    "HALFWIDTH_KANA_TO_FULLWIDTH",
    "KANJI_DIGITS",
    "TO_ASCII_DIGITS",
    "TO_FULLWIDTH_DIGITS",
    "VOICED_COMPOSE",
    "compose_voiced_marks",
]

ASCII_DIGITS = "0123456789"
FULLWIDTH_DIGITS = "０１２３４５６７８９"
# Positional kanji digits (漢数字の位取り記数法): 〇 is the zero used in 「二〇二三」 and AmendLawNum.
KANJI_DIGITS = "〇一二三四五六七八九"

TO_ASCII_DIGITS: dict[int, int] = str.maketrans(FULLWIDTH_DIGITS, ASCII_DIGITS)
TO_FULLWIDTH_DIGITS: dict[int, int] = str.maketrans(ASCII_DIGITS, FULLWIDTH_DIGITS)
ASCII_TO_KANJI_DIGITS: dict[int, int] = str.maketrans(ASCII_DIGITS, KANJI_DIGITS)

# U+FF01..U+FF5E (！ .. ～) -> U+0021..U+007E. U+3000 (全角空白) is outside this block and is kept as is.
FULLWIDTH_ASCII_TO_ASCII: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def _halfwidth_kana_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF61, 0xFFA0):
        full = unicodedata.normalize("NFKC", chr(cp))
        if full != chr(cp):
            table[cp] = full
    return table


# ｶ -> カ, ｰ -> ー, ｡ -> 。, ｢ -> 「; the voiced marks ﾞ ﾟ become the *combining* marks U+3099 / U+309A so that
# compose_voiced_marks() can fold 「ｶﾞ」 into one 「ガ」.
HALFWIDTH_KANA_TO_FULLWIDTH: dict[int, str] = _halfwidth_kana_table()


def _voiced_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for cp in range(0x30A1, 0x30FB):  # ァ .. ヺ
        for mark in ("\u3099", "\u309a"):
            pair = chr(cp) + mark
            composed = unicodedata.normalize("NFC", pair)
            if len(composed) == 1:
                table[pair] = composed
    return table


# 「カ」+U+3099 -> 「ガ」 etc. Only katakana: half-width input never yields hiragana.
VOICED_COMPOSE: dict[str, str] = _voiced_table()


def compose_voiced_marks(s: str) -> str:
    """Fold katakana + combining (semi-)voiced mark pairs into single characters.

    A full NFC pass would do this too, but NFC also rewrites CJK compatibility ideographs (e.g. U+FA19 神 to
    U+795E), which must stay untouched; so only the kana pairs that half-width input produces are composed.
    """
    if "\u3099" not in s and "\u309a" not in s:
        return s
    out: list[str] = []
    for ch in s:
        if out and (ch == "\u3099" or ch == "\u309a"):
            composed = VOICED_COMPOSE.get(out[-1] + ch)
            if composed is not None:
                out[-1] = composed
                continue
        out.append(ch)
    return "".join(out)
