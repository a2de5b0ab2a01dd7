"""Standalone citation strings, as data sources write them: 「第106条の24」「第13条第３項」「附則第3条」.

Inventories of administrative procedures, system specifications and spreadsheets name the provision a rule
rests on in a column of its own (the 根拠条項号 of the デジタル庁 procedure survey). Those strings follow the
statute citation style loosely: Arabic or full-width digits, sometimes a dropped 第 (「第4条第1項11号」), the
branch number on the wrong side of 条 (「第286の2条」), an old-style ノ (「第十条ノ二」), a list (「第7条第1,2項」) or
a 準用 chain (「第58条で準用する第45条」).

:func:`parse_citation` reads one such string into a :class:`Citation` — an :class:`lawcode.model.address.Address`
that :meth:`lawcode.Law.find` accepts — using the package's one citation grammar (``grammars/citation.lark``).
Strict mode reads what a careful drafter would write (any digit form, lists joined by 、/及び/並びに/又は/若しくは,
a final 本文/ただし書/前段/後段/柱書) and raises :class:`lawcode.errors.CitationError` with the position of the
first character it cannot read. Lenient mode first tries strict reading, then applies a fixed list of repairs
(:data:`REPAIRS`), each recorded in :attr:`Citation.repairs` so that a report can say what was changed; it never
guesses a number. Strings that name no single law version's provision (「改正附則第33条」 without the amending
law, 「旧法第8条」) stay errors in both modes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from lark.exceptions import LarkError, UnexpectedInput

from lawcode.errors import AddressError, CitationError, LawcodeError
from lawcode.grammars import lark_parser
from lawcode.model.address import Address
from lawcode.model.address import parse_citation as _parse_address
from lawcode.refs.tokens import N as _N
from lawcode.text.normalize import normalize_width

__all__ = ["Citation", "REPAIRS", "SENTENCE_PARTS", "parse_citation"]

#: Sentence parts that may end a citation; the address is the provision that holds them.
SENTENCE_PARTS = ("各号列記以外の部分", "ただし書", "但書", "本文", "前段", "後段", "中段", "柱書")

_UNITS = "編章節款目条項号"
_LEVEL = {u: i for i, u in enumerate(_UNITS)}
_SPACES = re.compile(r"[\s\u3000]+")
_STRICT_SEPARATORS = re.compile(r"、|及び|並びに|又は|若しくは")
_LENIENT_SEPARATORS = re.compile(r"、|，|,|・|及び|並びに|又は|若しくは|及|並")
_SEGMENT = re.compile(rf"附則|本則|(?:附則)?別表(?:第{_N}(?:の{_N})*)?|第{_N}[{_UNITS}](?:の{_N})*")
_JUNYO = re.compile(r"(?:において|で)(?:読み替えて|読替えて)?準用する(?:場合を含む。?)?")


@dataclass(frozen=True, slots=True)
class Citation(Address):
    """A parsed citation string: an :class:`~lawcode.model.address.Address` (pass it to :meth:`Law.find`).

    ``text`` is the citation actually read (after repairs), ``source`` the string as given; ``part`` the
    sentence part named at the end (本文, ただし書 …; the address is then the provision holding it);
    ``repairs`` what lenient mode changed, in words; ``others`` the further provisions of a list or 準用 chain
    (「第7条第1,2項」 → this address is 第7条第1項, ``others`` holds 第7条第2項).
    """

    source: str = ""
    part: str | None = None
    repairs: tuple[str, ...] = ()
    others: tuple[Address, ...] = ()

    @property
    def addresses(self) -> tuple[Address, ...]:
        """This address followed by :attr:`others`: every provision the string names."""
        return (self, *self.others)

    @property
    def repaired(self) -> bool:
        """Whether lenient mode had to change the string."""
        return bool(self.repairs)


# ----------------------------------------------------------------------------------------------------------
# Lenient repairs: (description, function). Each returns the new text; a change is recorded.
# ----------------------------------------------------------------------------------------------------------

def _sub(pattern: str, repl: str | Callable[[re.Match[str]], str]) -> Callable[[str], str]:
    rx = re.compile(pattern)
    return lambda s: rx.sub(repl, s)


#: The repairs of lenient mode, in the order they are tried. Each is a (description, rewrite) pair; the
#: description of every rewrite that changes the string goes into :attr:`Citation.repairs`.
REPAIRS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("read spaces between two citations as a list", lambda s: _spaces_as_list(s)),
    ("removed spaces", lambda s: _SPACES.sub("", s)),
    ("folded character width", normalize_width),
    ("read old-style ノ as の", _sub(rf"(?<=[{_UNITS}0-9〇一二三四五六七八九十])ノ(?={_N})", "の")),
    ("dropped a law prefix (法/令/規則/同法/本法)",
     _sub(r"^(?:同法|本法|同令|本令|施行令|施行規則|法|令|規則|省令|政令)(?=第|附則|別表)", "")),
    ("read 第N条第M号 written with a doubled 条", _sub(rf"(条の{_N})条", r"\1")),
    ("moved a branch number after its unit (第286の2条 → 第286条の2)",
     _sub(rf"第({_N})((?:の{_N})+)([{_UNITS}])", r"第\1\3\2")),
    ("dropped a stray の before 第", _sub(rf"(?<=[{_UNITS}0-9〇一二三四五六七八九十])の(?=第)", "")),
    ("read の as 第 before a paragraph or item number (第23条の2項)",
     _sub(rf"(?<=[条項])の({_N})(?=[項号])", r"第\1")),
    ("expanded a list of bare numbers (第1,2項)",
     lambda s: _expand_bare_lists(s)),
    ("wrote a conjunction in kanji (および → 及び)",
     lambda s: s.replace("および", "及び").replace("ならびに", "並びに").replace("または", "又は")),
    ("expanded a range written with ～ (第1～3号)", lambda s: _expand_tilde_ranges(s)),
    ("inserted a missing 第", _sub(rf"(?<![第の0-9〇一二三四五六七八九十百千])({_N})(?=[{_UNITS}])", r"第\1")),
    ("dropped a trailing parenthesis", _sub(r"[（(][^（()）]*[）)]$", "")),
)

_GAP = re.compile(rf"(?<=([{_UNITS}]))[\s\u3000]+(?=第{_N}([{_UNITS}]))")
_TILDE = re.compile(r"第?([0-9]+)[～〜~][第]?([0-9]+)([条項号])")


def _spaces_as_list(s: str) -> str:
    """「第10条第1項　　第10条第5項」: a space before a citation that starts at the same or a higher level."""
    return _GAP.sub(lambda m: "、" if _LEVEL[m.group(2)] <= _LEVEL[m.group(1)] else m.group(0), s)


def _expand_tilde_ranges(s: str) -> str:
    def repl(m: re.Match[str]) -> str:
        lo, hi = int(m.group(1)), int(m.group(2))
        if not 0 < lo < hi <= lo + 50:
            return m.group(0)
        return "、".join(f"第{n}{m.group(3)}" for n in range(lo, hi + 1))

    return _TILDE.sub(repl, s)


_BARE_LIST = re.compile(rf"第?({_N})((?:[,，、・]{_N})+)([{_UNITS}])")


def _expand_bare_lists(s: str) -> str:
    def repl(m: re.Match[str]) -> str:
        nums = [m.group(1), *re.split(r"[,，、・]", m.group(2))[1:]]
        return "、".join(f"第{n}{m.group(3)}" for n in nums)

    return _BARE_LIST.sub(repl, s)


# ----------------------------------------------------------------------------------------------------------
# Strict reading
# ----------------------------------------------------------------------------------------------------------

def _compact(text: str) -> tuple[str, list[int]]:
    """*text* without whitespace, and for each kept character its index in *text*."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if not _SPACES.fullmatch(ch):
            chars.append(ch)
            where.append(i)
    return "".join(chars), where


def _split_part(text: str) -> tuple[str, str | None]:
    for part in SENTENCE_PARTS:
        if text.endswith(part) and len(text) > len(part):
            return text[: -len(part)].removesuffix("の"), part
    return text, None


def _read_one(piece: str, source: str, offset: int, where: list[int]) -> Address:
    """Read one provision citation with the package grammar; errors carry the position in *source*."""
    zero = re.search(r"(?<=[第の])[0０〇]+(?![0-9０-９])", piece)
    if zero:
        pos = zero.start()
        raise CitationError("0 is not a provision number", citation=source, position=_pos(where, offset + pos))
    try:
        lark_parser("citation.lark").parse(piece)
    except UnexpectedInput as exc:
        column = getattr(exc, "pos_in_stream", None)
        if column is None:
            column = len(piece)
        try:  # a leading law number (令和三年法律第三十七号附則第二条) is read outside the grammar
            return _parse_address(piece)
        except AddressError:
            pass
        bad = piece[column] if 0 <= column < len(piece) else "end of text"
        raise CitationError(
            f"not a provision citation: cannot read {bad!r} (expected e.g. 第三条第二項第一号, 附則第二条, 別表第一)",
            citation=source,
            position=_pos(where, offset + column),
        ) from None
    except LarkError:
        raise CitationError("not a provision citation", citation=source) from None
    except LawcodeError as exc:
        raise CitationError(f"bad number: {exc.reason}", citation=source, position=_pos(where, offset)) from None
    try:
        return _parse_address(piece)
    except AddressError as exc:
        raise CitationError(exc.reason, citation=source, position=_pos(where, offset)) from None


def _pos(where: list[int], i: int) -> int | None:
    if not where:
        return None
    return where[i] if 0 <= i < len(where) else where[-1] + 1


def _unit_level(piece: str) -> int | None:
    """Level of the first numbered unit of *piece* (0 = 編 … 7 = 号); 8 for a subitem (イ, (1)); None if none."""
    m = re.match(rf"第{_N}([{_UNITS}])", piece)
    if m:
        return _LEVEL[m.group(1)]
    if piece[:1] and (("ァ" <= piece[0] <= "ヶ") or piece[0] in "(（"):
        return 8
    return None


def _inherit(first: str, piece: str) -> str:
    """「第2条第4項、第5項」: a later list member written from a lower level takes the first member's upper levels."""
    level = _unit_level(piece)
    if level is None or piece.startswith(("附則", "本則", "別表")):
        return piece
    prefix = []
    pos = 0
    while True:
        m = _SEGMENT.match(first, pos)
        if m is None:
            break
        seg = m.group(0)
        unit = re.match(rf"第{_N}([{_UNITS}])", seg)
        if unit is not None and _LEVEL[unit.group(1)] >= level:
            break
        prefix.append(seg)
        pos = m.end()
    return "".join(prefix) + piece


def _read(text: str, source: str, separators: re.Pattern[str], where: list[int]) -> tuple[Address, list[Address]]:
    pieces: list[tuple[str, int]] = []
    start = 0
    for m in separators.finditer(text):
        pieces.append((text[start : m.start()], start))
        start = m.end()
    pieces.append((text[start:], start))
    for piece, off in pieces:
        if not piece:
            raise CitationError("empty member in a list of citations", citation=source, position=_pos(where, off))
    first_text = pieces[0][0]
    first = _read_one(first_text, source, pieces[0][1], where)
    others = [_read_one(_inherit(first_text, p), source, off, where) for p, off in pieces[1:]]
    return first, others


def _strict(source: str) -> Citation:
    compact, where = _compact(source)
    if not compact:
        raise CitationError("empty citation", citation=source, position=0)
    body, part = _split_part(compact)
    first, others = _read(body, source, _STRICT_SEPARATORS, where)
    return Citation(first.text, first.steps, False, source=source, part=part, others=tuple(others))


_UNREPAIRABLE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^改正附則"), "改正附則 without the number of the amending law: which 附則 is meant is unknown"),
    (re.compile(r"^旧"), "cites a former law (旧法) rather than the law the row names"),
    (re.compile(r"第[-‐―－ー]+[条項号]"), "no number: a placeholder (第-条)"),
)


_APPENDIX_INSIDE = re.compile(rf"^((?:附則)?別表(?:第{_N})?)(.+)$")


def _parses(text: str) -> bool:
    try:
        _read(text, text, _LENIENT_SEPARATORS, list(range(len(text))))
    except CitationError:
        return False
    return True


def _lenient(source: str) -> Citation:
    try:
        return _strict(source)
    except CitationError as exc:
        strict_error = exc
    text = source
    for rx, why in _UNREPAIRABLE:
        m = rx.search(_SPACES.sub("", normalize_width(text)))
        if m:
            raise CitationError(why, citation=source, position=None)
    repairs: list[str] = []
    for description, rewrite in REPAIRS:
        new = rewrite(text)
        if new != text:
            repairs.append(description)
            text = new
    part: str | None = None
    chain: list[str] = []
    m = _JUNYO.search(text)
    if m:
        chain = [text[m.end():]]
        text = text[: m.start()]
        repairs.append("準用 chain: the address is the applying provision, the applied one is in others")
    text, part = _split_part(text)
    # trailing words that are not part of a citation (「…に基づき定める規則」)
    tail = re.search(r"(?!の)[ぁ-ゖ][^第]*$", text)
    if tail and tail.start() > 0:
        repairs.append(f"ignored trailing text {text[tail.start():]!r}")
        text = text[: tail.start()]
        text, part = _split_part(text) if part is None else (text, part)
    appendix = _APPENDIX_INSIDE.match(text)
    if appendix and not _parses(text):
        repairs.append(f"reduced a reference inside {appendix.group(1)} ({appendix.group(2)}) to the appendix")
        text = appendix.group(1)
    where = list(range(len(text)))
    try:
        first, others = _read(text, source, _LENIENT_SEPARATORS, where)
        for extra in chain:
            others.append(_read_one(_inherit(text, extra), source, 0, list(range(len(extra)))))
    except CitationError as exc:
        raise CitationError(
            f"{strict_error.reason}; after repairs ({', '.join(repairs) or 'none'}): "
            f"{exc.reason}",
            citation=source,
            position=strict_error.position,
        ) from None
    return Citation(first.text, first.steps, False, source=source, part=part, repairs=tuple(repairs),
                    others=tuple(others))


def parse_citation(text: str, lenient: bool = False) -> Citation:
    """Read a standalone citation string (「第106条の24」「第13条第３項」「附則第3条」「別表第一」) into an address.

    The result is a :class:`Citation`, an address :meth:`lawcode.Law.find` accepts; lists give the first
    provision with the rest in :attr:`Citation.others`. ``lenient=True`` repairs common data errors (a missing
    第, 「第286の2条」, 「附則20項」, old-style ノ, stray spaces, full-width characters, 「第1,2項」, 準用 chains,
    trailing words) and lists what it changed in :attr:`Citation.repairs`. Raises
    :class:`lawcode.errors.CitationError` (an :class:`~lawcode.errors.AddressError`) naming the string and the
    position where reading failed.
    """
    if not isinstance(text, str):
        raise CitationError(f"a citation is a string, got {type(text).__name__}", citation=repr(text))
    return _lenient(text) if lenient else _strict(text)
