"""The ``lawcode`` command line.

Subcommands (``lawcode COMMAND --help`` for details):

* ``show FILE [ADDRESS]`` — the outline of a law, or one provision by e-Gov path or Japanese citation;
* ``stats FILE|DIR`` — counts of articles, paragraphs, items, 附則 and tables;
* ``roundtrip DIR`` — checks that every ``<Law>`` file under DIR is written back losslessly.

Exit status: 0 success, 1 a check failed (``roundtrip``), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Sequence, TypeVar

from rich.console import Console
from rich.markup import escape

from lawcode._version import __version__
from lawcode.cli.outline import outline_lines
from lawcode.model.stats import LawStats, law_stats
from lawcode.errors import LawcodeError
from lawcode.io import RoundTrip, check_roundtrip, load
from lawcode.model.law import Law
from lawcode.io.xml_parser import parse_xml_bytes, read_source

__all__ = ["main", "build_parser"]

T = TypeVar("T")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawcode",
        description="Japanese law as code: read e-Gov 法令XML, address provisions, check lossless round trips.",
    )
    parser.add_argument("--version", action="version", version=f"lawcode {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    show = sub.add_parser(
        "show",
        help="show a law's outline, or one provision",
        description="Show the outline of FILE, or the provision at ADDRESS (Japanese citation such as "
        "第三条の二第二項 or 附則第二条, or an e-Gov path such as MainProvision-Article_3_2-Paragraph_2).",
    )
    show.add_argument("file", type=Path, help="e-Gov XML file")
    show.add_argument("address", nargs="?", help="provision to show (omit for the outline)")
    show.add_argument("--ruby", action="store_true", help="keep ruby readings, as 漢字（かんじ）")
    show.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    stats = sub.add_parser(
        "stats",
        help="count articles, paragraphs, items, 附則 and tables",
        description="Count the provisions of one XML file or of every <Law> file under a directory.",
    )
    stats.add_argument("path", type=Path, help="XML file or directory")
    stats.add_argument("--format", choices=("table", "json"), default="table", help="output format")

    rt = sub.add_parser(
        "roundtrip",
        help="check lossless load → write over a tree of files",
        description="Load every XML file with a <Law> root under DIR, write it back and compare canonical "
        "forms. Exit status 1 if any file differs (the first difference is printed).",
    )
    rt.add_argument("path", type=Path, help="directory (or single file)")
    rt.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    rt.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: one per CPU; 1 = serial)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "show":
            return _show(args, out)
        if args.command == "stats":
            return _stats(args, out, err)
        if args.command == "roundtrip":
            return _roundtrip(args, out, err)
    except LawcodeError as exc:
        err.print(f"lawcode: error: {exc}", markup=False)
        return 2
    except KeyboardInterrupt:
        err.print("lawcode: interrupted")
        return 130
    parser.error(f"unknown command {args.command}")
    return 2


def xml_files(path: Path) -> list[Path]:
    """XML files at *path* (a file, or every ``*.xml`` under a directory, sorted)."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.xml") if p.is_file())
    if not path.exists():
        raise LawcodeError("no such file or directory", where=str(path))
    return [path]


def _show(args: argparse.Namespace, out: Console) -> int:
    law = load(args.file)
    if args.address is None:
        if args.format == "json":
            payload = {
                "title": law.title,
                "law_num": law.law_num,
                "law_type": law.law_type,
                "promulgated": law.promulgated.isoformat() if law.promulgated else None,
                "provisions": [
                    {"path": p.path, "label": p.label, "kind": p.kind, "caption": p.caption}
                    for p in law.provisions()
                    if p.kind not in ("Paragraph", "Item") and not p.kind.startswith("Subitem")
                ],
            }
            out.print_json(json.dumps(payload, ensure_ascii=False))
            return 0
        for line in outline_lines(law):
            out.print(line, markup=False)
        return 0
    p = law.find(args.address)
    if args.format == "json":
        payload = {"path": p.path, "label": p.label, "kind": p.kind, "caption": p.caption,
                   "text": p.text(ruby=args.ruby), "fingerprint": p.fingerprint}
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return 0
    out.print(f"[bold]{escape(p.label or '')}[/bold]  [dim]{escape(p.path or '')}[/dim]")
    out.print(p.text(ruby=args.ruby), markup=False)
    return 0


def _stats(args: argparse.Namespace, out: Console, err: Console) -> int:
    files = xml_files(args.path)
    rows: list[LawStats] = []
    skipped: list[str] = []
    for f in _progress(files, "counting", err, quiet=len(files) < 20):
        tree = parse_xml_bytes(read_source(f), str(f))  # parsed once: root check, then the law itself
        if tree.getroot().tag != "Law":
            skipped.append(str(f))
            continue
        rows.append(law_stats(Law(tree, source=str(f)), str(f)))
    total = LawStats.total(rows)
    if args.format == "json":
        payload = {"files": [r.as_dict() for r in rows], "total": total.as_dict(), "skipped": skipped}
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return 0
    from rich import box
    from rich.table import Table

    if not out.is_terminal:  # pipes and CI logs: do not squeeze the table into 80 columns
        out = Console(width=140, highlight=False, soft_wrap=True)
    table = Table(title=f"lawcode stats — {args.path}", box=box.SIMPLE_HEAD)
    table.add_column("file", no_wrap=True)
    for name in LawStats.COLUMNS.values():
        table.add_column(name, justify="right")
    shown = rows if len(rows) <= 30 else []
    for r in shown:
        table.add_row(Path(r.source).name, *(str(v) for v in r.values()))
    table.add_row(f"合計 ({len(rows)})", *(str(v) for v in total.values()), style="bold")
    out.print(table)
    if skipped:
        out.print(f"skipped {len(skipped)} file(s) without a <Law> root", markup=False)
    return 0


def _roundtrip(args: argparse.Namespace, out: Console, err: Console) -> int:
    files = xml_files(args.path)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    ok = skipped = 0
    failures: list[tuple[str, str]] = []
    total_bytes = 0
    check = functools.partial(check_roundtrip, skip_other_roots=True)
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(files) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
            results: Iterable[RoundTrip] = pool.map(check, files, chunksize=8)
        else:
            results = map(check, files)
        for result in _progress(results, "round trip", err, quiet=args.quiet, total=len(files)):
            if result.skipped:
                skipped += 1
                continue
            total_bytes += result.size
            if result.ok:
                ok += 1
            else:
                failures.append((result.source, result.difference or "differs"))
    checked = ok + len(failures)
    out.print(
        f"round trip: {ok}/{checked} <Law> files lossless ({total_bytes / 1e6:.1f} MB)"
        + (f", {skipped} other XML files skipped" if skipped else ""),
        markup=False,
    )
    for source, diff in failures[:20]:
        out.print(f"FAILED {source}: {diff}", markup=False)
    if len(failures) > 20:
        out.print(f"… and {len(failures) - 20} more failures", markup=False)
    return 1 if failures else 0


def _progress(items: Iterable[T], what: str, console: Console, quiet: bool, total: int | None = None) -> Iterable[T]:
    total = len(items) if total is None and isinstance(items, Sequence) else total
    if quiet or not console.is_terminal or (total or 0) < 2:  # no bars in logs and pipes
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(f"[bold]{what}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet,
    ) as progress:
        task = progress.add_task(what, total=total)
        for item in items:
            yield item
            progress.advance(task)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
