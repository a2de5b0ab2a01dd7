"""I/O layer: reading and writing laws — e-Gov XML, e-Gov API responses (v1 lawdata, v2 law_data XML/JSON)
and the API v2 JSON element tree; plain text later."""

from lawcode.io.egov_response import LawDocument, revision_from_api
from lawcode.io.loading import read_law_document
from lawcode.io.xml_law import RoundTrip, canonical_xml, check_roundtrip, load, loads
from lawcode.io.xml_parser import parse_xml_bytes

# Imported for its effect: registers the cheap pickled forms of laws and provisions (see lawcode.io.pickling).
from lawcode.io import pickling  # noqa: F401

__all__ = [
    "load",
    "loads",
    "canonical_xml",
    "check_roundtrip",
    "RoundTrip",
    "parse_xml_bytes",
    "read_law_document",
    "LawDocument",
    "revision_from_api",
]
