"""lawcode — Japanese law as code.

Parse e-Gov 法令標準XML into a typed, lossless, addressable tree::

    import lawcode
    law = lawcode.load("corpus/samples/sakuragaoka_jorei_v1.xml")
    law.title                      # '桜ヶ丘市個人情報の保護に関する条例'
    p = law.find("第三条の二第二項")   # or law.find("MainProvision-Article_3_2-Paragraph_2")
    p.path, p.label, p.text()
    law.to_xml()                   # canonically equal to the input

The package is layered (imports point downwards only): :mod:`lawcode.text` → :mod:`lawcode.model` →
:mod:`lawcode.io` → analysis → impact → :mod:`lawcode.cli`.
"""

from lawcode.errors import (
    AddressError,
    AmendError,
    ArgumentTypeError,
    DateError,
    LawcodeError,
    LawNumberError,
    NumeralError,
    ParseError,
    TraceError,
    DiffError,
    CitationError,
    LawNotFoundError,
    NotALawError,
)
from lawcode.io import RoundTrip, canonical_xml, check_roundtrip, load, loads
from lawcode.io.text import parse_text
from lawcode.model import Law, LawDraft, Node, Provision, ProvisionNumber
from lawcode.model.layout import Segment
from lawcode.model.revision import Revision
from lawcode.model.stats import LawStats, law_stats
from lawcode.refs.citation_strings import Citation, parse_citation
from lawcode.refs.library import Library
from lawcode.refs.model import Reference, RefKind
from lawcode.refs.scan import references
from lawcode.refs.definitions import Definition, definitions
from lawcode.refs.graph import citation_graph, cited_by, cites
from lawcode.diff import Change, Effect, LawDiff, diff, timeline
from lawcode.impact import ImpactReport, Link, Trace, TraceItem, impact
from lawcode.amend import Amendment, amend, kaimebun, parse_amendment

from lawcode._version import __version__

__all__ = [
    "load",
    "loads",
    "canonical_xml",
    "check_roundtrip",
    "RoundTrip",
    "law_stats",
    "LawStats",
    "Law",
    "LawDraft",
    "Provision",
    "Node",
    "ProvisionNumber",
    "Segment",
    "LawcodeError",
    "ParseError",
    "AddressError",
    "NumeralError",
    "DateError",
    "LawNumberError",
    "AmendError",
    "TraceError",
    "DiffError",
    "ArgumentTypeError",
    "parse_citation",
    "parse_text",
    "Citation",
    "Library",
    "CitationError",
    "LawNotFoundError",
    "NotALawError",
    "Revision",
    "references",
    "Reference",
    "RefKind",
    "definitions",
    "Definition",
    "citation_graph",
    "diff",
    "LawDiff",
    "Change",
    "Effect",
    "timeline",
    "amend",
    "parse_amendment",
    "kaimebun",
    "Amendment",
    "cited_by",
    "cites",
    "impact",
    "ImpactReport",
    "Trace",
    "TraceItem",
    "Link",
    "__version__",
]
