"""Municipal ordinances from 例規集 websites: a saved page → a :class:`~lawcode.model.law.Law` (e-Gov XML v3).

Municipalities publish 条例・規則 in vendor-run 例規集 sites, not as e-Gov XML. This package reads their pages
into the same tree as national law, so references, diffs, amendments and impact work on ordinances too::

    law = lawcode.load("reiki_honbun/r400RG00000094.html")     # detected by content, like any law file
    page = lawcode.io.reiki.convert(data)                       # the law plus what the page says around it
    lawcode.io.reiki.notes(law)                                 # 改正沿革注記 by provision path

One module per system, behind :func:`convert`:

* :mod:`~lawcode.io.reiki.gyosei` — ぎょうせい Super Reiki-Base (both builds);
* :mod:`~lawcode.io.reiki.daiichi` — 第一法規 例規類集 HTML 版 (d1w_reiki).

Both read their markup into line events on one :class:`~lawcode.io.reiki.builder.LawBuilder`, which owns the
schema's rules. The page's charset is honoured (:mod:`~lawcode.io.reiki.html`); a page of no known system
raises :class:`~lawcode.errors.ParseError` naming the supported ones, and an index page of a known system
(体系目次, 五十音目次) raises :class:`~lawcode.errors.NotALawError` so that folder walks skip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from lawcode.errors import LawcodeError, NotALawError, ParseError, wrong_type
from lawcode.io.egov_response import LawDocument
from lawcode.io.reiki.builder import BuiltLaw
from lawcode.io.reiki.daiichi import parse_daiichi
from lawcode.io.reiki.detect import DAIICHI, GYOSEI, SYSTEMS, detect_index_page, detect_system, supported_systems
from lawcode.io.reiki.gyosei import parse_gyosei
from lawcode.io.reiki.html import looks_like_html, parse_html
from lawcode.io.reiki.notes import note_pairs, notes
from lawcode.model.law import Law
from lawcode.model.revision import Revision
from lawcode.text.eras import parse_wareki

__all__ = [
    "SYSTEMS",
    "ReikiPage",
    "convert",
    "detect_system",
    "is_reiki_page",
    "looks_like_html",
    "notes",
    "read_reiki_document",
]

#: ``Revision.origin`` of a law converted from a page of each system.
ORIGIN = {GYOSEI: "reiki/gyosei", DAIICHI: "reiki/daiichi"}


@dataclass(frozen=True)
class ReikiPage:
    """A converted 例規集 page: the law, and what the page says around it.

    ``lines`` maps each source line's id (ぎょうせい ``l000000123``, 第一法規 ``h:…``) to the paths of the
    provisions that line created — the bridge from the vendor's anchors to the tree. ``history`` is the
    page's 沿革 (ぎょうせい: (◆ 制定 / ◇ 改正, date, number) as printed; empty where the page has none).
    """

    law: Law
    system: str
    lines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    history: tuple[tuple[str, str, str], ...] = ()

    @property
    def notes(self) -> dict[str, tuple[str, ...]]:
        """Editorial notes by provision path (see :func:`lawcode.io.reiki.notes`)."""
        return notes(self.law)


def is_reiki_page(data: bytes) -> bool:
    """Whether *data* is an HTML page of a supported 例規集 system (a cheap byte test, no parse)."""
    return looks_like_html(data) and detect_system(data) is not None


def _as_bytes(data: bytes | str) -> tuple[bytes, str | None]:
    """The page as bytes, and the charset to decode it with when that is already known: text handed over as
    ``str`` was decoded by the caller, so it is UTF-8 now, whatever its ``<meta>`` still declares."""
    if isinstance(data, str):
        return data.encode("utf-8"), "utf-8"
    return bytes(data), None


def _convert(data: bytes, source: str, charset: str | None = None
             ) -> tuple[BuiltLaw, str, tuple[tuple[str, str, str], ...], Revision]:
    system = detect_system(data)
    if system is None:
        line, column = _root_position(data)
        index = detect_index_page(data)
        if index is not None:
            raise NotALawError(f"root element is <html>: an index page of {SYSTEMS[index]}, not the text of a law",
                               source=source, line=line, column=column)
        raise ParseError(f"root element is <html>: an HTML page of no supported 例規集 system (supported: "
                         f"{supported_systems()})", source=source, line=line, column=column)
    root = parse_html(data, source, charset=charset)
    history: tuple[tuple[str, str, str], ...] = ()
    enforced: str | None = None
    if system == GYOSEI:
        built, head = parse_gyosei(root, source)
        history, enforced = head.history, head.enforced_text
    else:
        built = parse_daiichi(root, source)
    return built, system, history, _revision(built, system, history, enforced)


_HTML_TAG = re.compile(rb"<html\b", re.IGNORECASE)


def _root_position(data: bytes) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the ``<html`` start tag, for messages that point at the page's root."""
    m = _HTML_TAG.search(data)
    if not m:
        return None, None
    start = m.start()
    return data.count(b"\n", 0, start) + 1, start - (data.rfind(b"\n", 0, start) + 1) + 1


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_wareki(text.replace("施行", "").strip())
    except LawcodeError:
        return None


def _revision(built: BuiltLaw, system: str, history: tuple[tuple[str, str, str], ...],
              enforced: str | None) -> Revision:
    root = built.tree.getroot()
    law_num = root.findtext("LawNum")
    title = root.findtext("LawBody/LawTitle")
    last = next((row for row in reversed(history) if row[0] == "◇"), None)
    return Revision(
        origin=ORIGIN[system],
        law_num=law_num,
        title=title,
        promulgation_date=built.promulgated,
        amendment_promulgate_date=_date(last[1]) if last else None,
        amendment_law_num=(last[1] + last[2]) if last else None,
        amendment_enforcement_date=_date(enforced),
        amendment_enforcement_comment=enforced,
        extra=note_pairs(built.notes),
    )


def read_reiki_document(data: bytes | str, source: str = "<bytes>") -> LawDocument:
    """The ``<Law>`` document of a 例規集 page, with a :class:`Revision` carrying its notes — what
    :func:`lawcode.load` uses for HTML input. ``format`` is ``"reiki_gyosei"`` or ``"reiki_daiichi"``."""
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise wrong_type(ParseError)(f"expected bytes or str, got {type(data).__name__}", source=source)
    raw, charset = _as_bytes(data)
    built, system, _history, revision = _convert(raw, source, charset)
    return LawDocument(built.tree, revision, f"reiki_{system}")


def convert(data: bytes | str, source: str = "<bytes>") -> ReikiPage:
    """Convert one 例規集 page (bytes as saved, or text already decoded) to a :class:`ReikiPage`.

    Raises :class:`ParseError` (with *source* and, where known, the line) for a page of no supported system
    or one whose head gives no 公布日, :class:`NotALawError` for an index page of a known system.
    """
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise wrong_type(ParseError)(f"expected bytes or str, got {type(data).__name__}", source=source)
    raw, charset = _as_bytes(data)
    built, system, history, revision = _convert(raw, source, charset)
    law = Law(built.tree, source=source, revision=revision)
    lines = {k: tuple(v) for k, v in built.lines.items()}
    return ReikiPage(law, system, lines, history)
