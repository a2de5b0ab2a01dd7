"""The plain-text half of ``lawcode convert``: ``FILE.txt -o FILE.xml`` and ``FILE.xml --to text``.

A statute printed as text (see docs/plaintext.md) is read with :func:`lawcode.io.text.parse_text` and written
as e-Gov XML; any law lawcode can load is written as text with :meth:`Law.to_text`. Kept apart from
:mod:`lawcode.cli.cmd_convert` (例規集 pages), which dispatches here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_error
from lawcode.errors import LawcodeError
from lawcode.io import load

__all__ = ["wants_text_conversion", "run_text_conversion"]

TEXT_SUFFIXES = (".txt", ".text")


def wants_text_conversion(args: argparse.Namespace) -> bool:
    """True for ``--to text`` or when every input is a ``.txt`` file."""
    if getattr(args, "to", "xml") == "text":
        return True
    return bool(args.inputs) and all(Path(p).suffix.lower() in TEXT_SUFFIXES for p in args.inputs)


def run_text_conversion(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Convert each input; with one input, ``-o`` names the output file (stdout for text when absent)."""
    to_text = getattr(args, "to", "xml") == "text"
    inputs: list[Path] = list(args.inputs)
    output: Path | None = args.output
    if len(inputs) > 1 and output is not None and output.suffix:
        print_error(err, "with several inputs, -o names a folder")
        return EXIT_USAGE
    if output is None and not to_text:
        print_error(err, "say where the XML goes: -o FILE.xml")
        return EXIT_USAGE
    failed = 0
    for path in inputs:
        try:
            law = load(path)
        except LawcodeError as exc:
            print_error(err, exc)
            failed += 1
            continue
        data = law.to_text() if to_text else law.to_xml().decode("utf-8")
        if output is None:
            out.file.write(data)
            continue
        target = output
        if len(inputs) > 1 or output.is_dir():
            target = output / (path.stem + (".txt" if to_text else ".xml"))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(data, encoding="utf-8")
        except OSError as exc:
            print_error(err, f"cannot write {target}: {exc.strerror}")
            return EXIT_USAGE
        err.print(f"wrote {target}", markup=False, highlight=False)
    return EXIT_FAILED if failed else EXIT_OK
