"""Provisions: the addressable units of a law (本則, 編章節款目, 条, 項, 号, 細分, 附則, 別表 …).

A :class:`Provision` is a typed view (see :mod:`lawcode.model.nodes`) that also knows where it sits: its
parent provision, its e-Gov ``elm`` path, its parsed number and — computed on first use and cached — its
Japanese label, plain text and content fingerprint. Provisions are created once per law by the structural
walk in :mod:`lawcode.model.index`; an element of a provision type met anywhere else (inside a quoted
amendment ``NewProvision`` or a table cell) is a *detached* provision whose path and label are ``None``.

``text()`` is the coordinate system for everything built on top (reference spans, diffs): it lays the
provision out the way e-Gov prints it — caption on its own line, then ``第三条　…``, ``２　…``, ``一　…``,
``イ　…`` — one line per 項, 号 and 細分.
"""

from __future__ import annotations

import bisect
import hashlib
from typing import TYPE_CHECKING, Iterator, TypeAlias

from lxml import etree

from lawcode.model.nodes import JA_NAMES, NODE_TYPES, Node, StructNode, _deprecated, wrap
from lawcode.model.num import ProvisionNumber
from lawcode.model.layout import Segment, layout
from lawcode.model.tags import (
    APPENDIX_TAGS,
    CONTAINER_TAGS,
    PROVISION_TAGS,
    SENTENCE_OF,
    SUBITEM_TAGS,
    TITLE_OF,
)
from lawcode.model.render import inline_text, provision_lines, sentences_text
from lawcode.errors import LawcodeError
from lawcode.text.lawnum import LawNumber, parse_law_number
from lawcode.text.normalize import normalize_for_match

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = [
    "Provision",
    "CONTAINER_TAGS",
    "SUBITEM_TAGS",
    "APPENDIX_TAGS",
    "PROVISION_TAGS",
    "PROVISION_TYPES",
]

_E: TypeAlias = etree._Element


class Provision(StructNode):
    """An addressable unit of a law.

    Set once by the structural walk and read-only afterwards: :attr:`parent` (the enclosing provision or
    ``None``), :attr:`path` (e-Gov ``elm`` syntax, e.g. ``MainProvision-Article_3_2-Paragraph_2``),
    :attr:`number` (the parsed ``Num`` attribute) and :attr:`index` (position in :meth:`Law.provisions`
    order). A law is an immutable value; new versions are made with :meth:`Law.draft`.
    """

    __slots__ = ("_parent", "_path", "_num", "_index", "_kids", "_label", "_text", "_fp")

    def __init__(
        self,
        element: _E,
        parent: "Provision | None" = None,
        path: str | None = None,
        num: ProvisionNumber | None = None,
        law: "Law | None" = None,
    ) -> None:
        self._e = element
        self._parent = parent
        self._path = path
        self._num = num
        self._index = -1
        self._law = law
        self._kids: list[Provision] = []
        self._label: str | None = None
        self._text: str | None = None
        self._fp: str | None = None

    @property
    def parent(self) -> "Provision | None":
        """The enclosing provision (``None`` at the top: 本則, 附則, 目次, 別表 …, and for detached provisions)."""
        return self._parent

    @property
    def path(self) -> str | None:
        """e-Gov ``elm`` path, e.g. ``MainProvision-Article_3_2-Paragraph_2`` (``None`` when detached)."""
        return self._path

    @property
    def number(self) -> ProvisionNumber | None:
        """The parsed ``Num`` attribute (``ProvisionNumber``: ``first`` = ``(3, 2)`` for 第三条の二, ranges, raw)."""
        return self._num

    @property
    def num(self) -> ProvisionNumber | None:
        """Deprecated alias of :attr:`number`."""
        _deprecated("Provision.num", "Provision.number")
        return self._num

    @property
    def index(self) -> int:
        """Position in :meth:`Law.provisions` (document) order; ``-1`` when detached."""
        return self._index

    @property
    def kind(self) -> str:
        """Deprecated alias of :attr:`tag` (the element name, e.g. ``"Article"``)."""
        _deprecated("Provision.kind", "Provision.tag")
        return self._e.tag

    # -- identity and place -------------------------------------------------------------------------------
    @property
    def law(self) -> "Law | None":
        """The law this provision belongs to (``None`` for a detached provision)."""
        return self._law

    @property
    def label(self) -> str | None:
        """Japanese citation of the provision, e.g. ``第三条の二第二項第一号``, ``附則第二条``, ``別表第一``."""
        if self._label is None and self._path is not None:
            self._label = make_label(self)
        return self._label

    @property
    def subprovisions(self) -> tuple["Provision", ...]:
        """Provisions directly inside this one (chapters, articles, 項, 号 …), in document order."""
        return tuple(self._kids)

    @property
    def children(self) -> tuple[Node, ...]:
        law = self._law
        if law is None:
            return tuple(wrap(c) for c in self._e if isinstance(c.tag, str))
        return tuple(wrap(c, law) for c in self._e if isinstance(c.tag, str))

    def ancestors(self) -> Iterator["Provision"]:
        """Enclosing provisions, nearest first."""
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def descendants(self) -> Iterator["Provision"]:
        """All provisions inside this one, in document order."""
        for kid in self._kids:
            yield kid
            yield from kid.descendants()

    @property
    def hidden(self) -> bool:
        """``Hide="true"`` (the schema's flag for provisions not shown)."""
        return _flag(self._e.get("Hide"))

    @property
    def is_range(self) -> bool:
        """True for a deleted range placeholder such as 第二十九条から第三十一条まで (``Num="29:31"``)."""
        return self._num is not None and self._num.is_range

    @property
    def is_deleted(self) -> bool:
        """True when the provision's whole content is the placeholder 「削除」 (an article: its only 項 is)."""
        if self._e.tag == "Article":
            paragraphs = [c for c in self._e if c.tag == "Paragraph"]
            if len(paragraphs) != 1:
                return False
            sentence = paragraphs[0].find("ParagraphSentence")
            return sentence is not None and sentences_text(sentence).strip(" \u3000") == "削除"
        return self.own_text().strip(" \u3000") == "削除"

    # -- text ---------------------------------------------------------------------------------------------
    @property
    def heading(self) -> str:
        """The provision's own printed heading: 「第三条の二」, 「２」, 「一」, 「イ」, 「第一章　総則」, 「別表第一」.

        (The 見出し in parentheses is :attr:`caption`; a law's 題名 is :attr:`Law.title`.)
        """
        tag = TITLE_OF.get(self._e.tag)
        if tag is None:
            return ""
        for c in self._e:
            if c.tag == tag:
                return inline_text(c)
        return ""

    @property
    def title(self) -> str:
        """Deprecated alias of :attr:`heading` (``title`` is reserved for a law's 題名, :attr:`Law.title`)."""
        _deprecated("Provision.title", "Provision.heading")
        return self.heading

    @property
    def caption(self) -> str | None:
        """見出し: ``ArticleCaption`` / ``ParagraphCaption`` text such as 「（目的）」, or ``None``."""
        for c in self._e:
            if c.tag in ("ArticleCaption", "ParagraphCaption"):
                return inline_text(c)
        return None

    def own_text(self, ruby: bool = False) -> str:
        """Only this provision's own sentences (柱書 of a 項 or 号), without number, caption or children."""
        tag = SENTENCE_OF.get(self._e.tag)
        if tag is None:
            return ""
        for c in self._e:
            if c.tag == tag:
                return sentences_text(c, ruby)
        return ""

    def text(self, ruby: bool = False) -> str:
        """Full plain text laid out as e-Gov prints it (one line per 項/号/細分; see the module docstring).

        Ruby readings are dropped unless ``ruby=True``. The result without ruby is cached.
        """
        if not ruby and self._text is not None:
            return self._text
        out = layout(self._e, ruby)[0]
        if not ruby:
            self._text = out
        return out

    def cache_texts(self) -> str:
        """:meth:`text` of this provision, laid out once together with the text of every sub-provision in it.

        A walk that needs the text of each provision of a subtree (the reference scanner reads every 項, 号
        and 細分) would otherwise lay out each character once per nesting level: a 項's text contains its 号's,
        which contain their 細分's. A sub-provision printed with its own number fills a run of whole lines of
        its parent's layout, exactly its own layout (:func:`~lawcode.model.render.provision_lines` with
        ``marks``), so this method caches each such sub-provision's :meth:`text` as a slice of this one's
        (where not cached yet; the values are the ones :meth:`text` computes). Returns this provision's text.
        """
        if self._text is not None:
            return self._text
        marks: dict[_E, tuple[int, int]] = {}
        lines = provision_lines(self._e, False, True, marks)
        texts = ["".join([t for t, _ in line]) for line in lines]
        out = "\n".join(texts)
        self._text = out
        if marks:
            starts = [0]
            for t in texts:
                starts.append(starts[-1] + len(t) + 1)
            for d in self.descendants():
                if d._text is None:
                    span = marks.get(d._e)
                    if span is not None:
                        a, b = span
                        d._text = out[starts[a]:starts[b] - 1] if b > a else ""
        return out

    def content_text(self, ruby: bool = False) -> str:
        """Like :meth:`text` but without the provision's own number, so it survives renumbering (条ずれ)."""
        return layout(self._e, ruby, with_number=False)[0]

    def segments(self, ruby: bool = False) -> tuple[Segment, ...]:
        """Where each piece of :meth:`text` comes from: one ``Segment(start, end, element)`` per run of
        characters rendered from one text element (``Sentence``, title, caption, label, table header cell,
        ``Fig``), in text order. A segment never crosses a line break; line breaks and the U+3000 separators of
        the layout have no segment."""
        return tuple(layout(self._e, ruby, track=True)[1])

    def locate(self, offset: int, ruby: bool = False) -> Segment | None:
        """The segment containing character *offset* of :meth:`text` (``None`` for separators)."""
        segments = self.segments(ruby)
        i = bisect.bisect_right([seg.start for seg in segments], offset) - 1
        return segments[i] if i >= 0 and offset < segments[i].end else None

    @property
    def fingerprint(self) -> str:
        """Cheap content hash (16 hex digits) of the normalised :meth:`content_text`.

        Equal for provisions whose wording is equal up to width, glyph variants and spacing, whatever their
        number — the basis of provision lineage across versions.
        """
        if self._fp is None:
            norm = normalize_for_match(self.content_text())
            self._fp = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()
        return self._fp

    def __repr__(self) -> str:
        where = self.path if self.path is not None else "detached"
        return f"<{type(self).__name__} {where}>"


def _flag(value: str | None) -> bool:
    return value is not None and value.strip().lower() == "true"


class Article(Provision):
    """``<Article>`` (条)."""

    __slots__ = ()
    tag = "Article"
    ja = "条"

    @property
    def paragraphs(self) -> tuple[Provision, ...]:
        """The article's 項 (a one-paragraph article still has exactly one)."""
        return tuple(k for k in self._kids if k._e.tag == "Paragraph")


class Paragraph(Provision):
    """``<Paragraph>`` (項). ``old_style``/``old_num`` are the schema flags for old layouts (``OldNum="true"``:
    laws that print no 項番号)."""

    __slots__ = ()
    tag = "Paragraph"
    ja = "項"

    @property
    def old_style(self) -> bool:
        return _flag(self._e.get("OldStyle"))

    @property
    def old_num(self) -> bool:
        return _flag(self._e.get("OldNum"))

    @property
    def items(self) -> tuple[Provision, ...]:
        """The paragraph's 号 (各号)."""
        return tuple(k for k in self._kids if k._e.tag == "Item")


class SupplProvision(Provision):
    """``<SupplProvision>`` (附則): the 原始附則 when it has no ``AmendLawNum``, else an 改正附則 that belongs to
    the amending law."""

    __slots__ = ()
    tag = "SupplProvision"
    ja = "附則"

    @property
    def amend_law_num(self) -> str | None:
        """``AmendLawNum`` as written (e.g. 「令和三年五月一九日法律第三七号」), ``None`` for the 原始附則."""
        return self._e.get("AmendLawNum")

    @property
    def amend_law_number(self) -> LawNumber | None:
        """The amending law's number, parsed (``None`` for the 原始附則 or an unreadable value)."""
        raw = self.amend_law_num
        if not raw:
            return None
        try:
            return parse_law_number(raw)
        except LawcodeError:
            return None

    @property
    def is_original(self) -> bool:
        """True for the 原始附則 (the law's own supplementary provisions)."""
        return not self.amend_law_num

    @property
    def extract(self) -> bool:
        """``Extract="true"``: only part of this 附則 is recorded (e-Gov prints 「抄」)."""
        return _flag(self._e.get("Extract"))


#: Element name -> provision class, for every provision element (also registered in NODE_TYPES).
PROVISION_TYPES: dict[str, type[Provision]] = {
    "Article": Article,
    "Paragraph": Paragraph,
    "SupplProvision": SupplProvision,
}
for _name in PROVISION_TAGS:
    _cls: type[Provision] | None = PROVISION_TYPES.get(_name)
    if _cls is None:
        _doc = f"``<{_name}>``" + (f" ({JA_NAMES[_name]})" if _name in JA_NAMES else "") + ": an addressable provision."
        _cls = type(_name, (Provision,), {"__slots__": (), "tag": _name,
                                          "ja": JA_NAMES.get(_name, ""), "__doc__": _doc})
        _cls.__module__ = __name__
        globals()[_name] = _cls
    PROVISION_TYPES[_name] = _cls
    NODE_TYPES[_name] = _cls
    __all__.append(_name)
JA_NAMES.setdefault("TOC", "目次")

# Labels are written from provisions (labels.py imports this module), so the function is bound once the classes
# exist; an import inside Provision.label cost half a microsecond on each of the hundreds of thousands of labels a
# corpus scan writes.
from lawcode.model.labels import make_label  # noqa: E402
