"""Eras and era dates (lawcode.text.eras)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcode.errors import DateError, LawcodeError
from lawcode.text.eras import (
    Era,
    era_of,
    format_wareki,
    from_gregorian_year,
    parse_wareki,
    parse_wareki_year,
    to_gregorian_year,
)

ERA_TABLE = [
    # era, kanji, egov, digit, first day, last day, base year, last year
    (Era.MEIJI, "明治", "Meiji", 1, date(1868, 1, 1), date(1912, 7, 29), 1868, 45),
    (Era.TAISHO, "大正", "Taisho", 2, date(1912, 7, 30), date(1926, 12, 24), 1912, 15),
    (Era.SHOWA, "昭和", "Showa", 3, date(1926, 12, 25), date(1989, 1, 7), 1926, 64),
    (Era.HEISEI, "平成", "Heisei", 4, date(1989, 1, 8), date(2019, 4, 30), 1989, 31),
    (Era.REIWA, "令和", "Reiwa", 5, date(2019, 5, 1), None, 2019, None),
]


@pytest.mark.parametrize(("era", "kanji", "egov", "digit", "first", "last", "base", "last_year"), ERA_TABLE)
def test_era_properties(
    era: Era,
    kanji: str,
    egov: str,
    digit: int,
    first: date,
    last: date | None,
    base: int,
    last_year: int | None,
) -> None:
    assert era.kanji == kanji
    assert era.egov == egov
    assert era.lawid_digit == digit
    assert era.first_day == first
    assert era.last_day == last
    assert era.base_year == base
    assert era.last_year == last_year
    assert Era.from_kanji(kanji) is era
    assert Era.from_egov(egov) is era
    assert Era.from_lawid_digit(digit) is era
    for spelling in (era, kanji, egov, egov.upper(), egov[0], egov[0].lower(), digit, str(digit)):
        assert Era.parse(spelling) is era


@pytest.mark.parametrize("bad", ["", "令", "Edo", "X", "6", 0, 6, "慶応", True])
def test_era_parse_rejects(bad: object) -> None:
    with pytest.raises(DateError):
        Era.parse(bad)  # type: ignore[arg-type]


def test_era_lookup_rejects() -> None:
    with pytest.raises(DateError):
        Era.from_kanji("Reiwa")
    with pytest.raises(DateError):
        Era.from_egov("令和")
    with pytest.raises(DateError):
        Era.from_lawid_digit(9)


def test_gregorian_years() -> None:
    assert to_gregorian_year(Era.REIWA, 3) == 2021
    assert to_gregorian_year(Era.REIWA, 1) == 2019
    assert to_gregorian_year(Era.HEISEI, 31) == 2019
    assert to_gregorian_year(Era.MEIJI, 29) == 1896
    assert to_gregorian_year(Era.SHOWA, 64) == 1989
    for era, year in ((Era.HEISEI, 32), (Era.SHOWA, 65), (Era.REIWA, 0), (Era.TAISHO, 16)):
        with pytest.raises(DateError):
            to_gregorian_year(era, year)
    assert from_gregorian_year(2021) == (Era.REIWA, 3)
    assert from_gregorian_year(2019) == (Era.REIWA, 1)
    assert from_gregorian_year(2019, Era.HEISEI) == (Era.HEISEI, 31)
    assert from_gregorian_year(1989) == (Era.HEISEI, 1)
    assert from_gregorian_year(1989, Era.SHOWA) == (Era.SHOWA, 64)
    assert from_gregorian_year(1868) == (Era.MEIJI, 1)
    for args in ((1867,), (2020, Era.HEISEI), (1900, Era.SHOWA)):
        with pytest.raises(DateError):
            from_gregorian_year(*args)


@given(st.integers(min_value=1868, max_value=2500))
def test_gregorian_year_round_trip(year: int) -> None:
    era, era_year = from_gregorian_year(year)
    assert to_gregorian_year(era, era_year) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和三年五月十九日", date(2021, 5, 19)),
        ("令和元年五月一日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("平成３１年４月３０日", date(2019, 4, 30)),
        ("平成二四年八月二二日", date(2012, 8, 22)),
        ("平成二十四年八月二十二日", date(2012, 8, 22)),
        (" 令和３年　５月１９日 ", date(2021, 5, 19)),
        ("明治元年一月一日", date(1868, 1, 1)),
        ("明治四十五年七月二十九日", date(1912, 7, 29)),
        ("大正元年七月三十日", date(1912, 7, 30)),
        ("大正十五年十二月二十四日", date(1926, 12, 24)),
        ("昭和元年十二月二十五日", date(1926, 12, 25)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("令和四年二月二十八日", date(2022, 2, 28)),
        ("令和二年二月二十九日", date(2020, 2, 29)),
    ],
)
def test_parse_wareki(text: str, expected: date) -> None:
    assert parse_wareki(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "平成31年5月1日",  # after 平成 ended
        "令和元年4月30日",  # before 令和 began
        "昭和64年1月8日",
        "明治45年7月30日",
        "大正元年7月29日",
        "大正15年12月25日",
        "平成32年1月1日",
    ],
)
def test_parse_wareki_outside_era(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_wareki(text)
    assert text in str(info.value)
    assert parse_wareki(text, strict=False).year > 1867  # plain year arithmetic when not strict


@pytest.mark.parametrize(
    "text",
    ["令和三年二月三十日", "令和三年二月二十九日", "令和三年十三月一日", "令和三年四月三十一日", "令和三年〇月一日",
     "令和〇年五月一日", "令和三年五月十九", "令和三年五月", "令和", "", "西暦2021年5月19日", "令和三年五月十九日です",
     "令和元年元月一日", "令和三年五月元日", "令和三年五月十十日"],
)  # fmt: skip
def test_parse_wareki_rejects(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_wareki(text, strict=False)
    assert isinstance(info.value, ValueError) and isinstance(info.value, LawcodeError)
    assert repr(text) in str(info.value)


def test_parse_wareki_year() -> None:
    assert parse_wareki_year("令和三年") == (Era.REIWA, 3)
    assert parse_wareki_year("令和元年") == (Era.REIWA, 1)
    assert parse_wareki_year("平成31年") == (Era.HEISEI, 31)
    assert parse_wareki_year("平成３１") == (Era.HEISEI, 31)
    assert parse_wareki_year("昭和六四年") == (Era.SHOWA, 64)
    for bad in ("平成三十二年", "令和〇年", "令和", "三年", "令和三年五月", "大正十六年"):
        with pytest.raises(DateError):
            parse_wareki_year(bad)


def test_format_wareki() -> None:
    assert format_wareki(date(2021, 5, 19)) == "令和三年五月十九日"
    assert format_wareki(date(2019, 5, 1)) == "令和元年五月一日"
    assert format_wareki(date(2019, 5, 1), gannen=False) == "令和一年五月一日"
    assert format_wareki(date(2019, 4, 30)) == "平成三十一年四月三十日"
    assert format_wareki(date(2021, 5, 19), style="arabic") == "令和3年5月19日"
    assert format_wareki(date(2019, 5, 1), style="arabic") == "令和元年5月1日"
    assert format_wareki(date(2019, 5, 1), style="arabic", gannen=False) == "令和1年5月1日"
    assert format_wareki(date(1912, 7, 29)) == "明治四十五年七月二十九日"
    assert format_wareki(date(1912, 7, 30)) == "大正元年七月三十日"
    assert format_wareki(date(1868, 1, 1)) == "明治元年一月一日"
    with pytest.raises(DateError):
        format_wareki(date(1867, 12, 31))
    with pytest.raises(DateError):
        format_wareki(date(2021, 5, 19), style="roman")  # type: ignore[arg-type]


@pytest.mark.parametrize(("era", "first", "last"), [(row[0], row[4], row[5]) for row in ERA_TABLE])
def test_era_of_boundaries(era: Era, first: date, last: date | None) -> None:
    assert era_of(first) is era
    if era is not Era.MEIJI:
        assert era_of(first - timedelta(days=1)) is Era(era.value - 1)
    if last is not None:
        assert era_of(last) is era
        assert era_of(last + timedelta(days=1)) is Era(era.value + 1)


def test_era_of_before_meiji() -> None:
    with pytest.raises(DateError):
        era_of(date(1867, 12, 31))
    with pytest.raises(DateError):
        era_of(date(1, 1, 1))


def test_every_date_round_trips() -> None:
    """format_wareki ∘ parse_wareki is the identity on every day of 1868-01-01..2100-12-31, in both styles and
    with or without 元年 (about 340,000 round trips, under two seconds)."""
    day = date(1868, 1, 1)
    end = date(2100, 12, 31)
    one = timedelta(days=1)
    failures: list[str] = []
    while day <= end:
        for style in ("kanji", "arabic"):
            for gannen in (True, False):
                text = format_wareki(day, style=style, gannen=gannen)
                if parse_wareki(text) != day:
                    failures.append(f"{day} -> {text}")
        day += one
    assert not failures, failures[:10]


@given(
    st.dates(min_value=date(1868, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["kanji", "arabic"]),
    st.booleans(),
)
def test_wareki_round_trip(day: date, style: str, gannen: bool) -> None:
    text = format_wareki(day, style=style, gannen=gannen)  # type: ignore[arg-type]
    assert parse_wareki(text) == day
    assert parse_wareki(text.replace("年", "年 ")) == day
