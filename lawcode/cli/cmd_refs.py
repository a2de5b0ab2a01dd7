"""``lawcode refs FILE [ADDRESS]``: the references (参照) in a law, or in one provision of it.

Each mention is printed with where it sits, its text and kind, and its targets: resolved targets as Japanese
labels (「第三条の二第二項」), unresolved ones with the reason (the cited law's text is not loaded, the provision
does not exist …). ``--format json`` gives the :class:`~lawcode.refs.model.Reference` fields, plus labels.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from lawcode.cli.common import EXIT_OK
from lawcode.io import load
from lawcode.model.law import Law
from lawcode.refs.laws import lookup
from lawcode.refs.model import Reference
from lawcode.refs.scan import references

NAME = "refs"
HELP = "list the references (参照) in a law or one provision, with their resolved targets"
DESCRIPTION = (
    "List every mention of provisions or laws in FILE (or only in the provision at ADDRESS and inside it): "
    "前条, 第三条第二項, 同項, 民事執行法（昭和五十四年法律第四号）第百二十二条 … Resolved targets are shown as "
    "labels, unresolved ones with the reason."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="law file (e-Gov XML or API response)")
    parser.add_argument("address", nargs="?", help="only mentions inside this provision (citation or e-Gov path)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def selected(law: Law, address: str | None) -> list[Reference]:
    """The references of *law*, or those held by the provision at *address* and the provisions inside it."""
    refs = references(law)
    if address is None:
        return refs
    path = law.find(address).path or ""
    return [r for r in refs if r.source == path or r.source.startswith(path + "-")]


def target_label(law: Law, ref: Reference, target: str) -> str:
    """A target as a reader would cite it: the label in this law, else 「<law title> <path>」."""
    if ref.target_law is None:
        p = law.get(target)
        if p is not None and p.label:
            return p.label
        return target
    entry = lookup(ref.target_law)
    name = entry.title if entry is not None else ref.target_law
    return f"{name} {target}".strip()


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    law = load(args.file)
    refs = selected(law, args.address)
    if args.format == "json":
        payload = []
        for r in refs:
            item = r.as_dict()
            source = law.get(r.source)
            item["source_label"] = source.label if source is not None else None
            item["target_labels"] = [target_label(law, r, t) for t in r.targets]
            payload.append(item)
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return EXIT_OK
    current = None
    for r in refs:
        if r.source != current:
            current = r.source
            source = law.get(r.source)
            out.print(f"[bold]{escape((source.label if source is not None else None) or r.source)}[/bold]  "
                      f"[dim]{escape(r.source)}[/dim]")
        targets = "、".join(target_label(law, r, t) for t in r.targets) or (r.target_law or "この法令")
        part = f"（{r.part}）" if r.part else ""
        line = f"  「{escape(r.text)}」 [dim]{r.kind.value}[/dim] → {escape(targets)}{escape(part)}"
        if not r.resolved:
            line += f"  [yellow]✗ {escape(r.reason or 'unresolved')}[/yellow]"
        out.print(line)
    resolved = sum(1 for r in refs if r.resolved)
    out.print(f"{len(refs)} mention(s), {resolved} resolved", markup=False)
    return EXIT_OK
