"""The vendor's own parse as a gold standard: ぎょうせい pages carry a hidden ``div#num-ids`` index that maps
structural addresses (``j8-2_k1_g1_gsア``, ``f3_j0_k2``, ``b1``, ``y2``, ``sh1_se2``) to element ids.

:func:`check_page` turns every structural address into a Japanese citation in Arabic form
(「第8条の2第1項第1号ア」, 「平成11年条例第23号附則第2項」), resolves it with ``law.find``, and checks that the
provision found is one of those created by the page line holding the element the index points to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lawcode.errors import AddressError, LawcodeError
from lawcode.model.provision import Provision
from lawcode.io.reiki import ReikiPage
from lawcode.io.reiki.html import parse_html

_TOKEN = re.compile(r"^(f|j|ka|k|gs|g|b|y|sh|se)(.+)$")
_SUFFIXES = frozenset(("title", "num", "first", "proviso", "later", "middle", "noitems", "table", "notable"))
_WHOLE = frozenset(("title", "main_rules", "toc", "co", "intro"))


@dataclass
class GoldResult:
    checked: int = 0
    resolved: int = 0
    failures: list[str] = field(default_factory=list)
    skipped: int = 0
    #: addresses whose element id is missing from the page: resolved, but the line cannot be compared
    unverifiable: int = 0


def _unit(value: str, unit: str) -> str:
    """``8-2`` + 条 → 「第8条の2」."""
    parts = value.split("-")
    return f"第{parts[0]}{unit}" + "".join(f"の{p}" for p in parts[1:])


def citation(key: str, page: ReikiPage, suppl_of: dict[str, str]) -> str | None:
    """The Japanese citation for num-ids *key*, or ``None`` when the key is not a provision address.

    *suppl_of* maps ``f{n}`` to the path of the 附則 its heading line made: the vendor numbers 附則 blocks
    itself (and skips a heading it could not read), so the block is found by the line, and the citation
    names it the way users do — 「附則」 for the 原始附則, 「平成11年条例第23号附則」 for an 改正附則.
    """
    tokens = key.split("_")
    out = []
    for tok in tokens:
        if tok.startswith("gs"):
            out.append(tok[2:])
            continue
        m = _TOKEN.match(tok)
        if not m:
            return None
        kind, value = m.groups()
        if kind == "f":
            path = suppl_of.get(f"f{value}")
            if path is None:
                return f"<附則 block {value} not on the page>"
            sp = page.law.find(path)
            number = sp.amend_law_number  # type: ignore[attr-defined]
            out.append(f"{number.key if number else (sp.amend_law_num or '')}附則")  # type: ignore[attr-defined]
        elif kind == "j":
            if value != "0":
                out.append(_unit(value, "条"))
        elif kind == "k":
            out.append(f"第{value}項")
        elif kind == "g":
            out.append(_unit(value, "号"))
        elif kind == "b":
            out.append("別表" if value == "0" else "別表" + _unit(value, ""))
        elif kind == "y":
            out.append("様式" if value == "0" else "様式" + _unit(value, "号"))
        elif kind == "sh":
            out.append(_unit(value, "章"))
        elif kind == "se":
            out.append(_unit(value, "節"))
        elif kind == "ka":
            out.append(_unit(value, "款"))
    text = "".join(out)
    return text or None


def num_ids(root: etree._Element) -> list[tuple[str, str]]:
    return [(d.get("id") or "", (d.text or "").strip()) for d in root.xpath('//div[@id="num-ids"]/div')]


def check_page(data: bytes, page: ReikiPage) -> GoldResult:
    root = parse_html(data)
    line_of: dict[str, str] = {}
    for line in root.xpath('//div[@class="eline"]'):
        lid = line.get("id") or ""
        for el in line.iter():
            eid = el.get("id")
            if eid:
                line_of[eid] = lid
    result = GoldResult()
    ids = num_ids(root)
    suppl_of: dict[str, str] = {}
    for key, eid in ids:
        block = re.match(r"(f\d+)(?:_|$)", key)
        if block and block.group(1) not in suppl_of:
            # the block's own id, or (when the index points at an element the page lacks) any of its parts
            made = [p for p in page.lines.get(line_of.get(eid, ""), ()) if p.startswith("SupplProvision")]
            if made:
                suppl_of[block.group(1)] = made[0].split("-")[0]
    for key, eid in ids:
        tokens = key.split("_")
        if key in _WHOLE or tokens[-1] in _SUFFIXES or tokens[0] in ("co", "intro"):
            continue
        address = citation(key, page, suppl_of)
        if address is None:
            result.skipped += 1
            continue
        result.checked += 1
        if eid not in line_of:
            # the index points at an element the page does not have: the address must still resolve
            try:
                resolve(page, address)
                result.resolved += 1
                result.unverifiable += 1
            except LawcodeError as exc:
                result.failures.append(f"{key} → {address}: {exc}")
            continue
        expected = page.lines.get(line_of[eid], ())
        try:
            found = resolve(page, address)
        except LawcodeError as exc:
            result.failures.append(f"{key} → {address}: {exc}")
            continue
        if found.path in expected:
            result.resolved += 1
        else:
            result.failures.append(f"{key} → {address}: found {found.path}, the line made {list(expected)}")
    return result


_SUBITEM_TAIL = re.compile(r"^(.*?号(?:の\d+)*[^(（]+)((?:[(（][^()（）]+[)）]|[a-z]+)+)$")


def resolve(page: ReikiPage, address: str) -> Provision:
    """``law.find(address)``; for 細目 below the first level (「…第1号イ(ア)a」), which the citation grammar
    does not read, the first level is found with ``law.find`` and the rest by printed heading, level by level.
    An unnumbered 様式 is cited 「様式」 or 「別記様式」 as the page titles it; several 様式 printed under one
    number (「様式第2号(その1)」「(その2)」) are one vendor address and resolve to the first of them."""
    try:
        return page.law.find(address)
    except AddressError as exc:
        m = _SUBITEM_TAIL.match(address)
        if m:
            node = page.law.find(m.group(1))
            for label in re.findall(r"[(（][^()（）]+[)）]|[a-z]+", m.group(2)):
                node = next(c for c in node.subprovisions if c.heading == label)
            return node
        if address == "様式":
            return page.law.find("別記様式")
        if "ambiguous" in str(exc) and address.startswith("様式"):
            return next(p for p in page.law.appendices if p.heading.startswith(address))
        raise
