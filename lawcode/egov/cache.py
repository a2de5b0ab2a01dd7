"""The offline cache: hishel's HTTP cache in a SQLite file, with lawcode's policy on what stays how long.

Why hishel and not a cache of our own: it already stores whole responses (status, headers, body) keyed by
request, streams bodies into SQLite without holding them twice in memory and caps the database size. What
lawcode adds is the policy, which HTTP headers cannot express for e-Gov (its responses carry no useful
``Cache-Control``), so the cache runs in hishel's non-RFC mode under keys of our own (:func:`cache_key`):

* a law by **revision ID** (``law_data/415AC0000000057_20230401_503AC0000000037``) and its attachments are
  immutable: kept for good;
* everything that means "now" — a law by ID or number (its current version, or the version ``asof`` a date),
  searches, revision lists — is *fresh* for ``current_ttl`` seconds (a day by default). Online, an older
  answer is dropped and asked again; **offline, it is still served**, because the last known answer is
  what a user without a network wants. So entries are stored without an expiry, and their age is read from
  the ``X-Lawcode-Fetched`` header that :class:`~lawcode.egov.transport.PoliteTransport` stamps on every answer
  from the network (see :meth:`HttpCache.age`).

Keys are a hash of the request URL, so that the client can also drop an entry whose body turned out to be
unusable (an HTML error page served with status 200, a truncated body) instead of serving it again.
"""

from __future__ import annotations

import hashlib
import math
import time
from pathlib import Path
from typing import Any

import httpx
from hishel import SqliteStorage
from hishel.httpx import CacheTransport

from lawcode.egov.transport import FETCHED_HEADER
from lawcode.errors import EgovError

__all__ = ["HttpCache", "cache_key", "DATABASE_NAME"]

DATABASE_NAME = "egov-http-cache.sqlite"


def cache_key(url: str | httpx.URL) -> str:
    """The cache key of a GET request: SHA-256 of its full URL (query included)."""
    return hashlib.sha256(f"GET {url}".encode()).hexdigest()


class HttpCache:
    """One cache folder: a hishel :class:`~hishel.SqliteStorage` and the transports that read through it."""

    def __init__(self, directory: Path, *, max_bytes: int | None = None) -> None:
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EgovError(f"cannot create the cache folder: {exc.strerror or exc}",
                            where=str(self.directory)) from None
        self.path = self.directory / DATABASE_NAME
        self.storage = SqliteStorage(database_path=self.path, max_size=max_bytes)

    def transport(self, network: httpx.BaseTransport) -> httpx.BaseTransport:
        """A transport that answers from the cache and goes to *network* only on a miss."""
        return CacheTransport(next_transport=network, storage=self.storage, rfc=False)

    @staticmethod
    def extension(url: str | httpx.URL) -> dict[str, Any]:
        """The per-request ``caching`` extension: our key; no expiry (freshness is the client's call)."""
        return {"caching": {"key": cache_key(url), "ttl": None}}

    def age(self, url: str | httpx.URL) -> float | None:
        """Seconds since the stored answer for a GET of *url* came from the network (``None``: nothing stored;
        ``inf`` for an entry without the timestamp, which is then never fresh)."""
        entries = self.storage.get_entries(cache_key(url))
        if not entries:
            return None
        stamp = entries[0].response.headers.get(FETCHED_HEADER)
        try:
            return max(0.0, time.time() - float(stamp)) if stamp else math.inf
        except ValueError:
            return math.inf

    def forget(self, url: str | httpx.URL) -> int:
        """Drop what is stored for a GET of *url*; returns the number of entries removed."""
        entries = self.storage.get_entries(cache_key(url))
        for entry in entries:
            self.storage.remove_entry(entry.id)
        return len(entries)

    def contains(self, url: str | httpx.URL) -> bool:
        """Whether a fresh answer for a GET of *url* is stored."""
        return bool(self.storage.get_entries(cache_key(url)))

    def close(self) -> None:
        self.storage.close()
