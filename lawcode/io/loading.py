"""``lawcode.load`` / ``lawcode.loads``: a law from whatever users download, told apart by content.

Accepted, whatever the file is called (the format is read from the first bytes, never from the extension):

* e-Gov law XML (法令標準XMLスキーマ v3, a ``<Law>`` root) — bulk downloads, ``law_file/xml``;
* e-Gov API responses holding one law's full text: v1 ``lawdata`` (``DataRoot``), v2 ``law_data`` as XML or
  JSON (Base64 bodies included);
* the API v2 JSON element tree (``law_file/json``, or ``law_full_text`` saved alone);
* a 例規集 page (HTML of a supported vendor system: municipal 条例・規則), converted by :mod:`lawcode.io.reiki`;
* a statute printed as plain text (a ``.txt`` file, or text with 「第…条」 lines), read by
  :func:`lawcode.io.text.parse_text`.

A law from a response keeps the envelope's metadata as :attr:`Law.revision
<lawcode.model.law.Law.revision>` (``None`` for bare files). Input that is not a law is refused with a
:class:`~lawcode.errors.ParseError` — :class:`~lawcode.errors.NotALawError` when it is a well-formed document
of another kind (an API listing), so that tools walking folders can skip it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from lawcode.errors import ParseError, wrong_type
from lawcode.io.egov_response import LawDocument, law_document_from_json, law_document_from_xml
from lawcode.io.xml_parser import read_source, source_name
from lawcode.model.law import Law

__all__ = ["load", "loads", "read_law_document", "sniff_format"]

_LEADING = b"\xef\xbb\xbf \t\r\n"
_TEXT_LAW_LINE = re.compile(r"^[ \u3000]*(?:第[一二三四五六七八九十百千0-9０-９]+条|附[ \u3000]*則)", re.MULTILINE)


def sniff_format(data: bytes | str) -> str:
    """``"json"`` when the first significant character is ``{`` or ``[``, otherwise ``"xml"`` (the XML parser
    then says precisely what is wrong with anything else)."""
    if isinstance(data, str):
        head = data.lstrip("\ufeff \t\r\n")[:1]
        return "json" if head in ("{", "[") else "xml"
    first = bytes(data[:4096]).lstrip(_LEADING)[:1]
    return "json" if first in (b"{", b"[") else "xml"


def read_law_document(data: bytes | str, source: str = "<bytes>") -> LawDocument:
    """The ``<Law>`` document in *data* (XML or JSON, bare or in an API response) with its envelope metadata.

    The building block of :func:`load` and :func:`lawcode.io.check_roundtrip`: it parses once and leaves the
    tree unindexed, so a caller can compare canonical forms before building the :class:`Law`.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (bytes, str)):
        raise wrong_type(ParseError)(f"expected bytes or str, got {type(data).__name__}", source=source)
    if _is_plain_text(data, source):
        return _plain_text_document(data, source)
    if _is_html(data):
        # 例規集 pages (municipal ordinances as published in vendor-run HTML): see lawcode.io.reiki (imported
        # here: that package builds on this layer's modules, so a top-level import would be circular)
        from lawcode.io.reiki import read_reiki_document

        return read_reiki_document(data, source)
    if sniff_format(data) == "json":
        return law_document_from_json(data, source)
    return law_document_from_xml(data, source)


# -- plain-text statutes (lawcode.io.text) ---------------------------------------------------------------------
_TEXT_SUFFIXES = (".txt", ".text")
_TEXT_LEAD = "\ufeff \t\r\n\u3000"
#: A run of :data:`_TEXT_LEAD` characters in UTF-8, whole characters only.
_LEAD_BYTES = re.compile(b"(?:" + b"|".join(re.escape(c.encode("utf-8")) for c in _TEXT_LEAD) + b")*")


def _is_plain_text(data: bytes | str, source: str) -> bool:
    """A statute printed as text: a ``.txt`` file, or text whose first character cannot start XML or JSON and
    that has a line beginning with 「第…条」 or 「附則」 (so that other junk still gets the XML parser's error)."""
    if isinstance(data, bytes):
        lead = _LEAD_BYTES.match(data, 0, 4096)
        if lead is not None and data[lead.end():lead.end() + 1] in (b"<", b"{", b"["):
            return False  # XML or JSON: decided without decoding the head (the common case, every e-Gov file)
        try:
            head = data[:1 << 16].decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.start < (1 << 16) - 4:
                return False
            head = data[:exc.start].decode("utf-8-sig", "ignore")
    else:
        head = data[:1 << 16]
    first = head.lstrip(_TEXT_LEAD)[:1]
    if not first or first in "<{[":
        return False
    if source.lower().endswith(_TEXT_SUFFIXES):
        return True
    return _TEXT_LAW_LINE.search(head) is not None


def _plain_text_document(data: bytes | str, source: str) -> LawDocument:
    from lawcode.io.text.law_reader import read_text_tree

    return LawDocument(read_text_tree(data, source).getroottree(), None, "text")


def _is_html(data: bytes | str) -> bool:
    """An HTML page (``<!DOCTYPE html``/``<html`` first), told apart before the XML parser refuses it."""
    from lawcode.io.reiki.html import looks_like_html

    head = data[:4096].encode("utf-8", "replace") if isinstance(data, str) else data
    return looks_like_html(head)


def load(path: "str | Path | BinaryIO") -> Law:
    """Load a law from a file: a path (``str`` or ``Path``) or a binary file object (``open(f, "rb")``,
    ``io.BytesIO``). For bytes in memory use :func:`loads`.

    The file may be e-Gov law XML, an e-Gov API response (v1 ``lawdata``, v2 ``law_data`` XML or JSON) or an
    API v2 JSON element tree; see the module docstring. Raises :class:`ParseError` (file, line, column, why).
    """
    source = source_name(path)
    return _law(read_law_document(read_source(path), source), source)


def loads(data: bytes | str, source: str = "<bytes>") -> Law:
    """Load a law from bytes or text in any format :func:`load` reads; *source* names it in error messages."""
    return _law(read_law_document(data, source), source)


def _law(document: LawDocument, source: str) -> Law:
    return Law(document.tree, source=source, revision=document.revision)

