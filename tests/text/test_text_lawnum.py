"""Law numbers, e-Gov LawIDs and revision IDs (lawcode.text.lawnum)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcode.errors import LawcodeError, LawNumberError
from lawcode.text.eras import Era
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

R3_37 = LawNumber(Era.REIWA, 3, "法律", (37,))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和三年法律第三十七号", R3_37),
        ("令和3年法律第37号", R3_37),
        ("令和３年法律第３７号", R3_37),
        ("　令和三年法律第三十七号 ", R3_37),
        ("令和 三 年 法律 第 三十七 号", R3_37),
        ("令和三年法律第三七号", R3_37),
        ("令和元年法律第一号", LawNumber(Era.REIWA, 1, "法律", (1,))),
        ("令和1年法律第1号", LawNumber(Era.REIWA, 1, "法律", (1,))),
        ("昭和二十二年政令第十六号", LawNumber(Era.SHOWA, 22, "政令", (16,))),
        ("明治二十九年法律第八十九号", LawNumber(Era.MEIJI, 29, "法律", (89,))),
        ("大正十二年勅令第三百六十九号", LawNumber(Era.TAISHO, 12, "勅令", (369,))),
        ("明治十七年太政官布告第三十二号", LawNumber(Era.MEIJI, 17, "太政官布告", (32,))),
        (
            "平成二十八年個人情報保護委員会規則第六号",
            LawNumber(Era.HEISEI, 28, "個人情報保護委員会規則", (6,)),
        ),
        ("平成二十一年人事院規則八―一二―七", LawNumber(Era.HEISEI, 21, "人事院規則", (8, 12, 7))),
        ("平成二十一年人事院規則八－一二－七", LawNumber(Era.HEISEI, 21, "人事院規則", (8, 12, 7))),
        ("平成21年人事院規則8-12-7", LawNumber(Era.HEISEI, 21, "人事院規則", (8, 12, 7))),
        ("平成二十一年人事院規則八ー一二ー七", LawNumber(Era.HEISEI, 21, "人事院規則", (8, 12, 7))),
        ("昭和二十四年人事院規則一―二", LawNumber(Era.SHOWA, 24, "人事院規則", (1, 2))),
        ("昭和二十一年憲法", LawNumber(Era.SHOWA, 21, "憲法", None)),
        ("平成十年総理府・大蔵省令第五十二号", LawNumber(Era.HEISEI, 10, "総理府・大蔵省令", (52,))),
        ("昭和二十年第一復員省令第三号", LawNumber(Era.SHOWA, 20, "第一復員省令", (3,))),
        ("平成二十五年カジノ管理委員会規則第一号", LawNumber(Era.HEISEI, 25, "カジノ管理委員会規則", (1,))),
        ("令和四年経済産業省告示第八十八号", LawNumber(Era.REIWA, 4, "経済産業省告示", (88,))),
    ],
)
def test_parse_law_number(text: str, expected: LawNumber) -> None:
    assert parse_law_number(text) == expected


def test_parse_law_number_with_date() -> None:
    ln = parse_law_number("平成二四年八月二二日法律第六七号")
    assert (ln.era, ln.year, ln.kind, ln.number) == (Era.HEISEI, 24, "法律", (67,))
    assert ln.promulgated == date(2012, 8, 22)
    ln = parse_law_number("令和四年五月二五日法律第四八号")
    assert ln == LawNumber(Era.REIWA, 4, "法律", (48,)) and ln.promulgated == date(2022, 5, 25)
    ln = parse_law_number("令和元年五月七日厚生労働省令第一号")
    assert ln.promulgated == date(2019, 5, 7) and ln.kind == "厚生労働省令"
    ln = parse_law_number("令和二年一月二九日人事院規則九―四九―五三")
    assert ln.number == (9, 49, 53) and ln.promulgated == date(2020, 1, 29)
    ln = parse_law_number("令和3年5月19日法律第37号")
    assert ln == R3_37 and ln.promulgated == date(2021, 5, 19)
    # the date is extra information: equal to the undated number, but kept
    assert parse_law_number("平成二十四年法律第六十七号") == parse_law_number(
        "平成二四年八月二二日法律第六七号"
    )
    assert parse_law_number("平成二十四年法律第六十七号").promulgated is None


def test_prime_minister_decisions_differ_by_date() -> None:
    a = parse_law_number("昭和五十一年十二月二十三日内閣総理大臣決定")
    b = parse_law_number("昭和五十一年十二月二十四日内閣総理大臣決定")
    assert a.number is None and a.promulgated == date(1976, 12, 23)
    assert a != b and a.key != b.key and len({a, b}) == 2
    assert a.format() == "昭和五十一年十二月二十三日内閣総理大臣決定"
    assert a.law_type == "Misc"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "令和三年",
        "令和三年法律",
        "令和三年法律第号",
        "令和三年法律第三十七",
        "令和三年法律三十七号",
        "令和三年第三十七号",
        "平成三十二年法律第一号",  # 平成 ended in its 31st year
        "令和〇年法律第一号",
        "令和元年四月三十日法律第一号",  # 令和 began on 5月1日
        "令和三年二月三十日法律第一号",
        "令和三年五月法律第一号",
        "令和三年元月一日法律第一号",
        "西暦2021年法律第37号",
        "法律第三十七号",
        "令和三年法律第十十号",
        "令和三年人事院規則",
        "令和三年人事院規則一―",
        "平成二七年八月三一日／内閣府／文部科学省／厚生労働省／令第六号",
        "令和三年(法律)第三十七号",
        "令和三年法律第三十七号の",
        "令和三年tokyo第一号",
    ],
)
def test_parse_law_number_rejects(text: str) -> None:
    with pytest.raises(LawNumberError) as info:
        parse_law_number(text)
    assert isinstance(info.value, ValueError) and isinstance(info.value, LawcodeError)
    assert repr(text) in str(info.value)


def test_format_styles() -> None:
    assert R3_37.format() == "令和三年法律第三十七号"
    assert str(R3_37) == "令和三年法律第三十七号"
    assert R3_37.format("arabic") == "令和3年法律第37号"
    assert R3_37.format("positional") == "令和三年法律第三七号"
    assert R3_37.key == "令和3年法律第37号"
    one = LawNumber(Era.REIWA, 1, "法律", (1,))
    assert one.format() == "令和元年法律第一号"
    assert one.format("arabic") == "令和元年法律第1号"
    assert one.format(gannen=False) == "令和一年法律第一号"
    jinji = LawNumber(Era.HEISEI, 21, "人事院規則", (8, 12, 7))
    assert jinji.format() == "平成二十一年人事院規則八―一二―七"
    assert jinji.format("arabic") == "平成21年人事院規則8―12―7"
    assert LawNumber(Era.SHOWA, 21, "憲法").format() == "昭和二十一年憲法"
    dated = parse_law_number("平成二四年八月二二日法律第六七号")
    assert dated.format() == "平成二十四年法律第六十七号"
    assert dated.format("positional", with_date=True) == "平成二四年八月二二日法律第六七号"
    assert dated.format("arabic", with_date=True) == "平成24年8月22日法律第67号"
    with pytest.raises(LawNumberError):
        R3_37.format("roman")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "law_type"),
    [
        ("法律", "Act"),
        ("憲法", "Constitution"),
        ("政令", "CabinetOrder"),
        ("太政官布告", "CabinetOrder"),
        ("太政官達", "CabinetOrder"),
        ("太政官布達", "CabinetOrder"),
        ("勅令", "ImperialOrder"),
        ("厚生労働省令", "MinisterialOrdinance"),
        ("内閣府令", "MinisterialOrdinance"),
        ("総理府・大蔵省令", "MinisterialOrdinance"),
        ("内閣官房令", "MinisterialOrdinance"),
        ("閣令", "MinisterialOrdinance"),
        ("復興庁令", "MinisterialOrdinance"),
        ("海上保安庁令", "Rule"),
        ("個人情報保護委員会規則", "Rule"),
        ("公正取引委員会規則", "Rule"),
        ("人事院規則", "Rule"),
        ("会計検査院規則", "Rule"),
        ("最高裁判所規則", "Rule"),
        ("文化財保護委員会規則", "Rule"),
        ("内閣総理大臣決定", "Misc"),
        ("経済産業省告示", "Misc"),
    ],
)
def test_law_type(kind: str, law_type: str) -> None:
    assert LawNumber(Era.HEISEI, 5, kind, (1,)).law_type == law_type


def test_lawid_category() -> None:
    cat = {k: LawNumber(Era.HEISEI, 5, k, (1,)).lawid_category for k in
           ("法律", "政令", "勅令", "太政官達", "厚生労働省令", "人事院規則", "海上保安庁令", "会計検査院規則",
            "経済産業省告示")}  # fmt: skip
    assert cat == {"法律": "AC", "政令": "CO", "勅令": "IO", "太政官達": "DT", "厚生労働省令": "M",
                   "人事院規則": "RJNJ", "海上保安庁令": "R", "会計検査院規則": "R", "経済産業省告示": None}  # fmt: skip
    for kind in COMMISSION_RULE_KINDS:
        assert LawNumber(Era.HEISEI, 5, kind, (1,)).lawid_category == "M"


def test_gregorian_year_and_validation() -> None:
    assert R3_37.gregorian_year == 2021
    assert LawNumber(Era.MEIJI, 29, "法律", (89,)).gregorian_year == 1896
    with pytest.raises(LawNumberError):
        LawNumber(Era.REIWA, 0, "法律", (1,))
    with pytest.raises(LawNumberError):
        LawNumber(Era.REIWA, 3, "", (1,))
    with pytest.raises(LawNumberError):
        LawNumber(Era.REIWA, 3, "法律", ())
    with pytest.raises(LawNumberError):
        LawNumber("令和", 3, "法律", (1,))  # type: ignore[arg-type]
    assert LawNumber(Era.REIWA, 3, "法律", [37]).number == (37,)  # type: ignore[arg-type]


# ---- property: format ∘ parse -----------------------------------------------------------------------------------

_KINDS = [
    "法律",
    "政令",
    "勅令",
    "厚生労働省令",
    "総務省・財務省令",
    "個人情報保護委員会規則",
    "太政官布告",
    "内閣府令",
]


def _era_years(era: Era) -> st.SearchStrategy[int]:
    return st.integers(min_value=1, max_value=era.last_year or 99)


@st.composite
def law_numbers(draw: st.DrawFn) -> LawNumber:
    era = draw(st.sampled_from(list(Era)))
    dated = draw(st.booleans())
    if dated:
        last = era.last_day or date(2117, 12, 31)
        promulgated: date | None = draw(st.dates(min_value=era.first_day, max_value=last))
        assert promulgated is not None
        year = promulgated.year - era.base_year + 1
    else:
        promulgated = None
        year = draw(_era_years(era))
    shape = draw(st.sampled_from(["numbered", "numbered", "jinji", "constitution"]))
    if shape == "jinji":
        kind = "人事院規則"
        number: tuple[int, ...] | None = tuple(draw(st.lists(st.integers(0, 200), min_size=1, max_size=3)))
    elif shape == "constitution":
        kind, number = "憲法", None
    else:
        kind = draw(st.sampled_from(_KINDS))
        number = (draw(st.integers(min_value=0, max_value=99999)),)
    return LawNumber(era, year, kind, number, promulgated)


@given(law_numbers(), st.sampled_from(["kanji", "arabic", "positional"]), st.booleans(), st.booleans())
def test_law_number_round_trip(ln: LawNumber, style: str, gannen: bool, with_date: bool) -> None:
    text = ln.format(style, gannen=gannen, with_date=with_date)  # type: ignore[arg-type]
    back = parse_law_number(text)
    assert back == ln
    assert back.key == ln.key
    assert (back.era, back.year, back.kind, back.number) == (ln.era, ln.year, ln.kind, ln.number)
    if with_date:
        assert back.promulgated == ln.promulgated


# ---- LawID ------------------------------------------------------------------------------------------------------


def test_decode_law_id_act() -> None:
    lid = decode_law_id("415AC0000000057")
    assert isinstance(lid, LawId)
    assert (lid.era, lid.year, lid.category, lid.law_type, lid.number) == (Era.HEISEI, 15, "AC", "Act", 57)
    assert (lid.submitter, lid.kind, lid.raw, str(lid)) == (
        "cabinet",
        "法律",
        "415AC0000000057",
        "415AC0000000057",
    )
    assert lid.law_number() == LawNumber(Era.HEISEI, 15, "法律", (57,))
    assert decode_law_id("503AC0000000037").law_number() == R3_37
    assert decode_law_id("129AC0000000089").law_number() == LawNumber(Era.MEIJI, 29, "法律", (89,))


def test_decode_law_id_submitters() -> None:
    assert decode_law_id("430AC0100000075").submitter == "house_of_councillors"
    assert decode_law_id("330AC1000000186").submitter == "house_of_representatives"
    assert decode_law_id("330AC1000000186").law_number() == LawNumber(Era.SHOWA, 30, "法律", (186,))
    assert decode_law_id("322CO0000000016").submitter is None
    with pytest.raises(LawNumberError):
        decode_law_id("430AC0200000075")


@pytest.mark.parametrize(
    ("raw", "category", "law_type", "kind", "number"),
    [
        ("322CO0000000016", "CO", "CabinetOrder", "政令", 16),
        ("212IO0000000369", "IO", "ImperialOrder", "勅令", 369),
        ("117DF1000000032", "DF", "CabinetOrder", "太政官布告", 32),
        ("108DT0000000152", "DT", "CabinetOrder", "太政官達", 152),
        ("106DH0000000016", "DH", "CabinetOrder", "太政官布達", 16),
        ("415M60000F4A003", "M", "MinisterialOrdinance", "府省令", 3),
        ("325M50004000040", "M", "MinisterialOrdinance", "府省令", 40),
        ("326R00000011008", "R", "Rule", "規則", 8),
        ("324RJNJ01002000", "RJNJ", "Rule", "人事院規則", None),
        ("351RPMD12230000", "RPMD", "Misc", "内閣総理大臣決定", None),
        ("321CONSTITUTION", "CONSTITUTION", "Constitution", "憲法", None),
    ],
)
def test_decode_law_id_categories(
    raw: str, category: str, law_type: str, kind: str, number: int | None
) -> None:
    lid = decode_law_id(raw)
    assert (lid.category, lid.law_type, lid.kind, lid.number) == (category, law_type, kind, number)
    assert lid.era is Era(int(raw[0])) and lid.year == int(raw[1:3])


def test_law_id_parts_and_law_number() -> None:
    assert decode_law_id("324RJNJ01002000").parts == (1, 2)
    assert decode_law_id("412RJNJ14019000").parts == (14, 19)
    assert decode_law_id("421RJNJ08012007").parts == (8, 12, 7)
    assert decode_law_id("351RPMD12230000").parts == (12, 23, 0)
    assert decode_law_id("321CONSTITUTION").law_number() == LawNumber(Era.SHOWA, 21, "憲法")
    assert decode_law_id("117DF1000000032").law_number() == LawNumber(Era.MEIJI, 17, "太政官布告", (32,))
    for raw in ("415M60000F4A003", "326R00000011008", "324RJNJ01002000", "351RPMD12230000"):
        with pytest.raises(LawNumberError):
            decode_law_id(raw).law_number()


@pytest.mark.parametrize(
    "raw",
    ["", "415AC000000005", "415AC00000000570", "415XX0000000057", "615AC0000000057", "000AC0000000057",
     "432AC0000000001", "146AC0000000001", "4１5AC0000000057", "415ac0000000057", "415M70000F4A003", "415M60000G4A003",
     "322CONSTITUTIONX", " 415AC0000000057", "415RJNJ0100200", "４１５AC0000000057"],
)  # fmt: skip
def test_decode_law_id_rejects(raw: str) -> None:
    with pytest.raises(LawNumberError):
        decode_law_id(raw)


def test_encode_law_id() -> None:
    assert encode_law_id(LawNumber(Era.HEISEI, 15, "法律", (57,))) == "415AC0000000057"
    assert encode_law_id(R3_37) == "503AC0000000037"
    assert encode_law_id(LawNumber(Era.SHOWA, 22, "政令", (16,))) == "322CO0000000016"
    assert encode_law_id(LawNumber(Era.TAISHO, 12, "勅令", (369,))) == "212IO0000000369"
    assert encode_law_id(LawNumber(Era.SHOWA, 21, "憲法")) == "321CONSTITUTION"
    act = LawNumber(Era.SHOWA, 30, "法律", (186,))
    assert encode_law_id(act, submitter="house_of_representatives") == "330AC1000000186"
    assert encode_law_id(LawNumber(Era.HEISEI, 30, "法律", (75,)), submitter="house_of_councillors") == (
        "430AC0100000075"
    )
    for bad in (
        LawNumber(Era.HEISEI, 15, "厚生労働省令", (1,)),
        LawNumber(Era.HEISEI, 21, "人事院規則", (8, 12, 7)),
        LawNumber(Era.REIWA, 100, "法律", (1,)),
        LawNumber(Era.REIWA, 3, "法律", (10**8,)),
    ):
        with pytest.raises(LawNumberError):
            encode_law_id(bad)
    with pytest.raises(LawNumberError):
        encode_law_id(R3_37, submitter="emperor")


@given(
    st.sampled_from(list(Era)).flatmap(lambda era: st.tuples(st.just(era), _era_years(era))),
    st.sampled_from(["法律", "政令", "勅令"]),
    st.integers(min_value=0, max_value=10**8 - 1),
    st.sampled_from(["cabinet", "house_of_representatives", "house_of_councillors"]),
)
def test_law_id_round_trip(era_year: tuple[Era, int], kind: str, number: int, submitter: str) -> None:
    era, year = era_year
    ln = LawNumber(era, year, kind, (number,))
    raw = encode_law_id(ln, submitter=submitter)
    lid = decode_law_id(raw)
    assert lid.raw == raw and len(raw) == 15
    assert lid.law_number() == ln
    assert lid.submitter == (submitter if kind == "法律" else None)
    assert encode_law_id(lid.law_number(), submitter=lid.submitter or "cabinet") == raw


@given(st.from_regex(r"[1-4](0[1-9]|1[0-5])(AC|CO)(00|01|10)[0-9]{8}", fullmatch=True))
def test_law_id_decode_encode(raw: str) -> None:
    lid = decode_law_id(raw)
    if raw[5:7] != "00" and lid.category == "CO":
        return  # only Acts carry a submitter code; CO prefixes are not re-encoded
    assert encode_law_id(lid.law_number(), submitter=lid.submitter or "cabinet") == raw


# ---- revision IDs -----------------------------------------------------------------------------------------------


def test_parse_revision_id() -> None:
    rid = parse_revision_id("415AC0000000057_20230401_503AC0000000037")
    assert isinstance(rid, RevisionId)
    assert rid.law_id == decode_law_id("415AC0000000057")
    assert rid.enforced == date(2023, 4, 1)
    assert rid.amending_law_id is not None and rid.amending_law_id.law_number() == R3_37
    assert str(rid) == "415AC0000000057_20230401_503AC0000000037"
    original = parse_revision_id("419M60400000005_20161001_000000000000000")
    assert original.amending_law_id is None
    assert str(original) == "419M60400000005_20161001_000000000000000"


@pytest.mark.parametrize(
    "raw",
    ["415AC0000000057", "415AC0000000057_20230401", "415AC0000000057_20230230_503AC0000000037",
     "415AC0000000057_2023041_503AC0000000037", "415AC0000000057_20230401_503AC000000003",
     "415AC0000000057_20230401_503AC0000000037_x", "415AC0000000057_２0230401_503AC0000000037"],
)  # fmt: skip
def test_parse_revision_id_rejects(raw: str) -> None:
    with pytest.raises(LawNumberError):
        parse_revision_id(raw)


def test_law_id_and_revision_id_shapes_find_every_category():
    import re

    from lawcode.text.lawnum import LAW_ID_SHAPE, REVISION_ID_SHAPE

    shape = re.compile(LAW_ID_SHAPE)
    for law_id in ("415AC0000000057", "430AC0100000075", "415M60000F4A003", "324RJNJ01002000", "321CONSTITUTION",
                   "117DF1000000032", "120IO0000000002"):
        assert shape.fullmatch(law_id), law_id
        decode_law_id(law_id)  # every shape match here is a real LawID
    for not_id in ("41AC0000000057", "415ac", "令和3年法律第37号", "415AC000000005"):
        assert not shape.fullmatch(not_id), not_id
    m = re.search(REVISION_ID_SHAPE, "x/415AC0000000057_20230401_503AC0000000037.xml")
    assert m and m.groups() == ("415AC0000000057", "20230401", "503AC0000000037")
    m = re.search(REVISION_ID_SHAPE, "428M60020000005_20170530_000000000000000")
    assert m and m.group(3) == "000000000000000"
