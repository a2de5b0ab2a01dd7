"""The outline view of ``lawcode show FILE``: title, law number and the provision tree down to articles."""

from __future__ import annotations

import re
from typing import Iterator

from lawcode.model.law import Law
from lawcode.model.provision import Provision
from lawcode.model.revision import Revision

__all__ = ["outline_lines", "law_type_ja", "container_title", "OUTLINE_TAGS"]

#: Provisions shown in the outline (and in ``show --format json``); 項・号・細分 are left to ``show ADDRESS``.
OUTLINE_TAGS = ("Part", "Chapter", "Section", "Subsection", "Division", "Article", "MainProvision", "SupplProvision",
                "TOC", "Preamble")
_CONTAINER_TAGS = ("Part", "Chapter", "Section", "Subsection", "Division")

#: e-Gov ``LawType`` → the 法令の種類 a reader expects (法令番号 print 省令 and 府令 alike as 府省令 here).
_LAW_TYPE_JA = {
    "Constitution": "憲法",
    "Act": "法律",
    "CabinetOrder": "政令",
    "ImperialOrder": "勅令",
    "MinisterialOrdinance": "府省令",
    "Rule": "規則",
}
# The 種別 of a law number, read from its end: municipal 条例 and 規則 are LawType "Misc" in e-Gov-style files.
_KIND_ENDINGS = (("条例", "条例"), ("規則", "規則"), ("規程", "規程"), ("省令", "府省令"), ("府令", "府省令"),
                 ("告示", "告示"), ("訓令", "訓令"))
# 「第一章　総則」, 「第二編第三章の二　雑則」: the number part of a container heading, before its title.
_CONTAINER_NUMBER = re.compile(r"^第[^\s\u3000]*?[編章節款目](?:の[一二三四五六七八九十百千〇]+)*[\s\u3000]*")


def law_type_ja(law: Law) -> str | None:
    """The kind of law in Japanese: 法律, 政令, 府省令, 規則, 条例 …; ``None`` when nothing tells.

    e-Gov's ``LawType`` decides where it is specific; for ``Misc`` (municipal 条例 and 規則, joint ordinances,
    告示) or a missing ``LawType`` the 種別 of the law number decides (令和二年桜ヶ丘市条例第十二号 → 条例).
    """
    law_type = law.law_type
    if law_type in _LAW_TYPE_JA:
        return _LAW_TYPE_JA[law_type]
    number = law.law_number
    kind = number.kind if number is not None else _kind_from_text(law.law_num)
    if kind:
        for ending, name in _KIND_ENDINGS:
            if kind.endswith(ending):
                return name
        if kind.endswith("令"):
            return "府省令"
        return kind
    return None


def _kind_from_text(law_num: str | None) -> str | None:
    """The 種別 of a law number that :func:`lawcode.text.lawnum.parse_law_number` could not read (best effort)."""
    if not law_num:
        return None
    m = re.search(r"年(.+?)第", law_num)
    return m.group(1) if m else None


def container_title(p: Provision) -> str | None:
    """The title of a 編・章・節・款・目 without its number: 「第一章　総則」 → 「総則」 (``None`` when untitled)."""
    if p.tag not in _CONTAINER_TAGS:
        return None
    heading = p.heading
    rest = _CONTAINER_NUMBER.sub("", heading, count=1).strip(" \u3000")
    return rest or None


def outline_lines(law: Law) -> Iterator[str]:
    """Lines of the outline: the 題名, one line of metadata, then containers indented by depth and articles
    with their captions (each with its e-Gov path)."""
    yield f"{law.title or '(題名なし)'}"
    promulgated = law.promulgated and f"公布 {law.promulgated.isoformat()}"
    meta = [x for x in (law.law_num, law_type_ja(law), promulgated) if x]
    if meta:  # never an empty （）
        yield "（" + "、".join(meta) + "）"
    if law.revision is not None:
        yield from _revision_lines(law.revision)
    for p in law.provisions():
        if p.tag not in OUTLINE_TAGS and not p.tag.startswith("Appdx"):
            continue
        depth = sum(1 for _ in p.ancestors())
        yield "  " * depth + _line(p)


def _revision_lines(revision: Revision) -> Iterator[str]:
    """One line about the e-Gov revision of a law loaded from an API response (nothing for API v1, which
    knows no revisions)."""
    parts = []
    if revision.revision_id:
        parts.append(f"改正履歴 {revision.revision_id}")
    if revision.amendment_enforcement_date:
        parts.append(f"施行 {revision.amendment_enforcement_date.isoformat()}")
    if revision.amendment_law_num:
        parts.append(f"最終改正 {revision.amendment_law_num}")
    if revision.current_revision_status:
        parts.append(revision.current_revision_status)
    if parts:
        yield "［" + "、".join(parts) + "］"


def _line(p: Provision) -> str:
    if p.tag == "SupplProvision":
        amend = p.get("AmendLawNum")  # e-Gov prints 「附　則　（令和四年三月二八日…条例第五号）」
        return f"{p.heading or '附　則'}{f'　（{amend}）' if amend else ''}    [{p.path}]"
    if p.tag in _CONTAINER_TAGS:
        return f"{p.heading or p.label}    [{p.path}]"
    if p.tag == "Article":
        caption = p.caption or ""
        body = "削除" if p.is_deleted else _first(p)
        return f"{p.heading}{caption}　{body}    [{p.path}]"
    return f"{p.label}    [{p.path}]"


def _first(p: Provision, width: int = 40) -> str:
    for k in p.subprovisions:
        text = k.own_text()
        if text:
            return text if len(text) <= width else text[:width] + "…"
    return ""
