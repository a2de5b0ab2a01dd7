"""What every ``lawcode`` subcommand shares: the command protocol, file discovery, progress bars and errors.

A subcommand is a module ``lawcode/cli/cmd_<name>.py`` that exposes

* ``NAME: str`` — the word typed after ``lawcode``;
* ``HELP: str`` — one line for ``lawcode --help`` (``DESCRIPTION``, optional, is the longer text of
  ``lawcode NAME --help``; it defaults to ``HELP``);
* ``add_arguments(parser: argparse.ArgumentParser) -> None``;
* ``run(args: argparse.Namespace, out: Console, err: Console) -> int`` — the exit status.

:mod:`lawcode.cli.main` lists the modules in one tuple, so adding a command is one new module and one line.
Exit statuses are shared by all commands: 0 success, 1 a check failed or there was nothing to check, 2 bad
input or usage (a :class:`~lawcode.errors.LawcodeError` escaping ``run`` is printed and becomes 2).
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol, Sequence, TypeVar

from rich.console import Console

from lawcode.errors import LawcodeError

__all__ = [
    "Command",
    "EXIT_OK",
    "EXIT_FAILED",
    "EXIT_USAGE",
    "LAW_FILE_SUFFIXES",
    "candidate_files",
    "no_law_files_message",
    "print_error",
    "progress",
    "download_progress",
    "wide_console",
    "write_output",
]

T = TypeVar("T")

EXIT_OK = 0
#: A check failed (a file is not lossless, a file could not be read) or a folder held nothing to check.
EXIT_FAILED = 1
#: Bad input or usage: a missing file, a malformed address, an unknown option.
EXIT_USAGE = 2

#: Files that may hold a law: e-Gov XML (a bare ``<Law>`` or an API response) and API v2 JSON.
LAW_FILE_SUFFIXES: tuple[str, ...] = (".xml", ".json")


class Command(Protocol):
    """The interface of a ``cmd_<name>`` module (checked by mypy where modules are listed)."""

    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, out: Console, err: Console) -> int: ...


def candidate_files(path: Path, suffixes: Sequence[str] = LAW_FILE_SUFFIXES) -> list[Path]:
    """Files at *path* that may hold a law: *path* itself, or every file under a directory whose name ends
    with one of *suffixes* (sorted, so output and progress are reproducible).

    Only candidates: whether a file holds a ``<Law>`` is decided from its content when it is read (an XML
    file may be a schema or an API listing), so callers count what they skip. When *suffixes* include
    ``.xml``, ``.html`` pages of a supported 例規集 system are candidates too (index pages are not).
    """
    if path.is_dir():
        wanted = tuple(s.lower() for s in suffixes)
        found = [p for p in path.rglob("*") if p.name.lower().endswith(wanted) and p.is_file()]
        if ".xml" in wanted:  # 例規集 pages of a supported system are laws too (lawcode.io.reiki)
            found += [p for p in path.rglob("*") if p.name.lower().endswith(REIKI_SUFFIXES) and _is_reiki(p)]
        return sorted(found)
    if not path.exists():
        raise LawcodeError("no such file or directory", where=str(path))
    return [path]


#: HTML pages looked at by :func:`candidate_files` (kept only when a supported 例規集 system made them).
REIKI_SUFFIXES: tuple[str, ...] = (".html", ".htm")


def _is_reiki(path: Path) -> bool:
    from lawcode.io.reiki import is_reiki_page

    try:
        with path.open("rb") as f:
            return is_reiki_page(f.read(1 << 16))
    except OSError:
        return False


def no_law_files_message(
    path: Path, candidates: int, skipped: int, suffixes: Sequence[str] = LAW_FILE_SUFFIXES
) -> str:
    """The message for a folder (or file) where nothing held a law — the user probably named the wrong one."""
    if candidates == 0:
        kinds = " or ".join(f"*{s}" for s in suffixes)
        return f"no <Law> files under {path}: it holds no {kinds} files"
    return (
        f"no <Law> files under {path}: {skipped} file(s) read, none holds a law "
        "(API listings, schemas and other documents are skipped)"
    )


def print_error(err: Console, message: str | BaseException) -> None:
    """Print ``lawcode: error: …`` on *err*, verbatim (paths such as ``SupplProvision[…]`` are not markup)."""
    err.print(f"lawcode: error: {message}", markup=False, highlight=False)


def wide_console(out: Console, width: int = 140) -> Console:
    """*out* on a terminal; otherwise a console that does not squeeze tables into 80 columns (pipes, CI logs)."""
    if out.is_terminal:
        return out
    return Console(file=out.file, width=width, highlight=False, soft_wrap=True)


def progress(
    items: Iterable[T], what: str, console: Console, *, quiet: bool = False, total: int | None = None
) -> Iterable[T]:
    """Yield *items*, showing a transient progress bar on *console* — only on a terminal, never in logs or
    pipes, and not when *quiet* or for fewer than two items."""
    total = len(items) if total is None and isinstance(items, Sequence) else total
    if quiet or not console.is_terminal or (total or 0) < 2:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(f"[bold]{what}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(what, total=total)
        for item in items:
            yield item
            bar.advance(task)


def write_output(text: str, output: Path | None, out: Console, err: Console) -> None:
    """Write a command's result *text* to the file *output* (saying so on standard error) or to standard output.

    One place for ``-o``: the result goes to the file unchanged (UTF-8, no console wrapping), and a file that
    cannot be written raises :class:`~lawcode.errors.LawcodeError` naming it (exit status 2), not an OSError
    traceback.
    """
    if output is None:
        out.file.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise LawcodeError(f"cannot write the output: {exc.strerror}", where=str(output)) from exc
    err.print(f"wrote {output}", markup=False, highlight=False)


@contextlib.contextmanager
def download_progress(console: Console, *, quiet: bool = False) -> Iterator[Callable[[int, int | None], None] | None]:
    """A transient progress bar for a download of bytes (size known or not), on terminals only: yields the
    ``progress(done, total)`` callback the e-Gov client takes, or ``None`` when no bar is shown."""
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    with Progress(TextColumn("[bold]download"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("download", total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update
