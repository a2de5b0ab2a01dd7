"""I/O layer: reading and writing laws (e-Gov XML now; API v2 JSON and plain text later)."""

from lawcode.io.xml_law import RoundTrip, canonical_xml, check_roundtrip, load, loads
from lawcode.io.xml_parser import parse_xml_bytes

__all__ = ["load", "loads", "canonical_xml", "check_roundtrip", "RoundTrip", "parse_xml_bytes"]
