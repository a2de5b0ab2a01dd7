"""The ``lawcode`` command line.

Each subcommand is a module ``lawcode/cli/cmd_<name>.py`` (protocol in :mod:`lawcode.cli.common`); this module
only builds the parser from :data:`COMMANDS` and dispatches. ``lawcode COMMAND --help`` gives the details:

* ``show FILE [ADDRESS]`` — the outline of a law, or one provision by e-Gov path or Japanese citation;
* ``stats FILE|DIR`` — counts of articles, paragraphs, items, 附則 and tables;
* ``roundtrip DIR`` — checks that every ``<Law>`` file under DIR is written back losslessly;
* ``convert PAGE...`` — 例規集 HTML pages to e-Gov XML;
* ``refs FILE [ADDRESS]``, ``cites DIR "LAW ADDRESS"`` — references and what cites a provision;
* ``diff OLD NEW``, ``timeline FILE...`` — changes between versions (新旧対照表 as html/docx/md), history;
* ``amend BASE AMENDMENT`` — apply an 改め文 (溶け込み), atomically;
* ``kaimebun OLD NEW`` — the 改め文 that turns OLD into NEW (``--check`` applies it back);
* ``impact OLD NEW``, ``check-links TRACE LAW...`` — what a change affects; links gone stale;
* ``corpus refs|graph|definitions|diff|impact`` — whole folders of laws on Dask;
* ``fetch LAW``, ``revisions LAW``, ``search WORDS``, ``bulk DIR`` — the e-Gov 法令API (see :mod:`lawcode.egov`).

Exit status: 0 success, 1 a check failed (or nothing to check), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from rich.console import Console

from lawcode._version import __version__
from lawcode.cli import (
    cmd_amend,
    cmd_bulk,
    cmd_check_links,
    cmd_cites,
    cmd_convert,
    cmd_corpus,
    cmd_diff,
    cmd_impact,
    cmd_kaimebun,
    cmd_refs,
    cmd_fetch,
    cmd_revisions,
    cmd_roundtrip,
    cmd_search,
    cmd_show,
    cmd_stats,
    cmd_timeline,
)
from lawcode.cli.common import EXIT_USAGE, Command, print_error
from lawcode.errors import LawcodeError

__all__ = ["main", "build_parser", "COMMANDS"]

#: The subcommands, in the order ``lawcode --help`` lists them. A new command is one module and one entry here.
COMMANDS: tuple[Command, ...] = (
    cmd_show,
    cmd_stats,
    cmd_roundtrip,
    cmd_convert,
    cmd_refs,
    cmd_cites,
    cmd_diff,
    cmd_timeline,
    cmd_amend,
    cmd_kaimebun,
    cmd_impact,
    cmd_check_links,
    cmd_corpus,
    cmd_fetch,
    cmd_revisions,
    cmd_search,
    cmd_bulk,
)

_RUN = "_lawcode_command"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``lawcode``, with one subparser per module of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="lawcode",
        description="Japanese law as code: read e-Gov 法令XML, address provisions, check lossless round trips.",
    )
    parser.add_argument("--version", action="version", version=f"lawcode {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sp = sub.add_parser(
            command.NAME, help=command.HELP, description=getattr(command, "DESCRIPTION", command.HELP)
        )
        command.add_arguments(sp)
        sp.set_defaults(**{_RUN: command})
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``lawcode`` with *argv* (default: the process arguments) and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    command = getattr(args, _RUN, None)
    if command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(command.run(args, out, err))
    except LawcodeError as exc:
        print_error(err, exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.print("lawcode: interrupted")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
