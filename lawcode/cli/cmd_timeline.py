"""``lawcode timeline FILE...``: the history of every provision across versions of one law.

The files are read, ordered by enforcement date when every version carries one (``EnforcementDate`` or an
e-Gov revision id in the file name; otherwise in the order given), diffed pairwise, and each provision is
followed through renumbering. The summary lists the versions, then every provision that changed with the
versions in which it changed, how, and by which amending law. ``--format json`` writes it all.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from rich.console import Console

from lawcode.cli.common import EXIT_OK, wide_console, write_output
from lawcode.diff import Timeline, timeline
from lawcode.diff.effects import enforcement_date
from lawcode.errors import LawcodeError
from lawcode.io import load

NAME = "timeline"
HELP = "the history of every provision across versions of a law"
DESCRIPTION = (
    "Follow every provision of a law through FILE... (versions of one law; ordered by enforcement date when "
    "all have one) and list where, how and by which amending law it changed."
)
MAX_LINES = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="versions of one law (e-Gov XML)")
    parser.add_argument("--format", choices=("text", "json"),
                        help="output format (default: text on the terminal, json with -o)")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the result to OUT (JSON unless "
                        "--format text)")
    parser.add_argument("--all", action="store_true", help=f"list every provision (default: at most {MAX_LINES})")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    versions = [load(f) for f in args.files]
    dates = [enforcement_date(v) for v in versions]
    if all(d is not None for d in dates):
        order = sorted(range(len(versions)), key=lambda k: (dates[k], k))
        versions = [versions[k] for k in order]
    if len(versions) < 2:
        raise LawcodeError("timeline needs at least two versions", where=str(args.files[0]))
    tl = timeline(versions)
    fmt = args.format or ("json" if args.output is not None else "text")
    if fmt == "json":
        write_output(tl.to_json() + "\n", args.output, out, err)
        return EXIT_OK
    if args.output is None:
        summary(tl, wide_console(out), None if args.all else MAX_LINES)
        return EXIT_OK
    text = io.StringIO()
    summary(tl, Console(file=text, width=10_000, color_system=None, highlight=False), None if args.all else MAX_LINES)
    write_output(text.getvalue(), args.output, out, err)
    return EXIT_OK


def summary(tl: Timeline, out: Console, limit: int | None = MAX_LINES) -> None:
    """Print the versions, then the changed provisions and their events."""
    for k, v in enumerate(tl.versions):
        when = enforcement_date(v)
        out.print(f"v{k}  {when.isoformat() if when else '          '}  {v.source}", markup=False, highlight=False)
    changed = list(tl.changed())
    out.print(f"{len(changed)} provisions changed", markup=False)
    for n, h in enumerate(changed):
        if limit is not None and n >= limit:
            out.print(f"… {len(changed) - limit} more (--all, or --format json)", markup=False)
            break
        events = "; ".join(
            f"v{e.version} {'・'.join(dict.fromkeys(e.types))}" + (f" ({e.amending_law_num})" if e.amending_law_num else "")
            for e in h.events
        )
        out.print(f"  {h.label}: {events}", markup=False, highlight=False)
