"""``amend`` and ``parse_amendment``: the public entry points, and the :class:`Amendment` result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from lawcode.amend.apply import Applier, LogEntry
from lawcode.amend.document import Part, SentenceText, normalize_title, split_parts
from lawcode.amend.locate import label_of
from lawcode.amend.operations import Operation
from lawcode.amend.parse import parse_sentence
from lawcode.amend.scope import Scope, StaticKey, operation_targets, static_keys
from lawcode.errors import AmendError, LawcodeError, ParseError, wrong_type
from lawcode.model.law import Law
from lawcode.model.nodes import wrap
from lawcode.model.provision import Provision
from lawcode.model.tags import CONTAINER_TAGS, SUBITEM_TAGS
from lawcode.text.lawnum import parse_law_number

if TYPE_CHECKING:
    from lawcode.amend.dangling import Dangling

__all__ = ["Amendment", "Move", "ParsedPart", "amend", "parse_amendment", "parse_parts"]

_TRACKED = ("Article", "Paragraph", "Item", "AppdxTable") + SUBITEM_TAGS + CONTAINER_TAGS


@dataclass(frozen=True)
class ParsedPart:
    """One amended law's sentences with their operations (``part`` says which law and where)."""

    part: Part
    sentences: tuple[tuple[SentenceText, tuple[Operation, ...]], ...]

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for _, ops in self.sentences for op in ops)


@dataclass(frozen=True)
class Move:
    """A provision the amendment renumbered, moved, replaced or deleted: e-Gov paths and Japanese labels before
    and after (``new_path``/``new_label`` are ``None`` when it was deleted)."""

    old_path: str
    new_path: str | None
    old_label: str
    new_label: str | None


@dataclass(frozen=True)
class Amendment:
    """The result of :func:`amend`.

    ``law`` is the new version; ``operations`` the operations applied (in order) and ``skipped`` those left
    out by the scope; ``log`` says what each applied operation did; ``lineage`` maps each provision the
    amendment renumbered, moved or deleted (:class:`Move`: old path and label → new ones, ``None`` when deleted)
    — what a ハネ改正 check needs to find the references that now point elsewhere.
    """

    base: Law
    law: Law
    operations: tuple[Operation, ...]
    log: tuple[LogEntry, ...]
    lineage: tuple[Move, ...]
    skipped: tuple[Operation, ...] = field(default=())

    def moved(self) -> dict[str, str | None]:
        """Lineage as a mapping old path → new path (``None`` for deleted provisions)."""
        return {m.old_path: m.new_path for m in self.lineage}

    def dangling(self, graph: object = None) -> "list[Dangling]":
        """The ハネ改正 check: references (in the new law and, given a :func:`lawcode.citation_graph` of other
        laws, in them) whose target this amendment renumbered or deleted and which it did not update, each with
        the source provision, the reference text and the suggested fix. See :mod:`lawcode.amend.dangling`."""
        from lawcode.amend.dangling import dangling

        return dangling(self, graph)

    def explain(self) -> str:
        """The log as text, one line per operation (what ``lawcode amend --explain`` prints)."""
        lines = []
        for entry in self.log:
            where = f"[{entry.operation.span}] " if entry.operation.span else ""
            lines.append(f"{where}{entry}")
        for op in self.skipped:
            where = f"[{op.span}] " if op.span else ""
            lines.append(f"{where}{op.verb}: 範囲外のため適用せず")
        return "\n".join(lines)


def parse_parts(text: str, *, source: str = "<amendment>") -> list[ParsedPart]:
    """The amending *text* cut into parts (one per amended law), each sentence parsed into operations."""
    if not isinstance(text, str):
        raise wrong_type(ParseError)(f"amendment text must be str, got {type(text).__name__}", source=source)
    out = []
    for part in split_parts(text):
        sentences = []
        for s in part.sentences:
            ops = parse_sentence(s.text, span=s.span, text=s.body, text_line=s.body_line, source=source)
            sentences.append((s, tuple(ops)))
        out.append(ParsedPart(part, tuple(sentences)))
    return out


def parse_amendment(text: str, *, source: str = "<amendment>") -> list[Operation]:
    """The typed operations of an amending *text*, in order, each with the span of its sentence.

    Raises :class:`~lawcode.errors.ParseError` with line, column and the sentence when a sentence does not
    follow the grammar of 改め文.
    """
    return [op for p in parse_parts(text, source=source) for op in p.operations]


def _same_law(part: Part, base: Law) -> bool:
    if part.title is None and part.law_num is None:
        return True
    if part.law_num and base.law_num:
        try:
            if parse_law_number(part.law_num) == parse_law_number(base.law_num):
                return True
        except LawcodeError:
            if normalize_title(part.law_num) == normalize_title(base.law_num):
                return True
    return bool(part.title and base.title and normalize_title(part.title) == normalize_title(base.title))


def _provisions_in_draft(base: Law, draft_root: etree._Element) -> list[tuple[etree._Element, str, str]]:
    """(draft element, old path, old label) for every provision of *base* (the draft is a copy: the two
    trees have the same shape, so walking them together pairs each element with its copy)."""
    copy_of = dict(zip(base.root.element.iter(), draft_root.iter(), strict=True))
    out = []
    for p in base.provisions():
        if p.path and p.tag in _TRACKED:
            out.append((copy_of[p.element], p.path, p.label or label_of(copy_of[p.element])))
    return out


def _provision_at(law: Law, e: etree._Element) -> Provision | None:
    """The indexed provision of *law* for element *e* (``None`` if *e* is not a provision)."""
    node = wrap(e, law)
    return node if isinstance(node, Provision) and node.path else None


def _attached(e: etree._Element, body: etree._Element) -> bool:
    """Whether *e* is still in the tree under *body* (lxml keeps removed elements in their document)."""
    node: etree._Element | None = e
    while node is not None:
        if node is body:
            return True
        node = node.getparent()
    return False


def amend(base: Law, text: str, scope: "str | Scope | None" = None, *, source: str = "<amendment>") -> Amendment:
    """Apply the amending *text* to *base* and return the :class:`Amendment` (``.law`` is the new version).

    Only the parts of *text* that amend *base* (by title or law number) are applied; *scope* selects the
    改正規定 in force (see :class:`~lawcode.amend.scope.Scope`). Atomic: on any failure
    :class:`~lawcode.errors.AmendError` is raised naming the sentence, the operation, the target and why, and
    *base* is unchanged.
    """
    if not isinstance(base, Law):
        raise wrong_type(AmendError)(f"amend() takes a Law, got {type(base).__name__}", where="amend()")
    if not isinstance(text, str):
        raise wrong_type(AmendError)(f"the amendment text must be str, got {type(text).__name__}", where="amend()")
    chosen = Scope.parse(scope)
    provisions = chosen.provisions() if chosen.kind in ("only", "except") else []
    try:
        parts = parse_parts(text, source=source)
    except ParseError as exc:
        raise AmendError(exc.reason, where=exc.where) from None
    mine = [p for p in parts if _same_law(p.part, base) and chosen.selects_part(p.part)]
    if not mine:
        named = "、".join(sorted({p.part.title or "?" for p in parts})) or "no law"
        raise AmendError(f"the text does not amend 「{base.title}」 (it amends {named})"
                         + (f" in scope {chosen.kind}:{chosen.value}" if chosen.kind == "article" else ""),
                         where=source)
    draft = base.draft()
    body = draft.root.find("LawBody")
    if body is None:
        raise AmendError("the law has no <LawBody>", where=source)
    before = _provisions_in_draft(base, draft.root)
    applied: list[Operation] = []
    skipped: list[Operation] = []
    log: list[LogEntry] = []
    replaced: dict[etree._Element, etree._Element] = {}
    for parsed in mine:
        applier = Applier(body, source=source)
        last: dict[str, StaticKey] = {}
        for _sentence, ops in parsed.sentences:
            selected: list[Operation] = []
            for op in ops:
                keys = [k for t in operation_targets(op) for k in static_keys(t, last)]
                (selected if chosen.selects(keys, provisions) else skipped).append(op)
            if selected:
                applier.apply_sentence(selected)
                applied.extend(selected)
        log.extend(applier.log)
        replaced.update(applier.replaced)
    new_law = draft.commit()
    lineage: list[Move] = []
    for e, old_path, old_label in before:
        follow = replaced.get(e, e)
        if not _attached(follow, body):
            lineage.append(Move(old_path, None, old_label, None))
            continue
        p = _provision_at(new_law, follow)
        if p is None or p.path != old_path:
            lineage.append(Move(old_path, p.path if p else None, old_label, p.label if p else None))
    return Amendment(base, new_law, tuple(applied), tuple(log), tuple(lineage), tuple(skipped))
