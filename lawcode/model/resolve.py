"""Resolving parsed addresses (:mod:`lawcode.model.address`) against one law.

Rules beyond plain lookup, each following 法制執務 practice:

* articles are looked up in their scope (本則 or one 附則) through any 編章節款目, so both the short e-Gov path
  ``MainProvision-Article_5`` and the nested ``MainProvision-Chapter_2-Article_5`` work;
* 「第八条第三号」 (a 号 cited without 項) means 第八条第一項第三号 when 第八条 has a single 項 — and likewise
  「附則第三号」 for a 項建て 附則 with one 項; with several 項 the citation is ambiguous and refused, and the
  error names the 項 that has 号 when only one has;
* a number inside a deleted range (第三十条 within ``Num="29:31"``) finds the range placeholder; a 項 cited
  inside it (第十六条第一項) is the placeholder too, whose label it shares;
* appendices without ``Num`` are found by the number in their printed title: 「別表第二」, 「別表第2」,
  「別表第２」 and the path ``AppdxTable_2`` all find 「別表第二　…」 stored as ``AppdxTable[2]``; two candidates
  are refused, never guessed;
* 「第二号イ」 also finds a 細分 written as a 号 (``Item Num="イ"``) after 第二号;
* 「附則」 alone is the 原始附則; 「令和三年法律第三十七号附則」 is the 改正附則 with that ``AmendLawNum``;
* a failure names the nearest provision that does exist, with its label and its path.

Error messages say each thing once (the address is the error's ``where``) and write numbers as the law does
(第二十七条の二), or as a path segment when a path was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from lawcode.errors import AddressError, wrong_type
from lawcode.model.address import Address, Step, parse_address
from lawcode.model.index import suppl_key
from lawcode.model.labels import (
    UNIT_OF,
    appendix_number,
    appendix_word,
    is_misplaced_subitem,
    label_key,
    numbered,
    single_paragraph_owner,
)
from lawcode.model.provision import APPENDIX_TAGS, CONTAINER_TAGS, Provision
from lawcode.text.normalize import normalize_for_match
from lawcode.text.numerals import format_branch_number

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["resolve"]

_CONTAINERS = frozenset(CONTAINER_TAGS)
_APPENDICES = frozenset(APPENDIX_TAGS)
#: How many candidates an error lists before 「…」.
_LIST_MAX = 6


def resolve(law: "Law", address: str | Address) -> Provision:
    """The provision of *law* at *address* (e-Gov path or Japanese citation); raises :class:`AddressError`."""
    if not isinstance(address, (str, Address)):
        raise wrong_type(AddressError)(f"an address is a string, got {type(address).__name__}", address=repr(address))
    if isinstance(address, str):
        hit = law._by_path.get(address)
        if hit is not None:
            return hit
        if address and not address[0].isascii():
            hit = law._label_index().get(label_key(address))
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


# -- messages ---------------------------------------------------------------------------------------------
def _describe(p: Provision) -> str:
    """「第三条の二 (MainProvision-Article_3_2)」: the label a reader knows and the path that always works."""
    return f"{p.label} ({p.path})" if p.label and p.label != p.path else (p.path or "?")


def _listing(found: Sequence[Provision]) -> str:
    shown = ", ".join(_describe(p) for p in found[:_LIST_MAX])
    return shown + (", …" if len(found) > _LIST_MAX else "")


def _step_text(step: Step, address: Address) -> str:
    """The missing step in the user's terms: a path segment if a path was typed, else as 法令 write it."""
    if address.is_path:
        seg = step.tag + (f"_{step.raw}" if step.raw is not None else "")
        if step.index is not None or step.key:
            seg += f"[{step.index if step.index is not None else step.key}]"
        return seg + (f"#{step.occurrence}" if step.occurrence > 1 else "")
    tag = step.tag
    if tag in UNIT_OF and step.number:
        return numbered(UNIT_OF[tag], step.number)
    if tag.startswith("Subitem"):
        return step.heading or "細分"
    if tag in _APPENDICES:
        word = step.heading or tag
        return word + (f"第{format_branch_number(step.number)}" if step.number else "")
    return {"MainProvision": "本則", "TOC": "目次", "Preamble": "前文"}.get(tag, tag)


def _not_found(address: Address, cur: Provision | None, step: Step, law: "Law") -> AddressError:
    if step.tag == "SupplProvision" and cur is None:
        amend = [p.label or "" for p in law.suppl_provisions if p.get("AmendLawNum")]
        which = "原始附則 (附則 without AmendLawNum)" if not step.key else f"附則 of {step.key}"
        hint = f"; this law's 附則 belong to amending laws, e.g. {', '.join(amend[:3])}" if amend else ""
        return AddressError(f"no such provision: the law has no {which}{hint}", address=address.text, nearest=None)
    what = _step_text(step, address)
    where = _describe(cur) if cur is not None else "this law"
    if what == address.text.strip():  # the whole address is the missing step: say it once
        reason = f"no such provision in {where}"
    else:
        reason = f"no such provision: {where} has no {what}"
    if step.tag in _APPENDICES:
        pool = cur._kids if cur is not None else law._top
        appendices = [p for p in pool if p.tag in _APPENDICES]
        if appendices:
            reason += f"; its appendices are {_listing(appendices)}"
    return AddressError(reason, address=address.text, nearest=cur.label if cur is not None else None)


def _ambiguous(address: Address, cur: Provision | None, found: Sequence[Provision], hint: str) -> AddressError:
    return AddressError(
        f"ambiguous: {len(found)} provisions match ({_listing(found)}); {hint}",
        address=address.text,
        nearest=cur.label if cur is not None else None,
    )


# -- steps ------------------------------------------------------------------------------------------------
def _pick(law: "Law", cur: Provision | None, step: Step, address: Address) -> Provision | None:
    tag = step.tag
    if cur is None:
        if tag == "SupplProvision":
            return _pick_suppl(law._top, step)
        if tag in _APPENDICES:
            return _pick_appendix(law._top, cur, step, address)
        return _match(law._top, step)
    if tag == "Article":
        return _find_article(cur, step)
    if tag in _CONTAINERS and cur.tag not in _CONTAINERS and not address.is_path:
        return _find_container(cur, step, address)
    if not address.is_path:
        if tag == "Paragraph" and cur.tag == "Article" and cur.is_range:
            # 「第十六条第一項」 inside 「第十五条から第十七条まで　削除」: the 項 is the placeholder's own text.
            return cur if _match(cur._kids, step) is not None else None
        if (tag in ("Item", "Class") or tag.startswith("Subitem")) and cur.tag in ("Article", "SupplProvision",
                                                                                   "MainProvision"):
            cur = _only_paragraph(cur, step, address)
    if tag.startswith("Appdx") and cur.tag == "SupplProvision":
        tag = "SupplProvision" + tag
        step = Step(tag, number=step.number, raw=step.raw, index=step.index, heading=step.heading,
                    occurrence=step.occurrence)
    if tag.startswith("SupplProvisionAppdx"):
        return _pick_appendix(cur._kids, cur, step, address)
    if tag.startswith("Subitem") and step.heading is not None:
        return _find_subitem(cur, step)
    return _match(cur._kids, step)


def _only_paragraph(cur: Provision, step: Step, address: Address) -> Provision:
    """The single 項 of an article, 附則 or 本則 cited without its 項 (第八条第三号, 附則第三号).

    With several 項 the citation is refused; when only one of them has 号 the error names it.
    """
    paragraphs = [k for k in cur._kids if k.tag == "Paragraph"]
    if len(paragraphs) == 1 and single_paragraph_owner(paragraphs[0]) is cur:
        return paragraphs[0]
    what = _step_text(step, address)
    owner = cur.label or ""
    if not paragraphs:
        raise AddressError(f"{_describe(cur)} has no 項 directly under it, so it has no {what}",
                           address=address.text, nearest=cur.label)
    with_items = [p for p in paragraphs if any(k.tag in ("Item", "Class") for k in p._kids)]
    reason = f"{owner} has {len(paragraphs)} 項: say which 項 the 号 belongs to"
    if len(with_items) == 1:
        only = with_items[0]
        reason += f"; only {only.label} has 号"
        if _pick_in(only, step) is not None:
            reason += f": did you mean {only.label}{what}?"
    elif not with_items:
        reason += " (none of its 項 has 号)"
    else:
        reason += f" (e.g. {with_items[0].label}{what})"
    raise AddressError(reason, address=address.text, nearest=cur.label)


def _pick_in(paragraph: Provision, step: Step) -> Provision | None:
    if step.tag.startswith("Subitem") and step.heading is not None:
        return _find_subitem(paragraph, step)
    return _match(paragraph._kids, step)


def _find_subitem(cur: Provision, step: Step) -> Provision | None:
    """A 細分 by its printed title; also a 細分 written as a 号 (``Item Num="イ"``) right after *cur* (or at the
    start of the 項 *cur*), which is labelled that way."""
    want = normalize_for_match(step.heading or "")
    for k in cur._kids:
        if k.tag == step.tag and normalize_for_match(k.heading) == want:
            return k
    if step.tag != "Subitem1":
        return None
    if cur.tag == "Item" and cur.parent is not None:
        siblings = cur.parent._kids
        following = siblings[siblings.index(cur) + 1:]
    elif cur.tag == "Paragraph":
        following = cur._kids
    else:
        return None
    for k in following:
        if not is_misplaced_subitem(k):
            break
        if normalize_for_match(k.heading) == want:
            return k
    return None


def _by_position_or_raw(same: list[Provision], step: Step) -> tuple[bool, Provision | None]:
    """The picks every kind of provision shares, among *same* (the candidates of the step's tag): by position
    (``Article[2]``), by the raw ``Num`` (``Article_3_2``, the *occurrence*-th when several share it), or the only
    one when the step has no number. ``(True, hit)`` when one of them decides (*hit* may be ``None``: not there);
    ``(False, None)`` when the caller must go on by number."""
    if step.index is not None:
        return True, (same[step.index - 1] if 0 < step.index <= len(same) else None)
    if step.raw is not None:
        exact = [p for p in same if p.number is not None and p.number.raw == step.raw]
        if exact:
            return True, (exact[step.occurrence - 1] if step.occurrence <= len(exact) else None)
    if step.number is None:
        return True, (same[0] if len(same) == 1 and step.raw is None else None)
    return False, None


def _match(pool: Iterable[Provision], step: Step) -> Provision | None:
    """Pick from *pool* by raw Num, index, number or range membership (in that order)."""
    same = [p for p in pool if p.tag == step.tag]
    decided, hit = _by_position_or_raw(same, step)
    number = step.number
    if decided or number is None:  # (a step without a number is always decided)
        return hit
    if step.tag == "Item":  # 第三号 is never an ``Item Num="ハ"`` (whose kana also reads 3)
        same = [p for p in same if not is_misplaced_subitem(p)]
    equal = [p for p in same if p.number is not None and p.number.first == number and not p.number.is_range]
    if equal:
        return equal[step.occurrence - 1] if step.occurrence <= len(equal) else None
    for p in same:
        if p.number is not None and p.number.covers(number):
            return p
    return None


def _pick_appendix(pool: Iterable[Provision], cur: Provision | None, step: Step,
                   address: Address) -> Provision | None:
    """An appendix of one scope (the law's end, or one 附則).

    A path (``AppdxTable_2``) picks by element name and number: the ``Num`` when some appendix has it, else the
    number in the printed title of the appendices without ``Num``. A citation (「別表第2」) picks by the words
    and the number of the printed title (「別表」 and 2), whatever the element is, falling back to the element the
    word usually names. Two candidates raise; the error lists them with their paths.
    """
    appendices = [p for p in pool if p.tag in _APPENDICES]
    same = [p for p in appendices if p.tag == step.tag]
    if step.index is not None:
        return same[step.index - 1] if 0 < step.index <= len(same) else None
    if address.is_path:
        decided, hit = _by_position_or_raw(same, step)
        if decided:
            return hit
        candidates = [p for p in same if p.number is None]
        hint = "use the path of the one you mean"
    else:
        word = normalize_for_match(step.heading or "")
        if word.startswith(("附則", "付則")):
            word = word[2:]
        candidates = [p for p in appendices if appendix_word(p) == word] or same
        if step.number is None:
            return _lone_appendix(candidates, cur, address)
        hint = "use the path of the one you mean"
    return _by_number(candidates, cur, step, address, hint)


def _lone_appendix(candidates: list[Provision], cur: Provision | None, address: Address) -> Provision | None:
    """「別表」 without a number: the appendix whose title has none, or the only candidate."""
    unnumbered = [p for p in candidates if appendix_number(p) is None]
    if len(unnumbered) == 1:
        return unnumbered[0]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise _ambiguous(address, cur, candidates, "cite the appendix with its number, or use its path")
    return None


def _by_number(candidates: list[Provision], cur: Provision | None, step: Step, address: Address,
               hint: str) -> Provision | None:
    assert step.number is not None
    numbers = [(p, appendix_number(p)) for p in candidates]
    equal = [p for p, n in numbers if n is not None and n.first == step.number and not n.is_range]
    if not equal:
        equal = [p for p, n in numbers if n is not None and n.covers(step.number)]
    if len(equal) > 1 and step.occurrence == 1:
        raise _ambiguous(address, cur, equal, hint)
    return equal[step.occurrence - 1] if step.occurrence <= len(equal) else None


def _pick_suppl(pool: Iterable[Provision], step: Step) -> Provision | None:
    suppl = [p for p in pool if p.tag == "SupplProvision"]
    if step.index is not None:
        return suppl[step.index - 1] if 0 < step.index <= len(suppl) else None
    if step.key:
        want = suppl_key(step.key) or step.key
        found = [p for p in suppl if suppl_key(p.get("AmendLawNum")) == want]
    else:
        found = [p for p in suppl if not p.get("AmendLawNum")]
    return found[step.occurrence - 1] if step.occurrence <= len(found) else None


def _find_article(cur: Provision, step: Step) -> Provision | None:
    if cur.tag not in _CONTAINERS and cur.tag not in ("MainProvision", "SupplProvision"):
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
            if k.tag in _CONTAINERS:
                if k.tag == step.tag and k.number is not None and step.number is not None \
                        and k.number.covers(step.number):
                    found.append(k)
                visit(k)

    visit(cur)
    if len(found) > 1:
        raise _ambiguous(address, cur, found, "cite the enclosing 編 or 章 too")
    return found[0] if found else None
