"""``lawcode roundtrip DIR``: every law file under DIR is written back losslessly (canonical equality).

Files are read in worker processes (``--jobs``); a bad file is a failure that is reported, never a crash.
Well-formed documents that hold no law are skipped and counted; for an API response the ``<Law>`` inside is
checked. A folder where nothing holds a law exits 1 saying so.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable

from rich.console import Console

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, candidate_files, no_law_files_message, print_error, progress
from lawcode.io import RoundTrip, check_roundtrip

NAME = "roundtrip"
HELP = "check lossless load → write over a tree of files"
DESCRIPTION = (
    "Load every XML file with a <Law> root (or an e-Gov API response holding one) under DIR, write it back and "
    "compare canonical forms. Exit status 1 if any file differs or cannot be read (the first difference is "
    "printed), or if no file holds a law."
)
#: Only XML: "lossless" is a statement about XML written back (a JSON tree is converted, not written back).
SUFFIXES = (".xml",)
MAX_LISTED_FAILURES = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="directory (or single file)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: one per CPU; 1 = serial)"
    )


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    files = candidate_files(args.path, SUFFIXES)
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
        for result in progress(results, "round trip", err, quiet=args.quiet, total=len(files)):
            if result.skipped:
                skipped += 1
                continue
            total_bytes += result.size
            if result.ok:
                ok += 1
            else:
                failures.append((result.source, result.difference or "differs"))
    checked = ok + len(failures)
    if checked == 0:
        print_error(err, no_law_files_message(args.path, len(files), skipped, SUFFIXES))
        return EXIT_FAILED
    out.print(
        f"round trip: {ok}/{checked} <Law> files lossless ({total_bytes / 1e6:.1f} MB)"
        + (f", {skipped} other XML files skipped" if skipped else ""),
        markup=False,
    )
    for source, diff in failures[:MAX_LISTED_FAILURES]:
        out.print(f"FAILED {source}: {diff}", markup=False)
    if len(failures) > MAX_LISTED_FAILURES:
        out.print(f"… and {len(failures) - MAX_LISTED_FAILURES} more failures", markup=False)
    return EXIT_FAILED if failures else EXIT_OK
