"""Read a whole statute written as plain text into a :class:`~lawcode.model.law.Law`: :func:`parse_text`.

The lines are classified in one pass by the LALR grammar ``grammars/law_text.lark`` (contextual lexer); this
module then builds the e-Gov XML tree from them, part by part:

* front matter — the first running-text line is the 題名, a following 「（令和二年法律第八号）」 the 法令番号;
  running text before the first article is the 制定文, except the 前文 that a 「前文」 line opens and a blank
  line ends (as :mod:`~lawcode.model.text_layout` writes it);
* 目次 — 「目次」 and the indented lines after it (read by :func:`~lawcode.io.text.read_toc`);
* 本則 and 附則 — nested by level (編章節款目 > 条 > 項 > 号 > 細分) by :class:`_Nest`; a 「（…）」 line is the
  caption of the article (or 項) that follows; 「附　則　（…号）　抄」 opens a ``SupplProvision`` with its
  ``AmendLawNum``/``Extract``; an unnumbered line at the top of a part is a 項 without number (the single 項 of
  a 附則); an unnumbered line inside a provision is a ``List`` line (told by its indentation where it has one);
  号 and 細分 nest by the order in which their numbering styles appear (:meth:`_Nest._item_level`);
* amending laws — after a 項 ending in 「…を次のように改正する。」 every unnumbered line is an 改め文 sentence
  (``AmendProvision``/``AmendProvisionSentence``) and the numbered lines after a sentence that announces them
  (「次の一条を加える。」「次のように改める。」) are the quoted provisions (``NewProvision``);
* appendices — 「別表第一」 (and 様式, 別記 …) with their 「（第三条関係）」 line, tables in the table notation of
  :mod:`lawcode.model.text_layout`, 「備考」 and 「［図］」.

A line that fits nowhere raises :class:`~lawcode.errors.ParseError` with its line, column and a hint: nothing is
dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError, UnexpectedInput
from lxml import etree

from lawcode.errors import LawNumberError, NumeralError, ParseError, wrong_type
from lawcode.grammars import grammar_text
from lawcode.io.text.reader import (
    _ARTICLE,
    _ITEM,
    _PARAGRAPH,
    CONTAINER_OF_UNIT,
    FragmentStyle,
    TextLine,
    _fill_group,
    _level,
    _numbers,
    _range_ends,
    fill_sentences,
)
from lawcode.io.text.toc import read_toc
from lawcode.model.law import Law
from lawcode.model.text_layout import CELL, CELL_BREAK, PREAMBLE_LABEL
from lawcode.text.lawnum import parse_law_number
from lawcode.text.numerals import iroha_to_int, kanji_to_int

__all__ = ["TextEntry", "parse_text", "read_text_tree", "classify"]

_SPACES = " \t\u3000"
_GAP = " \u3000"
#: A character XML 1.0 cannot hold (control characters but tab and line breaks, lone surrogates, U+FFFE/U+FFFF):
#: a law read from text becomes XML, so such a character is refused where it stands.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_AMENDING = re.compile(r"(?:一部を次のように改正する|次のように改める)。$")
#: An 改め文 that announces quoted provisions (「次の一条を加える。」) — not a note that it was left out (「（「次のよう」略）」).
_ANNOUNCES = re.compile(r"次(?:の|に掲げる|のように)(?!.*略[）〕)]$)")
#: An 改め文 that quotes 項 or 号 only (「…の次に次の一号を加える。」「…に次の一項を加える。」): a 「第…条」 line
#: after it is not quoted.
_ANNOUNCES_ITEMS = re.compile(r"次の[一二三四五六七八九十]+[項号]を加える。$")
_LAW_NUMBER = re.compile(r"^[明大昭平令][^（）()]*年.*(?:第.*号|憲法|規則.*)$")
#: Appendix element by the first keyword found in its title (「別記第一様式」 is a 様式).
_APPENDIX_TAGS = (
    ("様式", "AppdxStyle"), ("書式", "AppdxFormat"), ("別表", "AppdxTable"), ("図", "AppdxFig"),
    ("別記", "AppdxNote"), ("別紙", "AppdxNote"), ("付録", "Appdx"),
)
_SUPPL_APPENDIX = {"AppdxTable": "SupplProvisionAppdxTable", "AppdxStyle": "SupplProvisionAppdxStyle"}
_APPENDIX_TITLE = {
    "AppdxTable": "AppdxTableTitle", "AppdxStyle": "AppdxStyleTitle", "AppdxFormat": "AppdxFormatTitle",
    "AppdxNote": "AppdxNoteTitle", "AppdxFig": "AppdxFigTitle", "Appdx": "ArithFormulaNum",
    "SupplProvisionAppdxTable": "SupplProvisionAppdxTableTitle",
    "SupplProvisionAppdxStyle": "SupplProvisionAppdxStyleTitle",
}
_TITLE_TAGS = frozenset(_APPENDIX_TITLE.values())
#: 様式 and 書式 hold their figures in a StyleStruct/FormatStruct (a running-text line before it is its title).
_STYLE_STRUCT = {"AppdxStyle": "StyleStruct", "AppdxFormat": "FormatStruct", "SupplProvisionAppdxStyle": "StyleStruct"}
_CONTAINER_UNIT = re.compile(r"第[^編章節款目]+([編章節款目])")
_ENACTING = re.compile(r"(?:制定する|定める|改正する|公布する|公布セシム|左ノ通定ム)。?$")
_KANJI_NUMBER = re.compile("[一二三四五六七八九十百千]+")
#: A 項 of a 本則 without articles numbered like an article without 条: 「第一　私船ヲ…」.
_OLD_PARAGRAPH = re.compile(r"(第[一二三四五六七八九十]+)\u3000(.+)")
#: The line after an appendix title that names the articles it belongs to: 「（第十四条関係）」.
_RELATED = re.compile(r"[（(][^（）()]*関係[）)]")
_NUMBERED = ("article", "container", "paragraph", "item", "kana", "paren")


@dataclass(frozen=True, slots=True)
class TextEntry:
    """One classified line: ``kind`` (article, container, paragraph, item, kana, paren, suppl, toc_label, appdx,
    remarks, table_row, fig, caption, plain, blank), ``head`` (the label without its gap: 「第三条」「２」),
    ``body`` (the rest), ``indent`` (leading spaces), 1-based ``line`` and ``column`` of the head."""

    kind: str
    head: str
    body: str
    indent: str
    line: int
    column: int

    @property
    def text(self) -> str:
        """The line without its indentation (head, gap and body as written)."""
        return self.head + self.gap + self.body

    @property
    def gap(self) -> str:
        return "\u3000" if self.head and self.body and self.kind in _NUMBERED + ("suppl", "remarks") else ""


_LINE_TERMINALS = {
    "article": "ARTICLE_LINE", "container": "CONTAINER_LINE", "paragraph": "PARAGRAPH_LINE", "item": "ITEM_LINE",
    "kana": "KANA_LINE", "paren": "PAREN_LINE", "suppl": "SUPPL_LINE", "toc_label": "TOC_LABEL_LINE",
    "appdx": "APPDX_LINE", "remarks": "REMARKS_LINE", "table_row": "TABLE_ROW_LINE", "fig": "FIG_LINE",
    "caption": "CAPTION_LINE",
}
#: Kinds whose whole line (without indentation) is the entry's ``body``.
_WHOLE = frozenset(("caption", "table_row", "appdx", "fig", "toc_label"))
_IND_RE = "[ \t\u3000]*"
_REST_RE = "[^\r\n]*\r?\n"


class _Classify(Transformer[Token, object]):
    """Inline transformer of the LALR parse: every ``line`` token becomes a :class:`TextEntry`.

    The lexer matches a whole line per token (one regex match per line); the head is then split off with the
    head pattern of the same terminal, taken from the compiled grammar so that it is written once.
    """

    def __init__(self) -> None:
        super().__init__()
        self.heads: dict[str, re.Pattern[str]] = {}

    def bind(self, parser: Lark) -> None:
        for kind, name in _LINE_TERMINALS.items():
            pattern = parser.get_terminal(name).pattern.to_regexp()
            if not (pattern.startswith(_IND_RE) and pattern.endswith(_REST_RE)):  # pragma: no cover
                raise AssertionError(f"law_text.lark: {name} is not indentation + head + rest of line")
            head = pattern[len(_IND_RE):-len(_REST_RE)]
            self.heads[kind] = re.compile(f"({_IND_RE})({head})([^\r\n]*)")

    def start(self, children: list[object]) -> object:
        return children[0] if children else []

    def lines(self, children: list[object]) -> list[object]:
        if len(children) == 1:
            return [children[0]]
        first = children[0]
        assert isinstance(first, list)
        first.append(children[1])
        return first

    def _entry(self, kind: str, children: list[Token]) -> TextEntry:
        tok = children[0]
        raw = str(tok).rstrip("\r\n")
        line = tok.line or 0
        if kind == "plain" or kind == "blank":
            body = raw.lstrip(_SPACES)
            indent = raw[:len(raw) - len(body)]
            return TextEntry(kind, "", body, indent, line, len(indent) + 1)
        m = self.heads[kind].match(str(tok))  # with its line break, which the heads' lookaheads need
        assert m is not None
        indent, head, body = m.group(1), m.group(2), m.group(3)
        if kind in _WHOLE:
            return TextEntry(kind, "", head + body, indent, line, len(indent) + 1)
        return TextEntry(kind, head.rstrip(_GAP), body, indent, line, len(indent) + 1)

    def __default__(self, data: str, children: list[Token], meta: object) -> object:
        return self._entry(str(data), children)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    classify_ = _Classify()
    parser = Lark(grammar_text("law_text.lark"), parser="lalr", lexer="contextual", transformer=classify_,
                  maybe_placeholders=False)
    classify_.bind(parser)
    return parser


def classify(text: str, source: str = "<text>") -> list[TextEntry]:
    """The non-empty lines of *text*, classified by ``grammars/law_text.lark`` (blank lines are left out)."""
    if not text.endswith("\n"):
        text += "\n"
    try:
        entries = _parser().parse(text)
    except UnexpectedInput as exc:
        raise ParseError(f"cannot read this line: {exc.__class__.__name__} (a stray carriage return or control "
                         "character?)", source=source, line=exc.line, column=exc.column) from None
    except LarkError as exc:  # pragma: no cover - the grammar accepts every line
        raise ParseError(f"cannot read the text: {exc}", source=source) from None
    assert isinstance(entries, list)
    return [e for e in entries if isinstance(e, TextEntry) and e.kind != "blank"]


def parse_text(text: str | bytes, source: str = "<text>") -> Law:
    """Read a law written as plain text (see the module docstring and docs/plaintext.md) into a :class:`Law`.

    *text* is what :meth:`Law.to_text` writes, a bill or 改め文 as submitted, or a municipal ordinance in the
    horizontal style (第3条, (1), ア). Raises :class:`~lawcode.errors.ParseError` with *source*, line, column
    and a hint for a line that fits nowhere.
    """
    return Law(read_text_tree(text, source), source=source)


def read_text_tree(text: str | bytes, source: str = "<text>") -> etree._Element:
    """The ``<Law>`` element that :func:`parse_text` wraps (for loaders that build the :class:`Law` themselves)."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(f"plain-text law is not UTF-8: {exc.reason} at byte {exc.start}",
                             source=source) from None
    if not isinstance(text, str):
        raise wrong_type(ParseError)(f"parse_text() takes str, got {type(text).__name__}", source=source)
    text = text.lstrip("\ufeff")
    bad = _NOT_XML_CHAR.search(text)
    if bad is not None:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        raise ParseError(f"character U+{ord(bad.group()):04X} cannot be in a law's text (XML allows no control "
                         "characters or lone surrogates)", source=source, line=line,
                         column=at - (text.rfind("\n", 0, at) + 1) + 1)
    entries = classify(text, source)
    return _Builder(entries, source).build()


# -- building -------------------------------------------------------------------------------------------------
def _err(why: str, entry: TextEntry, source: str, hint: str = "") -> ParseError:
    message = f"{why}: 「{entry.text[:40]}」"
    if hint:
        message += f" — {hint}"
    return ParseError(message, source=source, line=entry.line, column=entry.column)


def _detect_horizontal(entries: list[TextEntry]) -> bool:
    for e in entries:
        if e.kind in ("article", "container"):
            return any(ch.isdigit() for ch in e.head)
    for e in entries:
        if e.kind in ("item", "kana"):
            return False
        if e.kind == "paren":
            return any(ch.isdigit() for ch in e.head)
    return False


def _style(head: str) -> str:
    """The numbering style of a 号 or 細分 head: 「一」 kanji, 「イ」 kana, 「（１）」 paren-digit, 「（イ）」 paren-kana,
    「（一）」 paren-kanji, 「（ｉ）」 paren-roman."""
    if not head:
        return ""
    first = head[0]
    if first in "（(":
        inner = head[1:2]
        if inner.isdigit():
            return "paren-digit"
        if "ァ" <= inner <= "ヶ":
            return "paren-kana"
        if inner in "〇一二三四五六七八九十百千":
            return "paren-kanji"
        return "paren-roman"
    if "ァ" <= first <= "ヶ":
        return "kana"
    return "kanji"


def _one_phrase(text: str) -> bool:
    """True when *text* is one bracketed phrase: the bracket it opens with closes at its end (「（定義）」, not
    「（甲）×１／３×（乙）」)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return True


def _num_attr(numbers: tuple[int, ...]) -> str:
    return "_".join(str(n) for n in numbers)


def _enacting(text: str) -> bool:
    """A 制定文 (「…を制定する。」「…を次のように定める。」「…の全部を改正する。」), not an amending 項."""
    return _ENACTING.search(text) is not None and _AMENDING.search(text) is None


def _is_preamble_label(e: TextEntry) -> bool:
    """True for the 「前文」 line that :mod:`~lawcode.model.text_layout` prints before a 前文."""
    return e.kind == "plain" and not e.indent and e.body == PREAMBLE_LABEL


def _is_law_number(text: str) -> bool:
    """「令和二年法律第八号」, 「昭和二十一年憲法」, 「昭和二十四年人事院規則一―二」 (with or without a date)."""
    if _LAW_NUMBER.match(text) is None:
        return False
    return True


def _appendix_tag(title: str) -> str:
    return next((t for keyword, t in _APPENDIX_TAGS if keyword in title), "Appdx")


def _unnumbered_paragraphs(article: etree._Element) -> bool:
    """True when every 項 of *article* so far is unnumbered (an old law, or a single 項 so far)."""
    return all(not (p.findtext("ParagraphNum") or "") for p in article.iterfind("Paragraph"))


class _Nest:
    """Nests numbered lines under a root element (``MainProvision``, ``SupplProvision``, ``NewProvision``,
    an appendix) by level, and writes the e-Gov elements of each line."""

    def __init__(self, root: etree._Element, style: FragmentStyle, horizontal: bool, source: str) -> None:
        self.root = root
        self.style = style
        self.horizontal = horizontal
        self.source = source
        self.stack: list[tuple[int, etree._Element]] = []
        self.caption: TextEntry | None = None
        self.table: etree._Element | None = None
        self.last: etree._Element | None = None
        #: indentation (characters) of the line of each provision: list lines are indented relative to it
        self.indents: dict[etree._Element, int] = {}

    # -- helpers
    def _tl(self, e: TextEntry, kind: str) -> TextLine:
        unit = _CONTAINER_UNIT.match(e.head) if kind == "container" else None
        return TextLine(kind, e.head, e.body, e.line, unit[1] if unit else "")

    def _numbered_paragraph(self, e: TextEntry, kind: str) -> None:
        """A 項 printed with its number (「２　…」, or 「一　…」 where no 条 holds it), read as *kind* numbers."""
        el = etree.Element("Paragraph", Num=self._numbers(e.head, kind, e))
        self.take_caption(el, "ParagraphCaption")
        etree.SubElement(el, "ParagraphNum").text = e.head
        fill_sentences(etree.SubElement(el, "ParagraphSentence"), e.body, self.style)
        self.attach(_PARAGRAPH, el, e)

    def _numbers(self, label: str, kind: str, entry: TextEntry) -> str:
        label = (label[:1] + label[1:].replace("ノ", "の")).lstrip("○")  # 「ノ」 alone is a kana (イロハ…ノ)
        label = label.replace("～", "から").replace("〜", "から").replace("乃至", "から")
        if kind == "paragraph":
            label = label.removeprefix("第")
        label = re.sub("及(?!び)", "及び", label)
        try:
            if kind == "kana" and "の" in label:
                first, *rest = label.split("の")
                return _num_attr((iroha_to_int(first),) + tuple(kanji_to_int(r) for r in rest))
            if "から" in label or "及び" in label or "・" in label:
                label = label if label.endswith("まで") or "から" not in label else label + "まで"
                first, last = _range_ends(label.replace("・", "及び"))
                return _num_attr(_numbers(first, kind, self.horizontal)) + ":" + _num_attr(
                    _numbers(last, kind, self.horizontal))
            if kind == "container":
                label = re.sub(r"(?:から|及び).*$", "", label)
            return _num_attr(_numbers(label, kind, self.horizontal))
        except (ParseError, NumeralError) as exc:
            raise _err(f"cannot read the number of 「{label}」 ({exc})", entry, self.source,
                       "write 漢数字 (第十二条), Arabic digits (第12条) or full-width digits") from None

    def _item_level(self, e: TextEntry) -> int:
        """The level of a 号 or 細分 line, by the order in which the numbering styles nest, as a reader of law
        does: a style already open above (「一」 after 「イ」) closes what is under it and stands at its level; a
        new style stands one level below the innermost open one (「（一）　歳入」 then 「一　歳入予算額」 is a 号 with
        its 細分; 「イ」 right under a 項 is its 号). e-Gov numbers by this order, not by the style."""
        style = _style(e.head)
        under = None
        for level, el in self.stack:
            if level < _ITEM:
                under = level
                continue
            if _style(el.findtext(f"{el.tag}Title") or "") == style:
                return level
            under = level
        if under is None and self.root.tag == "NewProvision":
            # a 号 or 細分 quoted alone (「同号に次のように加える。」 then 「イ　…」): nothing above says its level,
            # so its style does (イ is a 細分)
            return _level(self._tl(e, e.kind), self.horizontal)
        return max(under if under is not None else _PARAGRAPH, _PARAGRAPH) + 1

    def innermost(self) -> etree._Element:
        if not self.stack:
            return self.root
        level, el = self.stack[-1]
        if level == _ARTICLE:
            paragraphs = el.findall("Paragraph")
            if paragraphs:
                return paragraphs[-1]
        return el

    def attach(self, level: int, element: etree._Element, entry: TextEntry) -> None:
        if entry.indent:
            self.indents[element] = len(entry.indent)
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        if not self.stack:
            if level > _PARAGRAPH and self.root.tag in ("MainProvision", "SupplProvision"):
                raise _err(f"a {element.tag} outside any 条 or 項", entry, self.source,
                           "号 and 細分 belong under a 「第…条」 or 「２」 line")
            self.root.append(element)
        else:
            parent_level, parent = self.stack[-1]
            if parent_level == _ARTICLE and level > _PARAGRAPH:
                paragraphs = parent.findall("Paragraph")
                parent = paragraphs[-1]
            parent.append(element)
        self.stack.append((level, element))
        self.table = None
        self.last = element

    def take_caption(self, element: etree._Element, tag: str) -> None:
        if self.caption is not None:
            etree.SubElement(element, tag).text = self.caption.body
            self.caption = None

    def check_caption(self) -> None:
        if self.caption is not None:
            raise _err("a caption 「（…）」 not followed by a provision", self.caption, self.source,
                       "a 見出し line must come right before its 条 or 項")

    # -- lines
    def add(self, e: TextEntry) -> None:
        kind = e.kind
        if kind == "caption":
            self.check_caption()
            self.caption = e
            return
        if kind == "container":
            self.check_caption()
            tag = CONTAINER_OF_UNIT[_CONTAINER_UNIT.match(e.head)[1]]  # type: ignore[index]
            el = etree.Element(tag, Num=self._numbers(e.head, "container", e))
            etree.SubElement(el, tag + "Title").text = e.text
            self.attach(_level(self._tl(e, "container"), self.horizontal), el, e)
            return
        if kind == "article":
            el = etree.Element("Article", Num=self._numbers(e.head, "article", e))
            self.take_caption(el, "ArticleCaption")
            etree.SubElement(el, "ArticleTitle").text = e.head
            p = etree.SubElement(el, "Paragraph", Num="1")
            etree.SubElement(p, "ParagraphNum")
            fill_sentences(etree.SubElement(p, "ParagraphSentence"), e.body, self.style)
            self.attach(_ARTICLE, el, e)
            self.stack.append((_PARAGRAPH, p))
            if e.indent:
                self.indents[p] = len(e.indent)
            self.last = p
            return
        if kind == "paragraph":
            self._numbered_paragraph(e, "paragraph")
            return
        if kind == "item" and self.root.tag in ("MainProvision", "SupplProvision") and (
                not self.stack or self.stack[0][1].tag == "Paragraph"
                and _KANJI_NUMBER.fullmatch(self.stack[0][1].findtext("ParagraphNum") or "")):
            # 「一　…」 where no 条 or 項 holds it: a 項 numbered in 漢数字 (the 附則 of some ordinances)
            self._numbered_paragraph(e, "item")
            return
        if kind in ("item", "kana", "paren"):
            self.check_caption()
            level = self._item_level(e)
            depth = level - _ITEM
            tag = "Item" if depth == 0 else f"Subitem{depth}"
            el = etree.Element(tag, Num=self._numbers(e.head, "item" if kind == "item" else kind, e))
            etree.SubElement(el, tag + "Title").text = e.head
            _fill_group(etree.SubElement(el, tag + "Sentence"), e.body, self.style, columns=True)
            self.attach(level, el, e)
            return
        if kind == "plain":
            self.plain(e)
            return
        if kind == "table_row":
            self.check_caption()
            self.row(e)
            return
        if kind == "remarks":
            self.check_caption()
            parent = self.table.getparent() if self.table is not None else self.innermost()
            assert parent is not None
            rem = etree.SubElement(parent, "Remarks")
            etree.SubElement(rem, "RemarksLabel").text = e.head
            if e.body:
                fill_sentences(rem, e.body, FragmentStyle(writing_mode=self.style.writing_mode))
            self.stack.append((_PARAGRAPH, rem))
            self.table = None
            return
        if kind == "fig":
            self.check_caption()
            fs = etree.SubElement(self.innermost(), "FigStruct")
            etree.SubElement(fs, "Fig", src="")
            self.table = None
            return
        raise _err(f"a {kind} line cannot stand here", e, self.source)

    def plain(self, e: TextEntry) -> None:
        if self.stack and self.stack[-1][1].tag == "Remarks":
            fill_sentences(self.stack[-1][1], e.body, FragmentStyle(writing_mode=self.style.writing_mode))
            return
        if self.stack and e.indent and e.indent.strip("\u3000") == "" and self.root.tag != "NewProvision" \
                and self._list_line(e):
            return
        numbered = _OLD_PARAGRAPH.match(e.body) if not e.indent else None
        if self.root.tag in ("MainProvision", "SupplProvision") and (
                not self.stack or numbered and self.stack[0][1].tag == "Paragraph"):
            # a 項 without number: the single 項 of a 附則 or of a 本則 without articles; or a 項 of such a 本則
            # numbered 「第一　」「第二　」 (an old 宣言)
            count = sum(1 for c in self.root if c.tag == "Paragraph")
            p = etree.Element("Paragraph", Num=str(count + 1))
            self.take_caption(p, "ParagraphCaption")
            etree.SubElement(p, "ParagraphNum").text = numbered[1] if numbered else None
            fill_sentences(etree.SubElement(p, "ParagraphSentence"), numbered[2] if numbered else e.body, self.style)
            self.attach(_PARAGRAPH, p, e)
            return
        article = next((el for level, el in reversed(self.stack) if level == _ARTICLE), None)
        if article is None and self.stack and self.stack[0][1].tag == "Paragraph" \
                and self.root.tag in ("MainProvision", "SupplProvision"):
            article = self.root  # a 附則 (or 本則) of unnumbered 項 without articles: the same rule as in a 条
        if article is not None and _unnumbered_paragraphs(article) and not self._in_list() \
                and "\u3000" not in e.body and (e.body.endswith("。") or not self._last_text().endswith("。")):
            # old laws do not number their 項: running text after an article's first 項 is its next 項 — unless
            # it has columns (「死刑　死刑」): a 項 is one sentence, a List line may be a row of columns
            p = etree.Element("Paragraph", Num=str(len(article.findall("Paragraph")) + 1))
            self.take_caption(p, "ParagraphCaption")
            etree.SubElement(p, "ParagraphNum")
            fill_sentences(etree.SubElement(p, "ParagraphSentence"), e.body, self.style)
            self.attach(_PARAGRAPH, p, e)
            return
        self.check_caption()
        holder = self.innermost()
        if holder.tag == "NewProvision":
            fill_sentences(holder, e.body, self.style)
            return
        if holder.tag not in ("Paragraph", "Item") and not holder.tag.startswith("Subitem"):
            raise _err("running text that belongs to no provision", e, self.source,
                       "number the line (「２　」「一　」) or put it under a 条")
        lst = etree.SubElement(holder, "List")
        fill_sentences(etree.SubElement(lst, "ListSentence"), e.body, self.style)

    def _list_line(self, e: TextEntry) -> bool:
        """Read a line indented by U+3000 inside a provision as a list line, as the writer indents them: one
        U+3000 more than the provision's own line for a ``List``, two for a ``Sublist1`` (under the last ``List``)
        …; False when no provision holds it or it is not indented more than the provision."""
        holder = self.innermost()
        if holder.tag not in ("Paragraph", "Item") and not holder.tag.startswith("Subitem"):
            return False
        depth = len(e.indent) - self.indents.get(holder, 0)  # relative to the provision's own line
        if depth < 1:
            return False
        self.check_caption()
        parent, tag = holder, "List"
        for level in range(1, min(depth, 4)):
            inner = parent.findall(tag)
            if not inner:
                break
            parent, tag = inner[-1], f"Sublist{level}"
        lst = etree.SubElement(parent, tag)
        fill_sentences(etree.SubElement(lst, tag + "Sentence"), e.body, self.style)
        return True

    def _in_list(self) -> bool:
        """True when the last thing written under the current provision is a List line (lists go on)."""
        holder = self.innermost()
        return len(holder) > 0 and holder[-1].tag == "List"

    def _last_text(self) -> str:
        """The last sentence written so far under the current article (to tell a 項 from a List line)."""
        holder = self.innermost()
        texts = [s.text or "" for s in holder.iter("Sentence")]
        return texts[-1] if texts else ""

    def row(self, e: TextEntry) -> None:
        if self.table is None:
            ts = etree.SubElement(self.innermost(), "TableStruct")
            self.table = etree.SubElement(ts, "Table")
        row = etree.SubElement(self.table, "TableRow")
        inner = e.body[1:-1] if e.body.endswith(CELL) or e.body.endswith("|") else e.body[1:]
        for cell_text in re.split(r"[｜|]", inner):
            cell = etree.SubElement(row, "TableColumn")
            for line in cell_text.split(CELL_BREAK) if cell_text else []:
                s = etree.SubElement(cell, "Sentence")
                if self.style.writing_mode:
                    s.set("WritingMode", self.style.writing_mode)
                s.text = line


class _Builder:
    def __init__(self, entries: list[TextEntry], source: str) -> None:
        self.entries = entries
        self.source = source
        self.horizontal = _detect_horizontal(entries)
        self.style = FragmentStyle(writing_mode="horizontal" if self.horizontal else "vertical",
                                   horizontal=self.horizontal)
        self.law = etree.Element("Law", Lang="ja")
        self.law_num = etree.SubElement(self.law, "LawNum")
        self.body = etree.SubElement(self.law, "LawBody")
        self.nest: _Nest | None = None
        self.suppl: etree._Element | None = None
        self.pending: list[TextEntry] = []  # running text before the first 条: 制定文 or unnumbered 項
        self.following: TextEntry | None = None  # the line after the one being read
        self.after_following: TextEntry | None = None  # and the one after that
        self.toc_preamble = False  # the 目次 lists a 「前文」: the running text after it is the 前文
        # amending laws
        self.amending: etree._Element | None = None  # the 項 that says 「…の一部を次のように改正する。」
        self.amend: etree._Element | None = None  # the current AmendProvision
        self.quoted: _Nest | None = None
        self.open_sentence: etree._Element | None = None
        self.in_block = False
        self.tentative = False
        self.checked: etree._Element | None = None  # the last 項 looked at by _maybe_amending

    def build(self) -> etree._Element:
        entries = self.entries
        i = 0
        n = len(entries)
        # 題名 and 法令番号
        if i < n and entries[i].kind == "plain" and not _AMENDING.search(entries[i].body):
            etree.SubElement(self.body, "LawTitle").text = entries[i].body
            i += 1
        if i < n and entries[i].kind == "caption" and _is_law_number(entries[i].body[1:-1]):
            self._law_number(entries[i].body[1:-1])
            i += 1
        if len(self.body) == 0:
            etree.SubElement(self.body, "LawTitle")
        while i < n:
            e = entries[i]
            if e.kind == "toc_label" and self.nest is None and self.suppl is None:  # 目次 (after a 制定文)
                self._flush_pending(e)
                i = self._toc(i)
                continue
            self.following = entries[i + 1] if i + 1 < n else None
            self.after_following = entries[i + 2] if i + 2 < n else None
            self._line(e)
            i += 1
        self._flush_pending(None)
        for nest in (self.nest, self.quoted):
            if nest is not None:
                nest.check_caption()
        main = self.body.find("MainProvision")
        if main is None and len(self.body) > 1 or main is not None and len(main) == 0:
            self._empty_main_provision(main)
        if self.law_num.text is None:
            self.law.remove(self.law_num)
        return self.law

    def _empty_main_provision(self, main: etree._Element | None) -> None:
        """A law printed without 本則 (an extract 「抄」 that leaves it out): the schema requires a ``MainProvision``,
        and e-Gov writes it as one 項 with an empty sentence, before the 附則 and appendices."""
        mp = etree.Element("MainProvision") if main is None else main
        p = etree.SubElement(mp, "Paragraph", Num="1")
        etree.SubElement(p, "ParagraphNum")
        etree.SubElement(etree.SubElement(p, "ParagraphSentence"), "Sentence")
        if main is not None:
            return
        first = next((c for c in self.body if c.tag == "SupplProvision" or c.tag.startswith("Appdx")), None)
        if first is None:
            self.body.append(mp)
        else:
            first.addprevious(mp)

    def _law_number(self, text: str) -> None:
        self.law_num.text = text
        try:
            number = parse_law_number(text)
        except LawNumberError:
            return
        self.law.set("Era", number.era.name.capitalize())
        self.law.set("Year", str(number.year))
        if number.number:
            self.law.set("Num", str(number.number[0]))
        self.law.set("LawType", number.law_type)

    def _toc(self, i: int) -> int:
        entries = self.entries
        first = entries[i]
        lines = [entries[i].head or entries[i].body]
        numbers = [first.line]
        i += 1
        while i < len(entries):
            e = entries[i]
            unindented_entry = e.kind == "container" and e.body.endswith("）") and "（第" in e.body
            if not (e.indent or unindented_entry):
                break
            lines.append(e.text)
            numbers.append(e.line)
            i += 1
        try:
            toc = read_toc("\n".join(lines), source=self.source)
        except ParseError as exc:
            line = numbers[(exc.line or 1) - 1] if exc.line and exc.line <= len(numbers) else first.line
            raise ParseError(f"{exc.reason if hasattr(exc, 'reason') else exc}", source=self.source,
                             line=line, column=1) from None
        self.body.append(toc)
        self.toc_preamble = toc.find("TOCPreambleLabel") is not None
        return i

    # -- parts
    def _main(self) -> _Nest:
        if self.nest is None:
            mp = etree.SubElement(self.body, "MainProvision")
            self.nest = _Nest(mp, self.style, self.horizontal, self.source)
        return self.nest

    def _flush_pending(self, next_entry: TextEntry | None) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        if self.nest is None:
            pending = self._preamble(pending)
            if not pending:
                return
        if self.nest is None and not self.toc_preamble:
            while pending and pending[0].kind == "plain" and _enacting(pending[0].body):
                etree.SubElement(self.body, "EnactStatement").text = pending.pop(0).body
        if next_entry is not None and next_entry.kind in ("article", "container", "toc_label") and self.nest is None:
            captions = []
            preamble: etree._Element | None = None
            for e in pending:
                if e.kind == "caption" and next_entry.kind != "toc_label":
                    captions.append(e)
                    continue
                if next_entry.kind == "toc_label" or preamble is None and not self.toc_preamble \
                        and (_enacting(e.body) or not e.body.endswith("。")):
                    # before the 目次 there is only the 制定文 (and e-Gov's note 「（別冊）」); without a 「前文」 line,
                    # text that ends like a 制定文 or is no sentence (a repeated title) is the 制定文
                    for c in captions:  # a bracketed line inside the 制定文
                        etree.SubElement(self.body, "EnactStatement").text = c.body
                    etree.SubElement(self.body, "EnactStatement").text = e.body
                else:  # 前文: running text before the first article that is no 制定文
                    if preamble is None:
                        preamble = etree.SubElement(self.body, "Preamble")
                    for c in captions + [e]:
                        p = etree.SubElement(preamble, "Paragraph", Num=str(len(preamble) + 1))
                        etree.SubElement(p, "ParagraphNum")
                        fill_sentences(etree.SubElement(p, "ParagraphSentence"), c.body, self.style)
                captions = []
            for c in captions:
                self._main().add(c)
            return
        nest = self._main()
        for e in pending:
            nest.add(e)
            self._maybe_amending(nest)

    def _preamble(self, pending: list[TextEntry]) -> list[TextEntry]:
        """Read the 前文 marked by a 「前文」 line (as :mod:`~lawcode.model.text_layout` writes it) out of the running
        text before the 本則: the lines before the marker are the 制定文 whatever their ending, the lines after it up
        to the first blank line are the 前文's paragraphs (a caption among them too). Returns the lines left."""
        marker = next((k for k, e in enumerate(pending) if _is_preamble_label(e)), None)
        if marker is None:
            return pending
        for e in pending[:marker]:
            etree.SubElement(self.body, "EnactStatement").text = e.body
        preamble = etree.SubElement(self.body, "Preamble")
        k = marker + 1
        while k < len(pending) and (k == marker + 1 or pending[k].line == pending[k - 1].line + 1):
            p = etree.SubElement(preamble, "Paragraph", Num=str(len(preamble) + 1))
            etree.SubElement(p, "ParagraphNum")
            fill_sentences(etree.SubElement(p, "ParagraphSentence"), pending[k].body, self.style)
            k += 1
        self.toc_preamble = False  # the 前文 is read: what is left is the 本則
        return pending[k:]

    def _maybe_amending(self, nest: _Nest) -> None:
        last = nest.last
        if last is None or last.tag != "Paragraph" or last is self.checked:
            return
        self.checked = last
        if last is not None and last.tag == "Paragraph":
            text = "".join(last.findtext("ParagraphSentence/Sentence[last()]") or "")
            if _AMENDING.search(text) and "次" in text:
                self.amending = last
                self.amend = None
                self.quoted = None

    def _line(self, e: TextEntry) -> None:
        kind = e.kind
        if self.open_sentence is not None and self.tentative:
            self.tentative = False
            if e.text != "「":  # not a quotation block: the sentence simply ends without 「。」
                self.open_sentence = None
        if self.open_sentence is not None:
            # an 改め文 running over several lines, with blocks quoted between a 「 line and a 」 line (a quoted
            # 目次): one sentence, lines joined by U+3000 (as render joins the lines of a quoted block); it ends
            # with the first line outside a block that ends with 「。」
            self.open_sentence.text = (self.open_sentence.text or "") + "\u3000" + e.text
            if e.text == "「":
                self.in_block = True
            elif e.text == "」":
                self.in_block = False
            elif not self.in_block and e.text.endswith("。"):
                self.open_sentence = None
            return
        if self.amending is not None and self._amend_line(e):
            return
        if kind == "caption" and not _one_phrase(e.body):
            # 「（甲）×１／３×（乙）」: brackets, but not one bracketed phrase — running text (a formula)
            e = TextEntry("plain", "", e.body, e.indent, e.line, e.column)
            kind = "plain"
        if kind == "appdx" and e.indent and not e.indent.strip("\u3000") and self.nest is not None \
                and self.nest.stack:
            # an indented line inside a provision is a list line (「　別紙第三号の二書式」), never an appendix title
            e = TextEntry("plain", "", e.body, e.indent, e.line, e.column)
            kind = "plain"
        if kind == "suppl":
            self._flush_pending(e)
            self._suppl(e)
            return
        if kind == "appdx" or kind == "plain" and self._titles_an_appendix():
            self._flush_pending(e)
            self._appendix(e)
            return
        if kind == "toc_label":
            raise _err("a 目次 after the provisions", e, self.source, "the 目次 comes right after the 法令番号")
        if self.nest is None and kind in ("plain", "caption") and self.suppl is None:
            if kind == "plain" and _AMENDING.search(e.body):
                self.pending.append(e)
                self._flush_pending(None)
                return
            self.pending.append(e)
            return
        self._flush_pending(e)
        nest = self._main() if self.nest is None else self.nest
        nest.add(e)
        self._maybe_amending(nest)

    def _titles_an_appendix(self) -> bool:
        """True when the running-text line being read is an appendix title the grammar does not know (「記別様式第四」):
        a 「（第十四条関係）」 line follows it and no provision follows that (then it would be a caption)."""
        following, after = self.following, self.after_following
        return following is not None and following.kind == "caption" and _RELATED.fullmatch(following.body) is not None \
            and (after is None or after.kind not in ("article", "paragraph", "caption", "container"))

    def _suppl(self, e: TextEntry) -> None:
        if self.nest is not None:
            self.nest.check_caption()
        el = etree.SubElement(self.body, "SupplProvision")
        etree.SubElement(el, "SupplProvisionLabel").text = e.head
        rest = e.body.strip(_SPACES)
        if rest.endswith("抄"):
            el.set("Extract", "true")
            rest = rest[:-1].rstrip(_SPACES)
        if rest:
            m = re.fullmatch(r"[（(](.*)[）)]", rest)
            if m is None:
                raise _err("cannot read the 附則 line", e, self.source,
                           "write 「附　則」, 「附　則　（令和二年法律第八号）」 or add 「　抄」")
            el.set("AmendLawNum", m.group(1))
        self.suppl = el
        self.nest = _Nest(el, self.style, self.horizontal, self.source)
        self.amending = None

    def _appendix(self, e: TextEntry) -> None:
        if self.nest is not None:
            self.nest.check_caption()
        title = e.body
        core = title.lstrip("（(").removeprefix("附則")
        tag = _appendix_tag(core)
        parent = self.body
        if title.startswith("附則") and self.suppl is not None and tag in _SUPPL_APPENDIX:
            tag = _SUPPL_APPENDIX[tag]
            parent = self.suppl
        el = etree.SubElement(parent, tag)
        # no Num attribute: most e-Gov appendices have none (the text does not say), and 「別表第一」 is still
        # found by its title number
        etree.SubElement(el, _APPENDIX_TITLE[tag]).text = title
        self.nest = _AppendixNest(el, self.style, self.horizontal, self.source)
        self.amending = None

    # -- amending laws
    def _amend_line(self, e: TextEntry) -> bool:
        """Handle *e* as part of an amending provision; False when it ends the amending provision."""
        kind = e.kind
        if kind == "suppl":
            self._end_amending()
            return False
        if kind == "caption" and self.amend is None and self._amends_a_law() and not (
                self.following is not None and self.following.kind == "article"):
            # 「…の一部を次のように改正する。」 is followed by 改め文, never by a quoted caption: a bracketed line
            # right after it is an 改め文 sentence (「（「次のよう」略）」, e-Gov's note of an omitted 改め文) unless
            # a 条 follows: then the 改め文 were left out and it is the next article's caption
            e = TextEntry("plain", "", e.body, e.indent, e.line, e.column)
            kind = "plain"
        if kind == "article" and (_AMENDING.search(e.body) or self.amend is None
                                  or not _ANNOUNCES.search(self._amend_sentence())
                                  or _ANNOUNCES_ITEMS.search(self._amend_sentence(own=True))):
            # an article after 「…の次に次の一号を加える。」 is no quoted provision: the 改め文 quotes 号 (or 項)
            self._end_amending()
            return False
        if kind in ("paragraph", "appdx", "container") and self.amend is not None \
                and not _ANNOUNCES.search(self._amend_sentence()):
            # 「２　…」 after an 改め文 that quotes nothing: the next 項 of the amending article itself; 「別表」: the
            # law's own appendix after its last (amending) 附則; 「第二章　…」: the law's own next chapter
            self._end_amending()
            return False
        if kind == "plain" and self.amend is not None and not e.body.endswith("。") \
                and _ANNOUNCES.search(self._amend_sentence()):
            # quoted running text that is no sentence (a table row written as text, a 目次 line)
            if self.quoted is None:
                np = etree.SubElement(self.amend, "NewProvision")
                self.quoted = _Nest(np, self.style, self.horizontal, self.source)
            self.quoted.add(e)
            return True
        if kind == "plain":
            if self.quoted is not None:
                self.quoted.check_caption()
            assert self.amending is not None
            self.amend = etree.SubElement(self.amending, "AmendProvision")
            group = etree.SubElement(self.amend, "AmendProvisionSentence")
            fill_sentences(group, e.body, self.style)
            if not e.body.endswith("。"):
                self.open_sentence = group[-1]
                self.in_block = False
                self.tentative = True
            self.quoted = None
            return True
        if self.amend is None:
            self._end_amending()
            return False
        if self.quoted is None:
            np = etree.SubElement(self.amend, "NewProvision")
            self.quoted = _AppendixNest(np, self.style, self.horizontal, self.source) if kind == "appdx" \
                else _Nest(np, self.style, self.horizontal, self.source)
        if kind == "appdx":
            el = etree.SubElement(self.quoted.root, _appendix_tag(e.body))
            etree.SubElement(el, _APPENDIX_TITLE[el.tag]).text = e.body
            self.quoted = _AppendixNest(el, self.style, self.horizontal, self.source)
            return True
        if kind == "toc_label":
            etree.SubElement(self.quoted.root, "TOC").append(etree.Element("TOCLabel"))
            return True
        self.quoted.add(e)
        return True

    def _amends_a_law(self) -> bool:
        """True when the amending 項 amends a whole law (「…の一部を次のように改正する。」)."""
        assert self.amending is not None
        return (self.amending.findtext("ParagraphSentence/Sentence[last()]") or "").endswith("改正する。")

    def _amend_sentence(self, own: bool = False) -> str:
        """The text of the current 改め文 (*own*: its sentence only, without the provisions it quotes)."""
        if self.amend is None:
            return ""
        if own:
            sentence = self.amend.find("AmendProvisionSentence")
            return "" if sentence is None else "".join(sentence.itertext())
        return "".join(self.amend.itertext())

    def _end_amending(self) -> None:
        if self.quoted is not None and self.quoted.caption is not None:
            # 「（法人税法の一部改正）」 before the next amending article: its caption, not a quoted one
            self._main().caption, self.quoted.caption = self.quoted.caption, None
        self.amending = None
        self.amend = None
        self.quoted = None


class _AppendixNest(_Nest):
    """Contents of an appendix: its 「（第三条関係）」 line, tables, 号, 備考, figures and notes."""

    struct: etree._Element | None = None

    def add(self, e: TextEntry) -> None:
        if e.kind == "caption" and len(self.root) == 1 and self.root[0].tag in _TITLE_TAGS:
            etree.SubElement(self.root, "RelatedArticleNum").text = e.body
            return
        holder = self.root
        if holder.tag in _STYLE_STRUCT and e.kind in ("plain", "fig"):
            struct_tag = _STYLE_STRUCT[holder.tag]
            if e.kind == "plain" or self.struct is None:
                self.struct = etree.SubElement(holder, struct_tag)
                if e.kind == "plain":
                    etree.SubElement(self.struct, struct_tag + "Title").text = e.body
                etree.SubElement(self.struct, struct_tag.removesuffix("Struct"))
            if e.kind == "fig":
                etree.SubElement(self.struct[-1], "Fig", src="")
            return
        if e.kind == "plain" and not (self.stack and self.stack[-1][1].tag == "Remarks"):
            if holder.tag in ("AppdxNote", "Appdx"):
                s = etree.SubElement(etree.SubElement(etree.SubElement(holder, "NoteStruct"), "Note"), "Sentence")
                s.text = e.body
                return
            if not self.stack:
                rem = etree.SubElement(holder, "Remarks")
                fill_sentences(rem, e.body, FragmentStyle(writing_mode=self.style.writing_mode))
                self.stack.append((_PARAGRAPH, rem))
                return
        super().add(e)

    def attach(self, level: int, element: etree._Element, entry: TextEntry) -> None:
        if entry.indent:
            self.indents[element] = len(entry.indent)
        while self.stack and self.stack[-1][0] >= level and self.stack[-1][1].tag != "Remarks":
            self.stack.pop()
        if level == _ITEM and self.stack and self.stack[-1][1].tag == "Remarks":
            self.stack[-1][1].append(element)
            self.stack.append((level, element))
            self.table = None
            self.last = element
            return
        if not self.stack:
            parent = self.root
            if parent.tag in _STYLE_STRUCT:  # 号 of a 様式 or 書式 are written in its StyleStruct/Style, as e-Gov does
                if self.struct is None:
                    self.struct = etree.SubElement(parent, _STYLE_STRUCT[parent.tag])
                    etree.SubElement(self.struct, _STYLE_STRUCT[parent.tag].removesuffix("Struct"))
                parent = self.struct[-1]
            parent.append(element)
            self.stack.append((level, element))
            self.table = None
            self.last = element
            return
        super().attach(level, element, entry)
