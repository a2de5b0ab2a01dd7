"""Impact of a change of law on what depends on it: requirements, procedures, systems, ordinances.

The layer above analysis. :mod:`~lawcode.impact.trace` is the model (items, links, provenance);
:mod:`~lawcode.impact.formats` and :mod:`~lawcode.impact.importers` read it from YAML/CSV/needs.json, the
悉皆調査 procedures, 標準仕様書-style text and ordinances; :mod:`~lawcode.impact.links` gives link states
(ok / suspect / moved / broken) against a diff; :func:`impact` classifies every item as directly or indirectly
affected with the path that explains it (:mod:`~lawcode.impact.report`, :mod:`~lawcode.impact.graph`).
"""

from lawcode.impact.trace import FORMAT, ITEM_KINDS, LINK_KINDS, Link, Provenance, Trace, TraceItem, Unlinked
from lawcode.impact.formats import read_needs, read_trace, to_needs, trace_from_dict, write_trace
from lawcode.impact.importers import ordinance_trace, procedures_trace, read_procedures, read_spec
from lawcode.impact.lineage import Tracker
from lawcode.impact.links import STATES, LinkStatus, check_link
from lawcode.impact.checks import LinkCheck, check_trace
from lawcode.impact.report import CLASS_LABELS, KIND_LABELS, ImpactHit, ImpactReport, impact

__all__ = [
    "FORMAT",
    "ITEM_KINDS",
    "LINK_KINDS",
    "Link",
    "Provenance",
    "Trace",
    "TraceItem",
    "Unlinked",
    "read_trace",
    "write_trace",
    "trace_from_dict",
    "read_needs",
    "to_needs",
    "read_procedures",
    "procedures_trace",
    "read_spec",
    "ordinance_trace",
    "Tracker",
    "STATES",
    "LinkStatus",
    "check_link",
    "LinkCheck",
    "check_trace",
    "impact",
    "ImpactReport",
    "ImpactHit",
    "CLASS_LABELS",
    "KIND_LABELS",
]
