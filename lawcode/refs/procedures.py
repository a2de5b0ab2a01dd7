"""Resolving the legal basis (根拠条項号) of administrative procedures against a library of laws.

The デジタル庁 行政手続等の悉皆調査 (2025-07-29) lists 75,071 procedures, each with the law it rests on
(法令名, 法令番号) and the provision (根拠条項号, e.g. 「第106条の24」). :func:`resolve_procedures` finds each row's law in
a :class:`~lawcode.refs.library.Library`, reads the provision with :func:`~lawcode.refs.citation_strings.parse_citation`
in lenient mode and looks it up with :meth:`lawcode.Law.find`. Every row gets one ``status``:

``resolved``
    every provision the string names exists (``repairs`` says what lenient reading changed);
``law_not_in_library``
    neither the law number nor the title matches a law of the library;
``not_in_version``
    the citation reads, but the provision does not exist in the library's version of the law (the survey is
    from 2025, most corpus texts from 2020: provisions added since are missing);
``data_error``
    the string cannot be read even leniently (「改正附則第33条」 without the amending law, 「第-条」), is empty, or
    names a 項 without its 条 in a law that has articles;
``parser``
    the string is a well-formed citation by an independent pattern (:data:`WELL_FORMED`) yet was not read, or
    was read into other numbers, or lookup failed with something other than "no such provision". This class
    measures the parser and should stay empty.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from lawcode.errors import AddressError, CitationError, LawcodeError, LawNotFoundError
from lawcode.model import Law
from lawcode.model.address import Address, Step
from lawcode.refs.citation_strings import parse_citation
from lawcode.refs.library import Library
from lawcode.text.normalize import normalize_width
from lawcode.text.numerals import parse_any_numeral

__all__ = [
    "classify_citation","ProcedureRow", "STATUSES", "WELL_FORMED", "read_procedures", "resolve_procedures", "summarize"]

STATUSES = ("resolved", "law_not_in_library", "not_in_version", "data_error", "parser")

_N = "[0-9〇一二三四五六七八九十百千]+"
#: A well-formed standalone citation (after width folding and space removal), written independently of the
#: grammar: 〔附則〕第N条〔のN…〕〔第N項〕〔第N号〔のN…〕〕, 〔附則〕第N項〔第N号〕, or 〔附則〕別表第N〔のN〕.
WELL_FORMED = re.compile(
    rf"(?P<suppl>附則)?(?:第(?P<a>{_N})条(?P<ab>(?:の{_N})*)(?:第(?P<p>{_N})項)?(?:第(?P<i>{_N})号(?P<ib>(?:の{_N})*))?"
    rf"|第(?P<p2>{_N})項(?:第(?P<i2>{_N})号)?|別表第(?P<t>{_N})(?:の{_N})*)"
)
_CSV_NAME = "procedures_slim.csv"


@dataclass(frozen=True, slots=True)
class ProcedureRow:
    """One procedure and how its 根拠条項号 resolved (see the module docstring for ``status``)."""

    procedure_id: str
    law_title: str
    law_num: str
    citation: str
    law_id: str | None
    status: str
    path: str | None
    repairs: str
    reason: str


def read_procedures(folder: str | Path) -> list[dict[str, str]]:
    """The rows of ``procedures_slim.csv`` found under *folder* (the CSV projection of the survey)."""
    folder = Path(folder)
    found = sorted(folder.rglob(_CSV_NAME)) if folder.is_dir() else [folder]
    if not found:
        raise LawcodeError(f"no {_CSV_NAME} under {folder}", where=str(folder))
    with open(found[0], encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _find_law(library: Library, title: str, law_num: str) -> tuple[Law | None, str | None]:
    for query in (law_num, title):
        if query and query.strip() not in ("-", "－", ""):
            try:
                entry = library.entry(query)
            except LawNotFoundError:
                continue
            return library.find_law(entry.law_id or query), entry.law_id
    return None, None


def _numbers(text: str) -> list[int]:
    return [parse_any_numeral(n) for n in re.findall(_N, text)]


def _expected(citation: str) -> list[int] | None:
    """The numbers of a well-formed citation in order, or ``None`` when it is not well-formed."""
    compact = re.sub(r"[\s\u3000]+", "", normalize_width(citation))
    if not WELL_FORMED.fullmatch(compact):
        return None
    return _numbers(compact)


def _step_numbers(steps: Iterable[Any]) -> list[int]:
    out: list[int] = []
    for s in steps:
        if s.number is not None and not s.tag.startswith("Subitem"):
            out.extend(s.number)
    return out


def classify_citation(law: Law, citation: str) -> tuple[str, str | None, str, str]:
    """Resolve one standalone citation (a 根拠条項号 such as 「第13条第３項」) in *law*.

    Returns ``(status, path, repairs, reason)``: *status* is ``"resolved"``, ``"not_in_version"`` (well formed
    but absent from this version of the law), ``"data_error"`` (not repairable by lenient parsing) or
    ``"parser"`` (a citation the parser should have read — a bug); *path* is the provision's path when resolved;
    *repairs* lists what lenient parsing repaired. Shared by the procedures report and the impact importers.
    """
    expected = _expected(citation)
    if not citation.strip():
        return "data_error", None, "", "empty 根拠条項号"
    try:
        parsed = parse_citation(citation, lenient=True)
    except CitationError as exc:
        status = "parser" if expected is not None else "data_error"
        return status, None, "", exc.reason
    except Exception as exc:  # noqa: BLE001 — anything but a CitationError is a parser bug, counted as such
        return "parser", None, "", f"{type(exc).__name__}: {exc}"
    repairs = "; ".join(parsed.repairs)
    extra: list[str] = []
    if expected is not None and _step_numbers(parsed.steps) != expected:
        return "parser", None, repairs, f"read as {parsed.text} ({_step_numbers(parsed.steps)}), expected {expected}"
    paths: list[str] = []
    for address in parsed.addresses:
        try:
            paths.append(_find(law, address, extra).path)
        except AddressError as exc:
            tags = [s.tag for s in address.steps]
            if "Paragraph" in tags and "Article" not in tags and any(True for _ in law.articles()):
                return "data_error", None, repairs, f"a 項 without its 条 in a law with articles: {exc.reason}"
            return "not_in_version", None, repairs, exc.reason
        except Exception as exc:  # noqa: BLE001
            return "parser", None, repairs, f"{type(exc).__name__}: {exc}"
    return "resolved", " ".join(paths), "; ".join([*parsed.repairs, *extra]), ""


def _find(law: Law, address: Address, repairs: list[str]) -> Any:
    """``law.find``, reading 第N条第M号 as 第N条第一項第M号 (the issue's convention) when the article has
    several 項 and only that reading exists."""
    try:
        return law.find(address)
    except AddressError:
        tags = [s.tag for s in address.steps]
        if "Article" not in tags or "Item" not in tags or "Paragraph" in tags:
            raise
        at = tags.index("Item")
        steps = (*address.steps[:at], Step("Paragraph", number=(1,)), *address.steps[at:])
        found = law.find(Address(address.text, steps))
        repairs.append("read 第N条第M号 as 第N条第1項第M号")
        return found


def resolve_procedures(procedures: str | Path | list[dict[str, str]], library: Library | str | Path,
                       *, as_frame: bool | None = None) -> Any:
    """Resolve every procedure's 根拠条項号 (see the module docstring).

    *procedures* is the survey folder (or the CSV path, or rows as dicts); *library* a :class:`Library` or a
    folder to build one from. Returns a pandas ``DataFrame`` when pandas is installed (``as_frame=False``
    forces a list), else a list of :class:`ProcedureRow`. Each law is loaded once.
    """
    rows = procedures if isinstance(procedures, list) else read_procedures(procedures)
    lib = library if isinstance(library, Library) else Library(library)
    by_law: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        by_law.setdefault((row.get("法令名", "") or "", row.get("法令番号", "") or ""), []).append(row)
    out: dict[int, ProcedureRow] = {}
    order = {id(r): i for i, r in enumerate(rows)}
    for (title, law_num), group in by_law.items():
        try:
            law, law_id = _find_law(lib, title, law_num)
        except LawcodeError as exc:  # a file of the library that does not load
            law, law_id = None, None
            load_error = exc.reason
        else:
            load_error = ""
        cache: dict[str, tuple[str, str | None, str, str]] = {}
        for row in group:
            citation = row.get("根拠条項号", "") or ""
            result: tuple[str, str | None, str, str]
            if law is None:
                result = ("law_not_in_library", None, "", load_error or "no law with this number or title")
            else:
                if citation not in cache:
                    cache[citation] = classify_citation(law, citation)
                result = cache[citation]
            out[order[id(row)]] = ProcedureRow(
                row.get("手続ID", ""), title, law_num, citation, law_id, *result
            )
    result_rows = [out[i] for i in range(len(rows))]
    if as_frame is False:
        return result_rows
    try:
        import pandas as pd
    except ImportError:
        if as_frame:
            raise
        return result_rows
    return pd.DataFrame([asdict(r) for r in result_rows])


def summarize(result: Any) -> dict[str, int]:
    """Counts per status plus ``rows``, ``law_in_library`` and ``repaired`` (resolved only after repairs)."""
    rows: list[dict[str, Any]]
    if hasattr(result, "to_dict"):
        rows = result.to_dict("records")
    else:
        rows = [asdict(r) for r in result]
    counts = Counter(r["status"] for r in rows)
    summary = {s: counts.get(s, 0) for s in STATUSES}
    summary["rows"] = len(rows)
    summary["law_in_library"] = len(rows) - summary["law_not_in_library"]
    summary["repaired"] = sum(1 for r in rows if r["status"] == "resolved" and r["repairs"])
    return summary
