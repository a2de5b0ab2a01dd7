"""Amendment cases with official before/after texts (the INDEX.tsv format) and the exact-match check.

``INDEX.tsv`` (``../shared/corpus/amendments/``) has one row per case: the 改め文 text, the law amended, the
e-Gov XML before and after, and the scope in force on the after date. A case is *exact* when the result of
:func:`lawcode.amend` and the official after-revision are canonically equal once every 改正附則
(``SupplProvision`` with ``AmendLawNum``) is removed — the 改め文 of the main provisions does not contain them.
Used by ``benchmarks/bench_amend.py`` and the corpus test.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lawcode.amend.amendment import amend, parse_parts
from lawcode.errors import LawcodeError
from lawcode.io import canonical_xml, load
from lawcode.io.xml_law import first_difference
from lawcode.model.law import Law

__all__ = ["Case", "CaseResult", "read_index", "run_case", "comparable_xml"]


@dataclass(frozen=True)
class Case:
    """One row of an INDEX.tsv (paths resolved against the folder of the index)."""

    case: str
    text: Path
    target_title: str
    before: Path | None
    after: Path | None
    staged: bool
    scope: str | None
    notes: str = ""

    @property
    def headline(self) -> bool:
        """Whether the case counts in the exact-match rate (it has before, after and a known scope)."""
        return self.before is not None and self.after is not None and self.scope is not None


@dataclass(frozen=True)
class CaseResult:
    """``status`` is exact, mismatch, failed or unscored (no before/after or no scope)."""

    case: Case
    status: str
    detail: str = ""
    seconds: float = 0.0
    operations: int = 0


def read_index(path: str | Path) -> list[Case]:
    """The cases of an INDEX.tsv (tab-separated, header row; columns as in the corpus README)."""
    path = Path(path)
    folder = path.parent
    out: list[Case] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            def p(key: str, row: dict[str, str] = row) -> Path | None:
                value = (row.get(key) or "").strip()
                return (folder / value) if value else None

            text = p("text")
            if text is None:
                continue
            scope = (row.get("scope") or "").strip() or None
            out.append(Case(row["case"], text, row.get("target_title") or "", p("before"), p("after"),
                            (row.get("staged") or "").strip() == "yes", scope, row.get("notes") or ""))
    return out


def comparable_xml(law: Law) -> bytes:
    """Canonical XML of *law* without its 改正附則 (SupplProvision with AmendLawNum)."""
    root = etree.fromstring(law.to_xml())
    for s in list(root.iter("SupplProvision")):
        if s.get("AmendLawNum") is not None:
            parent = s.getparent()
            if parent is not None:
                parent.remove(s)
    return canonical_xml(root)


def differing_provisions(mine: Law, official: Law, limit: int = 12) -> list[str] | None:
    """Labels of the provisions whose text differs between two versions (改正附則 left out), by
    :func:`lawcode.diff`; ``None`` when the diff itself fails."""
    from lawcode.diff import diff

    try:
        d = diff(mine, official)
    except LawcodeError:
        return None
    out: list[str] = []
    for change in d.changes:
        path = change.new_path or change.old_path or ""
        if path.startswith("SupplProvision[") and "[orig]" not in path:
            continue  # an 改正附則: not part of the 改め文 of the main provisions
        label = change.new_label or change.old_label or path
        out.append(f"{label}({change.kind})")
    return out[:limit] + ([f"… {len(out) - limit} more"] if len(out) > limit else [])


def run_case(case: Case) -> CaseResult:
    """Apply one case and compare with its after-revision (never raises for a lawcode error)."""
    text = case.text.read_text(encoding="utf-8")
    if case.before is None:
        start = time.perf_counter()
        try:
            parts = parse_parts(text, source=case.text.name)
        except LawcodeError as exc:
            return CaseResult(case, "unscored", f"no before revision; the text does not parse: {exc}",
                              time.perf_counter() - start)
        n = sum(len(p.operations) for p in parts)
        return CaseResult(case, "unscored", f"no before revision; parsed {n} operations",
                          time.perf_counter() - start, n)
    start = time.perf_counter()
    try:
        base = load(case.before)
        result = amend(base, text, None if case.scope is None else case.scope, source=str(case.text.name))
    except LawcodeError as exc:
        status = "failed" if case.headline else "unscored"
        return CaseResult(case, status, str(exc), time.perf_counter() - start)
    seconds = time.perf_counter() - start
    n = len(result.operations)
    if case.after is None:
        return CaseResult(case, "unscored", f"applied {n} operations; no after revision", seconds, n)
    after = load(case.after)
    mine = comparable_xml(result.law)
    official = comparable_xml(after)
    if mine == official:
        status, detail = "exact", ""
    else:
        status, detail = "mismatch", first_difference(official, mine)
        differing = differing_provisions(result.law, after)
        if differing is not None:
            detail = (f"provisions that differ: {'、'.join(differing) or 'none (markup/attributes only)'}; "
                      + detail)
    if not case.headline:
        detail = f"{status}: {detail}" if detail else status
        status = "unscored"
    return CaseResult(case, status, detail, seconds, n)
