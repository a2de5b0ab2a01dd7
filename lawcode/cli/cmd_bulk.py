"""``lawcode bulk DIR [--category N] [--update]``: the e-Gov bulk XML download, unpacked safely into DIR.

Without ``--update`` the whole all-XML archive (or one category, 1–50) is downloaded, checked and unpacked;
with ``--update`` the daily update archives since the last run are applied. A progress bar shows on
terminals. ``--offline`` downloads nothing and reports what DIR holds.
"""

from __future__ import annotations

import argparse
from pathlib import Path


from rich.console import Console

from lawcode.cli.common import EXIT_OK, download_progress
from lawcode.cli.egov_options import add_client_arguments, client_from
from lawcode.egov import download_bulk, read_state, update_bulk

NAME = "bulk"
HELP = "download the e-Gov bulk XML (or a category, or the updates) into a folder"
DESCRIPTION = ("Download the e-Gov all-XML bulk archive (or --category N, or --update for the daily updates since "
               "the last run) and unpack it safely into DIR.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="where to unpack")
    parser.add_argument("--category", type=int, metavar="N", help="only category N (1–50)")
    parser.add_argument("--update", action="store_true", help="apply the daily updates since the last run")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_client_arguments(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.offline:
        state = read_state(args.folder)
        files = sum(1 for p in args.folder.rglob("*.xml")) if args.folder.is_dir() else 0
        out.print(f"{args.folder}: {files} XML files; downloaded {state.get('downloaded', '—')}, "
                  f"updated {state.get('updated', '—')} (offline: nothing fetched)", markup=False, highlight=False)
        return EXIT_OK
    with client_from(args) as client, download_progress(err, quiet=args.quiet) as progress:
        if args.update:
            result = update_bulk(args.folder, client=client, progress=progress)
        else:
            result = download_bulk(args.folder, category=args.category, client=client, progress=progress)
    skipped = f", {len(result.skipped_days)} day(s) without updates" if result.skipped_days else ""
    out.print(f"{len(result.files)} files unpacked into {args.folder} ({result.downloaded_bytes:,} bytes "
              f"downloaded{skipped})", markup=False, highlight=False)
    return EXIT_OK
