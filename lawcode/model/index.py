"""The structural walk that finds every provision of a law and gives it its e-Gov path.

Why structural: ``Article``, ``Paragraph`` and ``Item`` elements also occur inside table cells and inside the
quoted text of amending provisions (``NewProvision``); a descendant search (``.//Article``) would count those
as provisions of the law. The walk below descends only along the schema's provision hierarchy:

    LawBody → TOC | Preamble | MainProvision | SupplProvision | Appdx*
    MainProvision, SupplProvision, Part … Division → Part … Division | Article | Paragraph (項建て)
    Article → Paragraph → Item | Class → Item → Subitem1 → … → Subitem10
    AppdxTable … → Item

Paths: articles are addressed from their scope (``MainProvision-Article_5`` even when inside 第二章), as
article numbers are unique per 本則 or 附則 and this keeps addresses stable when chapters are reorganised;
containers keep their nesting (``MainProvision-Chapter_2-Section_1``). 原始附則 is ``SupplProvision``; an
改正附則 is keyed by its amending law's number, ``SupplProvision[令和3年法律第37号]``. Elements without a
``Num`` use the e-Gov index form ``Tag[k]``. A repeated address (malformed data) gets an occurrence suffix
``#2``.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from lxml import etree

from lawcode.errors import LawcodeError
from lawcode.model.num import parse_num
from lawcode.model.provision import APPENDIX_TAGS, CONTAINER_TAGS, NODE_TYPES, Provision
from lawcode.text.lawnum import parse_law_number

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["build_index", "suppl_key"]

_E = etree._Element
_SCOPE_KIDS = frozenset(CONTAINER_TAGS + ("Article", "Paragraph"))
_SUPPL_KIDS = frozenset(CONTAINER_TAGS + ("Article", "Paragraph", "SupplProvisionAppdxTable",
                                          "SupplProvisionAppdxStyle", "SupplProvisionAppdx"))
_BODY_KIDS = frozenset(("TOC", "Preamble", "MainProvision", "SupplProvision") + APPENDIX_TAGS)
_KIDS: dict[str, frozenset[str]] = {
    "Article": frozenset(("Paragraph",)),
    "Paragraph": frozenset(("Item", "Class")),
    "Class": frozenset(("Item",)),
    "Item": frozenset(("Subitem1",)),
    "Preamble": frozenset(("Paragraph",)),
    "TOC": frozenset(),
}
for _i in range(1, 10):
    _KIDS[f"Subitem{_i}"] = frozenset((f"Subitem{_i + 1}",))
_KIDS["Subitem10"] = frozenset()
for _t in APPENDIX_TAGS:
    _KIDS[_t] = frozenset(("Item",))
for _t in CONTAINER_TAGS + ("MainProvision",):
    _KIDS[_t] = _SCOPE_KIDS
_KIDS["SupplProvision"] = _SUPPL_KIDS


def suppl_key(amend_law_num: str | None) -> str | None:
    """The address key of an 改正附則: its amending law's number in Arabic digits, without the date."""
    if not amend_law_num:
        return None
    try:
        return parse_law_number(amend_law_num).key
    except LawcodeError:
        return amend_law_num.strip()


class _Walker:
    __slots__ = ("law", "out", "by_path")

    def __init__(self, law: "Law") -> None:
        self.law = law
        self.out: list[Provision] = []
        self.by_path: dict[str, Provision] = {}

    def add(self, e: _E, parent: Provision | None, path: str) -> Provision:
        if path in self.by_path:
            k = 2
            while f"{path}#{k}" in self.by_path:
                k += 1
            path = f"{path}#{k}"
        raw = e.get("Num")
        p = NODE_TYPES[e.tag](e, parent, path, parse_num(raw) if raw is not None else None, self.law)
        p.index = len(self.out)
        self.out.append(p)
        self.by_path[path] = p
        if parent is not None:
            parent._kids.append(p)
        return p

    def walk(self, p: Provision, scope: str) -> None:
        allowed = _KIDS[p._e.tag]
        if not allowed:
            return
        base = p.path
        counts: dict[str, int] | None = None
        # iterchildren(*tags) filters in C, so no Python proxies are made for titles and sentences
        for c in p._e.iterchildren(*allowed):
            tag = c.tag
            num = c.get("Num")
            if num is None or num == "":
                if counts is None:
                    counts = {}
                counts[tag] = counts.get(tag, 0) + 1
                seg = f"{tag}[{counts[tag]}]"
            else:
                seg = f"{tag}_{num}"
            path = f"{scope}-{seg}" if tag == "Article" else f"{base}-{seg}"
            kid = self.add(c, p, path)
            self.walk(kid, scope)


def build_index(law: "Law", body: _E) -> tuple[list[Provision], dict[str, Provision]]:
    """Walk *body* (``LawBody``) and return the provisions in document order and the path index.

    The cyclic garbage collector is paused during the walk: it would otherwise rescan the growing graph of
    new provision objects again and again (measured: about half of the walk's time on large laws).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(law, body)
    finally:
        if enabled:
            gc.enable()


def _build(law: "Law", body: _E) -> tuple[list[Provision], dict[str, Provision]]:
    w = _Walker(law)
    counts: dict[str, int] = {}
    for c in body:
        tag = c.tag
        if tag not in _BODY_KIDS:
            continue
        counts[tag] = counts.get(tag, 0) + 1
        if tag == "SupplProvision":
            key = suppl_key(c.get("AmendLawNum"))
            path = f"SupplProvision[{key}]" if key else "SupplProvision"
        elif tag in ("TOC", "Preamble", "MainProvision"):
            path = tag if counts[tag] == 1 else f"{tag}[{counts[tag]}]"
        else:
            num = c.get("Num")
            path = f"{tag}_{num}" if num else f"{tag}[{counts[tag]}]"
        p = w.add(c, None, path)
        w.walk(p, p.path)
    return w.out, w.by_path
