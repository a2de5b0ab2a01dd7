"""The trace model: items (requirements, procedures, systems, ordinance provisions …) and their links to
provisions of laws.

A :class:`TraceItem` is anything that depends on the text of a law: a requirement of a 標準仕様書, a procedure of
the 悉皆調査, an information system, an article of a municipal ordinance. Each carries an ``id``, a ``kind``
(:data:`ITEM_KINDS` or any other word), a ``title``, free ``attributes`` (所管府省庁, 手続類型, system …), where it
came from (:class:`Provenance`: file, row or line, edition) and its :class:`Link` s.

A :class:`Link` names a provision of a law — the law by LawID, law number or title, the provision by a citation
(「第二十七条第二項」, 「第27条第1項、第27条第2項」) or an e-Gov path — with the link kind (:data:`LINK_KINDS`:
根拠, 参照, 委任, 準用 …) and, when someone reviewed it, the provision's fingerprint and the law version at that
time. The fingerprint is what makes a link *suspect* once the text changes (Doorstop's semantics, at provision
granularity; see :mod:`lawcode.impact.links`).

Rows that cannot become a link (no law named, an empty 根拠条項号) go to :attr:`Trace.unlinked` with the reason,
so nothing an importer reads is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator

from lawcode.errors import TraceError

__all__ = ["ITEM_KINDS", "LINK_KINDS", "FORMAT", "Provenance", "Link", "TraceItem", "Unlinked", "Trace"]

#: The item kinds lawcode's importers produce (others are allowed: a kind is a free word).
ITEM_KINDS: dict[str, str] = {
    "requirement": "a requirement (機能要件, a team's own rule) that rests on provisions",
    "procedure": "an administrative procedure (手続) with its legal basis (根拠条項号)",
    "system": "an information system (業務システム)",
    "ordinance_provision": "an article of an ordinance (条例・規則) that cites national law",
}
#: Link kinds with their meaning (free words are allowed too).
LINK_KINDS: dict[str, str] = {
    "根拠": "the item rests on the provision (legal basis)",
    "参照": "the item mentions the provision",
    "委任": "the provision delegates to the item (政令・省令・条例で定める)",
    "準用": "the item applies the provision mutatis mutandis",
    "定義": "the item uses a term the provision defines",
}
#: Name and version of the trace file format (YAML/JSON ``format`` key; see docs/trace-schema.json).
FORMAT = "lawcode-trace/1"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an item was read: ``file``, ``row`` (1-based data row of a table) or ``line`` (1-based line of a
    text), and the ``edition`` of the source (spec 版, survey date)."""

    file: str | None = None
    row: int | None = None
    line: int | None = None
    edition: str | None = None

    def __str__(self) -> str:
        where = self.file or "?"
        if self.row is not None:
            where += f" row {self.row}"
        if self.line is not None:
            where += f":{self.line}"
        return where

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in (("file", self.file), ("row", self.row), ("line", self.line),
                                  ("edition", self.edition)) if v is not None}


@dataclass(frozen=True, slots=True)
class Link:
    """A link from an item to a provision (see the module docstring).

    ``law``: LawID, law number or title; ``address``: citation or e-Gov path (several provisions are allowed:
    「第77条第１項、第77条第２項」); ``kind``: :data:`LINK_KINDS` or another word; ``fingerprint``: the provision's
    :attr:`~lawcode.model.provision.Provision.fingerprint` when reviewed; ``law_version``: the law version the
    address was written against — ``"old"``/``"new"`` relative to a diff, ``"current"`` (the text in force
    when the source was made, i.e. the newer of two versions) or a free note (then treated as the old
    version); ``note``: free text.
    """

    law: str
    address: str
    kind: str = "根拠"
    fingerprint: str | None = None
    law_version: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"law": self.law, "address": self.address, "kind": self.kind}
        for k in ("fingerprint", "law_version", "note"):
            v = getattr(self, k)
            if v is not None:
                out[k] = v
        return out

    def __str__(self) -> str:
        return f"{self.law} {self.address}"


@dataclass(slots=True)
class TraceItem:
    """One traced item (see the module docstring)."""

    id: str
    kind: str
    title: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "title": self.title}
        if self.attributes:
            out["attributes"] = dict(self.attributes)
        out["links"] = [link.to_dict() for link in self.links]
        prov = self.provenance.to_dict()
        if prov:
            out["provenance"] = prov
        return out


@dataclass(frozen=True, slots=True)
class Unlinked:
    """A source row that could not become a linked item: its ``id`` (or row number), ``title``, the ``text``
    that was to be read as a link (may be empty), the ``reason`` and where it was read."""

    id: str
    title: str
    text: str
    reason: str
    provenance: Provenance = field(default_factory=Provenance)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "text": self.text, "reason": self.reason,
                "provenance": self.provenance.to_dict()}


class Trace:
    """A set of :class:`TraceItem` (unique ids) plus the :class:`Unlinked` rows met while importing them.

    ``trace["REQ-001"]`` gets an item; ``a + b`` merges two traces (ids must not clash); ``len`` counts
    items. Build one with the importers of :mod:`lawcode.impact.formats` and :mod:`lawcode.impact.importers`.
    """

    def __init__(self, items: Iterable[TraceItem] = (), unlinked: Iterable[Unlinked] = ()) -> None:
        self._items: dict[str, TraceItem] = {}
        self.unlinked: list[Unlinked] = list(unlinked)
        for item in items:
            self.add(item)

    def add(self, item: TraceItem) -> None:
        """Add *item*; raises :class:`~lawcode.errors.TraceError` when its id is taken or it has none."""
        if not isinstance(item, TraceItem):
            raise TraceError(f"a Trace holds TraceItem objects, not {type(item).__name__}")
        if not item.id:
            raise TraceError("an item needs an id", where=str(item.provenance))
        if item.id in self._items:
            first = self._items[item.id].provenance
            raise TraceError(f"duplicate item id {item.id!r} (first at {first})", where=str(item.provenance))
        self._items[item.id] = item

    def __getitem__(self, item_id: str) -> TraceItem:
        try:
            return self._items[item_id]
        except KeyError:
            raise TraceError(f"no item with id {item_id!r}", where=item_id) from None

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def __iter__(self) -> Iterator[TraceItem]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __add__(self, other: "Trace") -> "Trace":
        if not isinstance(other, Trace):
            return NotImplemented
        return Trace([*self, *other], [*self.unlinked, *other.unlinked])

    def links(self) -> Iterator[tuple[TraceItem, Link]]:
        """Every (item, link) pair, in item order."""
        for item in self._items.values():
            for link in item.links:
                yield item, link

    def counts(self) -> Counter[str]:
        """Items per kind."""
        return Counter(i.kind for i in self._items.values())

    def with_links(self, law_version: str) -> "Trace":
        """A copy whose links all say they were written against *law_version* (e.g. ``"current"``)."""
        items = [TraceItem(i.id, i.kind, i.title, dict(i.attributes),
                           [replace(k, law_version=law_version) for k in i.links], i.provenance) for i in self]
        return Trace(items, self.unlinked)

    def to_dict(self) -> dict[str, Any]:
        """The trace in the documented file format (``format``, ``items``, ``unlinked``)."""
        return {"format": FORMAT, "items": [i.to_dict() for i in self],
                "unlinked": [u.to_dict() for u in self.unlinked]}

    def __repr__(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.counts().items()))
        return f"<Trace {len(self)} items ({kinds or 'none'}), {len(self.unlinked)} unlinked>"
