"""Link states against a diff: *ok*, *suspect*, *moved*, *broken*.

For a link to a provision of the diffed law (see :class:`~lawcode.impact.trace.Link`):

* the address is read in the version the link was written against — the old one, unless ``law_version`` says
  ``"new"`` or ``"current"`` (the 悉皆調査 cites the law in force in 2025, hence the newer version);
* **broken** — the address names no provision of that version, or the provision was deleted (no lineage);
* **moved** — (old basis) the provision now has another number or place: the new address is reported and the
  link should be updated; "inferred" when the pair was recovered by caption and text
  (:mod:`lawcode.impact.lineage`);
* **suspect** — the provision's text changed: with a reviewed ``fingerprint``, when the current text's
  fingerprint differs from it; without one, when the old and new texts differ (or the provision is new);
* **ok** — none of these.

With several provisions in one address the worst state wins (broken > moved > suspect > ok). A moved link
whose text also changed is ``moved`` with ``changed=True``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lawcode.diff import Change
from lawcode.impact.lawmatch import resolve_address
from lawcode.impact.lineage import Tracker
from lawcode.impact.trace import Link
from lawcode.model.law import Law

__all__ = ["STATES", "STATE_LABELS", "LinkStatus", "check_link", "check_link_single", "basis_of"]

#: Link states, worst last.
STATES = ("ok", "suspect", "moved", "broken")
STATE_LABELS = {"ok": "変更なし", "suspect": "要確認（本文変更）", "moved": "移動（条番号変更）", "broken": "リンク切れ"}
_RANK = {s: i for i, s in enumerate(STATES)}
_NEW_WORDS = frozenset(("new", "current", "新", "現行"))


def basis_of(link: Link, default: str = "old") -> str:
    """``"old"`` or ``"new"``: the version *link*'s address was written against."""
    v = (link.law_version or "").strip().lower()
    if v in _NEW_WORDS:
        return "new"
    if v == "old" or v == "旧":
        return "old"
    return default


@dataclass(slots=True)
class LinkStatus:
    """The state of one link (see the module docstring).

    ``old_paths``/``new_paths``: where the provisions are in each version (``None`` entries for the missing
    side); ``changes``: the diff's changes that touch them; ``reason``: in Japanese, for the report;
    ``inferred``: the lineage step was recovered rather than given by the diff; ``law_key``: ``None`` for a
    link to the diffed law, else the key (:func:`lawcode.refs.graph.law_key`) of the other given law it names
    (such links can only be indirectly affected).
    """

    link: Link
    state: str
    basis: str
    old_paths: list[str | None] = field(default_factory=list)
    new_paths: list[str | None] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    changed: bool = False
    inferred: bool = False
    law_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"link": self.link.to_dict(), "state": self.state, "basis": self.basis,
                "old_paths": self.old_paths, "new_paths": self.new_paths, "reason": self.reason,
                "changed": self.changed, "inferred": self.inferred,
                "changes": [{"kind": c.kind, "old_label": c.old_label, "new_label": c.new_label} for c in self.changes]}


def label_of(law: Law, path: str | None) -> str:
    """The label of the provision at *path* in *law* (the path itself when it has none; 「—」 for no path)."""
    if not path:
        return "—"
    p = law.get(path)
    return (p.label if p is not None else None) or path


def check_link(link: Link, tracker: Tracker, *, default_basis: str = "old") -> LinkStatus:
    """The state of *link* against the diff behind *tracker* (the caller has checked the law matches)."""
    basis = basis_of(link, default_basis)
    d = tracker.diff
    law = d.old if basis == "old" else d.new
    paths, why = resolve_address(law, link.address)
    side = "旧" if basis == "old" else "新"
    if not paths:
        return LinkStatus(link, "broken", basis, reason=f"{side}版に該当する規定がない（{link.address}: {why}）")
    parts = [check_link_single(link, tracker, basis, p) for p in paths]
    worst = max(parts, key=lambda s: _RANK[s.state])
    out = LinkStatus(link, worst.state, basis)
    for s in parts:
        out.old_paths.extend(s.old_paths)
        out.new_paths.extend(s.new_paths)
        out.changes.extend(c for c in s.changes if c not in out.changes)
        out.changed = out.changed or s.changed
        out.inferred = out.inferred or s.inferred
    out.reason = "；".join(s.reason for s in parts if s.reason)
    return out


def check_link_single(link: Link, tracker: Tracker, basis: str, path: str) -> LinkStatus:
    """The state of *link* for one provision *path* of its basis version."""
    d = tracker.diff
    if basis == "old":
        old_path: str | None = path
        step = tracker.forward(path)
        new_path = step.path
    else:
        new_path = path
        step = tracker.back(path)
        old_path = step.path
    p_old = d.old.get(old_path) if old_path else None
    p_new = d.new.get(new_path) if new_path else None
    changes = (tracker.touching(old_path, "old") if old_path else []) + (
        tracker.touching(new_path, "new") if new_path else [])
    unique: list[Change] = []
    for c in changes:
        if c not in unique:
            unique.append(c)
    if not unique and (p_old is None) != (p_new is None) or (
            not unique and p_old is not None and p_new is not None and p_old.fingerprint != p_new.fingerprint):
        # inside an added or deleted 章, or a pair recovered by caption and text: the diff reports the
        # container or two unrelated halves, so the change of this provision is stated here
        kind = "added" if p_old is None else "deleted" if p_new is None else "text_changed"
        unique.append(Change(kind, p_old, p_new))
    status = LinkStatus(link, "ok", basis, [old_path], [new_path], unique, inferred=step.inferred)
    how = "（見出しと本文から推定）" if step.inferred else ""
    if p_new is None or _is_placeholder(p_new):
        status.state = "broken"
        status.reason = f"{label_of(d.old, old_path)}は削除された"
        return status
    if p_old is None:
        status.changed = True
        if link.fingerprint and link.fingerprint == p_new.fingerprint:
            return status
        status.state = "suspect"
        status.reason = f"{label_of(d.new, new_path)}は新設された規定"
        return status
    status.changed = p_old.fingerprint != p_new.fingerprint
    if link.fingerprint:
        suspect = link.fingerprint != p_new.fingerprint
    else:
        suspect = status.changed
    moved = old_path != new_path
    if basis == "old" and moved:
        status.state = "moved"
        status.reason = f"{label_of(d.old, old_path)}は{label_of(d.new, new_path)}に移動{how}"
        if status.changed:
            status.reason += "、本文も変更"
    elif suspect:
        status.state = "suspect"
        if basis == "new" and moved:
            status.reason = f"{label_of(d.new, new_path)}（旧{label_of(d.old, old_path)}{how}）の本文が変更された"
        else:
            status.reason = f"{label_of(d.new, new_path)}の本文が変更された"
    elif basis == "new" and moved:
        status.reason = f"{label_of(d.new, new_path)}は旧{label_of(d.old, old_path)}{how}（本文の変更なし）"
    return status


def _is_placeholder(p: Any) -> bool:
    """A 「削除」 placeholder: the number stays, the text is gone."""
    text = p.content_text().strip().strip("\u3000")
    return text in ("削除", "") or text.endswith("\u3000削除") or text == "（削除）"
