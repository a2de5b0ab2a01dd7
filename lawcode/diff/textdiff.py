"""Character-level diff of Japanese legal text, cleaned up so that hunks read like a drafter's quotes.

Japanese has no spaces, so a plain character diff scatters its hunks over single characters (「個人情報」 →
「個人識別情報」 comes out as an insertion of 「識別」 between 「人」 and 「情」, 「第十三条」 → 「第十四条」 as 「三」 →
「四」). A 改め文 quotes whole words and whole number phrases (domain.md §3.2 rule 7), and a 新旧対照表
underlines them. :func:`diff_hunks` therefore

1. diffs with :mod:`rapidfuzz` (``Indel.opcodes``: a longest-common-subsequence diff written in C; on long
   texts it first aligns lines, then characters inside the changed lines, so the cost stays near-linear);
2. merges hunks separated by a short unchanged run (no longer than the smaller neighbouring hunk, or a
   single character) — the semantic clean-up of diff-match-patch;
3. widens every hunk to word boundaries, where a "word" is a run of one script: kanji (with 々〆ヶ, so a
   number phrase such as 第十三条第二項 is one word), katakana, Latin letters and digits; a hunk that starts
   in hiragana right after kanji takes that kanji along (okurigana: 「講ずる」 → 「講じなければならない」);
   punctuation is never widened into. The widening is capped so a long compound does not swallow a
   sentence.

Hunks are ``(old_start, old_end, new_start, new_end)`` in the coordinates of the two strings (for a
provision: :meth:`~lawcode.model.provision.Provision.text`).
"""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz.distance import Indel

__all__ = ["Hunk", "diff_hunks", "raw_hunks", "char_class"]

#: Beyond this product of lengths the diff aligns lines first (bit-parallel LCS is O(n·m/64)).
_LINE_FIRST = 2_000_000
#: A hunk is widened by at most this many characters on each side.
_MAX_WIDEN = 12


class Hunk(NamedTuple):
    """``old[old_start:old_end]`` became ``new[new_start:new_end]`` (one side may be empty)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


def char_class(ch: str) -> int:
    """Script class used for word boundaries: 1 kanji, 2 katakana, 3 Latin/digits, 4 hiragana (only widened
    into from the left, as okurigana: 「講ずる」), 0 punctuation and the rest (never widened into)."""
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or ch in "々〆ヶ〇" or o >= 0x20000:
        return 1
    if 0x30A1 <= o <= 0x30FA or ch == "ー" or 0xFF66 <= o <= 0xFF9F:
        return 2
    if ch.isascii() and ch.isalnum():
        return 3
    if 0x3041 <= o <= 0x3096:
        return 4
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return 3
    return 0


def raw_hunks(old: str, new: str) -> list[Hunk]:
    """The uncleaned LCS diff of *old* and *new* as hunks (adjacent insert/delete merged into one)."""
    if old == new:
        return []
    # common prefix and suffix cost nothing to strip and keep the C diff small
    n = min(len(old), len(new))
    p = 0
    while p < n and old[p] == new[p]:
        p += 1
    s = 0
    while s < n - p and old[-1 - s] == new[-1 - s]:
        s += 1
    a, b = old[p: len(old) - s], new[p: len(new) - s]
    if not a or not b:
        return [Hunk(p, p + len(a), p, p + len(b))]
    if len(a) * len(b) > _LINE_FIRST and ("\n" in a or "\n" in b):
        hunks = _by_lines(a, b)
    else:
        hunks = _opcodes(a, b)
    return [Hunk(h.old_start + p, h.old_end + p, h.new_start + p, h.new_end + p) for h in hunks]


def _opcodes(a: str, b: str) -> list[Hunk]:
    out: list[Hunk] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if out and out[-1].old_end == op.src_start and out[-1].new_end == op.dest_start:
            last = out[-1]
            out[-1] = Hunk(last.old_start, op.src_end, last.new_start, op.dest_end)
        else:
            out.append(Hunk(op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


def _by_lines(a: str, b: str) -> list[Hunk]:
    """Align lines first, then diff characters inside each changed block of lines."""
    la, lb = a.split("\n"), b.split("\n")
    oa, ob = _offsets(la), _offsets(lb)
    out: list[Hunk] = []
    pending: list[int] | None = None  # [a_line_start, a_line_end, b_line_start, b_line_end]
    blocks: list[list[int]] = []
    for op in Indel.opcodes(la, lb):
        if op.tag == "equal":
            if pending is not None:
                blocks.append(pending)
                pending = None
            continue
        if pending is None:
            pending = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            pending[1], pending[3] = op.src_end, op.dest_end
    if pending is not None:
        blocks.append(pending)
    for a0, a1, b0, b1 in blocks:
        sa, ea = oa[a0], (oa[a1] - 1 if a1 > a0 else oa[a0])
        sb, eb = ob[b0], (ob[b1] - 1 if b1 > b0 else ob[b0])
        if a1 == a0 or b1 == b0:  # whole lines inserted or deleted: include one line break
            if a1 == a0:
                sb, eb = (sb, eb + 1) if b1 < len(lb) else (max(sb - 1, 0), eb)
            else:
                sa, ea = (sa, ea + 1) if a1 < len(la) else (max(sa - 1, 0), ea)
            out.append(Hunk(sa, ea, sb, eb))
            continue
        for h in _opcodes(a[sa:ea], b[sb:eb]):
            out.append(Hunk(h.old_start + sa, h.old_end + sa, h.new_start + sb, h.new_end + sb))
    return out


def _offsets(lines: list[str]) -> list[int]:
    out = [0]
    for line in lines:
        out.append(out[-1] + len(line) + 1)
    return out


def diff_hunks(old: str, new: str, *, clean: bool = True) -> list[Hunk]:
    """Hunks turning *old* into *new*, semantically cleaned (see the module docstring) unless ``clean=False``."""
    hunks = raw_hunks(old, new)
    if not clean or not hunks:
        return hunks
    hunks = _merge_short_equalities(hunks)
    hunks = _widen(old, new, hunks)
    return _merge_short_equalities(hunks, only_touching=True)


def _size(h: Hunk) -> int:
    return max(h.old_end - h.old_start, h.new_end - h.new_start)


def _merge_short_equalities(hunks: list[Hunk], only_touching: bool = False) -> list[Hunk]:
    out: list[Hunk] = []
    for h in hunks:
        if out:
            last = out[-1]
            gap = h.old_start - last.old_end  # equal run: same length on both sides
            limit = 0 if only_touching else max(1, min(_size(last), _size(h)))
            if gap <= limit:
                out[-1] = Hunk(last.old_start, h.old_end, last.new_start, h.new_end)
                continue
        out.append(h)
    return out


def _widen(old: str, new: str, hunks: list[Hunk]) -> list[Hunk]:
    out: list[Hunk] = []
    for idx, h in enumerate(hunks):
        lo_a = out[-1].old_end if out else 0
        hi_a = hunks[idx + 1].old_start if idx + 1 < len(hunks) else len(old)
        a0, a1, b0, b1 = h
        # widen left while either side is inside a word at the hunk's left edge
        k = 0
        while k < _MAX_WIDEN and a0 - k > lo_a and (
            _inside(old, a0 - k, a1) or _inside(new, b0 - k, b1)
        ):
            k += 1
        a0, b0 = a0 - k, b0 - k
        k = 0
        while k < _MAX_WIDEN and a1 + k < hi_a and (
            _inside_right(old, a0, a1 + k) or _inside_right(new, b0, b1 + k)
        ):
            k += 1
        out.append(Hunk(a0, a1 + k, b0, b1 + k))
    return out


def _inside(s: str, start: int, end: int) -> bool:
    """Whether the left edge *start* of ``s[start:end]`` cuts a word of *s* (for an empty hunk: the
    insertion point)."""
    if start <= 0 or start >= len(s):
        return False
    c, d = char_class(s[start - 1]), char_class(s[start])
    return (c != 0 and c == d and c != 4) or (c == 1 and d == 4)  # kanji + okurigana is one word


def _inside_right(s: str, start: int, end: int) -> bool:
    """Whether the right edge *end* of ``s[start:end]`` cuts a word of *s*."""
    if end <= 0 or end >= len(s):
        return False
    c = char_class(s[end])
    return c not in (0, 4) and c == char_class(s[end - 1])
