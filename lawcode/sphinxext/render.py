"""A law as docutils nodes, laid out the way a reader expects it.

題名 and 法令番号, 目次 (entries link to their chapter), 章節 headings, 条 with 見出し, 項/号/細分 indented by
level, 附則 with their amending law, 別表 as real tables, ruby as ``<ruby>``. Every provision has a stable
anchor (:func:`~lawcode.sphinxext.addressing.anchor`), and every detected reference in the text is a link:
inside the page when its target is rendered there, else a pending cross-reference that the ``law`` domain
resolves at the end of the build (another law page of the site, or the law's e-Gov page).

The renderer walks the provision tree with the public :class:`lawcode.Provision` API and maps reference
spans (offsets in ``Provision.text()``) back to the text elements they fall in with ``Provision.segments()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, TypeAlias

from docutils import nodes
from lxml import etree
from sphinx import addnodes

from lawcode.model import Node, Provision
from lawcode.refs.model import Reference
from lawcode.sphinxext import addressing as ad
from lawcode.sphinxext.nodes import inbound_placeholder, ruby
from lawcode.sphinxext.store import egov_url

__all__ = ["LawRenderer", "Rendered"]

_E: TypeAlias = etree._Element

_HEADING_TAGS = {
    "ArticleTitle", "ArticleCaption", "ParagraphNum", "ParagraphCaption", "ItemTitle", "ChapterTitle",
    "PartTitle", "SectionTitle", "SubsectionTitle", "DivisionTitle", "SupplProvisionLabel",
    "AppdxTableTitle", "AppdxStyleTitle", "AppdxNoteTitle", "AppdxFormatTitle", "AppdxFigTitle",
    "ArithFormulaNum", "RelatedArticleNum", "TableStructTitle",
} | {f"Subitem{n}Title" for n in range(1, 11)}
#: Elements whose content is one run of inline text (mixed content).
_TEXT_TAGS = {"Sentence", "TableHeaderColumn", "Line", "ListSentence", "Fig"} | _HEADING_TAGS
_LINK_KINDS = {"relative", "absolute", "external", "anaphoric", "internal_law"}


@dataclass
class Rendered:
    """The result of rendering one ``.. law::``: the nodes plus what the domain registers."""

    nodes: list[nodes.Node]
    #: path → (objtype, anchor, label, hover title, is unit) of every provision rendered with an anchor.
    objects: dict[str, tuple[str, str, str, str, bool]] = field(default_factory=dict)
    #: (source unit path, source label, target_law, target paths) of citations worth a "Cited by" entry.
    citations: list[tuple[str, str, str | None, tuple[str, ...]]] = field(default_factory=list)


class LawRenderer:
    """Render one law (or a subset of its provisions) for the law page of *lawkey*.

    *prefix* is put before every anchor (two laws on one page); *only*: paths to render (``:provisions:``),
    ``None`` for the whole law; *link_out*: whether references to provisions not on the page become pending
    cross-references (else plain text).
    """

    def __init__(self, loaded_law: object, lawkey: str, *, prefix: str = "", only: set[str] | None = None,
                 inbound: bool = True) -> None:
        from lawcode.sphinxext.store import LoadedLaw

        assert isinstance(loaded_law, LoadedLaw)
        self.law = loaded_law.law
        self.lawkey = lawkey
        self.prefix = prefix
        self.only = only
        self.inbound = inbound
        self.refs: dict[str, list[Reference]] = {}
        for r in loaded_law.references:
            self.refs.setdefault(r.source, []).append(r)
        self.out = Rendered([])
        self._on_page: set[str] = set()
        self._seg_cache: dict[str, dict[Any, int]] = {}

    # -- entry points ---------------------------------------------------------------------------------------
    def render(self) -> Rendered:
        """The whole law (or the selected provisions), wrapped in ``<div class="law">``."""
        law = self.law
        box = nodes.container(classes=["law"])
        if self.only is None:
            box += nodes.paragraph("", law.title or "", classes=["law-title"])
            if law.law_num:
                box += nodes.paragraph("", f"（{law.law_num}）", classes=["law-num"])
        selected = self._selected()
        self._on_page = {p.path for p in selected if p.path}
        if self.only is None and law.toc is not None:
            box += self._toc(law.toc)
        if self.only is None:  # 制定文 (older laws): not a provision, printed before the 本則
            for c in law.body.element:
                if c.tag == "EnactStatement":
                    box += nodes.paragraph("", Node(c).text(), classes=["law-line", "law-enact"])
        for p in self._tops(selected):
            box += self._provision(p)
        self.out.nodes = [box]
        return self.out

    def _selected(self) -> list[Provision]:
        provs = [p for p in self.law.provisions() if p.path and p.tag != "TOC"]
        if self.only is None:
            return provs
        keep: list[Provision] = []
        for p in provs:
            if p.path and any(p.path == s or p.path.startswith(s + "-") for s in self.only):
                keep.append(p)
        return keep

    def _tops(self, selected: list[Provision]) -> Iterable[Provision]:
        chosen = {p.path for p in selected}
        for p in selected:
            if p.parent is None or p.parent.path not in chosen:
                yield p

    # -- 目次 --------------------------------------------------------------------------------------------
    def _toc(self, toc: Provision) -> nodes.Node:
        box = nodes.container(classes=["law-toc"], ids=[ad.anchor("TOC", self.prefix)])
        label = toc.element.find("TOCLabel")
        box += nodes.paragraph("", label.text if label is not None and label.text else "目次",
                               classes=["law-toc-label"])
        self._toc_entries(toc.element, "MainProvision", box, 0)
        return box

    def _toc_entries(self, e: _E, scope: str, box: nodes.Element, level: int) -> None:
        for c in e:
            if not isinstance(c.tag, str) or not c.tag.startswith("TOC") or c.tag == "TOCLabel":
                continue
            kind = c.tag[3:]
            if kind in ("SupplProvision", "PreambleLabel", "AppdxTableLabel", "ArticleRange"):
                target = "SupplProvision" if kind == "SupplProvision" else None
            elif kind == "Article":  # articles are addressed from their scope, without chapters
                target = f"{scope.split('-')[0]}-Article_{c.get('Num')}" if c.get("Num") else None
            else:
                target = f"{scope}-{kind}_{c.get('Num')}" if c.get("Num") else None
            words = "".join(
                Node(x).text() for x in c if isinstance(x.tag, str) and not x.tag.startswith("TOC")
            )
            para = nodes.paragraph(classes=["law-toc-entry", f"law-level-{level}"])
            if target and target in self._on_page:
                para += nodes.reference("", words, internal=True, refid=ad.anchor(target, self.prefix))
            else:
                para += nodes.Text(words)
            box += para
            if target:
                self._toc_entries(c, target, box, level + 1)

    # -- provisions --------------------------------------------------------------------------------------
    def _provision(self, p: Provision) -> nodes.Node:
        tag = p.tag
        if tag in ("Paragraph", "Item") or tag.startswith("Subitem"):
            return self._numbered(p)
        path = p.path or ""
        objtype = ad.objtype_of(p)
        ids = [ad.anchor(path, self.prefix)] if path else []
        box = nodes.container(classes=["law-prov", f"law-{tag.lower()}", f"law-depth-{_depth(p)}"], ids=ids)
        if objtype is not None and path:
            self.out.objects[path] = (objtype, ids[0], p.label or path, ad.hover_title(p), ad.is_unit(p))
        if tag == "MainProvision":
            box["classes"].append("law-main")
        elif tag == "SupplProvision":
            box += self._suppl_heading(p)
        elif objtype == "chapter":
            box += nodes.paragraph("", p.heading, classes=["law-heading", f"law-heading-{tag.lower()}"])
        elif tag == "Article":
            if p.caption:
                box += self._line(p, [c for c in p.element if c.tag == "ArticleCaption"], "", ["law-caption"])
        elif tag.startswith("Appdx"):
            box += self._appendix_heading(p)
        subs = {sp.element: sp for sp in p.subprovisions}
        first_para = True
        for child in p.element:
            if not isinstance(child.tag, str):
                continue
            sp = subs.get(child)
            if sp is not None:
                if sp.path in self._on_page:
                    if tag == "Article" and sp.tag == "Paragraph":
                        box += self._paragraph(sp, p.heading if first_para else None)
                        first_para = False
                    else:
                        box += self._provision(sp)
                continue
            if child.tag in _HEADING_TAGS or child.tag == "TOC":
                continue
            box += self._block(p, child)
        if self.inbound and path and ad.is_unit(p):
            box += inbound_placeholder(lawkey=self.lawkey, path=path)
        return box

    def _paragraph(self, p: Provision, article_heading: str | None) -> nodes.Node:
        """A 項: its number (the article's heading for the first 項), sentence line, blocks, 号."""
        return self._numbered(p, article_heading)

    def _numbered(self, p: Provision, override_heading: str | None = None) -> nodes.Node:
        path = p.path or ""
        ids = [ad.anchor(path, self.prefix)] if path else []
        objtype = ad.objtype_of(p)
        if objtype is not None and path:
            self.out.objects[path] = (objtype, ids[0], p.label or path, ad.hover_title(p), ad.is_unit(p))
        classes = ["law-prov", f"law-{p.tag.lower()}", f"law-depth-{_depth(p)}"]
        box = nodes.container(classes=classes, ids=ids)
        caption = p.element.find("ParagraphCaption")
        if caption is not None:
            box += self._line(p, [caption], "", ["law-caption"])
        heading = override_heading if override_heading is not None else p.heading
        subs = {sp.element: sp for sp in p.subprovisions}
        line_done = False
        for child in p.element:
            if not isinstance(child.tag, str) or child.tag in _HEADING_TAGS:
                continue
            sp = subs.get(child)
            if sp is not None:
                if sp.path in self._on_page:
                    box += self._numbered(sp)
                continue
            if not line_done and child.tag.endswith("Sentence"):
                box += self._sentence_line(p, child, heading)
                line_done = True
                continue
            box += self._block(p, child)
        if not line_done and heading:
            box.insert(1 if caption is not None else 0,
                       nodes.paragraph("", "", nodes.strong("", heading), classes=["law-line"]))
        if self.inbound and path and ad.is_unit(p):
            box += inbound_placeholder(lawkey=self.lawkey, path=path)
        return box

    def _suppl_heading(self, p: Provision) -> nodes.Node:
        label = p.element.find("SupplProvisionLabel")
        text = Node(label).text() if label is not None else "附則"
        para = nodes.paragraph("", "", classes=["law-heading", "law-heading-suppl"])
        para += nodes.Text(text)
        amend = p.element.get("AmendLawNum")
        if amend:
            para += nodes.inline("", f"（{amend}）", classes=["law-amend-num"])
        if p.element.get("Extract") == "true":
            para += nodes.inline("", "　抄", classes=["law-extract"])
        return para

    def _appendix_heading(self, p: Provision) -> nodes.Node:
        parts = [c for c in p.element if isinstance(c.tag, str) and c.tag.endswith("Title")]
        related = [c for c in p.element if c.tag == "RelatedArticleNum"]
        return self._line(p, parts + related, "", ["law-heading", "law-heading-appendix"])

    # -- lines and blocks --------------------------------------------------------------------------------
    def _sentence_line(self, p: Provision, group: _E, heading: str) -> nodes.Node:
        """A sentence group (ParagraphSentence, ItemSentence …) as one line after the provision's number."""
        para = nodes.paragraph(classes=["law-line"])
        if heading:
            para += nodes.strong("", heading, classes=["law-number"])
            para += nodes.Text("\u3000")
        blocks: list[nodes.Node] = []
        first = True
        for c in group:
            if not isinstance(c.tag, str):
                continue
            if c.tag == "Sentence":
                para.extend(self._inline(p, c))
            elif c.tag == "Column":
                if not first:
                    para += nodes.Text("\u3000")
                for s in c:
                    if isinstance(s.tag, str) and s.tag == "Sentence":
                        para.extend(self._inline(p, s))
                    elif isinstance(s.tag, str):
                        blocks.append(self._block(p, s))
            else:
                blocks.append(self._block(p, c))
            first = False
        if blocks:
            box = nodes.container(classes=["law-line-box"])
            box += para
            box.extend(blocks)
            return box
        return para

    def _line(self, p: Provision, elements: list[_E], heading: str, classes: list[str]) -> nodes.Node:
        para = nodes.paragraph(classes=classes)
        if heading:
            para += nodes.strong("", heading)
            para += nodes.Text("\u3000")
        for k, e in enumerate(elements):
            if k:
                para += nodes.Text("\u3000")
            para.extend(self._inline(p, e))
        return para

    def _block(self, p: Provision, e: _E) -> nodes.Node:
        """Any non-provision block inside a provision: tables, figures, notes, lists, quoted provisions."""
        tag = e.tag
        if tag == "TableStruct":
            return self._table_struct(p, e)
        if tag == "Table":
            return self._table(p, e)
        if tag in _TEXT_TAGS:
            return nodes.paragraph("", "", *self._inline(p, e), classes=["law-line", f"law-{tag.lower()}"])
        if tag.endswith("Sentence") or tag == "Column":
            return self._sentence_line(p, e, "")
        box = nodes.container(classes=[f"law-{tag.lower()}"])
        pending: list[_E] = []
        for c in e:
            if not isinstance(c.tag, str):
                continue
            if c.tag in _TEXT_TAGS or c.tag == "Column":
                pending.append(c)
                continue
            if pending:
                box += self._mixed_line(p, pending)
                pending = []
            box += self._block(p, c)
        if pending:
            box += self._mixed_line(p, pending)
        if len(e) == 0 and e.text and e.text.strip():
            box += nodes.paragraph("", e.text.strip(), classes=["law-line"])
        return box

    def _mixed_line(self, p: Provision, elements: list[_E]) -> nodes.Node:
        para = nodes.paragraph(classes=["law-line"])
        for k, c in enumerate(elements):
            if k and c.tag == "Column":
                para += nodes.Text("\u3000")
            if c.tag == "Column":
                for s in c:
                    if isinstance(s.tag, str):
                        para.extend(self._inline(p, s))
            else:
                para.extend(self._inline(p, c))
        return para

    def _table_struct(self, p: Provision, e: _E) -> nodes.Node:
        box = nodes.container(classes=["law-table-struct"])
        for c in e:
            if not isinstance(c.tag, str):
                continue
            if c.tag == "TableStructTitle":
                box += nodes.paragraph("", "", *self._inline(p, c), classes=["law-table-title"])
            elif c.tag == "Table":
                box += self._table(p, c)
            else:
                box += self._block(p, c)
        return box

    def _table(self, p: Provision, e: _E) -> nodes.Node:
        rows = [r for r in e if r.tag in ("TableRow", "TableHeaderRow")]
        ncols = max((sum(int(c.get("colspan", "1") or 1) for c in r if isinstance(c.tag, str)) for r in rows),
                    default=1)
        # rowspans occupy columns of later rows: count them so that the column count is right.
        table = nodes.table(classes=["law-table"])
        group = nodes.tgroup(cols=max(ncols, 1))
        table += group
        for _ in range(max(ncols, 1)):
            group += nodes.colspec(colwidth=1)
        head = [r for r in rows if r.tag == "TableHeaderRow"]
        body_rows = [r for r in rows if r.tag == "TableRow"]
        if head:
            thead = nodes.thead()
            for r in head:
                thead += self._row(p, r)
            group += thead
        tbody = nodes.tbody()
        for r in body_rows:
            tbody += self._row(p, r)
        if not body_rows:
            tbody += nodes.row("", nodes.entry())
        group += tbody
        return table

    def _row(self, p: Provision, r: _E) -> nodes.Node:
        row = nodes.row()
        for c in r:
            if not isinstance(c.tag, str):
                continue
            entry = nodes.entry()
            span = int(c.get("colspan", "1") or 1)
            rows = int(c.get("rowspan", "1") or 1)
            if span > 1:
                entry["morecols"] = span - 1
            if rows > 1:
                entry["morerows"] = rows - 1
            if c.tag == "TableHeaderColumn":
                entry += nodes.paragraph("", "", *self._inline(p, c))
            else:
                entry.extend(self._cell(p, c))
            row += entry
        return row

    def _cell(self, p: Provision, c: _E) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        pending: list[_E] = []
        for x in c:
            if not isinstance(x.tag, str):
                continue
            if x.tag in ("Sentence", "Column"):
                pending.append(x)
                continue
            if pending:
                out.append(self._mixed_line(p, pending))
                pending = []
            if x.tag in ("Item",) or x.tag.startswith("Subitem"):
                out.append(self._detached(p, x))
            else:
                out.append(self._block(p, x))
        if pending:
            out.append(self._mixed_line(p, pending))
        if not out and c.text and c.text.strip():
            out.append(nodes.paragraph("", c.text.strip()))
        return out

    def _detached(self, p: Provision, e: _E) -> nodes.Node:
        """A 号 inside a table cell or a quoted provision: laid out as a 号, but without an anchor."""
        box = nodes.container(classes=["law-prov", f"law-{e.tag.lower()}"])
        title = next((c for c in e if isinstance(c.tag, str) and c.tag.endswith("Title")), None)
        heading = Node(title).text() if title is not None else ""
        for c in e:
            if not isinstance(c.tag, str) or c.tag.endswith("Title"):
                continue
            if c.tag.endswith("Sentence"):
                box += self._sentence_line(p, c, heading)
            elif c.tag == "Item" or c.tag.startswith("Subitem"):
                box += self._detached(p, c)
            else:
                box += self._block(p, c)
        return box

    # -- inline text with links ----------------------------------------------------------------------------
    def _inline(self, p: Provision, e: _E) -> list[nodes.Node]:
        """The text of one text element, with ruby and with the references that fall inside it as links."""
        atoms = _atoms(e)
        base = "".join(a[0] for a in atoms)
        refs = self.refs.get(p.path or "", [])
        spans: list[tuple[int, int, Reference]] = []
        if refs:
            start = self._offset(p, e, base)
            if start is not None:
                end = start + len(base)
                for r in refs:
                    s, t = r.span
                    if s < end and t > start:
                        spans.append((max(s, start) - start, min(t, end) - start, r))
        out: list[nodes.Node] = []
        pos = 0
        for s, t, r in sorted(spans, key=lambda x: x[0]):
            if s < pos:
                continue
            out.extend(_atom_nodes(atoms, pos, s))
            out.append(self._link(p, r, _atom_nodes(atoms, s, t)))
            pos = t
        out.extend(_atom_nodes(atoms, pos, len(base)))
        return out

    def _offset(self, p: Provision, e: _E, base: str) -> int | None:
        cache = self._seg_cache
        key = p.path or ""
        table = cache.get(key)
        if table is None:
            table = {}
            for seg in p.segments():
                table.setdefault(seg.element, seg.start)
            cache[key] = table
        start = table.get(e)
        if start is None:
            return None
        return start if p.text()[start:start + len(base)] == base else None

    def _link(self, p: Provision, r: Reference, content: list[nodes.Node]) -> nodes.Node:
        kind = r.kind.value
        if kind not in _LINK_KINDS:
            return nodes.inline("", "", *content)
        if r.target_law is None:
            target = r.targets[0] if r.targets else None
            if not r.resolved:
                return nodes.inline("", "", *content, classes=["law-ref-broken"],
                                    title=r.reason or "unresolved")
            if target is None:  # この条例: the whole law
                target_path = "law"
            else:
                target_path = target
            if kind in ("absolute",) and p.path:
                self.out.citations.append((p.path, p.label or p.path, None, r.targets))
            if target_path in self._on_page or target_path == "law":
                anchor_id = ad.anchor(target_path, self.prefix) if target_path != "law" else f"{self.prefix}law"
                tp = self.law.get(target_path) if target_path != "law" else None
                title = ad.hover_title(tp) if tp is not None else (self.law.title or "")
                ref = nodes.reference("", "", *content, internal=True, refid=anchor_id, reftitle=title,
                                      classes=["law-ref", f"law-ref-{kind}"])
                return ref
            return self._pending(f"{self.lawkey}|{target_path}", content, kind, None, r)
        # another law
        if p.path:
            self.out.citations.append((p.path, p.label or p.path, r.target_law, r.targets))
        target = r.targets[0] if r.targets else ""
        return self._pending(f"@{r.target_law}|{target}", content, kind, egov_url(r.target_law), r)

    def _pending(self, reftarget: str, content: list[nodes.Node], kind: str, fallback: str | None,
                 r: Reference) -> nodes.Node:
        xref = addnodes.pending_xref("", refdomain="law", reftype="_ref", reftarget=reftarget,
                                     refexplicit=True, refwarn=False)
        xref["lawcode_fallback"] = fallback or ""
        xref["lawcode_text"] = r.text
        xref["lawcode_kind"] = kind
        xref += nodes.inline("", "", *content, classes=["law-ref", f"law-ref-{kind}"])
        return xref


def _depth(p: Provision) -> int:
    tag = p.tag
    if tag == "Item":
        return 1
    if tag.startswith("Subitem"):
        try:
            return 1 + int(tag[7:])
        except ValueError:
            return 2
    return 0


# -- inline atoms: (base text, ruby reading or None) ----------------------------------------------------------
Atom = tuple[str, str | None, str | None]


def _atoms(e: _E) -> list[Atom]:
    """Split a text element into atoms whose base text, joined, equals ``Node(e).text()``.

    Ruby bases keep their reading; ``Sup``/``Sub`` keep their role for markup. When the walk does not reproduce
    lawcode's own text exactly (exotic whitespace or Sup/Sub folding), the text is one plain atom: offsets
    must match ``Provision.text()``, the markup is a nicety.
    """
    expected = Node(e).text()
    atoms: list[Atom] = []

    def add(text: str | None, reading: str | None = None, role: str | None = None) -> None:
        if not text:
            return
        if "\n" in text and not text.strip():
            return
        atoms.append((text, reading, role))

    add(e.text)
    for c in e:
        if isinstance(c.tag, str):
            if c.tag == "Ruby":
                base = (c.text or "") + "".join(
                    (x.tail or "") if x.tag == "Rt" else "".join(x.itertext()) + (x.tail or "")
                    for x in c if isinstance(x.tag, str)
                )
                reading = "".join("".join(x.itertext()) for x in c if x.tag == "Rt")
                add(base, reading or None)
            elif c.tag in ("Sup", "Sub"):
                add("".join(c.itertext()), None, c.tag.lower())
            else:
                add(Node(c).text())
        add(c.tail)
    if "".join(a[0] for a in atoms) != expected:
        return [(expected, None, None)] if expected else []
    return atoms


def _atom_nodes(atoms: list[Atom], start: int, end: int) -> list[nodes.Node]:
    """Nodes for characters start:end of the joined atoms."""
    out: list[nodes.Node] = []
    pos = 0
    for text, reading, role in atoms:
        a, b = pos, pos + len(text)
        pos = b
        lo, hi = max(a, start), min(b, end)
        if lo >= hi:
            continue
        piece = text[lo - a:hi - a]
        if reading is not None and lo == a and hi == b:
            out.append(ruby("", piece, reading=reading))
        elif role is not None:
            out.append((nodes.superscript if role == "sup" else nodes.subscript)("", piece))
        else:
            out.append(nodes.Text(piece))
    return out

