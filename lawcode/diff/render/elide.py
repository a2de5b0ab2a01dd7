"""Which lines of a provision a 新旧対照表 cell shows, and how the rest is elided as 「（略）」.

The rule, applied to each side of a row on its own (with ``elide=True``, the default):

1. A line **touched by a change** (an underlined span, or the place where something was deleted from the
   other side's text) is shown in full. A changed span is never elided.
2. The provision's **heading** lines — its 見出し 「（目的）」, its title 「第三章　総則」, 「附　則」, 「別表第一」 —
   are always shown.
3. Any other line that starts with a **number** (「第三条」, 「２」, 「一」, 「イ」) keeps its number and elides its
   text: 「２　（略）」. A number that changed (renumbering) is underlined there, whole (the 標記部分
   「第三条の三」, even when only its 「三」 differs): 「<u>３</u>　（略）」. A text no longer than 「（略）」
   itself (「第十条　削除」) is shown as it is.
4. When such a line is elided and nothing below it changed, its sub-lines (the 号 of an elided 項, the rows
   of a table inside it) go with it: 「２　（略）」 stands for the whole 項.
5. A sub-provision's 見出し is shown only with its provision's text (rule 1).
6. Other unchanged lines (table rows, 目次 entries, a 項 without printed number) become 「（略）」.
7. Neighbouring elisions merge: consecutive 「（略）」 lines become one; consecutive elided numbers of the same
   kind and depth whose numbers did not change become 「２・３　（略）」 (two) or 「２～５　（略）」 (more).

For a 編・章・節・款・目 row, which is about the container's own title, the lines of the articles inside it
are left out unless a change touches them (an added chapter is shown in full: every line is touched).
With ``elide=False`` every line is shown.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lawcode.diff.render.lines import SourceLine
from lawcode.diff.render.rowmodel import ELISION, Line, Run

__all__ = ["cell_lines", "merge_spans"]

Span = tuple[int, int]
_SEP = "\u3000"
_CAPTIONS = frozenset(("ArticleCaption", "ParagraphCaption"))


@dataclass(slots=True)
class _Shown:
    line: SourceLine
    state: str  # full, short (shown whole: no longer than the elision), head, elide, drop
    touched: bool = False
    head: tuple[Run, ...] = ()


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sorted, disjoint, non-empty spans covering the same characters as *spans*."""
    out: list[Span] = []
    for a, b in sorted(s for s in spans if s[1] > s[0]):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def cell_lines(
    text: str,
    lines: list[SourceLine],
    spans: list[Span],
    touches: list[Span],
    *,
    elide: bool = True,
    container: bool = False,
) -> tuple[Line, ...]:
    """The printed lines of one side of a row (see the module docstring for the rule).

    *spans* are the changed (underlined) character ranges of *text*; *touches* are the spans plus the empty
    ranges where text was removed, which make a line count as changed without underlining anything.
    """
    heads = [(ln.start, ln.head_end) for ln in lines if ln.role == "numbered" and ln.head_end > ln.start
             and _touches_range(spans, ln.start, ln.head_end, points=False)]
    merged = merge_spans(spans + heads)  # a changed number is underlined whole: 「第三条の<u>三</u>」 → 「<u>第三条の三</u>」
    starts = [a for a, _ in merged]
    shown = [_decide(text, ln, touches, elide, container) for ln in lines]
    if elide:
        _captions(shown)
        _absorb(shown)
    out: list[tuple[_Shown, Line]] = []
    for s in shown:
        ln = s.line
        if s.state == "drop":
            continue
        if s.state in ("full", "short"):
            role = "caption" if ln.head_tag in _CAPTIONS else ("heading" if ln.role == "heading" else "text")
            out.append((s, Line(_runs(text, ln.start, ln.end, merged, starts), ln.level, role)))
        elif s.state == "head":
            s.head = _runs(text, ln.start, ln.head_end, merged, starts)
            out.append((s, Line(s.head + (Run(_SEP + ELISION),), ln.level, "elided")))
        else:
            out.append((s, Line((Run(ELISION),), ln.level, "elided")))
    return tuple(_merge(out))


def _touches_range(touches: list[Span], a: int, b: int, *, points: bool) -> bool:
    """Whether a touch overlaps ``[a, b)`` (an empty touch counts when *points* and ``a <= p <= b``)."""
    for s, e in touches:
        if e > s:
            if s < b and e > a:
                return True
        elif points and a <= s <= b:
            return True
    return False


def _decide(text: str, ln: SourceLine, touches: list[Span], elide: bool, container: bool) -> _Shown:
    touched = _touches_range(touches, ln.start, ln.end, points=True)
    if container and not ln.own:
        return _Shown(ln, "full" if touched else "drop")
    if not elide or ln.role == "heading":
        return _Shown(ln, "full")
    body = _touches_range(touches, ln.head_end, ln.end, points=True) if ln.head_end < ln.end else False
    if ln.head_end == ln.start:
        body = touched
    if body:
        return _Shown(ln, "full")
    if ln.role == "caption":
        return _Shown(ln, "full" if touched else "caption")
    if len(text[ln.head_end:ln.end].lstrip(_SEP)) <= len(ELISION):  # 「削除」: eliding would not shorten it
        return _Shown(ln, "short", touched)
    if ln.role == "numbered":
        return _Shown(ln, "head", touched)
    return _Shown(ln, "elide", touched)


def _captions(shown: list[_Shown]) -> None:
    """Rule 5: a sub-provision's caption goes with the line after it."""
    for i, s in enumerate(shown):
        if s.state == "caption":
            nxt = shown[i + 1].state if i + 1 < len(shown) else "drop"
            s.state = "full" if nxt == "full" else "drop"


def _absorb(shown: list[_Shown]) -> None:
    """Rule 4: an elided numbered line stands for its unchanged sub-lines."""
    i = 0
    while i < len(shown):
        s = shown[i]
        if s.state != "head":
            i += 1
            continue
        level = s.line.level
        j = i + 1
        while j < len(shown) and shown[j].line.level > level:
            j += 1
        below = shown[i + 1: j]
        if below and all(b.state in ("elide", "drop", "head", "short") and not b.touched for b in below):
            for b in below:
                b.state = "drop"
            i = j
        else:
            i += 1


def _runs(text: str, a: int, b: int, merged: list[Span], starts: list[int]) -> tuple[Run, ...]:
    """``text[a:b]`` cut into plain and changed runs."""
    out: list[Run] = []
    pos = a
    k = max(bisect.bisect_right(starts, a) - 1, 0)
    while k < len(merged) and merged[k][0] < b:
        s, e = merged[k]
        k += 1
        if e <= a:
            continue
        s, e = max(s, a), min(e, b)
        if s > pos:
            out.append(Run(text[pos:s]))
        if e > s:
            out.append(Run(text[s:e], True))
        pos = max(pos, e)
    if pos < b:
        out.append(Run(text[pos:b]))
    return tuple(out) if out else (Run(""),)


def _merge(items: list[tuple[_Shown, Line]]) -> list[Line]:
    """Rule 7: merge neighbouring elisions."""
    out: list[Line] = []
    group: list[tuple[_Shown, Line]] = []

    def flush() -> None:
        if not group:
            return
        if len(group) == 1:
            out.append(group[0][1])
        else:
            first = "".join(r.text for r in group[0][0].head)
            last = "".join(r.text for r in group[-1][0].head)
            joiner = "・" if len(group) == 2 else "～"
            out.append(Line((Run(f"{first}{joiner}{last}{_SEP}{ELISION}"),), group[0][1].level, "elided"))
        group.clear()

    for i, (s, line) in enumerate(items):
        if s.state == "head" and not any(r.changed for r in s.head):
            if group and (group[-1][0].line.level != s.line.level or group[-1][0].line.head_tag != s.line.head_tag):
                flush()
            if i + 1 < len(items) and items[i + 1][0].line.level > s.line.level:
                flush()  # lines of its own follow: it cannot stand in a range
                out.append(line)
                continue
            group.append((s, line))
            continue
        flush()
        if s.state == "elide" and out and out[-1].role == "elided" and out[-1].text == ELISION:
            continue
        out.append(line)
    flush()
    return out
