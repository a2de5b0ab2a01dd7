"""Parse an amending text (改め文) into parts (one per amended law) of sentences of typed operations.

Three steps: the text is cut into parts at the preambles 「X法（…）の一部を次のように改正する。」 (one per 条 of a
整備法) and into sentences, each with the block of provision text that follows 「次の一条を加える。」/「次のように
改める。」 (:mod:`lawcode.amend.document`); the quoted operands 「…」 (which may nest) are cut out and replaced by
placeholders; the rest of each sentence is parsed with ``grammars/amendment.lark`` and transformed into
:mod:`lawcode.amend.operations`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, UnexpectedInput

from lawcode.amend.operations import (
    Add,
    AddSentence,
    AttachCaption,
    Delete,
    DeletePhrase,
    InsertPhrase,
    Loc,
    Operation,
    Range,
    Renumber,
    ReplacePhrase,
    ReplaceWhole,
    SetText,
    Shift,
    Span,
    Step,
    Target,
)
from lawcode.errors import ParseError
from lawcode.grammars import grammar_text
from lawcode.model.tags import CONTAINER_OF_UNIT
from lawcode.text.numerals import kanji_to_int

__all__ = ["cut_quotes", "parse_sentence", "parse_locations", "placeholder", "quote_index"]

#: Quoted operands become one private-use character each (U+E100 + their index): short skeletons keep the
#: Earley parse fast.
_PLACEHOLDER_BASE = 0xE100
_MAX_QUOTES = 0xF8FF - _PLACEHOLDER_BASE


def placeholder(index: int) -> str:
    """The character that stands for quoted operand *index* in a sentence skeleton."""
    if index > _MAX_QUOTES:
        raise ValueError(0)
    return chr(_PLACEHOLDER_BASE + index)


def quote_index(ch: str) -> int | None:
    """The operand index of a placeholder character, or ``None``."""
    n = ord(ch) - _PLACEHOLDER_BASE
    return n if 0 <= n <= _MAX_QUOTES else None
_OPENING = "「『"
_CLOSING = "」』"


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(grammar_text("amendment.lark"), parser="earley", lexer="dynamic", ambiguity="resolve",
                propagate_positions=True)


#: What follows the closing 」 of an operand in an amendment sentence (for the loose reading).
_AFTER_OPERAND = ("を「", "を削", "を加", "に、", "に改", "の下に「", "及び「", "並びに「", "、「", "を次の")


def cut_quotes(sentence: str) -> tuple[str, list[str]]:
    """Replace each outermost quoted operand 「…」 by a placeholder; return the skeleton and the operands.

    Brackets are balanced, so 「「A」とあるのは「B」」 is one operand. A quoted phrase may itself hold an
    unbalanced bracket (「連結親法人（以下「連結親法人」 quotes the start of a definition); when balancing
    fails, an operand ends at the first 」 followed by what follows operands (「」を「」, 「」に改める」, 「」の下に「」
    …; domain.md §3.2 rule 8). If that fails too, :class:`ValueError` carries the offset.
    """
    try:
        return _cut_balanced(sentence)
    except ValueError as balanced_error:
        try:
            return _cut_loose(sentence)
        except ValueError:
            raise balanced_error from None


def _cut_loose(sentence: str) -> tuple[str, list[str]]:
    return _cut(sentence, _loose_close)


def _cut_balanced(sentence: str) -> tuple[str, list[str]]:
    return _cut(sentence, _balanced_close)


def _loose_close(sentence: str, i: int) -> int:
    """The 」 that closes the operand opened at *i*: the first one followed by what follows operands."""
    n = len(sentence)
    j = i + 1
    while j < n and not (sentence[j] in _CLOSING and (j + 1 == n or sentence.startswith(_AFTER_OPERAND, j + 1))):
        j += 1
    return j


def _balanced_close(sentence: str, i: int) -> int:
    """The 」 that closes the operand opened at *i*, counting nested 「」."""
    depth = 0
    for j in range(i, len(sentence)):
        if sentence[j] in _OPENING:
            depth += 1
        elif sentence[j] in _CLOSING:
            depth -= 1
            if depth == 0:
                return j
    return len(sentence)


def _cut(sentence: str, close: Callable[[str, int], int]) -> tuple[str, list[str]]:
    """Replace each quoted operand by a placeholder; *close* finds where an operand opened at an index ends (the
    length of the sentence when it does not). :class:`ValueError` carries the offset of a bracket left open or
    closed without an opening."""
    out: list[str] = []
    quotes: list[str] = []
    i = 0
    n = len(sentence)
    while i < n:
        ch = sentence[i]
        if ch in _OPENING:
            j = close(sentence, i)
            if j >= n:
                raise ValueError(i)
            out.append(placeholder(len(quotes)))
            quotes.append(sentence[i + 1:j])
            i = j + 1
            continue
        if ch in _CLOSING:
            raise ValueError(i)
        out.append(ch)
        i += 1
    return "".join(out), quotes


def _num(text: str) -> int:
    return kanji_to_int(text)


_PARTS = {
    "の見出し": "caption", "の章名": "title", "の節名": "title", "の款名": "title", "の目名": "title",
    "の編名": "title", "の条名": "label", "の付記": "note", "本文": "main", "ただし書": "proviso", "前段": "first", "後段": "second",
    "各号列記以外の部分": "chapeau", "柱書": "chapeau", "各号": "items", "の表": "table", "表": "table",
}
_ANAPHORA = {
    "同条": "Article", "同項": "Paragraph", "同号": "Item", "同表": "AppdxTable", "同章": "Chapter",
    "同節": "Section", "同款": "Subsection", "同目": "Division", "同編": "Part",
}
_SPECIAL = {"本則": "MainProvision", "附則": "SupplProvision", "目次": "TOC", "題名": "LawTitle", "前文": "Preamble"}


@dataclass(frozen=True)
class _Clause:
    kind: str
    data: dict[str, Any]


class _ToOps(Transformer[Token, Any]):
    """Lark tree → clauses; quoted operands are looked up in ``quotes`` and ``text`` slices locations."""

    def __init__(self, quotes: list[str], text: str) -> None:
        super().__init__()
        self._quotes = quotes
        self._skeleton = text

    def _q(self, token: Token) -> str:
        index = quote_index(str(token))
        assert index is not None
        return self._quotes[index]

    # -- locations
    def branch(self, c: list[Token]) -> int:
        return _num(str(c[0]))

    def article(self, c: list[Any]) -> Step:
        return Step("Article", (_num(str(c[0])), *c[1:]))

    def paragraph(self, c: list[Token]) -> Step:
        return Step("Paragraph", (_num(str(c[0])),))

    def item(self, c: list[Any]) -> Step:
        return Step("Item", (_num(str(c[0])), *c[1:]))

    def subitem(self, c: list[Token]) -> Step:
        return Step("Subitem", key=str(c[0]))

    def subitem_paren(self, c: list[Token]) -> Step:
        return Step("Subitem", key=str(c[0]))

    def container(self, c: list[Any]) -> Step:
        return Step(CONTAINER_OF_UNIT[str(c[1])], (_num(str(c[0])), *c[2:]))

    def anaphor(self, c: list[Token]) -> Step:
        return Step(_ANAPHORA[str(c[0])], anaphor=True)

    def special(self, c: list[Token]) -> Step:
        return Step(_SPECIAL[str(c[0])])

    def appendix(self, c: list[Any]) -> Step:
        if not c:
            return Step("AppdxTable", ())
        return Step("AppdxTable", (_num(str(c[0])), *c[1:]))

    def appendix_named(self, c: list[Token]) -> Step:
        return Step("Appdx", key=str(c[0]))

    def row(self, c: list[Token]) -> Step:
        return Step("TableRow", key=str(c[0]))

    def table(self, c: list[Token]) -> tuple[Step, ...]:
        steps = (Step("TableStruct"),)
        return steps + ((Step("TableRow", key=str(c[0])),) if c else ())

    def same_table_row(self, c: list[Token]) -> tuple[Step, ...]:
        return (Step("AppdxTable", anaphor=True), Step("TableRow", key=str(c[0])))

    def loc(self, c: list[Any]) -> tuple[Step, ...]:
        out: list[Step] = []
        for x in c:
            out.extend(x if isinstance(x, tuple) else (x,))
        return tuple(out)

    def prefix(self, c: list[tuple[Step, ...]]) -> tuple[str, tuple[Step, ...]]:
        return ("prefix", c[0])

    def part(self, c: list[Token]) -> tuple[str, str]:
        return ("part", _PARTS[str(c[0])])

    def exclude(self, c: list[tuple[Target, ...]]) -> tuple[str, tuple[Target, ...]]:
        return ("exclude", c[0])

    def with_caption(self, c: list[Any]) -> tuple[str, bool]:
        return ("with_caption", True)

    def _slice(self, meta: Any) -> str:
        if getattr(meta, "empty", True):
            return ""
        out = self._skeleton[meta.start_pos:meta.end_pos]
        return "".join(f"「{self._quotes[k]}」" if (k := quote_index(ch)) is not None else ch for ch in out)

    @v_args(meta=True)
    def target(self, meta: Any, c: list[Any]) -> Loc:
        steps: tuple[Step, ...] = ()
        part = None
        exclude: tuple[Target, ...] = ()
        with_caption = False
        for x in c:
            if isinstance(x, tuple) and x and x[0] == "prefix":
                steps = x[1] + steps
            elif isinstance(x, tuple) and x and x[0] == "part":
                part = x[1]
            elif isinstance(x, tuple) and x and x[0] == "exclude":
                exclude = x[1]
            elif isinstance(x, tuple) and x and x[0] == "with_caption":
                with_caption = True
            else:
                steps = steps + x
        return Loc(steps, part, exclude, with_caption, self._slice(meta))

    @v_args(meta=True)
    def target_range(self, meta: Any, c: list[Loc]) -> Range:
        return Range(c[0], c[1], self._slice(meta))

    def targets(self, c: list[Target]) -> tuple[Target, ...]:
        return tuple(c)

    def ordinal(self, c: list[Token]) -> tuple[str, int]:
        return (str(c[1]), _num(str(c[0])))

    # -- phrase operations
    def quotes(self, c: list[Token]) -> list[str]:
        return [self._q(t) for t in c]

    def replace_pair(self, c: list[Any]) -> tuple[list[str], str]:
        return (c[0], self._q(c[1]))

    def replace_group(self, c: list[Any]) -> list[tuple[str, Any]]:
        return [("replace", (old, new)) for olds, new in c[:-1] for old in olds]

    def delete_group(self, c: list[Any]) -> list[tuple[str, Any]]:
        return [("delete", old) for old in c[0]]

    def insert_pair(self, c: list[Any]) -> tuple[list[str], str]:
        return (c[0], self._q(c[1]))

    def insert_group(self, c: list[Any]) -> list[tuple[str, Any]]:
        return [("insert", (anchor, new)) for anchors, new in c[:-1] for anchor in anchors]

    def pairs_group(self, c: list[Any]) -> list[tuple[str, Any]]:
        return [("pairs", None)]

    def phrase_clause(self, c: list[Any]) -> _Clause:
        targets = c[0] if len(c) == 2 else None
        return _Clause("phrase", {"targets": targets, "edits": c[-1]})

    # -- structure
    def renumber(self, c: list[Any]) -> _Clause:
        return _Clause("renumber", {"target": c[0], "to": c[1]})

    def shift(self, c: list[Any]) -> _Clause:
        by = _num(str(c[1]))
        if "上" in str(c[3]):
            by = -by
        return _Clause("shift", {"target": c[0], "by": by, "unit": str(c[2])})

    def shift_rest(self, c: list[Any]) -> _Clause:
        by = _num(str(c[0]))
        if "上" in str(c[2]):
            by = -by
        return _Clause("shift", {"target": None, "by": by, "unit": str(c[1])})

    def delete(self, c: list[Any]) -> _Clause:
        return _Clause("delete", {"targets": c[0]})

    def replace_whole(self, c: list[Any]) -> _Clause:
        return _Clause("replace_whole", {"targets": c[0]})

    def set_text(self, c: list[Any]) -> _Clause:
        return _Clause("set_text", {"target": c[0], "text": self._q(c[1])})

    def attach_caption(self, c: list[Any]) -> _Clause:
        return _Clause("attach_caption", {"target": c[0], "text": self._q(c[1])})

    def add(self, c: list[Any]) -> _Clause:
        target = None
        position = "first"
        rest = list(c)
        if rest and isinstance(rest[0], Loc):
            target = rest.pop(0)
            position = {"の次に": "after", "の前に": "before", "に": "end", "の末尾に": "end"}[str(rest.pop(0))]
        count = 1
        if len(rest) == 3:
            first = rest.pop(0)
            count = 0 if str(first) == "各" else _num(str(first))  # 0: 「次の各号」, as many as the text has
        unit = str(rest[0])
        return _Clause("add", {"target": target, "position": position, "count": count, "unit": unit})

    def add_as(self, c: list[Any]) -> _Clause:
        unit_word, number = c[1]
        return _Clause("add", {"target": c[0], "position": "as", "count": _num(str(c[2])), "unit": str(c[3]),
                               "ordinal": (number,)})

    def add_free(self, c: list[Any]) -> _Clause:
        position = {"の次に": "after", "の前に": "before", "に": "end", "の末尾に": "end"}[str(c[1])]
        return _Clause("add", {"target": c[0], "position": position, "count": 0, "unit": "rows"})

    def add_sentence(self, c: list[Any]) -> _Clause:
        return _Clause("add_sentence", {"target": c[0], "role": "second" if str(c[1]) == "後段" else "proviso"})

    def start(self, c: list[_Clause]) -> list[_Clause]:
        return list(c)


def _skeleton_error(sentence: str, skeleton: str, quotes: list[str], exc: LarkError) -> tuple[int, str]:
    """Column (0-based, in the original sentence) and message of a grammar error."""
    pos = getattr(exc, "pos_in_stream", None)
    if pos is None:
        pos = len(skeleton)
    # map the skeleton offset back to the sentence (each placeholder stands for 「…」)
    original = 0
    for ch in skeleton[:pos]:
        k = quote_index(ch)
        original += len(quotes[k]) + 2 if k is not None else 1
    near = sentence[original:original + 12]
    return original, f"cannot read this amendment sentence near 「{near}」" if near else \
        "cannot read this amendment sentence (it ends too early)"


def parse_sentence(sentence: str, *, span: Span | None = None, text: str = "", text_line: int = 0,
                   source: str = "<amendment>") -> list[Operation]:
    """The operations of one 改正規定 *sentence*, in order; *text* is the provision text that follows it.

    Raises :class:`~lawcode.errors.ParseError` (line/column from *span*, the sentence in the message) when the
    sentence does not follow the grammar.
    """
    line = span.line if span else 1
    column = span.column if span else 1
    result = _clauses(sentence)
    if isinstance(result, tuple):
        offset, why = result
        raise ParseError(f"{why}: 「{sentence}」", source=source, line=line, column=column + offset)
    return _operations(result, sentence, span, text, text_line)


@lru_cache(maxsize=4096)
def _clauses(sentence: str) -> list[_Clause] | tuple[int, str]:
    """The clauses of *sentence*, or (offset, reason) when it cannot be read. Cached: the document splitter
    parses a line to decide whether it is a sentence, and the same sentences recur in 一括改正."""
    failure: tuple[int, str] | None = None
    for cut in (_cut_balanced, _cut_loose):  # a quoted phrase may hold unbalanced brackets: read loosely then
        try:
            skeleton, quotes = cut(sentence)
        except ValueError as exc:
            failure = failure or (int(exc.args[0]), "unbalanced quote 「」")
            continue
        try:
            tree = _parser().parse(skeleton)
        except (UnexpectedInput, LarkError) as exc:
            failure = failure or _skeleton_error(sentence, skeleton, quotes, exc)
            continue
        result: list[_Clause] = _ToOps(quotes, skeleton).transform(tree)
        return result
    assert failure is not None
    return failure


_TEXT_OPS = (ReplaceWhole, Add, AddSentence)


def _operations(clauses: list[_Clause], sentence: str, span: Span | None, text: str,
                text_line: int) -> list[Operation]:
    ops: list[Operation] = []
    last_targets: tuple[Target, ...] | None = None
    common: dict[str, Any] = {"sentence": sentence, "span": span}
    for clause in clauses:
        d = clause.data
        if clause.kind == "phrase":
            targets = d["targets"]
            if targets is None:
                targets = last_targets if last_targets is not None else (Loc((Step("MainProvision"),)),)
            last_targets = targets
            for verb, value in d["edits"]:
                if verb == "replace":
                    ops.append(ReplacePhrase(targets=targets, old=value[0], new=value[1], **common))
                elif verb == "delete":
                    ops.append(DeletePhrase(targets=targets, old=value, **common))
                elif verb == "insert":
                    ops.append(InsertPhrase(targets=targets, anchor=value[0], text=value[1], **common))
                else:
                    raise ParseError(f"pair tables (次の表の上欄…) are not supported yet: 「{sentence}」",
                                     line=span.line if span else None)
            continue
        if clause.kind == "renumber":
            ops.append(Renumber(target=d["target"], to=d["to"], **common))
            last_targets = (d["target"],)
        elif clause.kind == "shift":
            ops.append(Shift(target=d["target"], by=d["by"], unit=d["unit"], **common))
        elif clause.kind == "delete":
            ops.append(Delete(targets=d["targets"], **common))
        elif clause.kind == "replace_whole":
            ops.append(ReplaceWhole(targets=d["targets"], **common))
        elif clause.kind == "set_text":
            ops.append(SetText(target=d["target"], text=d["text"], **common))
        elif clause.kind == "attach_caption":
            ops.append(AttachCaption(target=d["target"], text=d["text"], **common))
        elif clause.kind == "add":
            ops.append(Add(target=d["target"], position=d["position"], unit=d["unit"], count=d["count"],
                           ordinal=d.get("ordinal"), **common))
        elif clause.kind == "add_sentence":
            ops.append(AddSentence(target=d["target"], role=d["role"], **common))
        if clause.kind != "phrase" and "targets" in d:
            last_targets = d["targets"]
        elif clause.kind != "phrase" and "target" in d and d["target"] is not None:
            last_targets = (d["target"],)
    if text:
        for i in range(len(ops) - 1, -1, -1):
            if isinstance(ops[i], _TEXT_OPS):
                ops[i] = replace(ops[i], text=text, text_line=text_line)  # type: ignore[call-arg]
                break
    return ops


def parse_locations(text: str) -> tuple[Target, ...]:
    """Provisions listed as in a scope (「第十六条の十一第一項、第十七条及び第十八条」) → locations."""
    try:
        skeleton, quotes = cut_quotes(text + "を削る。")
        tree = _parser().parse(skeleton)
    except (ValueError, LarkError):
        raise ParseError(f"cannot read the list of provisions 「{text}」") from None
    clauses = _ToOps(quotes, skeleton).transform(tree)
    return tuple(clauses[0].data["targets"])
