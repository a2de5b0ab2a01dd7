"""Typed, read-only views over the elements of 法令標準XMLスキーマ v3.

Storage design: a :class:`~lawcode.model.law.Law` keeps the lxml tree it was parsed from, untouched, and
these classes are thin views over its elements (one slot: the element). Keeping the parsed infoset as the
single source of truth is what makes write-back lossless — every attribute value (``"07"``), comment,
processing instruction, unknown element or attribute of a future schema stays exactly as read — and keeps
loading close to bare lxml speed, because nothing is copied.

Every element name of the v3 schema has a class here (134 of them, see :data:`NODE_TYPES`); an element the
schema does not know is wrapped as :class:`UnknownElement` and kept verbatim. Views are created on demand
by :func:`wrap`; two views of the same element compare equal.

Do not mutate ``node.element``: laws share trees between copies (see :meth:`Law.draft`).
"""

from __future__ import annotations

import warnings
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, Iterator, Mapping, TypeAlias

from lxml import etree

from lawcode.model.num import read_int
from lawcode.model.render import block_text, inline_text, sentences_text

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = [
    "Node",
    "InlineNode",
    "SentenceGroup",
    "StructNode",
    "UnknownElement",
    "NODE_TYPES",
    "wrap",
    "node_class",
    "Sentence",
    "Ruby",
    "Line",
    "Fig",
    "Column",
    "TableColumn",
    "Table",
    "AmendProvision",
    "define_node_types",
    "JA_NAMES",
]

_Element: TypeAlias = etree._Element


class Node:
    """A read-only view of one XML element.

    A view obtained from a :class:`~lawcode.model.law.Law` (``law.root``, ``law.body``, a provision and
    everything reached from them through :attr:`children`, :meth:`child`, :meth:`children_named` and
    :meth:`walk`) is *bound* to that law: wherever it meets an element that is a provision of the law, it
    returns the law's indexed :class:`~lawcode.model.provision.Provision` (with its path and label), not a
    detached copy.
    """

    __slots__ = ("_e", "_law")

    #: Element name in the schema (the same as ``element.tag``).
    tag: ClassVar[str] = ""
    #: Japanese name of the element's role (e.g. 条, 項, 号), empty when it has none.
    ja: ClassVar[str] = ""

    def __init__(self, element: _Element, law: "Law | None" = None) -> None:
        self._e = element
        self._law = law

    @property
    def element(self) -> _Element:
        """The underlying lxml element (shared storage: read, do not modify)."""
        return self._e

    @property
    def name(self) -> str:
        """Deprecated alias of :attr:`tag` (the element name)."""
        _deprecated("Node.name", "Node.tag")
        return self._e.tag

    @property
    def attrs(self) -> Mapping[str, str]:
        """Attributes exactly as written (strings; e.g. ``PromulgateMonth="07"`` stays ``"07"``)."""
        return MappingProxyType(dict(self._e.attrib))

    def get(self, attribute: str, default: str | None = None) -> str | None:
        """One attribute value as written, or *default*."""
        return self._e.get(attribute, default)

    @property
    def sourceline(self) -> int | None:
        """Line of the element's start tag in the source document."""
        return self._e.sourceline

    @property
    def children(self) -> tuple["Node", ...]:
        """Element children as typed views, in document order (comments and PIs are not nodes)."""
        law = self._law
        return tuple(wrap(c, law) for c in self._e if isinstance(c.tag, str))

    def child(self, tag: str) -> "Node | None":
        """The first child element named *tag*, or ``None``."""
        for c in self._e:
            if c.tag == tag:
                return wrap(c, self._law)
        return None

    def children_named(self, tag: str) -> tuple["Node", ...]:
        """All child elements named *tag*."""
        law = self._law
        return tuple(wrap(c, law) for c in self._e if c.tag == tag)

    def walk(self) -> Iterator["Node"]:
        """This node and all element descendants in document order (for inspection, not provision lookup)."""
        law = self._law
        for e in self._e.iter():
            if isinstance(e.tag, str):
                yield wrap(e, law)

    def text(self, ruby: bool = False) -> str:
        """Plain text of the element (see :mod:`lawcode.model.render` for the rules)."""
        return block_text(self._e, ruby)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other._e is self._e

    def __hash__(self) -> int:
        return hash(self._e)

    def __repr__(self) -> str:
        num = self._e.get("Num")
        return f"<{type(self).__name__}{f' Num={num!r}' if num is not None else ''}>"


class InlineNode(Node):
    """Mixed content: text with inline elements (Ruby, Line, Sup, Sub, QuoteStruct, ArithFormula)."""

    __slots__ = ()

    def text(self, ruby: bool = False) -> str:
        return inline_text(self._e, ruby)


class SentenceGroup(Node):
    """A group of ``Sentence`` / ``Column`` elements (柱書 of a 項, 号 or 細分)."""

    __slots__ = ()

    def text(self, ruby: bool = False) -> str:
        return sentences_text(self._e, ruby)

    @property
    def sentences(self) -> tuple["Node", ...]:
        """The ``Sentence`` children (for ``Column`` layouts, use :attr:`columns`)."""
        return self.children_named("Sentence")

    @property
    def columns(self) -> tuple["Node", ...]:
        return self.children_named("Column")


class StructNode(Node):
    """An element-only structural element."""

    __slots__ = ()


class UnknownElement(Node):
    """An element the v3 schema does not define (kept verbatim and written back unchanged)."""

    __slots__ = ()

    @property
    def tag(self) -> str:  # type: ignore[override]  # the class cannot know the name: read it from the element
        return self._e.tag


class Sentence(InlineNode):
    """文: one sentence; ``Function`` is ``main`` (本文) or ``proviso`` (ただし書) when the 項 has a proviso."""

    __slots__ = ()
    tag = "Sentence"
    ja = "文"

    @property
    def number(self) -> int | None:
        """The ``Num`` attribute read as an integer (sentences of a group are numbered 1, 2 …)."""
        return read_int(self._e.get("Num"))

    @property
    def num(self) -> int | None:
        """Deprecated alias of :attr:`number`."""
        _deprecated("Sentence.num", "Sentence.number")
        return self.number

    @property
    def function(self) -> str | None:
        return self._e.get("Function")


class Ruby(InlineNode):
    """``<Ruby>`` (ルビ): base text with one or more ``Rt`` readings, e.g. 瑕（か）."""

    __slots__ = ()
    tag = "Ruby"
    ja = "ルビ"

    @property
    def base(self) -> str:
        """The text the reading is attached to (ruby readings removed)."""
        return inline_text(self._e, ruby=False)

    @property
    def reading(self) -> str:
        """The concatenated ``Rt`` readings."""
        return "".join(inline_text(rt) for rt in self._e if rt.tag == "Rt")


class Line(InlineNode):
    """``<Line>`` (傍線): text drawn with a line; ``style`` is solid (default), dotted, double or none."""

    __slots__ = ()
    tag = "Line"
    ja = "傍線"

    @property
    def style(self) -> str:
        return self._e.get("Style", "solid")


class Fig(Node):
    """``<Fig src="…">`` (図): a reference to an image or PDF attachment, fetched separately from e-Gov."""

    __slots__ = ()
    tag = "Fig"
    ja = "図"

    @property
    def src(self) -> str | None:
        return self._e.get("src")


class Column(Node):
    """``<Column>`` (欄): one column of a 号 printed in columns, e.g. the term and its definition in 定義規定."""

    __slots__ = ()
    tag = "Column"
    ja = "欄"

    def text(self, ruby: bool = False) -> str:
        return "".join(inline_text(s, ruby) for s in self._e if s.tag == "Sentence")

    @property
    def number(self) -> int | None:
        """The ``Num`` attribute read as an integer."""
        return read_int(self._e.get("Num"))

    @property
    def num(self) -> int | None:
        """Deprecated alias of :attr:`number`."""
        _deprecated("Column.num", "Column.number")
        return self.number

    @property
    def line_break(self) -> bool:
        return (self._e.get("LineBreak") or "").lower() == "true"

    @property
    def align(self) -> str | None:
        return self._e.get("Align")


class TableColumn(Node):
    """``<TableColumn>``: a table cell, with its span and border attributes read as values."""

    __slots__ = ()
    tag = "TableColumn"
    ja = "表の欄"

    @property
    def rowspan(self) -> int:
        return read_int(self._e.get("rowspan"), 1) or 1

    @property
    def colspan(self) -> int:
        return read_int(self._e.get("colspan"), 1) or 1

    @property
    def borders(self) -> dict[str, str]:
        """Border styles (``solid`` unless stated) for ``top``, ``bottom``, ``left`` and ``right``."""
        return {side.lower(): self._e.get(f"Border{side}", "solid") for side in ("Top", "Bottom", "Left", "Right")}


class Table(Node):
    """``<Table>``: header rows and rows of cells."""

    __slots__ = ()
    tag = "Table"
    ja = "表"

    @property
    def rows(self) -> tuple[tuple[Node, ...], ...]:
        """Every row (``TableHeaderRow`` first, then ``TableRow``) as a tuple of cell views."""
        return tuple(
            tuple(wrap(c) for c in row if isinstance(c.tag, str))
            for row in self._e
            if row.tag in ("TableHeaderRow", "TableRow")
        )


class AmendProvision(Node):
    """``<AmendProvision>`` (改正規定): one amending sentence and the new text it inserts (``NewProvision``)."""

    __slots__ = ()
    tag = "AmendProvision"
    ja = "改正規定"

    @property
    def sentence(self) -> str:
        """The amending instruction, e.g. 「第十条中「A」を「B」に改める。」."""
        for c in self._e:
            if c.tag == "AmendProvisionSentence":
                return block_text(c)
        return ""

    @property
    def new_provisions(self) -> tuple[Node, ...]:
        """The ``NewProvision`` blocks (quoted text of the amended law, not provisions of this law)."""
        return self.children_named("NewProvision")


#: Element name -> view class, for every element of the v3 schema.
NODE_TYPES: dict[str, type[Node]] = {
    "Sentence": Sentence,
    "Ruby": Ruby,
    "Line": Line,
    "Fig": Fig,
    "Column": Column,
    "TableColumn": TableColumn,
    "Table": Table,
    "AmendProvision": AmendProvision,
}

_INLINE = (
    "LawNum LawTitle EnactStatement TOCLabel TOCPreambleLabel TOCAppdxTableLabel ArticleRange PartTitle "
    "ChapterTitle SectionTitle SubsectionTitle DivisionTitle ArticleTitle ArticleCaption ParagraphCaption "
    "ParagraphNum SupplNote ClassTitle ItemTitle SupplProvisionLabel SupplProvisionAppdxTableTitle "
    "SupplProvisionAppdxStyleTitle AppdxTableTitle AppdxNoteTitle AppdxStyleTitle AppdxFormatTitle "
    "ArithFormulaNum AppdxFigTitle TableStructTitle FigStructTitle NoteStructTitle StyleStructTitle "
    "FormatStructTitle RelatedArticleNum RemarksLabel Ruby Rt Line Sup Sub "
    + " ".join(f"Subitem{i}Title" for i in range(1, 11))
)
_GROUPS = (
    "ParagraphSentence ItemSentence ClassSentence AmendProvisionSentence ListSentence Sublist1Sentence "
    "Sublist2Sentence Sublist3Sentence " + " ".join(f"Subitem{i}Sentence" for i in range(1, 11))
)
_STRUCT = (
    "Law LawBody TOCPart TOCChapter TOCSection TOCSubsection TOCDivision TOCArticle TOCSupplProvision "
    "AmendProvision NewProvision Column ArithFormula TableStruct Table TableRow TableHeaderRow "
    "TableHeaderColumn TableColumn FigStruct Fig NoteStruct Note StyleStruct Style FormatStruct Format Remarks "
    "List Sublist1 Sublist2 Sublist3 QuoteStruct"
)
# Provision elements (TOC, Preamble, MainProvision, Part … Division, Article, Paragraph, Item, Subitem1–10,
# Class, SupplProvision and the appendices) get their classes in lawcode.model.provision.
#: Japanese name of each element's role (条, 項, 号, 附則, 別表 …), used for class docs and displays.
JA_NAMES: dict[str, str] = {
    "Law": "法令", "LawNum": "法令番号", "LawTitle": "題名", "EnactStatement": "制定文", "TOC": "目次",
    "Preamble": "前文", "MainProvision": "本則", "Part": "編", "Chapter": "章", "Section": "節",
    "Subsection": "款", "Division": "目", "Article": "条", "ArticleCaption": "見出し", "ArticleTitle": "条名",
    "Paragraph": "項", "ParagraphCaption": "項見出し", "ParagraphNum": "項番号", "Item": "号", "Class": "類",
    "SupplNote": "付記", "AmendProvision": "改正規定", "NewProvision": "改正規定中の新規定",
    "SupplProvision": "附則", "AppdxTable": "別表", "AppdxNote": "別記", "AppdxStyle": "別記様式",
    "AppdxFormat": "別記書式", "AppdxFig": "別図", "Appdx": "付録", "TableStruct": "表", "FigStruct": "図",
    "StyleStruct": "様式", "FormatStruct": "書式", "NoteStruct": "記", "Remarks": "備考", "List": "列記",
    "Ruby": "ルビ", "Line": "傍線", "QuoteStruct": "引用構造", "ArithFormula": "算式", "Column": "欄",
    "RelatedArticleNum": "関係条名", "SupplProvisionAppdxTable": "附則別表",
    "SupplProvisionAppdxStyle": "附則様式", "SupplProvisionAppdx": "附則付録",
}
for i in range(1, 11):
    JA_NAMES[f"Subitem{i}"] = "号の細分"


def define_node_types(names: str, base: type[Node], module: str = __name__) -> list[type[Node]]:
    """Create one view class per element name (with *base* as base class) and register it."""
    made = []
    for name in names.split():
        if name in NODE_TYPES:
            continue
        doc = f"``<{name}>``" + (f" ({JA_NAMES[name]})" if name in JA_NAMES else "") + f": {(base.__doc__ or '').splitlines()[0]}"
        cls = type(name, (base,), {"__slots__": (), "tag": name, "ja": JA_NAMES.get(name, ""), "__doc__": doc})
        cls.__module__ = module
        NODE_TYPES[name] = cls
        made.append(cls)
    return made


for _cls in (
    define_node_types(_INLINE, InlineNode)
    + define_node_types(_GROUPS, SentenceGroup)
    + define_node_types(_STRUCT, StructNode)
):
    globals()[_cls.__name__] = _cls
    __all__.append(_cls.__name__)


def node_class(tag: str) -> type[Node]:
    """The view class for an element name (:class:`UnknownElement` for names outside the schema)."""
    return NODE_TYPES.get(tag, UnknownElement)


def wrap(element: _Element, law: "Law | None" = None) -> Node:
    """A typed view of *element*; bound to *law* when given (its provisions come back indexed)."""
    if law is not None:
        indexed = law._by_element.get(element)
        if indexed is not None:
            return indexed
    return NODE_TYPES.get(element.tag, UnknownElement)(element, law)


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated; use {new} (see 'API naming' in the concepts guide)",
                  DeprecationWarning, stacklevel=3)
