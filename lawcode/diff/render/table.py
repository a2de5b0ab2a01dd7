"""Build the 新旧対照表 row model (:class:`~lawcode.diff.render.rowmodel.ShinkyuTable`) from a
:class:`~lawcode.diff.lawdiff.LawDiff`.

**Rows.** A 新旧対照表 shows whole articles, not the 項 or 号 a change sits in, so every change is shown in
the row of its *row unit*: the 条 that contains it; outside articles, the outermost provision below the 本則,
附則 or 編章節 that contains it (a 項 of an 附則 without articles, a 別表, the 目次); a 編・章・節・款・目 or an
附則 itself when the change is about that provision (its title, its number, its whole text). The changes of
one unit share one row, whatever their level: the row of 第七条 underlines the 項 added to it and the 項
number that moved down. Rows come in the order of :attr:`LawDiff.changes` (new-document order, deletions
where they were).

**Cells.** The 改正後 cell shows the unit in the new version, the 改正前 cell its counterpart (followed through
renumbering by the diff's lineage); a side without one says 「（新設）」 or 「（削る）」. Changed spans — those
of every change in the unit, moved from the changed provision's :meth:`~lawcode.model.provision.Provision.text`
into the unit's — are underlined; unchanged lines are elided by the rule of :mod:`lawcode.diff.render.elide`.
A unit inside an 附則 starts with a context line naming that 附則 (「附　則（令和三年法律第三十七号）」).

**Left out.** The 附則 an amending law brings along (a whole 改正附則 that is new in the new version) belongs
to the amending law, not to the law being amended; a 新旧対照表 does not show it. Such 附則 are listed in
:attr:`Header.omitted <lawcode.diff.render.rowmodel.Header.omitted>` (and the amending laws in the header)
unless ``amending_suppl=True``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from lawcode.diff.changes import Change
from lawcode.diff.render.elide import Span, cell_lines
from lawcode.diff.render.header import build_header, cite_law_num
from lawcode.diff.render.lines import SourceLine, plain_lines, source_lines
from lawcode.diff.render.rowmodel import ADDED, DELETED, Cell, Line, Row, Run, ShinkyuTable
from lawcode.errors import DiffError, wrong_type
from lawcode.model.provision import Provision
from lawcode.model.tags import CONTAINER_TAGS

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.diff.lawdiff import LawDiff

__all__ = ["build_table", "as_table", "row_unit"]

#: Provisions that group others: a row never climbs above them.
_GROUPS = frozenset(CONTAINER_TAGS + ("MainProvision", "SupplProvision"))
#: Units whose row shows only their own lines (title, label) plus what a change touches.
_CONTAINERS = frozenset(CONTAINER_TAGS + ("MainProvision", "SupplProvision", "Preamble"))
#: Change kinds whose empty hunks (text removed here, added on the other side) mark a line as changed.
_POINT_KINDS = frozenset(("text_changed", "title_changed"))
_TITLE_KEY = "LawTitle"


def row_unit(p: Provision) -> Provision:
    """The provision whose row shows a change of *p* (see the module docstring)."""
    q = p
    while q.tag != "Article":
        parent = q.parent
        if parent is None or parent.tag in _GROUPS:
            return q
        q = parent
    return q


@dataclass(slots=True)
class _Side:
    unit: Provision | None
    spans: list[Span] = field(default_factory=list)
    touches: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _RowAcc:
    new: _Side
    old: _Side
    kinds: list[str] = field(default_factory=list)
    title_texts: tuple[str, str] | None = None


class _Builder:
    def __init__(self, d: "LawDiff", elide: bool, amending_suppl: bool) -> None:
        self.d = d
        self.elide = elide
        self.amending_suppl = amending_suppl
        self.rows: dict[tuple[str | None, str | None], _RowAcc] = {}
        self.omitted: list[str] = []
        self._lines: dict[tuple[int, str], tuple[str, list[SourceLine]]] = {}
        self._starts: dict[tuple[int, str], dict[object, list[tuple[int, int]]]] = {}

    # -- grouping ------------------------------------------------------------------------------------------
    def add(self, c: Change) -> None:
        if c.old is None and c.new is None:
            if c.tag == _TITLE_KEY:
                self._add_title(c)
            return
        if (not self.amending_suppl and c.kind == "added" and c.old is None and c.new is not None
                and c.new.tag == "SupplProvision" and c.new.element.get("AmendLawNum")):
            self.omitted.append(cite_law_num(c.new.element.get("AmendLawNum")) or c.new_label or "")
            return
        units = {"new": row_unit(c.new) if c.new is not None else None,
                 "old": row_unit(c.old) if c.old is not None else None}
        keys = []
        if units["new"] is not None:
            keys.append(self._key(None, units["new"]))
        if units["old"] is not None:
            keys.append(self._key(units["old"], None))
        # Usually both sides land in one row; a provision moved to another article, or two articles merged
        # into one (第十一条及び第十二条　削除), gives two rows, and each side goes to every row showing its unit.
        for key in dict.fromkeys(keys):
            acc = self._row(key)
            if c.kind not in acc.kinds:
                acc.kinds.append(c.kind)
            for side, target in (("new", acc.new), ("old", acc.old)):
                prov, unit = (c.new, units["new"]) if side == "new" else (c.old, units["old"])
                if prov is None or unit is None or target.unit is None or target.unit.path != unit.path:
                    continue
                spans, touches = _side_ranges(c, side)
                self._into_unit(prov, target, spans, touches)

    def _key(self, old_unit: Provision | None, new_unit: Provision | None) -> tuple[str | None, str | None]:
        if new_unit is not None:
            other = self.d.counterpart(new_unit)
            old_unit = other if other is not None and other.path is not None else None
        elif old_unit is not None:
            other = self.d.counterpart(old_unit)
            new_unit = other if other is not None and other.path is not None else None
        key = (old_unit.path if old_unit else None, new_unit.path if new_unit else None)
        if key not in self.rows:
            self.rows[key] = _RowAcc(_Side(new_unit), _Side(old_unit))
        return key

    def _row(self, key: tuple[str | None, str | None]) -> _RowAcc:
        return self.rows[key]

    def _add_title(self, c: Change) -> None:
        key = (_TITLE_KEY, _TITLE_KEY)
        acc = self.rows.get(key)
        if acc is None:
            acc = self.rows[key] = _RowAcc(_Side(None), _Side(None), title_texts=(c.new_text, c.old_text))
        if c.kind not in acc.kinds:
            acc.kinds.append(c.kind)
        for side, target in (("new", acc.new), ("old", acc.old)):
            spans, touches = _side_ranges(c, side)
            target.spans += spans
            target.touches += touches

    # -- coordinates ---------------------------------------------------------------------------------------
    def unit_text(self, unit: Provision) -> tuple[str, list[SourceLine]]:
        key = (id(unit.law), unit.path or "")
        got = self._lines.get(key)
        if got is None:
            got = self._lines[key] = source_lines(unit)
        return got

    def _into_unit(self, prov: Provision, target: _Side, spans: list[Span], touches: list[Span]) -> None:
        """Add *prov*'s spans to the row side, moved into the coordinates of the side's unit text."""
        unit = target.unit
        assert unit is not None
        if prov.path == unit.path:
            target.spans += spans
            target.touches += touches
            return
        move = self._mover(prov, unit)
        target.spans += [(move(a), move(b)) for a, b in spans]
        target.touches += [(move(a), move(b)) for a, b in touches]

    def _mover(self, prov: Provision, unit: Provision) -> Callable[[int], int]:
        """A function taking an offset of ``prov.text()`` to the offset of the same character in the unit."""
        sub_segments = prov.segments()
        unit_text, _ = self.unit_text(unit)
        key = (id(unit.law), unit.path or "")
        starts = self._starts.get(key)
        if starts is None:
            starts = defaultdict(list)
            for seg in unit.segments():
                starts[seg.element].append((seg.start, seg.end))
            self._starts[key] = starts
        pairs: list[tuple[int, int, int]] = []  # (sub start, sub end, unit start)
        used: dict[object, int] = defaultdict(int)
        for seg in sub_segments:
            found = starts.get(seg.element)
            i = used[seg.element]
            used[seg.element] += 1
            if found and i < len(found):
                pairs.append((seg.start, seg.end, found[i][0]))
        if not pairs:
            return lambda x: 0
        sub_text = prov.text()
        delta = pairs[0][2] - pairs[0][0]
        if delta >= 0 and unit_text[delta: delta + len(sub_text)] == sub_text:
            return lambda x: x + delta

        def move(x: int) -> int:
            for s, e, u in pairs:
                if s <= x <= e:
                    return u + (x - s)
            for s, _e, u in pairs:
                if s > x:
                    return u
            s, e, u = pairs[-1]
            return u + (e - s)

        return move

    # -- output --------------------------------------------------------------------------------------------
    def table(self) -> ShinkyuTable:
        header = build_header(self.d.old, self.d.new, tuple(self.omitted))
        return ShinkyuTable(header, tuple(self._make_row(acc) for acc in self.rows.values()))

    def _make_row(self, acc: _RowAcc) -> Row:
        if acc.title_texts is not None:
            new_text, old_text = acc.title_texts
            new = Cell(cell_lines(new_text, plain_lines(new_text), acc.new.spans, acc.new.touches, elide=False),
                       path=_TITLE_KEY, label="題名")
            old = Cell(cell_lines(old_text, plain_lines(old_text), acc.old.spans, acc.old.touches, elide=False),
                       path=_TITLE_KEY, label="題名")
            return Row(new, old, tuple(acc.kinds), "題名")
        new = self._cell(acc.new, DELETED)
        old = self._cell(acc.old, ADDED)
        return Row(new, old, tuple(acc.kinds), _row_label(new.label, old.label))

    def _cell(self, side: _Side, marker: str) -> Cell:
        unit = side.unit
        if unit is None:
            return Cell(marker=marker)
        text, lines = self.unit_text(unit)
        shown = cell_lines(text, lines, side.spans, side.touches, elide=self.elide,
                           container=unit.tag in _CONTAINERS)
        context = tuple(Line((Run(t),), 0, "context") for t in _context(unit))
        return Cell(context + shown, path=unit.path, label=unit.label)


def _side_ranges(c: Change, side: str) -> tuple[list[Span], list[Span]]:
    """The changed spans of one side of *c*, and its touches (spans plus empty hunks where text went)."""
    spans: list[Span] = []
    touches: list[Span] = []
    for h in c.hunks:
        a, b, oa, ob = (h.new_start, h.new_end, h.old_start, h.old_end) if side == "new" else h
        if b > a:
            spans.append((a, b))
            touches.append((a, b))
        elif c.kind in _POINT_KINDS and ob > oa:
            touches.append((a, a))
    return spans, touches


def _context(unit: Provision) -> list[str]:
    """Context lines of a row: the 附則 a unit inside an 附則 belongs to."""
    for a in unit.ancestors():
        if a.tag == "SupplProvision":
            label = a.heading or "附則"
            amend = a.element.get("AmendLawNum")
            return [f"{label}（{cite_law_num(amend)}）" if amend else label]
    return []


def _row_label(new: str | None, old: str | None) -> str:
    if new and old and new != old:
        return f"{new} ← {old}"
    return new or old or ""


def build_table(d: "LawDiff", *, elide: bool = True, amending_suppl: bool = False) -> ShinkyuTable:
    """The 新旧対照表 of *d* as a row model (see the module docstring).

    ``elide=False`` shows every line of every row in full (no 「（略）」); ``amending_suppl=True`` also shows
    the 附則 that the amending laws brought along. Raises :class:`~lawcode.errors.DiffError` when *d* is not
    a :class:`~lawcode.diff.lawdiff.LawDiff`.
    """
    from lawcode.diff.lawdiff import LawDiff

    if not isinstance(d, LawDiff):
        raise wrong_type(DiffError)(f"a 新旧対照表 is built from a lawcode.LawDiff, not {type(d).__name__}",
                                    where="build_table()")
    b = _Builder(d, elide, amending_suppl)
    for c in d.changes:
        b.add(c)
    return b.table()


def as_table(d: object, *, elide: bool = True) -> ShinkyuTable:
    """*d* itself when it is a built :class:`ShinkyuTable`, else :func:`build_table` of it (renderers take
    either)."""
    if isinstance(d, ShinkyuTable):
        return d
    return build_table(d, elide=elide)  # type: ignore[arg-type]
