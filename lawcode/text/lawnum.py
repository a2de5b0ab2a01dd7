"""Law numbers (法令番号), e-Gov LawIDs and e-Gov revision IDs.

A law is identified three ways in the data: by its law number as written in ``LawNum`` and in
``SupplProvision/@AmendLawNum`` (「令和三年法律第三十七号」, 「平成二四年八月二二日法律第六七号」), by its 15-character
e-Gov LawID (``503AC0000000037``) and, for one consolidated version, by a revision ID
(``415AC0000000057_20230401_503AC0000000037``). Amending laws must be matched *by law number* (a LawID cannot
always be rebuilt from one, see :func:`encode_law_id`), so :class:`LawNumber` offers a canonical :attr:`~LawNumber.key`
and compares equal regardless of how the number was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from lawcode.errors import DateError, LawNumberError, NumeralError
from lawcode.text._guard import expects
from lawcode.text._tables import TO_ASCII_DIGITS
from lawcode.text.eras import Era, to_gregorian_year
from lawcode.text.numerals import KANJI_NUMERAL_CHARS, int_to_kanji, kanji_to_int

__all__ = [
    "COMMISSION_RULE_KINDS",
    "LAW_ID_SHAPE",
    "REVISION_ID_SHAPE",
    "LawId",
    "LawNumber",
    "RevisionId",
    "decode_law_id",
    "encode_law_id",
    "parse_law_number",
    "parse_revision_id",
]

LawNumberStyle = Literal["kanji", "arabic", "positional"]

# --------------------------------------------------------------------------------------------------------------
# Kinds (種別) and their e-Gov LawType
# --------------------------------------------------------------------------------------------------------------

#: Rules of national commissions (国家行政組織法第三条の委員会). Their e-Gov LawIDs use the ministerial ``M``
#: pattern (e.g. ``428M60020000005`` 個人情報保護委員会規則), which is why Lawtext types them as ministerial
#: ordinances; e-Gov's own ``LawType`` attribute, however, says ``Rule`` for every one of them in the corpus
#: (公正取引委員会規則 ×4, 国家公安委員会規則 ×9, 個人情報保護委員会規則, 原子力規制委員会規則 ×2) and in API v2
#: answers, so :attr:`LawNumber.law_type` follows e-Gov and this set only drives :attr:`LawNumber.lawid_category`.
COMMISSION_RULE_KINDS: frozenset[str] = frozenset(
    {
        "公正取引委員会規則",
        "国家公安委員会規則",
        "個人情報保護委員会規則",
        "カジノ管理委員会規則",
        "原子力規制委員会規則",
        "公害等調整委員会規則",
        "運輸安全委員会規則",
    }
)

_CABINET_ORDER_KINDS = frozenset({"政令", "太政官布告", "太政官達", "太政官布達"})
_LAWID_CATEGORY_BY_KIND: dict[str, str] = {
    "法律": "AC",
    "政令": "CO",
    "勅令": "IO",
    "太政官布告": "DF",
    "太政官達": "DT",
    "太政官布達": "DH",
    "人事院規則": "RJNJ",
    "内閣総理大臣決定": "RPMD",
    "憲法": "CONSTITUTION",
    "海上保安庁令": "R",
}

#: Kinds that e-Gov lists without 第N号: the constitution, Prime Minister decisions (identified by their date) and
#: a few pre-war orders (Lawtext lists the same exceptions).
_NUMBERLESS_KINDS = frozenset(
    {"憲法", "内閣総理大臣決定", "勅令", "内務省・鉄道省令", "逓信省・鉄道省令", "逓信省・農林省令"}
)
# 告示 are not 法令 and have no LawID, but statutes cite them by the same pattern (平成十二年建設省告示第千三百九十九号).
# 条例 (with 規則 above) covers municipal legislation: 令和二年桜ヶ丘市条例第十二号, 平成十七年さいたま市規則第三号.
_KIND_SUFFIXES = ("法律", "令", "規則", "規程", "憲法", "布告", "達", "決定", "告示", "条例")
_JINJIIN = "人事院規則"
_PM_DECISION = "内閣総理大臣決定"
# Dashes seen between 人事院規則 numbers: ― (U+2015, e-Gov), full-width －, ASCII -, the long vowel mark ー
# (a common typing slip), minus, hyphens and en/em dashes.
_DASHES = "―－-ー−‐‑–—"
_TO_CANONICAL_DASH: dict[int, int] = str.maketrans(_DASHES, "―" * len(_DASHES))
_RULE_DASH = "―"


def _law_type(kind: str) -> str:
    if kind == "法律":
        return "Act"
    if kind == "憲法":
        return "Constitution"
    if kind in _CABINET_ORDER_KINDS:
        return "CabinetOrder"
    if kind == "勅令":
        return "ImperialOrder"
    if kind == "海上保安庁令":  # an agency ordinance e-Gov files with the organ rules (LawID ``R``)
        return "Rule"
    if kind.endswith("令"):  # 省令, 府令, 内閣官房令, 閣令, 復興庁令, joint 省令 (総務省・財務省令)
        return "MinisterialOrdinance"
    if kind.endswith(("規則", "規程")):
        return "Rule"
    return "Misc"


def _is_kind_char(ch: str) -> bool:
    # Kanji (incl. extension A), 々, katakana (カジノ管理委員会規則, 桜ヶ丘市), hiragana (さいたま市条例) and the
    # middle dot of joint ordinances.
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\u30a1" <= ch <= "\u30fc"
        or "\u3041" <= ch <= "\u3096"
        or ch == "々"
    )


def _valid_kind(kind: str) -> bool:
    if not kind or kind[0] == "・" or not kind.endswith(_KIND_SUFFIXES):
        return False
    return all(_is_kind_char(ch) for ch in kind)


# --------------------------------------------------------------------------------------------------------------
# LawNumber
# --------------------------------------------------------------------------------------------------------------


def _write(n: int, style: LawNumberStyle) -> str:
    if style == "kanji":
        return int_to_kanji(n)
    if style == "positional":
        return int_to_kanji(n, positional=True)
    return str(n)


@dataclass(frozen=True, slots=True, eq=False)
class LawNumber:
    """A law number: ``{era}{year}年{kind}第{number}号``.

    ``kind`` is the 種別 as written (``法律``, ``政令``, ``厚生労働省令``, ``総務省・財務省令``, ``人事院規則`` …).
    ``number`` is ``(37,)`` for 第三十七号, the dash-separated parts for 人事院規則 (八―一二―七 → (8, 12, 7)), and
    ``None`` for kinds without one (昭和二十一年憲法). ``promulgated`` is the date when the text carried one
    (AmendLawNum 「平成二四年八月二二日法律第六七号」); it is **not** part of equality or hashing, so an amending law
    read from an AmendLawNum equals the same law read from its ``LawNum`` — except for 内閣総理大臣決定, whose date
    *is* its number and so takes part in equality.
    """

    era: Era
    year: int
    kind: str
    number: tuple[int, ...] | None = None
    promulgated: date | None = field(default=None, compare=False)

    def _identity(self) -> tuple[object, ...]:
        # The date names the law only for 内閣総理大臣決定 (they have no number); elsewhere it is extra information.
        dated = self.promulgated if self.kind == _PM_DECISION else None
        return (self.era, self.year, self.kind, self.number, dated)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LawNumber):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __post_init__(self) -> None:
        if not isinstance(self.era, Era):
            raise LawNumberError(f"era must be an Era, not {self.era!r}")
        if self.year < 1:
            raise LawNumberError(f"era year must be at least 1: {self.year}")
        if not self.kind:
            raise LawNumberError("law number kind (種別) must not be empty")
        if self.number is not None:
            number = tuple(self.number)
            if not number or any(n < 0 for n in number):
                raise LawNumberError(f"bad law number parts: {self.number!r}")
            object.__setattr__(self, "number", number)

    @property
    def law_type(self) -> str:
        """The e-Gov ``LawType`` of this kind: Constitution, Act, CabinetOrder, ImperialOrder,
        MinisterialOrdinance, Rule or Misc.

        法律 → Act; 政令 and 太政官布告/達/布達 → CabinetOrder (e-Gov files each 太政官布告 as Act *or* CabinetOrder
        by its present force — 明治十七年太政官布告第三十二号 is Act — which the number alone cannot tell); 勅令 →
        ImperialOrder; any other ``…令`` (省令, 府令, 内閣官房令, 閣令, 庁令) → MinisterialOrdinance except 海上保安庁令 →
        Rule; every ``…規則`` (including the rules of national commissions, see :data:`COMMISSION_RULE_KINDS`) → Rule;
        anything else (内閣総理大臣決定, 告示) → Misc.
        """
        return _law_type(self.kind)

    @property
    def lawid_category(self) -> str | None:
        """The e-Gov LawID category this law falls in: AC, CO, IO, DF, DT, DH, M (省令, 府令, commission rules),
        R (other organs' rules, 海上保安庁令), RJNJ, RPMD or CONSTITUTION; ``None`` for kinds e-Gov does not hold
        (告示)."""
        category = _LAWID_CATEGORY_BY_KIND.get(self.kind)
        if category is not None:
            return category
        if self.kind in COMMISSION_RULE_KINDS or self.kind.endswith("令"):
            return "M"
        if self.kind.endswith(("規則", "規程")):
            return "R"
        return None

    @property
    def gregorian_year(self) -> int:
        """The Gregorian year of the law number (令和3年 → 2021)."""
        return self.era.base_year + self.year - 1

    def format(self, style: LawNumberStyle = "kanji", *, gannen: bool = True, with_date: bool = False) -> str:
        """Write the number: ``kanji`` 「令和三年法律第三十七号」 (as in LawNum), ``arabic`` 「令和3年法律第37号」 (as
        in citations), or ``positional`` 「令和三年法律第三七号」 (AmendLawNum digits).

        人事院規則 parts are positional in the kanji styles (「平成二十一年人事院規則八―一二―七」) as e-Gov writes them.
        Year 1 is 元年 unless ``gannen=False``. ``with_date`` prefixes the promulgation date when known
        (「平成二四年八月二二日法律第六七号」 in ``positional`` style); 内閣総理大臣決定 always carries its date.
        """
        if style not in ("kanji", "arabic", "positional"):
            raise LawNumberError(f"unknown law number style {style!r}")
        year = "元" if self.year == 1 and gannen else _write(self.year, style)
        parts = [self.era.kanji, year, "年"]
        if self.promulgated is not None and (with_date or self.kind == _PM_DECISION):
            parts += [_write(self.promulgated.month, style), "月", _write(self.promulgated.day, style), "日"]
        parts.append(self.kind)
        if self.number is not None:
            if self.kind == _JINJIIN:
                digits: LawNumberStyle = "arabic" if style == "arabic" else "positional"
                parts.append(_RULE_DASH.join(_write(n, digits) for n in self.number))
            else:
                parts += ["第", "の".join(_write(n, style) for n in self.number), "号"]
        return "".join(parts)

    @property
    def key(self) -> str:
        """A short, stable, whitespace-free string for addresses and dictionary keys: ``format("arabic")``,
        e.g. ``令和3年法律第37号`` (so 「令和三年法律第三十七号」 and 「令和３年法律第３７号」 share one key)."""
        return self.format("arabic")

    def __str__(self) -> str:
        return self.format("kanji")


def _scan_numeral(text: str, start: int) -> int:
    """Index of the first character at or after ``start`` that cannot belong to a number."""
    i = start
    while i < len(text) and (text[i] in KANJI_NUMERAL_CHARS or "0" <= text[i] <= "9"):
        i += 1
    return i


def _fail(source: str, why: str) -> LawNumberError:
    return LawNumberError(f"not a law number ({why}): {source!r}")


@expects(str, LawNumberError)
@lru_cache(maxsize=8192)
def parse_law_number(s: str) -> LawNumber:
    """Read a law number in any of the forms the data uses.

    Accepted: 命数法 kanji (「令和三年法律第三十七号」), positional kanji with an optional promulgation date
    (AmendLawNum 「令和四年五月二五日法律第四八号」), Arabic and full-width digits (「令和3年法律第37号」,
    「令和３年法律第３７号」), 元年, whitespace anywhere (incl. 全角空白), 人事院規則 numbers joined by ―, －, -, or ー
    (「平成二十一年人事院規則八―一二―七」), 「昭和二十一年憲法」 and dated 内閣総理大臣決定. The era year and the date
    must exist (平成三十二年, 令和元年四月一日 are errors). Anything else raises :class:`LawNumberError` naming ``s``.
    """
    text = "".join(s.split()).translate(TO_ASCII_DIGITS)
    era_name, rest = text[:2], text[2:]
    try:
        era = Era.from_kanji(era_name)
    except DateError:
        raise _fail(s, "no era name at the start") from None
    end = _scan_numeral(rest, 0)
    if end == 0 or not rest.startswith("年", end):
        raise _fail(s, "no era year")
    try:
        year = kanji_to_int(rest[:end])
        to_gregorian_year(era, year)
    except (NumeralError, DateError) as exc:
        raise _fail(s, f"bad year: {exc.reason}") from None
    rest = rest[end + 1 :]

    promulgated: date | None = None
    end = _scan_numeral(rest, 0)
    if end:  # a promulgation date N月N日
        day_end = _scan_numeral(rest, end + 1)
        if not rest.startswith("月", end) or day_end == end + 1 or not rest.startswith("日", day_end):
            raise _fail(s, "expected N月N日 after the year")
        if rest[:end] == "元" or rest[end + 1 : day_end] == "元":
            raise _fail(s, "元 is only a year")
        try:
            month = kanji_to_int(rest[:end])
            day = kanji_to_int(rest[end + 1 : day_end])
            promulgated = date(era.base_year + year - 1, month, day)
        except (NumeralError, ValueError):
            raise _fail(s, "bad promulgation date") from None
        last = era.last_day
        if promulgated < era.first_day or (last is not None and promulgated > last):
            raise _fail(s, f"promulgation date {promulgated.isoformat()} is outside the {era.kanji} era")
        rest = rest[day_end + 1 :]

    number: tuple[int, ...] | None
    if rest.startswith(_JINJIIN) and len(rest) > len(_JINJIIN):
        kind = _JINJIIN
        try:
            number = tuple(
                kanji_to_int(p) for p in rest[len(_JINJIIN) :].translate(_TO_CANONICAL_DASH).split("―")
            )
        except NumeralError:
            raise _fail(s, "bad 人事院規則 number") from None
    elif rest.endswith("号"):
        mark = rest.rfind("第")
        if mark <= 0:
            raise _fail(s, "no 第 before 号")
        kind = rest[:mark]
        try:
            number = (kanji_to_int(rest[mark + 1 : -1]),)
        except NumeralError:
            raise _fail(s, "bad number") from None
    elif rest in _NUMBERLESS_KINDS:
        kind, number = rest, None
    else:
        raise _fail(s, "no 第N号")
    if not _valid_kind(kind):
        raise _fail(s, f"unknown kind (種別) {kind!r}")
    return LawNumber(era, year, kind, number, promulgated)


# --------------------------------------------------------------------------------------------------------------
# e-Gov LawID
# --------------------------------------------------------------------------------------------------------------

_KIND_BY_CATEGORY: dict[str, str] = {
    "AC": "法律",
    "CO": "政令",
    "IO": "勅令",
    "DF": "太政官布告",
    "DT": "太政官達",
    "DH": "太政官布達",
    "M": "府省令",
    "R": "規則",
    "RJNJ": "人事院規則",
    "RPMD": "内閣総理大臣決定",
    "CONSTITUTION": "憲法",
}
_LAW_TYPE_BY_CATEGORY: dict[str, str] = {
    "AC": "Act",
    "CO": "CabinetOrder",
    "DF": "CabinetOrder",
    "DT": "CabinetOrder",
    "DH": "CabinetOrder",
    "IO": "ImperialOrder",
    "M": "MinisterialOrdinance",
    "R": "Rule",
    "RJNJ": "Rule",
    "RPMD": "Misc",
    "CONSTITUTION": "Constitution",
}
# The first two of the ten digits of an Act's number say who submitted the bill. Evidence: 原子力基本法 and
# 臓器の移植に関する法律, both 衆議院 members' bills, are 330AC1000000186 and 409AC1000000104; 令和四年法律第五十二号
# (困難な問題を抱える女性への支援に関する法律, a 参議院 committee bill) is 504AC0100000052. Older e-Gov data (the 2020 bulk
# files) also used 10 for 参議院 bills (配偶者暴力防止法 413AC1000000031), so "house_of_representatives" is reliable
# only for current IDs.
_SUBMITTERS: dict[str, str] = {
    "00": "cabinet",
    "10": "house_of_representatives",
    "01": "house_of_councillors",
}
_SUBMITTER_CODES: dict[str, str] = {v: k for k, v in _SUBMITTERS.items()}
_NUMBERED_CATEGORIES = frozenset({"AC", "CO", "IO", "DF", "DT", "DH"})
_LAWID_RE = re.compile(
    r"(?P<era>[1-5])(?P<year>\d\d)(?:"
    r"(?P<std>AC|CO|IO|DF|DT|DH)(?P<std_prefix>\d\d)(?P<std_num>\d{8})"
    r"|(?P<m>M)[1-6][0-9A-F]{7}(?P<m_num>\d{3})"
    r"|(?P<rjnj>RJNJ)(?P<rj_a>\d\d)(?P<rj_b>\d{3})(?P<rj_c>\d{3})"
    r"|(?P<rpmd>RPMD)(?P<pm_month>\d\d)(?P<pm_day>\d\d)(?P<pm_seq>\d{4})"
    r"|(?P<r>R)\d{8}(?P<r_num>\d{3})"
    r"|(?P<const>CONSTITUTION))",
    re.ASCII,  # \d must not match full-width digits
)


#: The shape of an e-Gov LawID, to find one in file and folder names or in text (a regular-expression source,
#: no groups): three digits of era and year, then a category letter and eleven letters or digits (AC, CO, M6…,
#: RJNJ…), or ``CONSTITUTION``. A match looks like a LawID; :func:`decode_law_id` says whether it is one.
LAW_ID_SHAPE = r"[0-9]{3}(?:CONSTITUTION|[A-Z][0-9A-Z]{11})"
#: The shape of an e-Gov revision ID (``415AC0000000057_20230401_503AC0000000037``; the amending part is fifteen
#: zeros for the law as first enacted), with three groups: LawID, enforcement date ``YYYYMMDD``, amending LawID.
REVISION_ID_SHAPE = rf"({LAW_ID_SHAPE})_([0-9]{{8}})_({LAW_ID_SHAPE}|0{{15}})"


@dataclass(frozen=True, slots=True)
class LawId:
    """A decoded e-Gov LawID (15 characters, e.g. ``415AC0000000057`` = 平成15年法律第57号).

    ``category`` is the type code (AC, CO, IO, DF, DT, DH, M, R, RJNJ, RPMD, CONSTITUTION); ``law_type`` the
    category's e-Gov LawType (for ``M`` this is MinisterialOrdinance although e-Gov types the commission rules that
    share the pattern as Rule — prefer :attr:`LawNumber.law_type` when the law number is known); ``kind`` the
    Japanese 種別 as far as the ID tells (府省令 / 規則 for M / R, whose ministry is encoded in bit flags not
    decoded here). ``number`` is the number of 法律/政令/勅令/太政官* and the 3-digit serial of M/R IDs.
    ``submitter`` (Acts only) is ``cabinet`` (閣法), ``house_of_representatives`` (衆法) or
    ``house_of_councillors`` (参法). ``parts`` holds the numbers the 8 trailing digits carry for RJNJ (the
    人事院規則 number, ``324RJNJ01002000`` → (1, 2)) and RPMD (month, day, serial of the decision).
    """

    raw: str
    era: Era | None
    year: int | None
    category: str
    law_type: str
    number: int | None
    submitter: str | None
    kind: str
    parts: tuple[int, ...] | None = None

    def law_number(self) -> LawNumber:
        """The law number this ID stands for, for 法律, 政令, 勅令, 太政官布告/達/布達 and the constitution.

        Other categories do not carry the full 種別 (which ministry) and raise :class:`LawNumberError`.
        """
        if self.era is None or self.year is None:
            raise LawNumberError(f"LawID without era/year: {self.raw!r}")
        if self.category == "CONSTITUTION":
            return LawNumber(self.era, self.year, "憲法", None)
        if self.category not in _NUMBERED_CATEGORIES or self.number is None:
            raise LawNumberError(f"the law number of a {self.category} LawID is not derivable: {self.raw!r}")
        return LawNumber(self.era, self.year, self.kind, (self.number,))

    def __str__(self) -> str:
        return self.raw


@expects(str, LawNumberError)
@lru_cache(maxsize=8192)
def decode_law_id(s: str) -> LawId:
    """Decode an e-Gov LawID (patterns of e-Gov 「法令種別と法令ID」); anything else raises :class:`LawNumberError`.

    ``415AC0000000057`` → 平成15年 法律 第57号 (閣法); ``430AC0100000075`` → an Act submitted in the 参議院;
    ``415M60000F4A003`` → a joint 府省令 No. 3 of 平成15年; ``321CONSTITUTION`` → 昭和21年 憲法.
    """
    m = _LAWID_RE.fullmatch(s) if isinstance(s, str) else None
    if m is None:
        raise LawNumberError(f"not an e-Gov LawID: {s!r}")
    era = Era(int(m["era"]))
    year = int(m["year"])
    last = era.last_year
    if year < 1 or (last is not None and year > last):
        raise LawNumberError(f"LawID year {year} is outside the {era.kanji} era: {s!r}")
    number: int | None = None
    submitter: str | None = None
    parts: tuple[int, ...] | None = None
    if m["std"]:
        category = m["std"]
        number = int(m["std_num"])
        if category == "AC":
            submitter = _SUBMITTERS.get(m["std_prefix"])
            if submitter is None:
                raise LawNumberError(f"unknown Act submitter code {m['std_prefix']!r} in LawID {s!r}")
    elif m["m"]:
        category, number = "M", int(m["m_num"])
    elif m["rjnj"]:
        category = "RJNJ"
        parts = tuple(int(m[g]) for g in ("rj_a", "rj_b", "rj_c"))
        if parts[2] == 0:  # 人事院規則一四―一九 has no third part
            parts = parts[:2]
    elif m["rpmd"]:
        category = "RPMD"
        parts = (int(m["pm_month"]), int(m["pm_day"]), int(m["pm_seq"]))
    elif m["r"]:
        category, number = "R", int(m["r_num"])
    else:
        category = "CONSTITUTION"
    return LawId(
        raw=s,
        era=era,
        year=year,
        category=category,
        law_type=_LAW_TYPE_BY_CATEGORY[category],
        number=number,
        submitter=submitter,
        kind=_KIND_BY_CATEGORY[category],
        parts=parts,
    )


def encode_law_id(ln: LawNumber, *, submitter: str = "cabinet") -> str:
    """The e-Gov LawID of a 法律, 政令, 勅令 or the constitution.

    The law number does not say who submitted an Act, so ``submitter`` defaults to ``cabinet`` (閣法, ``AC00``);
    members' bills (衆法 ``AC10``, 参法 ``AC01``) need it passed explicitly, which is why amending laws are best
    matched by law number rather than by a rebuilt ID. Other kinds raise :class:`LawNumberError` (their IDs encode
    ministries or organs that the law number does not map to one-to-one).
    """
    if ln.kind == "憲法":
        return f"{ln.era.lawid_digit}{ln.year:02d}CONSTITUTION"
    category = {"法律": "AC", "政令": "CO", "勅令": "IO"}.get(ln.kind)
    if category is None:
        raise LawNumberError(f"cannot build a LawID for a {ln.kind}: {ln}")
    if ln.number is None or len(ln.number) != 1 or ln.number[0] >= 10**8 or ln.year > 99:
        raise LawNumberError(f"cannot build a LawID for {ln}")
    prefix = "00"
    if category == "AC":
        code = _SUBMITTER_CODES.get(submitter)
        if code is None:
            raise LawNumberError(
                f"unknown submitter {submitter!r} (expected one of {sorted(_SUBMITTER_CODES)})"
            )
        prefix = code
    return f"{ln.era.lawid_digit}{ln.year:02d}{category}{prefix}{ln.number[0]:08d}"


# --------------------------------------------------------------------------------------------------------------
# e-Gov revision IDs
# --------------------------------------------------------------------------------------------------------------

_NO_AMENDMENT = "000000000000000"


@dataclass(frozen=True, slots=True)
class RevisionId:
    """An e-Gov revision ID ``{law_id}_{YYYYMMDD}_{amending law_id}``: one consolidated version of a law, in force
    from ``enforced``, produced by ``amending_law_id`` (``None`` for the original text, written
    ``000000000000000``)."""

    law_id: LawId
    enforced: date
    amending_law_id: LawId | None

    def __str__(self) -> str:
        amending = self.amending_law_id.raw if self.amending_law_id is not None else _NO_AMENDMENT
        return f"{self.law_id.raw}_{self.enforced:%Y%m%d}_{amending}"


@expects(str, LawNumberError)
def parse_revision_id(s: str) -> RevisionId:
    """Read ``415AC0000000057_20230401_503AC0000000037``; malformed IDs raise :class:`LawNumberError`."""
    pieces = s.split("_") if isinstance(s, str) else []
    if len(pieces) != 3 or len(pieces[1]) != 8 or not (pieces[1].isascii() and pieces[1].isdigit()):
        raise LawNumberError(f"not an e-Gov revision ID (law_id_YYYYMMDD_law_id): {s!r}")
    law_id = decode_law_id(pieces[0])
    try:
        enforced = date(int(pieces[1][:4]), int(pieces[1][4:6]), int(pieces[1][6:]))
    except ValueError:
        raise LawNumberError(f"bad enforcement date in revision ID: {s!r}") from None
    amending = None if pieces[2] == _NO_AMENDMENT else decode_law_id(pieces[2])
    return RevisionId(law_id, enforced, amending)
