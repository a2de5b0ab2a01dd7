"""The law's identity from a page's head: 公布日 and 番号 as printed → ``Law`` attributes and ``LawNum``.

Pages print the date (「平成10年12月22日」, 「令和四年一二月二二日」, 「令和５年12月13日」) and the number
(「条例第16号」, 「条例第一三〇号」) apart; ``LawNum`` joins the era year and the number as written
(「平成10年条例第16号」), and the ``Era``/``Year``/``Num`` attributes are read from them in any script. The schema
requires ``Num``: an act printed without one (a 議決, an unnumbered 告示) gets 1 — its ``LawNum`` still says
what the page says.
"""

from __future__ import annotations

import re
from datetime import date

from lawcode.errors import LawcodeError, ParseError
from lawcode.io.reiki.builder import BuiltLaw, LawBuilder
from lawcode.io.reiki.numbers import NUMERAL, read_int
from lawcode.text.eras import parse_wareki, parse_wareki_year

__all__ = ["ERA_YEAR", "finish_law", "squash"]

ERA_YEAR = re.compile(rf"^(明治|大正|昭和|平成|令和)\s*({NUMERAL}|元)\s*年")
_SPACES = re.compile(r"[\s\u3000]+")


def squash(text: str) -> str:
    """*text* without spaces (pages pad dates and numbers with ASCII and ideographic spaces)."""
    return _SPACES.sub("", text)


def finish_law(b: LawBuilder, date_text: str | None, number_text: str | None, source: str) -> BuiltLaw:
    """Build the law of *b* with the identity read from the printed 公布日 and 番号."""
    m = ERA_YEAR.match((date_text or "").strip())
    if not m:
        raise ParseError("the page prints no 公布日 to date the law by (expected 「平成10年12月22日」…)",
                         source=source)
    try:
        era, year = parse_wareki_year(m.group(0))
    except LawcodeError as exc:
        raise ParseError(f"unreadable 公布日 {date_text!r}: {exc.reason}", source=source) from None
    promulgated: date | None
    try:
        promulgated = parse_wareki(squash(date_text or ""))
    except LawcodeError:
        promulgated = None
    number = squash(number_text or "")
    n = re.search(rf"第({NUMERAL})号", number)
    law_num = squash(m.group(0)) + number if number else squash(date_text or "")
    return b.build(law_num=law_num, era=era, year=year, number=(read_int(n.group(1)) if n else None) or 1,
                   promulgated=promulgated)
