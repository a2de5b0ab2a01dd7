"""Comparison keys for elements: exact, whitespace-insensitive, number-insensitive, and a text for similarity.

All keys are built from lxml's C serialiser (``etree.tostring(..., encoding="unicode")``), which is an order
of magnitude faster than walking the tree in Python; a diff only serialises the parts of the two documents
whose ancestors differ, so unchanged chapters are compared as single strings.

* :func:`exact_key` — the element as serialised, without its tail: equal keys mean equal subtrees.
* :func:`loose_key` — the same with whitespace-only text between tags removed, i.e. canonical equality
  (:func:`lawcode.canonical_xml`) for elements whose attributes are written in the same order. A leaf
  whose whole text is XML whitespace is content, so such keys are left exact.
* :func:`numberless_key` — a provision without its printed number (``ArticleTitle``, ``ParagraphNum``,
  ``ItemTitle`` …) and ``Num`` attribute: equal for a provision that was only renumbered (条ずれ).
* :func:`plain_text` — the text content without XML whitespace, for similarity scores.
* :func:`content_key` — a key without schema-default attributes (``Delete="false"`` …) and without the
  attributes of non-provision elements (``Sentence Num="1"``): equal for the same provisions with the same
  wording, however the exporter wrote them.
* :func:`own_wording` — a provision's own wording (not its number, caption or sub-provisions), the
  basis of ``text_changed``.
* :func:`layout_signature` — how the first elements are indented: tells pretty-printed from compact files.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

from lawcode.model.tags import PROVISION_TAG_SET, TITLE_OF

__all__ = [
    "exact_key",
    "loose_key",
    "has_blank_leaf",
    "numberless_key",
    "plain_text",
    "title_tag",
    "solid_length",
    "content_key",
    "strip_defaults",
    "has_defaults",
    "own_wording",
    "layout_signature",
    "attribute_signature",
]

_E: TypeAlias = etree._Element
_BETWEEN = re.compile(r">[ \t\r\n]+<")
#: A start tag directly followed by whitespace and an end tag: a leaf whose text is only whitespace.
_WS_LEAF = re.compile(r"<[A-Za-z_][^<>]*[^/<>]>[ \t\r\n]+</")
_NUM_ATTR = re.compile(r'\sNum="[^"]*"')
_XML_SPACE = " \t\r\n"
_LAYOUT_WS = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
_CAPTIONS = frozenset(("ArticleCaption", "ParagraphCaption"))


def exact_key(e: _E) -> str:
    """The subtree of *e* as serialised (attribute order as written, tail excluded)."""
    return etree.tostring(e, encoding="unicode", with_tail=False)


def loose_key(key: str, no_blank_leaf: bool = False) -> str:
    """*key* (from :func:`exact_key`) without whitespace-only text between tags.

    *no_blank_leaf*: the caller knows the subtree has no leaf whose whole text is whitespace (e.g. because
    its parent's key had none), which saves a regular-expression scan of the whole key."""
    if ">\n" not in key and "> " not in key and ">\t" not in key and ">\r" not in key:
        return key
    if not no_blank_leaf and _WS_LEAF.search(key):
        return key
    return _BETWEEN.sub("><", key)


def has_blank_leaf(key: str) -> bool:
    """Whether *key* has an element whose whole text is XML whitespace (content, not layout)."""
    if ">\n" not in key and "> " not in key and ">\t" not in key and ">\r" not in key:
        return False
    return _WS_LEAF.search(key) is not None


def title_tag(tag: str) -> str | None:
    """The element holding a provision's printed number or title (``ArticleTitle`` for ``Article`` …)."""
    return TITLE_OF.get(tag)


def numberless_key(e: _E, exact: str | None = None) -> str:
    """A key equal for two provisions that differ only in their number (``Num`` and the printed number).

    Built from the element's :func:`exact_key` (pass it as *exact* when it is at hand) by cutting out the
    printed number element and the ``Num`` attribute. Container titles (「第三章　雑則」) are left out whole:
    a chapter that was renumbered *and* renamed is still recognised, and the new name is reported
    separately.
    """
    key = exact_key(e) if exact is None else exact
    skip = TITLE_OF.get(e.tag)
    if skip is not None:
        for c in e:
            if c.tag == skip:
                key = key.replace(exact_key(c), "", 1)
                break
    end = key.find(">")
    if end > 0 and "Num=" in key[:end]:
        key = _NUM_ATTR.sub("", key[:end], count=1) + key[end:]
    return key


def plain_text(e: _E, skip_title: bool = True) -> str:
    """Text content of *e* without XML whitespace (and without its printed number when *skip_title*)."""
    skip = TITLE_OF.get(e.tag) if skip_title else None
    if skip is None:
        return _drop_xml_ws(etree.tostring(e, method="text", encoding="unicode", with_tail=False))
    return _drop_xml_ws("".join(
        etree.tostring(c, method="text", encoding="unicode", with_tail=False)
        for c in e
        if c.tag != skip and isinstance(c.tag, str)
    ))


def _drop_xml_ws(t: str) -> str:
    """*t* without XML whitespace (space, tab, CR, LF; not the ideographic space). ``str.replace`` runs in C
    and is about ten times faster than ``str.translate`` with a deletion table on non-ASCII text."""
    if " " in t:
        t = t.replace(" ", "")
    if "\n" in t:
        t = t.replace("\n", "")
    if "\t" in t:
        t = t.replace("\t", "")
    if "\r" in t:
        t = t.replace("\r", "")
    return t


def solid_length(key: str) -> int:
    """Number of characters of *key* that are not XML whitespace: equal for keys whose :func:`loose_key` are
    equal, and cheap (``str.count`` runs in C), so it rules most pairs out before any regular expression."""
    return len(key) - key.count(" ") - key.count("\n") - key.count("\t") - key.count("\r")

#: Attributes written with their default value in 法令標準XMLスキーマ v3: the same as leaving them out.
_DEFAULT_ATTRS = re.compile(
    r' (?:Delete|Hide|OldStyle|OldNum|LineBreak)="false"| WritingMode="vertical"'
    r'| (?:Style|BorderTop|BorderRight|BorderLeft|BorderBottom)="solid"'
)


#: Start tags of elements that are not provisions, with their attributes (group 1: name, 2: ``/`` if empty).
_PLAIN_TAG_ATTRS = re.compile(
    r"<(?!(?:%s)[\s>/])([A-Za-z][A-Za-z0-9]*)\s[^>]*?(/?)>" % "|".join(sorted(PROVISION_TAG_SET, key=len, reverse=True))
)
def content_key(key: str) -> str:
    """*key* without schema-default attributes and without the attributes of non-provision elements."""
    return _PLAIN_TAG_ATTRS.sub(r"<\1\2>", strip_defaults(key))


def has_defaults(key: str) -> bool:
    return '="false"' in key or '="vertical"' in key or '="solid"' in key


def strip_defaults(key: str) -> str:
    return _DEFAULT_ATTRS.sub("", key) if has_defaults(key) else key


def own_wording(e: _E) -> tuple[str, ...]:
    """The wording that is a provision's own (not its number, caption or sub-provisions), one string per
    child element, with layout whitespace removed.

    Attributes are left out on purpose: the same revision comes with or without ``Delete="false"``,
    ``WritingMode="vertical"`` or ``Sentence Num="1"`` depending on the exporter, and that is not a change
    of the law (the edit script still carries them).
    """
    skip = TITLE_OF.get(e.tag)
    parts = []
    for c in e:
        tag = c.tag
        if tag == skip or tag in _CAPTIONS or tag in PROVISION_TAG_SET or not isinstance(tag, str):
            continue
        text = etree.tostring(c, method="text", encoding="unicode", with_tail=False)
        parts.append(_LAYOUT_WS.sub("", text) if "\n" in text else text)
    return tuple(parts)


def layout_signature(root: _E, sample: int = 200) -> tuple[tuple[str | None, str | None], ...]:
    """The whitespace between the first *sample* elements: tells pretty-printed from compact exports."""
    out = []
    for k, e in enumerate(root.iter()):
        if k >= sample:
            break
        text = e.text if e.text is not None and not e.text.strip(_XML_SPACE) else None
        tail = e.tail if e.tail is not None and not e.tail.strip(_XML_SPACE) else None
        out.append((text, tail))
    return tuple(out)


def attribute_signature(root: _E, sample: int = 400) -> frozenset[tuple[str, str, str | None]]:
    """Which attributes the first *sample* elements of the 本則 (or of the document, without one) carry, with
    the value of the default-valued ones: tells exporters apart that write ``Delete="false"`` or
    ``Sentence Num="1"`` from those that do not."""
    out: set[tuple[str, str, str | None]] = set()
    start = next(root.iter("MainProvision"), root)
    for k, e in enumerate(start.iter()):
        if k >= sample:
            break
        if not isinstance(e.tag, str):
            continue
        for name, value in e.attrib.items():
            out.add((e.tag, name, value if value in ("false", "vertical", "solid") else None))
    return frozenset(out)
