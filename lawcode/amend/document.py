"""Cut an amending text into parts (one per amended law) and sentences (改正規定) with their provision text.

An amending law names its target in a preamble 「X法（令和…号）の一部を次のように改正する。」, in a 整備法 once
per 条 (「第三十五条　借地借家法（…）の一部を次のように改正する。」); a 一括改正 sentence 「次に掲げる法律の規定中
「A」を「B」に改める。」 lists laws and provisions as 号 and is expanded here into one part per listed law. After a
sentence that quotes provisions (「次の一条を加える。」, 「次のように改める。」, 「次のように加える。」) the following
lines are provision text until a line that is itself an amendment sentence. The amending law's own 附則 ends
the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawcode.amend.operations import Span

__all__ = ["Part", "SentenceText", "split_parts", "normalize_title"]

_SPACE = " \t\u3000"
_NUMERAL = "〇一二三四五六七八九十百千0-9０-９"
_ARTICLE = rf"第[{_NUMERAL}]+条(?:の[{_NUMERAL}]+)*"
_PREAMBLE = re.compile(
    rf"^(?:(?P<article>{_ARTICLE}|[0-9０-９]+)[{_SPACE}]+)?(?P<title>.+?)"
    r"(?:[（(](?P<num>[^（）()]*?第[^（）()]*?号)[）)])?の一部を次のように改正する。$"
)
_LIST_PREAMBLE = re.compile(
    rf"^(?:(?P<article>{_ARTICLE})[{_SPACE}]+)?次に掲げる(?:法律|政令|省令|条例|規則)?の?規定中(?P<ops>.+。)$"
)
_LIST_ITEM = re.compile(
    rf"^[{_NUMERAL}(（)）]+[{_SPACE}]+(?P<title>.+?)[（(](?P<num>[^（）()]*?第[^（）()]*?号)[）)](?P<where>.+)$")
_SUPPL = re.compile(rf"^附[{_SPACE}]*則$")
_CAPTION = re.compile(r"^[（(][^（）()]*[）)]$")
#: The start of a numbered provision line: 第十条　 / ２　 / 一　 / イ　 / (1)　 / 第二章　 / 第十条から第十二条まで　.
_LABELLED = re.compile(
    rf"^(?:{_ARTICLE}(?:から{_ARTICLE}まで)?|第[{_NUMERAL}]+[編章節款目](?:の[{_NUMERAL}]+)*|[0-9０-９]+"
    rf"|[一二三四五六七八九十百千]+(?:の[一二三四五六七八九十百千]+)*|[ァ-ヶ]|[(（](?:[0-9０-９]+|[ァ-ヶ]|[ivxｉｖｘ]+)[)）])"
    rf"[{_SPACE}]"
)
#: A sentence after which provision text follows.
_EXPECTS_TEXT = re.compile(r"(?:次の[^「」]*?を(?:加える|付する)|次のように(?:改める|加える))。$")
SENTENCE_END = re.compile(r"(?:改める|加える|削る|とする|繰り下げる|繰り上げる|付する)。$")


@dataclass(frozen=True)
class SentenceText:
    """One 改正規定 as written, where it is, and the provision text that follows it (may be empty)."""

    text: str
    span: Span
    body: str = ""
    body_line: int = 0


@dataclass(frozen=True)
class Part:
    """The sentences that amend one law: ``title`` and ``law_num`` as the preamble names them (``None`` when
    the text has no preamble), ``article`` the amending law's 条 that holds them (「第三十五条」)."""

    title: str | None
    law_num: str | None
    article: str | None
    sentences: tuple[SentenceText, ...] = field(default=())
    span: Span | None = None


def normalize_title(title: str) -> str:
    """A law title for comparison: without spaces of any width."""
    return re.sub(rf"[{_SPACE}]", "", title)


@dataclass
class _Line:
    text: str
    start: int
    end: int
    line: int
    column: int


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), 1):
        content = raw.rstrip("\r\n")
        stripped = content.lstrip(_SPACE)
        indent = len(content) - len(stripped)
        stripped = stripped.rstrip(_SPACE)
        if stripped:
            out.append(_Line(stripped, offset + indent, offset + indent + len(stripped), number, indent + 1))
        offset += len(raw)
    return out


def _span(ln: _Line) -> Span:
    return Span(ln.start, ln.end, ln.line, ln.column)


def _quote_depth(text: str) -> int:
    depth = 0
    for ch in text:
        if ch in "「『":
            depth += 1
        elif ch in "」』":
            depth = max(0, depth - 1)
    return depth


def _is_sentence(line: str) -> bool:
    """Whether a line after quoted provisions is an amendment sentence again (not more provision text)."""
    if _LABELLED.match(line) or _CAPTION.match(line) or not SENTENCE_END.search(line):
        return False
    from lawcode.amend.parse import parse_sentence  # local: parse imports the grammar lazily

    try:
        parse_sentence(line)
    except Exception:  # any failure means "not a sentence of the grammar": keep it as text
        return False
    return True


def split_parts(text: str) -> list[Part]:
    """The parts of an amending *text*, in order (one part without title when there is no preamble)."""
    lines = _lines(text)
    has_preamble = any(_PREAMBLE.match(ln.text) or _LIST_PREAMBLE.match(ln.text) for ln in lines)
    parts: list[Part] = []
    current: dict[str, object] | None = None if has_preamble else {
        "title": None, "law_num": None, "article": None, "span": None}
    sentences: list[SentenceText] = []
    expecting = False
    body: list[_Line] = []

    def flush_body() -> None:
        nonlocal body
        if body and sentences:
            last = sentences[-1]
            sentences[-1] = SentenceText(last.text, last.span, "\n".join(b.text for b in body), body[0].line)
        body = []

    def close() -> None:
        nonlocal sentences, current
        flush_body()
        if current is not None:
            parts.append(Part(current["title"], current["law_num"], current["article"],  # type: ignore[arg-type]
                              tuple(sentences), current["span"]))  # type: ignore[arg-type]
        sentences = []
        current = None

    i = 0
    while i < len(lines):
        ln = lines[i]
        if _SUPPL.match(ln.text) and not (expecting and ln.text == "附則"):  # 「附則」 is also a 目次 line
            break
        m = _PREAMBLE.match(ln.text)
        if m:
            close()
            current = {"title": m["title"], "law_num": m["num"], "article": m["article"], "span": _span(ln)}
            expecting = False
            i += 1
            continue
        m = _LIST_PREAMBLE.match(ln.text)
        if m:
            close()
            i += 1
            while i < len(lines) and (item := _LIST_ITEM.match(lines[i].text)):
                sentence = f"{item['where']}中{m['ops']}"
                parts.append(Part(item["title"], item["num"], m["article"],
                                  (SentenceText(sentence, _span(lines[i])),), _span(ln)))
                i += 1
            expecting = False
            continue
        if current is None:  # title lines before the first preamble, captions of amending articles
            i += 1
            continue
        if _CAPTION.match(ln.text) and i + 1 < len(lines) and (
                _PREAMBLE.match(lines[i + 1].text) or _LIST_PREAMBLE.match(lines[i + 1].text)):
            i += 1
            continue
        if expecting and not _is_sentence(ln.text):
            body.append(ln)
            i += 1
            continue
        flush_body()
        # a sentence may run over several lines (bill texts break long quoted 目次 spans): join until 「。」
        text, end = ln.text, ln
        while not text.endswith("。") and i + 1 < len(lines) and \
                not _PREAMBLE.match(lines[i + 1].text) and not _SUPPL.match(lines[i + 1].text):
            i += 1
            end = lines[i]
            # inside an open quote the line break is part of the operand (one 目次 line per text line)
            text += ("\n" if _quote_depth(text) > 0 and not text.endswith("「") and
                     not end.text.startswith("」") else "") + end.text
        sentences.append(SentenceText(text, Span(ln.start, end.end, ln.line, ln.column)))
        expecting = bool(_EXPECTS_TEXT.search(text))
        i += 1
    close()
    return parts
