"""The structural walk that finds every provision of a law and gives it its e-Gov path.

Why structural: ``Article``, ``Paragraph`` and ``Item`` elements also occur inside table cells and inside the
quoted text of amending provisions (``NewProvision``); a descendant search (``.//Article``) would count those
as provisions of the law. The walk accepts an element only where the schema's provision hierarchy puts it,
under a parent that was itself accepted (so everything inside a table cell or quoted text is left out)::

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
from functools import lru_cache
from typing import TYPE_CHECKING, TypeAlias

from lxml import etree

from lawcode.errors import LawcodeError
from lawcode.model.num import parse_num
from lawcode.model.provision import APPENDIX_TAGS, CONTAINER_TAGS, PROVISION_TYPES, Provision
from lawcode.text.lawnum import parse_law_number

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["build_index", "suppl_key"]

_E: TypeAlias = etree._Element
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
_ALL_TAGS = tuple(sorted(_BODY_KIDS | frozenset().union(*_KIDS.values())))


@lru_cache(maxsize=32768)
def suppl_key(amend_law_num: str | None) -> str | None:
    """The address key of an 改正附則: its amending law's number in Arabic digits, without the date.

    Cached: a law carries dozens of 改正附則 and the same amending laws recur across a corpus.
    """
    if not amend_law_num:
        return None
    try:
        return parse_law_number(amend_law_num).key
    except LawcodeError:
        return amend_law_num.strip()


def build_index(law: "Law", body: _E) -> tuple[list[Provision], dict[str, Provision]]:
    """Walk *body* (``LawBody``) and return the provisions in document order and the path index.

    The cyclic garbage collector is paused during the walk: it would otherwise rescan the growing graph of
    new provision objects again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(law, body)
    finally:
        if enabled:
            gc.enable()


def _build(law: "Law", body: _E) -> tuple[list[Provision], dict[str, Provision]]:
    """One pass over the provision elements in document order (filtered by tag in C).

    An element is a provision of the law only if its parent is one (or is ``LawBody``) and the schema's
    provision hierarchy allows it there; anything below a table cell, a quoted amendment or a note has an
    unplaced parent and is skipped together with its whole subtree.
    """
    out: list[Provision] = []
    by_path: dict[str, Provision] = {}
    placed: dict[_E, tuple[Provision, str]] = {}
    unnumbered: dict[tuple[int, str], int] = {}
    top_counts: dict[str, int] = {}
    types = PROVISION_TYPES
    for e in body.iter(*_ALL_TAGS):
        tag = e.tag
        parent_e = e.getparent()
        if parent_e is body:
            if tag not in _BODY_KIDS:
                continue
            raw = e.get("Num")
            parent = None
            top_counts[tag] = top_counts.get(tag, 0) + 1
            if tag == "SupplProvision":
                key = suppl_key(e.get("AmendLawNum"))
                path = f"SupplProvision[{key}]" if key else "SupplProvision"
            elif tag in ("TOC", "Preamble", "MainProvision"):
                path = tag if top_counts[tag] == 1 else f"{tag}[{top_counts[tag]}]"
            else:
                path = f"{tag}_{raw}" if raw else f"{tag}[{top_counts[tag]}]"
            scope = path
        else:
            entry = placed.get(parent_e)
            if entry is None or tag not in _KIDS[parent_e.tag]:
                continue
            parent, scope = entry
            raw = e.get("Num")
            if not raw:
                key2 = (parent.index, tag)
                unnumbered[key2] = unnumbered.get(key2, 0) + 1
                seg = f"{tag}[{unnumbered[key2]}]"
            else:
                seg = f"{tag}_{raw}"
            path = f"{scope}-{seg}" if tag == "Article" else f"{parent.path}-{seg}"
        if path in by_path:
            k = 2
            while f"{path}#{k}" in by_path:
                k += 1
            path = f"{path}#{k}"
        p = types[tag](e, parent, path, parse_num(raw) if raw is not None else None, law)
        p._index = len(out)
        out.append(p)
        by_path[path] = p
        if parent is not None:
            parent._kids.append(p)
        else:
            scope = path
        placed[e] = (p, scope)
    return out, by_path
