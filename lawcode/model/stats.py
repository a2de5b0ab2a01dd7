"""Structure counts of a law (what ``lawcode stats`` prints and notebooks plot)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import ClassVar, Iterable

from lawcode.model.law import Law

__all__ = ["LawStats", "law_stats"]


@dataclass(slots=True)
class LawStats:
    """Counts for one law. ``articles`` … ``subitems`` count provisions of 本則 and 附則 alike (deleted range
    placeholders count once); ``suppl_provisions`` splits into original (原始附則) and amending (改正附則)."""

    source: str
    title: str | None
    chapters: int = 0
    articles: int = 0
    paragraphs: int = 0
    items: int = 0
    subitems: int = 0
    suppl_provisions: int = 0
    amend_suppl_provisions: int = 0
    tables: int = 0
    appendices: int = 0

    COLUMNS: ClassVar[dict[str, str]] = {
        "chapters": "章\nchap.",
        "articles": "条\nart.",
        "paragraphs": "項\npara.",
        "items": "号\nitems",
        "subitems": "細分\nsub.",
        "suppl_provisions": "附則\nsuppl.",
        "amend_suppl_provisions": "改正附則\namend.",
        "tables": "表\ntables",
        "appendices": "別表等\nappx.",
    }

    def values(self) -> list[int]:
        return [getattr(self, name) for name in self.COLUMNS]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def total(cls, rows: Iterable["LawStats"]) -> "LawStats":
        out = cls("total", None)
        for r in rows:
            for f in fields(cls):
                if f.name in cls.COLUMNS:
                    setattr(out, f.name, getattr(out, f.name) + getattr(r, f.name))
        return out


def law_stats(law: Law, source: str | None = None) -> LawStats:
    """Count the provisions and tables of *law*."""
    s = LawStats(source or law.source, law.title)
    for p in law.provisions():
        kind = p.tag
        if kind == "Article":
            s.articles += 1
        elif kind == "Paragraph":
            s.paragraphs += 1
        elif kind == "Item":
            s.items += 1
        elif kind.startswith("Subitem"):
            s.subitems += 1
        elif kind == "Chapter":
            s.chapters += 1
        elif kind == "SupplProvision":
            s.suppl_provisions += 1
            if p.get("AmendLawNum"):
                s.amend_suppl_provisions += 1
        elif kind.startswith("Appdx") or kind.startswith("SupplProvisionAppdx"):
            s.appendices += 1
    # tables are content, not provisions: counting elements is right here
    s.tables = sum(1 for _ in law._body.iter("TableStruct"))
    return s
