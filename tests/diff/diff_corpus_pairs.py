"""The real version pairs of the shared corpus (used by the corpus tests and benchmarks/bench_diff.py).

Four sources (see the corpus's SOURCES.md): consecutive versions of one LawID in ``egov/`` and
``egov_versions/`` (ordered by the date in the file name), the saved pairs of ``version_pairs/INDEX.tsv``
and the before/after revisions of ``amendments/INDEX.tsv``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

__all__ = ["version_pairs"]

_DATE = re.compile(r"(?:^|_|asof|retrieved)(\d{8})(?:_|$)")


def _date_key(path: Path) -> tuple[str, str]:
    m = _DATE.search(path.stem.replace("lawhubxml_", "_"))
    return (m.group(1) if m else "99999999", path.name)


def version_pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    """``(pair id, before file, after file)`` for every real pair, in a stable order."""
    out: list[tuple[str, Path, Path]] = []
    for group in ("egov", "egov_versions"):
        base = corpus / group
        if not base.is_dir():
            continue
        for law_dir in sorted(p for p in base.iterdir() if p.is_dir()):
            files = sorted(law_dir.glob("*.xml"), key=_date_key)
            for a, b in zip(files, files[1:], strict=False):
                out.append((f"{group}/{law_dir.name}/{a.stem}..{b.stem}", a, b))
    index = corpus / "version_pairs" / "INDEX.tsv"
    if index.is_file():
        with index.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("before_file") and row.get("after_file"):
                    a = corpus / "version_pairs" / row["before_file"]
                    b = corpus / "version_pairs" / row["after_file"]
                    if a.is_file() and b.is_file():
                        out.append((f"version_pairs/{row['pair_id']}", a, b))
    index = corpus / "amendments" / "INDEX.tsv"
    if index.is_file():
        seen = set()
        with index.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("before") and row.get("after"):
                    a = (corpus / "amendments" / row["before"]).resolve()
                    b = (corpus / "amendments" / row["after"]).resolve()
                    if a.is_file() and b.is_file() and (a, b) not in seen:
                        seen.add((a, b))
                        out.append((f"amendments/{row['case']}", a, b))
    return out
