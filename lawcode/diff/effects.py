"""Effects: the changes of a diff as records modelled on legislation.gov.uk's "changes to legislation".

An :class:`Effect` says which provision was affected (its old and new address and label), how — in
Japanese drafting terms (改正, 追加, 削除, 繰下げ, 繰上げ, 移動, 見出し改正, 題名改正, 全部改正) — by which
amending law when that is known, and from which date (traceability.md §2.6).

Where the facts come from (e-Gov data records no provision-level effects, so they are derived):

* the **amending law** comes from the e-Gov revision id in the new file's name
  (``<LawID>_<yyyymmdd>_<amending LawID>``) when there is one — also for a staged enforcement, where the
  amending law's 附則 is already in the old version; otherwise it is the 改正附則 (``SupplProvision
  AmendLawNum``) that the new version has and the old one lacks, named only when exactly one is new (every
  candidate is listed in :attr:`Effect.amending_laws`);
* the **enforcement date** is the new version's ``EnforcementDate`` attribute (v2-era exports) or the
  date of the revision id in its file name; otherwise it is left empty.

:func:`effects_to_json` and :func:`effects_to_csv` export lists of effects.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from lawcode.diff.changes import Change
from lawcode.errors import LawcodeError
from lawcode.text.lawnum import REVISION_ID_SHAPE, decode_law_id
from lawcode.model.law import Law

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.diff.lawdiff import LawDiff

__all__ = ["Effect", "effects_of", "effects_to_json", "effects_to_csv", "enforcement_date", "amending_laws",
           "amending_law", "effect_type", "EFFECT_TYPES"]

#: Change kind → effect type in Japanese drafting terms (renumbering is 繰下げ or 繰上げ by direction).
EFFECT_TYPES: dict[str, str] = {
    "text_changed": "改正",
    "added": "追加",
    "deleted": "削除",
    "renumbered": "繰下げ",
    "moved": "移動",
    "caption_changed": "見出し改正",
    "title_changed": "題名改正",
    "replaced_whole": "全部改正",
}
_REVISION_ID = re.compile(rf"(?<![0-9A-Za-z]){REVISION_ID_SHAPE}(?![0-9A-Za-z])")
_CSV_FIELDS = (
    "effect_id", "type", "kind", "affected_law_title", "affected_law_num", "old_path", "new_path", "old_label",
    "new_label", "amending_law_num", "amending_law_id", "amending_laws", "enforcement_date",
)


@dataclass(frozen=True, slots=True)
class Effect:
    """One effect of an amendment on one provision (see the module docstring).

    ``type`` is the Japanese effect type, ``kind`` the :data:`~lawcode.diff.changes.KINDS` name it comes
    from; ``amending_law_num`` is ``None`` unless exactly one amending law is new in this version
    (``amending_laws`` lists all candidates); ``effect_id`` is a hash of the key fields, stable across runs.
    """

    effect_id: str
    type: str
    kind: str
    affected_law_title: str | None
    affected_law_num: str | None
    old_path: str | None
    new_path: str | None
    old_label: str | None
    new_label: str | None
    amending_law_num: str | None
    amending_law_id: str | None
    amending_laws: tuple[str, ...]
    enforcement_date: date | None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (dates as ISO strings)."""
        out = asdict(self)
        out["amending_laws"] = list(self.amending_laws)
        out["enforcement_date"] = self.enforcement_date.isoformat() if self.enforcement_date else None
        return out


def effects_of(d: "LawDiff") -> list[Effect]:
    """The effects of every change of *d*, in the diff's order."""
    laws = amending_laws(d.old, d.new)
    single, law_id = amending_law(d.old, d.new)
    when = enforcement_date(d.new)
    out = []
    for c in d.changes:
        kind_ja = effect_type(c)
        key = "|".join(str(x) for x in (d.new.title, c.kind, c.old_path, c.new_path, single, when))
        out.append(
            Effect(
                effect_id=hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest(),
                type=kind_ja,
                kind=c.kind,
                affected_law_title=d.new.title,
                affected_law_num=d.new.law_num,
                old_path=c.old_path,
                new_path=c.new_path,
                old_label=c.old_label,
                new_label=c.new_label,
                amending_law_num=single,
                amending_law_id=law_id,
                amending_laws=tuple(laws),
                enforcement_date=when,
            )
        )
    return out


def effect_type(c: Change) -> str:
    """The Japanese effect type of a change: :data:`EFFECT_TYPES`, with 繰上げ for a renumbering downwards."""
    if c.kind == "renumbered" and c.old is not None and c.new is not None:
        a, b = c.old.number, c.new.number
        if a is not None and b is not None and a.first is not None and b.first is not None and b.first < a.first:
            return "繰上げ"
    return EFFECT_TYPES.get(c.kind, c.kind)


def amending_law(old: Law, new: Law) -> tuple[str | None, str | None]:
    """The law that made *new* out of *old*, when known: ``(AmendLawNum as written, amending LawID)``.

    From the e-Gov revision id of the new file when there is one (its 改正附則 gives the number as
    written), else the only 改正附則 that is new in this version; ``(None, None)`` when it is ambiguous.
    """
    revision = _revision(new)
    law_id = revision[2] if revision and revision[2].strip("0") else None
    if law_id is not None:
        try:
            number = decode_law_id(law_id).law_number()
        except LawcodeError:
            number = None
        if number is not None:
            wanted = f"SupplProvision[{number.key}]"
            for p in new.suppl_provisions:
                if p.path == wanted:
                    return p.element.get("AmendLawNum"), law_id
            return number.format(), law_id
    laws = amending_laws(old, new)
    return (laws[0] if len(laws) == 1 else None), law_id


def amending_laws(old: Law, new: Law) -> list[str]:
    """``AmendLawNum`` of the 改正附則 that *new* has and *old* lacks, in document order (as written)."""
    before = {p.path for p in old.suppl_provisions}
    out = []
    for p in new.suppl_provisions:
        raw = p.element.get("AmendLawNum")
        if raw and p.path not in before and raw not in out:
            out.append(raw)
    return out


def enforcement_date(law: Law) -> date | None:
    """The version's enforcement date: ``EnforcementDate`` (``2020/04/01``) or the e-Gov revision id in the
    file name; ``None`` when neither is there."""
    raw = law.root.get("EnforcementDate")
    if raw:
        m = re.fullmatch(r"\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s*", raw)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    rev = _revision(law)
    if rev:
        ymd = rev[1]
        try:
            return date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
        except ValueError:
            return None
    return None


def _revision(law: Law) -> tuple[str, str, str] | None:
    """``(LawID, yyyymmdd, amending LawID)`` from an e-Gov revision id in the source file name."""
    if not law.source:
        return None
    m = _REVISION_ID.search(Path(law.source).name)
    return (m.group(1), m.group(2), m.group(3)) if m and not m.group(3).startswith("000") else None


def effects_to_json(effects: Iterable[Effect], indent: int | None = 2) -> str:
    """A JSON array of effects (UTF-8 text, Japanese kept as is)."""
    return json.dumps([e.to_dict() for e in effects], ensure_ascii=False, indent=indent)


def effects_to_csv(effects: Iterable[Effect]) -> str:
    """CSV with a header row; ``amending_laws`` joined with 「;」."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=_CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for e in effects:
        row = e.to_dict()
        row["amending_laws"] = ";".join(e.amending_laws)
        w.writerow({k: ("" if row[k] is None else row[k]) for k in _CSV_FIELDS})
    return buf.getvalue()
