"""Japanese eras (元号) and era dates (和暦).

Law numbers, promulgation dates and the e-Gov ``Era``/``Year`` attributes are all in era years, while revision
IDs and enforcement dates are Gregorian, so every layer above needs an exact, validated conversion both ways.

Conventions (documented because the history is not as tidy as a table):

* 明治 starts on **1868-01-01**. The 改元 was proclaimed on 1868-10-23 (明治元年九月八日 in the old calendar) but
  made retroactive to the start of that year, so every date of 1868 is 明治元年. Dates before 1868 raise
  :class:`~lawcode.errors.DateError`.
* Dates are proleptic Gregorian throughout. Japan switched from the lunisolar calendar on 明治五年十二月三日
  (= 明治六年一月一日, 1873-01-01); earlier 明治 dates in old statutes are lunisolar, which this module does not
  convert — it reads 明治三年五月一日 as 1870-05-01.
* An era ends the day before the next starts: 明治45年7月29日 / 大正元年7月30日, 大正15年12月24日 / 昭和元年12月25日,
  昭和64年1月7日 / 平成元年1月8日, 平成31年4月30日 / 令和元年5月1日.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple

from lawcode.errors import DateError, NumeralError
from lawcode.text._guard import expects
from lawcode.text._tables import TO_ASCII_DIGITS
from lawcode.text.numerals import int_to_kanji, kanji_to_int

__all__ = [
    "Era",
    "era_of",
    "format_wareki",
    "from_gregorian_year",
    "parse_wareki",
    "parse_wareki_year",
    "to_gregorian_year",
]


class _EraInfo(NamedTuple):
    kanji: str
    egov: str
    initial: str
    first_day: date


class Era(enum.Enum):
    """One of the five modern eras. The value is the era digit of e-Gov LawIDs (1 = 明治 … 5 = 令和)."""

    MEIJI = 1
    TAISHO = 2
    SHOWA = 3
    HEISEI = 4
    REIWA = 5

    @property
    def kanji(self) -> str:
        """The era name as written in statutes: ``明治`` … ``令和``."""
        return _INFO[self].kanji

    @property
    def egov(self) -> str:
        """The value of the e-Gov XML ``Era`` attribute: ``Meiji`` … ``Reiwa``."""
        return _INFO[self].egov

    @property
    def initial(self) -> str:
        """The one-letter abbreviation ``M``/``T``/``S``/``H``/``R``."""
        return _INFO[self].initial

    @property
    def lawid_digit(self) -> int:
        """The first character of an e-Gov LawID (1..5)."""
        return self.value

    @property
    def first_day(self) -> date:
        """The first day of the era (明治: 1868-01-01 by the retroactive convention, see the module doc)."""
        return _INFO[self].first_day

    @property
    def last_day(self) -> date | None:
        """The last day of the era, the day before the next one starts; ``None`` for the current era."""
        return _LAST_DAY[self]

    @property
    def base_year(self) -> int:
        """The Gregorian year of 元年 (year 1 of the era)."""
        return _INFO[self].first_day.year

    @property
    def last_year(self) -> int | None:
        """The last era year (明治45, 大正15, 昭和64, 平成31); ``None`` for the current era."""
        last = _LAST_DAY[self]
        return None if last is None else last.year - self.base_year + 1

    @classmethod
    def from_kanji(cls, name: str) -> Era:
        """``令和`` → :attr:`REIWA`."""
        era = _BY_KANJI.get(name)
        if era is None:
            raise DateError(f"unknown era name: {name!r}")
        return era

    @classmethod
    def from_egov(cls, name: str) -> Era:
        """The e-Gov ``Era`` attribute (``Reiwa``; case-insensitive) → :attr:`REIWA`."""
        era = _BY_EGOV.get(name.lower()) if isinstance(name, str) else None
        if era is None:
            raise DateError(f"unknown e-Gov era: {name!r}")
        return era

    @classmethod
    def from_lawid_digit(cls, digit: int | str) -> Era:
        """The first LawID character (5 or ``"5"``) → :attr:`REIWA`."""
        try:
            return cls(int(digit))
        except (ValueError, TypeError):
            raise DateError(f"unknown LawID era digit: {digit!r}") from None

    @classmethod
    def parse(cls, x: Era | str | int) -> Era:
        """Accept any spelling: an :class:`Era`, kanji (``令和``), e-Gov name (``Reiwa``), initial (``R``/``r``),
        the LawID digit (5 or ``"5"``). Unknown values raise :class:`DateError`."""
        if isinstance(x, Era):
            return x
        if isinstance(x, bool):
            raise DateError(f"unknown era: {x!r}")
        if isinstance(x, int):
            return cls.from_lawid_digit(x)
        if isinstance(x, str):
            key = x.strip()
            era = _BY_KANJI.get(key) or _BY_EGOV.get(key.lower()) or _BY_INITIAL.get(key.upper())
            if era is None and key.isascii() and key.isdigit():
                return cls.from_lawid_digit(key)
            if era is not None:
                return era
        raise DateError(f"unknown era: {x!r}")


_INFO: dict[Era, _EraInfo] = {
    Era.MEIJI: _EraInfo("明治", "Meiji", "M", date(1868, 1, 1)),
    Era.TAISHO: _EraInfo("大正", "Taisho", "T", date(1912, 7, 30)),
    Era.SHOWA: _EraInfo("昭和", "Showa", "S", date(1926, 12, 25)),
    Era.HEISEI: _EraInfo("平成", "Heisei", "H", date(1989, 1, 8)),
    Era.REIWA: _EraInfo("令和", "Reiwa", "R", date(2019, 5, 1)),
}
_ERAS: tuple[Era, ...] = tuple(Era)
_LAST_DAY: dict[Era, date | None] = {
    era: (_INFO[_ERAS[i + 1]].first_day - timedelta(days=1) if i + 1 < len(_ERAS) else None)
    for i, era in enumerate(_ERAS)
}
_BY_KANJI: dict[str, Era] = {info.kanji: era for era, info in _INFO.items()}
_BY_EGOV: dict[str, Era] = {info.egov.lower(): era for era, info in _INFO.items()}
_BY_INITIAL: dict[str, Era] = {info.initial: era for era, info in _INFO.items()}
# Newest first, for era_of().
_BY_START_DESC: tuple[tuple[date, Era], ...] = tuple((_INFO[e].first_day, e) for e in reversed(_ERAS))


def _check_era_year(era: Era, year: int) -> None:
    last = era.last_year
    if year < 1 or (last is not None and year > last):
        bound = f"1..{last}" if last is not None else "1.."
        raise DateError(f"{era.kanji}{year}年 is outside the era (years {bound})")


def to_gregorian_year(era: Era, year: int) -> int:
    """Era year → Gregorian year (令和3 → 2021). The year must exist in the era (平成32 raises DateError)."""
    _check_era_year(era, year)
    return era.base_year + year - 1


@expects(int, DateError)
def from_gregorian_year(year: int, era: Era | None = None) -> tuple[Era, int]:
    """Gregorian year → ``(era, era_year)``.

    A year with an era change belongs to two eras (2019 is 平成31年 and 令和元年). Without ``era`` the era in force
    on the *last* day of the year is chosen (2019 → (REIWA, 1)), as for law numbers issued late in a year; pass
    ``era`` to get the other reading (``from_gregorian_year(2019, Era.HEISEI)`` → (HEISEI, 31)). A year the era
    does not cover, or a year before 1868, raises :class:`DateError`.
    """
    if era is None:
        if year < _INFO[Era.MEIJI].first_day.year:
            raise DateError(f"no era for Gregorian year {year} (eras start in 1868)")
        era = era_of(date(year, 12, 31))
    era_year = year - era.base_year + 1
    _check_era_year(era, era_year)
    return era, era_year


@expects(date, DateError)
def era_of(d: date) -> Era:
    """The era in force on ``d``; dates before 1868-01-01 raise :class:`DateError`."""
    for first_day, era in _BY_START_DESC:
        if d >= first_day:
            return era
    raise DateError(f"no era for {d.isoformat()} (eras start on 1868-01-01)")


def _era_prefix(s: str) -> tuple[Era, str]:
    era = _BY_KANJI.get(s[:2])
    if era is None:
        raise DateError(f"no era name at the start of {s!r}")
    return era, s[2:]


def _numeral(text: str, what: str, source: str, *, gannen: bool = False) -> int:
    if not gannen and text == "元":
        raise DateError(f"元 is only a year, not a {what}, in {source!r}")
    try:
        return kanji_to_int(text)
    except NumeralError:
        raise DateError(f"bad {what} {text!r} in {source!r}") from None


def _clean(s: str) -> str:
    # Whitespace (incl. 全角空白) is dropped and full-width digits become ASCII: 「平成３１年 ４月３０日」.
    return "".join(s.split()).translate(TO_ASCII_DIGITS)


@expects(str, DateError)
@lru_cache(maxsize=4096)
def parse_wareki_year(s: str) -> tuple[Era, int]:
    """Read an era year: ``令和三年`` → (REIWA, 3), ``令和元年`` → (REIWA, 1), also ``平成31年``, ``令和３``.

    The trailing 年 is optional. A year the era does not have (平成32年, 昭和0年) raises :class:`DateError`.
    """
    text = _clean(s)
    era, rest = _era_prefix(text)
    rest = rest.removesuffix("年")
    year = _numeral(rest, "year", s, gannen=True)
    try:
        _check_era_year(era, year)
    except DateError as exc:
        raise DateError(f"{exc.reason}: {s!r}") from None
    return era, year


@expects(str, DateError)
@lru_cache(maxsize=8192)
def parse_wareki(s: str, *, strict: bool = True) -> date:
    """Read an era date: ``令和三年五月十九日``, ``令和元年五月一日``, ``平成31年4月30日``, ``平成３１年４月３０日``,
    positional ``平成二四年八月二二日``; whitespace anywhere is ignored.

    An impossible date (二月三十日) always raises :class:`DateError` naming ``s``. With ``strict`` (the default) a
    date outside its era also raises (平成31年5月1日, 令和元年4月30日, 昭和64年1月8日); ``strict=False`` accepts
    such dates by plain year arithmetic (平成31年5月1日 → 2019-05-01), as sloppy sources sometimes write them.
    """
    text = _clean(s)
    era, rest = _era_prefix(text)
    year_text, sep, rest = rest.partition("年")
    month_text, sep2, rest = rest.partition("月")
    day_text, sep3, rest = rest.partition("日")
    if not (sep and sep2 and sep3) or rest:
        raise DateError(f"not an era date (expected 元号N年N月N日): {s!r}")
    year = _numeral(year_text, "year", s, gannen=True)
    month = _numeral(month_text, "month", s)
    day = _numeral(day_text, "day", s)
    if year < 1:
        raise DateError(f"era year must be at least 1 (元年): {s!r}")
    try:
        d = date(era.base_year + year - 1, month, day)
    except ValueError:
        raise DateError(f"no such date: {s!r}") from None
    if strict:
        last = era.last_day
        if d < era.first_day or (last is not None and d > last):
            span = f"{era.first_day.isoformat()}..{last.isoformat() if last else ''}"
            raise DateError(f"date outside the {era.kanji} era ({span}): {s!r} = {d.isoformat()}")
    return d


@expects(date, DateError)
def format_wareki(d: date, *, style: Literal["kanji", "arabic"] = "kanji", gannen: bool = True) -> str:
    """Write ``d`` as an era date: 2021-05-19 → ``令和三年五月十九日`` (``style="arabic"``: ``令和3年5月19日``).

    Year 1 is written 元年 unless ``gannen=False`` (``令和一年`` / ``令和1年``). The era is the one in force on
    ``d``, so 2019-04-30 is 平成三十一年 and 2019-05-01 is 令和元年.
    """
    era = era_of(d)
    year = d.year - era.base_year + 1
    write: Callable[[int], str]
    if style == "kanji":
        write = int_to_kanji
    elif style == "arabic":
        write = str
    else:
        raise DateError(f"unknown style {style!r} (expected 'kanji' or 'arabic')")
    year_text = "元" if year == 1 and gannen else write(year)
    return f"{era.kanji}{year_text}年{write(d.month)}月{write(d.day)}日"
