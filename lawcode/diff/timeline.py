"""``lawcode.timeline(versions)``: the history of every provision across a series of versions of one law.

Consecutive versions are diffed (:func:`lawcode.diff`), and each provision is followed through their
lineage — so 第十条 that became 第十一条 and later had its wording changed is one history, not two. A
:class:`ProvisionHistory` lists the provision's path in every version it exists in and the versions in which
it changed, how (the change kinds, in Japanese effect terms too) and by which amending law: the "changes to
legislation" view of legislation.gov.uk, for Japanese statutes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator, Sequence

from lawcode.diff.effects import effect_type, amending_law, enforcement_date
from lawcode.diff.lawdiff import LawDiff, _law_meta, diff
from lawcode.errors import DiffError, wrong_type
from lawcode.model.law import Law

__all__ = ["timeline", "Timeline", "ProvisionHistory", "TimelineEvent"]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """What happened to one provision in version ``version`` (an index into :attr:`Timeline.versions`)."""

    version: int
    kinds: tuple[str, ...]
    types: tuple[str, ...]
    old_path: str | None
    new_path: str | None
    old_label: str | None
    new_label: str | None
    amending_law_num: str | None
    enforcement_date: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "kinds": list(self.kinds),
            "types": list(self.types),
            "old_path": self.old_path,
            "new_path": self.new_path,
            "old_label": self.old_label,
            "new_label": self.new_label,
            "amending_law_num": self.amending_law_num,
            "enforcement_date": self.enforcement_date.isoformat() if self.enforcement_date else None,
        }


@dataclass(slots=True)
class ProvisionHistory:
    """One provision followed through the versions: ``paths`` maps version index → e-Gov path (only the
    versions it exists in), ``labels`` likewise, ``events`` the versions in which it changed."""

    paths: dict[int, str] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    events: list[TimelineEvent] = field(default_factory=list)

    @property
    def first(self) -> int:
        """Index of the first version that has the provision."""
        return min(self.paths)

    @property
    def last(self) -> int:
        """Index of the last version that has the provision."""
        return max(self.paths)

    @property
    def path(self) -> str:
        """The provision's latest path."""
        return self.paths[self.last]

    @property
    def label(self) -> str:
        """The provision's latest label."""
        return self.labels.get(self.last, self.path)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "label": self.label,
            "paths": {str(k): v for k, v in sorted(self.paths.items())},
            "events": [e.to_dict() for e in self.events],
        }


class Timeline:
    """Histories of all provisions of a series of versions (see :func:`timeline`)."""

    def __init__(self, versions: Sequence[Law], diffs: Sequence[LawDiff], histories: list[ProvisionHistory]):
        self.versions: tuple[Law, ...] = tuple(versions)
        self.diffs: tuple[LawDiff, ...] = tuple(diffs)
        self.histories: list[ProvisionHistory] = histories

    def changed(self) -> Iterator[ProvisionHistory]:
        """Histories with at least one change, in the order of the latest version."""
        return (h for h in self.histories if h.events)

    def history(self, path: str, version: int = -1) -> ProvisionHistory:
        """The history of the provision at *path* in version *version* (default: the latest)."""
        index = version % len(self.versions)
        for h in self.histories:
            if h.paths.get(index) == path:
                return h
        raise DiffError(f"no provision at {path} in version {index}", where=path)

    def __iter__(self) -> Iterator[ProvisionHistory]:
        return iter(self.histories)

    def __len__(self) -> int:
        return len(self.histories)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the versions (title, law number, source, enforcement date) and the changed
        provisions' histories."""
        return {
            "versions": [{"index": k, **_law_meta(v)} for k, v in enumerate(self.versions)],
            "provisions": [h.to_dict() for h in self.changed()],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        return f"<Timeline {len(self.versions)} versions, {sum(1 for _ in self.changed())} provisions changed>"


def timeline(versions: Sequence[Law]) -> Timeline:
    """Follow every provision through *versions* (oldest first) and record where and how it changed.

    Raises :class:`~lawcode.errors.DiffError` for fewer than one version or for items that are not laws.
    """
    versions = list(versions)
    if not versions:
        raise DiffError("timeline() needs at least one version", where="timeline()")
    for k, v in enumerate(versions):
        if not isinstance(v, Law):
            raise wrong_type(DiffError)(f"version {k} is {type(v).__name__}, not a lawcode.Law", where="timeline()")
    histories: list[ProvisionHistory] = []
    current: dict[str, ProvisionHistory] = {}
    for p in versions[0].provisions():
        if p.path is not None:
            h = ProvisionHistory({0: p.path}, {0: p.label or p.path})
            histories.append(h)
            current[p.path] = h
    diffs = []
    for k in range(1, len(versions)):
        d = diff(versions[k - 1], versions[k])
        diffs.append(d)
        single = amending_law(d.old, d.new)[0]
        when = enforcement_date(d.new)
        lineage = d.lineage
        following: dict[str, ProvisionHistory] = {}
        for old_path, h in current.items():
            new_path = lineage.get(old_path)
            if new_path is not None and new_path not in following:
                following[new_path] = h
        for p in d.new.provisions():
            if p.path is None:
                continue
            found = following.get(p.path)
            if found is None:
                found = ProvisionHistory()
                following[p.path] = found
                histories.append(found)
            found.paths[k] = p.path
            found.labels[k] = p.label or p.path
        grouped: dict[int, list] = {}
        targets: dict[int, ProvisionHistory] = {}
        for c in d.changes:
            target = following.get(c.new_path) if c.new_path is not None else None
            if target is None and c.old_path is not None:
                target = current.get(c.old_path)
            if target is None:
                continue
            grouped.setdefault(id(target), []).append(c)
            targets[id(target)] = target
        for key, changes in grouped.items():
            first = changes[0]
            targets[key].events.append(
                TimelineEvent(
                    version=k,
                    kinds=tuple(c.kind for c in changes),
                    types=tuple(effect_type(c) for c in changes),
                    old_path=first.old_path,
                    new_path=first.new_path,
                    old_label=first.old_label,
                    new_label=first.new_label,
                    amending_law_num=single,
                    enforcement_date=when,
                )
            )
        current = following
    # latest document order first, then provisions that did not survive, in order of appearance
    last = len(versions) - 1
    alive = [h for h in histories if last in h.paths]
    position = {p.path: p.index for p in versions[last].provisions()}
    alive.sort(key=lambda h: position.get(h.paths[last], 1 << 30))
    gone = [h for h in histories if last not in h.paths]
    return Timeline(versions, diffs, alive + gone)
