"""Snapshots of a corpus at other dates: a base folder with some laws swapped for older or newer versions.

A bulk download is one date; version stores (folders holding several files of a law, such as
``version_pairs/<LawID>/<date>.xml`` or ``egov_versions/<LawID>/…``) hold other dates of some laws.
:func:`overlay` builds the file list of "the base, except that every law the stores know is taken at its
oldest (or newest) stored version" — the two sides of a two-snapshot :meth:`~lawcode.corpus.Corpus.diff`.
Versions are ordered as :class:`lawcode.Library` orders them (amending laws, dates in the name, DataInfo).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from lawcode.corpus.sources import list_sources
from lawcode.errors import CorpusError

__all__ = ["overlay"]


def overlay(base: str | Path, stores: Iterable[str | Path], which: str = "newest") -> tuple[list[Path], dict[str, Path]]:
    """The files of the folder *base* with each law that a folder of *stores* holds replaced by its
    ``"oldest"`` or ``"newest"`` stored version (the first store that knows the law wins). Returns the file
    list and the replacements (LawID → file)."""
    from lawcode.refs.library import Library

    if which not in ("oldest", "newest"):
        raise CorpusError(f"which is 'oldest' or 'newest', got {which!r}", where="overlay(which=…)")
    libraries = [Library(s) for s in stores]
    files: list[Path] = []
    swapped: dict[str, Path] = {}
    for src in list_sources(base):
        if src.member is not None:
            raise CorpusError("overlay() takes a folder, not an archive", where=str(base))
        key = src.law_id
        path = Path(src.location)
        for lib in libraries:
            if key is not None and key in lib:
                versions = lib.versions(key)
                path = versions[0 if which == "oldest" else -1].path
                swapped[key] = path
                break
        files.append(path)
    return files, swapped
