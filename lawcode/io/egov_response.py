"""e-Gov API responses: find the ``<Law>`` inside and keep what the envelope says about it.

What users download is rarely a bare ``<Law>`` file. This module reads the three shapes the e-Gov 法令API
returns for one law's full text (see ../shared/reference/domain.md §2):

* API v1 ``lawdata`` — ``DataRoot/Result{Code, Message}`` + ``ApplData{LawId, LawNum, LawFullText/Law,
  ImageData}``;
* API v2 ``law_data`` as XML — ``law_data_response{attached_files_info, law_info, revision_info,
  law_full_text/Law}``;
* API v2 ``law_data`` as JSON — the same keys, with ``law_full_text`` a JSON element tree
  (:mod:`lawcode.io.json_tree`), or a bare JSON element tree (``law_file/json``, the ``law_full_text`` alone).

When the full-text format differs from the response format, the API sends ``law_full_text`` Base64-encoded
(XML inside JSON, JSON inside XML); that is decoded here too. The ``<Law>`` element is taken out unchanged
(canonically equal to the element in the response) and the envelope becomes a
:class:`~lawcode.model.revision.Revision`. Listings (``laws``, ``law_revisions``, ``keyword``,
``updatelawlists``) raise :class:`~lawcode.errors.NotALawError`; error responses (v1 ``Code`` 1, v2
``code``/``message``) raise :class:`~lawcode.errors.ParseError` quoting the API's message.
"""

from __future__ import annotations

import base64
import binascii
import copy
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Mapping

from lxml import etree

from lawcode.errors import NotALawError, ParseError
from lawcode.io.json_tree import json_path, parse_json_bytes, tree_to_element
from lawcode.io.xml_parser import parse_xml_bytes, root_position
from lawcode.model.revision import AttachedFile, Revision

__all__ = [
    "LawDocument",
    "law_document_from_xml",
    "law_document_from_json",
    "revision_from_api",
    "ORIGIN_V1_LAWDATA",
    "ORIGIN_V2_LAW_DATA",
]

ORIGIN_V1_LAWDATA = "api_v1/lawdata"
ORIGIN_V2_LAW_DATA = "api_v2/law_data"


@dataclass(frozen=True, slots=True)
class LawDocument:
    """A ``<Law>`` document taken out of whatever held it, and the envelope's metadata.

    ``tree`` is rooted at ``<Law>``; ``revision`` is ``None`` for a bare law (XML file or JSON tree);
    ``format`` names the input shape: ``"xml"``, ``"json_tree"``, ``"api_v1_lawdata"``,
    ``"api_v2_law_data_xml"`` or ``"api_v2_law_data_json"``.
    """

    tree: etree._ElementTree
    revision: Revision | None
    format: str


# ----------------------------------------------------------------------------------------------------------
# revision metadata (shared by the XML and JSON readers, and by an API client)
# ----------------------------------------------------------------------------------------------------------

_LAW_INFO_FIELDS = {
    "law_id": "law_id",
    "law_type": "law_type",
    "law_num": "law_num",
    "law_num_era": "law_num_era",
    "law_num_year": "law_num_year",
    "law_num_type": "law_num_type",
    "law_num_num": "law_num_num",
    "promulgation_date": "promulgation_date",
}
_REVISION_INFO_FIELDS = {
    "law_revision_id": "revision_id",
    "law_type": "law_type",
    "law_title": "title",
    "law_title_kana": "title_kana",
    "abbrev": "abbrev",
    "category": "category",
    "updated": "updated",
    "amendment_promulgate_date": "amendment_promulgate_date",
    "amendment_enforcement_date": "amendment_enforcement_date",
    "amendment_enforcement_comment": "amendment_enforcement_comment",
    "amendment_scheduled_enforcement_date": "amendment_scheduled_enforcement_date",
    "amendment_law_id": "amendment_law_id",
    "amendment_law_title": "amendment_law_title",
    "amendment_law_title_kana": "amendment_law_title_kana",
    "amendment_law_num": "amendment_law_num",
    "amendment_type": "amendment_type",
    "repeal_status": "repeal_status",
    "repeal_date": "repeal_date",
    "remain_in_force": "remain_in_force",
    "mission": "mission",
    "current_revision_status": "current_revision_status",
}
_DATES = frozenset({"promulgation_date", "amendment_promulgate_date", "amendment_enforcement_date",
                    "amendment_scheduled_enforcement_date", "repeal_date"})


class _FieldError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _text(value: Any) -> str | None:
    # the API writes JSON ``false`` for an empty status in places (laws_sample: "repeal_status": false)
    if value is None or value == "" or value is False:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _FieldError(f"expected a string, got {type(value).__name__}")
    return str(value)


def _convert(field: str, value: Any) -> Any:
    """One API value as the :class:`Revision` field wants it; ``_FieldError`` says why not."""
    if field == "law_num_year":
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
            return int(value)
        raise _FieldError(f"{value!r} is not a year number")
    if field == "remain_in_force":
        if value is None or value == "" or isinstance(value, bool):
            return None if value == "" else value
        if value in ("true", "false"):
            return value == "true"
        raise _FieldError(f"{value!r} is not a boolean (true/false)")
    text = _text(value)
    if text is None:
        return None
    if field in _DATES:
        try:
            return date.fromisoformat(text.replace("/", "-"))
        except ValueError:
            raise _FieldError(f"{text[:40]!r} is not a date (YYYY-MM-DD)") from None
    if field == "updated":
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise _FieldError(f"{text[:40]!r} is not a date and time (ISO 8601)") from None
    return text


def revision_from_api(
    law_info: Mapping[str, Any] | None,
    revision_info: Mapping[str, Any] | None,
    *,
    origin: str = ORIGIN_V2_LAW_DATA,
    attached_files: tuple[AttachedFile, ...] = (),
    image_data: str | None = None,
    fail: Callable[[str, str], Exception] | None = None,
) -> Revision:
    """A :class:`Revision` from API v2 ``law_info`` and ``revision_info`` objects (JSON values or XML texts).

    *fail(section_key, reason)* builds the exception for a value of the wrong type or format (default: a
    :class:`ParseError` naming the field); an API client passes its own to say which request it was.
    """
    make_error = fail or (lambda where, why: ParseError(f"{where}: {why}"))
    values: dict[str, Any] = {}
    extra: list[tuple[str, str | None]] = []
    for section, info, fields in (("law_info", law_info, _LAW_INFO_FIELDS),
                                  ("revision_info", revision_info, _REVISION_INFO_FIELDS)):
        for key, value in (info or {}).items():
            field = fields.get(key)
            try:
                if field is None:
                    extra.append((f"{section}.{key}", _text(value) if not isinstance(value, bool) else str(value)))
                elif field == "law_type" and section == "revision_info" and values.get("law_type"):
                    continue  # the same value twice; law_info's wins
                else:
                    values[field] = _convert(field, value)
            except _FieldError as exc:
                raise make_error(f"{section}.{key}", exc.reason) from None
    return Revision(origin=origin, attached_files=attached_files, image_data=image_data, extra=tuple(extra),
                    **values)


# ----------------------------------------------------------------------------------------------------------
# XML
# ----------------------------------------------------------------------------------------------------------


def _child(e: etree._Element, tag: str) -> etree._Element | None:
    for c in e:
        if c.tag == tag:
            return c
    return None


def _law_tree(law: etree._Element) -> etree._ElementTree:
    """The ``<Law>`` element as a document of its own (a copy: the envelope is dropped; line numbers kept)."""
    copied = copy.deepcopy(law)
    copied.tail = None
    return copied.getroottree()


def _fields(e: etree._Element | None) -> dict[str, str | None]:
    """An XML record (``<law_info><law_id>…</law_id>…``) as a mapping of its leaf children's texts (children
    with elements inside — ``LawFullText``, lists — are not fields, and reading their text would cost a pass
    over the whole law)."""
    if e is None:
        return {}
    return {c.tag: (c.text or None) for c in e if isinstance(c.tag, str) and len(c) == 0}


def _xml_field_error(source: str, records: Mapping[str, etree._Element | None]) -> Callable[[str, str], ParseError]:
    """The error for a bad value in an XML record, located at the field's element (or the record's)."""

    def fail(where: str, why: str) -> ParseError:
        section, _, key = where.partition(".")
        record = records.get(section)
        element = _child(record, key) if record is not None else None
        line = element.sourceline if element is not None else (record.sourceline if record is not None else None)
        return ParseError(f"{where}: {why}", source=source, line=line)

    return fail


def law_document_from_xml(data: bytes | str, source: str = "<bytes>") -> LawDocument:
    """Parse XML *data* and take the law out of it: a bare ``<Law>``, a v1 ``DataRoot`` or a v2
    ``law_data_response`` (see the module docstring)."""
    tree = parse_xml_bytes(data, source)
    root = tree.getroot()
    if root.tag == "Law":
        return LawDocument(tree, None, "xml")
    if root.tag == "DataRoot":
        return _from_data_root(root, data, source)
    if root.tag == "law_data_response":
        return _from_law_data_xml(root, data, source)
    line, column = root_position(data)
    record = _fields(root)
    code, message = record.get("code"), record.get("message")
    if code and message is not None:
        raise ParseError(f"e-Gov API error response (code {code}): {message}", source=source, line=line,
                         column=column)
    what = _LISTINGS.get(root.tag)
    reason = (f"root element is <{root.tag}> ({what}), not a law" if what
              else f"root element is <{root.tag}>, expected <Law> or an e-Gov API response holding one")
    raise NotALawError(reason, source=source, line=line, column=column)


_LISTINGS = {
    "laws_response": "an e-Gov API v2 laws search result",
    "law_revisions_response": "an e-Gov API v2 revision history (law_revisions)",
    "keyword_response": "an e-Gov API v2 keyword search result",
}


def _from_data_root(root: etree._Element, data: bytes | str, source: str) -> LawDocument:
    result = _fields(_child(root, "Result"))
    appl = _child(root, "ApplData")
    full = _child(appl, "LawFullText") if appl is not None else None
    law = _child(full, "Law") if full is not None else None
    if law is None:
        line, column = root_position(data)
        if result.get("Code") not in (None, "0"):
            raise ParseError(
                f"e-Gov API v1 error response (Result Code {result.get('Code')}): {result.get('Message') or '—'}",
                source=source, line=line, column=column,
            )
        if appl is not None and _child(appl, "LawNameListInfo") is not None:
            what = "an e-Gov API v1 law list (lawlists / updatelawlists), not a law"
        elif appl is not None and _child(appl, "LawContents") is not None:
            what = "part of a law (API v1 articles); load needs the whole law (API v1 lawdata)"
        else:
            what = "it holds no ApplData/LawFullText/Law"
        raise NotALawError(f"root element is <DataRoot> (an e-Gov API v1 response): {what}", source=source,
                           line=line, column=column)
    assert appl is not None
    fields = _fields(appl)
    extra = tuple((f"ApplData.{k}", v) for k, v in fields.items()
                  if k not in ("LawId", "LawNum", "LawFullText", "ImageData"))
    revision = Revision(
        origin=ORIGIN_V1_LAWDATA,
        law_id=fields.get("LawId"),
        law_num=fields.get("LawNum"),
        image_data=fields.get("ImageData"),
        result_code=result.get("Code"),
        result_message=result.get("Message"),
        extra=extra,
    )
    return LawDocument(_law_tree(law), revision, "api_v1_lawdata")


def _from_law_data_xml(root: etree._Element, data: bytes | str, source: str) -> LawDocument:
    full = _child(root, "law_full_text")
    if full is None:
        line, column = root_position(data)
        raise NotALawError("root element is <law_data_response> but it has no <law_full_text>", source=source,
                           line=line, column=column)
    law = _child(full, "Law")
    if law is not None:
        tree = _law_tree(law)
    else:
        inner = next((c for c in full if isinstance(c.tag, str)), None)
        if inner is not None:
            raise NotALawError(
                f"law_full_text holds <{inner.tag}>, part of a law (the elm parameter); load needs the whole <Law>",
                source=source, line=inner.sourceline,
            )
        tree = _decode_base64(full.text or "", f"{source} (law_full_text, Base64)", source, full.sourceline)
    law_info, revision_info = _child(root, "law_info"), _child(root, "revision_info")
    attached_info = _child(root, "attached_files_info")
    revision = revision_from_api(
        _fields(law_info),
        _fields(revision_info),
        attached_files=_attached_from_xml(attached_info, source),
        image_data=_fields(attached_info).get("image_data"),
        fail=_xml_field_error(source, {"law_info": law_info, "revision_info": revision_info}),
    )
    return LawDocument(tree, revision, "api_v2_law_data_xml")


def _attached_from_xml(info: etree._Element | None, source: str) -> tuple[AttachedFile, ...]:
    if info is None:
        return ()
    files = []
    for e in info.iter():
        if not isinstance(e.tag, str) or _child(e, "src") is None:
            continue
        record = _fields(e)
        updated = record.get("updated") or ""
        try:
            when = datetime.fromisoformat(updated) if updated else None
        except ValueError:
            raise ParseError(f"attached file updated: {updated[:40]!r} is not a date and time", source=source,
                             line=e.sourceline) from None
        files.append(AttachedFile(src=record.get("src") or "", law_revision_id=record.get("law_revision_id"),
                                  updated=when))
    return tuple(files)


def _decode_base64(text: str, inner_source: str, source: str, line: int | None) -> etree._ElementTree:
    """The ``<Law>`` of a Base64 ``law_full_text`` (XML or a JSON tree; nothing else, no second envelope)."""
    compact = "".join(text.split())
    if not compact:
        raise NotALawError("law_full_text is empty", source=source, line=line)
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ParseError(f"law_full_text is neither a <Law> element nor valid Base64: {exc}", source=source,
                         line=line) from None
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"{":
        return _law_from_json_tree(parse_json_bytes(raw, inner_source), inner_source, ())
    document = law_document_from_xml(raw, inner_source)
    if document.format != "xml":
        raise ParseError("the Base64 law_full_text holds another API response, not a <Law>", source=inner_source)
    return document.tree


# ----------------------------------------------------------------------------------------------------------
# JSON
# ----------------------------------------------------------------------------------------------------------

_JSON_LISTINGS = (
    ("revisions", "an e-Gov API v2 revision history (law_revisions)"),
    ("laws", "an e-Gov API v2 laws search result"),
    ("items", "an e-Gov API v2 keyword search result"),
)


def _law_from_json_tree(node: Any, source: str, path: tuple[str | int, ...]) -> etree._ElementTree:
    element = tree_to_element(node, source, path)
    if element.tag != "Law":
        raise NotALawError(
            f"{json_path(path)}: the element tree's root is <{element.tag}>, part of a law (the elm parameter) "
            "or not a law; load needs the whole <Law>",
            source=source,
        )
    return element.getroottree()


def _object_at(obj: Any, key: str, source: str) -> Mapping[str, Any] | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ParseError(f"{json_path((key,))}: expected an object, got {type(value).__name__}", source=source)
    return value


def law_document_from_json(data: bytes | str, source: str = "<bytes>") -> LawDocument:
    """Parse JSON *data* and take the law out of it: a v2 ``law_data`` response or a bare element tree."""
    obj = parse_json_bytes(data, source)
    text = data.decode("utf-8", "replace") if isinstance(data, (bytes, bytearray, memoryview)) else data
    offset = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1

    def not_a_law(why: str) -> NotALawError:
        return NotALawError(why, source=source, line=line, column=column)

    if not isinstance(obj, dict):
        raise not_a_law(f"a JSON {type(obj).__name__} is not a law (expected an e-Gov law_data response or an "
                        "element tree)")
    if "tag" in obj:
        return LawDocument(_law_from_json_tree(obj, source, ()), None, "json_tree")
    if "law_full_text" in obj:
        return _from_law_data_json(obj, source)
    if "code" in obj and "message" in obj:
        raise ParseError(f"e-Gov API error response (code {obj.get('code')}): {obj.get('message')}", source=source,
                         line=line, column=column)
    for key, what in _JSON_LISTINGS:
        if key in obj:
            raise not_a_law(f"this JSON is {what}, not a law")
    keys = ", ".join(sorted(map(str, obj))[:8])
    raise not_a_law(f"this JSON is not a law: expected an e-Gov law_data response (law_info, revision_info, "
                    f"law_full_text) or an element tree (tag, attr, children); it has {keys or 'no keys'}")


def _from_law_data_json(obj: Mapping[str, Any], source: str) -> LawDocument:
    full = obj["law_full_text"]
    if isinstance(full, str):
        tree = _decode_base64(full, f"{source} (law_full_text, Base64)", source, None)
    else:
        tree = _law_from_json_tree(full, source, ("law_full_text",))
    attached_info = _object_at(obj, "attached_files_info", source) or {}
    attached = _attached_from_json(attached_info, source)
    image_data = attached_info.get("image_data")
    if image_data is not None and not isinstance(image_data, str):
        raise ParseError(f"$.attached_files_info.image_data: expected a string, got {type(image_data).__name__}",
                         source=source)
    revision = revision_from_api(
        _object_at(obj, "law_info", source),
        _object_at(obj, "revision_info", source),
        attached_files=attached,
        image_data=image_data or None,
        fail=lambda where, why: ParseError(f"$.{where}: {why}", source=source),
    )
    return LawDocument(tree, revision, "api_v2_law_data_json")


def _attached_from_json(info: Mapping[str, Any], source: str) -> tuple[AttachedFile, ...]:
    files = info.get("attached_files") or []
    if not isinstance(files, list):
        raise ParseError(f"$.attached_files_info.attached_files: expected an array, got {type(files).__name__}",
                         source=source)
    out = []
    for i, item in enumerate(files):
        where = json_path(("attached_files_info", "attached_files", i))
        if not isinstance(item, dict) or not isinstance(item.get("src"), str):
            raise ParseError(f"{where}: expected an object with a string 'src'", source=source)
        updated = item.get("updated") or ""
        if not isinstance(updated, str):
            raise ParseError(f"{where}.updated: expected a string, got {type(updated).__name__}", source=source)
        try:
            when = datetime.fromisoformat(updated) if updated else None
        except ValueError:
            raise ParseError(f"{where}.updated: {updated[:40]!r} is not a date and time", source=source) from None
        rid = item.get("law_revision_id")
        out.append(AttachedFile(src=item["src"], law_revision_id=rid if isinstance(rid, str) else None,
                                updated=when))
    return tuple(out)
