"""The renderer-neutral row model of a 新旧対照表: :class:`ShinkyuTable` → :class:`Row` → :class:`Cell` →
:class:`Line` → :class:`Run`.

Every renderer (HTML, DOCX, Markdown, JSON) draws the same model, so what is elided, what is underlined
and in which order the rows come is decided once, in :mod:`lawcode.diff.render.table`. The model is plain
frozen data: a caller may also build its own output from it (``table.rows[0].new.lines[0].runs``).

Column order is the one ministries and municipalities file: **改正後 (new) left, 改正前 (old) right**
(domain.md §4.1). A :class:`Row` therefore names its ``new`` cell before its ``old`` cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lawcode.text.eras import format_wareki

__all__ = ["Run", "Line", "Cell", "Row", "VersionInfo", "Header", "ShinkyuTable", "ELISION", "ADDED", "DELETED",
           "COLUMNS", "NOTE"]

#: The placeholder for an unchanged stretch (both columns).
ELISION = "（略）"
#: What the 改正前 column says for a provision that is new.
ADDED = "（新設）"
#: What the 改正後 column says for a provision that is gone.
DELETED = "（削る）"
#: Column headings, left to right.
COLUMNS = ("改正後", "改正前")
#: The note every 新旧対照表 carries under its title.
NOTE = "（傍線部分は改正部分）"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of one line: ``changed`` runs are underlined (傍線)."""

    text: str
    changed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "changed": self.changed}


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of a cell.

    ``level`` is the indentation step (0 for 条 and 項, 1 for 号, 2 for イ …, one more for table rows and
    other blocks inside a provision); ``role`` is ``"context"`` (a line that situates the row, such as the
    附則 an article belongs to; not part of the provision's text), ``"heading"`` (title or label of the
    provision: 「第三章　総則」, 「附　則」, 「別表第一」), ``"caption"`` (a 見出し: 「（目的）」), ``"text"`` (a line
    shown in full) or ``"elided"`` (「（略）」, possibly after the number of the provision it stands for, e.g.
    「２・３　（略）」).
    """

    runs: tuple[Run, ...]
    level: int = 0
    role: str = "text"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def elided(self) -> bool:
        return self.role == "elided"

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "role": self.role, "runs": [r.to_dict() for r in self.runs]}


@dataclass(frozen=True, slots=True)
class Cell:
    """One column of a row: the provision's lines, or only a ``marker`` (「（新設）」 in 改正前 for a provision
    that is new, 「（削る）」 in 改正後 for one that is gone) when that version has no such provision."""

    lines: tuple[Line, ...] = ()
    marker: str | None = None
    path: str | None = None
    label: str | None = None

    @property
    def text(self) -> str:
        """Plain text as printed (lines joined by line breaks; the marker when there are no lines)."""
        if self.marker is not None:
            return self.marker
        return "\n".join(line.text for line in self.lines)

    @property
    def changed_texts(self) -> list[str]:
        """The underlined stretches, each run of adjacent changed characters once (across line breaks: one
        entry per line)."""
        return [r.text for line in self.lines for r in line.runs if r.changed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "label": self.label,
            "marker": self.marker,
            "lines": [line.to_dict() for line in self.lines],
        }


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the table: a provision in both versions (改正後 ``new`` left, 改正前 ``old`` right).

    ``kinds`` are the :data:`~lawcode.diff.changes.KINDS` of the changes shown in the row, in order;
    ``label`` names the row: the new label, 「第十一条 ← 第十条」 when the number changed, the old label for a
    deletion.
    """

    new: Cell
    old: Cell
    kinds: tuple[str, ...]
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "kinds": list(self.kinds), "new": self.new.to_dict(), "old": self.old.to_dict()}


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """What the table says about one version: its enforcement date when known (from the e-Gov response or
    file name) and the last amending law it includes (its last 改正附則)."""

    title: str | None
    law_num: str | None
    enforced: date | None = None
    last_amendment: str | None = None
    promulgated: date | None = None
    source: str | None = None

    def describe(self) -> str:
        """A short Japanese description, e.g. 「令和七年四月一日施行（最終改正：令和六年法律第四十六号）」."""
        parts = []
        if self.enforced is not None:
            parts.append(f"{format_wareki(self.enforced)}施行")
        if self.last_amendment:
            parts.append(f"最終改正：{self.last_amendment}" if parts else f"{self.last_amendment}による改正後")
        if parts:
            return parts[0] + (f"（{parts[1]}）" if len(parts) > 1 else "")
        if self.promulgated is not None:
            return f"制定時（{format_wareki(self.promulgated)}公布）"
        return "制定時"

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "law_num": self.law_num,
            "enforced": self.enforced.isoformat() if self.enforced else None,
            "last_amendment": self.last_amendment,
            "promulgated": self.promulgated.isoformat() if self.promulgated else None,
            "source": self.source,
            "description": self.describe(),
        }


@dataclass(frozen=True, slots=True)
class Header:
    """The table's heading: the law's title and number, the two versions and the amending law(s).

    ``amending_law`` is set when exactly one amending law made the new version out of the old one;
    ``amending_laws`` lists every 改正附則 that is new in the new version (several when versions further
    apart are compared). ``omitted`` counts the amending laws' own 附則 left out of the rows (they belong to
    the amending law, not to the amended one).
    """

    title: str
    law_num: str | None
    new: VersionInfo
    old: VersionInfo
    amending_law: str | None = None
    amending_laws: tuple[str, ...] = ()
    omitted: tuple[str, ...] = ()

    @property
    def caption(self) -> str:
        """「○○法新旧対照表」."""
        return f"{self.title}　新旧対照表"

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "law_num": self.law_num,
            "caption": self.caption,
            "note": NOTE,
            "new": self.new.to_dict(),
            "old": self.old.to_dict(),
            "amending_law": self.amending_law,
            "amending_laws": list(self.amending_laws),
            "omitted": list(self.omitted),
        }


@dataclass(frozen=True, slots=True)
class ShinkyuTable:
    """A whole 新旧対照表: :class:`Header` and :class:`Row` list (new-document order)."""

    header: Header
    rows: tuple[Row, ...] = field(default=())

    #: Version of the JSON layout written by :meth:`to_dict`; bumped when a key changes meaning.
    FORMAT = "lawcode.shinkyu/1"

    def to_dict(self) -> dict[str, Any]:
        """Plain data with stable keys (the JSON rendering)."""
        return {
            "format": self.FORMAT,
            "columns": list(COLUMNS),
            "header": self.header.to_dict(),
            "rows": [r.to_dict() for r in self.rows],
        }
