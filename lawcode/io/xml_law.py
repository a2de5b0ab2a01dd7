"""e-Gov XML ⇄ :class:`~lawcode.model.law.Law`, and the canonical form that defines "lossless".

Lossless means: ``canonical_xml(law.to_xml()) == canonical_xml(original_bytes)``, where the canonical form is
Canonical XML 1.0 with comments (attributes in a fixed order, one serialisation of text and characters)
after removing whitespace-only text between elements (the indentation of pretty-printed files; "whitespace"
in the XML sense — the full-width space U+3000 is content and is kept).
"""

from __future__ import annotations

import copy
import copyreg
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

from lawcode.errors import LawcodeError
from lawcode.io.xml_parser import parse_xml_bytes, read_source
from lawcode.model.law import Law
from lawcode.model.provision import PROVISION_TYPES, Provision

__all__ = ["load", "loads", "canonical_xml", "RoundTrip", "check_roundtrip"]

_XML_WS = " \t\r\n"


def load(path: str | Path) -> Law:
    """Load a law from an e-Gov XML file (法令標準XMLスキーマ v3, UTF-8)."""
    source = str(path)
    return Law(parse_xml_bytes(read_source(path), source, expect_root="Law"), source=source)


def loads(data: bytes | str, source: str = "<bytes>") -> Law:
    """Load a law from XML bytes or text; *source* names the input in error messages."""
    return Law(parse_xml_bytes(data, source, expect_root="Law"), source=source)


def _restore_law(data: bytes, source: str) -> Law:
    return loads(data, source)


def _reduce_law(law: Law) -> tuple[Callable[..., Law], tuple[bytes, str]]:
    return _restore_law, (law.to_xml(), law.source)


def _restore_provision(law: Law, path: str) -> Provision:
    return law.find(path)


def _reduce_provision(p: Provision) -> tuple[Callable[..., Provision], tuple[Law, str]]:
    if p.law is None or p.path is None:
        raise LawcodeError("a detached provision (outside any law's index) cannot be pickled", where=repr(p))
    return _restore_provision, (p.law, p.path)


# Laws and provisions travel between processes (multiprocessing, dask) as their XML and path: lxml trees
# cannot be pickled, and a reloaded law is canonically equal to the original.
copyreg.pickle(Law, _reduce_law)
for _cls in set(PROVISION_TYPES.values()):
    copyreg.pickle(_cls, _reduce_provision)


def canonical_xml(data: bytes | str | etree._ElementTree | etree._Element | Law, source: str = "<bytes>") -> bytes:
    """Canonical form of a document (C14N 1.0 with comments, whitespace-only text between elements removed)."""
    if isinstance(data, Law):
        tree = copy.deepcopy(data._tree)
    elif isinstance(data, etree._ElementTree):
        tree = copy.deepcopy(data)
    elif isinstance(data, etree._Element):
        tree = copy.deepcopy(data.getroottree())
    else:
        tree = parse_xml_bytes(data, source)
    for e in tree.getroot().iter():
        if e.text is not None and not e.text.strip(_XML_WS) and len(e):
            e.text = None
        if e.tail is not None and not e.tail.strip(_XML_WS):
            e.tail = None
    return etree.tostring(tree, method="c14n", with_comments=True)


@dataclass(frozen=True, slots=True)
class RoundTrip:
    """Result of :func:`check_roundtrip` for one file."""

    source: str
    ok: bool
    size: int
    difference: str | None = None
    #: True when the file is well-formed XML with another root than ``<Law>`` and ``skip_other_roots`` was set.
    skipped: bool = False


def check_roundtrip(path: str | Path, *, skip_other_roots: bool = False) -> RoundTrip:
    """Load *path*, write it back, and compare canonical forms; report the first difference if any.

    Never raises for bad input: unreadable or malformed files come back as failed results naming the reason.
    With *skip_other_roots*, a well-formed document whose root is not ``<Law>`` (an API response envelope, a
    schema) is reported as skipped instead of failed.
    """
    source = str(path)
    data = b""
    try:
        data = read_source(path)
        tree = parse_xml_bytes(data, source)
        if tree.getroot().tag != "Law" and skip_other_roots:
            return RoundTrip(source, True, len(data), skipped=True)
        before = canonical_xml(tree)
        law = Law(tree, source=source)
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
