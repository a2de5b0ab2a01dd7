"""Parsing one candidate mention (found by the pre-scan) into pointers, with ``grammars/references.lark``.

The result is a small immutable structure that knows nothing about any law: a tuple of items, each a
:class:`Pointer` or a :class:`Range` of two pointers; a pointer is a tuple of :class:`Frag` (one per level:
head first) plus the sentence part it names (本文, ただし書 …). Parses are cached by candidate text — the same
few thousand phrases (前項, 同条第一項, 第三条第二項) recur in every law — so the parser runs once per distinct
phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, TypeAlias

from lark import Lark, Token, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer

from lawcode.errors import LawcodeError
from lawcode.grammars import grammar_text
from lawcode.refs.tokens import KANA, LEVEL_OF_UNIT, N, tokenize
from lawcode.text.numerals import parse_any_numeral

__all__ = ["Frag", "Pointer", "Range", "Spec", "parse_mention"]

#: Modes of a fragment: ``named`` (第三条), ``prev``/``next`` (前条, 次項; ``count`` = how many, 0 = 各 = all),
#: ``same`` (同条), ``here`` (本条, この章), ``each`` (各号: every item), ``suppl`` (附則), ``appdx`` (別表第一),
#: ``letter`` (a bare 細分 letter continuing a list: the ロ of 「第三号イ及びロ」).
MODES = ("named", "prev", "next", "same", "here", "each", "suppl", "appdx", "letter")


@dataclass(frozen=True, slots=True)
class Frag:
    """One level of a pointer: ``level`` (element name: Article, Paragraph, Item, Chapter …, AppdxTable,
    SupplProvision), ``mode`` (see :data:`MODES`), ``number`` (枝番 tuple for ``named``/``appdx``), ``count``
    (for ``prev``/``next``: 1 for 前条, 2 for 前二条, 0 for 前各条) and ``subitems`` (細分 numbers after a 号:
    イ（１） → (1, 1))."""

    level: str
    mode: str
    number: tuple[int, ...] | None = None
    count: int = 1
    subitems: tuple[int, ...] = ()
    word: str = ""


@dataclass(frozen=True, slots=True)
class Pointer:
    """A chain of fragments (head first) and the sentence part named at its end (本文, ただし書 …)."""

    frags: tuple[Frag, ...]
    part: str | None = None
    #: The levels the pointer names (for 同条/同項 memory; 各号 does not name a 号).
    named: frozenset[str] = frozenset()
    #: Characters ``start:end`` of the candidate this item covers.
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    #: Whether a fragment is 各号 (every item of the provision before it).
    has_each: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not self.named:
            object.__setattr__(self, "named", frozenset(f.level for f in self.frags if f.mode != "each"))
        object.__setattr__(self, "has_each", any(f.mode == "each" for f in self.frags))


@dataclass(frozen=True, slots=True)
class Range:
    """「…から…まで」: both ends (``first``, ``last``), expanded in document order by the resolver."""

    first: Pointer
    last: Pointer
    #: Characters ``start:end`` of the candidate this item covers (まで included).
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


Spec: TypeAlias = tuple[Pointer | Range, ...]


#: One letter per terminal: the parser reads the *signature* of a candidate (its token types), so a parse is
#: made once per shape (「第N条第N項及び第N項」 → ``NNCN``) rather than once per phrase.
_SIG = {"NAMED": "N", "PREV": "P", "SAME": "S", "HERE": "H", "EACH": "E", "SUPPL": "U", "APPDX": "A",
        "PART": "T", "CONJ": "C", "KARA": "K", "MADE": "M", "NAISHI": "I", "SUBK": "L"}
_TYPE_OF = {v: k for k, v in _SIG.items()}


class _SignatureLexer(Lexer):
    """Feeds lark one token per signature letter; each token's value is its index in the candidate."""

    def __init__(self, lexer_conf: object) -> None:  # lark passes its configuration; nothing to keep
        pass

    def lex(self, text: str) -> Iterator[Token]:  # type: ignore[override]  # lark calls custom lexers with the text
        for i, ch in enumerate(text):
            yield Token(_TYPE_OF[ch], str(i), start_pos=i)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(grammar_text("references.lark"), parser="lalr", lexer=_SignatureLexer, maybe_placeholders=False)


Shape: TypeAlias = tuple[tuple[tuple[int, ...], ...], ...]


@lru_cache(maxsize=8192)
def _shape(signature: str) -> Shape | None:
    """The parse of a signature: per item, the token indices of its pointer (one) or range ends (two)."""
    try:
        tree = _parser().parse(signature)
    except LarkError:
        return None
    plist = tree.children[0]
    assert isinstance(plist, Tree)
    items: list[tuple[tuple[int, ...], ...]] = []
    for child in plist.children:
        if isinstance(child, Token):  # CONJ
            continue
        pointers = [child] if child.data in ("pointer", "subitem_letter") else [
            c for c in child.children if isinstance(c, Tree)]
        items.append(tuple(tuple(int(str(t)) for t in ptr.children if isinstance(t, Token)) for ptr in pointers))
    return tuple(items)


_NUM = re.compile(N)
_COUNT = re.compile(f"^[前次]({N}|各)?")
_SUBITEMS = re.compile(f"[{KANA}]|[（(]({N})[）)]")


def _branch(text: str) -> tuple[int, ...]:
    return tuple(parse_any_numeral(m) for m in _NUM.findall(text))


def _subitems(tail: str) -> tuple[int, ...]:
    out: list[int] = []
    for m in _SUBITEMS.finditer(tail):
        out.append(parse_any_numeral(m.group(1) if m.group(1) else m.group()))
    return tuple(out)


@lru_cache(maxsize=16384)
def _frag(kind: str, value: str) -> Frag:
    """The fragment of one token (cached: 第一項, 前条 … recur across phrases)."""
    if kind == "NAMED":
        unit_at = next(i for i, ch in enumerate(value) if ch in LEVEL_OF_UNIT and i > 0)
        unit = value[unit_at]
        level = LEVEL_OF_UNIT[unit]
        rest = value[unit_at + 1:]
        subs: tuple[int, ...] = ()
        if level == "Item":
            k = 0
            while k < len(rest) and rest[k] not in KANA:
                k += 1
            rest, subs = rest[:k], _subitems(rest[k:])
        return Frag(level, "named", _branch(value[1:unit_at] + rest),
                    subitems=subs, word=value)
    if kind == "PREV":
        m = _COUNT.match(value)
        assert m is not None
        count_text = m.group(1)
        count = 0 if count_text == "各" else (parse_any_numeral(count_text) if count_text else 1)
        unit = value[m.end()]
        return Frag(LEVEL_OF_UNIT[unit], "prev" if value[0] == "前" else "next", count=count,
                    subitems=_subitems(value[m.end() + 1:]), word=value)
    if kind == "SAME":
        return Frag(LEVEL_OF_UNIT[value[1]], "same", subitems=_subitems(value[2:]), word=value)
    if kind == "HERE":
        word = value[2:] if value.startswith("この") else value[1:]
        level = "SupplProvision" if word == "附則" else LEVEL_OF_UNIT[word]
        return Frag(level, "here", word=value)
    if kind == "EACH":
        return Frag("Item", "each", word=value)
    if kind == "SUBK":  # level and depth come from the pointer it continues
        return Frag("Subitem", "letter", subitems=_subitems(value), word=value)
    if kind == "SUPPL":
        return Frag("SupplProvision", "suppl", word=value)
    if kind == "APPDX":
        head = "別記様式" if value.startswith("別記様式") else value[:2]
        tag = {"別表": "AppdxTable", "別記様式": "AppdxStyle", "別記": "AppdxNote", "様式": "AppdxStyle",
               "書式": "AppdxFormat"}[head]
        rest = value[len(head):]
        number = _branch(rest) if rest else None
        return Frag(tag, "appdx", number or None, word=value)
    raise ValueError(f"unexpected token {kind}")


def _offsets(tokens: list[tuple[str, str]]) -> list[int]:
    out = [0]
    for _, value in tokens:
        out.append(out[-1] + len(value))
    return out


def _pointer(tokens: list[tuple[str, str]], indices: tuple[int, ...], offsets: list[int] | None = None) -> Pointer:
    frags: list[Frag] = []
    part: str | None = None
    for i in indices:
        kind, value = tokens[i]
        if kind == "PART":
            part = value if part is None else part + value
        else:
            frags.append(_frag(kind, value))
    if offsets is None:
        return Pointer(tuple(frags), part)
    return Pointer(tuple(frags), part, start=offsets[indices[0]], end=offsets[indices[-1] + 1])


_HEADS = frozenset(("NAMED", "PREV", "SAME", "HERE", "EACH", "SUPPL", "APPDX"))


@lru_cache(maxsize=65536)
def parse_mention(text: str) -> Spec | None:
    """The pointers of candidate *text* (e.g. 「第七条第一項及び第二項並びに第八条」), or ``None`` when the
    grammar rejects it (the scanner then shortens the candidate).

    A candidate of one token (前項, 第三条, 同条 — most of them) is the grammar's ``pointer: head`` and is
    built directly; everything longer goes through the LALR parser.
    """
    try:
        toks = list(tokenize(text))
    except ValueError:
        return None
    if len(toks) == 1 and toks[0][0] in _HEADS:
        try:
            return (Pointer((_frag(toks[0][0], toks[0][1]),), start=0, end=len(text)),)
        except (LawcodeError, ValueError, StopIteration, KeyError):
            return None
    shape = _shape("".join(_SIG[kind] for kind, _ in toks))
    if shape is None:
        return None
    items: list[Pointer | Range] = []
    offsets = _offsets(toks)
    try:
        for item in shape:
            if len(item) == 2:
                last = item[1][-1] + 1
                end = offsets[last + 1] if last < len(toks) and toks[last][0] == "MADE" else offsets[last]
                items.append(Range(_pointer(toks, item[0], offsets), _pointer(toks, item[1], offsets),
                                   start=offsets[item[0][0]], end=end))
            else:
                items.append(_pointer(toks, item[0], offsets))
    except (LawcodeError, ValueError, StopIteration, KeyError):
        return None
    return tuple(items)
