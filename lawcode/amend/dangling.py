"""ハネ改正 check: references that an amendment left pointing at a renumbered or deleted provision.

Renumbering changes numbers only — never the text that cites them (domain.md §3.8) — so every reference to a
provision the amendment moved or deleted must be amended explicitly, in the same amending law. This module
lists those that were not: each reference of the **old** law whose target moved or disappeared, and whose
holding provision in the new law still cites it with the same words without reaching the new place. With a
citation graph of other laws it also lists their references to the moved provisions (other laws are not
changed by this amendment, so each of them is a candidate).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lawcode.errors import AmendError, LawcodeError
from lawcode.refs import RefKind, references
from lawcode.refs.graph import law_key

if TYPE_CHECKING:
    from lawcode.amend.amendment import Amendment, Move

__all__ = ["Dangling", "dangling"]

_CHECKED = (RefKind.ABSOLUTE, RefKind.RELATIVE)


@dataclass(frozen=True)
class Dangling:
    """One reference left behind: ``law`` (the law holding it; the amended law's key for its own text),
    ``source`` (e-Gov path of the holding provision, in the new numbering for the amended law) and
    ``source_label``; ``text`` the reference as written; ``targets`` the old paths it pointed to and
    ``suggestion`` the fix (「第十条」→「第十一条」, or that the cited provision was deleted)."""

    law: str
    source: str
    source_label: str
    text: str
    targets: tuple[str, ...]
    suggestion: str

    def __str__(self) -> str:
        return f"{self.source_label}: 「{self.text}」 — {self.suggestion}"


def _new_path(path: str, moved: dict[str, "Move"]) -> str | None:
    """Where the provision at old *path* is now (following the move of an enclosing provision)."""
    if path in moved:
        return moved[path].new_path
    parts = path.split("-")
    for k in range(len(parts) - 1, 0, -1):
        outer = "-".join(parts[:k])
        if outer in moved:
            m = moved[outer]
            return None if m.new_path is None else m.new_path + "-" + "-".join(parts[k:])
    return path


def _suggest(text: str, hit: list["Move"]) -> str:
    gone = [m for m in hit if m.new_path is None]
    if gone:
        return "the cited provision was deleted: " + "、".join(m.old_label for m in gone)
    if len(hit) == 1 and hit[0].new_label:
        old, new = hit[0].old_label, hit[0].new_label
        if text.endswith(old):  # 「第十条」, 「同法（…）第十条」: the number as written is the label
            return f"「{text}」→「{text[:len(text) - len(old)]}{new}」"
        return f"now {new} (was {old})"
    return "renumbered: " + "、".join(f"{m.old_label}→{m.new_label}" for m in hit)


def dangling(amendment: "Amendment", graph: Any = None) -> list[Dangling]:
    """The references *amendment* left pointing at a provision it renumbered or deleted (see the module doc).

    *graph* is an optional :func:`lawcode.citation_graph` of other laws; their references to the moved
    provisions of the amended law are listed too.
    """
    moved = {m.old_path: m for m in amendment.lineage}
    if not moved:
        return []
    base, new = amendment.base, amendment.law
    try:
        old_refs = references(base)
        new_refs = references(new)
    except LawcodeError as exc:
        raise AmendError(f"cannot read the references for the ハネ改正 check: {exc}", where="dangling()") from None
    now: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for r in new_refs:
        now.setdefault((r.source, r.text), []).append(r.targets)
    key = law_key(new)
    out: list[Dangling] = []
    for r in old_refs:
        if r.target_law is not None or r.kind not in _CHECKED:
            continue
        hit = [moved[t] for t in r.targets if t in moved]
        if not hit:
            continue
        source = _new_path(r.source, moved)
        if source is None:
            continue  # the citing provision itself was deleted
        expected = tuple(p for p in (_new_path(t, moved) for t in r.targets) if p is not None)
        still = now.get((source, r.text))
        if still is None:
            continue  # the citation was rewritten by the amendment
        collective = "各" in r.text  # 「次の各号」「前各項」: whatever items there are now
        if any(t == expected and (collective or len(expected) == len(r.targets)) for t in still):
            continue  # the same words now reach the new place (a relative reference that moved with it)
        try:
            label = new.find(source).label or source
        except LawcodeError:
            label = source
        out.append(Dangling(key, source, label, r.text, r.targets, _suggest(r.text, hit)))
    if graph is not None:
        names = {key, base.title or key, base.law_num or key, law_key(base)}
        out.extend(_other_laws(graph, key, names, moved))
    return out


def _other_laws(graph: Any, key: str, names: set[str], moved: dict[str, "Move"]) -> list[Dangling]:
    """References of other laws in *graph* (naming the amended law by any of *names*) to moved provisions."""
    out = []
    for src, dst, data in graph.edges(data=True):
        if data.get("target_law") not in names or str(src).startswith(key + "/"):
            continue
        path = graph.nodes[dst].get("path", "")
        hit = [moved[path]] if path in moved else []
        if not hit:
            continue
        node = graph.nodes[src]
        out.append(Dangling(str(node.get("law", "")), str(node.get("path", "")), str(node.get("label", "") or src),
                            str(data.get("text", "")), (path,), _suggest(str(data.get("text", "")), hit)))
    return out
