"""``lawcode corpus refs|graph|definitions|diff|impact …``: whole-corpus runs on Dask (see :mod:`lawcode.corpus`).

Every subcommand reads a folder of e-Gov XML (or a zip archive of one), runs on a local Dask cluster sized to
the machine unless ``--scheduler`` names one (``tcp://host:8786``, or ``serial`` for the in-process run), and
writes its result where ``-o`` says: Parquet datasets (a folder of ``part.N.parquet`` files written by the
workers, readable with ``pandas.read_parquet``) for tables, GraphML (or node-link JSON for ``.json``) for the
graph. Dask's progress bar goes to stderr on a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from rich.console import Console

from lawcode.cli.common import EXIT_OK

if TYPE_CHECKING:  # pragma: no cover - imported when run, so `lawcode` works without the [corpus] extra
    from lawcode.corpus import Corpus

NAME = "corpus"
HELP = "whole-corpus references, citation graph, definitions, diff and impact on Dask"
DESCRIPTION = (
    "Run an analysis over every law of a folder or archive on Dask: `refs DIR -o OUT.parquet`, "
    "`graph DIR -o graph.graphml`, `definitions DIR -o OUT.parquet`, `diff OLD NEW -o effects.parquet`, "
    "`impact OLD NEW --procedures CSV -o impact.parquet`. Local cluster by default; --scheduler for a cluster."
)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, required=True, help="where to write the result")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786), or 'serial' for no Dask")
    p.add_argument("--workers", type=int, help="worker processes of the local cluster (default: one per core)")
    p.add_argument("--memory-limit", default="auto", help="memory limit per local worker (e.g. 2GiB; default auto)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    refs = sub.add_parser("refs", help="every mention of provisions or laws → Parquet")
    refs.add_argument("corpus", type=Path, help="folder or zip archive of e-Gov XML")
    refs.add_argument("--library", type=Path, help="folder of laws to resolve citations of other laws against")
    _common(refs)
    graph = sub.add_parser("graph", help="the citation graph → GraphML (or node-link JSON for .json)")
    graph.add_argument("corpus", type=Path, help="folder or zip archive of e-Gov XML")
    graph.add_argument("--library", type=Path, help="folder of laws to resolve citations of other laws against")
    graph.add_argument("--references", type=Path, metavar="OUT.parquet",
                       help="also write every mention as Parquet (as `corpus refs` does), from the same scan")
    _common(graph)
    defs = sub.add_parser("definitions", help="every defined term → Parquet")
    defs.add_argument("corpus", type=Path, help="folder or zip archive of e-Gov XML")
    _common(defs)
    diff = sub.add_parser("diff", help="effects of every law changed between two snapshots → Parquet")
    diff.add_argument("old", type=Path, help="old snapshot (folder or archive)")
    diff.add_argument("new", type=Path, help="new snapshot (folder or archive)")
    _common(diff)
    imp = sub.add_parser("impact", help="procedures touched by the changes between two snapshots → Parquet")
    imp.add_argument("old", type=Path, help="old snapshot (folder or archive)")
    imp.add_argument("new", type=Path, help="new snapshot (folder or archive)")
    imp.add_argument("--procedures", type=Path, required=True, help="procedures survey CSV/Parquet (or its folder)")
    _common(imp)


@contextlib.contextmanager
def _bar_to_stderr() -> Iterator[None]:
    """Dask's text progress bar writes to stdout; keep stdout for results."""
    with contextlib.redirect_stdout(sys.stderr):
        yield


def _open(path: Path, args: argparse.Namespace, err: Console) -> "Corpus":
    from lawcode.corpus import Corpus

    return Corpus(path, scheduler=args.scheduler, workers=args.workers, memory_limit=args.memory_limit,
                  library=getattr(args, "library", None), progress=not args.quiet and err.is_terminal)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    with contextlib.ExitStack() as stack:
        corpus = stack.enter_context(_open(args.corpus if hasattr(args, "corpus") else args.old, args, err))
        stack.enter_context(_bar_to_stderr())
        if args.action == "refs":
            corpus.references(args.output)
            what = "references"
        elif args.action == "definitions":
            corpus.definitions(args.output)
            what = "definitions"
        elif args.action == "graph":
            from lawcode.refs.graph import to_graphml, to_node_link

            g = corpus.citation_graph(references_out=args.references)
            if args.output.suffix.lower() == ".json":
                args.output.write_text(json.dumps(to_node_link(g), ensure_ascii=False), encoding="utf-8")
            else:
                to_graphml(g, args.output)
        else:
            from lawcode.corpus import Corpus

            other = Corpus(args.new, scheduler="serial")  # only its file list is used; the run is self's
            if args.action == "diff":
                corpus.diff(other, args.output)
                what = "effects"
            else:
                corpus.impact(other, args.procedures, args.output)
                what = "impact hits"
    import pandas as pd

    if args.action == "graph":  # printed here, once the progress bar no longer holds stdout
        out.print(f"{len(corpus)} laws: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges "
                  f"→ {args.output}", markup=False, highlight=False)
        if args.references is not None:
            refs = len(pd.read_parquet(args.references))
            out.print(f"{len(corpus)} laws: {refs:,} references → {args.references}", markup=False, highlight=False)
        return EXIT_OK
    rows = len(pd.read_parquet(args.output))
    out.print(f"{len(corpus)} laws: {rows:,} {what} → {args.output}", markup=False, highlight=False)
    return EXIT_OK
