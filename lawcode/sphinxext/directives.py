"""Directives: ``law`` (a law page), ``law-diff`` (新旧対照表), ``law-timeline`` and ``law-impact``.

Every directive reads its files relative to the page (or absolute; ``{name}`` is replaced from the
``lawcode_roots`` setting, e.g. ``{corpus}/egov/…`` with ``lawcode_roots = {"corpus": os.environ[…]}``) and
declares them as dependencies of the page, so that an incremental build re-reads exactly the pages whose law
files changed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from lawcode.diff import diff, timeline
from lawcode.errors import LawcodeError
from lawcode.model import Law
from lawcode.sphinxext.domain import LawDomain
from lawcode.sphinxext.nodes import DiffTable, VersionsPlaceholder
from lawcode.sphinxext.render import LawRenderer
from lawcode.sphinxext.store import LoadedLaw, law_id_of, load_law

__all__ = ["LawDirective", "LawDiffDirective", "LawTimelineDirective", "LawImpactDirective"]

logger = logging.getLogger(__name__)


def _list(value: str | None) -> list[str]:
    return [v for v in re.split(r"[,、\s]+", value or "") if v]


class _Base(SphinxDirective):
    """File handling shared by the directives."""

    def law_file(self, argument: str) -> Path:
        roots = self.config.lawcode_roots or {}
        try:
            text = argument.format(**roots) if "{" in argument else argument
        except KeyError as err:
            raise self.error(f"{argument}: no lawcode_roots entry {err} in conf.py") from None
        if Path(text).is_absolute():
            abs_path = str(Path(text))
        else:
            abs_path = self.env.relfn2path(text, self.env.docname)[1]
        self.env.note_dependency(abs_path)
        return Path(abs_path)

    def load(self, argument: str) -> LoadedLaw:
        path = self.law_file(argument)
        try:
            return load_law(path)
        except FileNotFoundError:
            raise self.error(f"{argument}: no such file ({path})") from None
        except LawcodeError as err:
            raise self.error(f"{argument}: {err}") from None

    @property
    def domain(self) -> LawDomain:
        domain = self.env.get_domain("law")
        assert isinstance(domain, LawDomain)
        return domain

    def read_trace(self, argument: str) -> Any:
        """The trace in file *argument* (:func:`lawcode.impact.read_trace`)."""
        from lawcode.impact import read_trace

        path = self.law_file(argument)
        try:
            return read_trace(path)
        except LawcodeError as err:
            raise self.error(f"{argument}: {err}") from None

    def note_trace(self, argument: str, default_key: str) -> None:
        """Register the links of a trace file as grounds of the provisions of *default_key* they name (no item
        page to link to: the box shows the item's id and title)."""
        rows: list[tuple[str, ...]] = []
        for item, link in self.read_trace(argument).links():
            rows.append((link.law or "", link.address, default_key, item.id, item.title, item.kind, link.kind, ""))
        self.domain.note_grounds(self.env.docname, rows)


class LawDirective(_Base):
    """``.. law:: FILE`` — render a law (or ``:provisions:``) with anchors, links and inbound links.

    Options: ``:name:`` the lawkey other pages use (default: the file name without suffix); ``:abbrev:`` 略称
    by which roles may cite it (comma-separated); ``:provisions:`` citations or paths to render instead of the
    whole law; ``:superseded:`` an old version (roles and other laws link to the current one);
    ``:anchor-prefix:`` for two laws on one page; ``:trace:`` trace files whose links become "grounds";
    ``:no-inbound:`` no "Cited by" boxes; ``:law-id:`` the e-Gov LawID when the file does not say it and the
    law list does not know the law number (other laws' citations find the page by it).
    """

    required_arguments = 1
    has_content = False
    option_spec = {
        "name": directives.unchanged_required,
        "abbrev": directives.unchanged,
        "provisions": directives.unchanged,
        "superseded": directives.flag,
        "anchor-prefix": directives.unchanged,
        "trace": directives.unchanged,
        "no-inbound": directives.flag,
        "law-id": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        loaded = self.load(self.arguments[0])
        law = loaded.law
        key = self.options.get("name") or loaded.path.stem
        prefix = self.options.get("anchor-prefix", "")
        only: set[str] | None = None
        if "provisions" in self.options:
            only = set()
            for cite in _list(self.options["provisions"]):
                try:
                    p = law.find(cite)
                except LawcodeError as err:
                    logger.warning("law: %s", err, location=self.get_location(), type="law", subtype="ref")
                    continue
                if p.path:
                    only.add(p.path)
                    only.update(a.path for a in p.ancestors() if a.path and a.tag == "Article")
        renderer = LawRenderer(loaded, key, prefix=prefix, only=only, inbound="no-inbound" not in self.options)
        rendered = renderer.render()
        law_anchor = f"{prefix}law"
        box = rendered.nodes[0]
        assert isinstance(box, nodes.Element)
        box["ids"].insert(0, law_anchor)
        if only is None:
            versions = VersionsPlaceholder()
            versions["lawkey"] = key
            box.insert(2 if law.law_num else 1, versions)
        entry = {
            "docname": self.env.docname,
            "anchor": law_anchor,
            "title": law.title or key,
            "law_num": law.law_num or "",
            "law_id": self.options.get("law-id") or law.law_id or law_id_of(law.law_num) or "",
            "abbrevs": _list(self.options.get("abbrev")),
            "file": str(loaded.path),
            "superseded": "superseded" in self.options,
            "version": _version_label(law),
        }
        objects = {path: (anchor, objtype, label, title, unit)
                   for path, (objtype, anchor, label, title, unit) in rendered.objects.items()}
        self.domain.note_law(key, entry, objects, self.get_location())
        self.domain.note_citations(self.env.docname, [(key, *row) for row in rendered.citations])
        for trace in _list(self.options.get("trace")):
            self.note_trace(trace, key)
        self.env.ref_context["law:current"] = key
        index = self._index(law, law_anchor)
        return [index, *rendered.nodes]

    def _index(self, law: Law, anchor: str) -> nodes.Node:
        from sphinx import addnodes

        title = law.title or ""
        node = addnodes.index(entries=[("single", f"{title}; 法令", anchor, "", None)])
        return node


class LawDiffDirective(_Base):
    """``.. law-diff:: OLD NEW`` — the 新旧対照表, each row linked to both versions' provisions.

    ``:old:`` / ``:new:`` name the lawkeys of the pages rendering the two versions (default: the file names
    without suffix); ``:full:`` shows every line instead of eliding unchanged ones with 「（略）」.
    """

    required_arguments = 2
    option_spec = {"old": directives.unchanged, "new": directives.unchanged, "full": directives.flag}

    def run(self) -> list[nodes.Node]:
        from lawcode.diff.render.html import table_html
        from lawcode.diff.render.table import build_table

        old = self.load(self.arguments[0])
        new = self.load(self.arguments[1])
        try:
            table = build_table(diff(old.law, new.law), elide="full" not in self.options)
        except LawcodeError as err:
            raise self.error(str(err)) from None
        self.domain.note_linker(self.env.docname)
        node = DiffTable("", table_html(table), format="html")
        node["table"] = table  # the row model: the rows get their links once every page is read
        node["old_key"] = self.options.get("old") or old.path.stem
        node["new_key"] = self.options.get("new") or new.path.stem
        return [node]


class LawTimelineDirective(_Base):
    """``.. law-timeline:: FILE…`` (oldest first) — the provisions that changed, version by version.

    ``:names:`` the lawkeys of the versions' pages, in the same order (links to each version's provision).
    """

    required_arguments = 1
    optional_arguments = 20
    option_spec = {"names": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        from sphinx import addnodes

        loaded = [self.load(a) for a in self.arguments]
        keys = _list(self.options.get("names")) or [x.path.stem for x in loaded]
        if len(keys) != len(loaded):
            raise self.error(f":names: lists {len(keys)} lawkeys for {len(loaded)} files")
        try:
            t = timeline([x.law for x in loaded])
        except LawcodeError as err:
            raise self.error(str(err)) from None
        self.domain.note_linker(self.env.docname)
        n = len(loaded)
        table = nodes.table(classes=["law-timeline"])
        group = nodes.tgroup(cols=n + 1)
        table += group
        for _ in range(n + 1):
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        row = nodes.row()
        row += nodes.entry("", nodes.paragraph("", "条項"))
        for x in loaded:
            law = x.law
            row += nodes.entry("", nodes.paragraph("", _version_label(law)))
        head += row
        group += head
        body = nodes.tbody()
        count = 0
        for h in t.changed():
            count += 1
            row = nodes.row()
            row += nodes.entry("", nodes.paragraph("", h.label))
            events = {e.version: e for e in h.events}
            for k in range(n):
                para = nodes.paragraph()
                path = h.paths.get(k)
                if path is not None:
                    xref = addnodes.pending_xref("", refdomain="law", reftype="_ref",
                                                 reftarget=f"{keys[k]}|{path}", refexplicit=True)
                    xref += nodes.inline("", h.labels.get(k, path))
                    para += xref
                else:
                    para += nodes.Text("—")
                e = events.get(k)
                if e is not None:
                    para += nodes.inline("", "（" + "・".join(e.kinds) + "）", classes=["law-timeline-kind"])
                row += nodes.entry("", para)
            body += row
        if not count:
            entry = nodes.entry("", nodes.paragraph("", "変更された条項はない"))
            entry["morecols"] = n
            body += nodes.row("", entry)
        group += body
        return [table]


def _version_label(law: Law) -> str:
    """「令和四年桜ヶ丘市条例第五号改正後」: a version named by its last amending law (or 制定時)."""
    suppl = [s for s in law.suppl_provisions if s.element.get("AmendLawNum")]
    if not suppl:
        return "制定時"
    number = getattr(suppl[-1], "amend_law_number", None)  # parsed: 令和五年桜ヶ丘市条例第二十一号
    return f"{number if number is not None else suppl[-1].element.get('AmendLawNum')}による改正後"


class LawImpactDirective(_Base):
    """``.. law-impact:: OLD NEW`` with ``:trace: FILE`` — affected items, direct and indirect, with the path
    that explains each one and links to the changed provisions of both versions. ``:procedures: FILE`` adds
    the 行政手続等の悉皆調査 (CSV or parquet) to the trace; ``:old:``/``:new:`` name the versions' lawkeys."""

    required_arguments = 2
    option_spec = {"trace": directives.unchanged, "procedures": directives.unchanged,
                   "old": directives.unchanged, "new": directives.unchanged,
                   "depth": directives.nonnegative_int}

    def run(self) -> list[nodes.Node]:
        from lawcode.impact import Trace, read_procedures
        from lawcode.sphinxext.impact import render_impact

        if "trace" not in self.options and "procedures" not in self.options:
            raise self.error("law-impact needs :trace: FILE (or :procedures: the 悉皆調査 CSV)")
        old = self.load(self.arguments[0])
        new = self.load(self.arguments[1])
        new_key = self.options.get("new") or new.path.stem
        old_key = self.options.get("old") or old.path.stem
        trace = self.read_trace(self.options["trace"]) if "trace" in self.options else Trace()
        if "procedures" in self.options:
            try:
                trace = trace + read_procedures(self.law_file(self.options["procedures"]))
            except LawcodeError as err:
                raise self.error(f"{self.options['procedures']}: {err}") from None
        try:
            d = diff(old.law, new.law)
            out, grounds = render_impact(d, trace, old_key=old_key, new_key=new_key,
                                         depth=self.options.get("depth", 2))
        except LawcodeError as err:
            raise self.error(str(err)) from None
        self.domain.note_grounds(self.env.docname, grounds)
        self.domain.note_linker(self.env.docname)
        return out
