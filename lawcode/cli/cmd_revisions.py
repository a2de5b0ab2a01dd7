"""``lawcode revisions LAW``: the revision history of a law at e-Gov, newest first.

One line per revision: 施行日, status (CurrentEnforced / UnEnforced / PreviousEnforced / Repeal), revision ID
and the amending law. ``--format json`` writes the full :class:`~lawcode.model.revision.Revision` records.
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console

from lawcode.cli.common import EXIT_OK, wide_console
from lawcode.cli.egov_options import add_client_arguments, client_from

NAME = "revisions"
HELP = "list a law's revisions at e-Gov (newest first)"
DESCRIPTION = ("List the revisions of LAW (title, LawID or law number) known to the e-Gov 法令API, newest first, "
               "with 施行日, status and amending law.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("law", metavar="LAW", help="title, LawID or law number")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_client_arguments(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    with client_from(args) as client:
        revisions = client.revisions(args.law)
    if args.format == "json":
        out.file.write(json.dumps([r.as_dict() for r in revisions], ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    console = wide_console(out)
    if revisions:
        first = revisions[0]
        console.print(f"{first.title} ({first.law_num})  {len(revisions)} revisions", markup=False, highlight=False)
    for r in revisions:
        when = r.amendment_enforcement_date.isoformat() if r.amendment_enforcement_date else "(未定)    "
        amend = r.amendment_law_num or ("制定" if r.mission == "New" and r.amendment_type == "1" else "")
        title = f" {r.amendment_law_title}" if r.amendment_law_title else ""
        console.print(f"{when}  {r.current_revision_status or '':<16}  {r.revision_id}  {amend}{title}",
                      markup=False, highlight=False)
    return EXIT_OK
