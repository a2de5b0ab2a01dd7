"""Token patterns of reference expressions, and the fast pre-scan built from them.

The structure of a mention is the lark grammar ``grammars/references.lark``; its terminals are the regular
expressions below. The same patterns, joined, form :data:`CHUNK`: one compiled expression that finds a
maximal run of pointer tokens and connectors in running text. The scanner runs it (and the law-name patterns
of :mod:`lawcode.refs.scan`) over a provision's text, so the LALR parser only ever sees a short candidate —
never every character of a law. Numbers may be kanji (命数法 or positional), Arabic or full-width digits.
"""

from __future__ import annotations

import re
from typing import Iterator

from lawcode.model.tags import TAG_OF_UNIT

__all__ = ["N", "CHUNK", "LETTER_CHUNK", "TOKEN", "KANA", "tokenize", "LEVEL_OF_UNIT"]

#: One number: kanji (命数法 or positional), ASCII or full-width digits.
N = "[0-9０-９〇一二三四五六七八九十百千]+"
#: 号の細分 letters (イロハ order) that may follow a 号.
KANA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
#: A 細分 letter after a 号 (第三号イ, 第三号イ（１）). In 文語 laws the same katakana are particles (前号ニ掲グル,
#: 前号ノ規定), so a letter counts only when what follows cannot continue a katakana sentence.
_SUB = f"(?:[{KANA}](?:[（(]{N}[）)])*(?=[ぁ-ん及並又若中（(、。）)]|$))?"
#: 枝番 (第三条の二), but not 「の一部」「の二分の一」.
_BRANCH = f"(?:[のノ]{N}(?![部分]))*"  # 文語 laws write 第九十四条ノ二
#: After 第N号, a kanji that makes a compound term rather than a citation: 第一号被保険者, 第二号法定受託事務,
#: 第一号厚生年金被保険者, 第一号事業, 第一号様式 ….
_NOT_TERM = "(?![被法厚事訪通生介保仮技研特様])"

#: Token patterns, in the order the tokenizer tries them at one position (longer alternatives first).
PATTERNS: tuple[tuple[str, str], ...] = (
    ("PART", "各号列記以外の部分|ただし書|本文|前段|後段|中段|柱書"),
    ("EACH", "(?:次の)?各号(?!列記)"),
    ("NAMED", f"第{N}(?:[編章節款目条]{_BRANCH}|項(?!症)|号{_BRANCH}{_SUB}{_NOT_TERM})"),
    ("PREV", f"[前次](?:各|{N})?(?:[編章節款目項]|条(?!例)|号{_SUB})"),
    ("SAME", f"同(?:[編章節款目項表]|条(?!例)|号{_SUB})"),
    ("HERE", "(?:本|この)(?:[編章節款目項]|条(?!例)|号)|この(?:附則|表)"),
    ("APPDX", f"(?:別記様式|別表|別記)(?:第{N}{_BRANCH}号?)?|(?:様式|書式)第{N}{_BRANCH}号?"),
    ("SUPPL", "(?:附則|付則)(?=第|別表|別記)"),
    # 文語 forms too: 第二項及第四項, 並ニ, 又ハ, 若クハ
    ("CONJ", "及び|並びに|又は|若しくは|若クハ|並ニ|又ハ|若ハ|及|、"),
    ("KARA", "から"),
    ("MADE", "まで"),
    ("NAISHI", "乃至"),  # 文語 range: 第百九十二条乃至第百九十四条
    # a bare 細分 letter, only after a connector: 「前号イからニまで」, 「第三号イ及びロ」
    ("SUBK", f"[{KANA}](?:[（(]{N}[）)])*(?=[ぁ-ん及並又若中（(、。）)]|$)"),
)
TOKEN = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PATTERNS))

_HEAD = "|".join(p for name, p in PATTERNS if name in ("NAMED", "PREV", "SAME", "HERE", "EACH", "APPDX", "SUPPL"))
_TAIL = "|".join(p for name, p in PATTERNS if name in ("NAMED", "EACH", "PART", "APPDX"))
_POINTER = f"(?:{_HEAD})(?:{_TAIL})*"
#: A maximal candidate mention: pointers joined by connectors, ranges closed by まで.
_JOIN = "|".join(p for name, p in PATTERNS if name in ("CONJ", "KARA", "NAISHI"))
_SUBK = dict(PATTERNS)["SUBK"]
CHUNK = re.compile(f"{_POINTER}(?:(?:{_JOIN})(?:{_POINTER}|{_SUBK})|まで)*")
#: 細分 letters on their own (「イからハまで」), read only where the scanner expects them (inside a 号 or 細分).
LETTER_CHUNK = re.compile(f"{_SUBK}(?:(?:{_JOIN}){_SUBK}|まで)*")

#: Counter word → element name.
LEVEL_OF_UNIT = {**TAG_OF_UNIT, "表": "AppdxTable"}


def tokenize(text: str) -> Iterator[tuple[str, str]]:
    """``(type, value)`` pairs of a candidate found by :data:`CHUNK`; raises ``ValueError`` on a stray character."""
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"unexpected {text[pos:pos + 4]!r} at {pos} in {text!r}")
        kind = m.lastgroup
        assert kind is not None
        yield kind, m.group()
        pos = m.end()
