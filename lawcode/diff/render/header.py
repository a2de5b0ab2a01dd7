"""The heading of a 新旧対照表: the law, the two versions and the amending law, from what the files say.

Where each fact comes from, best source first:

* **enforcement date** of a version — the e-Gov API response it was loaded from
  (:attr:`Law.revision <lawcode.model.law.Law.revision>` ``amendment_enforcement_date``), else the
  ``EnforcementDate`` attribute or the e-Gov revision id in the file name
  (:func:`lawcode.diff.effects.enforcement_date`); else none is printed;
* **last amendment** a version includes — the response's ``amendment_law_num``, else the ``AmendLawNum`` of
  the version's last 改正附則; a version with neither is 「制定時」;
* **amending law** — :func:`lawcode.diff.effects.amending_law` (the revision id of the new file, or the
  only 改正附則 that is new); when several are new (versions further apart) all are listed.

Law numbers are printed the way 法令番号 are cited (「令和三年法律第三十七号」), not in the positional digits of
``AmendLawNum`` (「令和三年五月一九日法律第三七号」).
"""

from __future__ import annotations

from lawcode.diff.effects import amending_law, amending_laws, enforcement_date
from lawcode.diff.render.rowmodel import Header, VersionInfo
from lawcode.errors import LawcodeError
from lawcode.model.law import Law
from lawcode.text.lawnum import parse_law_number

__all__ = ["build_header", "version_info", "cite_law_num"]


def cite_law_num(raw: str | None) -> str | None:
    """A law number as cited (「令和五年桜ヶ丘市条例第二十一号」) from any way of writing it; the text as written
    when it does not parse."""
    if not raw:
        return None
    try:
        return parse_law_number(raw).format("kanji")
    except LawcodeError:
        return raw.strip()


def version_info(law: Law) -> VersionInfo:
    """What the table says about one version (see the module docstring)."""
    rev = law.revision
    enforced = rev.amendment_enforcement_date if rev is not None else None
    if enforced is None:
        enforced = enforcement_date(law)
    last = rev.amendment_law_num if rev is not None else None
    if not last:
        amended = [p.element.get("AmendLawNum") for p in law.suppl_provisions]
        amended = [a for a in amended if a]
        last = amended[-1] if amended else None
    return VersionInfo(
        title=law.title,
        law_num=law.law_num,
        enforced=enforced,
        last_amendment=cite_law_num(last),
        promulgated=law.promulgated,
        source=law.source,
    )


def build_header(old: Law, new: Law, omitted: tuple[str, ...] = ()) -> Header:
    """The :class:`Header` of the table comparing *old* with *new*."""
    single, _law_id = amending_law(old, new)
    laws = tuple(c for c in (cite_law_num(a) for a in amending_laws(old, new)) if c)
    return Header(
        title=new.title or old.title or "",
        law_num=new.law_num or old.law_num,
        new=version_info(new),
        old=version_info(old),
        amending_law=cite_law_num(single),
        amending_laws=laws,
        omitted=omitted,
    )
