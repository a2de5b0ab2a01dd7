"""A small typed client over the e-Gov 法令API v2 (with the v1 ``lawdata`` as a fallback).

::

    from lawcode.egov import Client

    with Client() as egov:
        entry = egov.laws(title="個人情報の保護に関する法律")[0]
        for rev in egov.revisions(entry.law_id):          # newest first
            print(rev.amendment_enforcement_date, rev.current_revision_status, rev.amendment_law_num)
        law = egov.law("415AC0000000057_20230401_503AC0000000037")   # a Law, with law.revision filled in

Every answer goes through the offline cache (:mod:`lawcode.egov.cache`): a law by revision ID is kept for
good, anything that means "now" for ``current_ttl``. With ``offline=True`` nothing leaves the machine and a
missing answer raises :class:`~lawcode.errors.OfflineError` naming it. Politeness and retries live in
:mod:`lawcode.egov.transport`. Every failure is an :class:`~lawcode.errors.EgovError` whose ``where`` is the
request (``GET https://…``) and whose message says what came back: the API's ``error_info`` code and message,
the HTTP status, a body that is cut short, of the wrong type or not a law.

Envelopes are read by the io layer (:func:`lawcode.io.loads`, :func:`lawcode.io.egov_response.revision_from_api`);
this module only asks, checks what came back, and hands the bytes over.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import httpx

from lawcode.egov.cache import HttpCache
from lawcode.egov.config import Settings, default_base_url, default_cache_dir
from lawcode.egov.keyword import ResolvedSentence, resolve_sentence
from lawcode.egov.models import REVISION_ID, KeywordHit, LawEntry, Page, Sentence
from lawcode.egov.transport import OfflineTransport, PoliteTransport
from lawcode.errors import EgovError, LawcodeError, LawNotFoundError, LawNumberError, OfflineError
from lawcode.io.egov_response import revision_from_api
from lawcode.io.loading import loads
from lawcode.model.law import Law
from lawcode.model.revision import Revision
from lawcode.text.lawnum import decode_law_id

__all__ = ["Client", "LawRef"]

#: What names a law: a LawID, a law number (法令番号), a revision ID, a title, or a Revision / Law that knows one.
LawRef = str | Revision | Law

_EXCERPT = 160
_JSON_TYPES = ("application/json", "+json")
_XML_TYPES = ("application/xml", "text/xml", "+xml")


class _BodyProblem(EgovError):
    """A 2xx answer whose body is unusable (wrong type, cut short, not what was asked): worth another format."""


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).replace("/", "-")).isoformat()
    except ValueError:
        raise LawcodeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _excerpt(body: bytes) -> str:
    text = body[: _EXCERPT * 4].decode("utf-8", "replace")
    text = " ".join(text.split())
    return text[:_EXCERPT] + ("…" if len(text) > _EXCERPT or len(body) > _EXCERPT * 4 else "")


def _error_info(body: bytes) -> tuple[str | None, str | None]:
    """``(code, message)`` of an ``error_info`` body (JSON, or XML read with a regex: never parse a hostile
    error page as XML), or ``(None, None)``."""
    try:
        obj = json.loads(body[:65536])
    except (ValueError, UnicodeDecodeError, RecursionError):
        obj = None
    if isinstance(obj, dict):
        if isinstance(obj.get("error_info"), dict):  # a wrapped error_info
            obj = obj["error_info"]
        code, message = obj.get("code"), obj.get("message")
        if code is not None or message is not None:
            return (str(code) if code is not None else None, str(message) if message is not None else None)
        return None, None
    text = body[:8192].decode("utf-8", "replace")
    code_m = re.search(r"<code>\s*([^<]{1,40}?)\s*</code>", text)
    msg_m = re.search(r"<message>\s*([^<]{0,400}?)\s*</message>", text)
    if code_m or msg_m:
        return (code_m.group(1) if code_m else None, msg_m.group(1) if msg_m else None)
    return None, None


class Client:
    """The e-Gov 法令API v2, cached (see the module docstring).

    *base_url* defaults to ``$LAWCODE_EGOV_API`` or the public API; *cache_dir* to ``$LAWCODE_CACHE`` or the
    platform's cache folder; ``cache=False`` turns the cache off (and with it offline mode). The keyword
    arguments override the fields of :class:`~lawcode.egov.config.Settings` (``timeout``, ``retries``,
    ``backoff``, ``min_interval``, ``user_agent``, ``current_ttl`` …). *proxy* is an HTTP(S) proxy URL; the
    environment's proxy variables are not read, so that every request goes through the cache and the rate limit.
    *transport* replaces the network (an ``httpx.MockTransport`` in tests).
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        cache_dir: str | Path | None = None,
        offline: bool = False,
        cache: bool = True,
        fallback_v1: bool = True,
        proxy: str | None = None,
        transport: httpx.BaseTransport | None = None,
        settings: Settings | None = None,
        **overrides: Any,
    ) -> None:
        base = (base_url or (settings.base_url if settings else None) or default_base_url()).rstrip("/")
        try:
            self.settings = replace(settings or Settings(), base_url=base, **overrides)
        except TypeError as exc:
            raise LawcodeError(f"unknown client setting: {exc}") from None
        if not self.settings.user_agent.isascii():
            raise LawcodeError(f"the User-Agent must be ASCII (an HTTP header): {self.settings.user_agent!r}")
        if offline and not cache:
            raise LawcodeError("offline mode needs the cache (cache=False was given)")
        self.offline = offline
        self.fallback_v1 = fallback_v1
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
        s = self.settings
        network: httpx.BaseTransport
        if offline:
            network = OfflineTransport()
        else:
            network = PoliteTransport(
                transport or httpx.HTTPTransport(proxy=proxy),
                retries=s.retries,
                backoff=s.backoff,
                max_retry_after=s.max_retry_after,
                min_interval=s.min_interval,
            )
        #: The transport that reaches the network (``None`` offline): its ``waits`` tell what retries waited.
        self.network = network if isinstance(network, PoliteTransport) else None
        self.cache = HttpCache(self.cache_dir, max_bytes=s.max_cache_bytes) if cache else None
        headers = {"User-Agent": s.user_agent}
        self._http = httpx.Client(
            transport=self.cache.transport(network) if self.cache else network,
            timeout=httpx.Timeout(s.timeout),
            headers=headers,
            trust_env=False,
            follow_redirects=True,
        )
        #: The same network without the cache, for bulk downloads (too big to keep twice).
        self._raw = httpx.Client(transport=network, timeout=httpx.Timeout(s.timeout), headers=headers,
                                 trust_env=False, follow_redirects=True)

    # -- lifecycle ------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections and the cache database."""
        self._http.close()
        self._raw.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests -------------------------------------------------------------------------------------------

    def url(self, path: str, params: Mapping[str, Any] | None = None, *, base: str | None = None) -> httpx.URL:
        """The full URL of an API request (``None`` parameters left out)."""
        clean = {k: v for k, v in (params or {}).items() if v is not None and v != ""}
        return httpx.URL((base or self.settings.base_url) + path, params=clean)

    def get(self, url: httpx.URL, *, expect: str, ttl: float | None) -> httpx.Response:
        """GET *url* through the cache and check what came back; *expect* is ``"json"``, ``"xml"`` or
        ``"binary"``; *ttl* how long a stored answer stays fresh (``None``: for good). Online, a stale answer is
        dropped and asked again; offline it is served. The body is read."""
        extensions: dict[str, Any] = {}
        if self.cache is not None:
            extensions = HttpCache.extension(url)
            if ttl is not None and not self.offline:
                age = self.cache.age(url)
                if age is not None and age > ttl:
                    self.cache.forget(url)
        try:
            response = self._http.get(url, extensions=extensions)
        except OfflineError:
            raise
        except httpx.TimeoutException:
            raise EgovError(f"no answer within {self.settings.timeout:g} s "
                            f"({self.settings.retries + 1} attempt(s))", url=str(url)) from None
        except httpx.RemoteProtocolError as exc:
            self._forget(url)
            raise EgovError(f"the response was cut short: the connection closed before the whole body arrived "
                            f"({exc})", url=str(url)) from None
        except httpx.HTTPError as exc:
            raise EgovError(f"request failed: {type(exc).__name__}: {exc}", url=str(url)) from None
        self._check(response, url, expect)
        return response

    def _forget(self, url: httpx.URL) -> None:
        if self.cache is not None:
            self.cache.forget(url)

    def _check(self, response: httpx.Response, url: httpx.URL, expect: str) -> None:
        body = response.content
        status = response.status_code
        if status >= 400 or status < 200:
            code, message = _error_info(body)
            phrase = response.reason_phrase or ""
            if code or message:
                reason = f"e-Gov API error {code or '?'}: {message or '(no message)'} (HTTP {status})"
            else:
                reason = f"HTTP {status} {phrase}".rstrip() + (f": {_excerpt(body)}" if body else " (empty body)")
            if status == 429:
                reason += "; still rate-limited after the retries"
            raise EgovError(reason, url=str(url), status=status, code=code)
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) != len(body) and "content-encoding" not in response.headers:
            self._forget(url)
            raise _BodyProblem(f"the response was cut short: {len(body)} of {declared} bytes", url=str(url),
                               status=status)
        ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        wanted = {"json": _JSON_TYPES, "xml": _XML_TYPES}.get(expect)
        if wanted and ctype and not any(ctype == t or ctype.endswith(t) for t in wanted):
            self._forget(url)
            raise _BodyProblem(f"expected {expect.upper()}, got Content-Type {ctype}: {_excerpt(body)}",
                               url=str(url), status=status)
        if expect == "binary" and ctype in ("text/html", "application/json"):
            self._forget(url)
            raise _BodyProblem(f"expected a file, got Content-Type {ctype}: {_excerpt(body)}", url=str(url),
                               status=status)
        if not body:
            self._forget(url)
            raise _BodyProblem("the response body is empty", url=str(url), status=status)

    def _json(self, url: httpx.URL, *, ttl: float | None, shape: Sequence[str], what: str) -> dict[str, Any]:
        response = self.get(url, expect="json", ttl=ttl)
        try:
            obj = json.loads(response.content)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            self._forget(url)
            raise _BodyProblem(f"the body is not valid JSON ({exc}; {len(response.content)} bytes — cut short?)",
                               url=str(url), status=response.status_code) from None
        if not isinstance(obj, dict) or any(k not in obj for k in shape):
            self._forget(url)
            got = ", ".join(sorted(obj)[:8]) if isinstance(obj, dict) else type(obj).__name__
            raise _BodyProblem(f"expected {what} ({', '.join(shape)}), got {got or 'an empty object'}",
                               url=str(url), status=response.status_code)
        return obj

    def _revision(self, law_info: Any, revision_info: Any, url: httpx.URL) -> Revision:
        def fail(where: str, why: str) -> EgovError:
            return EgovError(f"{where}: {why}", url=str(url))

        if not isinstance(law_info, dict) or not isinstance(revision_info, dict):
            raise EgovError("law_info and revision_info must be objects", url=str(url))
        return revision_from_api(law_info, revision_info, fail=fail)

    def _ttl(self, identifier: str) -> float | None:
        return None if REVISION_ID.fullmatch(identifier) else self.settings.current_ttl

    # -- naming a law ---------------------------------------------------------------------------------------

    def identify(self, law: LawRef) -> str:
        """The identifier the API takes in a path for *law*: its revision ID, LawID or law number; a title is
        looked up with :meth:`laws` (an exact title or abbreviation wins; raises
        :class:`~lawcode.errors.LawNotFoundError` with suggestions when nothing or several laws match)."""
        if isinstance(law, Revision):
            found = law.revision_id or law.law_id or law.law_num
            if not found:
                raise LawcodeError("this Revision names no law (no revision ID, LawID or law number)")
            return found
        if isinstance(law, Law):
            rev = law.revision
            found = (rev.revision_id or rev.law_id) if rev is not None else None
            if found:
                return found
            if law.law_num:
                return law.law_num
            raise LawcodeError("this Law has no revision metadata and no law number", where=law.source)
        if not isinstance(law, str) or not law.strip():
            raise LawcodeError(f"expected a LawID, law number, revision ID or title, got {law!r}")
        text = law.strip()
        if REVISION_ID.fullmatch(text):
            return text
        try:
            decode_law_id(text)
            return text
        except LawNumberError:
            pass
        if re.fullmatch(r".{1,8}[年].*第.+号", text):
            return text
        return self._by_title(text)

    def _by_title(self, title: str) -> str:
        entries = self.laws(title=title, limit=50)
        exact = [e for e in entries if e.title == title or title in e.revision.abbreviations]
        pick = exact if exact else entries
        ids = list(dict.fromkeys(e.law_id for e in pick if e.law_id))
        if len(ids) == 1:
            return ids[0]
        suggestions = tuple(dict.fromkeys(e.title for e in entries if e.title))[:10]
        if not ids:
            raise LawNotFoundError(f"no law titled {title!r} at e-Gov", query=title)
        raise LawNotFoundError(f"{len(ids)} laws match {title!r}; give the LawID or the full title",
                               query=title, suggestions=suggestions)

    # -- endpoints ------------------------------------------------------------------------------------------

    def laws_page(
        self,
        *,
        title: str | None = None,
        law_num: str | None = None,
        law_id: str | None = None,
        law_type: str | Sequence[str] | None = None,
        category: str | int | Sequence[str | int] | None = None,
        asof: date | str | None = None,
        offset: int = 0,
        limit: int = 100,
        **params: Any,
    ) -> Page[LawEntry]:
        """One page of ``GET /laws``: laws by (partial) title, number or ID, type (``Act``, ``CabinetOrder``
        …), category (1–50) and the date the answer is ``asof``. More API parameters pass through *params*."""
        query: dict[str, Any] = {
            "law_title": title,
            "law_num": law_num,
            "law_id": law_id,
            "law_type": _csv(law_type),
            "category_cd": _csv(category, pad=3),
            "asof": _iso(asof),
            "offset": offset or None,
            "limit": limit,
            "response_format": "json",
            **params,
        }
        url = self.url("/laws", query)
        obj = self._json(url, ttl=self.settings.current_ttl, shape=("laws",), what="a laws search result")
        items = []
        for item in obj.get("laws") or []:
            if not isinstance(item, dict):
                raise EgovError("laws: every item must be an object", url=str(url))
            revision = self._revision(item.get("law_info"), item.get("revision_info") or {}, url)
            current = item.get("current_revision_info")
            items.append(LawEntry(revision, self._revision(item.get("law_info"), current, url) if current else None))
        return Page(tuple(items), _int(obj.get("total_count"), len(items)), _opt_int(obj.get("next_offset")))

    def laws(self, *, limit: int | None = None, page_size: int = 100, **filters: Any) -> list[LawEntry]:
        """``GET /laws`` followed page by page (see :meth:`laws_page` for the filters), at most *limit* laws."""
        out: list[LawEntry] = []
        offset = 0
        while True:
            size = page_size if limit is None else min(page_size, limit - len(out))
            page = self.laws_page(offset=offset, limit=size, **filters)
            out.extend(page.items)
            if page.next_offset is None or not page.items or (limit is not None and len(out) >= limit):
                return out[:limit] if limit is not None else out
            offset = page.next_offset

    def revisions(self, law: LawRef, **params: Any) -> list[Revision]:
        """The revision history of *law* (``GET /law_revisions``), **newest first** as the API orders it:
        every version with its 施行日 (``amendment_enforcement_date``), amending law and
        ``current_revision_status`` (CurrentEnforced / UnEnforced / PreviousEnforced / Repeal)."""
        ident = self.identify(law)
        if REVISION_ID.fullmatch(ident):
            ident = ident[:15]
        url = self.url(f"/law_revisions/{ident}", {"response_format": "json", **params})
        obj = self._json(url, ttl=self.settings.current_ttl, shape=("law_info", "revisions"),
                         what="a revision history")
        revisions = obj["revisions"]
        if not isinstance(revisions, list):
            raise EgovError("revisions must be an array", url=str(url))
        return [self._revision(obj["law_info"], r, url) for r in revisions]

    def law(self, law: LawRef, asof: date | str | None = None) -> Law:
        """The full text of *law* as a :class:`~lawcode.model.law.Law` with ``law.revision`` filled in.

        A revision ID gives that version (cached for good; *asof* is ignored, as by the API); a LawID, law
        number or title gives the version in force on *asof* (default: today's). The XML format is asked for;
        when the answer is unusable as XML the JSON format is tried, and when API v2 cannot be reached at all
        the current version comes from API v1 ``lawdata`` (``fallback_v1``).
        """
        ident = self.identify(law)
        is_revision = bool(REVISION_ID.fullmatch(ident))
        when = None if is_revision else _iso(asof)
        common = {"asof": when}
        ttl = self._ttl(ident)
        xml_url = self.url(f"/law_data/{ident}",
                           {**common, "law_full_text_format": "xml", "response_format": "xml"})
        try:
            return self._load(xml_url, "xml", ttl)
        except _BodyProblem as first:
            json_url = self.url(f"/law_data/{ident}",
                                {**common, "law_full_text_format": "json", "response_format": "json"})
            try:
                return self._load(json_url, "json", ttl)
            except EgovError as second:
                raise EgovError(f"{first.reason}; the JSON format failed too: {second.reason}", url=str(xml_url),
                                status=first.status) from second
        except OfflineError:
            raise
        except EgovError as exc:
            if not (self.fallback_v1 and when is None and not is_revision
                    and (exc.status is None or exc.status >= 500)):
                raise
            try:
                return self.lawdata_v1(ident)
            except EgovError as v1:
                raise EgovError(f"{exc.reason}; API v1 lawdata failed too: {v1.reason}", url=exc.url,
                                status=exc.status) from exc

    def _load(self, url: httpx.URL, expect: str, ttl: float | None) -> Law:
        response = self.get(url, expect=expect, ttl=ttl)
        try:
            return loads(response.content, source=str(url))
        except LawcodeError as exc:
            self._forget(url)
            raise _BodyProblem(f"the response is not a law: {exc.reason}", url=str(url),
                               status=response.status_code) from exc

    def lawdata_v1(self, law: LawRef) -> Law:
        """The current version of *law* from API v1 ``lawdata`` (no revision history; ``law.revision.origin``
        is ``"api_v1/lawdata"``)."""
        ident = self.identify(law)
        if REVISION_ID.fullmatch(ident):
            ident = ident[:15]
        url = self.url(f"/lawdata/{ident}", base=self.settings.v1_url)
        return self._load(url, "xml", self.settings.current_ttl)

    def keyword_page(
        self,
        words: str,
        *,
        asof: date | str | None = None,
        law_type: str | Sequence[str] | None = None,
        category: str | int | Sequence[str | int] | None = None,
        offset: int = 0,
        limit: int = 100,
        **params: Any,
    ) -> Page[KeywordHit]:
        """One page of ``GET /keyword`` (full-text search; ``*``/``?`` wildcards, AND/OR/NOT). *limit* counts
        sentences, as the API does (at most 1000)."""
        if not isinstance(words, str) or not words.strip():
            raise LawcodeError("keyword search needs words")
        query = {"keyword": words.strip(), "asof": _iso(asof), "law_type": _csv(law_type),
                 "category_cd": _csv(category, pad=3), "offset": offset or None, "limit": limit,
                 "response_format": "json", **params}
        url = self.url("/keyword", query)
        obj = self._json(url, ttl=self.settings.current_ttl, shape=("items",), what="a keyword search result")
        hits = []
        for item in obj.get("items") or []:
            if not isinstance(item, dict):
                raise EgovError("items: every item must be an object", url=str(url))
            revision = self._revision(item.get("law_info"), item.get("revision_info") or {}, url)
            sentences = tuple(
                Sentence(str(s.get("position") or ""), str(s.get("text") or ""))
                for s in item.get("sentences") or [] if isinstance(s, dict)
            )
            hits.append(KeywordHit(revision, sentences))
        return Page(tuple(hits), _int(obj.get("total_count"), len(hits)), _opt_int(obj.get("next_offset")))

    def keyword(self, words: str, *, limit: int | None = 100, page_size: int = 100, **filters: Any) -> list[KeywordHit]:
        """Keyword hits followed page by page until *limit* sentences (``None``: all)."""
        hits: list[KeywordHit] = []
        offset = count = 0
        while True:
            size = page_size if limit is None else min(page_size, limit - count)
            page = self.keyword_page(words, offset=offset, limit=size, **filters)
            hits.extend(page.items)
            count += sum(len(h.sentences) for h in page.items)
            if page.next_offset is None or not page.items or (limit is not None and count >= limit):
                return hits
            offset = page.next_offset

    def resolve(self, hit: KeywordHit) -> list[ResolvedSentence]:
        """The provisions of the hit's law version that hold its sentences (the version is fetched by revision
        ID, hence cached for good); see :mod:`lawcode.egov.keyword`."""
        ident = hit.revision.revision_id or hit.revision.law_id
        if not ident:
            raise EgovError("this keyword hit names no law version")
        law = self.law(ident)
        return [resolve_sentence(law, s) for s in hit.sentences]

    def attachment(self, revision: str | Revision, src: str | None = None) -> bytes:
        """An attached file of a law version (``Fig/@src``, e.g. ``./pict/H11HO127-001.jpg``; images, PDF), or
        without *src* a zip of them all. Kept in the cache for good (a revision never changes)."""
        rid = revision.revision_id if isinstance(revision, Revision) else revision
        if not rid or not REVISION_ID.fullmatch(rid):
            raise LawcodeError(f"attachments are fetched by revision ID, got {rid!r}")
        url = self.url(f"/attachment/{rid}", {"src": src})
        return self.get(url, expect="binary", ttl=None).content

    @contextmanager
    def stream(self, url: httpx.URL) -> Iterator[httpx.Response]:
        """GET *url* without the cache, as a stream (bulk downloads); offline mode refuses."""
        if self.offline:
            raise OfflineError("offline mode: bulk downloads are not cached; what is on disk is what there is",
                               url=str(url))
        try:
            with self._raw.stream("GET", url) as response:
                yield response
        except httpx.TimeoutException:
            raise EgovError("no answer in time", url=str(url)) from None
        except httpx.RemoteProtocolError as exc:
            raise EgovError(f"the download was cut short: {exc}", url=str(url)) from None
        except httpx.HTTPError as exc:
            raise EgovError(f"download failed: {type(exc).__name__}: {exc}", url=str(url)) from None


def _csv(value: Any, *, pad: int = 0) -> str | None:
    if value is None:
        return None
    values = [value] if isinstance(value, (str, int)) else list(value)
    out = []
    for v in values:
        text = str(v).strip()
        out.append(text.zfill(pad) if pad and text.isdigit() else text)
    return ",".join(out) or None


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _opt_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
