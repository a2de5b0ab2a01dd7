"""Laws loaded for a build, cached per process by file identity.

A site renders a law on its page, cites it from other pages, diffs it on a 新旧対照表 page and resolves
roles against it: loading (and scanning its references) once per file and process keeps a build fast. The
cache key includes the file's size and modification time, so an edited file is read again in the next
incremental build.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawcode.io import load
from lawcode.model import Law
from lawcode.refs.model import Reference
from lawcode.refs.scan import references
from lawcode.refs.lawindex import lookup_law
from lawcode.text.lawnum import LAW_ID_SHAPE

__all__ = ["LoadedLaw", "load_law", "clear_cache", "egov_url", "law_id_of", "LAW_ID"]

#: An e-Gov LawID such as 415AC0000000057 or 417M60000088001.
#: A whole string shaped like an e-Gov LawID (:data:`lawcode.text.lawnum.LAW_ID_SHAPE`).
LAW_ID = re.compile(rf"^{LAW_ID_SHAPE}$")
EGOV_LAW_URL = "https://laws.e-gov.go.jp/law/{}"


@dataclass
class LoadedLaw:
    """A law with what every directive needs from it, computed once."""

    path: Path
    law: Law
    _refs: list[Reference] | None = field(default=None, repr=False)

    @property
    def references(self) -> list[Reference]:
        """Every detected reference of the law (scanned on first use)."""
        if self._refs is None:
            self._refs = references(self.law)
        return self._refs


_CACHE: dict[tuple[str, int, int], LoadedLaw] = {}


def load_law(path: str | Path) -> LoadedLaw:
    """The law in *path* (cached per process while the file is unchanged).

    Raises :class:`lawcode.LawcodeError` subclasses (``ParseError`` …) from :func:`lawcode.load`.
    """
    p = Path(path).resolve()
    st = os.stat(p)
    key = (str(p), st.st_mtime_ns, st.st_size)
    hit = _CACHE.get(key)
    if hit is None:
        for old in [k for k in _CACHE if k[0] == key[0]]:
            del _CACHE[old]
        hit = LoadedLaw(p, load(p))
        _CACHE[key] = hit
    return hit


def clear_cache() -> None:
    """Forget every loaded law (benchmarks measure cold loads with it)."""
    _CACHE.clear()


def law_id_of(target_law: str | None) -> str | None:
    """The e-Gov LawID of a reference's ``target_law`` (a LawID already, or a title / law number to look up)."""
    if not target_law:
        return None
    if LAW_ID.match(target_law):
        return target_law
    entry = lookup_law(target_law)
    return entry.law_id if entry is not None and entry.law_id else None


def egov_url(target_law: str | None) -> str | None:
    """The e-Gov page of a law outside the site, or ``None`` when its LawID is unknown."""
    law_id = law_id_of(target_law)
    return EGOV_LAW_URL.format(law_id) if law_id else None
