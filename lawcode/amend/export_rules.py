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
  the other leaves it out; a 前文 that only records a 全部改正 (「…の全部を改正する。」) counts as one, and when one export
  files that record as a 前文 and the other as a 制定文, it becomes a 制定文 in both (its text still compared). The 制定文 records the enactment; no 改め文 adds or removes it (a 制定文 present in both
  versions is compared as text).
* ``extract`` — the ``Extract`` attribute of a 本則 or 附則 (「抄」, an excerpt printed by the export) is set in
  one export and not in the other.

Each rule is applied **only when the pair needs it**: when the two versions differ in exactly that way (a
number field at the same address, the ``Extract`` of the 本則 or 附則 at the same address, appendices of a kind
with and without ``Num``, a 制定文 on one side only). It is then applied to both versions alike, never to one
side, and it changes nothing but the width of digits in number fields, the ``Num`` attribute of appendices, a
制定文 present on one side only, or the ``Extract`` attribute — never a word of the text. :func:`export_rules`
returns the names of the rules a pair needed, so that the benchmark can count them.

One more rule compares a round-trip result with the new export rather than preparing the pair:

* ``sentence boundaries`` — how the export cuts a provision's text into ``Sentence`` elements and marks them
  (``Num``, ``Function`` 本文・ただし書), and line breaks inside a sentence's text. Exports write two sentences
  in one ``Sentence``, split a sentence inside a quotation 「…含む。」, leave a 「\\n」 in a sentence, mark a
  本文・ただし書 the text does not (or leave out one it does), or leave the ``Num`` off grouped sentences. An
  改め文 quotes text; the applier cuts it into sentences at each 「。」 outside brackets and marks a sentence
  starting 「ただし、」 as ただし書 (:func:`lawcode.io.text.fill_sentences`), so none of this can be expressed.
  :func:`sentence_blind` gives the form in which the sentences of each holder are one run of text;
  :func:`align_sentences` accepts a difference **only** in a sentence holder whose two sides are equal in
  that form — the same characters, in the same elements — so no textual change is ever hidden.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator

from lxml import etree

from lawcode.model.tags import SUBITEM_TAGS

__all__ = ["RULES", "SENTENCE_RULE", "align_sentences", "export_rules", "number_fields", "sentence_blind"]

#: The rule applied when a round-trip result is compared with the new export (:func:`align_sentences`).
SENTENCE_RULE = "sentence boundaries"
#: The rules, in the order they are applied (the last one on comparison, not on the pair).
RULES = ("digit width", "appendix number", "enact statement", "extract", SENTENCE_RULE)

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


#: A 前文 that only records a 全部改正 (「裁判所職員の定員に関する法律（…）の全部を改正する。」): some exports print
#: this record of enactment as a ``Preamble``, others leave it out, as they do a 制定文.
_WHOLE_REVISION = re.compile(r"[^。]*の全部を改正する。")


def _enact_records(root: etree._Element) -> list[etree._Element]:
    """The 制定文 (``EnactStatement``) and the 前文 that only record a 全部改正 (:data:`_WHOLE_REVISION`)."""
    out = list(root.iter("EnactStatement"))
    for p in root.iter("Preamble"):
        if _WHOLE_REVISION.fullmatch("".join(t.strip() for t in p.itertext())):
            out.append(p)
    return out


def _enact_needed(old: etree._Element, new: etree._Element) -> bool:
    a, b = _enact_records(old), _enact_records(new)
    if bool(a) != bool(b):
        return True  # one export prints the 制定文, the other leaves it out
    return [_plain(e) for e in a] == [_plain(e) for e in b] and [e.tag for e in a] != [e.tag for e in b]


def _plain(e: etree._Element) -> str:
    return "".join(t.strip() for t in e.itertext())


def _enact_pair(old: etree._Element, new: etree._Element) -> None:
    """A 全部改正文 filed as a 前文 becomes the ``EnactStatement`` the other export files it as (its text kept and
    compared); a 制定文 present in one export only is removed from both."""
    for root in (old, new):
        for e in _enact_records(root):
            if e.tag == "Preamble":
                statement = etree.Element("EnactStatement")
                statement.text, statement.tail = _plain(e), e.tail
                parent = e.getparent()
                assert parent is not None
                parent.replace(e, statement)
    if bool(_enact_records(old)) != bool(_enact_records(new)):
        for root in (old, new):
            for e in _enact_records(root):
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


_Pair = Callable[[etree._Element, etree._Element], None]


def _both(apply: Callable[[etree._Element], None]) -> _Pair:
    def run(old: etree._Element, new: etree._Element) -> None:
        apply(old)
        apply(new)
    return run


_RULE_FUNCS: dict[str, tuple[Callable[[etree._Element, etree._Element], bool], _Pair]] = {
    "digit width": (_digit_width_needed, _both(_widen_digits)),
    "appendix number": (_appendix_numbers_needed, _both(_drop_appendix_numbers)),
    "enact statement": (_enact_needed, _enact_pair),
    "extract": (_extract_needed, _both(_drop_extract)),
}


def export_rules(old: etree._Element, new: etree._Element) -> list[str]:
    """Apply to both ``<Law>`` (or ``LawBody``) trees, in place, every rule of :data:`RULES` that the pair needs,
    and return the names of the rules applied (empty when the two exports agree on every convention)."""
    used = []
    for name in _RULE_FUNCS:
        needed, apply = _RULE_FUNCS[name]
        if needed(old, new):
            apply(old, new)
            used.append(name)
    return used


# -- sentence boundaries (a comparison rule) --------------------------------------------------------------------

#: Sentence attributes that say where a sentence stands among its siblings and what role it plays — what the
#: text implies (「ただし、」) and each export marks its own way.
_SENTENCE_MARKS = ("Num", "Function")


def _holds_sentences(e: etree._Element) -> bool:
    return any(c.tag == "Sentence" for c in e)


def sentence_blind(e: etree._Element) -> etree._Element:
    """A copy of *e* in which every run of ``Sentence`` siblings is one ``Sentence`` (the attributes of the
    first, without ``Num`` and ``Function``) holding their text and inline markup in order, and line breaks in
    sentence text are left out. Two elements equal in this form say the same words in the same places; they
    differ at most in where the export cuts and marks sentences."""
    out = copy.deepcopy(e)
    out.tail = None
    for holder in [x for x in out.iter() if isinstance(x.tag, str) and _holds_sentences(x)]:
        merged: etree._Element | None = None
        for s in list(holder):
            if s.tag != "Sentence":
                merged = None
                continue
            for key in _SENTENCE_MARKS:
                s.attrib.pop(key, None)
            if merged is None:
                merged = s
                continue
            _append_content(merged, s)
            holder.remove(s)
    for s in out.iter("Sentence"):
        for x in s.iter():
            if x.text:
                x.text = _no_breaks(x.text)
            if x is not s and x.tail:
                x.tail = _no_breaks(x.tail)
    return out


def _no_breaks(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def _append_content(into: etree._Element, s: etree._Element) -> None:
    """Move the text and children of sentence *s* to the end of *into*."""
    tail_holder = into[-1] if len(into) else None
    if s.text:
        if tail_holder is None:
            into.text = (into.text or "") + s.text
        else:
            tail_holder.tail = (tail_holder.tail or "") + s.text
    for c in list(s):
        into.append(c)  # moves c, with its tail


def _same(a: etree._Element, b: etree._Element) -> bool:
    return etree.tostring(a, method="c14n") == etree.tostring(b, method="c14n")


def _bare(e: etree._Element) -> etree._Element:
    c = copy.deepcopy(e)
    c.tail = None
    return c


def align_sentences(got: etree._Element, want: etree._Element) -> int:
    """Make *got* (a round-trip result) take the sentences of *want* (the new export) in every sentence holder
    (``ParagraphSentence``, ``ItemSentence``, ``Column`` …) where the two differ but are equal once sentence
    boundaries are ignored (:func:`sentence_blind`); the trees are walked in parallel and only where they have
    the same tags. Returns how many holders were aligned (0: the rule was not needed, or cannot help)."""
    aligned = 0

    def walk(x: etree._Element, y: etree._Element) -> None:
        nonlocal aligned
        if x.tag != y.tag:
            return
        if (_holds_sentences(x) or _holds_sentences(y)) and not _same(_bare(x), _bare(y)):
            if _same(sentence_blind(x), sentence_blind(y)):
                fresh = copy.deepcopy(y)
                fresh.tail = x.tail
                parent = x.getparent()
                if parent is not None:
                    parent.replace(x, fresh)
                    aligned += 1
            return
        xs = [c for c in x if isinstance(c.tag, str)]
        ys = [c for c in y if isinstance(c.tag, str)]
        if len(xs) == len(ys):
            for a, b in zip(xs, ys, strict=True):
                walk(a, b)

    walk(got, want)
    return aligned
