"""The :class:`Law`: one version of a statute or ordinance, as an immutable value.

A ``Law`` owns the lxml document it was parsed from and an index of its provisions (built once, by the
structural walk of :mod:`lawcode.model.index`). It is never modified in place: new versions are produced
through a :class:`LawDraft`, which is *copy-on-write* — creating a draft costs nothing, the first write makes
one deep copy of the document in C (lxml), and :meth:`LawDraft.commit` returns a new, re-indexed ``Law``. The
original law, its provisions and their cached texts stay valid and unchanged, and a draft abandoned after an
exception leaves no trace — which is what makes amendment application atomic.
"""

from __future__ import annotations

import copy
from datetime import date
from functools import cached_property
from typing import Iterator

from lxml import etree

from lawcode.errors import AddressError, LawcodeError, ParseError, wrong_type
from lawcode.model.address import Address
from lawcode.model.index import build_index
from lawcode.model.nodes import Node, wrap
from lawcode.model.num import read_int
from lawcode.model.provision import APPENDIX_TAGS, CONTAINER_TAGS, Provision
from lawcode.model.render import inline_text
from lawcode.model.resolve import resolve
from lawcode.model.revision import Revision
from lawcode.text.eras import Era
from lawcode.text.lawnum import LawNumber, parse_law_number

__all__ = ["Law", "LawDraft"]

_CONTAINERS = frozenset(CONTAINER_TAGS)
#: The declaration e-Gov files carry (lxml would write single quotes).
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


class Law:
    """One version of a law (法令) or ordinance (条例), loaded from e-Gov XML.

    Create with :func:`lawcode.load` / :func:`lawcode.loads`. Metadata comes from the ``<Law>`` attributes and
    ``LawNum``/``LawTitle``; :meth:`provisions` and :meth:`find` give the provisions; :meth:`to_xml` writes
    the document back losslessly.
    """

    __slots__ = ("_tree", "_root", "_body", "_source", "_provisions", "_by_path", "_by_element", "_top",
                 "_article_cache", "_labels", "_revision", "__dict__")

    def __init__(
        self, tree: etree._ElementTree | etree._Element, source: str = "<bytes>", *, revision: Revision | None = None
    ) -> None:
        if isinstance(tree, etree._Element):
            tree = tree.getroottree()
        if not isinstance(tree, etree._ElementTree):
            raise wrong_type(ParseError)(
                f"Law() takes an lxml document; got {type(tree).__name__} (use lawcode.load or lawcode.loads)",
                source=source,
            )
        root = tree.getroot()
        if root.tag != "Law":
            raise ParseError(
                f"root element is <{root.tag}>, expected <Law> (法令標準XMLスキーマ)",
                source=source,
                line=root.sourceline,
                column=1,
            )
        body = None
        for child in root:
            if child.tag == "LawBody":
                body = child
                break
        if body is None:
            raise ParseError("<Law> has no <LawBody>", source=source, line=root.sourceline, column=1)
        self._tree = tree
        self._root = root
        self._body = body
        self._source = source
        self._revision = revision
        provisions, by_path = build_index(self, body)
        self._provisions: list[Provision] = provisions
        self._by_path: dict[str, Provision] = by_path
        #: element → indexed provision, so that views walked down from ``root``/``body`` come back indexed.
        self._by_element: dict[etree._Element, Provision] = {p._e: p for p in provisions}
        self._top: list[Provision] = [p for p in provisions if p._parent is None]
        self._article_cache: dict[str, list[Provision]] = {}
        self._labels: dict[str, Provision] | None = None

    # -- metadata -----------------------------------------------------------------------------------------
    @property
    def source(self) -> str:
        """Where the law was loaded from: a file path, or ``"<bytes>"``/a caller-given name."""
        return self._source

    @property
    def revision(self) -> Revision | None:
        """What the e-Gov API response this law came from says about this version (revision ID, 施行日, amending
        law, status …); ``None`` for a law loaded from a bare ``<Law>`` file. See :mod:`lawcode.model.revision`."""
        return self._revision

    @property
    def root(self) -> Node:
        """The ``<Law>`` element as a typed view, bound to this law: walking down through ``children`` gives
        the law's indexed provisions (with paths and labels)."""
        return wrap(self._root, self)

    @property
    def body(self) -> Node:
        """The ``<LawBody>`` element as a typed view, bound to this law (see :attr:`root`)."""
        return wrap(self._body, self)

    @cached_property
    def title(self) -> str | None:
        """題名 (``LawTitle`` text), or the ``Subject`` (件名) of a law without title, or ``None``."""
        for child in self._body:
            if child.tag == "LawTitle":
                return inline_text(child)
        return self._body.get("Subject")

    @cached_property
    def law_num(self) -> str | None:
        """法令番号 exactly as written in ``LawNum`` (e.g. 「令和三年法律第三十七号」)."""
        for child in self._root:
            if child.tag == "LawNum":
                return inline_text(child)
        return None

    @cached_property
    def law_number(self) -> LawNumber | None:
        """The parsed 法令番号, or ``None`` when ``LawNum`` is missing or not a standard law number."""
        if not self.law_num:
            return None
        try:
            return parse_law_number(self.law_num)
        except LawcodeError:
            return None

    @property
    def law_type(self) -> str | None:
        """e-Gov ``LawType``: Constitution, Act, CabinetOrder, ImperialOrder, MinisterialOrdinance, Rule, Misc."""
        return self._root.get("LawType")

    @cached_property
    def era(self) -> Era | None:
        """Era of the law number (``Era`` attribute)."""
        value = self._root.get("Era")
        try:
            return Era.parse(value) if value else None
        except LawcodeError:
            return None

    @property
    def year(self) -> int | None:
        """Year of the law number in its era (``Year`` attribute, read as an integer)."""
        return read_int(self._root.get("Year"))

    @property
    def number(self) -> int | None:
        """Number of the law within its year and kind (``Num`` attribute, read as an integer)."""
        return read_int(self._root.get("Num"))

    @property
    def lang(self) -> str | None:
        return self._root.get("Lang")

    @cached_property
    def promulgated(self) -> date | None:
        """公布日 from ``Era``/``Year``/``PromulgateMonth``/``PromulgateDay`` (``"07"`` is read as 7)."""
        era, year = self.era, self.year
        month, day = read_int(self._root.get("PromulgateMonth")), read_int(self._root.get("PromulgateDay"))
        if era is None or year is None or month is None or day is None:
            return None
        try:
            return date(era.base_year + year - 1, month, day)
        except ValueError:
            return None

    @property
    def law_id(self) -> str | None:
        """e-Gov LawID when the document carries one (``LawId`` attribute of newer exports) or the API response
        it came from names it (:attr:`revision`)."""
        return self._root.get("LawId") or (self._revision.law_id if self._revision is not None else None)

    # -- provisions ---------------------------------------------------------------------------------------
    def provisions(self, tag: str | tuple[str, ...] | None = None) -> Iterator[Provision]:
        """Provisions in document order (structural walk, never descendant search).

        *tag* filters by element name — ``"Article"``, ``("Item", "Subitem1")`` — or by a family:
        ``"Subitem"`` (Subitem1 … Subitem10), ``"Appendix"`` (every appendix element: 別表, 別記, 様式 …), ``"Container"`` (編章節款目).
        An unknown name raises :class:`~lawcode.errors.LawcodeError` listing the valid ones.
        """
        if tag is None:
            return iter(self._provisions)
        tags = _provision_tags(tag)
        return (p for p in self._provisions if p._e.tag in tags)

    def articles(self) -> Iterator[Provision]:
        """All articles (条) of 本則 and 附則, in document order."""
        return self.provisions("Article")

    @property
    def main_provision(self) -> Provision | None:
        """本則."""
        return next((p for p in self._top if p._e.tag == "MainProvision"), None)

    @property
    def suppl_provisions(self) -> tuple[Provision, ...]:
        """附則 in document order: the 原始附則 (no ``AmendLawNum``) and each 改正附則."""
        return tuple(p for p in self._top if p._e.tag == "SupplProvision")

    @property
    def toc(self) -> Provision | None:
        """目次, if any."""
        return next((p for p in self._top if p._e.tag == "TOC"), None)

    @property
    def appendices(self) -> tuple[Provision, ...]:
        """別表・別記・様式・別図・付録 at the end of the law."""
        return tuple(p for p in self._top if p._e.tag.startswith("Appdx"))

    def find(self, address: str | Address) -> Provision:
        """The provision at *address*: an e-Gov path (``MainProvision-Article_3_2-Paragraph_2-Item_1``) or a
        Japanese citation (``第三条の二第二項第一号``, ``第106条の24第3項``, ``附則第二条``, ``別表第一``).

        Raises :class:`~lawcode.AddressError` naming the nearest existing provision when nothing is there.
        """
        return resolve(self, address)

    def get(self, address: str, default: Provision | None = None) -> Provision | None:
        """Like :meth:`find` but returns *default* instead of raising when the provision does not exist."""
        try:
            return resolve(self, address)
        except AddressError:
            return default

    def __getitem__(self, address: str | Address) -> Provision:
        """``law["第三条"]`` is ``law.find("第三条")`` (raises :class:`~lawcode.AddressError`, a ``KeyError``)."""
        return resolve(self, address)

    def __contains__(self, address: object) -> bool:
        return isinstance(address, str) and self.get(address) is not None

    def __iter__(self) -> Iterator[Provision]:
        return iter(self._provisions)

    def __len__(self) -> int:
        return len(self._provisions)

    def _label_index(self) -> dict[str, Provision]:
        """Label key → provision, for labels that are unique in this law (built once, on first use).

        Lets :meth:`find` take any label exactly as lawcode prints it, in any digit form, including appendix
        titles that no grammar can foresee (「別紙書式」, 「第１号書式」, 「図一」); see
        :func:`lawcode.model.labels.build_label_index`.
        """
        if self._labels is None:
            from lawcode.model.labels import build_label_index

            self._labels = build_label_index(self._provisions)
        return self._labels

    def _articles_in(self, scope: Provision) -> list[Provision]:
        """Articles of a scope (本則, 附則 or container) through nested 編章節款目, cached per scope."""
        cached = self._article_cache.get(scope.path or "")
        if cached is None:
            cached = []
            stack = [iter(scope._kids)]
            while stack:
                for k in stack[-1]:
                    tag = k._e.tag
                    if tag == "Article":
                        cached.append(k)
                    elif tag in _CONTAINERS:
                        stack.append(iter(k._kids))
                        break
                else:
                    stack.pop()
            self._article_cache[scope.path or ""] = cached
        return cached

    # -- output and derivation ----------------------------------------------------------------------------
    def to_xml(self) -> bytes:
        """The document as UTF-8 XML bytes with an XML declaration.

        Lossless: canonically equal (see :func:`lawcode.io.canonical_xml`) to the input it was loaded from —
        text, attribute values, element order, ruby, line styles, comments and processing instructions.
        """
        return _DECLARATION + etree.tostring(self._tree, encoding="UTF-8")

    def to_text(self) -> str:
        """The whole law as plain text, the way e-Gov prints it: 題名, 法令番号, 目次, then every provision as
        :meth:`Provision.text` prints it, 附則 and appendices (tables in the notation of
        :mod:`lawcode.model.text_layout`). :func:`lawcode.parse_text` reads it back."""
        from lawcode.model.text_layout import law_text  # same layer; imported here to keep start-up light

        return law_text(self._root)

    def draft(self) -> "LawDraft":
        """Start a copy-on-write draft of a new version of this law (see :class:`LawDraft`)."""
        return LawDraft(self)

    def __repr__(self) -> str:
        return f"<Law {self.law_num or '?'} {self.title or ''} ({len(self._provisions)} provisions)>"


def _provision_tags(tag: str | tuple[str, ...]) -> frozenset[str]:
    """Element names selected by *tag* (a name, a family or a tuple of them); unknown names raise."""
    from lawcode.model.provision import PROVISION_TAGS

    names = (tag,) if isinstance(tag, str) else tag
    if not isinstance(names, tuple) or not all(isinstance(n, str) for n in names):
        raise wrong_type(LawcodeError)(f"provisions() takes an element name or a tuple of names, got {tag!r}")
    out: set[str] = set()
    for name in names:
        family = _FAMILIES.get(name)
        if family is not None:
            out.update(family)
        elif name in PROVISION_TAGS:
            out.add(name)
        else:
            valid = ", ".join(sorted(PROVISION_TAGS)) + "; families: " + ", ".join(sorted(_FAMILIES))
            raise LawcodeError(f"no provision element {name!r}: valid names are {valid}", where="provisions()")
    return frozenset(out)


_FAMILIES: dict[str, tuple[str, ...]] = {
    "Subitem": tuple(f"Subitem{i}" for i in range(1, 11)),
    "Appendix": tuple(APPENDIX_TAGS),
    "Container": tuple(CONTAINER_TAGS),
}


class LawDraft:
    """A new version of a law under construction (copy-on-write).

    ``law.draft()`` is free; the first call that needs a writable tree (:meth:`element`, :attr:`root`) deep
    copies the document once (lxml, in C: about as fast as serialising it). :meth:`commit` returns a new
    :class:`Law`; the base law is never touched. Use one draft per derived version.
    """

    __slots__ = ("_base", "_tree", "_done")

    def __init__(self, base: Law) -> None:
        self._base = base
        self._tree: etree._ElementTree | None = None
        self._done = False

    @property
    def base(self) -> Law:
        return self._base

    @property
    def copied(self) -> bool:
        """Whether the first write has happened (and the document has been copied)."""
        return self._tree is not None

    def _writable(self) -> etree._ElementTree:
        if self._done:
            raise LawcodeError("this draft has been committed; start a new one with law.draft()")
        if self._tree is None:
            self._tree = copy.deepcopy(self._base._tree)
        return self._tree

    @property
    def root(self) -> etree._Element:
        """The writable ``<Law>`` element of the draft."""
        return self._writable().getroot()

    def element(self, address: str | Provision) -> etree._Element:
        """The writable element, in the draft, of the provision at *address* in the base law."""
        target = address if isinstance(address, Provision) else self._base.find(address)
        if target.law is not self._base:
            raise AddressError("provision belongs to another law", address=target.path or "?")
        xpath = self._base._tree.getpath(target.element)
        found = self._writable().xpath(xpath)
        if not found:  # the draft was restructured above this provision
            raise AddressError("provision no longer exists in the draft", address=target.path or "?")
        return found[0]

    def commit(self) -> Law:
        """Finish the draft and return the new :class:`Law` (the base law itself when nothing was written)."""
        if self._done:
            raise LawcodeError("this draft has already been committed")
        self._done = True
        if self._tree is None:
            return self._base
        return Law(self._tree, source=self._base.source)
