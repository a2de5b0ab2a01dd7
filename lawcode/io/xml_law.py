"""e-Gov XML ⇄ :class:`~lawcode.model.law.Law`, and the canonical form that defines "lossless".

Lossless means: ``canonical_xml(law.to_xml()) == canonical_xml(original_bytes)``, where the canonical form is
Canonical XML 1.0 with comments (attributes in a fixed order, one serialisation of text and characters)
after removing whitespace-only text between elements (the indentation of pretty-printed files; "whitespace"
in the XML sense — the full-width space U+3000 is content and is kept).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lawcode.errors import LawcodeError, NotALawError
from lawcode.io.loading import load, loads, read_law_document
from lawcode.io.xml_parser import parse_xml_bytes, read_source
from lawcode.model.law import Law
from lawcode.text.normalize import XML_WHITESPACE

__all__ = ["load", "loads", "canonical_xml", "RoundTrip", "check_roundtrip"]



def canonical_xml(data: bytes | str | etree._ElementTree | etree._Element | Law, source: str = "<bytes>") -> bytes:
    """Canonical form of a document (C14N 1.0 with comments, whitespace-only text between elements removed)."""
    if isinstance(data, Law):
        tree = copy.deepcopy(data._tree)
    elif isinstance(data, etree._ElementTree):
        tree = copy.deepcopy(data)
    elif isinstance(data, etree._Element):  # that element and its content (e.g. the <Law> of an API response)
        element = copy.deepcopy(data)
        element.tail = None
        tree = element.getroottree()
    else:
        tree = parse_xml_bytes(data, source)
    for e in tree.getroot().iter():
        if e.text is not None and not e.text.strip(XML_WHITESPACE) and len(e):
            e.text = None
        if e.tail is not None and not e.tail.strip(XML_WHITESPACE):
            e.tail = None
    return etree.tostring(tree, method="c14n", with_comments=True)


@dataclass(frozen=True, slots=True)
class RoundTrip:
    """Result of :func:`check_roundtrip` for one file."""

    source: str
    ok: bool
    size: int
    difference: str | None = None
    #: True when the file is a well-formed document that holds no law (an API listing, a schema) and
    #: ``skip_other_roots`` was set.
    skipped: bool = False


def check_roundtrip(path: str | Path, *, skip_other_roots: bool = False) -> RoundTrip:
    """Load *path*, write it back, and compare canonical forms; report the first difference if any.

    Never raises for bad input: unreadable or malformed files come back as failed results naming the reason.
    An e-Gov API response is checked on the ``<Law>`` it holds (compared with that element as it stands in the
    response). With *skip_other_roots*, a well-formed document that holds no law (an API listing, a schema) is
    reported as skipped instead of failed.
    """
    source = str(path)
    data = b""
    try:
        data = read_source(path)
        try:
            document = read_law_document(data, source)
        except NotALawError:
            if skip_other_roots:
                return RoundTrip(source, True, len(data), skipped=True)
            raise
        before = canonical_xml(document.tree)
        law = Law(document.tree, source=source, revision=document.revision)
        after = canonical_xml(law.to_xml(), source)
    except LawcodeError as exc:
        return RoundTrip(source, False, len(data), str(exc))
    if before == after:
        return RoundTrip(source, True, len(data))
    return RoundTrip(source, False, len(data), first_difference(before, after))


def first_difference(a: bytes, b: bytes, context: int = 60) -> str:
    """Describe where two byte strings first differ (offset and a little context on both sides)."""
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    left = a[max(0, i - context): i + context].decode("utf-8", "replace")
    right = b[max(0, i - context): i + context].decode("utf-8", "replace")
    return f"canonical forms differ at byte {i}: input …{left}… vs output …{right}…"
