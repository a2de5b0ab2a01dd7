"""Defined terms (定義語) of a law, where each is defined, its scope, and the provisions that use it.

Three drafting forms are read (in every provision's own text, in document order — the same regions as
:func:`lawcode.refs.scan.own_regions`):

* ``「個人情報」とは、…をいう。`` — a definition sentence; its scope is given in front of it in the same
  sentence (「この法律において」, 「この章において」, 「この条において」 …) and is the whole law otherwise;
* the 定義 article whose paragraph says 「次の各号に掲げる用語の意義は、当該各号に定めるところによる」: each item
  starts with the term (「一　個人情報　生きている個人に関する情報…」), scope again from the paragraph's opening;
* ``以下「法」という`` — a short name; 「以下この条において「X」という」 limits it to the article (章, 節, 項 alike).
  A short name applies from its definition onwards.

The impact analysis needs "this definition changed — who uses it": :attr:`Definition.users` lists every
provision inside the scope whose own text contains the term outside 「」 (longer terms win: 保有個人情報 is not
a use of 個人情報).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lawcode.errors import LawcodeError
from lawcode.model.tags import TAG_OF_UNIT
from lawcode.refs.scan import own_regions

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law
    from lawcode.model.provision import Provision

__all__ = ["Definition", "definitions"]

_LEVEL: dict[str, str | None] = {"法律": None, "条例": None, "政令": None, "省令": None, "府令": None, "規則": None,
                                 "命令": None, **TAG_OF_UNIT, "附則": "SupplProvision"}
_SCOPE_WORDS = "法律|条例|政令|省令|府令|規則|命令|附則|編|章|節|款|目|条|項|号"
_MEANS = re.compile("「([^「」]{1,40})」とは")
_SCOPE_BEFORE = re.compile(f"(?:この|本)({_SCOPE_WORDS})(?:[^。]*?)において")
_SHORT = re.compile(f"以下(?:(?:この|本)({_SCOPE_WORDS})(?:[^「」。]*?)において)?(?:単に)?「([^「」]{{1,40}})」という")
_ITEM_LIST = re.compile("各号に掲げる用語の意義")
_ITEM_TERM = re.compile("^[^\u3000]*\u3000([^\u3000、。]{1,40})\u3000")


@dataclass(frozen=True, slots=True)
class Definition:
    """One defined term.

    ``term``: the word as defined; ``source``: path of the defining provision; ``span``: the term's
    position in ``law.find(source).text()``; ``form``: ``"means"`` (「X」とは…をいう), ``"item"`` (an item of a
    定義 article) or ``"short_name"`` (以下「X」という); ``scope``: the level the definition applies to
    (``"law"``, ``"Chapter"``, ``"Article"``, ``"Paragraph"`` …) and ``scope_path`` the path of that provision
    (``None`` for the whole law); ``users``: paths of the provisions inside the scope whose text uses the term
    (the defining provision included when it uses the term again after defining it).
    """

    term: str
    source: str
    span: tuple[int, int]
    form: str
    scope: str
    scope_path: str | None
    users: tuple[str, ...] = ()


def _scope_of(p: "Provision", word: str | None) -> tuple[str, str | None]:
    level = _LEVEL.get(word) if word else None
    if level is None:
        for a in p.ancestors():  # in an 改正附則, 「この法律」 and 「以下」 belong to the amending law
            if a.tag == "SupplProvision" and a.element.get("AmendLawNum"):
                return "SupplProvision", a.path
        return "law", None
    for a in (p, *p.ancestors()):
        if a.tag == level:
            return level, a.path
    return "law", None


def _sentence_start(text: str, start: int, pos: int) -> int:
    k = text.rfind("。", start, pos)
    return start if k < 0 else k + 1


def definitions(law: "Law") -> list[Definition]:
    """The defined terms of *law* in document order, each with its scope and the provisions that use it."""
    from lawcode.model.law import Law

    if not isinstance(law, Law):
        raise LawcodeError(f"definitions() takes a lawcode.Law, got {type(law).__name__}")
    regions = list(own_regions(law))
    found: list[tuple[Definition, int]] = []  # with the document index of the defining provision
    list_scope: dict[str, tuple[str, str | None]] = {}  # paragraph path → scope, for 定義 articles with items
    for p, text, start, end in regions:
        if p.tag == "Article":
            continue
        for m in _MEANS.finditer(text, start, end):
            head = text[_sentence_start(text, start, m.start()):m.start()]
            sm = _SCOPE_BEFORE.search(head)
            scope, scope_path = _scope_of(p, sm.group(1) if sm else None)
            found.append((Definition(m.group(1), p.path or "", (m.start(1), m.end(1)), "means", scope,
                                     scope_path), -1))
        for m in _SHORT.finditer(text, start, end):
            scope, scope_path = _scope_of(p, m.group(1))
            found.append((Definition(m.group(2), p.path or "", (m.start(2), m.end(2)), "short_name", scope,
                                     scope_path), p.index))
        if p.tag == "Paragraph" and _ITEM_LIST.search(text, start, end):
            sm = _SCOPE_BEFORE.search(text, start, end)
            list_scope[p.path or ""] = _scope_of(p, sm.group(1) if sm else None)
        if p.tag == "Item" and p.parent is not None and (p.parent.path or "") in list_scope:
            im = _ITEM_TERM.match(text, start, end)
            if im is not None and not _MEANS.search(text, start, end):
                scope, scope_path = list_scope[p.parent.path or ""]
                found.append((Definition(im.group(1), p.path or "", (im.start(1), im.end(1)), "item", scope,
                                         scope_path), -1))
    if not found:
        return []
    terms = sorted({d.term for d, _ in found}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    users: dict[str, list["Provision"]] = {t: [] for t in terms}
    for p, text, start, end in regions:
        seen: set[str] = set()
        for m in pattern.finditer(text, start, end):
            term = m.group()
            if term in seen or _quoted(text, start, m.start()):
                continue
            seen.add(term)
            users[term].append(p)
    out: list[Definition] = []
    for d, after in found:
        inside = []
        for p in users[d.term]:
            if after >= 0 and p.index < after:
                continue
            if d.scope_path is not None and not (p.path == d.scope_path or (p.path or "").startswith(d.scope_path + "-")):
                continue
            if p.path == d.source and d.form != "short_name":
                continue
            inside.append(p.path or "")
        out.append(Definition(d.term, d.source, d.span, d.form, d.scope, d.scope_path, tuple(dict.fromkeys(inside))))
    return out


def _quoted(text: str, start: int, pos: int) -> bool:
    """Whether *pos* is inside 「」 (counted from the region start)."""
    return text.count("「", start, pos) > text.count("」", start, pos)
