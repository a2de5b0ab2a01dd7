"""``lawcode convert IN... -o OUTDIR``: 例規集 pages → e-Gov XML files, so that a municipality can keep its
例規集 in the same form as national law.

Each page (or every supported page under a folder) is converted with :func:`lawcode.io.reiki.convert` and
written as ``OUTDIR/{municipality}_{番号}.xml`` — 「鯖江市_平成10年条例第16号.xml」. The municipality is
``--municipality`` or, by default, the name of the page's folder (the first one that is not a generic 例規集
folder such as ``reiki_honbun``). Two pages with the same 番号 (a 規則 and a 告示 printed alike) keep the
page's own name as a suffix rather than overwrite each other. Pages that fail are reported and the others
written; the exit status is then 1.

Plain-text statutes go through :mod:`lawcode.cli.text_convert`: ``FILE.txt -o FILE.xml`` and
``FILE.xml --to text`` (docs/plaintext.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from lawcode.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_error, progress
from lawcode.cli.text_convert import run_text_conversion, wants_text_conversion
from lawcode.errors import LawcodeError, NotALawError
from lawcode.io.reiki import ReikiPage, convert, is_reiki_page
from lawcode.io.xml_parser import read_source

NAME = "convert"
HELP = "convert 例規集 pages or plain-text statutes to e-Gov XML, or laws to text (--to text)"
DESCRIPTION = (
    "Convert between the forms law comes in. 例規集 pages (ぎょうせい Super Reiki-Base, 第一法規 d1w_reiki) become "
    "e-Gov law XML, one file per page, named by municipality and 番号; folders are searched for supported pages "
    "(index pages are skipped). A plain-text statute (FILE.txt, as e-Gov prints law; docs/plaintext.md) becomes "
    "XML: `lawcode convert FILE.txt -o FILE.xml`. Any law (XML, 例規集 page) becomes plain text with `--to text`: "
    "`lawcode convert FILE.xml --to text -o FILE.txt`. Exit status 1 if any input could not be converted."
)

#: Folder names that say where pages sit in a 例規集 site, not whose they are.
GENERIC_FOLDERS = frozenset(("reiki_honbun", "reiki", "reiki_int", "reiki_menu", "d1w_reiki", "html", "honbun",
                             "reiki-honbun", "act", "content", "contents"))
_UNSAFE = str.maketrans({c: "_" for c in '/\\:*?"<>|\u3000 '})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="IN", help="例規集 page(s) or folder(s)")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="folder for the XML (or the output file for FILE.txt / --to text)")
    parser.add_argument("--to", choices=("xml", "text"), default="xml",
                        help="text: write laws as plain text (docs/plaintext.md); FILE.txt inputs become XML")
    parser.add_argument("--municipality", metavar="NAME", help="name used in file names (default: folder name)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def pages_in(path: Path) -> list[Path]:
    """*path* itself, or the supported 例規集 pages under the folder *path* (sorted)."""
    if not path.exists():
        raise LawcodeError("no such file or directory", where=str(path))
    if path.is_file():
        return [path]
    out = []
    for p in sorted(path.rglob("*")):
        if p.is_file() and p.suffix.lower() in (".html", ".htm"):
            with p.open("rb") as f:
                if is_reiki_page(f.read(1 << 16)):
                    out.append(p)
    return out


def municipality_of(path: Path) -> str:
    """The first folder above *path* whose name is not a generic 例規集 folder (or an 第一法規 act id)."""
    for parent in path.resolve().parents:
        name = parent.name
        if name and name.lower() not in GENERIC_FOLDERS and not (name.startswith("H") and name[1:].isalnum()
                                                                 and len(name) >= 12):
            return name
    return "reiki"


def output_name(page: ReikiPage, municipality: str, taken: set[str], source: Path) -> str:
    """``{municipality}_{番号}.xml``, with the page's own name appended when that name is taken."""
    number = page.law.law_number
    label = number.key if number is not None else (page.law.law_num or source.stem)
    stem = f"{municipality}_{label}".translate(_UNSAFE)
    name = f"{stem}.xml"
    if name in taken:
        name = f"{stem}_{source.stem}.xml".translate(_UNSAFE)
    taken.add(name)
    return name


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    if wants_text_conversion(args):  # plain-text statutes: lawcode.cli.text_convert
        return run_text_conversion(args, out, err)
    if args.output is None:
        print_error(err, "say where the XML goes: -o OUTDIR")
        return EXIT_USAGE
    files: list[Path] = []
    for path in args.inputs:
        files.extend(pages_in(path))
    if not files:
        print_error(err, "no 例規集 pages of a supported system under " + ", ".join(map(str, args.inputs)))
        return EXIT_FAILED
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print_error(err, f"cannot create {args.output}: {exc.strerror}")
        return EXIT_USAGE
    taken: set[str] = set()
    written = 0
    failed: list[str] = []
    for f in progress(files, "converting", err, quiet=args.quiet):
        try:
            page = convert(read_source(f), str(f))
        except NotALawError as exc:
            failed.append(f"SKIPPED {exc}")
            continue
        except LawcodeError as exc:
            failed.append(f"FAILED {exc}")
            continue
        name = output_name(page, args.municipality or municipality_of(f), taken, f)
        (args.output / name).write_bytes(page.law.to_xml())
        written += 1
    out.print(f"converted {written}/{len(files)} page(s) to {args.output}", markup=False, highlight=False)
    for line in failed:
        err.print(line, markup=False, highlight=False)
    return EXIT_FAILED if any(x.startswith("FAILED") for x in failed) or not written else EXIT_OK
