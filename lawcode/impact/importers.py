"""Importers that turn Japanese sources into traces: the 悉皆調査 procedures, 標準仕様書-style text and
ordinances.

* :func:`read_procedures` — the デジタル庁 行政手続等の悉皆調査 (CSV, or the parquet projection): one
  ``procedure`` item per 手続ID, linked to (法令番号 or 法令名, 根拠条項号). The survey cites the law in force
  when it was made, so its links say ``law_version="current"``. The citation itself is read when the link is
  checked, by the references layer's procedures resolver (:mod:`lawcode.refs.procedures`). 所管府省庁, 手続類型
  and 事務区分 (and any further column) are kept as attributes; a row without a law or a 根拠条項号 is unlinked.
* :func:`read_spec` — requirement texts whose legal bases are inline prose relative to a base law
  (「（法第７条各号関係）」, 「令第11条」, 「規則第11条第３項第２号」, 「番号法第７条第１項」): one ``requirement``
  item per file (id from the file name, title from the first line), one link per citation; 法/令/規則 are the
  base law and its 施行令/施行規則, other law names are kept as written.
* :func:`ordinance_trace` — an ordinance as ``ordinance_provision`` items (one per article) whose links are
  its references to national law (:func:`lawcode.references`), so that a change of that law shows the
  articles to review.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from lawcode.errors import TraceError
from lawcode.impact.graph import applies_mutatis_mutandis, article_of
from lawcode.impact.links import label_of
from lawcode.impact.trace import Link, Provenance, Trace, TraceItem, Unlinked
from lawcode.model.law import Law
from lawcode.refs.tokens import N as _NUM
from lawcode.refs.scan import references

__all__ = ["read_procedures", "procedures_trace", "read_spec", "ordinance_trace", "SURVEY_EDITION", "LAW_ABBREVIATIONS"]

SURVEY_EDITION = "2025-07-29"
_PROC_KEEP = ("所管府省庁", "手続類型", "事務区分", "法令名", "法令番号")
_EMPTY = ("", "-", "－", "ー", "―")


def read_procedures(source: str | Path, *, edition: str = SURVEY_EDITION) -> Trace:
    """The procedures survey as a trace (see the module docstring). *source*: the CSV, the parquet file or a
    folder holding ``procedures_slim.csv`` (or the parquet)."""
    path = Path(source)
    if path.is_dir():
        found = sorted(path.rglob("procedures_slim.csv")) or sorted(path.rglob("*.csv")) or sorted(path.rglob("*.parquet"))
        if not found:
            raise TraceError("no procedures CSV or parquet here", where=str(path))
        path = found[0]
    if not path.is_file():
        raise TraceError("no such procedures file", where=str(path))
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".parquet":
        import pandas as pd

        try:
            rows = pd.read_parquet(path).fillna("").astype(str).to_dict("records")
        except ImportError as exc:  # pandas needs pyarrow or fastparquet for parquet
            raise TraceError(f"reading parquet needs pyarrow: {exc}; use the CSV", where=str(path)) from None
    else:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "手続ID" not in reader.fieldnames:
                raise TraceError("a procedures CSV needs a 手続ID column (is it the survey's CSV?)", where=f"{path}:1")
            rows = list(reader)
    return procedures_trace(rows, source=str(path), edition=edition)


def procedures_trace(rows: list[dict[str, Any]], *, source: str = "<rows>", edition: str = SURVEY_EDITION) -> Trace:
    """Survey rows (dicts with the survey's column names) as a trace."""
    items: list[TraceItem] = []
    unlinked: list[Unlinked] = []
    seen: set[str] = set()
    for n, row in enumerate(rows, 1):
        prov = Provenance(source, row=n, edition=edition)
        pid = str(row.get("手続ID") or "").strip()
        title = str(row.get("手続名") or "").strip()
        law_num = str(row.get("法令番号") or "").strip()
        law_title = str(row.get("法令名") or "").strip()
        citation = str(row.get("根拠条項号") or "").strip()
        if not pid:
            unlinked.append(Unlinked(f"row {n}", title, citation, "no 手続ID", prov))
            continue
        if pid in seen:
            unlinked.append(Unlinked(pid, title, citation, "duplicate 手続ID (row kept once)", prov))
            continue
        seen.add(pid)
        attrs = {k: row.get(k, "") for k in _PROC_KEEP if row.get(k, "") not in (None, "")}
        for k, v in row.items():
            if k not in attrs and k not in ("手続ID", "手続名", "根拠条項号") and v not in (None, ""):
                attrs[k] = v
        law = law_num if law_num not in _EMPTY else law_title if law_title not in _EMPTY else ""
        links: list[Link] = []
        if not law:
            unlinked.append(Unlinked(pid, title, citation, "no 法令名 or 法令番号", prov))
        elif citation in _EMPTY:
            unlinked.append(Unlinked(pid, title, f"{law_title} {citation}".strip(), "empty 根拠条項号", prov))
        else:
            note = law_title if law == law_num and law_title else None
            links.append(Link(law, citation, "根拠", None, "current", note))
        items.append(TraceItem(pid, "procedure", title, attrs, links, prov))
    trace = Trace(items, unlinked)
    return trace


# -- 標準仕様書-style text ---------------------------------------------------------------------------------------
_CITE = re.compile(
    rf"(?P<law>(?:[一-龥ぁ-んァ-ヶー]{{1,20}}?法(?:施行令|施行規則)?|同法(?:施行令|施行規則)?|法|令|規則))"
    rf"(?P<cite>第{_NUM}条(?:の{_NUM})*(?:第{_NUM}項)?(?:第{_NUM}号(?:の{_NUM})*)?)"
)
_ABBREV = {"法": "", "令": "施行令", "規則": "施行規則"}
#: Short names of laws common in 標準仕様書 text (法令名略称), expanded to the title the e-Gov law list knows.
LAW_ABBREVIATIONS = {
    "番号法": "行政手続における特定の個人を識別するための番号の利用等に関する法律",
    "住基法": "住民基本台帳法",
    "個人情報保護法": "個人情報の保護に関する法律",
}


def read_spec(folder: str | Path, base_law: str, *, edition: str | None = None, pattern: str = "*.txt",
              abbreviations: dict[str, str] | None = None) -> Trace:
    """Requirement texts under *folder* as a trace (see the module docstring). *base_law* is what 「法」
    means (a title such as 「住民基本台帳法」); 「令」 and 「規則」 become its 施行令 and 施行規則; short names
    (「番号法」, 「番号法施行令」) are expanded with *abbreviations* (default :data:`LAW_ABBREVIATIONS`)."""
    short = LAW_ABBREVIATIONS if abbreviations is None else abbreviations
    folder = Path(folder)
    files = sorted(folder.glob(pattern)) if folder.is_dir() else [folder]
    if not files or not files[0].is_file():
        raise TraceError("no requirement text files here", where=str(folder))
    trace = Trace()
    for path in sorted(files, key=_natural):
        text = path.read_text(encoding="utf-8-sig")
        lines = text.splitlines()
        title = next((ln.strip() for ln in lines if ln.strip()), path.stem)
        item_id = path.stem.upper()
        links: list[Link] = []
        last_law = base_law
        for lineno, line in enumerate(lines, 1):
            for m in _CITE.finditer(line):
                word = _strip_prefix(m.group("law"))
                if word in _ABBREV:
                    law = base_law + _ABBREV[word]
                elif word.startswith("同法"):
                    law = last_law + word[2:]
                else:
                    law = _expand(word, short)
                last_law = law if not law.endswith(("施行令", "施行規則")) else last_law
                after = line[m.end(): m.end() + 8]
                kind = "根拠" if after.startswith(("関係", "各号関係")) else "参照"
                link = Link(law, m.group("cite"), kind, None, None, f"{path.name}:{lineno} {line.strip()[:60]}")
                if link not in links:
                    links.append(link)
        prov = Provenance(str(path), line=1, edition=edition)
        trace.add(TraceItem(item_id, "requirement", title, {"file": path.name}, links, prov))
        if not links:
            trace.unlinked.append(Unlinked(item_id, title, "", "no citation of a law in the text", prov))
    return trace


def _expand(word: str, short: dict[str, str]) -> str:
    for name, title in short.items():
        if word == name or (word.startswith(name) and word[len(name):] in ("施行令", "施行規則")):
            return title + word[len(name):]
    return word


def _strip_prefix(word: str) -> str:
    """「データ標準レイアウトの法」 is not a law name: keep the shortest tail that ends in 法 and names one."""
    for cut in ("及び", "並びに", "又は", "若しくは", "の", "は", "を", "に", "が", "と", "で", "、", "（", "・"):
        if cut in word:
            word = word.rsplit(cut, 1)[1]
    return word


def _natural(p: Path) -> tuple[int, str]:
    digits = re.sub(r"\D", "", p.stem)
    return (int(digits) if digits else 0, p.stem)


# -- ordinances ---------------------------------------------------------------------------------------------
def ordinance_trace(law: Law, *, kind: str = "ordinance_provision") -> Trace:
    """*law* (an ordinance, or any law) as one item per article whose links are its references to other
    laws; articles citing no other law are not items (they cannot be affected by a national change)."""
    if not isinstance(law, Law):
        raise TraceError(f"ordinance_trace() takes a lawcode.Law, not {type(law).__name__}", where="ordinance_trace()")
    by_article: dict[str, list[Link]] = {}
    unlinked: list[Unlinked] = []
    source = str(law.source or law.title)
    for ref in references(law):
        if ref.kind.value != "external" or ref.target_law is None:
            continue
        article = article_of(ref.source)
        holder = law.get(ref.source)
        junyo = holder is not None and applies_mutatis_mutandis(holder.text(), ref.span[1])
        link_kind = "準用" if junyo else "参照"
        if not ref.targets:
            unlinked.append(Unlinked(f"{law.title} {label_of(law, ref.source)}", ref.text, ref.text,
                                     "cites a whole law, not a provision", Provenance(source, edition=law.law_num)))
            continue
        links = by_article.setdefault(article, [])
        link = Link(ref.target_law, " ".join(ref.targets), link_kind, None, None, ref.text)
        if link not in links:
            links.append(link)
    items = []
    for article, links in by_article.items():
        p = law.get(article)
        label = label_of(law, article)
        caption = str(getattr(p, "caption", "") or "") if p is not None else ""
        items.append(TraceItem(f"{law.title} {label}", kind, f"{label}{caption}",
                               {"ordinance": law.title, "law_num": law.law_num or "", "path": article}, links,
                               Provenance(source, edition=law.law_num)))
    return Trace(items, unlinked)
