"""Text utilities: numerals, eras, law numbers and matching keys.

The bottom layer of lawcode. It imports only the standard library and :mod:`lawcode.errors`, so every other layer
can use it; each module has one job:

* :mod:`~lawcode.text.numerals` — kanji (命数法 and positional), Arabic, full-width, branch (の), イロハ, アイウ and
  roman numbers;
* :mod:`~lawcode.text.eras` — 元号 and 和暦 dates;
* :mod:`~lawcode.text.lawnum` — 法令番号, e-Gov LawIDs and revision IDs;
* :mod:`~lawcode.text.normalize` — normalisation for matching (never written back).
"""


from lawcode.text.eras import (
    Era,
    era_of,
    format_wareki,
    from_gregorian_year,
    parse_wareki,
    parse_wareki_year,
    to_gregorian_year,
)
from lawcode.text.lawnum import (
    COMMISSION_RULE_KINDS,
    LawId,
    LawNumber,
    RevisionId,
    decode_law_id,
    encode_law_id,
    parse_law_number,
    parse_revision_id,
)
from lawcode.text.normalize import (
    GLYPH_VARIANTS,
    MATCH_DASHES,
    normalize_for_match,
    normalize_width,
    strip_spaces,
)
from lawcode.text.numerals import (
    AIU,
    IROHA,
    KANJI_NUMERAL_CHARS,
    MAX_KANJI_NUMBER,
    ROMAN_MAX,
    aiu_to_int,
    format_branch_number,
    int_to_aiu,
    int_to_iroha,
    int_to_kanji,
    int_to_roman,
    iroha_to_int,
    kanji_to_int,
    parse_any_numeral,
    parse_branch_number,
    roman_to_int,
    to_fullwidth_digits,
    to_halfwidth_digits,
)

__all__ = [
    "AIU",
    "COMMISSION_RULE_KINDS",
    # normalisation
    "GLYPH_VARIANTS",
    "IROHA",
    # numerals
    "KANJI_NUMERAL_CHARS",
    "MATCH_DASHES",
    "MAX_KANJI_NUMBER",
    "ROMAN_MAX",
    # eras
    "Era",
    "LawId",
    # law numbers
    "LawNumber",
    "RevisionId",
    "aiu_to_int",
    "decode_law_id",
    "encode_law_id",
    "era_of",
    "format_branch_number",
    "format_wareki",
    "from_gregorian_year",
    "int_to_aiu",
    "int_to_iroha",
    "int_to_kanji",
    "int_to_roman",
    "iroha_to_int",
    "kanji_to_int",
    "normalize_for_match",
    "normalize_width",
    "parse_any_numeral",
    "parse_branch_number",
    "parse_law_number",
    "parse_revision_id",
    "parse_wareki",
    "parse_wareki_year",
    "roman_to_int",
    "strip_spaces",
    "to_fullwidth_digits",
    "to_gregorian_year",
    "to_halfwidth_digits",
]
