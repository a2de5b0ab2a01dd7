"""Check that a law survives the plain-text round trip: ``parse_text(law.to_text())`` has the same provisions.

"The same" is what the text can carry: every provision's e-Gov path, Japanese label, caption and own sentences
(:meth:`Provision.own_text`). Attributes the printed text does not show (``Hide``, table cell borders) are not
compared; docs/plaintext.md lists them.

Some parts of a path are data the printed text cannot carry, so paths are compared after the rules below, applied
to every law alike; each pair of provisions that matches only thanks to a rule is reported in
:attr:`TextRoundTrip.excluded` with its cause:

* ``appendix number`` — an appendix (別表, 様式 …) is addressed by its ``Num`` attribute when e-Gov gives one
  (``AppdxStyle_1``) and by its position otherwise (``AppdxStyle[1]``); the printed title never says which, so
  appendices are matched by their position among the appendices under the same parent;
* ``appendix tag`` — e-Gov chooses the element of an appendix (``AppdxTable``, ``AppdxStyle``, ``AppdxFormat``,
  ``AppdxNote`` …) with the title the printed text shows, but not always by it (「別表第一」 filed as an
  ``AppdxStyle``, 「別紙書式」 as an ``AppdxStyle`` where 「第一号書式」 is an ``AppdxFormat``); the reader follows the
  title's keyword, so appendices are matched by their position among *all* the appendices under the same parent
  (which also covers ``appendix number``), and their captions and texts are still compared;
* ``range number`` — e-Gov files a provision headed by a range (「イからリまで」「一及び二」) sometimes with the
  range as its ``Num`` (``1:9``), sometimes with its first number only (``1``) and then numbers the siblings
  after it by position (「ヌ」 as ``2``); the heading is the same either way, so where the siblings of a tag
  include a range heading they are matched by position (on both sides), and their labels, which are made from
  the ``Num``, are not compared;
* ``heading number`` — an article, chapter (編章節款目), 号 or 細分 whose heading contradicts its ``Num`` in the
  data (「第三十八条」 filed as ``Article_2``, 「第二章」 as ``Chapter_1``, a lone 「ニ」 of an extract filed as
  ``Subitem1_1``, a 号 「イ」 filed with ``Num="イ"``) is read back under the number its heading says; these are
  matched by the number of their heading (for kana, in イロハ order; a ``Num`` in アイウ order agrees too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lawcode.errors import NumeralError, ParseError
from lawcode.io.text.law_reader import parse_text
from lawcode.model.law import Law
from lawcode.model.provision import Provision
from lawcode.model.tags import TITLE_OF
from lawcode.text.numerals import aiu_to_int, iroha_to_int, kanji_to_int, parse_any_numeral
from lawcode.model.text_layout import law_text

__all__ = ["TextDifference", "TextRoundTrip", "text_roundtrip"]


@dataclass(frozen=True, slots=True)
class TextDifference:
    """One provision that differs: ``what`` is ``missing``, ``extra``, ``label``, ``caption`` or ``text``."""

    path: str
    what: str
    expected: str | None
    got: str | None


@dataclass(frozen=True, slots=True)
class TextRoundTrip:
    """Outcome of :func:`text_roundtrip`: ``ok`` when nothing differs; ``error`` when the text did not parse.

    ``excluded`` lists the provisions whose paths differ only by what the comparison rules leave out (module
    docstring): ``what`` is the rule (``appendix number``, ``appendix tag``, ``range number``, ``heading number``), ``expected``/``got``
    the two paths.
    """

    provisions: int
    differences: tuple[TextDifference, ...] = field(default=())
    error: ParseError | None = None
    excluded: tuple[TextDifference, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.error is None and not self.differences


_APPENDIX = re.compile(r"^((?:SupplProvision)?Appdx[A-Za-z]*)(?:_|\[|$)")
#: A heading that names several provisions: 「第十二条から第二十条まで」「一及び二」「イ～リ」「一・二」.
_RANGE_HEADING = re.compile(r"から|及び|～|〜|・")

_HEADING_NUMBER = re.compile(r"第([一二三四五六七八九十百千]+(?:の[一二三四五六七八九十百千]+)*)[条條編章節款目](?:[\u3000 ].*)?")
#: Tags matched by the number their heading says (rule ``heading number``).
_BY_HEADING = frozenset(("Article", "Part", "Chapter", "Section", "Subsection", "Division"))

_Entry = tuple[str, str | None, str | None, str]  # raw path, label, caption, own text


def _positional(element: etree._Element) -> bool:
    """True when *element*'s siblings of its tag include a range heading (their ``Num``s are not comparable)."""
    parent = element.getparent()
    if parent is None:
        return False
    title = TITLE_OF.get(str(element.tag))
    if title is None:
        return False
    return any(_RANGE_HEADING.search(s.findtext(title) or "") for s in parent.iterchildren(element.tag))


def _item_heading_numbers(heading: str) -> tuple[str, ...]:
    """The ``Num`` values a 号's or 細分's heading can say (「ニ」 → ``4`` in イロハ order, ``22`` in アイウ order;
    「三の二」 → ``3_2``; 「（２）」 → ``2``), the first the one the rule matches by; () for a range or no number."""
    if not heading or _RANGE_HEADING.search(heading):
        return ()
    core = heading[1:-1] if heading[0] in "（(" and heading[-1] in "）)" else heading
    first, *branches = core.split("の")
    try:
        tail = tuple(str(kanji_to_int(b)) for b in branches)
        if "ァ" <= first[:1] <= "ヶ" and len(first) == 1:
            heads = [iroha_to_int(first), aiu_to_int(first)]
        else:
            heads = [parse_any_numeral(first)]
    except (NumeralError, ValueError):
        return ()
    return tuple("_".join((str(h),) + tail) for h in heads)


def _heading_number(element: etree._Element, segment: str) -> str | None:
    """The ``Num`` an article's, a chapter's, a 号's or a 細分's heading says when it contradicts *segment*, its
    ``Num`` in the path (「第三百九十二条の二」 → ``392_2``, 「第二章　総則」 → ``2``, a lone 「ニ」 filed as ``Num="1"``
    → ``4``), or None when it says none or agrees."""
    tag = str(element.tag)
    if tag == "Item" or tag.startswith("Subitem"):
        said = _item_heading_numbers(element.findtext(TITLE_OF[tag]) or "")
        if not said or any(segment.split("#")[0] == f"{tag}_{n}" for n in said):
            return None
        return said[0]
    if element.tag not in _BY_HEADING:
        return None
    m = _HEADING_NUMBER.fullmatch(element.findtext(TITLE_OF[str(element.tag)]) or "")
    if m is None:
        return None
    try:
        return "_".join(str(kanji_to_int(part)) for part in m.group(1).split("の"))
    except NumeralError:
        return None


def _compared_segment(p: Provision, segment: str) -> str:
    """The last *segment* of *p*'s path as compared (module docstring): appendices and siblings of a range by
    their position among the siblings of the same tag, articles by the number of their heading, everything else
    as e-Gov writes it."""
    e = p.element
    m = _APPENDIX.match(segment)
    if m is None and not _positional(e):
        said = _heading_number(e, segment)
        if said is not None and segment.split("#")[0] != f"{e.tag}_{said}" and ":" not in segment:
            return f"{e.tag}_{said}"
        return segment
    parent = e.getparent()
    if m is not None:  # rules ``appendix number`` and ``appendix tag``: by position among all the appendices
        position = 1 + sum(1 for s in e.itersiblings(preceding=True) if _APPENDIX.match(str(s.tag)))
        return f"Appdx@{position}"
    position = 1 if parent is None else 1 + sum(1 for _ in e.itersiblings(e.tag, preceding=True))
    return f"{e.tag}@{position}"


def _signature(law: Law) -> dict[str, _Entry]:
    compared: dict[str, str] = {}  # raw path → compared path
    out: dict[str, _Entry] = {}
    for p in law.provisions():
        raw = str(p.path)
        parent = p.parent
        prefix = str(parent.path) if parent is not None else ""
        if parent is not None and raw.startswith(prefix + "-") and prefix in compared:
            key = compared[prefix] + "-" + _compared_segment(p, raw[len(prefix) + 1:])
        else:
            head, _, last = raw.rpartition("-")
            key = (head + "-" if head else "") + _compared_segment(p, last)
        if key in out:  # two provisions a rule would match alike: keep both, under their raw paths
            key = f"{key}|{raw}"
        compared[raw] = key
        out[key] = (raw, p.label, p.caption, p.own_text())
    return out


def _exclusion(path: str, expected: str, got: str, key: str) -> TextDifference:
    """Name the rule that matched two different paths under the compared *key* (the first segment where they
    differ decides; a segment matched by position has an ``@`` in the key)."""
    keys = key.split("-")
    for i, (a, b) in enumerate(zip(expected.split("-"), got.split("-"), strict=False)):
        if a == b:
            continue
        if i < len(keys) and "@" in keys[i] and not _APPENDIX.match(a):
            return TextDifference(path, "range number", expected, got)
        if _APPENDIX.match(a):
            same_tag = _APPENDIX.match(a)[1] == (_APPENDIX.match(b) or _APPENDIX.match(a))[1]  # type: ignore[index]
            return TextDifference(path, "appendix number" if same_tag else "appendix tag", expected, got)
        tag = a.split("_")[0]
        if (tag in _BY_HEADING or tag == "Item" or tag.startswith("Subitem")) and tag == b.split("_")[0] \
                and ":" not in a + b:
            return TextDifference(path, "heading number", expected, got)
        break
    return TextDifference(path, "range number", expected, got)


def text_roundtrip(law: Law) -> TextRoundTrip:
    """Write *law* as text, read it back and compare the provisions (see the module docstring)."""
    expected = _signature(law)
    try:
        back = parse_text(law_text(law.root.element), law.source)
    except ParseError as exc:
        return TextRoundTrip(len(expected), (), exc)
    got = _signature(back)
    diffs: list[TextDifference] = []
    excluded: list[TextDifference] = []
    for key, (path, label, caption, text) in expected.items():
        other = got.get(key)
        if other is None:
            diffs.append(TextDifference(path, "missing", label, None))
            continue
        if other[0] != path:  # matched by a rule; the label is made from the path, so it differs too
            excluded.append(_exclusion(path, path, other[0], key))
        elif other[1] != label:
            diffs.append(TextDifference(path, "label", label, other[1]))
        if other[2] != caption:
            diffs.append(TextDifference(path, "caption", caption, other[2]))
        if other[3] != text:
            diffs.append(TextDifference(path, "text", text, other[3]))
    for key, (path, label, _, _) in got.items():
        if key not in expected:
            diffs.append(TextDifference(path, "extra", None, label))
    return TextRoundTrip(len(expected), tuple(diffs), excluded=tuple(excluded))
