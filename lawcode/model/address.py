"""Parsing provision addresses: e-Gov ``elm`` paths and Japanese citations.

Both forms are turned into a list of :class:`Step` (element name + number or index) plus a scope, which
:meth:`lawcode.model.law.Law.find` then resolves structurally against the law. Parsing knows nothing about
any particular law; resolution rules that need the law (「第八条第三号」 when 第八条 has one 項, numbers inside
deleted ranges) live in the resolver.

Japanese citations are parsed with the lark grammar ``grammars/citation.lark``; a leading law number
(「令和三年法律第三十七号附則第二条」) selects an 改正附則 and is read with
:func:`lawcode.text.lawnum.parse_law_number`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lark import Token, Tree
from lark.exceptions import LarkError

from lawcode.errors import AddressError, LawcodeError
from lawcode.grammars import lark_parser
from lawcode.model.nodes import _deprecated
from lawcode.model.num import parse_num
from lawcode.model.tags import TAG_OF_UNIT
from lawcode.text.lawnum import parse_law_number
from lawcode.text.numerals import parse_any_numeral, parse_branch_number

__all__ = ["Step", "Address", "parse_address", "parse_path", "parse_citation", "looks_like_path"]

#: The element an appendix word usually names. The resolver matches appendix citations against the printed
#: titles first (「別表第二」 may be an ``AppdxStyle``), so this is only the fallback.
_APPENDIX_TAG = {
    "別表": "AppdxTable",
    "附則別表": "SupplProvisionAppdxTable",
    "附則様式": "SupplProvisionAppdxStyle",
    "附則付録": "SupplProvisionAppdx",
    "別記": "AppdxNote",
    "別紙": "AppdxNote",
    "別記様式": "AppdxStyle",
    "別紙様式": "AppdxStyle",
    "様式": "AppdxStyle",
    "別記書式": "AppdxFormat",
    "別紙書式": "AppdxFormat",
    "書式": "AppdxFormat",
    "別図": "AppdxFig",
    "付図": "AppdxFig",
    "付録": "Appdx",
}
#: Japanese name of each level, for messages.
_LEVEL_NAME = {"Part": "編", "Chapter": "章", "Section": "節", "Subsection": "款", "Division": "目", "Article": "条",
               "Paragraph": "項", "Item": "号"}
_SEGMENT = re.compile(r"^([A-Za-z]+[0-9]*)(?:_([^\[\]#]+))?(?:\[([^\]]+)\])?(?:#(\d+))?$")
_LAW_PREFIX = re.compile(r"^(.+?)(附則|付則)")


@dataclass(frozen=True, slots=True)
class Step:
    """One step of an address: an element name and how to pick it among its siblings.

    ``number``: a provision number as integer tuple (``(3, 2)``), matched against ``Num`` (ranges included);
    ``raw``: the ``Num`` text of a path segment, matched literally first; ``index``: 1-based position among
    same-named siblings (e-Gov ``Tag[k]``); ``key``: an 改正附則 key (``令和3年法律第37号``); ``heading``:
    the printed heading a citation gives — a subitem's ``イ`` or ``（１）``, an appendix's words 「別表」, 「別記様式」
    (for Japanese citations; matched against :attr:`Provision.heading`); ``occurrence``: ``#k``.
    """

    tag: str
    number: tuple[int, ...] | None = None
    raw: str | None = None
    index: int | None = None
    key: str | None = None
    heading: str | None = None
    occurrence: int = 1

    @property
    def title(self) -> str | None:
        """Deprecated alias of :attr:`heading` (``title`` is reserved for a law's 題名)."""
        _deprecated("Step.title", "Step.heading")
        return self.heading


@dataclass(frozen=True, slots=True)
class Address:
    """A parsed address: ``steps`` from the top of the law, and the original ``text``."""

    text: str
    steps: tuple[Step, ...] = field(default_factory=tuple)
    is_path: bool = False


def looks_like_path(text: str) -> bool:
    """Whether *text* is an e-Gov path (ASCII element names) rather than a Japanese citation."""
    return bool(text) and text[0].isascii() and text[0].isalpha()


def parse_address(text: str) -> Address:
    """Parse an e-Gov path or a Japanese citation (see :func:`parse_path`, :func:`parse_citation`)."""
    if not isinstance(text, str) or not text.strip():
        raise AddressError("empty address", address=str(text))
    text = text.strip()
    return parse_path(text) if looks_like_path(text) else parse_citation(text)


@lru_cache(maxsize=4096)
def parse_path(text: str) -> Address:
    """Parse ``MainProvision-Chapter_1-Article_3_2-Paragraph_2``, ``SupplProvision[令和3年法律第37号]-Article_1``,
    ``AppdxTable[1]`` … into steps."""
    steps: list[Step] = []
    for seg in text.split("-"):
        m = _SEGMENT.match(seg)
        if m is None:
            raise AddressError(f"malformed path segment {seg!r}", address=text)
        tag, num, bracket, occ = m.groups()
        index = key = None
        if bracket is not None:
            if bracket.isascii() and bracket.isdigit():
                index = int(bracket)
            else:
                key = bracket
        number = None
        if num is not None:
            number = parse_num(num).first
        steps.append(Step(tag, number=number, raw=num, index=index, key=key, occurrence=int(occ or 1)))
    return Address(text, tuple(steps), is_path=True)


def _number(tree: Tree) -> tuple[int, ...]:
    """The NUM tokens directly under *tree*, as a branch-number tuple (第三条の二 → (3, 2))."""
    parts = [t for t in tree.children if isinstance(t, Token) and t.type == "NUM"]
    return tuple(parse_any_numeral(str(t)) for t in parts)


@lru_cache(maxsize=4096)
def parse_citation(text: str) -> Address:
    """Parse a Japanese citation (第三条の二第二項第一号イ, 附則第二条, 別表第一 …) into steps.

    The scope comes first: 本則 (default) → ``MainProvision``; 附則 → the 原始附則 ``SupplProvision``;
    「令和三年法律第三十七号附則」 → the 改正附則 of that law.
    """
    source = text
    compact = re.sub(r"[\s\u3000]+", "", text)
    steps: list[Step] = []
    scope_given = False
    m = _LAW_PREFIX.match(compact)
    if m and not m.group(1).startswith(("第", "本則")):
        try:
            key = parse_law_number(m.group(1)).key
        except LawcodeError as exc:
            raise AddressError(f"cannot read the law number {m.group(1)!r}: {exc.reason}", address=source) from None
        steps.append(Step("SupplProvision", key=key))
        compact = compact[m.end(1):]
        scope_given = True
    try:
        tree = lark_parser("citation.lark").parse(compact)
    except LarkError:
        raise AddressError(
            "not a provision citation (expected e.g. 第三条第二項第一号, 附則第二条, 別表第一 or an e-Gov path "
            "such as MainProvision-Article_3-Paragraph_2)",
            address=source,
        ) from None
    except LawcodeError as exc:
        raise AddressError(f"bad number in citation: {exc.reason}", address=source) from None
    try:
        steps.extend(_steps(tree, scope_given))
    except AddressError as exc:
        raise AddressError(f"not a provision citation: {exc.reason}", address=source) from None
    except LawcodeError as exc:
        raise AddressError(f"bad number in citation: {exc.reason}", address=source) from None
    return Address(source, tuple(steps), is_path=False)


_LEVEL = {"Part": 0, "Chapter": 1, "Section": 2, "Subsection": 3, "Division": 4, "Article": 5, "Paragraph": 6,
          "Item": 7}


def _segment(ref: Tree) -> Step:
    unit = next((str(t) for t in ref.children if isinstance(t, Token) and t.type == "UNIT"), None)
    if unit is None:
        raise AddressError("a number without its unit (条, 項, 号 …)", address="")
    return Step(TAG_OF_UNIT[unit], number=_number(ref))


def _steps(tree: Tree, scope_given: bool) -> list[Step]:
    out: list[Step] = []
    subitem_depth = 0
    has_scope = scope_given
    level = -1
    last = ""  # the unit or words of the last level, for the order error
    for node in tree.iter_subtrees_topdown():
        data = node.data
        if data == "main_scope":
            out.append(Step("MainProvision"))
            has_scope = True
        elif data == "suppl_scope":
            if not scope_given:
                out.append(Step("SupplProvision", index=None, key=""))
            has_scope = True
        elif data == "toc":
            out.append(Step("TOC"))
        elif data == "preamble":
            out.append(Step("Preamble"))
            level = _LEVEL["Article"]
            last = "前文"
        elif data in ("segment", "segment_range"):
            step = _segment(node.children[0])
            rank = _LEVEL[step.tag]
            if rank <= level:
                raise AddressError(f"a {_LEVEL_NAME[step.tag]} cannot follow a {last} in one citation", address="")
            level = rank
            last = _LEVEL_NAME[step.tag]
            out.append(step)
        elif data == "subitem":
            subitem_depth += 1
            token = str(node.children[0])
            out.append(Step(f"Subitem{subitem_depth}", heading=token, number=(_subitem_number(token),)))
        elif data == "appendix":
            words = [str(t) for t in node.children if isinstance(t, Token) and t.type == "APPENDIX_WORD"]
            word = "".join(words)  # 別記 + 様式 for 「別記第1号様式」
            tag = _APPENDIX_TAG.get(word) or _APPENDIX_TAG[words[-1]]
            refs = [c for c in node.children if isinstance(c, Tree) and c.data == "num_ref"]
            out.append(Step(tag, number=_number(refs[0]) if refs else None, heading=word))
            level = _LEVEL["Paragraph"]  # items of an appendix may follow
            last = word
    if not has_scope:
        first = out[0].tag if out else "MainProvision"
        if first.startswith("SupplProvision"):
            out.insert(0, Step("SupplProvision", key=""))
        elif first not in ("TOC", "Preamble", "MainProvision") and not first.startswith("Appdx"):
            out.insert(0, Step("MainProvision"))
    return out


def _subitem_number(token: str) -> int:
    inner = token.strip("（()）").strip()
    try:
        return parse_any_numeral(inner)
    except LawcodeError:
        return parse_branch_number(inner)[0]
