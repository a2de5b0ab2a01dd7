"""``lawcode check-links TRACE LAW...``: a law lint for CI — fail when trace links are suspect, moved or broken.

Each LAW is an e-Gov XML file. Give one version of a law to check links against it (broken: the address names
no provision; suspect: the provision's fingerprint differs from the reviewed one), or two versions of the same
law, old first, to also follow renumbering (moved). Links to laws not given are counted as unchecked. Exit 1 when
any checked link is not ok; ``--markdown FILE`` writes a summary for a pull request, ``--junit FILE`` one JUnit
test case per link, so that a requirements repository can gate merges on law changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from rich.console import Console
from rich.markup import escape

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, wide_console
from lawcode.impact import read_trace
from lawcode.impact.checks import LinkCheck, check_trace
from lawcode.io import load

NAME = "check-links"
HELP = "check that a trace's links to provisions are still valid (CI: exit 1, Markdown, JUnit XML)"
DESCRIPTION = __doc__.split("\n\n", 1)[1].strip() if __doc__ else HELP


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("trace", type=Path, help="trace file (YAML, JSON, CSV or needs.json)")
    parser.add_argument("laws", type=Path, nargs="+", help="law files (two versions of one law: old, then new)")
    parser.add_argument("--markdown", type=Path, help="write a Markdown summary here")
    parser.add_argument("--junit", type=Path, help="write JUnit XML here")


def markdown(checks: list[LinkCheck]) -> str:
    """A Markdown summary: counts, then a table of the links that are not ok."""
    from collections import Counter

    counts = Counter(c.state for c in checks)
    lines = ["## lawcode check-links", "", "| state | links |", "|---|---|"]
    lines += [f"| {s} | {counts[s]} |" for s in ("ok", "suspect", "moved", "broken", "unchecked") if counts[s]]
    bad = [c for c in checks if c.failed]
    if bad:
        lines += ["", "| item | link | state | reason |", "|---|---|---|---|"]
        for c in bad:
            lines.append(f"| {c.item_id} | {c.link} | {c.state} | {c.reason.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def junit(checks: list[LinkCheck]) -> str:
    """JUnit XML: one test case per link (failure when suspect, moved or broken; skipped when unchecked)."""
    failures = sum(1 for c in checks if c.failed)
    skipped = sum(1 for c in checks if c.state == "unchecked")
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="lawcode check-links" tests="{len(checks)}" '
           f'failures="{failures}" skipped="{skipped}">']
    for c in checks:
        name = xml_escape(f"{c.item_id} → {c.link}", {'"': "&quot;"})
        out.append(f'  <testcase classname="{xml_escape(c.item_id, {chr(34): "&quot;"})}" name="{name}">')
        if c.failed:
            out.append(f'    <failure type="{c.state}" message="{xml_escape(c.reason, {chr(34): "&quot;"})}"/>')
        elif c.state == "unchecked":
            out.append(f'    <skipped message="{xml_escape(c.reason, {chr(34): "&quot;"})}"/>')
        out.append("  </testcase>")
    out.append("</testsuite>")
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    trace = read_trace(args.trace)
    checks = check_trace(trace, [load(p) for p in args.laws])
    con = wide_console(out)
    for c in checks:
        if c.state != "ok":
            con.print(f"{escape(c.state)}\t{escape(c.item_id)}\t{escape(str(c.link))}\t{escape(c.reason)}",
                      highlight=False, soft_wrap=True)
    failed = sum(1 for c in checks if c.failed)
    con.print(f"{len(checks)} links: {failed} need review", highlight=False)
    if args.markdown is not None:
        args.markdown.write_text(markdown(checks), encoding="utf-8")
    if args.junit is not None:
        args.junit.write_text(junit(checks), encoding="utf-8")
    return EXIT_FAILED if failed else EXIT_OK
