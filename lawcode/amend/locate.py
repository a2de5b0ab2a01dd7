"""Find the elements an amendment location names, in the writable tree of a draft.

Locations are resolved against the numbering at the start of the sentence (domain.md §3.2 rule 10): an
element renumbered earlier in the same sentence is still found under its old number, and an element added
in the same sentence is not found by number at all. Anaphora (同条, 同項, 同号, 同表) follow the identity of the
provision last named as a subject (a renumbering destination is not an antecedent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lawcode.amend.operations import Loc, Range, Step, Target
from lawcode.model.tags import CONTAINER_TAGS, SUBITEM_TAGS
from lawcode.text.normalize import strip_spaces

__all__ = ["Cursor", "LocateError", "appendix_head", "appendix_num", "num_attr", "label_of"]

_CONTAINERS = frozenset(CONTAINER_TAGS)


class LocateError(Exception):
    """A location that names nothing (turned into an AmendError by the applier)."""


def num_attr(number: tuple[int, ...]) -> str:
    return "_".join(str(n) for n in number)


#: The names of the parts of a law that are not numbered provisions.
_SPECIAL_NAME = {"TOC": "目次", "LawTitle": "題名", "Preamble": "前文"}
#: Appendix kinds whose number e-Gov often writes only in the printed title (79 of 83 bulk files with 別表).
_APPENDIX_TAGS = frozenset({"AppdxTable", "AppdxStyle", "AppdxFormat", "AppdxFig", "AppdxNote", "Appdx"})
#: 「別表第二の三」, 「別表第2」, 「別表第２」 at the start of an appendix title (the part before its subject).
_APPENDIX_HEAD = re.compile(r"^[^第\s\u3000（(]*第([〇一二三四五六七八九十百千0-9０-９]+)((?:の[〇一二三四五六七八九十百千0-9０-９]+)*)")


def appendix_head(e: etree._Element) -> str:
    """The name an 改め文 gives an appendix: its title up to the first space or 「（」 (「別記様式第１」 of
    「別記様式第１　（第三条関係）」), without spaces; empty when it has no title."""
    title = e.find(f"{e.tag}Title")
    text = "".join(title.itertext()) if title is not None else ""
    return strip_spaces(re.split(r"[（(]", text.strip(" \u3000\n\t"), maxsplit=1)[0].split("\u3000")[0])


def appendix_num(e: etree._Element) -> str | None:
    """The number of an appendix in ``Num`` form (``"2_3"``): its ``Num`` attribute when it has one, else the
    number printed in its title (「別表第二の三　…」), because most exports give 別表 no ``Num`` and an 改め文
    names them by title. ``None`` for a lone 「別表」."""
    num = e.get("Num")
    if num is not None or e.tag not in _APPENDIX_TAGS:
        return num
    from lawcode.text.numerals import parse_any_numeral

    title = e.find(e.tag + "Title")
    if title is None:
        return None
    m = _APPENDIX_HEAD.match(strip_spaces(_inline(title)))
    if m is None:
        return None
    try:
        parts = [parse_any_numeral(m.group(1))] + [parse_any_numeral(x) for x in m.group(2).split("の")[1:]]
    except ValueError:
        return None
    return num_attr(tuple(parts))


def _label_key(text: str) -> str:
    """A 号の細分 label for comparison: without brackets, digits and roman letters in ASCII."""
    from lawcode.text.normalize import normalize_width

    return normalize_width(strip_spaces(text)).strip("()").lower()


def _inline(e: etree._Element) -> str:
    return "".join(e.itertext())


@dataclass
class Cursor:
    """Resolution state of one amendment part: the tree, the anaphora antecedents and the per-sentence
    snapshot of renumbered (``orig``) and newly added (``fresh``) elements."""

    body: etree._Element
    last: dict[str, etree._Element] = field(default_factory=dict)
    orig: dict[etree._Element, str] = field(default_factory=dict)
    fresh: set[etree._Element] = field(default_factory=set)

    def start_sentence(self) -> None:
        self.orig.clear()
        self.fresh.clear()

    # -- numbers at sentence start ------------------------------------------------------------------------
    def _num(self, e: etree._Element) -> str | None:
        if e in self.fresh:
            return None
        if e in self.orig:
            return self.orig[e]
        return appendix_num(e)

    def number_of(self, e: etree._Element) -> str:
        """The number *e* had at the start of the sentence, in ``Num`` form (``""`` when it has none)."""
        return self._num(e) or ""

    def _pick(self, candidates: list[etree._Element], number: tuple[int, ...], what: str) -> etree._Element:
        wanted = num_attr(number)
        for c in candidates:
            if self._num(c) == wanted:
                return c
        for c in candidates:  # a deleted range 「第三十条から第三十二条まで　削除」 covers its members
            n = self._num(c)
            if n and ":" in n:
                lo, hi = (tuple(int(x) for x in part.split("_")) for part in n.split(":"))
                if lo <= number <= hi:
                    return c
        raise LocateError(f"{what} not found")

    # -- top-level parts ---------------------------------------------------------------------------------
    def main(self) -> etree._Element:
        e = self.body.find("MainProvision")
        if e is None:
            raise LocateError("the law has no 本則")
        return e

    def _paragraph_main(self) -> etree._Element:
        """The 本則 of a law written in 項 without articles (項建て), the holder of a bare 「第N項」."""
        main = self.main()
        if main.find("Paragraph") is None:
            raise LocateError("no antecedent for a bare Paragraph location")
        return main

    def _suppl(self) -> etree._Element:
        for e in self.body.findall("SupplProvision"):
            if e.get("AmendLawNum") is None:
                return e
        raise LocateError("the law has no 原始附則")

    def articles(self, scope: etree._Element) -> list[etree._Element]:
        return [a for a in scope.iter("Article")]

    # -- resolution --------------------------------------------------------------------------------------
    def resolve(self, loc: Loc, *, remember: bool = True) -> etree._Element:
        cur: etree._Element | None = None
        for step in loc.steps:
            cur = self._step(cur, step)
            if remember:
                self._remember(step, cur)
        if cur is None:
            raise LocateError("empty location")
        return cur

    def _remember(self, step: Step, e: etree._Element) -> None:
        kind = step.kind
        if kind.startswith("Subitem"):
            kind = "Subitem"
        self.last[kind] = e
        if kind == "TableStruct":
            self.last["AppdxTable"] = e  # 「同表」 after 「第N条の表」
        if kind == "TableRow":  # 「同項」 after 「…の項」 is that row of the table
            self.last["Paragraph"] = e
        if kind == "Article":
            self.last.pop("Paragraph", None)
            self.last.pop("Item", None)
        elif kind == "Paragraph":
            self.last.pop("Item", None)

    def _context(self, kind: str) -> etree._Element:
        e = self.last.get(kind)
        if e is None:
            raise LocateError(f"no antecedent for a bare {kind} location")
        return e

    def _step(self, cur: etree._Element | None, step: Step) -> etree._Element:
        kind = step.kind
        if step.anaphor:
            key = "Subitem" if kind.startswith("Subitem") else kind
            e = self.last.get(key)
            if e is None:
                raise LocateError(f"「同」 without an antecedent ({kind})")
            return e
        if kind == "MainProvision":
            return self.main()
        if kind == "SupplProvision":
            return self._suppl()
        if kind in ("TOC", "LawTitle", "Preamble"):
            e = self.body.find(kind)
            if e is None:
                raise LocateError(f"the law has no {_SPECIAL_NAME[kind]}")
            return e
        if kind == "AppdxTable":
            tables = self.body.findall("AppdxTable")
            if not step.number:
                if len(tables) == 1:
                    return tables[0]
                raise LocateError("別表 without a number but the law has several")
            return self._pick(tables, step.number, f"別表第{num_attr(step.number)}")
        if kind == "Appdx":  # a 様式 or 書式 named by the head of its title (「別記様式第一」)
            named = [e for e in self.body if isinstance(e.tag, str) and e.tag in _APPENDIX_TAGS
                     and appendix_head(e) == strip_spaces(step.key)]
            if len(named) != 1:
                raise LocateError(f"{len(named) or 'no'} appendices titled 「{step.key}」")
            return named[0]
        if kind == "TableStruct":
            holder = cur if cur is not None else self._context("Article")
            tables = list(holder.iter("TableStruct"))
            if not tables:
                raise LocateError("no table (表) here")
            if len(tables) > 1:
                raise LocateError("several tables (表) here: name the 項 or 号 that holds the one meant")
            return tables[0]
        if kind == "TableRow":
            holder = cur if cur is not None else self._context("AppdxTable")
            want = strip_spaces(step.key)
            for row in holder.iter("TableRow"):
                first = row.find("TableColumn")
                if first is not None and strip_spaces(_inline(first)) == want:
                    return row
            for row in holder.iter("TableRow"):
                first = row.find("TableColumn")
                if first is not None and strip_spaces(_inline(first)).startswith(want):
                    return row
            raise LocateError(f"table row 「{step.key}」 not found")
        if kind in _CONTAINERS:
            scope = cur if cur is not None else self.main()
            return self._pick(list(scope.iter(kind)), step.number, f"{kind} {num_attr(step.number)}")
        if kind == "Article":
            if cur is None or cur.tag not in _CONTAINERS | {"MainProvision", "SupplProvision"}:
                cur = self.main()
            return self._pick(self.articles(cur), step.number, "article")
        if kind == "Paragraph":
            if cur is None:
                cur = self.last.get("Article")
            if cur is None:  # 「第三項中」 in a law whose 本則 is made of 項 only (項建て)
                cur = self._paragraph_main()
            if cur.tag not in ("Article", "SupplProvision", "MainProvision"):
                raise LocateError(f"a 項 inside <{cur.tag}>")
            return self._pick(cur.findall("Paragraph"), step.number, "paragraph")
        if kind == "Item":
            if cur is None:
                para = self.last.get("Paragraph")
                cur = para if para is not None else self._context("Article")
            if cur.tag == "Article":
                paras = cur.findall("Paragraph")
                if not paras:
                    raise LocateError("article without 項")
                cur = paras[0]
            if cur.tag != "Paragraph":
                raise LocateError(f"a 号 inside <{cur.tag}>")
            return self._pick(cur.findall("Item"), step.number, "item")
        if kind == "Subitem":
            if cur is None:
                cur = self._context("Item")
            if cur.tag == "Item":
                tag = "Subitem1"
            elif cur.tag in SUBITEM_TAGS:
                tag = f"Subitem{int(cur.tag[7:]) + 1}"
            else:
                raise LocateError(f"a 号の細分 inside <{cur.tag}>")
            for c in cur.findall(tag):
                title = c.find(tag + "Title")
                if title is not None and c not in self.fresh and _label_key(_inline(title)) == _label_key(step.key):
                    return c
            raise LocateError(f"「{step.key}」 not found")
        raise LocateError(f"unsupported location step {kind}")

    def resolve_range(self, rng: Range) -> list[etree._Element]:
        first = self.resolve(rng.start)
        last = self.resolve(rng.end, remember=False)
        if first.tag == "Article" and last.tag == "Article":
            scope = first.getparent()
            while scope is not None and scope.tag not in ("MainProvision", "SupplProvision"):
                scope = scope.getparent()
            pool = self.articles(scope if scope is not None else self.main())
        else:
            parent = first.getparent()
            if parent is None or last.getparent() is not parent:
                raise LocateError("the ends of the range are not siblings")
            pool = [c for c in parent if c.tag == first.tag]
        try:
            i, j = pool.index(first), pool.index(last)
        except ValueError:
            raise LocateError("range ends not found") from None
        if j < i:
            raise LocateError("the range ends before it starts")
        return pool[i:j + 1]

    def resolve_all(self, target: Target) -> list[etree._Element]:
        if isinstance(target, Range):
            return self.resolve_range(target)
        return [self.resolve(target)]


def label_of(e: etree._Element) -> str:
    """A Japanese label for an element of a law tree (「附則第二条第一項第三号」, 「別表第一」), for logs."""
    from lawcode.text.numerals import int_to_kanji

    parts: list[str] = []
    node: etree._Element | None = e
    while node is not None and node.tag not in ("LawBody", "Law"):
        tag = node.tag
        if tag == "Article":
            t = node.find("ArticleTitle")
            parts.append(_inline(t) if t is not None else f"第{node.get('Num')}条")
        elif tag == "Paragraph":
            n = node.get("Num") or "?"
            parts.append(f"第{int_to_kanji(int(n)) if n.isdigit() else n}項")
        elif tag == "Item":
            n = [int_to_kanji(int(x)) if x.isdigit() else x for x in (node.get("Num") or "?").split("_")]
            parts.append("第" + n[0] + "号" + "".join("の" + x for x in n[1:]))  # 枝番 after 号: 第三号の二
        elif tag in SUBITEM_TAGS:
            t = node.find(tag + "Title")
            parts.append(_inline(t) if t is not None else tag)
        elif tag == "SupplProvision":
            parts.append("附則")
        elif tag in ("AppdxTable", "TOC", "LawTitle", "Preamble"):
            t = node.find(tag + "Title") if tag == "AppdxTable" else None
            parts.append(_inline(t) if t is not None else _SPECIAL_NAME.get(tag, "別表"))
        elif tag == "TableRow":
            first = node.find("TableColumn")
            parts.append((strip_spaces(_inline(first)) if first is not None else "") + "の項")
        elif tag in _CONTAINERS and e is node:
            t = node.find(tag + "Title")
            parts.append(_inline(t).split("\u3000")[0] if t is not None else tag)
        node = node.getparent()
    return "".join(reversed(parts)) or e.tag
