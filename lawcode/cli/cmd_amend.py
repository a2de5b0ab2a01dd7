"""``lawcode amend BASE.xml AMENDMENT.txt``: apply an 改め文 to a law (溶け込み) and write the new version.

The amending text may amend several laws (a 整備法): only the parts that amend BASE (by title or law number)
are applied. ``--scope`` selects the 改正規定 in force (段階施行): ``all``, ``article:第七十三条``,
``only:<provisions>`` or ``except:<provisions>``. ``--explain`` lists the operations and what each did, the
renumbered and deleted provisions, and the ハネ改正 check (citations left pointing at them,
:meth:`Amendment.dangling`). On failure the command prints the AmendError (sentence, operation, target, why) and exits with 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from lawcode.amend import Amendment, amend
from lawcode.amend.amendment import Move
from lawcode.cli.common import EXIT_FAILED, EXIT_OK, print_error
from lawcode.errors import AmendError
from lawcode.io import load

NAME = "amend"
HELP = "apply an amendment text (改め文) to a law and write the new version"
DESCRIPTION = (
    "Apply AMENDMENT (the 改め文 as plain text, UTF-8) to BASE (e-Gov XML) and write the amended law as XML "
    "(to standard output, or to -o FILE). Only the parts of the text that amend BASE are applied; --scope "
    "selects the 改正規定 in force. Exit 1 with the reason when the text cannot be applied exactly."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", type=Path, help="the law to amend (e-Gov XML)")
    parser.add_argument("amendment", type=Path, help="the amending text (改め文, UTF-8 plain text)")
    parser.add_argument("--scope", default=None, metavar="SCOPE",
                        help="all (default), article:第N条, only:<provisions> or except:<provisions>")
    parser.add_argument("-o", "--output", type=Path, metavar="NEW", help="write the new law to NEW")
    parser.add_argument("--explain", action="store_true",
                        help="print the operations and what each did (on standard error when writing XML "
                             "to standard output)")


def _outermost(result: Amendment) -> list[Move]:
    """The moves not implied by the move of an enclosing provision (第十二条 → 第十三条 implies its 項)."""
    by_path = {m.old_path: m for m in result.lineage}
    out = []
    for m in result.lineage:
        parent = m.old_path.rsplit("-", 1)[0] if "-" in m.old_path else ""
        outer = by_path.get(parent)
        if outer is not None and outer.new_path is not None and m.new_path is not None and \
                m.new_path.startswith(outer.new_path + "-"):
            continue
        if outer is not None and outer.new_path is None and m.new_path is None:
            continue
        out.append(m)
    return out


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    base = load(args.base)
    try:
        text = args.amendment.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print_error(err, f"{args.amendment}: cannot read the amendment text: {exc}")
        return EXIT_FAILED
    try:
        result = amend(base, text, args.scope, source=str(args.amendment))
    except AmendError as exc:
        print_error(err, exc)
        return EXIT_FAILED
    explain_to = err if args.output is None else out
    if args.explain:
        explain_to.print(result.explain(), markup=False, highlight=False)
        moves = _outermost(result)
        if moves:
            explain_to.print("番号の変更・削除:", markup=False, highlight=False)
            for move in moves:
                explain_to.print(f"  {move.old_label} → {move.new_label or '（削除）'}", markup=False, highlight=False)
        dangling = result.dangling()
        explain_to.print(
            "ハネ改正の確認: " + (f"{len(dangling)} 件の引用が番号の変わった・削られた規定を指したまま" if dangling
                               else "番号の変わった・削られた規定を指したままの引用はない"),
            markup=False, highlight=False,
        )
        for item in dangling:
            explain_to.print(f"  {item}", markup=False, highlight=False)
    data = result.law.to_xml()
    if args.output is not None:
        args.output.write_bytes(data)
        err.print(f"wrote {args.output} ({len(result.operations)} operations)", markup=False, highlight=False)
    else:
        out.file.write(data.decode("utf-8"))
        out.file.flush()
    return EXIT_OK
