"""Read provisions written as plain text (one provision per line) into e-Gov XML elements.

Each line is classified by the lark grammar ``grammars/provision_text.lark`` (caption, numbered provision,
container heading, deleted range, running text); :func:`read_fragment` then nests the lines by level
(編章節款目 > 条 > 項 > 号 > 号の細分) and writes the elements e-Gov writes: ``Num`` attributes, ``ArticleTitle``,
an empty ``ParagraphNum`` for the first 項 of an article, ``ItemTitle``, ``Sentence`` elements split at 「。」
with ``Function="main"`` or ``"proviso"`` when a ただし書 follows, and ``Column`` elements for 号 written as
「一　区分　内容」.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import LarkError
from lxml import etree

from lawcode.errors import NumeralError, ParseError
from lawcode.grammars import grammar_text
from lawcode.model.tags import CONTAINER_OF_UNIT
from lawcode.text.numerals import aiu_to_int, iroha_to_int, kanji_to_int, parse_any_numeral

__all__ = [
    "FragmentStyle", "TextLine", "read_lines", "read_fragment", "split_sentences", "fill_sentences",
    "CONTAINER_OF_UNIT",
]

#: Container element of each heading unit (第一編, 第二章 …).
_CONTAINER_RANK = {"Part": 0, "Chapter": 1, "Section": 2, "Subsection": 3, "Division": 4}
_ARTICLE, _PARAGRAPH, _ITEM = 10, 11, 12
_FULLWIDTH_SPACE = "\u3000"
_SENTENCE = re.compile(r"[^。]*。|[^。]+$")
_MARKS = {mark: re.compile("[" + re.escape("（「『(）」』)" + mark) + "]") for mark in ("。", "\u3000")}
_KANJI_DIGITS = frozenset("〇一二三四五六七八九十百千")
_OPEN, _CLOSE = "（「『(", "）」』)"


@dataclass(frozen=True, slots=True)
class FragmentStyle:
    """How the written elements should look.

    ``writing_mode`` is the ``WritingMode`` attribute of new ``Sentence`` elements (e-Gov laws say
    ``"vertical"``; many municipal files leave it out: ``None``). ``horizontal`` selects the horizontal
    municipal numbering ((1) is a 号, ア a 号の細分); ``None`` detects it from the fragment. ``number_single``
    says whether a sentence alone in its provision carries ``Num="1"``.
    """

    writing_mode: str | None = "vertical"
    horizontal: bool | None = None
    #: Whether a sentence that stands alone gets ``Num="1"`` (e-Gov) or no ``Num`` (some municipal files).
    number_single: bool = True


@dataclass(frozen=True, slots=True)
class TextLine:
    """One classified line: ``kind`` is caption, article, range, container, paragraph, item, kana, paren or
    plain; ``label`` is the number as written (「第十条」「２」「（１）」), ``body`` the text after it."""

    kind: str
    label: str
    body: str
    line: int
    unit: str = ""


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(grammar_text("provision_text.lark"), parser="earley", lexer="dynamic", ambiguity="resolve",
                propagate_positions=True)


def _classify(text: str, line: int, source: str) -> TextLine:
    try:
        tree = _parser().parse(text)
    except LarkError as exc:
        raise ParseError(f"cannot read provision line {text!r}: {exc.__class__.__name__}", source=source,
                         line=line, column=1) from None
    if tree.data == "caption":
        return TextLine("caption", "", text, line)
    if tree.data == "plain":
        return TextLine("plain", "", text, line)
    label_tree = tree.children[0]
    body = ""
    if len(tree.children) > 1:
        body = str(tree.children[-1])
    assert isinstance(label_tree, Tree)
    label = text[label_tree.meta.start_pos:label_tree.meta.end_pos]
    kind = str(label_tree.data)
    if kind == "article_range":
        kind = "range"
    elif kind == "item_range":
        kind = "item"
    unit = ""
    if kind == "container":
        unit = next(str(t) for t in label_tree.children if isinstance(t, Token) and t.type == "CONTAINER_UNIT")
    return TextLine(kind, label, body, line, unit)


def read_lines(text: str, source: str = "<text>", *, first_line: int = 1) -> list[TextLine]:
    """Classify the non-blank lines of *text* (leading indentation is ignored)."""
    out: list[TextLine] = []
    for offset, raw in enumerate(text.splitlines()):
        stripped = raw.strip(" \t" + _FULLWIDTH_SPACE)
        if stripped:
            out.append(_classify(stripped, first_line + offset, source))
    return out


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences at 「。」 outside brackets (the 「。」 stays with its sentence)."""
    if "。" not in text[:-1]:  # fast paths: one sentence, or no brackets to look into
        return [text] if text else []
    if not any(c in text for c in _OPEN):
        return _SENTENCE.findall(text)
    return _split_outside(text, "。", keep=True)


def _split_outside(text: str, mark: str, *, keep: bool) -> list[str]:
    """Split *text* at *mark* where no bracket is open (*keep*: the mark stays with the part before it).

    Only brackets and marks are visited (one regex scan), not every character: sentences are long.
    """
    out: list[str] = []
    depth = 0
    start = 0
    for m in _MARKS[mark].finditer(text):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            out.append(text[start:i + 1] if keep else text[start:i])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return [p for p in out if p]


def _split_columns(text: str) -> list[str]:
    if _FULLWIDTH_SPACE not in text:
        return [text] if text else []
    return _split_outside(text, _FULLWIDTH_SPACE, keep=False)


def _sentence(parent: etree._Element, text: str, num: int | None, style: FragmentStyle,
              function: str | None = None) -> etree._Element:
    s = etree.SubElement(parent, "Sentence")
    if text == "削除":
        s.text = text
        return s
    if function:
        s.set("Function", function)
    if num is not None:
        s.set("Num", str(num))
    if style.writing_mode:
        s.set("WritingMode", style.writing_mode)
    s.text = text
    return s


def fill_sentences(parent: etree._Element, text: str, style: FragmentStyle, *, first_num: int = 1) -> None:
    """Append the ``Sentence`` elements of *text* to *parent* (a ``ParagraphSentence``, a ``Column`` …)."""
    sentences = split_sentences(text)
    proviso = len(sentences) > 1 and any(s.startswith("ただし、") for s in sentences[1:])
    for i, s in enumerate(sentences):
        function = None
        if proviso:
            function = "proviso" if i > 0 and s.startswith("ただし、") else "main"
        alone = len(sentences) == 1 and first_num == 1 and not style.number_single
        _sentence(parent, s, None if alone else first_num + i, style, function)


def _fill_group(group: etree._Element, body: str, style: FragmentStyle, *, columns: bool) -> None:
    parts = _split_columns(body) if columns else [body]
    if len(parts) <= 1:
        fill_sentences(group, body, style)
        return
    for i, part in enumerate(parts, 1):
        col = etree.SubElement(group, "Column")
        col.set("Num", str(i))
        fill_sentences(col, part, style)


def _numbers(label: str, kind: str, horizontal: bool) -> tuple[int, ...]:
    core = label
    if kind in ("article", "container"):
        core = core[1:]
        for unit in "条條編章節款目":
            core = core.replace(unit, "")
    if kind == "paren":
        core = core[1:-1]
    try:
        if kind in ("kana",) or (kind == "paren" and _is_kana(core)):
            return (aiu_to_int(core) if horizontal else iroha_to_int(core),)
        if kind == "paren":  # （１）, （ｉｖ）, （二十の二）
            first, *branches = core.split("の")
            return (parse_any_numeral(first),) + tuple(parse_any_numeral(b) for b in branches)
        return tuple(kanji_to_int(p) for p in core.split("の"))
    except NumeralError as exc:
        raise ParseError(f"cannot read the number of 「{label}」: {exc.reason}") from None


def _range_ends(label: str) -> tuple[str, str]:
    """「第十二条から第十四条まで」「第五条及び第六条」「四及び五」 → the first and the last label."""
    if "から" in label:
        first, last = label.split("から", 1)
        return first, last.removesuffix("まで")
    first, last = label.split("及び", 1)
    return first, last


def _is_kana(s: str) -> bool:
    return len(s) == 1 and "ァ" <= s <= "ヶ"


def _num_attr(numbers: tuple[int, ...]) -> str:
    return "_".join(str(n) for n in numbers)


def _detect_horizontal(lines: list[TextLine]) -> bool:
    for ln in lines:
        if ln.kind in ("article", "container", "range") and any(c.isdigit() for c in ln.label):
            return True
        if ln.kind == "item":
            return False
        if ln.kind == "kana":
            return False
        if ln.kind == "paren" and any(c.isdigit() for c in ln.label):
            return True
    return False


def _level(ln: TextLine, horizontal: bool) -> int:
    if ln.kind == "container":
        return _CONTAINER_RANK[CONTAINER_OF_UNIT[ln.unit]]
    if ln.kind in ("article", "range"):
        return _ARTICLE
    if ln.kind == "paragraph":
        return _PARAGRAPH
    if ln.kind == "item":
        return _ITEM
    inner = ln.label[1:-1] if ln.kind == "paren" else ln.label
    if horizontal:
        if ln.kind == "paren" and not _is_kana(inner):
            return _ITEM
        return _ITEM + (1 if ln.kind == "kana" else 2)
    if ln.kind == "kana":
        return _ITEM + 1
    if inner.isdigit() or all(c in _KANJI_DIGITS for c in inner):  # （１） and old （一）
        return _ITEM + 2
    return _ITEM + 3


def read_fragment(text: str, style: FragmentStyle | None = None, *, source: str = "<text>",
                  first_line: int = 1) -> list[etree._Element]:
    """The provisions written in *text*, as new e-Gov XML elements (top-level ones, in order).

    Lines with a label become ``Article``/``Paragraph``/``Item``/``SubitemN`` or a container; a caption line
    「（…）」 becomes the ``ArticleCaption`` (or ``ParagraphCaption``) of the provision that follows; a line
    without a label becomes ``Sentence`` elements (the text of 「後段として次のように加える」). Raises
    :class:`~lawcode.errors.ParseError` with the line for text that cannot be read.
    """
    style = style or FragmentStyle()
    lines = read_lines(text, source, first_line=first_line)
    horizontal = style.horizontal if style.horizontal is not None else _detect_horizontal(lines)
    roots: list[etree._Element] = []
    stack: list[tuple[int, etree._Element]] = []
    caption: str | None = None

    def attach(level: int, element: etree._Element) -> None:
        while stack and stack[-1][0] >= level:
            stack.pop()
        if not stack:
            roots.append(element)
        else:
            parent_level, parent = stack[-1]
            if parent_level == _ARTICLE and level > _PARAGRAPH:
                paragraphs = parent.findall("Paragraph")
                if not paragraphs:
                    raise ParseError(f"{element.tag} without a 項 to hold it", source=source, line=ln.line)
                parent = paragraphs[-1]
            parent.append(element)
        stack.append((level, element))

    for ln in lines:
        if ln.kind == "caption":
            caption = ln.body
            continue
        if ln.kind == "plain":
            holder = etree.Element("_Sentences")
            fill_sentences(holder, ln.body, style)
            roots.extend(list(holder))
            continue
        level = _level(ln, horizontal)
        if level < _ARTICLE:
            tag = CONTAINER_OF_UNIT[ln.unit]
            e = etree.Element(tag, Num=_num_attr(_numbers(ln.label, "container", horizontal)))
            title = etree.SubElement(e, tag + "Title")
            title.text = ln.label + (_FULLWIDTH_SPACE + ln.body if ln.body else "")
            attach(level, e)
            continue
        if level == _ARTICLE:
            if ln.kind == "range":
                first, last = _range_ends(ln.label)
                num = _num_attr(_numbers(first, "article", horizontal)) + ":" + _num_attr(
                    _numbers(last, "article", horizontal))
            else:
                num = _num_attr(_numbers(ln.label, "article", horizontal))
            e = etree.Element("Article", Num=num)
            if caption is not None:
                etree.SubElement(e, "ArticleCaption").text = caption
                caption = None
            etree.SubElement(e, "ArticleTitle").text = ln.label
            p = etree.SubElement(e, "Paragraph", Num="1")
            etree.SubElement(p, "ParagraphNum")
            fill_sentences(etree.SubElement(p, "ParagraphSentence"), ln.body, style)
            attach(level, e)
            stack.append((_PARAGRAPH, p))
            continue
        if level == _PARAGRAPH:
            e = etree.Element("Paragraph", Num=_num_attr(_numbers(ln.label, "paragraph", horizontal)))
            if caption is not None:
                etree.SubElement(e, "ParagraphCaption").text = caption
                caption = None
            etree.SubElement(e, "ParagraphNum").text = ln.label
            fill_sentences(etree.SubElement(e, "ParagraphSentence"), ln.body, style)
            attach(level, e)
            continue
        depth = level - _ITEM
        tag = "Item" if depth == 0 else f"Subitem{depth}"
        if ln.kind == "item" and ("から" in ln.label or "及び" in ln.label):
            first, last = _range_ends(ln.label)
            num = _num_attr(_numbers(first, "item", horizontal)) + ":" + _num_attr(_numbers(last, "item", horizontal))
        else:
            num = _num_attr(_numbers(ln.label, ln.kind, horizontal))
        e = etree.Element(tag, Num=num)
        etree.SubElement(e, tag + "Title").text = ln.label
        _fill_group(etree.SubElement(e, tag + "Sentence"), ln.body, style, columns=True)
        attach(level, e)
    return roots
