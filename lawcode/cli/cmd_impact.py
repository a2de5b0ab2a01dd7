"""``lawcode impact OLD NEW --trace FILE --procedures CSV``: which requirements and procedures a change affects.

The two versions are diffed (:func:`lawcode.diff`), the trace file (YAML, JSON, CSV or needs.json) and/or the
procedures survey are read, and every item linked to the law is classified direct or indirect with the reason
and the path (:func:`lawcode.impact.impact`). ``--format table`` (default) prints one line per affected item,
``json`` the whole report (each affected item with its ``id`` — the 手続ID for procedures — and the reason),
``html`` a self-contained Japanese report; ``-o FILE`` writes to a file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from lawcode.cli.common import EXIT_OK, EXIT_USAGE, print_error, wide_console
from lawcode.diff import diff
from lawcode.impact import Trace, impact, read_procedures, read_trace
from lawcode.impact.report import CLASS_LABELS
from lawcode.impact.links import STATE_LABELS
from lawcode.io import load

NAME = "impact"
HELP = "trace a change of law to the requirements and procedures that depend on it"
DESCRIPTION = (
    "Diff OLD and NEW (two versions of one law) and list the items of --trace (YAML/JSON/CSV/needs.json) and "
    "--procedures (the 悉皆調査 CSV or parquet) that the change affects, directly (a linked provision changed) "
    "or indirectly (through citations, 準用, delegation or definitions), with the reason and the path."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, help="the old version (e-Gov XML)")
    parser.add_argument("new", type=Path, help="the new version (e-Gov XML)")
    parser.add_argument("--trace", type=Path, action="append", default=[], help="trace file (repeatable)")
    parser.add_argument("--procedures", type=Path, help="悉皆調査 CSV/parquet, or a folder holding it")
    parser.add_argument("--law", type=Path, action="append", default=[],
                        help="another law whose citations carry the change on (施行令, ordinance; repeatable)")
    parser.add_argument("--depth", type=int, default=2, help="most citation steps of an indirect path (default 2)")
    parser.add_argument("--format", choices=("table", "json", "html"), default="table", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    if not args.trace and args.procedures is None:
        print_error(err, "give at least one of --trace and --procedures")
        return EXIT_USAGE
    trace = Trace()
    for path in args.trace:
        trace = trace + read_trace(path)
    if args.procedures is not None:
        trace = trace + read_procedures(args.procedures)
    d = diff(load(args.old), load(args.new))
    report = impact(d, trace, [load(p) for p in args.law], depth=args.depth)
    if args.format == "json":
        text = report.to_json()
    elif args.format == "html":
        text = report.to_html()
    else:
        text = ""
    if args.output is not None and text:
        args.output.write_text(text + "\n", encoding="utf-8")
        return EXIT_OK
    if text:
        out.file.write(text + "\n")
        return EXIT_OK
    con = wide_console(out)
    con.print(escape(repr(report)), highlight=False)
    for h in report.best_hits():
        con.print(f"{escape(h.item.id)}\t{CLASS_LABELS[h.klass]}\t{STATE_LABELS[h.state]}\t{escape(h.item.title)}\t"
                  f"{escape(h.reason)}", highlight=False, soft_wrap=True)
    if report.unlinked:
        con.print(f"unlinked rows: {len(report.unlinked)} (see --format json)", highlight=False)
    return EXIT_OK
