"""``lawcode show FILE [ADDRESS]``: the outline of a law, or one provision by e-Gov path or Japanese citation."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from lawcode.cli.common import EXIT_OK
from lawcode.cli.outline import container_title, law_type_ja, outline_lines
from lawcode.io import load
from lawcode.model.law import Law

#: Left out of the outline: the 項・号・細分 inside articles (``show ADDRESS`` shows them).
_DETAIL_TAGS = ("Paragraph", "Item")

NAME = "show"
HELP = "show a law's outline, or one provision"
DESCRIPTION = (
    "Show the outline of FILE, or the provision at ADDRESS (Japanese citation such as 第三条の二第二項 or "
    "附則第二条, or an e-Gov path such as MainProvision-Article_3_2-Paragraph_2). FILE is e-Gov XML, an "
    "e-Gov API response (v1 lawdata, v2 law_data XML or JSON) or an API v2 JSON full-text tree."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="e-Gov XML file or API response")
    parser.add_argument("address", nargs="?", help="provision to show (omit for the outline)")
    parser.add_argument("--ruby", action="store_true", help="keep ruby readings, as 漢字（かんじ）")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    law = load(args.file)
    if args.address is None:
        if args.format == "json":
            out.print_json(json.dumps(outline_json(law), ensure_ascii=False))
        else:
            for line in outline_lines(law):
                out.print(line, markup=False)
        return EXIT_OK
    p = law.find(args.address)
    if args.format == "json":
        payload = {"path": p.path, "label": p.label, "kind": p.tag, "tag": p.tag, "heading": p.heading,
                   "caption": p.caption, "text": p.text(ruby=args.ruby), "fingerprint": p.fingerprint}
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return EXIT_OK
    out.print(f"[bold]{escape(p.label or '')}[/bold]  [dim]{escape(p.path or '')}[/dim]")
    out.print(p.text(ruby=args.ruby), markup=False)
    return EXIT_OK


def outline_json(law: Law) -> dict[str, Any]:
    """The outline as data: metadata, the e-Gov revision (API responses only) and the provisions down to
    articles, containers with their ``title`` (「第一章　総則」 → 「総則」)."""
    revision = law.revision
    return {
        "title": law.title,
        "law_num": law.law_num,
        "law_type": law.law_type,
        "law_type_ja": law_type_ja(law),
        "promulgated": law.promulgated.isoformat() if law.promulgated else None,
        "revision": revision.as_dict() if revision is not None else None,
        "provisions": [
            {"path": p.path, "label": p.label, "kind": p.tag, "tag": p.tag, "heading": p.heading or None,
             "title": container_title(p), "caption": p.caption}
            for p in law.provisions()
            if p.tag not in _DETAIL_TAGS and not p.tag.startswith("Subitem")
        ],
    }
