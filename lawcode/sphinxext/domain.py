"""The ``law`` domain: laws and provisions as Sphinx objects, citation roles, 法令索引 and 条項索引.

Data kept in the build environment (plain dicts, merged after parallel reads):

* ``laws``: lawkey → what a ``.. law::`` directive rendered (page, anchor, 題名, 法令番号, LawID, 略称, file,
  whether it is a superseded version);
* ``provisions``: lawkey → e-Gov path → ``(docname, anchor, objtype, label, hover title, is_unit)``;
* ``citations``: docname → citations read on that page (for "Cited by" on the cited provisions);
* ``grounds``: docname → trace links declared on that page (for "Grounds" on the linked provisions);
* ``linkers``: pages that link to provisions (written again whenever a page is read, so that a citation of a
  provision an amendment deleted warns even when the citing page itself did not change).

Objects are published under readable names, so that other projects link into the site with intersphinx and
the search box finds provisions: 「題名 第十条の二」, 「題名 第10条の2」 and 「lawkey MainProvision-Article_10_2」.
A superseded version (``:superseded:``) is published under its lawkey instead of the 題名.
"""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Any, Iterable, Iterator, Sequence

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from lawcode.errors import LawcodeError
from lawcode.sphinxext import addressing as ad
from lawcode.sphinxext.store import egov_url, law_id_of, load_law

__all__ = ["LawDomain", "LawXRefRole", "LawsIndex", "ProvisionsIndex", "split_citation"]

logger = logging.getLogger(__name__)

_LAST_SPACE = re.compile(r"^(.*\S)\s+(\S+)$")
_STARTS = ("第", "附則", "別表", "別記", "目次", "本則", "前文", "MainProvision", "SupplProvision", "Appdx")


def split_citation(text: str) -> tuple[str | None, str]:
    """「個人情報保護法 第二十七条第一項」 → (「個人情報保護法」, 「第二十七条第一項」); 「第三条の二」 → (None, …).

    A law name and a citation are separated by a space; without one, the citation starts at the first
    第 / 附則 / 別表 (「地方公務員法第三十四条」). A name alone (「地方公務員法」) cites the whole law.
    """
    text = text.strip()
    spaced = _LAST_SPACE.match(text)  # the last run of spaces (ASCII or full-width) separates name and citation
    if spaced:
        return spaced.group(1), spaced.group(2)
    if text.startswith(_STARTS):
        return None, text
    for start in ("第", "附則", "別表"):
        i = text.find(start)
        if i > 0:
            return text[:i], text[i:]
    return text, ""


class LawXRefRole(XRefRole):
    """``:law:`…``` — remembers the law of the page it is used on, for citations relative to it."""

    def __init__(self, typed: bool = False) -> None:
        # typed roles (:law:article: …) may be resolved by intersphinx: Sphinx warns when nothing does
        super().__init__(innernodeclass=nodes.inline, warn_dangling=typed)

    def process_link(self, env: Any, refnode: Element, has_explicit_title: bool, title: str,
                     target: str) -> tuple[str, str]:
        if not refnode.get("refdomain"):  # the bare ``:law:`` role (not ``:law:article:``)
            refnode["refdomain"] = "law"
            refnode["reftype"] = "ref"
        refnode["law:current"] = env.ref_context.get("law:current")
        env.get_domain("law").note_linker(env.docname)
        return title, target


class LawsIndex(Index):
    """法令索引: every law of the site (versions side by side)."""

    name = "laws"
    localname = "法令索引"
    shortname = "法令索引"

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        laws = self.domain.data["laws"]
        entries = []
        for key, law in sorted(laws.items(), key=lambda kv: (kv[1]["title"], kv[0])):
            if docnames is not None and law["docname"] not in docnames:
                continue
            qualifier = "旧版" if law["superseded"] else ""
            extra = law["law_num"] or ""
            entries.append(IndexEntry(law["title"], 0, law["docname"], law["anchor"], extra, qualifier, key))
        return ([("法令", entries)] if entries else []), False


class ProvisionsIndex(Index):
    """条項索引: the articles, 附則 and 別表 of every law, grouped by law."""

    name = "provisions"
    localname = "条項索引"
    shortname = "条項索引"

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        laws = self.domain.data["laws"]
        content = []
        for key, law in sorted(laws.items(), key=lambda kv: (kv[1]["title"], kv[0])):
            if docnames is not None and law["docname"] not in docnames:
                continue
            entries = [IndexEntry(law["title"], 1, law["docname"], law["anchor"], law["law_num"] or "", "", "")]
            for doc, anchor, objtype, label, title, _unit in self.domain.data["provisions"].get(key, {}).values():
                if objtype in ("article", "suppl", "appendix"):
                    line = title.split("\n", 1)[1] if "\n" in title else ""
                    entries.append(IndexEntry(label, 2, doc, anchor, "", "", line))
            heading = f"{law['title']}（{key}）" if law["superseded"] else law["title"]
            content.append((heading, entries))
        return content, True


class LawDomain(Domain):
    """Laws and their provisions (see the module docstring)."""

    name = "law"
    label = "Law"
    object_types = {
        "law": ObjType("法令", "law", "ref"),
        "chapter": ObjType("章節", "ref"),
        "article": ObjType("条", "article", "ref"),
        "paragraph": ObjType("項", "paragraph", "ref"),
        "item": ObjType("号", "item", "ref"),
        "suppl": ObjType("附則", "suppl", "ref"),
        "appendix": ObjType("別表", "appendix", "ref"),
    }
    roles = {name: LawXRefRole(typed=name != "ref")
             for name in ("ref", "law", "article", "paragraph", "item", "suppl", "appendix")}
    indices = [LawsIndex, ProvisionsIndex]
    initial_data = {"laws": {}, "provisions": {}, "citations": {}, "grounds": {}, "linkers": {}}
    data_version = 1

    # -- registration (directives call these while reading) ---------------------------------------------------
    def note_law(self, key: str, entry: dict[str, Any], objects: dict[str, tuple[str, str, str, str, bool]],
                 location: Any) -> None:
        """Register a rendered law and its provisions."""
        laws = self.data["laws"]
        if key in laws and laws[key]["docname"] != entry["docname"]:
            logger.warning("law %r is already rendered on %s; give one of them another :name:", key,
                           laws[key]["docname"], location=location, type="law", subtype="duplicate")
        laws[key] = entry
        provs = self.data["provisions"].setdefault(key, {})
        for path, (anchor, objtype, label, title, unit) in objects.items():
            provs[path] = (entry["docname"], anchor, objtype, label, title, unit)

    def note_citations(self, docname: str, rows: list[tuple[str, str, str, str | None, tuple[str, ...]]]) -> None:
        """Citations read on *docname*: ``(source lawkey, source path, source label, target_law, targets)``."""
        self.data["citations"].setdefault(docname, []).extend(rows)

    def note_linker(self, docname: str) -> None:
        """*docname* links to provisions (roles, 新旧対照表, timeline, impact): written again when any law changes."""
        self.data["linkers"][docname] = True

    def note_grounds(self, docname: str, rows: Sequence[tuple[str, ...]]) -> None:
        """Trace links declared on *docname*:
        ``(law ref, address, default lawkey, item id, title, kind, link kind, item anchor)``."""
        self.data["grounds"].setdefault(docname, []).extend(rows)

    # -- environment bookkeeping --------------------------------------------------------------------------------
    def clear_doc(self, docname: str) -> None:
        gone = [k for k, v in self.data["laws"].items() if v["docname"] == docname]
        for k in gone:
            del self.data["laws"][k]
        for key, provs in list(self.data["provisions"].items()):
            for path in [p for p, v in provs.items() if v[0] == docname]:
                del provs[path]
            if not provs:
                del self.data["provisions"][key]
        for name in ("citations", "grounds", "linkers"):
            self.data[name].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for k, v in otherdata["laws"].items():
            if v["docname"] in docnames:
                self.data["laws"][k] = v
        for key, provs in otherdata["provisions"].items():
            mine = self.data["provisions"].setdefault(key, {})
            for path, v in provs.items():
                if v[0] in docnames:
                    mine[path] = v
        for name in ("citations", "grounds", "linkers"):
            for doc, rows in otherdata[name].items():
                if doc in docnames:
                    self.data[name][doc] = rows

    # -- lookups ----------------------------------------------------------------------------------------------
    def match_law(self, name: str | None) -> list[str]:
        """Lawkeys of the site laws called *name* (lawkey, 題名, 略称, 法令番号 or LawID), current version first."""
        if not name:
            return []
        want = ad.normalize_name(name)
        laws = self.data["laws"]
        hits = [key for key, law in laws.items()
                if any(n and ad.normalize_name(n) == want for n in (key, law["title"], law["law_num"], *law["abbrevs"]))
                or law["law_id"] == name]
        if not hits:
            law_id = law_id_of(name)
            hits = [key for key, law in laws.items() if law_id and law["law_id"] == law_id]
        hits.sort(key=lambda k: (laws[k]["superseded"], k))
        return hits

    def provision(self, key: str, path: str) -> tuple[str, str, str, str, str, bool] | None:
        """The registered provision at *path* of law *key*, or the nearest registered ancestor."""
        provs = self.data["provisions"].get(key, {})
        parts = path.split("-")
        for n in range(len(parts), 0, -1):
            hit = provs.get("-".join(parts[:n]))
            if hit is not None:
                return hit
        return None

    # -- resolution ---------------------------------------------------------------------------------------------
    def resolve_xref(self, env: Any, fromdocname: str, builder: Any, typ: str, target: str, node: pending_xref,
                     contnode: Element) -> Element | None:
        """Resolve a ``law`` cross-reference: internal anchors (``_ref``) or a citation such as 第三条の二."""
        if typ == "_ref":
            return self._resolve_internal(fromdocname, builder, target, node, contnode)
        return self._resolve_citation(env, fromdocname, builder, target, node, contnode,
                                      external=typ not in ("ref",))

    def resolve_any_xref(self, env: Any, fromdocname: str, builder: Any, target: str, node: pending_xref,
                         contnode: Element) -> list[tuple[str, Element]]:
        found = self._resolve_citation(env, fromdocname, builder, target, node, contnode, quiet=True)
        return [("law:ref", found)] if found is not None and isinstance(found, nodes.reference) else []

    def _link(self, fromdocname: str, builder: Any, key: str, path: str | None, contnode: Element) -> Element | None:
        law = self.data["laws"].get(key)
        if law is None:
            return None
        hit = self.provision(key, path) if path else None
        if hit is None and path:  # an excerpt (``:provisions:``): the same file rendered whole elsewhere
            for other, entry in self.data["laws"].items():
                if other != key and entry["file"] == law["file"]:
                    hit = self.provision(other, path)
                    if hit is not None:
                        break
        if hit is not None:
            doc, anchor, _objtype, _label, title, _unit = hit
            return make_refnode(builder, fromdocname, doc, anchor, contnode, title)
        title = f"{law['title']}（{law['law_num']}）" if law["law_num"] else law["title"]
        return make_refnode(builder, fromdocname, law["docname"], law["anchor"], contnode, title)

    def _resolve_internal(self, fromdocname: str, builder: Any, target: str, node: pending_xref,
                          contnode: Element) -> Element | None:
        """A reference found in a law's text (see :mod:`lawcode.sphinxext.render`)."""
        head, _, path = target.partition("|")
        if head.startswith("@"):
            keys = self.match_law(head[1:])
            if keys:
                return self._link(fromdocname, builder, keys[0], path or None, contnode)
            url = node.get("lawcode_fallback")
            if url:
                ref = nodes.reference("", "", internal=False, refuri=url,
                                      reftitle=f"{node.get('lawcode_text', '')}（e-Gov 法令検索）")
                ref["classes"].append("law-ref-egov")
                ref += contnode
                return ref
            return contnode
        return self._link(fromdocname, builder, head, path or None, contnode) or contnode

    def _resolve_citation(self, env: Any, fromdocname: str, builder: Any, target: str, node: pending_xref,
                          contnode: Element, quiet: bool = False, external: bool = False) -> Element | None:
        """A ``:law:`` role: 「法令名 第…条」 or a citation relative to the page's law.

        *external*: a typed role (``:law:article:`` …) naming a law not in the site is left to intersphinx
        (returns ``None`` without a warning; Sphinx warns if nothing resolves it).
        """
        name, cite = split_citation(target)
        current = node.get("law:current")
        if name is None:
            if not current:
                if not quiet:
                    logger.warning("law: %r names no law and the page renders none (write 「法令名 %s」)",
                                   target, target, location=node, type="law", subtype="ref")
                return None
            keys = [current]
        else:
            keys = self.match_law(name)
            if not keys and external:
                return None
            if not keys:
                url = egov_url(name)
                if url:
                    ref = nodes.reference("", "", internal=False, refuri=url, reftitle=f"{name}（e-Gov 法令検索）")
                    ref += contnode
                    return ref
                if not quiet:
                    logger.warning("law: no law called %r in this site or in the e-Gov law list", name,
                                   location=node, type="law", subtype="ref")
                return None
        key = keys[0]
        if not cite:
            return self._link(fromdocname, builder, key, None, contnode)
        law_entry = self.data["laws"][key]
        try:
            p = load_law(law_entry["file"]).law.find(cite)
        except LawcodeError as err:
            if not quiet:
                logger.warning("law: %s: %s", target, err, location=node, type="law", subtype="ref")
            return None
        except OSError as err:
            if not quiet:
                logger.warning("law: cannot read %s: %s", law_entry["file"], err, location=node, type="law")
            return None
        return self._link(fromdocname, builder, key, p.path, contnode)

    # -- publication --------------------------------------------------------------------------------------------
    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for key, law in self.data["laws"].items():
            public = not law["superseded"]
            if public:
                yield law["title"], law["title"], "law", law["docname"], law["anchor"], 1
            yield key, f"{law['title']}（{key}）", "law", law["docname"], law["anchor"], -1 if public else 1
            prefix = law["title"] if public else key
            for path, (doc, anchor, objtype, label, _title, _unit) in self.data["provisions"].get(key, {}).items():
                shown = f"{law['title']} {label}"
                yield f"{prefix} {label}", shown, objtype, doc, anchor, 1
                arabic = ad.arabic_label(label)
                # the search box matches display names: the variants display what the reader typed
                if arabic != label:
                    yield f"{prefix} {arabic}", f"{law['title']} {arabic}", objtype, doc, anchor, 2
                yield f"{key} {path}", f"{law['title']} {path}", objtype, doc, anchor, 2
