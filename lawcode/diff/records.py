"""The raw results of the alignment walk: aligned provision pairs and change events.

Kept apart from :mod:`lawcode.diff.align` so that the passes that rewrite them (:mod:`lawcode.diff.moves`)
need not import the walk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from lawcode.model.provision import Provision

__all__ = ["PairRecord", "Event"]

_E: TypeAlias = etree._Element


@dataclass(slots=True)
class PairRecord:
    """Two aligned provisions. ``equal``: their subtrees are canonically equal (so are all descendants)."""

    old: Provision
    new: Provision
    equal: bool
    how: str


@dataclass(slots=True)
class Event:
    """A raw change found by the walk (turned into :class:`~lawcode.diff.changes.Change` by the diff)."""

    kind: str
    old: Provision | None
    new: Provision | None
    old_element: _E | None = None
    new_element: _E | None = None
