"""``lawcode diff OLD NEW``: what changed between two versions of a law.

The default output is a terse terminal summary — counts by kind, then the changed provisions with their
labels (「第十条 → 第十一条」 for a renumbering) and, for wording changes, the first changed phrase on each
side. ``--format json`` writes the whole diff (every change with paths, labels, texts and spans) and
``--format csv`` the effects (legislation.gov.uk-style rows: affected provision, 改正/追加/削除/繰下げ …,
amending law, enforcement date); ``--format html|docx|md`` the 新旧対照表. ``-o FILE`` writes to a file instead of standard output.
"""

from __future__ import annotations

import argparse
import io
import json
from collections import Counter
from pathlib import Path

from rich.console import Console

from lawcode.cli.common import EXIT_OK, EXIT_USAGE, wide_console, write_output
from lawcode.diff import Change, LawDiff, diff, effects_to_csv
from lawcode.diff.effects import effect_type
from lawcode.io import load

NAME = "diff"
HELP = "compare two versions of a law (changes, renumbering, effects)"
DESCRIPTION = (
    "Compare OLD and NEW (two versions of one law, e-Gov XML). Renumbered and moved provisions are followed "
    "and reported as such. Formats: text (summary), json (every change with texts and character spans), csv "
    "(effects: affected provision, type, amending law, enforcement date), and the 新旧対照表 (改正後 | 改正前, "
    "changes underlined, unchanged stretches as （略）) as html (print-ready), docx or md."
)

#: The summary lists at most this many changes (the JSON output has all of them).
MAX_LINES = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, help="the old version (e-Gov XML)")
    parser.add_argument("new", type=Path, help="the new version (e-Gov XML)")
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv", "html", "docx", "md"),
        default="text",
        help="output format: text summary, json (the diff), csv (effects), or the 新旧対照表 as html, docx or md",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="write to OUT instead of the terminal")
    parser.add_argument("--all", action="store_true", help=f"list every change (default: at most {MAX_LINES})")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    d = diff(load(args.old), load(args.new))
    if args.format == "json":
        text = json.dumps(d.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = effects_to_csv(d.effects())
    elif args.format == "html":
        text = d.to_html()
    elif args.format == "md":
        text = d.to_markdown()
    elif args.format == "docx":
        if args.output is None:
            err.print("lawcode diff: --format docx writes a file: give -o OUT.docx", markup=False)
            return EXIT_USAGE
        d.to_docx(args.output)
        err.print(f"wrote {args.output}", markup=False, highlight=False)
        return EXIT_OK
    else:
        if args.output is None:
            summary(d, wide_console(out), limit=None if args.all else MAX_LINES)
            return EXIT_OK
        buf = Console(record=True, width=140, file=io.StringIO(), highlight=False)
        summary(d, buf, limit=None if args.all else MAX_LINES)
        text = buf.export_text()
    write_output(text, args.output, out, err)
    return EXIT_OK


def summary(d: LawDiff, out: Console, limit: int | None = MAX_LINES) -> None:
    """Print the terse summary of *d* on *out*."""
    title = d.new.title or d.old.title or "?"
    out.print(f"{title}  {d.old.law_num or ''}", markup=False, highlight=False)
    out.print(f"  {d.old.source} → {d.new.source}", markup=False, highlight=False)
    counts = d.counts()
    if not counts:
        out.print("no changes" + (" (serialisation differs)" if d else ""), markup=False)
        return
    by_type = Counter(effect_type(c) for c in d.changes)
    parts = [f"{t} {n}" for t, n in by_type.items()]
    out.print(f"{len(d.changes)} changes: " + "、".join(parts), markup=False, highlight=False)
    for n, c in enumerate(d.changes):
        if limit is not None and n >= limit:
            out.print(f"… {len(d.changes) - limit} more (--all, or --format json)", markup=False)
            break
        out.print(_line(c), markup=False, highlight=False)


def _line(c: Change) -> str:
    kind = effect_type(c).ljust(5, "\u3000")
    if c.kind in ("renumbered", "moved"):
        where = f"{c.old_label} → {c.new_label}"
    elif c.kind == "deleted":
        where = c.old_label or ""
    else:
        where = c.label or ""
    detail = ""
    if c.kind in ("text_changed", "caption_changed", "title_changed"):
        old_bits = [c.old_text[a:b] for a, b in c.old_spans]
        new_bits = [c.new_text[a:b] for a, b in c.new_spans]
        if old_bits or new_bits:
            detail = f"  「{_short(old_bits)}」→「{_short(new_bits)}」"
            more = max(len(old_bits), len(new_bits)) - 1
            if more > 0:
                detail += f" ほか{more}箇所"
    return f"  {kind} {where}{detail}"


def _short(bits: list[str], width: int = 30) -> str:
    text = bits[0] if bits else ""
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
