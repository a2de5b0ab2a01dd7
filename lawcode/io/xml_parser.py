"""Safe reading of e-Gov law XML bytes into an lxml tree.

Why a module of its own: every entry point that accepts XML (files, API responses, test fixtures) must apply
the same guarantees — no entity expansion, no DTD, no network or file access through the parser, bounded
depth, UTF-8 only — and report failures as :class:`lawcode.ParseError` with file, line and column.

libxml2 is configured so that it never resolves entities or loads DTDs; in addition, any document type
declaration with an internal subset is refused before parsing — e-Gov XML never carries one, and the internal subset
is where the entities of XXE and "billion laughs" attacks are declared. A bare external reference (``<!DOCTYPE
Law PUBLIC "…" "x.dtd">``, as in Japanese Law Translation files) is accepted but never loaded, and any
entity reference left in the document is refused. Nesting deeper than libxml2's default limit
(256 levels) is refused by libxml2 itself, quickly.
"""

from __future__ import annotations

import re
import stat
import threading
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from lawcode.errors import ParseError, wrong_type

__all__ = ["parse_xml_bytes", "read_source", "MAX_BYTES", "non_utf8_hint", "root_position"]

#: Refuse inputs larger than this (the largest e-Gov law, 所得税法 with tables, is below 10 MiB).
MAX_BYTES = 256 * 1024 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# <!DOCTYPE Name [SYSTEM "uri" | PUBLIC "id" "uri"] [internal subset]>
_DOCTYPE = re.compile(
    rb"""<!DOCTYPE\s+[^\s\[>]+(?:\s+(?:SYSTEM\s+(?:"[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s+(?:"[^"]*"|'[^']*')))?\s*(\[)?"""
)

_local = threading.local()


class _NothingResolver(etree.Resolver):
    """Answers every request for an external resource (DTD, entity) with an empty document.

    libxml2 still *asks* for the external subset named by ``<!DOCTYPE Law SYSTEM "x.dtd">`` even when DTD
    loading is off; without this resolver it would open the file (or refuse a URL). Answering in memory means
    the parser never touches the file system or the network, whatever the document names.
    """

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def _parser() -> etree.XMLParser:
    """One parser per thread: lxml parsers are not thread-safe."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,
            remove_comments=False,
            remove_pis=False,
            strip_cdata=True,
        )
        parser.resolvers.add(_NothingResolver())
        _local.parser = parser
    return parser


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def _read_stream(stream: Any) -> bytes:
    """Read at most :data:`MAX_BYTES` from an open binary file object (a text-mode file is refused)."""
    name = str(getattr(stream, "name", "<stream>"))
    try:
        data = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read: {exc}", source=name) from None
    if isinstance(data, str):
        raise wrong_type(ParseError)("file object is in text mode: open it with 'rb'", source=name)
    if not isinstance(data, (bytes, bytearray)):
        raise wrong_type(ParseError)(f"read() returned {type(data).__name__}, expected bytes", source=name)
    if len(data) > MAX_BYTES:
        raise ParseError(f"input is larger than the {MAX_BYTES}-byte limit", source=name)
    return bytes(data)


def source_name(source: Any) -> str:
    """A readable name for *source* (a path, or a file object's ``name``) for error messages and ``Law.source``."""
    if isinstance(source, (str, Path)):
        return str(source)
    return str(getattr(source, "name", "<stream>"))


def read_source(source: "str | Path | BinaryIO") -> bytes:
    """Read a regular file's bytes (at most :data:`MAX_BYTES`), turning every failure into :class:`ParseError`.

    Devices, pipes and sockets are refused before they are opened (``/dev/zero`` would never end, a FIFO
    would block).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        raise wrong_type(ParseError)(
            "expected a file path or a binary file object, got bytes: use lawcode.loads(data) for XML in memory",
            source="<bytes>",
        )
    if not isinstance(source, (str, Path)):
        read = getattr(source, "read", None)
        if read is None:
            raise wrong_type(ParseError)(
                f"expected a file path or a binary file object, got {type(source).__name__}", source=repr(source)
            )
        return _read_stream(source)
    name = str(source)
    try:
        path = Path(source)
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ParseError("is a directory, not an XML file", source=name)
        if not stat.S_ISREG(info.st_mode):
            raise ParseError("is not a regular file (device, pipe or socket)", source=name)
        if info.st_size > MAX_BYTES:
            raise ParseError(f"file is {info.st_size} bytes, larger than the {MAX_BYTES}-byte limit", source=name)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except ParseError:
        raise
    except FileNotFoundError:
        raise ParseError("no such file", source=name) from None
    except (OSError, ValueError) as exc:  # ValueError: embedded NUL in the path
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ParseError(f"cannot read file: {reason}", source=name) from None
    if len(data) > MAX_BYTES:
        raise ParseError(f"file is larger than the {MAX_BYTES}-byte limit", source=name)
    return data


def _scan_prolog(data: bytes) -> tuple[int, int]:
    """Offsets of the ``<!DOCTYPE`` and of the root element's ``<`` (-1 when absent or unreadable).

    Walks the prolog as XML defines it — whitespace, the declaration, comments, processing instructions, one
    document type declaration — so that text inside a comment cannot hide or fake a DOCTYPE.
    """
    i, n, doctype = 0, len(data), -1
    while i < n:
        while i < n and data[i] in b" \t\r\n":
            i += 1
        if data.startswith(b"<?", i):
            j = data.find(b"?>", i + 2)
            i = j + 2 if j >= 0 else -1
        elif data.startswith(b"<!--", i):
            j = data.find(b"-->", i + 4)
            i = j + 3 if j >= 0 else -1
        elif data.startswith(b"<!DOCTYPE", i):
            doctype = i
            m = _DOCTYPE.match(data, i)
            if m is None or m.group(1) is not None:
                return doctype, -1
            j = data.find(b">", m.end())
            i = j + 1 if j >= 0 else -1
        elif data.startswith(b"<", i):
            return doctype, i
        else:
            return doctype, -1
        if i < 0:
            return doctype, -1
    return doctype, -1


# Legacy Japanese encodings, in the order they are tried: EUC-JP first, because Shift_JIS accepts most EUC-JP
# byte pairs while EUC-JP refuses the lead bytes (0x81-0x9F) that almost every Shift_JIS text contains.
_LEGACY_ENCODINGS = (("EUC-JP", "EUC-JP"), ("Shift_JIS", "CP932"))


_SHIFT_JIS_NAMES = frozenset({"shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms932", "ms_kanji"})


def _convert_hint(encoding: str, source: str | None = None, *, declared: bool = False, suffix: str = ".xml") -> str:
    """How to convert a file to UTF-8 (iconv's CP932 rather than Shift_JIS: it also knows the NEC and IBM
    extension characters 「①」「髙」 that Windows-made Shift_JIS files contain)."""
    iconv = "CP932" if encoding.lower() in _SHIFT_JIS_NAMES else encoding
    name = source if source and not source.startswith("<") else "FILE"
    stem = name[: -len(suffix)] if name.endswith(suffix) else name
    hint = f"convert it with `iconv -f {iconv} -t UTF-8 {name} > {stem}.utf8{suffix}` (or `nkf -w`)"
    if declared:
        hint += " and remove the encoding from the XML declaration"
    return hint


def non_utf8_hint(data: bytes, source: str | None = None, suffix: str = ".xml") -> str | None:
    """A hint for bytes that are not UTF-8: which legacy Japanese encoding they look like and how to convert
    them (``None`` when *data* is UTF-8). Only called on failure, so trying the decoders costs nothing."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    for name, codec in _LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text):
            return f"this file is not UTF-8 (looks like {name}): {_convert_hint(codec, source, suffix=suffix)}"
    return "this file is not UTF-8, the encoding of e-Gov law data: convert it to UTF-8 first"


def root_position(data: bytes | str) -> tuple[int | None, int | None]:
    """Line and column of the root element's ``<`` (``(None, None)`` when the prolog cannot be read)."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else bytes(data)
    skip = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    _, at = _scan_prolog(raw[skip:])
    return _line_col(raw[skip:], at) if at >= 0 else (None, None)


def _precheck(data: bytes, source: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise ParseError(f"input is {len(data)} bytes, larger than the {MAX_BYTES}-byte limit", source=source)
    if data.startswith(_UTF8_BOM):
        data = data[3:]
    if not data or data.isspace():  # (not data.strip(): that copies the whole document)
        raise ParseError("empty document", source=source, line=1, column=1)
    if (
        data[:2] in (b"\xff\xfe", b"\xfe\xff")
        or data[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")
        or b"\x00" in data[:4]  # UTF-16/32 without a byte-order mark
    ):
        raise ParseError("document is UTF-16/32 encoded; e-Gov law XML is UTF-8", source=source, line=1, column=1)
    declared = _DECL_ENCODING.match(data[:256])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        name = declared.group(1).decode("ascii")
        raise ParseError(
            f"document declares encoding {name!r}; e-Gov law XML is UTF-8: "
            f"{_convert_hint(name, source, declared=True)}",
            source=source,
            line=1,
            column=declared.start(1) + 1,
        )
    doctype, _ = _scan_prolog(data)
    if doctype >= 0:
        m = _DOCTYPE.match(data, doctype)
        if m is None or m.group(1) is not None:
            line, col = _line_col(data, doctype)
            raise ParseError(
                "DTD internal subsets are not allowed: e-Gov XML declares no entities, and entity declarations "
                "are the vehicle of entity-expansion (billion laughs) and external-entity (XXE) attacks",
                source=source,
                line=line,
                column=col,
            )
    return data


def parse_xml_bytes(
    data: bytes | str, source: str = "<bytes>", expect_root: str | None = None
) -> etree._ElementTree:
    """Parse *data* safely and return the lxml document (comments and processing instructions kept).

    Raises :class:`ParseError` (with source, line and column) for anything that is not well-formed, safe UTF-8
    XML, and — when *expect_root* is given — for a document whose root element has another name.
    """
    if isinstance(data, str):
        if data.startswith("\ufeff"):
            data = data[1:]
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            head = str(exc.object)[: exc.start]
            raise ParseError(
                "text contains a lone surrogate code point, which is not a character (cannot be UTF-8)",
                source=source,
                line=head.count("\n") + 1,
                column=exc.start - (head.rfind("\n") + 1) + 1,
            ) from None
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        raise wrong_type(ParseError)(f"expected bytes or str, got {type(data).__name__}", source=source)
    data = _precheck(bytes(data), source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (None, None)
        msg = (exc.msg or str(exc)).split(", line ")[0].strip()
        if "Excessive depth" in msg:
            msg = "elements are nested more than 256 levels deep (refused to protect the parser)"
        elif "Invalid bytes in character encoding" in msg or "not proper UTF-8" in msg:
            hint = non_utf8_hint(data, source)
            if hint:
                msg += f" — {hint}"
        raise ParseError(f"not well-formed XML: {msg}", source=source, line=line, column=col) from None
    except (ValueError, etree.LxmlError) as exc:
        raise ParseError(f"cannot parse XML: {exc}", source=source) from None
    tree = root.getroottree()
    if expect_root is not None and root.tag != expect_root:
        _, at = _scan_prolog(data)
        line, col = _line_col(data, at) if at >= 0 else (root.sourceline, None)
        raise ParseError(f"root element is <{root.tag}>, expected <{expect_root}>", source=source, line=line,
                         column=col)
    dtd = tree.docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterentities()) or any(True for _ in dtd.iterelements())):
        # defence in depth: the pre-check should have refused it
        raise ParseError("DTD internal subsets are not allowed", source=source, line=1, column=1)
    # Undeclared entity references are fatal errors without a DTD, so only a document with one can hold any.
    for entity in root.iter(etree.Entity) if tree.docinfo.doctype else ():
        line = entity.sourceline
        column = None
        if line is not None:
            start = 0
            for _ in range(line - 1):
                start = data.find(b"\n", start) + 1
            ref = data.find(b"&" + entity.name.encode() + b";", start)
            if ref >= 0:
                line, column = _line_col(data, ref)
        raise ParseError(
            f"entity reference &{entity.name}; cannot be expanded safely (no DTD is loaded)",
            source=source,
            line=line,
            column=column,
        )
    return tree
