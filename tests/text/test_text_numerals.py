"""Kanji, Arabic, branch, kana and roman numbers (lawcode.text.numerals)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcode.errors import LawcodeError, NumeralError
from lawcode.text.numerals import (
    AIU,
    IROHA,
    MAX_KANJI_NUMBER,
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("百", 100),
        ("百二十三", 123),
        ("千", 1000),
        ("一千", 1000),
        ("一百", 100),
        ("千五十", 1050),
        ("一万", 10000),
        ("一万二千", 12000),
        ("一万二千三百四十五", 12345),
        ("千万", 10**7),
        ("三億", 3 * 10**8),
        ("一兆", 10**12),
        ("二兆三億四万五", 2 * 10**12 + 3 * 10**8 + 4 * 10**4 + 5),
        ("二五", 25),
        ("一〇", 10),
        ("〇", 0),
        ("〇五", 5),
        ("二〇二三", 2023),
        ("一一", 11),
        ("12", 12),
        ("１２", 12),
        ("０", 0),
        ("元", 1),
        ("零", 0),
    ],
)
def test_kanji_to_int(text: str, value: int) -> None:
    assert kanji_to_int(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "十十", "百千", "千千", "万万", "万億", "万", "億", "二三十", "二〇万", "1万", "十〇", "abc", "一a", "ｉ", "イ",
     "元年", "一 二", "-1", "1.5", "²"],
)  # fmt: skip
def test_kanji_to_int_rejects(text: str) -> None:
    with pytest.raises(NumeralError) as info:
        kanji_to_int(text)
    assert isinstance(info.value, ValueError) and isinstance(info.value, LawcodeError)
    if text:
        assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "〇"),
        (1, "一"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (100, "百"),
        (110, "百十"),
        (1000, "千"),
        (1050, "千五十"),
        (10000, "一万"),
        (10010, "一万十"),
        (12345, "一万二千三百四十五"),
        (10**7, "千万"),
        (10**8, "一億"),
        (10**12, "一兆"),
        (MAX_KANJI_NUMBER, "九千九百九十九兆九千九百九十九億九千九百九十九万九千九百九十九"),
    ],
)
def test_int_to_kanji(value: int, text: str) -> None:
    assert int_to_kanji(value) == text


@pytest.mark.parametrize(
    ("value", "text"), [(0, "〇"), (5, "五"), (10, "一〇"), (25, "二五"), (2023, "二〇二三")]
)
def test_int_to_kanji_positional(value: int, text: str) -> None:
    assert int_to_kanji(value, positional=True) == text


def test_int_to_kanji_rejects() -> None:
    with pytest.raises(NumeralError):
        int_to_kanji(-1)
    with pytest.raises(NumeralError):
        int_to_kanji(-5, positional=True)
    with pytest.raises(NumeralError):
        int_to_kanji(MAX_KANJI_NUMBER + 1)
    assert int_to_kanji(10**16, positional=True) == "一" + "〇" * 16


@given(st.integers(min_value=0, max_value=MAX_KANJI_NUMBER))
def test_kanji_round_trip(n: int) -> None:
    assert kanji_to_int(int_to_kanji(n)) == n


@given(st.integers(min_value=0, max_value=10**30))
def test_positional_round_trip(n: int) -> None:
    text = int_to_kanji(n, positional=True)
    assert kanji_to_int(text) == n
    assert set(text) <= set("〇一二三四五六七八九")


@given(st.integers(min_value=0, max_value=10**20))
def test_arabic_digits_both_widths(n: int) -> None:
    assert kanji_to_int(str(n)) == n
    assert kanji_to_int(to_fullwidth_digits(n)) == n


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("百二十三の二の三", (123, 2, 3)),
        ("三", (3,)),
        ("十一の二", (11, 2)),
        ("106の24", (106, 24)),
        ("１０６の２４", (106, 24)),
        ("一〇の二", (10, 2)),
    ],
)
def test_parse_branch_number(text: str, parts: tuple[int, ...]) -> None:
    assert parse_branch_number(text) == parts


@pytest.mark.parametrize("text", ["", "の", "三の", "の二", "三のの二", "三の二x"])
def test_parse_branch_number_rejects(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_branch_number(text)


def test_format_branch_number() -> None:
    assert format_branch_number((123, 2, 3)) == "百二十三の二の三"
    assert format_branch_number([38]) == "三十八"
    with pytest.raises(NumeralError):
        format_branch_number(())


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=5))
def test_branch_round_trip(parts: list[int]) -> None:
    assert parse_branch_number(format_branch_number(parts)) == tuple(parts)


def test_digit_width() -> None:
    assert to_fullwidth_digits("12") == "１２"
    assert to_fullwidth_digits(305) == "３０５"
    assert to_fullwidth_digits("第1項") == "第１項"
    assert to_halfwidth_digits("１２") == "12"
    assert to_halfwidth_digits("第１０項ＡＢ") == "第10項ＡＢ"


@given(st.text())
def test_digit_width_round_trip(s: str) -> None:
    half = to_halfwidth_digits(s)
    assert not set(half) & set("０１２３４５６７８９")
    assert to_halfwidth_digits(to_fullwidth_digits(half)) == half


def test_iroha() -> None:
    assert len(IROHA) == 47 and len(set(IROHA)) == 47
    assert IROHA[:5] == ("イ", "ロ", "ハ", "ニ", "ホ")
    assert IROHA[-1] == "ス" and "ヰ" in IROHA and "ヱ" in IROHA
    assert iroha_to_int("イ") == 1
    assert iroha_to_int("ロ") == 2
    assert iroha_to_int("ﾛ") == 2
    assert iroha_to_int("ス") == 47
    assert int_to_iroha(2) == "ロ"
    assert int_to_iroha(47) == "ス"
    for bad in (0, 48, -1):
        with pytest.raises(NumeralError):
            int_to_iroha(bad)
    for text in ("", "ン", "イロ", "い", "A"):
        with pytest.raises(NumeralError):
            iroha_to_int(text)


def test_aiu() -> None:
    assert len(AIU) == 46 and len(set(AIU)) == 46
    assert AIU[:5] == ("ア", "イ", "ウ", "エ", "オ")
    assert AIU[-2:] == ("ヲ", "ン")
    assert "ヰ" not in AIU and "ヱ" not in AIU
    assert aiu_to_int("ア") == 1
    assert aiu_to_int("ｶ") == 6
    assert aiu_to_int("ン") == 46
    assert int_to_aiu(3) == "ウ"
    for bad in (0, 47):
        with pytest.raises(NumeralError):
            int_to_aiu(bad)
    for text in ("", "ヰ", "あ", "アイ"):
        with pytest.raises(NumeralError):
            aiu_to_int(text)


@given(st.integers(min_value=1, max_value=47))
def test_iroha_round_trip(n: int) -> None:
    assert iroha_to_int(int_to_iroha(n)) == n


@given(st.integers(min_value=1, max_value=46))
def test_aiu_round_trip(n: int) -> None:
    assert aiu_to_int(int_to_aiu(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [("i", 1), ("ii", 2), ("iv", 4), ("ix", 9), ("xiv", 14), ("ｉ", 1), ("ｉｉ", 2), ("ｉｖ", 4), ("ＩＶ", 4),
     ("XII", 12), ("mcmxcix", 1999), ("MMMCMXCIX", 3999)],
)  # fmt: skip
def test_roman_to_int(text: str, value: int) -> None:
    assert roman_to_int(text) == value


@pytest.mark.parametrize("text", ["", "iiii", "vx", "iiv", "ic", "a", "ｉa", "mmmm", "vv"])
def test_roman_rejects(text: str) -> None:
    with pytest.raises(NumeralError):
        roman_to_int(text)


def test_int_to_roman() -> None:
    assert int_to_roman(4) == "iv"
    assert int_to_roman(14, upper=True) == "XIV"
    assert int_to_roman(2, fullwidth=True) == "ｉｉ"
    assert int_to_roman(9, fullwidth=True, upper=True) == "ＩＸ"
    for bad in (0, 4000, -3):
        with pytest.raises(NumeralError):
            int_to_roman(bad)


@given(st.integers(min_value=1, max_value=3999), st.booleans(), st.booleans())
def test_roman_round_trip(n: int, fullwidth: bool, upper: bool) -> None:
    assert roman_to_int(int_to_roman(n, fullwidth=fullwidth, upper=upper)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [("イ", 1), ("ﾛ", 2), ("ア", 36), ("二十", 20), ("二五", 25), ("１２", 12), ("12", 12), ("元", 1),
     ("ｉｖ", 4), ("（ｉｖ）", 4), ("(1)", 1), ("（１）", 1), (" 三 ", 3), ("xii", 12)],
)  # fmt: skip
def test_parse_any_numeral(text: str, value: int) -> None:
    assert parse_any_numeral(text) == value


@pytest.mark.parametrize(
    "text", ["", "（）", "イロ", "ン", "iiii", "abc", "十十", "第三", "（ｃ）", "ｄ", "mcm", "xl"]
)
def test_parse_any_numeral_rejects(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_any_numeral(text)


@given(st.integers(min_value=1, max_value=3999))
def test_parse_any_numeral_all_systems(n: int) -> None:
    assert parse_any_numeral(int_to_kanji(n)) == n
    assert parse_any_numeral(int_to_kanji(n, positional=True)) == n
    assert parse_any_numeral(to_fullwidth_digits(n)) == n
    if n <= 39:
        assert parse_any_numeral(int_to_roman(n, fullwidth=True)) == n
    else:
        with pytest.raises(NumeralError):  # l, c, d, m: more likely alphabetic labels
            parse_any_numeral(int_to_roman(n, fullwidth=True))
    if n <= len(IROHA):
        assert parse_any_numeral(int_to_iroha(n)) == n
