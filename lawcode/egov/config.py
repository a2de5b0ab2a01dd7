"""Where the e-Gov client goes and where it keeps its cache: defaults, environment variables, platform folders.

Two environment variables let a user (or a test suite) redirect the client without touching code:

* ``LAWCODE_EGOV_API`` — the API v2 base URL (a mirror, or a local replay server); the v1 URL is derived from
  it (``…/api/2`` → ``…/api/1``) unless given explicitly;
* ``LAWCODE_CACHE`` — the cache folder.

The default cache folder follows the platform's conventions: :mod:`platformdirs` when it is installed
(``~/.cache/lawcode`` on Linux, ``~/Library/Caches/lawcode`` on macOS, ``%LOCALAPPDATA%\\lawcode\\Cache`` on
Windows), otherwise ``$XDG_CACHE_HOME/lawcode`` or ``~/.cache/lawcode``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lawcode._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "ENV_API",
    "ENV_CACHE",
    "Settings",
    "default_base_url",
    "default_cache_dir",
    "v1_url_for",
]

#: The public API v2 (https://laws.e-gov.go.jp/api/2/swagger-ui/).
DEFAULT_BASE_URL = "https://laws.e-gov.go.jp/api/2"
ENV_API = "LAWCODE_EGOV_API"
ENV_CACHE = "LAWCODE_CACHE"
USER_AGENT = f"lawcode/{__version__} (+https://lawcode.readthedocs.io; e-Gov law API client)"


def default_base_url() -> str:
    """``$LAWCODE_EGOV_API`` when set (a mirror or a replay server), else the public API v2."""
    return (os.environ.get(ENV_API) or DEFAULT_BASE_URL).rstrip("/")


def v1_url_for(base_url: str) -> str:
    """The API v1 base URL next to a v2 one (``…/api/2`` → ``…/api/1``); used for the ``lawdata`` fallback."""
    base = base_url.rstrip("/")
    return (base[: -len("/2")] if base.endswith("/2") else base) + "/1"


def bulk_url_for(base_url: str) -> str:
    """The bulk download URL next to an API base URL (``https://host/api/2`` → ``https://host/bulkdownload``),
    so that a mirror or replay server named by ``LAWCODE_EGOV_API`` serves the bulk archive too."""
    base = base_url.rstrip("/")
    if base.endswith("/api/2"):
        return base[: -len("/api/2")] + "/bulkdownload"
    return base + "/bulkdownload"


def default_cache_dir() -> Path:
    """``$LAWCODE_CACHE``, else the platform's user cache folder for lawcode (see the module docstring)."""
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env).expanduser()
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - platformdirs is usually there (pip, jupyter, many tools use it)
        xdg = os.environ.get("XDG_CACHE_HOME")
        return (Path(xdg) if xdg else Path.home() / ".cache") / "lawcode"
    return Path(platformdirs.user_cache_dir("lawcode", appauthor=False))


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything that shapes how the client talks to e-Gov; every field has a polite default.

    ``timeout`` is seconds per request (connect and read); ``retries`` the number of *extra* attempts after a
    connection failure, a 429 or a 5xx; the wait before attempt *n* is ``backoff * 2**(n-1)`` seconds, or the
    server's ``Retry-After`` when it sends one (capped at ``max_retry_after``); ``min_interval`` is the least time
    between two requests that reach the network (cache hits are free). ``current_ttl`` is how long a
    "current" answer (a law without a revision ID, a search, a revision list) is served from the cache before
    it is asked again (offline, older answers are still served); a law fetched by revision ID is kept for good,
    because e-Gov never changes a revision under the same ID. ``max_cache_bytes`` caps the cache database.
    """

    base_url: str = DEFAULT_BASE_URL
    v1_base_url: str | None = None
    bulk_url: str | None = None
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    min_interval: float = 0.5
    user_agent: str = USER_AGENT
    current_ttl: float = 24 * 3600.0
    max_cache_bytes: int = 4 * 1024**3

    @property
    def v1_url(self) -> str:
        return (self.v1_base_url or v1_url_for(self.base_url)).rstrip("/")

    @property
    def bulk(self) -> str:
        return self.bulk_url or bulk_url_for(self.base_url)
