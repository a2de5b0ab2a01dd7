"""The extension's own docutils nodes: ruby text and the placeholder of a provision's inbound links."""

from __future__ import annotations

from typing import Any

from docutils import nodes

__all__ = ["ruby", "inbound_placeholder", "InboundPlaceholder", "VersionsPlaceholder", "DiffTable", "register"]


class ruby(nodes.Inline, nodes.TextElement):
    """Base text with its reading (``Ruby``/``Rt``): ``<ruby>`` in HTML, the base text elsewhere."""


class InboundPlaceholder(nodes.General, nodes.Element):
    """Where a unit's "Cited by" / "Grounds" box goes; filled in ``doctree-resolved`` once every page is read."""


class VersionsPlaceholder(nodes.General, nodes.Element):
    """Where a law page lists the other versions of the law in the site (filled in ``doctree-resolved``)."""


def inbound_placeholder(*, lawkey: str, path: str) -> InboundPlaceholder:
    """A placeholder for the inbound links of provision *path* of the site law *lawkey*."""
    node = InboundPlaceholder()
    node["lawkey"] = lawkey
    node["path"] = path
    return node


def _visit_ruby_html(self: Any, node: ruby) -> None:
    self.body.append("<ruby>")


def _depart_ruby_html(self: Any, node: ruby) -> None:
    reading = self.encode(node.get("reading", ""))
    self.body.append(f"<rp>（</rp><rt>{reading}</rt><rp>）</rp></ruby>")


def _pass(self: Any, node: nodes.Node) -> None:
    return None


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def register(app: Any) -> None:
    """Register the nodes with visitors for the builders Sphinx ships."""
    plain = (_pass, _pass)
    app.add_node(ruby, html=(_visit_ruby_html, _depart_ruby_html), latex=plain, text=plain, man=plain,
                 texinfo=plain)
    skip = (_skip, None)
    app.add_node(InboundPlaceholder, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(DiffTable, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(VersionsPlaceholder, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)


class DiffTable(nodes.raw):
    """The 新旧対照表 fragment; its rows get links to both versions in ``doctree-resolved`` (then a plain raw)."""
