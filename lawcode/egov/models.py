"""What the e-Gov listings return, as frozen values: search results, keyword hits, pages.

A law's version is always a :class:`~lawcode.model.revision.Revision` (the same object :func:`lawcode.load`
puts on ``Law.revision``), built by :func:`lawcode.io.egov_response.revision_from_api` — the envelope fields are
read in one place only. This module adds the shapes around it: one law of a ``laws`` search
(:class:`LawEntry`), a keyword hit with its sentences (:class:`KeywordHit`), and a :class:`Page` of either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from lawcode.model.revision import Revision

__all__ = ["LawEntry", "Page", "Sentence", "KeywordHit", "REVISION_ID"]

T = TypeVar("T")

#: ``{law_id}_{施行日 YYYYMMDD}_{amending law_id | 000000000000000}``.
REVISION_ID = re.compile(r"[0-9A-Z]{15}_\d{8}_[0-9A-Z]{15}")

_TAG = re.compile(r"<[^<>]{1,40}>")


@dataclass(frozen=True, slots=True)
class LawEntry:
    """One law of a ``laws`` search: its version as of the search's ``asof`` (``revision``) and its current
    version (``current``, ``None`` when the search omitted it)."""

    revision: Revision
    current: Revision | None = None

    @property
    def law_id(self) -> str | None:
        return self.revision.law_id

    @property
    def title(self) -> str | None:
        return self.revision.title

    @property
    def law_num(self) -> str | None:
        return self.revision.law_num


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing: its items, the total the server counted, and the offset of the next page
    (``None`` on the last)."""

    items: tuple[T, ...]
    total_count: int
    next_offset: int | None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a keyword hit. ``position`` is where the API says it is — usually an e-Gov path
    (``MainProvision-Article_21-Paragraph_3``), sometimes a word (``amendsupplprovision``); ``text`` carries the
    server's highlight tags (``<span>…</span>``)."""

    position: str
    text: str

    @property
    def plain(self) -> str:
        """The text without highlight tags."""
        return _TAG.sub("", self.text)


@dataclass(frozen=True, slots=True)
class KeywordHit:
    """The sentences of one law version that match a keyword search."""

    revision: Revision
    sentences: tuple[Sentence, ...]
