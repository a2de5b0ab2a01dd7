"""``lawcode search WORDS``: find laws at e-Gov by title, or (``--text``) sentences by full-text search.

By title: one line per law — LawID, law number, title. With ``--text``: one line per matching sentence — law
title, the provision (its Japanese label when it can be placed in the law, otherwise the API's position) and
the sentence.
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, wide_console
from lawcode.cli.egov_options import add_client_arguments, client_from, parse_date

NAME = "search"
HELP = "search e-Gov laws by title (or full text with --text)"
DESCRIPTION = ("Search the e-Gov 法令API: laws whose title contains WORDS, or with --text the sentences that "
               "contain them (AND/OR/NOT and * ? wildcards as the API takes them).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("words", nargs="+", metavar="WORDS", help="words of the title (or of the text with --text)")
    parser.add_argument("--text", action="store_true", help="full-text (keyword) search instead of titles")
    parser.add_argument("--asof", type=parse_date, metavar="DATE", help="laws as of DATE")
    parser.add_argument("--type", dest="law_type", metavar="TYPE", help="Act, CabinetOrder, MinisterialOrdinance …")
    parser.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    parser.add_argument("--resolve", action="store_true",
                        help="with --text: fetch each law and name the provision of each sentence")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_client_arguments(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    words = " ".join(args.words)
    console = wide_console(out)
    with client_from(args) as client:
        if not args.text:
            entries = client.laws(title=words, asof=args.asof, law_type=args.law_type, limit=args.limit)
            if args.format == "json":
                out.file.write(json.dumps([e.revision.as_dict() for e in entries], ensure_ascii=False, indent=1)
                               + "\n")
            for e in entries if args.format == "text" else ():
                console.print(f"{e.law_id}  {e.law_num}  {e.title}", markup=False, highlight=False)
            return EXIT_OK if entries else EXIT_FAILED
        hits = client.keyword(words, asof=args.asof, law_type=args.law_type, limit=args.limit)
        rows = []
        for hit in hits:
            placed = client.resolve(hit) if args.resolve else None
            for k, s in enumerate(hit.sentences):
                provision = placed[k].provision if placed else None
                rows.append({"law_id": hit.revision.law_id, "title": hit.revision.title,
                             "revision_id": hit.revision.revision_id, "position": s.position,
                             "label": provision.label if provision is not None else None,
                             "path": provision.path if provision is not None else None, "text": s.plain})
    if args.format == "json":
        out.file.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    else:
        for row in rows:
            console.print(f"{row['title']}  {row['label'] or row['position']}  {row['text']}", markup=False,
                          highlight=False)
    return EXIT_OK if rows else EXIT_FAILED
