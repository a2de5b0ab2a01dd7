"""Which 例規集 system made a page — read from the markup, never from the URL or file name.

Each vendor's generator leaves fingerprints that survive re-hosting (a municipality's own domain, a saved
copy): ぎょうせい Super Reiki-Base writes its text as ``div.eline`` display lines inside
``div#primary.joubun``; 第一法規's d1w_reiki writes ``div`` lines whose ``id`` is ``h:{kind}:{act}:…:{path}:``.
"""

from __future__ import annotations

import re

__all__ = ["SYSTEMS", "GYOSEI", "DAIICHI", "detect_system", "detect_index_page", "supported_systems"]

GYOSEI = "gyosei"
DAIICHI = "daiichi"

#: System id → what it is, for messages and docs.
SYSTEMS: dict[str, str] = {
    GYOSEI: "ぎょうせい Super Reiki-Base (reiki_honbun pages, 2020 and 2025 builds)",
    DAIICHI: "第一法規 例規類集 HTML 版 (d1w_reiki {hno}_j.html pages)",
}

_GYOSEI_BOTH = re.compile(rb"""class=["']eline["']""", re.I)
_DAIICHI_LINE = re.compile(rb"""id=["']h:[a-zA-Z]{2}\d{2}:""")


def detect_system(data: bytes) -> str | None:
    """The system id (:data:`GYOSEI`, :data:`DAIICHI`) of the page in *data*, or ``None`` when no known
    system's markup is there. Works on the raw bytes (ASCII markers), so it costs no parse."""
    if _DAIICHI_LINE.search(data):
        return DAIICHI
    if _GYOSEI_BOTH.search(data) and re.search(rb"""id=["']primary["']""", data):
        return GYOSEI
    return None


_INDEX_MARKERS = (
    (GYOSEI, re.compile("株式会社ぎょうせい|Reiki-Base".encode())),
    (DAIICHI, re.compile(rb"OpenResDataWin\(|D1W_STATIC_MOKUJI")),
)


def detect_index_page(data: bytes) -> str | None:
    """The system id when *data* is an index page of a known system (体系目次, 五十音目次) — a page that lists
    laws rather than holding one — or ``None``. Callers check :func:`detect_system` first."""
    for system, marker in _INDEX_MARKERS:
        if marker.search(data):
            return system
    return None


def supported_systems() -> str:
    """One line naming every supported system, for error messages."""
    return "; ".join(SYSTEMS.values())
