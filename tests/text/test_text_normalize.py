"""Matching normalisation (lawcode.text.normalize)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcode.text.normalize import GLYPH_VARIANTS, normalize_for_match, normalize_width, strip_spaces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（１）", "(1)"),
        ("ＡＢＣａｂｃ１２３", "ABCabc123"),
        ("１，０００円", "1,000円"),
        ("！？：；．", "!?:;."),
        ("ｶﾞｰﾄﾞ", "ガード"),
        ("ﾊﾟﾋﾟﾌﾟ", "パピプ"),
        ("ｲﾛﾊ", "イロハ"),
        ("｢ｱ｣､｡･", "「ア」、。・"),
        ("附　則", "附　則"),  # 全角空白 is kept
        ("「第一条」、。", "「第一条」、。"),  # Japanese punctuation is kept
        ("神", "神"),  # CJK compatibility ideographs are not folded
        ("ﾞ", "\u3099"),  # a voiced mark without a base stays (as the combining mark)
        ("データ", "データ"),
    ],
)
def test_normalize_width(text: str, expected: str) -> None:
    assert normalize_width(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("附　則", "附則"),
        ("附 則\n", "附則"),
        ("（１）", "(1)"),
        ("１，０００", "1,000"),
        ("充塡", "充填"),
        ("剝離", "剥離"),
        ("頰", "頬"),
        ("𠮟責", "叱責"),
        ("一―三四", "一－三四"),
        ("一―三四", "一-三四"),
        ("一―三四", "一−三四"),
        ("一―三四", "一‐三四"),
        ("一―三四", "一—三四"),
        ("一―三四", "一–三四"),
        ("ｶｰﾄﾞ", "カード"),
    ],
)
def test_normalize_for_match_equates(a: str, b: str) -> None:
    assert normalize_for_match(a) == normalize_for_match(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("データ", "デ―タ"),  # the long vowel mark is not a dash
        ("カード", "カ-ド"),
        ("「」", "[]"),
        ("、", ","),
        ("第一条", "第二条"),
    ],
)
def test_normalize_for_match_keeps_apart(a: str, b: str) -> None:
    assert normalize_for_match(a) != normalize_for_match(b)


def test_normalize_for_match_values() -> None:
    assert normalize_for_match("附　則") == "附則"
    assert normalize_for_match("充塡 剝離") == "充填剥離"
    assert normalize_for_match("人事院規則一－三四") == "人事院規則一―三四"
    assert normalize_for_match("第一条\u2028第二条") == "第一条第二条"
    for new, old in GLYPH_VARIANTS.items():
        assert normalize_for_match(new) == old == normalize_for_match(old)


def test_strip_spaces() -> None:
    assert strip_spaces("附　則") == "附則"
    assert strip_spaces(" 第一条\t第二項\n") == "第一条第二項"
    assert strip_spaces("") == ""


@given(st.text())
def test_normalisation_is_idempotent(s: str) -> None:
    once = normalize_for_match(s)
    assert normalize_for_match(once) == once
    assert not any(ch.isspace() for ch in once)
    width = normalize_width(s)
    assert normalize_width(width) == width
    assert not any("\uff01" <= ch <= "\uff5e" or "\uff61" <= ch <= "\uff9f" for ch in width)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_normalize_for_match_ignores_spacing(s: str) -> None:
    assert (
        normalize_for_match(s) == normalize_for_match(" ".join(s)) == normalize_for_match("\u3000" + s + "\n")
    )


def test_wrong_argument_types_raise_lawcode_errors():
    import datetime

    import lawcode
    from lawcode import text

    cases = [
        (text.kanji_to_int, 5), (text.kanji_to_int, None), (text.int_to_kanji, "5"), (text.int_to_kanji, True),
        (text.parse_branch_number, 3), (text.iroha_to_int, None), (text.int_to_iroha, "イ"),
        (text.roman_to_int, 4), (text.int_to_roman, "iv"), (text.parse_any_numeral, b"1"),
        (text.parse_wareki, 20200101), (text.format_wareki, "2020-01-01"), (text.era_of, 2020),
        (text.parse_law_number, None), (text.decode_law_id, 415), (text.parse_revision_id, None),
        (text.normalize_for_match, None), (text.normalize_width, 1), (text.to_fullwidth_digits, 1.5),
    ]
    for fn, bad in cases:
        try:
            fn(bad)
        except lawcode.LawcodeError as exc:
            assert fn.__name__ in str(exc)
            assert isinstance(exc, TypeError)  # wrong types are TypeErrors (and the function's own error)
        else:
            raise AssertionError(f"{fn.__name__}({bad!r}) did not raise")
    assert text.format_wareki(datetime.date(2019, 5, 1)) == "令和元年五月一日"
