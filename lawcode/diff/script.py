"""The element-level edit script that lets a :class:`~lawcode.diff.LawDiff` rebuild the new version.

The script mirrors the alignment: for every pair of aligned elements whose subtrees are not canonically
equal it keeps one :class:`ElementEdit` — the new attributes (when they differ), the new text (when it
differs) and, when the children differ, the new child list as a sequence of :class:`Keep` (an old child,
possibly edited itself, with its new tail) and :class:`Insert` (a copy of a new subtree). Whatever the
alignment could not express more finely (an element with no counterpart) is therefore carried whole, so
the script can always reproduce the new document: attributes such as ``Delete``/``Hide``/``LawId``,
metadata elements, comments and element order included.

"Equal" is meant canonically (:func:`lawcode.canonical_xml`): whitespace-only text between elements and
attribute order are serialisation, not content, and are left as they are in the old document.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TypeAlias, Union

from lxml import etree

from lawcode.errors import DiffError

__all__ = ["KEEP", "ElementEdit", "Keep", "Insert", "DocumentEdit", "apply_document"]

_E: TypeAlias = etree._Element


class _KeepType:
    """Sentinel: leave this text or tail as it is in the old document."""

    _instance: "_KeepType | None" = None

    def __new__(cls) -> "_KeepType":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "KEEP"

    def __reduce__(self) -> str:
        return "KEEP"


KEEP = _KeepType()
TextValue: TypeAlias = Union[str, None, _KeepType]


@dataclass(slots=True)
class Keep:
    """Keep old child number ``index`` (checked to be a ``tag`` element), apply ``edit`` to it (if any) and
    give it the new ``tail`` (unless :data:`KEEP`)."""

    index: int
    tag: object
    edit: "ElementEdit | None" = None
    tail: TextValue = KEEP


@dataclass(slots=True)
class Insert:
    """Insert a copy of ``element`` (a subtree of the new version, tail included)."""

    element: _E


ChildOp: TypeAlias = Union[Keep, Insert]


@dataclass(slots=True)
class ElementEdit:
    """How one old element becomes its new counterpart.

    ``attrib``: the new attributes in document order, or ``None`` when they are equal (as a set);
    ``text``: the new text or :data:`KEEP`; ``children``: the new child list, or ``None`` when the children
    are the old ones in the same order (then ``edits`` lists ``(index, edit, tail)`` for those that change).
    """

    attrib: list[tuple[str, str]] | None = None
    text: TextValue = KEEP
    children: list[ChildOp] | None = None
    edits: list[Keep] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self.attrib is None and self.text is KEEP and self.children is None and not self.edits


@dataclass(slots=True)
class DocumentEdit:
    """The edit of a whole document: the root element's edit, plus the nodes around the root (comments and
    processing instructions before and after ``<Law>``) when they differ."""

    root: ElementEdit | None
    prolog: list[_E] | None = None
    epilog: list[_E] | None = None

    def is_empty(self) -> bool:
        return (self.root is None or self.root.is_empty()) and self.prolog is None and self.epilog is None


def apply_document(edit: DocumentEdit, root: _E) -> None:
    """Apply *edit* in place to the writable ``<Law>`` element *root* (a draft's copy of the old version)."""
    if edit.root is not None:
        _apply(edit.root, root, "Law")
    if edit.prolog is not None:
        for node in _siblings(root, before=True):
            _drop(node)
        for node in edit.prolog:
            root.addprevious(copy.deepcopy(node))
    if edit.epilog is not None:
        for node in _siblings(root, before=False):
            _drop(node)
        for node in reversed(edit.epilog):
            root.addnext(copy.deepcopy(node))


def _siblings(root: _E, before: bool) -> list[_E]:
    out = []
    node = root.getprevious() if before else root.getnext()
    while node is not None:
        out.append(node)
        node = node.getprevious() if before else node.getnext()
    return out


def _drop(node: _E) -> None:
    """Remove a comment or processing instruction that sits beside the root element."""
    holder = etree.Element("_")
    holder.append(node)  # moving it into a scratch element unlinks it from the document


def _apply(edit: ElementEdit, e: _E, where: str) -> None:
    if edit.attrib is not None:
        e.attrib.clear()
        for k, v in edit.attrib:
            e.set(k, v)
    if edit.text is not KEEP:
        e.text = edit.text
    if edit.children is None:
        if edit.edits:
            kids = list(e)
            for kept in edit.edits:
                _keep(kept, kids, e, where)
        return
    kids = list(e)
    new: list[_E] = []
    for op in edit.children:
        if isinstance(op, Insert):
            new.append(copy.deepcopy(op.element))
        else:
            new.append(_keep(op, kids, e, where))
    for c in kids:
        e.remove(c)
    e.extend(new)


def _keep(op: Keep, kids: list[_E], parent: _E, where: str) -> _E:
    if op.index >= len(kids) or kids[op.index].tag != op.tag:
        found = kids[op.index].tag if op.index < len(kids) else "nothing"
        raise DiffError(
            f"the law differs from the diff's old version: expected <{_name(op.tag)}> as child {op.index + 1} "
            f"of <{parent.tag}>, found {_name(found)}",
            where=where,
        )
    c = kids[op.index]
    if op.edit is not None:
        _apply(op.edit, c, f"{where}/{_name(op.tag)}[{op.index + 1}]")
    if op.tail is not KEEP:
        c.tail = op.tail
    return c


def _name(tag: object) -> str:
    return tag if isinstance(tag, str) else "comment or processing instruction"
