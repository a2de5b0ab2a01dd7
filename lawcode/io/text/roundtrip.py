"""Check that a law survives the plain-text round trip: ``parse_text(law.to_text())`` has the same provisions.

"The same" is what the text can carry: every provision's e-Gov path, Japanese label, caption and own sentences
(:meth:`Provision.own_text`). Attributes the printed text does not show (``Hide``, table cell borders) are not
compared; docs/plaintext.md lists them.

Two parts of a path are data the printed text cannot carry, so paths are compared after two rules, applied to
every law alike; each pair of provisions that matches only thanks to a rule is reported in
:attr:`TextRoundTrip.excluded` with its cause:

* ``appendix number`` — an appendix (別表, 様式 …) is addressed by its ``Num`` attribute when e-Gov gives one
  (``AppdxStyle_1``) and by its position otherwise (``AppdxStyle[1]``); the printed title never says which, so
  appendices are matched by their position among the appendices of the same tag under the same parent;
* ``range number`` — e-Gov files a provision headed by a range (「イからリまで」「一及び二」) sometimes with the
  range as its ``Num`` (``1:9``), sometimes with its first number only (``1``) and then numbers the siblings
  after it by position (「ヌ」 as ``2``); the heading is the same either way, so where the siblings of a tag
  include a range heading they are matched by position (on both sides), and their labels, which are made from
  the ``Num``, are not compared;
* ``heading number`` — an article or chapter (編章節款目) whose heading contradicts its ``Num`` in the data
  (「第三十八条」 filed as ``Article_2``, 「第二章」 as ``Chapter_1``) is read back under the number its heading
  says; these are matched by the number of their heading.
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
from lawcode.text.numerals import kanji_to_int
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
    docstring): ``what`` is the rule (``appendix number``, ``range number``, ``heading number``), ``expected``/``got``
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

_HEADING_NUMBER = re.compile(r"第([一二三四五六七八九十百千]+(?:の[一二三四五六七八九十百千]+)*)[条編章節款目](?:[\u3000 ].*)?")
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


def _heading_number(element: etree._Element) -> str | None:
    """The ``Num`` an article's or a chapter's heading says (「第三百九十二条の二」 → ``392_2``, 「第二章　総則」 →
    ``2``), or None when it says none."""
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
        said = _heading_number(e)
        if said is not None and segment.split("#")[0] != f"{e.tag}_{said}" and ":" not in segment:
            return f"{e.tag}_{said}"
        return segment
    parent = e.getparent()
    position = 1 if parent is None else 1 + sum(1 for _ in e.itersiblings(e.tag, preceding=True))
    return f"{m.group(1) if m else e.tag}@{position}"


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


def _exclusion(path: str, expected: str, got: str) -> TextDifference:
    """Name the rule that matched two different paths (the first segment where they differ decides)."""
    for a, b in zip(expected.split("-"), got.split("-"), strict=False):
        if a == b:
            continue
        if _APPENDIX.match(a):
            return TextDifference(path, "appendix number", expected, got)
        if a.split("_")[0] in _BY_HEADING and a.split("_")[0] == b.split("_")[0] and ":" not in a + b:
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
            excluded.append(_exclusion(path, path, other[0]))
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
