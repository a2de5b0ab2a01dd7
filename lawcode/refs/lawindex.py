"""An index of every law in the e-Gov law list, to recognise a law whose text is not loaded.

Statutes cite other laws by title and number (「民事執行法（昭和五十四年法律第四号）第百二十二条」), and data sets
(procedure inventories) name laws by title or number only. To turn such a mention into an e-Gov LawID without
the cited law's XML, lawcode ships a small index generated from the e-Gov law list of 2020-11-18 (8,515 laws)
plus the LawIDs and later titles found in the shared corpus — titles and numbers are facts, not text. The file
is ``lawcode/refs/data/lawindex.tsv.gz``; ``python -m lawcode.refs.data.build_lawindex CORPUS`` regenerates it.

Matching rules:

* a **law number** is recognised in any writing :func:`lawcode.text.lawnum.parse_law_number` reads (kanji,
  Arabic, full-width, with stray spaces) and compared by its canonical key;
* a **LawID** (``415AC0000000057``) is looked up directly;
* a **title** is compared after :func:`lawcode.text.normalize.normalize_for_match` (width, glyph variants,
  spaces) with a trailing 「抄」 (excerpt mark) ignored; an old law that e-Gov titles by its number
  (「昭和二十二年法律第五十四号（私的独占の禁止及び公正取引の確保に関する法律）」) is also found by the name in parentheses.

Short official abbreviations (個人情報保護法) are not in the list and are not guessed.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from lawcode.errors import LawcodeError
from lawcode.text.eras import Era
from lawcode.text.lawnum import decode_law_id, parse_law_number
from lawcode.text.normalize import normalize_for_match

__all__ = [
    "LawEntry", "LawIndex", "law_index", "lookup_law", "lookup_laws", "number_key", "search_laws", "title_key", "title_keys",
]

_DATA_FILE = "lawindex.tsv.gz"


@dataclass(frozen=True, slots=True)
class LawEntry:
    """One law of the index.

    ``law_id`` is the e-Gov LawID or ``None`` when it cannot be known from the list (府省令 and 規則 encode a
    ministry the number does not tell); ``id_certain`` is false when the ID was rebuilt from the law number
    rather than read from e-Gov data (for 法律 this assumes a cabinet bill, see
    :func:`lawcode.text.lawnum.encode_law_id`). ``law_num`` is the 法令番号 as e-Gov writes it, ``law_type`` the
    e-Gov LawType (Act, CabinetOrder, MinisterialOrdinance, …).
    """

    law_id: str | None
    title: str
    law_num: str
    law_type: str
    id_certain: bool = True


def title_key(title: str) -> str:
    """The matching key of a law title: normalised for matching, trailing 「抄」 dropped."""
    key = normalize_for_match(title)
    return key[:-1] if key.endswith("抄") and len(key) > 1 else key


def title_keys(title: str) -> list[str]:
    """Every matching key a title is known by: its own, plus the name in parentheses when e-Gov titles an old
    law by its number (「昭和二十二年法律第五十四号（私的独占の禁止及び公正取引の確保に関する法律）」)."""
    keys = [title_key(title)]
    text = title.strip()
    if text.endswith(("）", ")")):
        open_at = max(text.rfind("（"), text.rfind("("))
        if open_at > 0 and number_key(text[:open_at]) is not None:
            inner = title_key(text[open_at + 1 : -1])
            if inner and inner not in keys:
                keys.append(inner)
    return keys


#: The first character of every era name (明治 … 令和): what a law number starts with, after any whitespace.
_ERA_INITIALS = frozenset(era.kanji[0] for era in Era)


@lru_cache(maxsize=65536)
def number_key(text: str) -> str | None:
    """The canonical key of a law number (``令和3年法律第37号``), or ``None`` when *text* is not one.

    Cached, failures included: the scanner and the law index ask it of every title and number they meet, most of
    them again and again. A law number starts with an era name, so a text that starts otherwise (a title) is
    refused without the failed parse (two exceptions) it would cost."""
    if text.lstrip()[:1] not in _ERA_INITIALS:
        return None
    try:
        return parse_law_number(text).key
    except LawcodeError:
        return None


class LawIndex:
    """Law entries indexed by LawID, law number and title (see the module docstring for the matching rules)."""

    def __init__(self, entries: list[LawEntry]) -> None:
        self.entries: tuple[LawEntry, ...] = tuple(entries)
        self._by_id: dict[str, list[LawEntry]] = {}
        self._by_num: dict[str, list[LawEntry]] = {}
        self._by_title: dict[str, list[LawEntry]] = {}
        for e in self.entries:
            if e.law_id:
                self._by_id.setdefault(e.law_id, []).append(e)
            key = number_key(e.law_num)
            if key:
                self._by_num.setdefault(key, []).append(e)
            if e.title:
                for tk in title_keys(e.title):
                    self._by_title.setdefault(tk, []).append(e)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LawEntry]:
        return iter(self.entries)

    def lookup_all(self, title_or_number: str) -> list[LawEntry]:
        """Every entry whose LawID, law number or title matches *title_or_number* exactly (after normalisation).

        Several entries come back for a title two laws share (some 経過措置政令) and for a law listed under
        more than one title.
        """
        text = title_or_number.strip() if isinstance(title_or_number, str) else ""
        if not text:
            return []
        if text.isascii():
            try:
                decode_law_id(text)
            except LawcodeError:
                pass
            else:
                return list(self._by_id.get(text, []))
        key = number_key(text)
        if key is not None:
            return list(self._by_num.get(key, []))
        return list(self._by_title.get(title_key(text), []))

    def lookup(self, title_or_number: str) -> LawEntry | None:
        """The entry for a LawID, law number or title, or ``None``.

        When a title names several laws the most recent law number wins (an ambiguous title is most often a
        transitional order re-enacted later); use :meth:`lookup_all` to see them all.
        """
        found = self.lookup_all(title_or_number)
        if not found:
            return None
        return max(found, key=_recency)

    def search(self, text: str, limit: int | None = 20) -> list[LawEntry]:
        """Entries whose title contains *text* (normalised), shortest title first (the closest match)."""
        key = title_key(text) if isinstance(text, str) else ""
        if not key:
            return []
        hits = list(dict.fromkeys(e for k, es in self._by_title.items() if key in k for e in es))
        hits.sort(key=lambda e: (len(e.title), e.title, e.law_num))
        return hits if limit is None else hits[:limit]


def _recency(e: LawEntry) -> tuple[int, int]:
    try:
        ln = parse_law_number(e.law_num)
    except LawcodeError:
        return (0, 0)
    return (ln.gregorian_year, ln.number[0] if ln.number else 0)


def _read_entries() -> list[LawEntry]:
    data = resources.files("lawcode.refs.data").joinpath(_DATA_FILE).read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    out: list[LawEntry] = []
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        out.append(
            LawEntry(
                law_id=row["law_id"] or None,
                title=row["title"],
                law_num=row["law_num"],
                law_type=row["law_type"],
                # a rebuilt 政令/勅令 ID is exact; a rebuilt 法律 ID assumes a cabinet bill
                id_certain=row["id_source"] == "corpus" or (row["id_source"] == "derived" and row["law_type"] != "Act"),
            )
        )
    return out


@lru_cache(maxsize=1)
def law_index() -> LawIndex:
    """The shipped law index (loaded once, on first use)."""
    return LawIndex(_read_entries())


def lookup_law(title_or_number: str) -> LawEntry | None:
    """The law named by a title (「行政手続法」), a law number in kanji, Arabic or full-width digits
    (「平成五年法律第八十八号」, 「平成5年法律第88号」) or a LawID, or ``None`` when the index does not know it."""
    return law_index().lookup(title_or_number)


def lookup_laws(title_or_number: str) -> list[LawEntry]:
    """All laws matching exactly (see :meth:`LawIndex.lookup_all`)."""
    return law_index().lookup_all(title_or_number)


def search_laws(text: str, limit: int | None = 20) -> list[LawEntry]:
    """Laws whose title contains *text* (「個人情報の保護」), shortest title first."""
    return law_index().search(text, limit)
