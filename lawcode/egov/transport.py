"""The network end of the client: politeness (rate limit, User-Agent), retries with backoff, and offline mode.

These are httpx transports, stacked under the cache (:mod:`lawcode.egov.cache`), so that a cache hit costs
nothing: it neither waits for its turn nor counts against the rate limit.

* :class:`PoliteTransport` spaces requests at least ``min_interval`` apart, and retries a connection failure,
  a timeout, a 429 or a 5xx up to ``retries`` times — waiting what the server asks for in ``Retry-After``
  (seconds or an HTTP date, capped), else an exponential backoff.
* :class:`OfflineTransport` stands where the network would be in offline mode: whatever reaches it was not
  in the cache, and it says so with :class:`~lawcode.errors.OfflineError`.
"""

from __future__ import annotations

import threading
import time
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from typing import Callable

import httpx

from lawcode.errors import OfflineError

__all__ = ["PoliteTransport", "OfflineTransport", "retry_after_seconds", "RETRY_STATUSES", "FETCHED_HEADER"]

#: Stamped on every answer from the network (seconds since the epoch), so that the cache knows its age.
FETCHED_HEADER = "X-Lawcode-Fetched"
#: Statuses worth another try: too many requests, and the server's own troubles.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds (``None`` when absent or unreadable).

    RFC 9110 allows a number of seconds (``120``) or an HTTP date (``Wed, 21 Oct 2026 07:28:00 GMT``).
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class PoliteTransport(httpx.BaseTransport):
    """Rate limit and retries around *inner* (see the module docstring). ``sleep`` is injectable for tests."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        retries: int = 3,
        backoff: float = 1.0,
        max_retry_after: float = 120.0,
        min_interval: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner = inner
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.max_retry_after = max_retry_after
        self.min_interval = max(0.0, min_interval)
        self.sleep = sleep
        self._lock = threading.Lock()
        self._last: float | None = None
        #: Every wait this transport chose before a retry, in seconds (for logs and tests).
        self.waits: list[float] = []

    def _wait_turn(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._last is not None and self.min_interval:
                gap = self._last + self.min_interval - now
                if gap > 0:
                    self.sleep(gap)
                    now = time.monotonic()
            self._last = now

    def _pause(self, seconds: float) -> None:
        seconds = min(max(0.0, seconds), self.max_retry_after)
        self.waits.append(seconds)
        if seconds:
            self.sleep(seconds)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send *request* when its turn comes, retrying as the class docstring says; the last answer (or
        exception) is returned (raised) as it is."""
        attempt = 0
        while True:
            self._wait_turn()
            try:
                response = self.inner.handle_request(request)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError):
                if attempt >= self.retries:
                    raise
                attempt += 1
                self._pause(self.backoff * 2 ** (attempt - 1))
                continue
            if response.status_code not in RETRY_STATUSES or attempt >= self.retries:
                response.headers[FETCHED_HEADER] = f"{time.time():.3f}"  # stored with it: the cache's clock
                return response
            asked = retry_after_seconds(response.headers.get("Retry-After"))
            response.close()
            attempt += 1
            self._pause(asked if asked is not None else self.backoff * 2 ** (attempt - 1))

    def close(self) -> None:
        self.inner.close()


class OfflineTransport(httpx.BaseTransport):
    """The network in offline mode: every request that reaches it was a cache miss and fails with
    :class:`OfflineError`, naming what is missing."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Always raise :class:`OfflineError` naming *request*'s URL."""
        raise OfflineError(
            "offline mode: this answer is not in the cache (fetch it once online, or check the cache folder)",
            url=str(request.url),
        )
