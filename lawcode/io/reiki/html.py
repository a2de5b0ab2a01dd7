"""Reading a 例規集 page: bytes → text by its declared charset → an lxml.html tree, safely.

例規集 sites are old and self-hosted: many still serve Shift_JIS or EUC-JP, and the declaration is in a
``<meta>`` element (HTML 4 ``http-equiv`` or HTML5 ``charset``), not in an XML declaration. The io layer
refuses non-UTF-8 *XML*; HTML is decoded here by what the page declares (a BOM wins, then the meta
charset, then UTF-8). Shift_JIS is read as cp932 (the Windows superset every Japanese site actually
writes: ①, ㈱, NEC 特殊文字) and EUC-JP as EUC-JIS-2004 for the same reason.

Parsing uses libxml2's HTML parser (:class:`lxml.etree.HTMLParser`, as :mod:`lxml.html` does) with network
access off; HTML has no external entities, so nothing is fetched.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from lawcode.errors import ParseError

__all__ = ["declared_charset", "decode_html", "parse_html", "looks_like_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Labels as sites write them → the codec that decodes what they really send.
_CODEC_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "cp932": "cp932", "ms932": "cp932",
    "euc-jp": "euc_jis_2004", "euc_jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "eucjp": "euc_jis_2004",
    "utf8": "utf-8", "utf-8": "utf-8",
}
_HEAD = 4096
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    """Whether *data* starts as an HTML document (``<!DOCTYPE html``, ``<html``, after an optional BOM, XML
    declaration or comments) — the cheap test :func:`lawcode.load` uses before anything is parsed."""
    head = bytes(data[:_HEAD])
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str:
    """The codec name for *data*: from a BOM, else the first ``<meta … charset=…>``, else ``"utf-8"``."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    m = _META_CHARSET.search(bytes(data[:_HEAD]))
    if not m:
        return "utf-8"
    label = m.group(1).decode("ascii").lower()
    codec = _CODEC_ALIASES.get(label, label)
    try:
        return codecs.lookup(codec).name
    except LookupError:
        raise ParseError(f"the page declares an unknown charset {label!r}", source=None) from None


def decode_html(data: bytes, source: str = "<bytes>", charset: str | None = None) -> str:
    """*data* decoded by its declared charset (or *charset*, when the caller knows better); bytes that are not
    in that charset are an error (with the line where they occur), never silently replaced — a wrong character
    in a law is worse than a refusal."""
    try:
        codec = charset or declared_charset(data)
    except ParseError as exc:
        raise ParseError(exc.reason, source=source) from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(f"the page declares charset {codec} but byte {exc.start} is not valid in it ({exc.reason})",
                         source=source, line=line) from None
    return text.lstrip("\ufeff")


#: libxml2's HTML parser as lxml.html configures it, but yielding plain elements: lxml.html's element-class
#: lookup runs Python code for every element (a third of the parse time on a 1 MB page) and we need none of
#: its methods. No network, ever.
_PARSER = etree.HTMLParser(no_network=True, remove_comments=False, remove_pis=True, default_doctype=False)


def parse_html(data: bytes, source: str = "<bytes>", charset: str | None = None) -> etree._Element:
    """The page's ``<html>`` element, parsed from *data* decoded by :func:`decode_html`."""
    text = decode_html(data, source, charset)
    # lxml refuses str input carrying an encoding declaration only for XML; drop one if an XHTML page has it.
    if text.startswith("<?xml"):
        text = text[text.find("?>") + 2:]
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"not a readable HTML page: {exc}", source=source) from None
    if root is None:
        raise ParseError("not a readable HTML page: empty document", source=source)
    return root
