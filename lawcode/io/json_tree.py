"""Safe reading of e-Gov API v2 JSON: the response envelope and the ``law_full_text`` element tree.

API v2 can return a law's full text as JSON: the XML tree written as ``{"tag": str, "attr": {str: str},
"children": [str | node, …]}``, text and elements interleaved in document order (real responses also
write ``"attr": ""`` for an element without attributes and leave out ``children`` of an empty one). :func:`tree_to_element`
turns that tree back into the ``<Law>`` element it was made from, so that a JSON download and the XML download
of the same revision give canonically equal laws.

The guarantees of :mod:`lawcode.io.xml_parser` hold here too, since JSON is the other door into the same
tree: a size limit, a nesting limit (the XML limit of 256 elements; JSON nesting beyond what Python's parser
handles is refused, not crashed on), no numbers the API does not send (NaN, Infinity, integers of thousands of
digits), no duplicate keys, UTF-8 only — and every refusal is a :class:`~lawcode.errors.ParseError` naming the
source, a JSON path (``$.law_full_text.children[1].attr.Num``) and, where the JSON parser knows it, a line
and column.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from lxml import etree

from lawcode.errors import ParseError
from lawcode.io.xml_parser import MAX_BYTES, non_utf8_hint

__all__ = ["parse_json_bytes", "tree_to_element", "json_path", "MAX_ELEMENT_DEPTH", "MAX_NUMBER_DIGITS"]

#: Elements nested deeper than this are refused (the same limit libxml2 applies to XML).
MAX_ELEMENT_DEPTH = 256
#: The API sends small integers (years, counts); longer numbers are refused before Python converts them.
MAX_NUMBER_DIGITS = 30

# XML names as e-Gov uses them (ASCII): refusing anything else also keeps lxml from reading "{uri}tag" as a
# namespace or "a:b" as a prefix.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_NODE_KEYS = frozenset({"tag", "attr", "children"})
#: Names already checked (a law uses a few dozen names hundreds of thousands of times).
_GOOD_NAMES: set[str] = set()


def _valid_name(name: str) -> bool:
    if _NAME.match(name) is None:
        return False
    if len(_GOOD_NAMES) < 4096:  # bounded: hostile input cannot grow it without limit
        _GOOD_NAMES.add(name)
    return True


class _Refused(Exception):
    """Raised inside json.loads hooks; turned into a located ParseError by :func:`parse_json_bytes`."""

    def __init__(self, reason: str, needle: str | None = None, occurrence: int = 1) -> None:
        super().__init__(reason)
        self.reason = reason
        #: the text to look for to report a position (hooks do not know where they are): its *occurrence*-th
        #: appearance is taken, a good guess for what the refused value looks like
        self.needle = needle
        self.occurrence = occurrence


def json_path(parts: tuple[str | int, ...]) -> str:
    """``("law_full_text", "children", 1)`` → ``$.law_full_text.children[1]``."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _parse_int(s: str) -> int:
    digits = len(s.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        raise _Refused(f"a number of {digits} digits (more than {MAX_NUMBER_DIGITS}); e-Gov sends small integers",
                       s[:40])
    return int(s)


def _parse_float(s: str) -> float:
    if len(s) > MAX_NUMBER_DIGITS + 10:
        raise _Refused(f"a number of {len(s)} characters; e-Gov sends small numbers", s[:40])
    value = float(s)
    if not math.isfinite(value):
        raise _Refused(f"the number {s[:40]} is out of range", s[:40])
    return value


def _parse_constant(s: str) -> Any:
    raise _Refused(f"{s} is not JSON (NaN and Infinity are JavaScript, not JSON)", s)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"duplicate key {key!r} in one object (which one counts is ambiguous)", f'"{key}"', 2)
        out[key] = value
    return out


def parse_json_bytes(data: bytes | str, source: str = "<bytes>") -> Any:
    """Parse JSON *data* (UTF-8 bytes or text) with the limits of the module docstring; :class:`ParseError`
    with source, line and column for anything else."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > MAX_BYTES:
            raise ParseError(f"input is {len(raw)} bytes, larger than the {MAX_BYTES}-byte limit", source=source)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            start = raw.rfind(b"\n", 0, exc.start) + 1
            column = len(raw[start:exc.start].decode("utf-8", "replace")) + 1
            hint = non_utf8_hint(raw, source, suffix=".json") or "JSON must be UTF-8"
            raise ParseError(f"invalid UTF-8 in JSON: {hint}", source=source, line=line, column=column) from None
    else:
        text = data[1:] if data.startswith("\ufeff") else data
        if len(text) > MAX_BYTES:
            raise ParseError(f"input is {len(text)} characters, larger than the {MAX_BYTES} limit", source=source)
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise ParseError(f"not well-formed JSON: {exc.msg}", source=source, line=exc.lineno,
                         column=exc.colno) from None
    except _Refused as exc:
        at, needle = -1, exc.needle
        for _ in range(exc.occurrence if needle else 0):
            at = text.find(needle or "", at + 1)
            if at < 0:
                break
        where: tuple[int | None, int | None] = _line_col(text, at) if at >= 0 else (None, None)
        raise ParseError(f"refused JSON: {exc.reason}", source=source, line=where[0], column=where[1]) from None
    except RecursionError:
        deep = _too_deep(text)
        raise ParseError(
            "JSON nested too deeply (refused to protect the parser; a law is at most "
            f"{MAX_ELEMENT_DEPTH} elements deep)",
            source=source,
            line=deep[0],
            column=deep[1],
        ) from None


def _too_deep(text: str, limit: int = 2 * MAX_ELEMENT_DEPTH + 16) -> tuple[int | None, int | None]:
    """Where the nesting first exceeds *limit* (only called after a failure, so a simple scan is fine)."""
    depth = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return _line_col(text, m.start())
        elif token in "]}":
            depth -= 1
    return None, None


def _refuse(reason: str, source: str, path: tuple[str | int, ...]) -> ParseError:
    return ParseError(f"{json_path(path)}: {reason}", source=source)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def tree_to_element(node: Any, source: str = "<bytes>", path: tuple[str | int, ...] = ()) -> etree._Element:
    """Build the lxml element of a JSON element tree (``{"tag", "attr", "children"}``), checking its shape.

    *path* is where *node* sits in the whole JSON document (for messages). Built without recursion, so the
    depth limit, not Python's stack, decides what is refused.
    """
    root = _new_element(node, source, path, None)
    # (JSON node, its element, its path, its depth); children are attached as they are met
    stack: list[tuple[dict[str, Any], etree._Element, tuple[str | int, ...], int]] = [(node, root, path, 1)]
    while stack:
        current, element, where, depth = stack.pop()
        children = current.get("children", [])
        if not isinstance(children, list):
            raise _refuse(f"'children' must be an array, not {_kind(children)}", source, where + ("children",))
        last: etree._Element | None = None
        pending: list[tuple[dict[str, Any], etree._Element, tuple[str | int, ...], int]] = []
        for i, child in enumerate(children):
            child_path = where + ("children", i)
            if isinstance(child, str):
                try:
                    if last is None:
                        element.text = (element.text or "") + child
                    else:
                        last.tail = (last.tail or "") + child
                except ValueError as exc:
                    raise _refuse(f"text is not allowed in XML: {exc}", source, child_path) from None
                continue
            if depth + 1 > MAX_ELEMENT_DEPTH:
                raise _refuse(
                    f"elements are nested more than {MAX_ELEMENT_DEPTH} levels deep (refused to protect the parser)",
                    source, child_path,
                )
            last = _new_element(child, source, child_path, element)
            pending.append((child, last, child_path, depth + 1))
        stack.extend(reversed(pending))
    return root


def _new_element(
    node: Any, source: str, path: tuple[str | int, ...], parent: etree._Element | None
) -> etree._Element:
    if not isinstance(node, dict):
        raise _refuse(f"an element must be an object {{tag, attr, children}} or a string, not {_kind(node)}",
                      source, path)
    unknown = set(node) - _NODE_KEYS
    if unknown:
        raise _refuse(f"unknown key(s) {', '.join(sorted(map(repr, unknown)))} in an element "
                      "(expected tag, attr, children)", source, path)
    tag = node.get("tag")
    if not isinstance(tag, str):
        raise _refuse(f"'tag' must be a string, not {_kind(tag)}", source, path + ("tag",))
    if tag not in _GOOD_NAMES and not _valid_name(tag):
        raise _refuse(f"{tag[:60]!r} is not an element name", source, path + ("tag",))
    attrs = node.get("attr", {})
    if attrs == "":  # the API writes an element without attributes as "attr": "" (seen in real responses)
        attrs = {}
    if not isinstance(attrs, dict):
        raise _refuse(f"'attr' must be an object, not {_kind(attrs)}", source, path + ("attr",))
    for name, value in attrs.items():
        if name not in _GOOD_NAMES and not _valid_name(name):
            raise _refuse(f"{name[:60]!r} is not an attribute name", source, path + ("attr", name))
        if not isinstance(value, str):
            raise _refuse(f"attribute values are strings, not {_kind(value)}", source, path + ("attr", name))
    try:
        element = etree.Element(tag, attrs) if parent is None else etree.SubElement(parent, tag, attrs)
    except ValueError as exc:
        raise _refuse(f"not allowed in XML: {exc}", source, path) from None
    return element
