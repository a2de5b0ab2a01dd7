"""Comparison rules for differences between two e-Gov exports that no 改め文 can express.

Two versions of a law are often exported years apart, by different tools. Besides the layout attributes that
:func:`lawcode.amend.roundtrip.format_differences` removes, four conventions change between exports of the
*same* text, on provisions no amendment touched:

* ``digit width`` — a number field prints 「10」 in one export and 「１０」 in the other (``ParagraphNum``,
  ``ItemTitle``, ``Subitem1Title`` …: the printed number of a 項・号・細分). An 改め文 never quotes a number
  field, so it cannot change the width of one.
* ``appendix number`` — the appendices (別表, 様式 …) of one export carry a ``Num`` attribute and those of the
  other none (their number is then printed in the title only, 「別表第一」; docs/plaintext.md, rule
  ``appendix number``). An 改め文 names a 別表 by its title; it cannot add or remove the attribute.
* ``enact statement`` — one export prints the 制定文 (``EnactStatement``, 「内閣は、…この政令を制定する。」) and
  the other leaves it out. The 制定文 records the enactment; no 改め文 adds or removes it (a 制定文 present in both
  versions is compared as text).
* ``extract`` — the ``Extract`` attribute of a 本則 or 附則 (「抄」, an excerpt printed by the export) is set in
  one export and not in the other.

Each rule is applied **only when the pair needs it**: when the two versions differ in exactly that way (a
number field at the same address, the ``Extract`` of the 本則 or 附則 at the same address, appendices of a kind
with and without ``Num``, a 制定文 on one side only). It is then applied to both versions alike, never to one
side, and it changes nothing but the width of digits in number fields, the ``Num`` attribute of appendices, a
制定文 present on one side only, or the ``Extract`` attribute — never a word of the text. :func:`export_rules`
returns the names of the rules a pair needed, so that the benchmark can count them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from lawcode.model.tags import SUBITEM_TAGS

__all__ = ["RULES", "export_rules", "number_fields"]

#: The rules, in the order they are applied.
RULES = ("digit width", "appendix number", "enact statement", "extract")

_NUMBER_FIELDS = frozenset({"ParagraphNum", "ItemTitle"} | {t + "Title" for t in SUBITEM_TAGS})
_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
_EXTRACT_HOLDERS = ("MainProvision", "SupplProvision")
_APPENDICES = ("AppdxTable", "AppdxStyle", "AppdxFormat", "AppdxNote", "AppdxFig", "Appdx")


def number_fields() -> frozenset[str]:
    """The elements whose text is a printed number of a 項・号・細分 (the fields the digit-width rule touches)."""
    return _NUMBER_FIELDS


def _address(e: etree._Element) -> tuple[tuple[str, str], ...]:
    """The chain of (tag, Num) from the ``LawBody`` down to *e*, with the position among same-tag siblings
    when there is no ``Num`` (附則 of several amending laws have none)."""
    chain: list[tuple[str, str]] = []
    node: etree._Element | None = e
    while node is not None and node.tag not in ("LawBody", "Law"):
        parent = node.getparent()
        num = node.get("Num")
        if num is None:
            num = f"[{sum(1 for s in parent if s.tag == node.tag and s is not node and _before(s, node))}]" \
                if parent is not None else ""
            if node.tag == "SupplProvision":
                num += node.get("AmendLawNum") or ""
        chain.append((str(node.tag), num))
        node = parent
    return tuple(reversed(chain))


def _before(a: etree._Element, b: etree._Element) -> bool:
    parent = b.getparent()
    assert parent is not None
    return parent.index(a) < parent.index(b)


def _fields(root: etree._Element, tags: frozenset[str]) -> dict[tuple[tuple[str, str], ...], etree._Element]:
    return {_address(e): e for e in root.iter(*tags)}


def _wide(text: str | None) -> str:
    return (text or "").translate(_WIDE)


def _digit_width_needed(old: etree._Element, new: etree._Element) -> bool:
    a, b = _fields(old, _NUMBER_FIELDS), _fields(new, _NUMBER_FIELDS)
    return any((a[k].text or "") != (b[k].text or "") and _wide(a[k].text) == _wide(b[k].text)
               for k in a.keys() & b.keys())


def _widen_digits(root: etree._Element) -> None:
    for e in root.iter(*_NUMBER_FIELDS):
        if e.text:
            e.text = _wide(e.text)


def _appendix_numbers_needed(old: etree._Element, new: etree._Element) -> bool:
    for tag in _APPENDICES:
        a, b = list(old.iter(tag)), list(new.iter(tag))
        if a and b and any(e.get("Num") is not None for e in a) != any(e.get("Num") is not None for e in b):
            return True
    return False


def _drop_appendix_numbers(root: etree._Element) -> None:
    for e in root.iter(*_APPENDICES):
        e.attrib.pop("Num", None)


def _enact_needed(old: etree._Element, new: etree._Element) -> bool:
    return (next(old.iter("EnactStatement"), None) is None) != (next(new.iter("EnactStatement"), None) is None)


def _drop_enact(root: etree._Element) -> None:
    for e in list(root.iter("EnactStatement")):
        parent = e.getparent()
        if parent is not None:
            parent.remove(e)


def _holders(root: etree._Element) -> Iterator[etree._Element]:
    yield from root.iter(*_EXTRACT_HOLDERS)


def _extract_needed(old: etree._Element, new: etree._Element) -> bool:
    a = {_address(e): e.get("Extract") for e in _holders(old)}
    b = {_address(e): e.get("Extract") for e in _holders(new)}
    return any((a[k] or "false") != (b[k] or "false") or (a[k] is None) != (b[k] is None) for k in a.keys() & b.keys())


def _drop_extract(root: etree._Element) -> None:
    for e in _holders(root):
        e.attrib.pop("Extract", None)


_RULE_FUNCS: dict[str, tuple[Callable[[etree._Element, etree._Element], bool], Callable[[etree._Element], None]]] = {
    "digit width": (_digit_width_needed, _widen_digits),
    "appendix number": (_appendix_numbers_needed, _drop_appendix_numbers),
    "enact statement": (_enact_needed, _drop_enact),
    "extract": (_extract_needed, _drop_extract),
}


def export_rules(old: etree._Element, new: etree._Element) -> list[str]:
    """Apply to both ``<Law>`` (or ``LawBody``) trees, in place, every rule of :data:`RULES` that the pair needs,
    and return the names of the rules applied (empty when the two exports agree on every convention)."""
    used = []
    for name in RULES:
        needed, apply = _RULE_FUNCS[name]
        if needed(old, new):
            apply(old)
            apply(new)
            used.append(name)
    return used
