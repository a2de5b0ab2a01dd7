"""The e-Gov bulk download (一括ダウンロード): every law's XML in one zip, one category, or the day's updates.

``download_bulk(folder)`` fetches the all-XML archive (``file_section=1&only_xml_flag=true``) or one
category (``file_section=2&category_cd=N``), checks it, and unpacks it into *folder*, where
:class:`lawcode.Library` and ``lawcode stats`` can read it. ``update_bulk(folder)`` then fetches the daily
update archives (``file_section=3&update_date=YYYYMMDD``, the last three months are offered) for every day
since the last run and unpacks them over the folder. A small state file, ``.lawcode-bulk.json``, remembers
what was fetched when.

An archive from the network is untrusted input. Before anything is written, :func:`safe_extract` refuses
members whose names leave the folder (absolute paths, ``..``, drive letters, backslashes), symbolic links and
special files, archives that would unpack to more than ``max_total_bytes`` or ``max_files`` files, and
members that claim an absurd compression ratio (a zip bomb); while unpacking it counts the bytes actually
written, so that sizes declared falsely in the archive do not help either. Each file is written to a
temporary name and renamed when complete, and CRCs are checked by :mod:`zipfile` as each member is read.
"""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Callable

import httpx

from lawcode.egov.client import Client
from lawcode.errors import ArchiveError, EgovError

__all__ = ["ArchiveLimits", "BulkResult", "download_bulk", "update_bulk", "safe_extract", "STATE_FILE"]

STATE_FILE = ".lawcode-bulk.json"
#: How far back e-Gov offers daily update archives.
UPDATE_WINDOW = timedelta(days=90)
_CHUNK = 1 << 16
_DRIVE = re.compile(r"^[A-Za-z]:")

#: ``progress(done, total)``: bytes downloaded so far and the total when the server said it (else ``None``).
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """What an archive may unpack to. The defaults leave room for the whole e-Gov bulk (about 1 GB of XML in
    about 10,000 files) and refuse anything far beyond: law XML compresses about 10:1, never 200:1."""

    max_total_bytes: int = 8 * 1024**3
    max_member_bytes: int = 512 * 1024**2
    max_files: int = 200_000
    max_ratio: float = 200.0
    #: Below this size a member's ratio is not checked (a tiny file of spaces compresses a lot, harmlessly).
    ratio_floor: int = 1024**2


@dataclass(slots=True)
class BulkResult:
    """What a download unpacked: ``files`` (paths under the folder), bytes downloaded and the archives' URLs."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    downloaded_bytes: int = 0
    sources: list[str] = field(default_factory=list)
    skipped_days: list[date] = field(default_factory=list)


def _member_path(info: zipfile.ZipInfo, archive: str) -> PurePosixPath | None:
    """The safe relative path of a member (``None`` for a directory entry); raises :class:`ArchiveError`."""
    name = info.filename
    mode = (info.external_attr >> 16) & 0xFFFF
    if "\x00" in name:
        raise ArchiveError(f"member name with a NUL byte: {name!r}", where=archive)
    if stat.S_ISLNK(mode):
        raise ArchiveError(f"member {name!r} is a symbolic link; links are never unpacked", where=archive)
    if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)) and stat.S_IFMT(mode):
        raise ArchiveError(f"member {name!r} is a special file (mode {oct(mode)})", where=archive)
    if "\\" in name or name.startswith("/") or _DRIVE.match(name):
        raise ArchiveError(f"member {name!r} has an absolute or Windows path; refusing to unpack", where=archive)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise ArchiveError(f"member {name!r} leaves the target folder (path traversal)", where=archive)
    if any(":" in p for p in parts):  # a drive (「./C:」) or an NTFS stream on Windows
        raise ArchiveError(f"member {name!r} has a ':' in its path; refusing to unpack", where=archive)
    if name.endswith("/") or not parts:
        return None
    return PurePosixPath(*parts)


def safe_extract(archive: str | Path, folder: str | Path, limits: ArchiveLimits = ArchiveLimits()) -> list[Path]:
    """Unpack the zip *archive* into *folder* safely (see the module docstring); returns the files written.

    Raises :class:`ArchiveError` — before writing anything for what the directory of the archive reveals
    (names, links, declared sizes, counts), while writing for sizes that were declared falsely or a bad CRC.
    """
    archive = Path(archive)
    folder = Path(folder)
    where = str(archive)
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"not a readable zip archive: {exc}", where=where) from None
    with zf:
        infos = zf.infolist()
        plan: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
        total = 0
        for info in infos:
            rel = _member_path(info, where)
            if rel is None:
                continue
            if info.file_size > limits.max_member_bytes:
                raise ArchiveError(f"member {info.filename!r} would unpack to {info.file_size:,} bytes "
                                   f"(limit {limits.max_member_bytes:,})", where=where)
            if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise ArchiveError(f"member {info.filename!r} claims a compression ratio of "
                                   f"{info.file_size / max(info.compress_size, 1):,.0f}:1 (limit "
                                   f"{limits.max_ratio:g}:1): a zip bomb?", where=where)
            total += info.file_size
            plan.append((info, rel))
        if len(plan) > limits.max_files:
            raise ArchiveError(f"{len(plan):,} files (limit {limits.max_files:,})", where=where)
        if total > limits.max_total_bytes:
            raise ArchiveError(f"would unpack to {total:,} bytes (limit {limits.max_total_bytes:,}): a zip bomb?",
                               where=where)
        root = folder.resolve()
        root.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        grand = 0
        for info, rel in plan:
            target = (root / rel).resolve()
            if not target.is_relative_to(root):  # a symlink already in the folder pointing out
                raise ArchiveError(f"member {info.filename!r} would be written outside {root}", where=where)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".lawcode-part")
            size = 0
            try:
                with zf.open(info) as src, open(partial, "wb") as dst:
                    while chunk := src.read(_CHUNK):
                        size += len(chunk)
                        grand += len(chunk)
                        if size > max(info.file_size, 0) or size > limits.max_member_bytes:
                            raise ArchiveError(f"member {info.filename!r} unpacks to more than it declared "
                                               f"({info.file_size:,} bytes)", where=where)
                        if grand > limits.max_total_bytes:
                            raise ArchiveError(f"the archive unpacks to more than {limits.max_total_bytes:,} "
                                               "bytes", where=where)
                        dst.write(chunk)
            except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
                partial.unlink(missing_ok=True)
                raise ArchiveError(f"member {info.filename!r} is damaged: {exc}", where=where) from None
            except ArchiveError:
                partial.unlink(missing_ok=True)
                raise
            os.replace(partial, target)
            written.append(target)
        return written


def _bulk_url(client: Client, params: dict[str, str]) -> httpx.URL:
    return client.url("", params, base=client.settings.bulk)


def _download(client: Client, params: dict[str, str], folder: Path, progress: Progress | None,
              *, missing_ok: bool = False) -> tuple[Path | None, int, str]:
    """Stream one archive to a temporary file in *folder*; returns ``(path, bytes, url)`` (path ``None`` when
    *missing_ok* and the server has no such archive)."""
    url = _bulk_url(client, params)
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / ".lawcode-download.zip.part"
    with client.stream(url) as response:
        if response.status_code == 404 and missing_ok:
            return None, 0, str(url)
        if response.status_code >= 400:
            response.read()
            raise EgovError(f"HTTP {response.status_code}: {response.text[:160]}", url=str(url),
                            status=response.status_code)
        ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype in ("text/html", "application/json", "text/plain", "application/xml", "text/xml"):
            response.read()
            raise EgovError(f"expected a zip archive, got Content-Type {ctype}: {response.text[:160]}",
                            url=str(url), status=response.status_code)
        declared = response.headers.get("Content-Length")
        total = int(declared) if declared and declared.isdigit() else None
        done = 0
        with open(part, "wb") as out:
            for chunk in response.iter_bytes(_CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    if total is not None and done != total:
        part.unlink(missing_ok=True)
        raise EgovError(f"the download was cut short: {done:,} of {total:,} bytes", url=str(url))
    with open(part, "rb") as fh:
        magic = fh.read(4)
    if magic not in (b"PK\x03\x04", b"PK\x05\x06"):
        part.unlink(missing_ok=True)
        raise ArchiveError(f"the download is not a zip archive (starts with {magic!r})", where=str(url))
    return part, done, str(url)


def _unpack(part: Path, folder: Path, limits: ArchiveLimits, result: BulkResult) -> None:
    try:
        result.files.extend(safe_extract(part, folder, limits))
    finally:
        part.unlink(missing_ok=True)


def _write_state(folder: Path, **values: object) -> None:
    path = folder / STATE_FILE
    state = read_state(folder)
    state.update(values)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_state(folder: str | Path) -> dict[str, object]:
    """What earlier downloads into *folder* recorded (empty when none)."""
    path = Path(folder) / STATE_FILE
    if not path.exists():
        return {}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise ArchiveError(f"unreadable state file: {exc}", where=str(path)) from None
    return state if isinstance(state, dict) else {}


def download_bulk(
    folder: str | Path,
    *,
    category: int | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
    limits: ArchiveLimits = ArchiveLimits(),
    today: date | None = None,
) -> BulkResult:
    """Download the all-XML bulk archive (or one *category*, 1–50) and unpack it into *folder*."""
    if category is not None and not (isinstance(category, int) and 1 <= category <= 50):
        raise EgovError(f"category must be a number from 1 to 50, got {category!r}")
    params = ({"file_section": "2", "category_cd": str(category)} if category is not None
              else {"file_section": "1", "only_xml_flag": "true"})
    folder = Path(folder)
    own = client is None
    egov = client or Client()
    try:
        result = BulkResult(folder)
        part, size, url = _download(egov, params, folder, progress)
        assert part is not None
        result.downloaded_bytes, result.sources = size, [url]
        _unpack(part, folder, limits, result)
        _write_state(folder, downloaded=(today or date.today()).isoformat(), category=category,
                     source=url, files=len(result.files))
        return result
    finally:
        if own:
            egov.close()


def update_bulk(
    folder: str | Path,
    *,
    since: date | None = None,
    until: date | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
    limits: ArchiveLimits = ArchiveLimits(),
) -> BulkResult:
    """Fetch the daily update archives for every day after the last download or update recorded in *folder*
    (or from *since*) up to *until* (today), and unpack them over the folder. A day without an archive (HTTP
    404) is skipped and listed in ``skipped_days``; the state is saved after every day, so an interrupted update
    resumes where it stopped."""
    folder = Path(folder)
    end = until or date.today()
    if since is None:
        state = read_state(folder)
        last = state.get("updated") or state.get("downloaded")
        if not isinstance(last, str):
            raise EgovError(f"{folder} has no record of a bulk download; run a full download first (or give since=)")
        since = date.fromisoformat(last) + timedelta(days=1)
    since = max(since, end - UPDATE_WINDOW)
    own = client is None
    egov = client or Client()
    try:
        result = BulkResult(folder)
        day = since
        while day <= end:
            params = {"file_section": "3", "update_date": day.strftime("%Y%m%d")}
            part, size, url = _download(egov, params, folder, progress, missing_ok=True)
            if part is None:
                result.skipped_days.append(day)
            else:
                result.downloaded_bytes += size
                result.sources.append(url)
                _unpack(part, folder, limits, result)
            _write_state(folder, updated=day.isoformat())
            day += timedelta(days=1)
        return result
    finally:
        if own:
            egov.close()
