"""Text normalisation for *matching only*.

Sources write the same statute text differently: full- and half-width characters (「（１）」 / 「(1)」, 「，」 / 「,」),
half-width katakana, JIS2004 and JIS90 glyphs (塡 / 填), assorted dashes and stray spaces (「附　則」 / 「附則」).
A quoted string of an amendment sentence must still find its target, so comparisons go through
:func:`normalize_for_match`. The result is a *key*: it is never written back into a law, which keeps its
characters exactly as published.

Every function is a single :meth:`str.translate` pass over a dense table built once at import (no regular
expressions); keys of short strings (titles, labels) are cached.
"""

from __future__ import annotations

from functools import lru_cache

from lawcode.errors import LawcodeError
from lawcode.text._guard import expects
from lawcode.text._tables import FULLWIDTH_ASCII_TO_ASCII, HALFWIDTH_KANA_TO_FULLWIDTH, compose_voiced_marks

__all__ = [
    "XML_WHITESPACE",
    "GLYPH_VARIANTS",
    "MATCH_DASHES",
    "normalize_for_match",
    "normalize_width",
    "strip_spaces",
]

#: The characters XML calls whitespace (the S production): text made only of these between elements is layout
#: (indentation, line breaks), never content — canonical_xml drops it, text() ignores it, diff skips it.
XML_WHITESPACE = " \t\r\n"

# Width: full-width ASCII (ＡＢＣ１２３（），．) -> ASCII; half-width katakana and its punctuation (ｶﾞｰﾄﾞ ｢｣､｡･) ->
# full-width (ガード 「」、。・). U+3000 and the full-width Japanese punctuation 「」、。・ are outside both blocks and
# so are kept. Half-width ｰ (U+FF70) is the katakana long-vowel mark and becomes ー, not a dash.
_WIDTH_TABLE: dict[int, int | str] = {**FULLWIDTH_ASCII_TO_ASCII, **HALFWIDTH_KANA_TO_FULLWIDTH}

#: JIS2004 glyph -> JIS90 glyph. The direction is toward the older form because Shift_JIS sources (衆議院 HTML,
#: older e-Gov data) cannot encode the JIS2004 forms at all, while newer sources may use either.
GLYPH_VARIANTS: dict[str, str] = {"塡": "填", "剝": "剥", "頰": "頬", "𠮟": "叱"}

#: Dash-like characters folded to ― (U+2015, the dash e-Gov uses in 人事院規則 numbers and ranges): full-width
#: hyphen-minus, ASCII hyphen-minus (what the width step makes of －), minus sign, hyphens, en and em dashes.
#: The katakana long-vowel mark ー is deliberately *not* included: it is part of words such as 「データ」.
MATCH_DASHES = "―－-−‐‑–—"

_WHITESPACE = " \t\n\r\v\f\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"

_MATCH_TABLE: dict[int, int | str | None] = dict(_WIDTH_TABLE)
_MATCH_TABLE.update({ord(a): b for a, b in GLYPH_VARIANTS.items()})
_MATCH_TABLE.update({ord(d): "―" for d in MATCH_DASHES})
_MATCH_TABLE.update({ord(w): None for w in _WHITESPACE})


def _dense(table: dict[int, int | str | None]) -> tuple[list[int | str | None], tuple[tuple[str, str], ...]]:
    """Split a translate table into a dense list over the BMP plus (old, new) pairs for astral characters.

    :meth:`str.translate` looks each character up with ``table[ord(ch)]``; a list index is about twice as fast as
    a dict lookup, and an index past the end raises IndexError (a LookupError), which leaves the character as
    it is — so astral characters (𠮟 U+20B9F) pass through and are handled by the replacement pairs.
    """
    dense: list[int | str | None] = list(range(0x10000))
    astral: list[tuple[str, str]] = []
    for cp, value in table.items():
        if cp < 0x10000:
            dense[cp] = value
        else:
            replacement = "" if value is None else value if isinstance(value, str) else chr(value)
            astral.append((chr(cp), replacement))
    return dense, tuple(astral)


_WIDTH_DENSE, _ = _dense(dict(_WIDTH_TABLE))  # the width tables hold no astral characters
_MATCH_DENSE, _MATCH_ASTRAL = _dense(_MATCH_TABLE)


@expects(str, LawcodeError)
def normalize_width(s: str) -> str:
    """Fold character width: full-width ASCII letters, digits and punctuation to ASCII (「（１）」 → 「(1)」,
    「，」 → 「,」), half-width katakana to full-width (「ｶﾞｰﾄﾞ」 → 「ガード」, 「｢｣」 → 「「」」).

    Full-width space (U+3000) and the Japanese punctuation 「」、。 are kept as they are.
    """
    return compose_voiced_marks(s.translate(_WIDTH_DENSE))


def _match_key(s: str) -> str:
    out = compose_voiced_marks(s.translate(_MATCH_DENSE))
    for old, new in _MATCH_ASTRAL:
        if old in out:
            out = out.replace(old, new)
    # Rare whitespace outside the table (other Unicode spaces) — str.split() knows them all.
    if not out.isprintable():
        out = "".join(out.split())
    return out


# Titles and labels are normalised again and again while resolving addresses; long texts are not cached so that
# the cache cannot pin whole laws in memory.
_cached_match_key = lru_cache(maxsize=16384)(_match_key)
_CACHE_MAX_LEN = 64


@expects(str, LawcodeError)
def normalize_for_match(s: str) -> str:
    """A comparison key: :func:`normalize_width`, JIS2004 glyphs to JIS90 (:data:`GLYPH_VARIANTS`), dashes to
    ― (:data:`MATCH_DASHES`, not ー), and every whitespace character (incl. 全角空白) removed.

    ``normalize_for_match("附　則") == normalize_for_match("附則")``; never write the result back into a law.
    """
    if len(s) <= _CACHE_MAX_LEN:
        return _cached_match_key(s)
    return _match_key(s)


@expects(str, LawcodeError)
def strip_spaces(s: str) -> str:
    """Remove every whitespace character, including 全角空白 (U+3000): 「附　則」 → 「附則」."""
    return "".join(s.split())
