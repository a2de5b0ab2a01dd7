"""Checking a trace's links against law texts without an impact report: the engine of ``lawcode check-links``.

For each link, the given laws that match its law name are found (:class:`~lawcode.impact.lawmatch.LawMatcher`).
One version: the address must name provisions (else *broken*) and, when the link has a reviewed fingerprint,
the provision's current fingerprint must equal it (else *suspect*). Two versions of the same law (old, then
new, in the order given): the link is checked against their diff (:func:`~lawcode.impact.links.check_link`), so
renumbering is followed and reported as *moved*. Links to laws not given are *unchecked*.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcode.diff import diff
from lawcode.impact.lawmatch import LawMatcher, resolve_address
from lawcode.impact.lineage import Tracker
from lawcode.impact.links import check_link
from lawcode.impact.trace import Link, Trace
from lawcode.model.law import Law

__all__ = ["LinkCheck", "check_trace"]


@dataclass(frozen=True, slots=True)
class LinkCheck:
    """The result for one link: ``state`` ok / suspect / moved / broken / unchecked and the reason."""

    item_id: str
    link: Link
    state: str
    reason: str

    @property
    def failed(self) -> bool:
        return self.state in ("suspect", "moved", "broken")


def check_trace(trace: Trace, laws: list[Law]) -> list[LinkCheck]:
    """Check every link of *trace* against *laws* (see the module docstring)."""
    groups: list[list[Law]] = []  # versions of one law, in the order given
    ids: list[str | None] = []
    for law in laws:
        law_id = LawMatcher(law).law_id
        for g, gid in zip(groups, ids, strict=True):
            if (law_id is not None and law_id == gid) or (law.law_num and law.law_num == g[0].law_num):
                g.append(law)
                break
        else:
            groups.append([law])
            ids.append(law_id)
    first = {id(g[0]): LawMatcher(g[0]) for g in groups}
    trackers = {id(g[0]): Tracker(diff(g[0], g[-1])) for g in groups if len(g) >= 2}
    out: list[LinkCheck] = []
    for item, link in trace.links():
        group = next((g for g in groups if first[id(g[0])].matches(link.law)), None)
        if group is None:
            out.append(LinkCheck(item.id, link, "unchecked", "the law is not among the given files"))
            continue
        tracker = trackers.get(id(group[0]))
        if tracker is not None:
            st = check_link(link, tracker)
            out.append(LinkCheck(item.id, link, st.state, st.reason))
            continue
        law = group[0]
        paths, why = resolve_address(law, link.address)
        if not paths:
            out.append(LinkCheck(item.id, link, "broken", f"no such provision: {why}"))
            continue
        if link.fingerprint:
            current = [p.fingerprint for p in (law.get(x) for x in paths) if p is not None]
            if link.fingerprint not in current:
                out.append(LinkCheck(item.id, link, "suspect",
                                     f"text changed since review (fingerprint {link.fingerprint} → {current[0]})"))
                continue
        out.append(LinkCheck(item.id, link, "ok", ""))
    return out
