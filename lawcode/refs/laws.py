"""Naming other laws: what a law-name prefix, a law number, 同法 or 法/令 in a mention refers to.

Statutes name another law once with its number, 「民事執行法（昭和五十四年法律第四号）」, often defining a short
name in the same parenthesis (「以下「法」という。」), and afterwards write the bare name, the short name or 同法.
A 施行令 writes 「法」 for the law it implements and a 施行規則 writes 「法」 and 「令」 for the law and its 施行令,
without any declaration: the parent is read from the title (「X法施行令」 → X法).

:class:`LawNames` keeps that state while the scanner reads one law in document order. Identities come from the
e-Gov law list (:func:`lawcode.refs.lawindex.lookup_law`, reached through :func:`lookup` so that this module
still works when the index is unavailable); a law the list does not know is identified by its title, or by
its number when no title was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lawcode.errors import LawcodeError
from lawcode.refs.lawindex import LawEntry, lookup_law, number_key

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["LawRef", "LawNames", "lookup", "number_key", "parent_titles"]


@dataclass(frozen=True, slots=True)
class LawRef:
    """A cited law: ``key`` is what :attr:`Reference.target_law` shows (LawID when known, else title, else
    number key); ``title`` and ``number`` (canonical number key, ``昭和54年法律第4号``) when known."""

    key: str
    title: str | None = None
    number: str | None = None


@lru_cache(maxsize=32768)
def lookup(title_or_number: str) -> LawEntry | None:
    """The law-list entry (``law_id``, ``title``, ``law_num``, ``law_type``) for a title or number, or ``None``.

    Cached: the list never changes, and the same laws are cited by law after law."""
    try:
        return lookup_law(title_or_number)
    except LawcodeError:
        return None


_PARENT = re.compile(r"^(.+?)(施行令|施行規則|施行細則|施行規程)$")


def parent_titles(title: str | None) -> dict[str, str]:
    """The implicit names of a 施行令/施行規則: 「X法施行令」 → {法: X法}; 「X法施行規則」 → {法: X法, 令: X法施行令};
    「X条例施行規則」 → {条例: X条例}. Empty for other titles."""
    if not title:
        return {}
    m = _PARENT.match(title.strip())
    if m is None:
        return {}
    parent, kind = m.group(1), m.group(2)
    out: dict[str, str] = {}
    if parent.endswith("条例"):
        out["条例"] = parent
    elif parent.endswith(("法", "法律")):
        out["法"] = parent
        if kind != "施行令":
            out["令"] = parent + "施行令"
    return out


@lru_cache(maxsize=16384)
def _known(title: str) -> bool:
    """Whether the law list knows a law of this exact title."""
    return lookup(title) is not None


@lru_cache(maxsize=16384)
def _identify(number: str | None, title: str | None) -> LawRef:
    """A law-list look-up shared by all laws read in the process (the list never changes)."""
    number_key_ = number_key(number) if number else None
    entry = lookup(number) if number else None
    if entry is None and title:
        entry = lookup(title)
    if entry is not None:
        return LawRef(entry.law_id or entry.title, title or entry.title, number_key(entry.law_num) or number_key_)
    return LawRef(title or number_key_ or number or "?", title, number_key_)


class LawNames:
    """Which law each name means, as declared so far in the law being read (document order)."""

    def __init__(self, law: "Law") -> None:
        self.declared: dict[str, LawRef] = {}
        self.aliases: dict[str, LawRef] = {}
        self.last: LawRef | None = None
        self.own_number = law.law_number.key if law.law_number is not None else None
        self._law_num = law.law_num
        self._own_key: str | None = law.law_id
        self.own_title = (law.title or "").strip() or None
        self.implicit = {short: self.by_title(title) for short, title in parent_titles(law.title).items()}

    @property
    def own_key(self) -> str | None:
        """The LawID of the law being read (looked up on first use: most laws never need it)."""
        if self._own_key is None and self._law_num:
            entry = lookup(self._law_num)
            self._own_key = (entry.law_id if entry is not None else None) or ""
        return self._own_key or None

    def identify(self, number: str | None = None, title: str | None = None) -> LawRef:
        """The law with this number and/or title (the number wins: titles change, numbers do not)."""
        return _identify(number, title)

    def by_title(self, title: str) -> LawRef:
        return self.identify(None, title)

    def is_self(self, ref: LawRef) -> bool:
        """Whether *ref* is the law being read (a law citing itself by name or number)."""
        return (
            (self.own_number is not None and ref.number == self.own_number)
            or (ref.number is None and self.own_key is not None and ref.key == self.own_key)
            or (self.own_title is not None and ref.key == self.own_title)
        )

    def declare(self, name: str | None, ref: LawRef, alias: str | None = None) -> None:
        if name:
            self.declared[name] = ref
        if alias:
            self.aliases[alias] = ref
        self.last = ref

    def named(self, text_before: str, run: str) -> tuple[LawRef | None, int, str | None]:
        """Resolve a name that ends where *text_before* ends; *run* is the kanji/katakana run before the end.

        Returns the law (``None`` when unknown), the length of the name in the text, and a reason when the
        law could not be identified.
        """
        if run in self.aliases:
            return self.aliases[run], len(run), None
        if run in ("同法", "同令", "同規則", "同条例", "同法律"):
            if self.last is None:
                return None, len(run), f"「{run}」 without a law cited before it"
            return self.last, len(run), None
        if self.own_title and len(self.own_title) > len(run) and text_before.endswith(self.own_title):
            return LawRef(self.own_key or self.own_title, self.own_title, self.own_number), len(self.own_title), None
        best = ""
        for name in self.declared:
            if len(name) > len(best) and text_before.endswith(name):
                best = name
        for name in self.aliases:
            if len(name) > len(best) and text_before.endswith(name) and len(name) <= len(run):
                best = name
        if best:
            return (self.declared.get(best) or self.aliases[best]), len(best), None
        if run in self.implicit:
            return self.implicit[run], len(run), None
        if run in ("法", "令", "規則", "条例", "法律"):
            return None, len(run), f"「{run}」 is not defined in this law"
        if _known(run):
            return self.by_title(run), len(run), None
        for k in range(1, len(run) - 2):  # 「第一条中公営住宅法施行令」: a word glued to the front of the title
            if _known(run[k:]):
                return self.by_title(run[k:]), len(run) - k, None
        return self.by_title(run), len(run), None
