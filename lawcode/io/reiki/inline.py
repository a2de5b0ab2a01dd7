"""Inline HTML → e-Gov inline XML: text kept exactly as written, ruby/sup/sub kept as elements.

Vendors wrap text in presentational spans (ぎょうせい's ``span.brackets-color1..4`` colour brackets by depth,
``a.inline.quote`` marks cross-references): the text is kept and the wrapper dropped. What carries meaning in
the law's own text becomes the schema's element — ``ruby`` → ``Ruby``/``Rt``, superscript/subscript → ``Sup``/
``Sub``; an inline image (a formula printed as a picture) becomes ``ArithFormula/Fig`` where the schema
allows it (in a ``Sentence``) and is otherwise left out. Nothing is normalised: 「あつて」 stays 「あつて」.
"""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

__all__ = ["append_inline", "append_text", "plain_text"]

_E: TypeAlias = etree._Element
_SKIP = frozenset(("rt", "rp", "script", "style"))
#: Elements whose content the schema allows only in these parents.
_FORMULA_PARENTS = frozenset(("Sentence",))


def _classes(node: _E) -> str:
    return node.get("class") or ""


def plain_text(node: _E) -> str:
    """The text of *node* as a reader sees it, without ruby readings (``rt``/``rp``)."""
    if node.tag in _SKIP or not isinstance(node.tag, str):
        return ""
    parts = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def append_text(target: _E, text: str) -> None:
    """Append *text* at the end of *target*'s content (after its last child, if any)."""
    if not text:
        return
    if len(target):
        last = target[-1]
        last.tail = (last.tail or "") + text
    else:
        target.text = (target.text or "") + text


def append_inline(target: _E, node: _E, *, include_self_text: bool = True) -> None:
    """Append the content of HTML *node* (its text and inline children, not its tail) to XML *target*."""
    if include_self_text:
        append_text(target, node.text or "")
    for child in node:
        tag = child.tag
        if not isinstance(tag, str):  # comments, processing instructions
            append_text(target, child.tail or "")
            continue
        tag = tag.lower()
        cls = _classes(child)
        if tag in _SKIP:
            pass
        elif tag == "ruby":
            _ruby(target, child)
        elif tag == "sup" or " sup" in f" {cls}":
            etree.SubElement(target, "Sup").text = plain_text(child)
        elif tag == "sub" or " sub" in f" {cls}":
            etree.SubElement(target, "Sub").text = plain_text(child)
        elif tag == "img":
            src = child.get("src")
            if src and target.tag in _FORMULA_PARENTS:
                etree.SubElement(etree.SubElement(target, "ArithFormula"), "Fig", src=src)
        else:
            append_inline(target, child)
        append_text(target, child.tail or "")


def _ruby(target: _E, node: _E) -> None:
    ruby = etree.SubElement(target, "Ruby")
    ruby.text = ""
    readings: list[str] = []
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag.lower() == "rt":
            readings.append(plain_text_all(child))
    base = node.text or ""
    for child in node:
        if isinstance(child.tag, str) and child.tag.lower() not in ("rt", "rp"):
            base += plain_text(child)
        base += child.tail or ""
    ruby.text = base
    for reading in readings:
        etree.SubElement(ruby, "Rt").text = reading


def plain_text_all(node: _E) -> str:
    """All text under *node*, readings included (the content of an ``rt``)."""
    return "".join(node.itertext())
