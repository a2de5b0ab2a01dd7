"""``lawcode fetch LAW [--asof DATE] [-o FILE]``: a law from e-Gov, as it reads on a date.

LAW is a title (「個人情報の保護に関する法律」), a LawID (``415AC0000000057``), a law number
(「平成十五年法律第五十七号」) or a revision ID (``415AC0000000057_20230401_503AC0000000037``). With ``--asof`` the
revision in force on that date is picked from the revision history (未施行 ones included for future dates) and
fetched by its ID. The XML goes to FILE (or standard output); a one-line summary of the version goes to
standard error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from lawcode.cli.common import EXIT_OK
from lawcode.cli.egov_options import add_client_arguments, client_from, parse_date
from lawcode.egov import at
from lawcode.model.law import Law

NAME = "fetch"
HELP = "fetch a law from e-Gov (optionally as it reads on a date)"
DESCRIPTION = (
    "Fetch LAW (title, LawID, law number or revision ID) from the e-Gov 法令API v2 and write its XML to FILE "
    "or standard output. --asof DATE picks the revision in force on DATE (未施行 included for future dates)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("law", metavar="LAW", help="title, LawID, law number or revision ID")
    parser.add_argument("--asof", type=parse_date, metavar="DATE", help="the version in force on DATE (YYYY-MM-DD)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the XML to FILE")
    add_client_arguments(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    with client_from(args) as client:
        law = at(args.law, args.asof, client=client) if args.asof else client.law(args.law)
    data = law.to_xml()
    if args.output is not None:
        args.output.write_bytes(data)
        err.print(f"{summary(law)} → {args.output}", markup=False, highlight=False)
    else:
        err.print(summary(law), markup=False, highlight=False)
        stream = getattr(out.file, "buffer", None) or getattr(sys.stdout, "buffer", None)
        if stream is not None and out.file in (sys.stdout, getattr(sys, "__stdout__", None)):
            stream.write(data)
            stream.flush()
        else:
            out.file.write(data.decode("utf-8"))
    return EXIT_OK


def summary(law: Law) -> str:
    """「題名 (法令番号) revision-id 施行 YYYY-MM-DD status, amended by …」."""
    rev = law.revision
    parts = [f"{law.title} ({law.law_num})"]
    if rev is not None:
        if rev.revision_id:
            parts.append(rev.revision_id)
        if rev.amendment_enforcement_date:
            parts.append(f"施行 {rev.amendment_enforcement_date.isoformat()}")
        if rev.current_revision_status:
            parts.append(rev.current_revision_status)
        if rev.amendment_law_num:
            parts.append(f"改正 {rev.amendment_law_num}")
    return "  ".join(parts)
