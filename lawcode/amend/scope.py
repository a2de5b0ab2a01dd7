"""Which 改正規定 of an amending text to apply (段階施行, staged enforcement).

The forms are those of ``../shared/corpus/amendments/INDEX.tsv``: ``all`` (or ``None``), ``article:第七十三条``
(only that 条 of the amending law), ``only:<provisions>`` (only the operations whose target lies in these
provisions of the amended law, 「、」-separated) and ``except:<provisions>`` (all others). :class:`Scope` is the
Python equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcode.amend.document import Part, normalize_title
from lawcode.amend.operations import (
    Add, AddSentence, AttachCaption, Delete, DeletePhrase, InsertPhrase, Operation, Range, Renumber,
    ReplacePhrase, ReplaceWhole, SetText, Shift, Target,
)
from lawcode.amend.parse import parse_locations
from lawcode.errors import AmendError, LawcodeError

__all__ = ["Scope", "StaticKey", "static_keys"]

#: A location as a tuple of (kind, number or label) pairs, anaphora resolved textually.
StaticKey = tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Scope:
    """A selection of 改正規定: ``kind`` is ``all``, ``article``, ``only`` or ``except``; ``value`` the amending
    law's 条 (for ``article``) or the provisions of the amended law (for ``only``/``except``)."""

    kind: str = "all"
    value: str = ""

    @classmethod
    def parse(cls, text: "str | Scope | None") -> "Scope":
        """Read the INDEX.tsv form; ``None``, ``""`` and ``"all"`` select everything."""
        if isinstance(text, Scope):
            return text
        if text is None or text.strip() in ("", "all"):
            return cls()
        if not isinstance(text, str):
            raise AmendError(f"scope must be a string or a Scope, got {type(text).__name__}", where="scope")
        kind, sep, value = text.strip().partition(":")
        if not sep or kind not in ("article", "only", "except") or not value.strip():
            raise AmendError(f"unknown scope {text!r}: use all, article:第N条, only:<provisions> or "
                             "except:<provisions>", where="scope")
        scope = cls(kind, value.strip())
        if kind != "article":
            scope.provisions()  # fail early on an unreadable list
        return scope

    @classmethod
    def only(cls, provisions: str) -> "Scope":
        return cls.parse("only:" + provisions)

    @classmethod
    def excluding(cls, provisions: str) -> "Scope":
        return cls.parse("except:" + provisions)

    @classmethod
    def article(cls, article: str) -> "Scope":
        return cls("article", article)

    def provisions(self) -> list[StaticKey]:
        """The listed provisions as static keys."""
        try:
            locs = parse_locations(self.value)
        except LawcodeError as exc:
            raise AmendError(f"cannot read the provisions of scope {self.kind}:{self.value}: {exc}",
                             where="scope") from None
        return [key for loc in locs for key in static_keys(loc, {})]

    def selects_part(self, part: Part) -> bool:
        if self.kind != "article":
            return True
        return part.article is not None and normalize_title(part.article) == normalize_title(self.value)

    def selects(self, keys: list[StaticKey], provisions: list[StaticKey]) -> bool:
        """Whether an operation with these target keys is selected (``provisions`` from :meth:`provisions`)."""
        if self.kind in ("all", "article"):
            return True
        inside = any(key[:len(p)] == p for key in keys for p in provisions if key)
        return inside if self.kind == "only" else not inside


def static_keys(target: Target, last: dict[str, StaticKey]) -> list[StaticKey]:
    """Keys of *target* with 同条/同項 resolved from *last* (updated in place)."""
    if isinstance(target, Range):
        return static_keys(target.start, last)
    key: list[tuple[str, object]] = []
    for step in target.steps:
        kind = "Subitem" if step.kind.startswith("Subitem") else step.kind
        if step.anaphor:
            key = list(last.get(kind, ()))
            continue
        if kind == "Paragraph" and not key and "Article" in last:
            key = list(last["Article"])
        if kind == "Item" and not key:
            key = list(last.get("Paragraph", last.get("Article", ())))
        key.append((kind, step.number or step.key))
        last[kind] = tuple(key)
        if kind == "Article":
            last.pop("Paragraph", None)
    return [tuple(key)]


def operation_targets(op: Operation) -> list[Target]:
    """The locations an operation acts on (for scopes and for the ハネ check)."""
    if isinstance(op, (ReplacePhrase, DeletePhrase, InsertPhrase, Delete, ReplaceWhole)):
        return list(op.targets)
    if isinstance(op, Shift):
        return [op.target] if op.target is not None else []
    if isinstance(op, (SetText, AttachCaption, AddSentence, Renumber)):
        return [op.target]
    if isinstance(op, Add):
        return [op.target] if op.target is not None else []
    return []
