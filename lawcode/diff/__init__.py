"""Differences between versions of a law: lineage, changes, effects, timelines, and exact re-application.

``lawcode.diff(old, new)`` returns a :class:`LawDiff`; see :mod:`lawcode.diff.lawdiff` for the contract,
:mod:`lawcode.diff.align` for how provisions are aligned, :mod:`lawcode.diff.textdiff` for character-level
spans and :mod:`lawcode.diff.effects` / :mod:`lawcode.diff.timeline` for the derived views.
"""

from lawcode.diff.changes import KINDS, Change
from lawcode.diff.effects import Effect, effects_to_csv, effects_to_json
from lawcode.diff.lawdiff import LawDiff, diff
from lawcode.diff.lineage import Lineage
from lawcode.diff.textdiff import Hunk, diff_hunks
from lawcode.diff.timeline import ProvisionHistory, Timeline, timeline

__all__ = [
    "diff",
    "LawDiff",
    "Change",
    "KINDS",
    "Lineage",
    "Effect",
    "effects_to_json",
    "effects_to_csv",
    "Hunk",
    "diff_hunks",
    "timeline",
    "Timeline",
    "ProvisionHistory",
]
