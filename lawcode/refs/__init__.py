"""References between provisions and laws: citation strings, the law index and a library of law files;
mentions in statute text (:func:`references`), defined terms (:func:`definitions`) and the citation graph."""

from lawcode.refs.citation_strings import Citation, parse_citation
from lawcode.refs.lawindex import LawEntry, lookup_law, search_laws
from lawcode.refs.library import Library, LibraryEntry
from lawcode.refs.model import Reference, RefKind
from lawcode.refs.scan import references
from lawcode.refs.definitions import Definition, definitions
from lawcode.refs.graph import citation_graph, cited_by, cites, to_graphml, to_node_link

__all__ = [
    "Citation",
    "parse_citation",
    "LawEntry",
    "lookup_law",
    "search_laws",
    "Library",
    "LibraryEntry",
    "Reference",
    "RefKind",
    "references",
    "Definition",
    "definitions",
    "citation_graph",
    "cited_by",
    "cites",
    "to_graphml",
    "to_node_link",
]
