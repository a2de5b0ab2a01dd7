"""The outline view of ``lawcode show FILE``: title, law number and the provision tree down to articles."""

from __future__ import annotations

from typing import Iterator

from lawcode.model.law import Law
from lawcode.model.provision import Provision

__all__ = ["outline_lines"]

_SHOWN = ("Part", "Chapter", "Section", "Subsection", "Division", "Article", "MainProvision", "SupplProvision",
          "TOC", "Preamble")


def outline_lines(law: Law) -> Iterator[str]:
    """Lines of the outline: containers indented by depth, articles with their captions."""
    yield f"{law.title or '(題名なし)'}"
    meta = [x for x in (law.law_num, law.law_type, law.promulgated and f"公布 {law.promulgated.isoformat()}") if x]
    yield "（" + "、".join(meta) + "）"
    for p in law.provisions():
        if p.kind not in _SHOWN and not p.kind.startswith("Appdx"):
            continue
        depth = sum(1 for a in p.ancestors())
        yield "  " * depth + _line(p)


def _line(p: Provision) -> str:
    if p.kind == "SupplProvision":
        amend = p.get("AmendLawNum")  # e-Gov prints 「附　則　（令和四年三月二八日…条例第五号）」
        return f"{p.title or '附　則'}{f'　（{amend}）' if amend else ''}    [{p.path}]"
    if p.kind in ("Part", "Chapter", "Section", "Subsection", "Division"):
        return f"{p.title or p.label}    [{p.path}]"
    if p.kind == "Article":
        caption = p.caption or ""
        body = "削除" if p.is_deleted else _first(p)
        return f"{p.title}{caption}　{body}    [{p.path}]"
    return f"{p.label}    [{p.path}]"


def _first(p: Provision, width: int = 40) -> str:
    for k in p.subprovisions:
        text = k.own_text()
        if text:
            return text if len(text) <= width else text[:width] + "…"
    return ""
