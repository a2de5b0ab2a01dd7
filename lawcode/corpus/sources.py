"""Where the laws of a corpus are: files in a folder or members of a zip archive, and size-balanced partitions.

A :class:`LawSource` is what travels to a Dask worker — a file path, or an archive path and a member name, plus
the size — never a parsed tree: the worker reads and parses the law itself, so the scheduler only ships a few
hundred bytes per law and a cluster whose workers see the same file system works unchanged. Archives are read
member by member into memory (nothing is unpacked to disk) with the same refusals as the bulk downloader:
links, special files, absolute or escaping names, absurd sizes or compression ratios.
"""

from __future__ import annotations

import heapq
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable, Iterable, Sequence, TypeVar

from lawcode.errors import CorpusError
from lawcode.text.lawnum import LAW_ID_SHAPE

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["LawSource", "list_sources", "partition_by_size", "LAW_ID", "MAX_MEMBER_BYTES", "MAX_RATIO"]

#: An e-Gov LawID (``405AC0000000088``) at the start of a file or folder name.
#: (The 2020 bulk writes some ministerial ones in lower-case hex, ``322M40010b72003``; they are upper-cased.)
LAW_ID = re.compile(rf"^({LAW_ID_SHAPE})(?![0-9A-Za-z])", re.IGNORECASE)
#: The largest archive member read (the largest e-Gov law, 租税特別措置法施行令 and the like, is under 10 MB).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: Members claiming a higher compression ratio than this (and over 1 MB) are refused as a possible zip bomb.
MAX_RATIO = 200.0
T = TypeVar("T")
_LAW_NUM = re.compile(rb"<LawNum>([^<]{1,80})</LawNum>")


@dataclass(frozen=True, slots=True)
class LawSource:
    """One law file of a corpus: ``location`` is the file (or the archive), ``member`` the archive member
    (``None`` for a plain file), ``size`` its bytes (what partitions are balanced on) and ``law_id`` the e-Gov
    LawID read from the file or folder name when it carries one (``None`` otherwise)."""

    location: str
    member: str | None
    size: int
    law_id: str | None

    @property
    def name(self) -> str:
        """How the law is named in results and messages: the path, or ``archive!member``."""
        return self.location if self.member is None else f"{self.location}!{self.member}"

    def read(self) -> bytes:
        """The file's bytes (an archive member is read with its declared size as a hard limit)."""
        if self.member is None:
            try:
                return Path(self.location).read_bytes()
            except OSError as exc:
                raise CorpusError(f"cannot read the law file: {exc.strerror or exc}", where=self.name) from None
        try:
            with zipfile.ZipFile(self.location) as zf:
                info = zf.getinfo(self.member)
                _check_member(info, self.location)
                with zf.open(info) as fh:
                    data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, KeyError, OSError) as exc:
            raise CorpusError(f"cannot read the archive member: {exc}", where=self.name) from None
        if len(data) != info.file_size:
            raise CorpusError(f"member is {len(data):,} bytes, its header says {info.file_size:,}", where=self.name)
        return data

    def load(self) -> "Law":
        """The parsed law (a plain file is loaded from its path, so the law pickles as path + hash)."""
        from lawcode.io import load, loads

        if self.member is None:
            return load(self.location)
        return loads(self.read(), source=self.name)

    def key(self) -> str:
        """The law's identity for matching snapshots: the LawID from the name, else one read from the text
        (the e-Gov law list entry for its 法令番号), else the 法令番号 itself, else the file name."""
        if self.law_id:
            return self.law_id
        from lawcode.refs.lawindex import lookup_law, number_key

        head = self.read()[:65536]
        m = _LAW_NUM.search(head)
        if m is not None:
            law_num = m.group(1).decode("utf-8", "replace").strip()
            entry = lookup_law(law_num)
            if entry is not None and entry.law_id:
                return str(entry.law_id)
            return number_key(law_num) or law_num
        return PurePosixPath(self.member or self.location).name


def _size(source: LawSource) -> int:
    """The default size of a partition item: a :class:`LawSource`'s bytes."""
    return source.size


def _law_id_of(parts: Sequence[str]) -> str | None:
    """The LawID in the file name, else in the name of the folder holding it (``egov_versions/<LawID>/…``)."""
    for part in reversed(parts[-2:]):
        m = LAW_ID.match(part)
        if m:
            return m.group(1).upper()
    return None


def _check_member(info: zipfile.ZipInfo, archive: str) -> None:
    name = info.filename
    mode = (info.external_attr >> 16) & 0xFFFF
    where = f"{archive}!{name}"
    if "\x00" in name or "\\" in name or name.startswith("/") or ".." in name.split("/") or ":" in name:
        raise CorpusError("unsafe member name (absolute, escaping or with a drive); refusing to read it", where=where)
    if stat.S_ISLNK(mode) or (mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)):
        raise CorpusError("member is a link or a special file; refusing to read it", where=where)
    if info.file_size > MAX_MEMBER_BYTES:
        raise CorpusError(f"member would unpack to {info.file_size:,} bytes (limit {MAX_MEMBER_BYTES:,})", where=where)
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise CorpusError(f"member claims a compression ratio of {info.file_size / max(info.compress_size, 1):,.0f}:1 "
                          f"(limit {MAX_RATIO:g}:1): a zip bomb?", where=where)


def _archive_sources(path: Path) -> list[LawSource]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorpusError(f"not a readable zip archive: {exc}", where=str(path)) from None
    found: list[LawSource] = []
    with zf:
        for info in zf.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".xml"):
                continue
            _check_member(info, str(path))
            parts = [p for p in info.filename.split("/") if p]
            found.append(LawSource(str(path), info.filename, info.file_size, _law_id_of([p.removesuffix(".xml")
                                                                                         for p in parts])))
    return sorted(found, key=lambda s: s.member or "")


def list_sources(source: "str | Path | Iterable[str | Path]") -> list[LawSource]:
    """The law files of *source*: a folder (every ``*.xml`` below it, sorted), a zip archive (its ``*.xml``
    members), one XML file, or a list of files. Raises :class:`~lawcode.errors.CorpusError` when there is none."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".xml" and p.is_file())
        elif path.is_file() and zipfile.is_zipfile(path):
            found = _archive_sources(path)
            if not found:
                raise CorpusError("the archive holds no .xml law files", where=str(path))
            return found
        elif path.is_file():
            files = [path]
        else:
            raise CorpusError("no such folder, archive or file", where=str(path))
        where = str(path)
    else:
        files = [Path(p) for p in source]
        where = "<list of files>"
        for f in files:
            if not f.is_file():
                raise CorpusError("no such law file", where=str(f))
    if not files:
        raise CorpusError("no .xml law files here", where=where)
    return [LawSource(str(f), None, f.stat().st_size, _law_id_of([p.removesuffix(".xml") for p in f.parts]))
            for f in files]


def partition_by_size(items: Sequence[T], target_bytes: int, size: Callable[[T], int] | None = None,
                      minimum: int = 1) -> list[list[T]]:
    """Split *items* (law sources unless *size* is given) into partitions of about *target_bytes* each (at least *minimum* when there are enough
    items), balanced by *size* (largest first into the lightest partition), each kept in the input order so
    that results come out reproducibly."""
    if target_bytes <= 0:
        raise CorpusError(f"partition size must be positive, got {target_bytes}", where="partition_bytes")
    sizes = [size(x) if size is not None else _size(x) for x in items]  # type: ignore[arg-type]
    n = max(1, min(len(items), max(minimum, -(-sum(sizes) // target_bytes))))
    heap = [(0, 0, j) for j in range(n)]  # (bytes, items, partition): ties (empty files) go to the emptiest
    bins: list[list[int]] = [[] for _ in range(n)]
    for i in sorted(range(len(items)), key=lambda i: -sizes[i]):
        load, count, j = heapq.heappop(heap)
        bins[j].append(i)
        heapq.heappush(heap, (load + sizes[i], count + 1, j))
    return [[items[i] for i in sorted(b)] for b in bins if b]
