"""Which loaded law a link means, and which provisions its address names.

A link names its law the way its source does: a LawID (``415AC0000000057``), a law number
(「平成十五年法律第五十七号」) or a title (「個人情報の保護に関する法律」, also an old title the e-Gov law list knows).
:class:`LawMatcher` answers "is this name that law?" for one :class:`~lawcode.model.law.Law`, caching per name
so that 75,071 procedure rows cost one comparison per distinct name.

:func:`resolve_address` reads the address with the procedures resolver of the references layer
(:mod:`lawcode.refs.procedures`: lenient citation parsing, 「第N条第M号」 read as 第N条第一項第M号 when only
that exists) or takes it as e-Gov paths, and returns the paths or why there are none.
"""

from __future__ import annotations

import re

from lawcode.model.law import Law
from lawcode.refs.lawindex import lookup_law, number_key, title_key
from lawcode.refs.procedures import classify_citation

__all__ = ["LawMatcher", "resolve_address", "law_name"]

_PATH = re.compile(r"^(?:MainProvision|SupplProvision|AppdxTable|Appdx|TOC|Preamble)[\w\-\[\]年月日第号法律政令]*$")


def law_name(law: Law) -> str:
    """How reports name a law: its title, else its law number, else its file."""
    return law.title or law.law_num or str(law.source or "")


def _law_id(law: Law) -> str | None:
    if law.law_id:
        return str(law.law_id)
    for q in (law.law_num, law.title):
        entry = lookup_law(q) if q else None
        if entry is not None and entry.law_id:
            return str(entry.law_id)
    return None


class LawMatcher:
    """``matcher.matches(name)``: does *name* (LawID, law number or title) denote *law*?"""

    def __init__(self, law: Law) -> None:
        self.law = law
        self.law_id = _law_id(law)
        self._keys = {k for k in (self.law_id, number_key(law.law_num or "") if law.law_num else None,
                                  title_key(law.title) if law.title else None) if k}
        self._cache: dict[str, bool] = {}

    def matches(self, name: str) -> bool:
        hit = self._cache.get(name)
        if hit is None:
            hit = self._compute(name)
            self._cache[name] = hit
        return hit

    def _compute(self, name: str) -> bool:
        name = (name or "").strip()
        if not name or name in ("-", "－"):
            return False
        if name == self.law_id:
            return True
        key = number_key(name)
        if key and key in self._keys:
            return True
        if title_key(name) in self._keys:
            return True
        entry = lookup_law(name)
        return entry is not None and entry.law_id is not None and entry.law_id == self.law_id


def resolve_address(law: Law, address: str) -> tuple[list[str], str]:
    """``(paths, reason)``: the e-Gov paths *address* names in *law* (``reason`` empty), or no paths and why.

    An address made of e-Gov paths (``MainProvision-Article_27-Paragraph_2``, several separated by spaces) is
    checked as is; anything else is a citation read by the procedures resolver.
    """
    address = (address or "").strip()
    if not address:
        return [], "empty address"
    parts = address.split()
    if all(_PATH.match(p) for p in parts):
        missing = [p for p in parts if law.get(p) is None]
        if missing:
            return [], f"no provision {missing[0]} in this version"
        return parts, ""
    status, paths, _repairs, reason = classify_citation(law, address)
    if status != "resolved" or not paths:
        return [], reason or status
    return paths.split(), ""
