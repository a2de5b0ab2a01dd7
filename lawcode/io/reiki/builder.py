"""Rebuilding the statute tree from a flat run of display lines, as e-Gov XML (法令標準XMLスキーマ v3).

例規集 pages are lists of printed lines: nothing nests a 項 in its 条. Each vendor module reads its markup
into calls on one :class:`LawBuilder` — "a 章 heading", "an 条 line with its first 項", "a 号", "an 附則
heading" … — and the builder keeps the open context (scope → 編章節款 → 条 → 項 → 号 → 細目) to put each new
element where the schema wants it. Keeping the tree rules here, once, is what lets a second vendor be a
small module: it only has to say what each line is.

Besides the ``<Law>`` tree, the builder records two things the XML cannot hold:

* editorial notes (改正沿革注記, 施行注記) attached to the provision they follow, keyed by the provision's
  e-Gov path (:mod:`lawcode.io.reiki.notes`);
* for every source line, the paths of the provisions it created — the bridge between the vendor's own
  anchors (``#e000000059``, ``?id=j2_k1_g1``) and the tree.

Paths are computed with the rules of :mod:`lawcode.model.index` (scope-relative articles, ``Tag_Num``,
``Tag[k]`` for unnumbered elements, ``#k`` for repeats), so they are the ``Provision.path`` of the loaded law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence, TypeAlias, Union

from lxml import etree

from lawcode.errors import LawcodeError
from lawcode.io.reiki.inline import append_inline, append_text, plain_text
from lawcode.io.reiki.numbers import read_int
from lawcode.text.eras import Era
from lawcode.text.lawnum import parse_law_number

__all__ = ["LawBuilder", "BuiltLaw", "SentenceSource"]

_E: TypeAlias = etree._Element
#: A sentence as the vendor module hands it over: an HTML element (its content is copied with ruby/sup/sub)
#: or plain text.
SentenceSource = Union[_E, str]

_RANK = {"Part": 0, "Chapter": 1, "Section": 2, "Subsection": 3, "Division": 4}
_PROVISION_TAGS = frozenset(
    ("MainProvision", "SupplProvision", "Part", "Chapter", "Section", "Subsection", "Division", "Article",
     "Paragraph", "Item", "AppdxTable", "AppdxStyle", "AppdxFig", "SupplProvisionAppdxTable",
     "SupplProvisionAppdxStyle") + tuple(f"Subitem{i}" for i in range(1, 11))
)
_APPENDIX_BODY = {"table": "AppdxTable", "style": "AppdxStyle", "figure": "AppdxFig"}
_APPENDIX_SUPPL = {"table": "SupplProvisionAppdxTable", "style": "SupplProvisionAppdxStyle"}
_ERA_ATTR = {Era.MEIJI: "Meiji", Era.TAISHO: "Taisho", Era.SHOWA: "Showa", Era.HEISEI: "Heisei",
             Era.REIWA: "Reiwa"}
_PROVISO = ("ただし", "但し")


@dataclass
class BuiltLaw:
    """What :meth:`LawBuilder.build` returns: the ``<Law>`` tree, notes by path, provisions by source line."""

    tree: etree._ElementTree
    notes: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, list[str]] = field(default_factory=dict)
    promulgated: date | None = None


class LawBuilder:
    """Assemble one law from line events (see the module docstring). Not thread-safe; one per page."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.law_num: str | None = None
        self.promulgated: date | None = None
        self._title_el: _E | None = None
        self._enact: list[_E] = []
        self._toc: _E | None = None
        self._main = etree.Element("MainProvision")
        self._body_parts: list[_E] = [self._main]
        self._scope: _E = self._main
        self._suppl: _E | None = None
        self._appendix: _E | None = None
        self._containers: list[tuple[int, _E]] = []
        self._article: _E | None = None
        self._paragraph: _E | None = None
        self._items: list[_E] = []
        self._unit: _E | None = None  # the provision an editorial note after the current line belongs to
        self._notes: dict[_E, list[str]] = {}
        self._line: str | None = None
        self._lines: dict[str, list[_E]] = {}

    # -- line bookkeeping ---------------------------------------------------------------------------------
    def line(self, line_id: str | None) -> None:
        """Start a new source line: provisions created until the next call are recorded under *line_id*."""
        self._line = line_id

    def _created(self, element: _E) -> _E:
        if self._line is not None:
            self._lines.setdefault(self._line, []).append(element)
        return element

    # -- head ---------------------------------------------------------------------------------------------
    def set_title(self, node: SentenceSource) -> None:
        """題名 (the vendor's leading 「○」 already stripped by the caller)."""
        el = etree.Element("LawTitle")
        _fill(el, node)
        self._title_el = el
        self.title = "".join(el.itertext())

    def enact(self, node: SentenceSource) -> None:
        """制定文 / 全部改正文 (「…の全部を改正する。」), and 公布文 where a page prints one."""
        el = etree.Element("EnactStatement")
        _fill(el, node)
        self._enact.append(el)

    # -- 目次 ----------------------------------------------------------------------------------------------
    def toc_label(self, text: str) -> None:
        """The 「目次」 line opens the table of contents."""
        self._toc = etree.Element("TOC")
        etree.SubElement(self._toc, "TOCLabel").text = text
        self._toc_stack: list[tuple[int, _E]] = []

    def toc_entry(self, tag: str, num: str, heading: str, article_range: str | None) -> None:
        """One 目次 line: *tag* ``Chapter``/``Section``/``Subsection``/``SupplProvision`` (others are kept as
        chapters), *heading* as printed (「第2章　本庁」), *article_range* 「(第4条―第8条)」."""
        if self._toc is None:
            self.toc_label("目次")
        assert self._toc is not None
        if tag == "SupplProvision":
            el = etree.SubElement(self._toc, "TOCSupplProvision")
            etree.SubElement(el, "SupplProvisionLabel").text = heading
        else:
            if tag not in ("Chapter", "Section", "Subsection"):
                tag = "Chapter"
            rank = _RANK[tag]
            while self._toc_stack and self._toc_stack[-1][0] >= rank:
                self._toc_stack.pop()
            parent = self._toc_stack[-1][1] if self._toc_stack else self._toc
            if parent is self._toc and tag != "Chapter" and not self._toc_stack:
                tag = "Chapter"  # the schema nests TOC sections in chapters; a bare one is shown as a chapter
            if self._toc.find("TOCSupplProvision") is not None and parent is self._toc:
                return  # entries after the 附則 line have no place in the schema's TOC
            el = etree.SubElement(parent, f"TOC{tag}", Num=num or "1")
            etree.SubElement(el, f"{tag}Title").text = heading
            self._toc_stack.append((_RANK[tag], el))
        if article_range:
            etree.SubElement(el, "ArticleRange").text = article_range

    # -- structure ----------------------------------------------------------------------------------------
    def _close_article(self) -> None:
        self._article = None
        self._paragraph = None
        self._items = []

    def container(self, tag: str, num: str, heading: SentenceSource) -> None:
        """A 編/章/節/款/目 heading line (*heading* the whole printed line, 「第1章　総則」)."""
        self._leave_appendix()
        self._close_article()
        rank = _RANK[tag]
        while self._containers and self._containers[-1][0] >= rank:
            self._containers.pop()
        parent = self._containers[-1][1] if self._containers else self._scope
        el = self._created(etree.SubElement(parent, tag, Num=num or "1"))
        _fill(etree.SubElement(el, f"{tag}Title"), heading)
        self._containers.append((rank, el))
        self._unit = el

    def article(self, num: str, title: SentenceSource, caption: SentenceSource | None,
                sentences: Sequence[SentenceSource], *, deleted: bool = False) -> None:
        """An 条 line: 見出し (*caption*), 「第8条の2」 (*title*), and the sentences of its first 項."""
        self._leave_appendix()
        self._close_article()
        parent = self._containers[-1][1] if self._containers else self._scope
        el = self._created(etree.SubElement(parent, "Article", Num=num or "1"))
        if deleted:
            el.set("Delete", "true")
        if caption is not None:
            _fill(etree.SubElement(el, "ArticleCaption"), caption)
        _fill(etree.SubElement(el, "ArticleTitle"), title)
        self._article = el
        self._unit = el
        self._new_paragraph(1, "", sentences, None)

    def paragraph(self, num: int | None, num_text: str, sentences: Sequence[SentenceSource],
                  caption: SentenceSource | None = None) -> None:
        """A 項 line: numbered (「2」) or not (an unnumbered 附則 or 告示 paragraph, *num* ``None``)."""
        self._items = []
        if self._appendix is not None:
            self._appendix_text(sentences)
            return
        if num is None:
            num = self._next_paragraph_num()
        self._new_paragraph(num, num_text, sentences, caption)
        if self._article is None:
            self._unit = self._paragraph

    def continuation(self, sentences: Sequence[SentenceSource]) -> None:
        """An unnumbered text line outside any 項 markup: it continues the open 号/細目 or 項 (a definition
        printed under its term, a formula under 「次の式」), follows the table or figure it comes after as that
        table's remark, or — with nothing open — starts an unnumbered 項 (the body of a 告示)."""
        if self._appendix is not None and not self._items:
            self._appendix_text(sentences)
            return
        holder = self._items[-1] if self._items else self._paragraph
        if holder is None:
            self.paragraph(None, "", sentences)
            return
        last = holder[-1]
        if last.tag in ("TableStruct", "FigStruct"):
            remarks = etree.SubElement(last, "Remarks")
            etree.SubElement(remarks, "RemarksLabel")
            _sentences(remarks, sentences)
            return
        if holder.tag == "Paragraph":
            target = holder.find("ParagraphSentence")
        else:
            target = holder.find(f"{holder.tag}Sentence")
        _append_sentences(target if target is not None else holder, sentences)

    def _next_paragraph_num(self) -> int:
        parent = self._article if self._article is not None else self._scope
        return sum(1 for c in parent if c.tag == "Paragraph") + 1

    def _new_paragraph(self, num: int, num_text: str, sentences: Sequence[SentenceSource],
                       caption: SentenceSource | None) -> None:
        if self._article is not None:
            parent = self._article
        else:
            parent = self._scope
            if self._containers or any(c.tag == "Article" for c in parent):
                # a paragraph after articles or inside a 章 has no place of its own: it continues the last 条
                holder = self._containers[-1][1] if self._containers else parent
                last = [c for c in holder if c.tag == "Article"]
                if last:
                    parent = last[-1]
                    self._article = parent
        el = self._created(etree.SubElement(parent, "Paragraph", Num=str(max(1, num))))
        if caption is not None:
            _fill(etree.SubElement(el, "ParagraphCaption"), caption)
        etree.SubElement(el, "ParagraphNum").text = num_text or None
        _sentences(etree.SubElement(el, "ParagraphSentence"), sentences)
        self._paragraph = el
        self._items = []

    def item(self, level: int, num: str, label: SentenceSource, sentences: Sequence[SentenceSource]) -> None:
        """A 号 (*level* 0) or 細目 line (1 = ア, 2 = (ア), 3 = a …): 「(1)」「一」「ア」 as *label*."""
        if self._appendix is not None and self._appendix.tag in ("AppdxStyle", "SupplProvisionAppdxStyle"):
            self._appendix_text([label, *sentences])
            return
        level = max(0, min(level, len(self._items), 10))
        if level == 0:
            parent = self._paragraph if self._appendix is None else self._appendix
            if parent is None:
                self.paragraph(None, "", [""])
                parent = self._paragraph
            assert parent is not None
            tag, title = "Item", "ItemTitle"
        else:
            parent = self._items[level - 1]
            tag, title = f"Subitem{level}", f"Subitem{level}Title"
        del self._items[level:]
        el = self._created(etree.SubElement(parent, tag, Num=num or str(_count(parent, tag) + 1)))
        _fill(etree.SubElement(el, title), label)
        _sentences(etree.SubElement(el, f"{tag}Sentence"), sentences)
        self._items.append(el)
        if self._article is None and self._paragraph is None:
            self._unit = el

    # -- 附則 -----------------------------------------------------------------------------------------------
    def suppl(self, label: str, amend_law_num: str | None, extract: bool) -> None:
        """An 附則 heading: the 原始附則 (no *amend_law_num*) or an 改正附則 (「平成11年6月24日条例第23号」)."""
        self._appendix = None
        self._close_article()
        self._containers = []
        el = self._created(etree.Element("SupplProvision"))
        if amend_law_num:
            el.set("AmendLawNum", amend_law_num)
        if extract:
            el.set("Extract", "true")
        etree.SubElement(el, "SupplProvisionLabel").text = label
        self._body_parts.append(el)
        self._scope = el
        self._suppl = el
        self._unit = el

    # -- 別表・様式・図 --------------------------------------------------------------------------------------
    def appendix(self, kind: str, title: SentenceSource, related: str | None = None) -> None:
        """A 別表 (*kind* ``"table"``), 様式 (``"style"``) or 別図 (``"figure"``) heading; inside an 附則 that
        has not ended it is that 附則's own appendix (附則別表/附則様式)."""
        self._close_article()
        title_text = title if isinstance(title, str) else plain_text(title)
        in_suppl = (self._suppl is not None and self._scope is self._suppl and kind in _APPENDIX_SUPPL
                    and title_text.lstrip().startswith(("附則", "付則")))
        tag = _APPENDIX_SUPPL[kind] if in_suppl else _APPENDIX_BODY[kind]
        el = self._created(etree.Element(tag))
        number = appendix_number(title_text)
        if number is not None:
            el.set("Num", str(number))
        _fill(etree.SubElement(el, f"{tag}Title"), title)
        if related:
            etree.SubElement(el, "RelatedArticleNum").text = related
        if in_suppl:
            assert self._suppl is not None
            self._suppl.append(el)
        else:
            self._body_parts.append(el)
            self._scope = self._main
            self._suppl = None
            self._containers = []
        self._appendix = el
        self._unit = el

    def appendix_has_figure(self) -> bool:
        """Whether the open 様式 already has its picture (the form file), so a thumbnail adds nothing."""
        holder = self._appendix
        return holder is not None and holder.find(".//Fig") is not None

    def _leave_appendix(self) -> None:
        if self._appendix is not None:
            self._appendix = None

    def table(self, struct: _E) -> None:
        """A ``TableStruct`` (from :func:`lawcode.io.reiki.tables.convert_table`) in the current context."""
        holder = self._block()
        if holder.tag in ("AppdxStyle", "SupplProvisionAppdxStyle"):
            _style(holder).append(struct[-1])
        elif holder.tag == "AppdxFig":
            holder.append(struct)
        else:
            holder.append(struct)

    def figure(self, src: str) -> None:
        """A figure or a 様式's picture (an external file: kept as ``Fig/@src``)."""
        holder = self._block()
        fig = etree.Element("Fig", src=src)
        if holder.tag in ("AppdxStyle", "SupplProvisionAppdxStyle"):
            _style(holder).append(fig)
        elif holder.tag in ("AppdxTable", "SupplProvisionAppdxTable"):
            # a picture under a 別表: the schema admits it in a table cell
            struct = etree.SubElement(holder, "TableStruct")
            cell = etree.SubElement(etree.SubElement(etree.SubElement(struct, "Table"), "TableRow"), "TableColumn")
            etree.SubElement(cell, "FigStruct").append(fig)
        else:
            etree.SubElement(holder, "FigStruct").append(fig)

    def _block(self) -> _E:
        if self._appendix is not None and not self._items:
            return self._appendix
        if self._items:
            return self._items[-1]
        if self._paragraph is not None:
            return self._paragraph
        self.paragraph(None, "", [""])
        assert self._paragraph is not None
        return self._paragraph

    def _appendix_text(self, sentences: Sequence[SentenceSource]) -> None:
        holder = self._appendix
        assert holder is not None
        if holder.tag in ("AppdxStyle", "SupplProvisionAppdxStyle"):
            style = _style(holder)
            for s in sentences:
                _fill(etree.SubElement(style, "Sentence"), s)
            return
        if holder.tag == "SupplProvisionAppdxTable":
            # only tables are allowed here: text after a table is that table's remark, text before any
            # table a one-cell table of its own
            structs = holder.findall("TableStruct")
            if structs:
                remarks = etree.SubElement(structs[-1], "Remarks")
                etree.SubElement(remarks, "RemarksLabel")
                _sentences(remarks, sentences)
            else:
                struct = etree.SubElement(holder, "TableStruct")
                row = etree.SubElement(etree.SubElement(struct, "Table"), "TableRow")
                _sentences(etree.SubElement(row, "TableColumn"), sentences)
            return
        # text under a 別表 (a note, a 備考 line): an unnumbered item keeps it in order with the tables
        el = self._created(etree.SubElement(holder, "Item", Num=str(_count(holder, "Item") + 1)))
        _sentences(etree.SubElement(el, "ItemSentence"), sentences)
        self._items = []

    # -- notes ---------------------------------------------------------------------------------------------
    def note(self, text: str) -> None:
        """An editorial note (改正沿革注記, 施行注記): metadata of the provision it follows, never law text."""
        unit = self._unit if self._unit is not None else self._scope
        self._notes.setdefault(unit, []).append(text)

    # -- result -------------------------------------------------------------------------------------------
    def build(self, *, law_num: str, era: Era, year: int, number: int, promulgated: date | None,
              law_type: str = "Misc") -> BuiltLaw:
        """The finished document. The caller gives the 番号 (*law_num* as written, e.g. 「平成10年条例第16号」)."""
        root = etree.Element("Law", Era=_ERA_ATTR[era], Year=str(year), Num=str(max(1, number)),
                             LawType=law_type, Lang="ja")
        if promulgated is not None:
            root.set("PromulgateMonth", str(promulgated.month))
            root.set("PromulgateDay", str(promulgated.day))
        etree.SubElement(root, "LawNum").text = law_num
        body = etree.SubElement(root, "LawBody")
        if self._title_el is None:
            self.set_title(law_num)
        assert self._title_el is not None
        body.append(self._title_el)
        body.extend(self._enact)
        if self._toc is not None:
            _finish_toc(self._toc)
            body.append(self._toc)
        body.extend(self._body_parts)
        _complete(body)
        paths = _paths(body)
        notes = {paths[e]: texts for e, texts in self._notes.items() if e in paths}
        lines = {line: [paths[e] for e in els if e in paths] for line, els in self._lines.items()}
        return BuiltLaw(root.getroottree(), notes, lines, promulgated)


# ----------------------------------------------------------------------------------------------------------
_APPENDIX_NUMBER = re.compile(r"^(?:附則)?(?:別表|別記様式|様式|別図|別記)第([0-9０-９一二三四五六七八九十百]+)(?:号)?$")


def appendix_number(title: str) -> int | None:
    """``Num`` of an appendix from its printed title (「別表第2」 → 2); ``None`` when unnumbered or 枝番
    (「様式第1号の2」: the schema's ``Num`` is a plain integer, the title keeps the number)."""
    m = _APPENDIX_NUMBER.match(title.strip().split("\u3000")[0].split(" ")[0])
    return read_int(m.group(1)) if m else None


def _count(parent: _E, tag: str) -> int:
    return sum(1 for c in parent if c.tag == tag)


def _style(holder: _E) -> _E:
    struct = holder.find("StyleStruct")
    if struct is None:
        struct = etree.SubElement(holder, "StyleStruct")
        etree.SubElement(struct, "Style")
    style = struct.find("Style")
    assert style is not None
    return style


def _fill(target: _E, node: SentenceSource) -> None:
    if isinstance(node, str):
        append_text(target, node)
    else:
        append_inline(target, node)


def _sentences(holder: _E, sentences: Sequence[SentenceSource]) -> None:
    """``Sentence`` elements for *sentences*: 本文/ただし書 get ``Function`` main/proviso when a ただし書 is
    there; 前段/後段 (several sentences, no ただし書) are numbered only, as e-Gov does."""
    texts = [s if isinstance(s, str) else plain_text(s) for s in sentences] or [""]
    sources: Sequence[SentenceSource] = sentences or [""]
    has_proviso = len(texts) > 1 and any(t.lstrip().startswith(_PROVISO) for t in texts[1:])
    for k, (src, text) in enumerate(zip(sources, texts, strict=True), 1):
        el = etree.SubElement(holder, "Sentence")
        if len(texts) > 1:
            el.set("Num", str(k))
        if has_proviso:
            el.set("Function", "proviso" if k > 1 and text.lstrip().startswith(_PROVISO) else "main")
        _fill(el, src)


def _append_sentences(holder: _E, sentences: Sequence[SentenceSource]) -> None:
    """Add *sentences* after the ``Sentence`` elements of *holder*, numbering them all."""
    for src in sentences or [""]:
        _fill(etree.SubElement(holder, "Sentence"), src)
    numbered = [c for c in holder if c.tag == "Sentence"]
    if len(numbered) > 1:
        for k, el in enumerate(numbered, 1):
            el.set("Num", str(k))


def _empty_paragraph(parent: _E, num: int = 1) -> None:
    p = etree.SubElement(parent, "Paragraph", Num=str(num))
    etree.SubElement(p, "ParagraphNum")
    etree.SubElement(etree.SubElement(p, "ParagraphSentence"), "Sentence")


def _complete(body: _E) -> None:
    """Fill what the schema requires and a page may lack: a 条 or 附則 without any text line gets an empty
    項, an empty 本則 one empty 項 (a page of 附則 only), an empty 章 one empty 条."""
    for el in body.iter("Article"):
        if el.find("Paragraph") is None:
            _empty_paragraph(el)
    for tag in ("Chapter", "Section", "Subsection", "Division"):
        for el in body.iter(tag):
            if not any(c.tag in ("Article", "Section", "Subsection", "Division") for c in el):
                art = etree.SubElement(el, "Article", Num="1", Hide="true")
                etree.SubElement(art, "ArticleTitle")
                _empty_paragraph(art)
    for el in body:
        if el.tag in ("MainProvision", "SupplProvision"):
            if not any(c.tag in ("Part", "Chapter", "Section", "Article", "Paragraph") for c in el):
                label = el.find("SupplProvisionLabel")
                _empty_paragraph(el) if label is None else label.addnext(_paragraph_el())
            if el.tag == "MainProvision":
                _uniform_main(el)


def _paragraph_el() -> _E:
    holder = etree.Element("holder")
    _empty_paragraph(holder)
    return holder[0]


def _uniform_main(main: _E) -> None:
    """``MainProvision`` holds one kind of child (all 章, all 条 or all 項). A page may mix them — text lines
    before the first 条 (a 告示's preamble), 条 before the first 章 — so the stray ones are wrapped in a hidden
    element (``Hide="true"``, ``Num="0"``) of the kind that holds: a hidden 条 for loose 項, a hidden 章 for
    loose 条. Nothing is dropped and the printed order is kept."""
    kinds = {c.tag for c in main}
    if len(kinds) <= 1:
        return
    if "Paragraph" in kinds and "Article" in kinds and kinds <= {"Paragraph", "Article"}:
        pending: list[_E] = []
        for child in list(main):
            if child.tag == "Paragraph":
                pending.append(child)
            elif pending:
                hidden = etree.Element("Article", Num="0", Hide="true")
                etree.SubElement(hidden, "ArticleTitle")
                for p in pending:
                    hidden.append(p)
                child.addprevious(hidden)
                pending = []
        return
    # 条 before or after 章: wrap loose 条 in a hidden 章 so that the schema's single kind holds
    first_kind = next(c.tag for c in main if c.tag in ("Part", "Chapter", "Section"))
    group: _E | None = None
    for child in list(main):
        if child.tag in ("Article", "Paragraph"):
            if group is None:
                group = etree.Element(first_kind, Num="0", Hide="true")
                etree.SubElement(group, f"{first_kind}Title")
                child.addprevious(group)
            if child.tag == "Paragraph":
                art = etree.SubElement(group, "Article", Num="0", Hide="true")
                etree.SubElement(art, "ArticleTitle")
                art.append(child)
            else:
                group.append(child)
        else:
            group = None


def _finish_toc(toc: _E) -> None:
    if not any(c.tag.startswith("TOC") and c.tag not in ("TOCLabel",) for c in toc):
        etree.SubElement(etree.SubElement(toc, "TOCChapter", Num="1"), "ChapterTitle")
    supp = toc.find("TOCSupplProvision")
    if supp is not None:
        toc.remove(supp)
        toc.append(supp)


# -- paths (the rules of lawcode.model.index) ----------------------------------------------------------------
def _suppl_key(amend: str | None) -> str | None:
    if not amend:
        return None
    try:
        return parse_law_number(amend).key
    except LawcodeError:
        return amend.strip()


def _paths(body: _E) -> dict[_E, str]:
    out: dict[_E, str] = {}
    used: set[str] = set()
    top: dict[str, int] = {}

    def unique(path: str) -> str:
        if path in used:
            k = 2
            while f"{path}#{k}" in used:
                k += 1
            path = f"{path}#{k}"
        used.add(path)
        return path

    def walk(parent: _E, parent_path: str, scope: str) -> None:
        unnumbered: dict[str, int] = {}
        for e in parent:
            tag = e.tag
            if tag not in _PROVISION_TAGS:
                continue
            num = e.get("Num")
            if num:
                seg = f"{tag}_{num}"
            else:
                unnumbered[tag] = unnumbered.get(tag, 0) + 1
                seg = f"{tag}[{unnumbered[tag]}]"
            path = unique(f"{scope}-{seg}" if tag == "Article" else f"{parent_path}-{seg}")
            out[e] = path
            walk(e, path, scope)

    for e in body:
        tag = e.tag
        if tag not in _PROVISION_TAGS:
            continue
        top[tag] = top.get(tag, 0) + 1
        if tag == "SupplProvision":
            key = _suppl_key(e.get("AmendLawNum"))
            path = f"SupplProvision[{key}]" if key else "SupplProvision"
        elif tag == "MainProvision":
            path = tag if top[tag] == 1 else f"{tag}[{top[tag]}]"
        else:
            num = e.get("Num")
            path = f"{tag}_{num}" if num else f"{tag}[{top[tag]}]"
        path = unique(path)
        out[e] = path
        walk(e, path, path)
    return out

