"""Resolving parsed addresses (:mod:`lawcode.model.address`) against one law.

Rules beyond plain lookup, each following 法制執務 practice:

* articles are looked up in their scope (本則 or one 附則) through any 編章節款目, so both the short e-Gov path
  ``MainProvision-Article_5`` and the nested ``MainProvision-Chapter_2-Article_5`` work;
* 「第八条第三号」 (a 号 cited without 項) means 第八条第一項第三号 when 第八条 has a single 項; with several 項
  the citation is ambiguous and refused;
* a number inside a deleted range (第三十条 within ``Num="29:31"``) finds the range placeholder;
* 「附則」 alone is the 原始附則; 「令和三年法律第三十七号附則」 is the 改正附則 with that ``AmendLawNum``;
* a failure names the nearest provision that does exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from lawcode.errors import AddressError
from lawcode.model.address import Address, Step, parse_address
from lawcode.model.index import suppl_key
from lawcode.model.provision import CONTAINER_TAGS, Provision
from lawcode.text.normalize import normalize_for_match

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["resolve"]

_CONTAINERS = frozenset(CONTAINER_TAGS)


def resolve(law: "Law", address: str | Address) -> Provision:
    """The provision of *law* at *address* (e-Gov path or Japanese citation); raises :class:`AddressError`."""
    if not isinstance(address, (str, Address)):
        raise AddressError(f"an address is a string, got {type(address).__name__}", address=repr(address))
    if isinstance(address, str):
        hit = law._by_path.get(address)
        if hit is not None:
            return hit
        if address and not address[0].isascii():
            hit = law._label_index().get(normalize_for_match(address))
            if hit is not None:
                return hit
        address = parse_address(address)
    elif address.is_path and address.text in law._by_path:
        return law._by_path[address.text]
    cur: Provision | None = None
    for step in address.steps:
        nxt = _pick(law, cur, step, address)
        if nxt is None:
            raise _not_found(address, cur, step, law)
        cur = nxt
    if cur is None:
        raise AddressError("the address names no provision", address=address.text)
    return cur


def _describe(p: Provision | None) -> str | None:
    if p is None:
        return None
    return f"{p.label} ({p.path})" if p.label and p.label != p.path else p.path


def _not_found(address: Address, cur: Provision | None, step: Step, law: "Law | None" = None) -> AddressError:
    if step.tag == "SupplProvision" and cur is None and law is not None:
        amend = [p.label or "" for p in law.suppl_provisions if p.get("AmendLawNum")]
        which = "原始附則 (附則 without AmendLawNum)" if not step.key else f"附則 of {step.key}"
        hint = f"; this law's 附則 belong to amending laws, e.g. {', '.join(amend[:3])}" if amend else ""
        return AddressError(f"no such provision: {address.text} (the law has no {which}{hint})",
                            address=address.text, nearest=None)
    nearest = _describe(cur)
    what = step.title or step.key or step.raw or (".".join(map(str, step.number)) if step.number else "")
    reason = f"no such provision: {address.text}"
    detail = f"{step.tag} {what}".strip()
    reason += f" ({detail} not found"
    reason += f" under {nearest})" if nearest else ")"
    if nearest:
        reason += f"; nearest existing provision: {nearest}"
    return AddressError(reason, address=address.text, nearest=cur.label if cur is not None else None)


def _pick(law: "Law", cur: Provision | None, step: Step, address: Address) -> Provision | None:
    tag = step.tag
    if cur is None:
        pool: Iterable[Provision] = law._top
        if tag == "SupplProvision":
            return _pick_suppl(law._top, step)
        if tag == "AppdxTable" and step.number is None and step.index is None and not address.is_path:
            return _single(law._top, tag)
        return _match(pool, step)
    if tag == "Article":
        return _find_article(cur, step)
    if tag in _CONTAINERS and cur.kind not in _CONTAINERS and not address.is_path:
        return _find_container(cur, step, address)
    if tag == "Item" and cur.kind == "Article":
        paragraphs = [k for k in cur._kids if k.kind == "Paragraph"]
        if len(paragraphs) != 1:
            raise AddressError(
                f"{cur.label} has {len(paragraphs)} 項: say which 項 the 号 belongs to "
                f"(e.g. {cur.label}第一項第{_kanji(step)}号)",
                address=address.text,
                nearest=cur.label,
            )
        cur = paragraphs[0]
    if tag.startswith("Appdx") and cur.kind == "SupplProvision":
        tag = "SupplProvision" + tag
        step = Step(tag, number=step.number, raw=step.raw, index=step.index, title=step.title)
        if step.number is None and step.index is None:
            return _single(cur._kids, tag)
    if tag.startswith("Subitem") and step.title is not None:
        want = normalize_for_match(step.title)
        for k in cur._kids:
            if k.kind == tag and normalize_for_match(k.title) == want:
                return k
    return _match(cur._kids, step)


def _kanji(step: Step) -> str:
    from lawcode.text.numerals import format_branch_number

    return format_branch_number(step.number) if step.number else "?"


def _single(pool: Iterable[Provision], tag: str) -> Provision | None:
    found = [p for p in pool if p.kind == tag]
    return found[0] if len(found) == 1 else (found[0] if found and found[0].num is None else None)


def _match(pool: Iterable[Provision], step: Step) -> Provision | None:
    """Pick from *pool* by raw Num, index, number or range membership (in that order)."""
    same = [p for p in pool if p.kind == step.tag]
    if step.index is not None:
        return same[step.index - 1] if 0 < step.index <= len(same) else None
    if step.raw is not None:
        exact = [p for p in same if p.num is not None and p.num.raw == step.raw]
        if exact:
            return exact[step.occurrence - 1] if step.occurrence <= len(exact) else None
    if step.number is None:
        return same[0] if len(same) == 1 and step.raw is None else None
    equal = [p for p in same if p.num is not None and p.num.first == step.number and not p.num.is_range]
    if equal:
        return equal[step.occurrence - 1] if step.occurrence <= len(equal) else None
    for p in same:
        if p.num is not None and p.num.covers(step.number):
            return p
    return None


def _pick_suppl(pool: Iterable[Provision], step: Step) -> Provision | None:
    suppl = [p for p in pool if p.kind == "SupplProvision"]
    if step.index is not None:
        return suppl[step.index - 1] if 0 < step.index <= len(suppl) else None
    if step.key:
        want = suppl_key(step.key) or step.key
        found = [p for p in suppl if suppl_key(p.get("AmendLawNum")) == want]
    else:
        found = [p for p in suppl if not p.get("AmendLawNum")]
    return found[step.occurrence - 1] if step.occurrence <= len(found) else None


def _find_article(cur: Provision, step: Step) -> Provision | None:
    if cur.kind not in _CONTAINERS and cur.kind not in ("MainProvision", "SupplProvision"):
        return None
    if cur.law is None:  # only indexed provisions are ever resolved against
        return None
    return _match(cur.law._articles_in(cur), step)


def _find_container(cur: Provision, step: Step, address: Address) -> Provision | None:
    """「第二章」 under 本則: a direct child, or the single match among nested 編 (ambiguous when chapters restart)."""
    direct = _match(cur._kids, step)
    if direct is not None:
        return direct
    found: list[Provision] = []

    def visit(p: Provision) -> None:
        for k in p._kids:
            if k.kind in _CONTAINERS:
                if k.kind == step.tag and k.num is not None and step.number is not None and k.num.covers(step.number):
                    found.append(k)
                visit(k)

    visit(cur)
    if len(found) > 1:
        raise AddressError(
            f"{address.text} is ambiguous: {len(found)} provisions match "
            f"({', '.join((p.label or '') for p in found[:4])}{', …' if len(found) > 4 else ''}); "
            "cite the enclosing 編 or 章 too",
            address=address.text,
            nearest=cur.label,
        )
    return found[0] if found else None
