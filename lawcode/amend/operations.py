"""Typed amendment operations (one per clause of an 改正規定), as frozen dataclasses.

The parser (:mod:`lawcode.amend.parse`) produces them; the applier (:mod:`lawcode.amend.apply`) executes them;
a generator of 改め文 can emit them. Locations are kept as written (anaphora such as 同条 unresolved, numbers as
printed at the start of the sentence) because their meaning depends on the state of the law when the sentence
is applied (domain.md §3.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

__all__ = [
    "Span",
    "Step",
    "Loc",
    "Range",
    "Target",
    "Operation",
    "ReplacePhrase",
    "DeletePhrase",
    "InsertPhrase",
    "SetText",
    "AttachCaption",
    "Delete",
    "ReplaceWhole",
    "Add",
    "AddSentence",
    "Renumber",
    "Shift",
]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a sentence is in the amendment text: character offsets ``start``/``end`` and 1-based ``line``,
    ``column`` of its first character."""

    start: int
    end: int
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a location: ``kind`` is an e-Gov element name (``Article``, ``Paragraph``, ``Item``,
    ``Subitem`` for any イロハ level, ``Chapter`` …, ``MainProvision``, ``SupplProvision``, ``TOC``, ``LawTitle``,
    ``AppdxTable``, ``TableRow``); ``number`` the parsed number (``(3, 2)`` for 第三条の二); ``key`` the label
    as written (a イロハ letter, a table row's first cell); ``anaphor`` marks 同条/同項/同号/同表."""

    kind: str
    number: tuple[int, ...] = ()
    key: str = ""
    anaphor: bool = False


@dataclass(frozen=True, slots=True)
class Loc:
    """A location as written: steps from the outside in, and an optional sentence ``part`` (``caption`` for
    の見出し, ``title`` for の章名/節名, ``main`` 本文, ``proviso`` ただし書, ``first``/``second`` 前段/後段,
    ``chapeau`` 各号列記以外の部分/柱書, ``items`` 各号, ``table`` の表). ``exclude`` lists 「（…を除く。）」,
    ``with_caption`` is 「（見出しを含む。）」."""

    steps: tuple[Step, ...]
    part: str | None = None
    exclude: tuple["Loc | Range", ...] = ()
    with_caption: bool = False
    text: str = ""

    def __str__(self) -> str:
        return self.text or "/".join(s.kind for s in self.steps)


@dataclass(frozen=True, slots=True)
class Range:
    """「A から B まで」: every sibling (for 条, every article of the scope in document order) from A to B."""

    start: Loc
    end: Loc
    text: str = ""

    def __str__(self) -> str:
        return self.text or f"{self.start}から{self.end}まで"


Target = Union[Loc, Range]


@dataclass(frozen=True, kw_only=True)
class Operation:
    """Base of all operations: ``sentence`` is the 改正規定 it comes from and ``span`` where that sentence is."""

    sentence: str = field(default="", compare=False)
    span: Span | None = field(default=None, compare=False)

    @property
    def verb(self) -> str:
        """A short Japanese name of the operation (for logs and ``--explain``)."""
        return _VERBS.get(type(self).__name__, type(self).__name__)


@dataclass(frozen=True, kw_only=True)
class ReplacePhrase(Operation):
    """「A」を「B」に改める: every occurrence of ``old`` in each target (captions only when named)."""

    targets: tuple[Target, ...]
    old: str
    new: str


@dataclass(frozen=True, kw_only=True)
class DeletePhrase(Operation):
    """「A」を削る."""

    targets: tuple[Target, ...]
    old: str


@dataclass(frozen=True, kw_only=True)
class InsertPhrase(Operation):
    """「A」の下に「B」を加える: ``text`` after every occurrence of ``anchor``."""

    targets: tuple[Target, ...]
    anchor: str
    text: str


@dataclass(frozen=True, kw_only=True)
class SetText(Operation):
    """X を「T」に改める for a caption or title (第N条の見出しを「（…）」に改める, 題名を「…」に改める)."""

    target: Loc
    text: str


@dataclass(frozen=True, kw_only=True)
class AttachCaption(Operation):
    """第N条の前に見出しとして「（…）」を付する."""

    target: Loc
    text: str


@dataclass(frozen=True, kw_only=True)
class Delete(Operation):
    """X を削る: provisions, sentence parts (ただし書, 後段) or captions."""

    targets: tuple[Target, ...]


@dataclass(frozen=True, kw_only=True)
class ReplaceWhole(Operation):
    """X を次のように改める + the new text (whole provisions, a 削除 placeholder, a chapter title)."""

    targets: tuple[Target, ...]
    text: str = ""
    text_line: int = 0


@dataclass(frozen=True, kw_only=True)
class Add(Operation):
    """次の N 条/項/号… を加える. ``position`` is ``after`` (の次に), ``before`` (の前に), ``end`` (X に) or
    ``first`` (no location, or X に第一項として); ``unit`` is the unit counted (条, 項, 号 …, 表 or
    ``rows`` for 「次のように加える」 after a table row)."""

    target: Loc | None
    position: str
    unit: str
    count: int = 1
    ordinal: tuple[int, ...] | None = None
    text: str = ""
    text_line: int = 0


@dataclass(frozen=True, kw_only=True)
class AddSentence(Operation):
    """X に後段/ただし書として次のように加える."""

    target: Loc
    role: str
    text: str = ""
    text_line: int = 0


@dataclass(frozen=True, kw_only=True)
class Renumber(Operation):
    """X を Y とする (the number changes, the text does not; the provision stays where it is)."""

    target: Loc
    to: Loc


@dataclass(frozen=True, kw_only=True)
class Shift(Operation):
    """X から Y までを N 条ずつ繰り下げる (``by`` > 0) / 繰り上げる (``by`` < 0). ``target`` ``None`` is
    「以下順次」: every later provision of the kind just renumbered in the same sentence."""

    target: Target | None
    by: int
    unit: str


_VERBS = {
    "ReplacePhrase": "字句の改正",
    "DeletePhrase": "字句の削除",
    "InsertPhrase": "字句の追加",
    "SetText": "見出し・題名等の改正",
    "AttachCaption": "見出しの付加",
    "Delete": "削除",
    "ReplaceWhole": "全部改正",
    "Add": "追加",
    "AddSentence": "文の追加",
    "Renumber": "繰上げ・繰下げ（番号の変更）",
    "Shift": "繰上げ・繰下げ",
}
