"""``lawcode cites DIR "LAW ADDRESS"``: which provisions, across a folder of laws, cite a provision.

``LAW ADDRESS`` names the cited law by title, law number or LawID, then the provision by Japanese citation
or e-Gov path: ``"行政手続法 第五条"``, ``"平成五年法律第八十八号 第五条第一項"``, ``"405AC0000000088
MainProvision-Article_5"`` (the space may be left out before 第…: ``"行政手続法第五条"``). A mention counts
when it cites the provision or anything inside it (第五条第一項 cites 第五条). Every law in DIR is read (with a
progress bar on terminals); the cited law itself need not be in DIR.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, candidate_files, print_error, progress
from lawcode.errors import AddressError, LawcodeError, NotALawError, ParseError
from lawcode.io import load
from lawcode.model.law import Law
from lawcode.refs.graph import law_key
from lawcode.refs.laws import lookup, number_key
from lawcode.refs.scan import citation_path, references

NAME = "cites"
HELP = "find what cites a provision across a folder of laws"
DESCRIPTION = (
    "Read every law under DIR and list the mentions that cite the provision named by \"LAW ADDRESS\" (e.g. "
    "\"行政手続法 第五条\") or anything inside it."
)

_SPLIT = re.compile(r"^(.+?)\s*((?:第|附則|別表|MainProvision|SupplProvision|Appdx).*)$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="folder of law files (or one file)")
    parser.add_argument("target", help='the cited provision: "LAW ADDRESS", e.g. "行政手続法 第五条"')
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def split_target(text: str) -> tuple[str, str]:
    """「行政手続法 第五条」 → (行政手続法, 第五条); the address may follow the law without a space."""
    parts = text.strip().split(None, 1)
    if len(parts) == 2:
        return parts[0], parts[1]
    m = _SPLIT.match(text.strip())
    if m is None:
        raise LawcodeError('expected "LAW ADDRESS", e.g. "行政手続法 第五条"', where=text)
    return m.group(1), m.group(2)


def _names(law_text: str) -> set[str]:
    names = {law_text}
    key = number_key(law_text)
    if key:
        names.add(key)
    entry = lookup(law_text)
    if entry is not None:
        names.update(n for n in (entry.law_id, entry.title, number_key(entry.law_num)) if n)
    return names


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    law_text, address = split_target(args.target)
    names = _names(law_text)
    files = candidate_files(args.dir)
    laws: list[Law] = []
    for f in progress(files, "reading", err, quiet=args.quiet):
        try:
            laws.append(load(f))
        except (NotALawError, ParseError):
            continue
    cited = next((law for law in laws
                  if names & {law_key(law), law.title or "", law.law_number.key if law.law_number else ""}), None)
    if cited is not None:
        names.add(law_key(cited))
        path = cited.find(address).path or ""
    else:
        found = citation_path(address)
        if found is None:
            raise AddressError("not a provision citation (e.g. 第五条第一項, 附則第二条)", address=address)
        path = found
    hits: list[dict[str, object]] = []
    for law in progress(laws, "searching", err, quiet=args.quiet):
        own = law_key(law) in names
        for r in references(law):
            if not (r.target_law in names or (own and r.target_law is None)):
                continue
            if any(t == path or t.startswith(path + "-") for t in r.targets):
                source = law.get(r.source)
                hits.append({"law": law.title, "law_id": law_key(law), "file": law.source, "source": r.source,
                             "source_label": source.label if source is not None else None, "text": r.text,
                             "kind": r.kind.value, "targets": list(r.targets), "resolved": r.resolved})
    if args.format == "json":
        out.print_json(json.dumps({"target_law": sorted(names), "target": path, "mentions": hits},
                                  ensure_ascii=False))
    else:
        for h in hits:
            out.print(f"[bold]{escape(str(h['law']))}[/bold] {escape(str(h['source_label'] or h['source']))}  "
                      f"「{escape(str(h['text']))}」 [dim]{h['kind']}[/dim]")
        out.print(f"{len(hits)} mention(s) in {len({h['file'] for h in hits})} law(s) cite {law_text} {path}",
                  markup=False)
    if not laws:
        print_error(err, f"no law files under {args.dir}")
        return EXIT_FAILED
    return EXIT_OK
