"""``lawcode stats FILE|DIR``: counts of 章・条・項・号・細分・附則・表 for one law or every law under a folder.

A file that cannot be read is reported (on stderr, and under ``"bad"`` in JSON) and the count carries on
with the others, as ``roundtrip`` does; the exit status is then 1. Files that are well-formed but hold no law
(API listings, schemas) are skipped and counted. A folder where nothing holds a law exits 1 saying so.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, candidate_files, no_law_files_message, print_error, progress
from lawcode.cli.common import wide_console
from lawcode.errors import NotALawError, ParseError
from lawcode.io import load
from lawcode.model.stats import LawStats, law_stats

NAME = "stats"
HELP = "count articles, paragraphs, items, 附則 and tables"
DESCRIPTION = (
    "Count the provisions of one law file or of every law under a directory (e-Gov XML, API responses, API v2 "
    "JSON). Bad files are reported and skipped; the exit status is 1 when any file was bad or none held a law."
)

#: Tables list every file up to this many laws; beyond, only the total (use --format json for all rows).
MAX_TABLE_ROWS = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="law file or directory")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    files = candidate_files(args.path)
    rows: list[LawStats] = []
    skipped: list[str] = []
    bad: list[tuple[str, str]] = []
    for f in progress(files, "counting", err, quiet=args.quiet or len(files) < 20):
        try:
            law = load(f)
        except NotALawError:
            skipped.append(str(f))
            continue
        except ParseError as exc:
            bad.append((str(f), str(exc)))
            continue
        rows.append(law_stats(law, str(f)))
    total = LawStats.total(rows)
    if args.format == "json":
        payload = {
            "files": [r.as_dict() for r in rows],
            "total": total.as_dict(),
            "skipped": skipped,
            "bad": [{"source": source, "error": reason} for source, reason in bad],
        }
        out.print_json(json.dumps(payload, ensure_ascii=False))
    elif rows:
        _print_table(args.path, rows, total, wide_console(out))
        if skipped:
            out.print(f"skipped {len(skipped)} file(s) that hold no law (API listings, schemas …)", markup=False)
    for _source, reason in bad:
        err.print(f"BAD {reason}", markup=False, highlight=False)
    if bad:
        err.print(f"{len(bad)} of {len(files)} file(s) could not be read", markup=False, highlight=False)
        return EXIT_FAILED
    if not rows:
        print_error(err, no_law_files_message(args.path, len(files), len(skipped)))
        return EXIT_FAILED
    return EXIT_OK


def _print_table(path: Path, rows: list[LawStats], total: LawStats, out: Console) -> None:
    table = Table(title=f"lawcode stats — {path}", box=box.SIMPLE_HEAD)
    table.add_column("file", no_wrap=True)
    for name in LawStats.COLUMNS.values():
        table.add_column(name, justify="right")
    for r in rows if len(rows) <= MAX_TABLE_ROWS else []:
        table.add_row(Path(r.source).name, *(str(v) for v in r.values()))
    table.add_row(f"合計 ({len(rows)})", *(str(v) for v in total.values()), style="bold")
    out.print(table)
