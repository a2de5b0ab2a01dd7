"""A law at a date, and all its versions: the revision history turned into :class:`~lawcode.model.law.Law` objects.

``at(law, date)`` does not ask the API for "the version as of" the date: it reads the revision list, picks the
revision in force on that date itself, and fetches that revision **by ID** — so the answer is cached for good
and the choice can be explained (:func:`revision_at`). A revision is in force from its 施行日
(``amendment_enforcement_date``) until the next one's; 未施行 (``UnEnforced``) revisions count like the others,
so a future date gives the consolidated text as it will read then. A revision whose 施行日 is not fixed yet
(「政令で定める日」, no ``amendment_enforcement_date``) is never picked: nobody can say it is in force.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, Sequence

from lawcode.egov.client import Client, LawRef, _iso
from lawcode.errors import EgovError, LawcodeError
from lawcode.model.law import Law
from lawcode.model.revision import Revision

__all__ = ["at", "history", "revision_at"]


def revision_at(revisions: Sequence[Revision], when: date) -> Revision:
    """The revision in force on *when* among *revisions* (newest first, as the API lists them).

    Among revisions with the same 施行日 the one the API lists first (the later amendment) wins. Raises
    :class:`~lawcode.errors.EgovError` when *when* is before the first 施行日 the history knows.
    """
    best: Revision | None = None
    for rev in revisions:  # newest first: the first one with the latest date ≤ when wins ties
        enforced = rev.amendment_enforcement_date
        if enforced is None or enforced > when:
            continue
        if best is None or enforced > best.amendment_enforcement_date:  # type: ignore[operator]
            best = rev
    if best is None:
        dated = [r.amendment_enforcement_date for r in revisions if r.amendment_enforcement_date]
        name = next((r.title or r.law_id for r in revisions if r.title or r.law_id), "this law")
        if not dated:
            raise EgovError(f"{name}: no revision has an enforcement date, none can be in force on {when}")
        raise EgovError(f"{name}: no revision is in force on {when}; the earliest known takes effect on "
                        f"{min(dated)}")
    return best


def at(law: LawRef, when: date | str, *, client: Client | None = None) -> Law:
    """*law* (a title, LawID, law number, or a Law/Revision) as it reads on *when*, with ``law.revision`` the
    revision picked (see the module docstring). Uses *client*, or a default :class:`Client` (environment
    variables apply: ``LAWCODE_EGOV_API``, ``LAWCODE_CACHE``)."""
    text = _iso(when)
    if text is None:
        raise LawcodeError("at() needs a date (YYYY-MM-DD or datetime.date)")
    day = date.fromisoformat(text)
    own = client is None
    egov = client or Client()
    try:
        revision = revision_at(egov.revisions(law), day)
        assert revision.revision_id is not None
        return egov.law(revision.revision_id)
    finally:
        if own:
            egov.close()


def history(
    law: LawRef,
    *,
    client: Client | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    unenforced: bool = True,
) -> Iterator[Law]:
    """Every version of *law*, **oldest first** (ready for :func:`lawcode.diff.timeline`), each a
    :class:`Law` with its revision; fetched lazily, one revision at a time, by ID (hence cached for good).

    *since*/*until* bound the 施行日; ``unenforced=False`` leaves out 未施行 versions. Versions without a fixed
    施行日 come last, in the API's order.
    """
    start = date.fromisoformat(_iso(since) or "0001-01-01")
    end = date.fromisoformat(_iso(until) or "9999-12-31")
    own = client is None
    egov = client or Client()
    try:
        revisions = list(reversed(egov.revisions(law)))  # oldest first
        dated = [r for r in revisions if r.amendment_enforcement_date is not None]
        undated = [r for r in revisions if r.amendment_enforcement_date is None]
        dated.sort(key=lambda r: r.amendment_enforcement_date)  # type: ignore[arg-type,return-value]
        for rev in dated + undated:
            enforced = rev.amendment_enforcement_date
            if enforced is not None and not start <= enforced <= end:
                continue
            if enforced is None and (since is not None or until is not None):
                continue
            if not unenforced and rev.current_revision_status == "UnEnforced":
                continue
            if rev.revision_id:
                yield egov.law(rev.revision_id)
    finally:
        if own:
            egov.close()
