"""lawcode.sphinxext — a Sphinx extension that publishes laws as a browsable, cross-linked site.

Add ``"lawcode.sphinxext"`` to ``extensions`` in ``conf.py``; then

* ``.. law:: FILE`` renders a law page (題名, 法令番号, 目次, 章節, 条・項・号 with anchors, 附則, 別表, ruby),
  every detected reference a link with a hover title;
* ``.. law-diff:: OLD NEW`` the 新旧対照表, ``.. law-timeline:: FILE…`` the changes across versions,
  ``.. law-impact:: OLD NEW`` with ``:trace: FILE`` the impact report;
* ``:law:`個人情報保護法 第二十七条第一項``` / ``:law:`第三条の二``` cite provisions (broken ones warn);
* the ``law`` domain publishes laws and provisions (``objects.inv``, search), with a 法令索引
  (``law-laws.html``) and a 条項索引 (``law-provisions.html``).

Settings: ``lawcode_roots`` (dict of ``{name}`` placeholders usable in file arguments). See docs/sphinx.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawcode._version import __version__
from lawcode.sphinxext.directives import LawDiffDirective, LawDirective, LawImpactDirective, LawTimelineDirective
from lawcode.sphinxext.domain import LawDomain
from lawcode.sphinxext.inbound import (
    on_doctree_resolved,
    on_env_get_outdated,
    on_env_get_updated,
    on_env_updated,
)
from lawcode.sphinxext.nodes import register

__all__ = ["setup"]

STATIC = Path(__file__).parent / "static"


def _static(app: Any) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))


def _shinkyu_css(app: Any, exc: Exception | None) -> None:
    """Write the 新旧対照表 stylesheet (from the diff renderer, page-level rules left out) next to ours."""
    if exc is not None or app.builder.format != "html":
        return
    from lawcode.diff.render import CSS

    rules = [line for line in CSS.splitlines() if not line.startswith(("@media screen", "body", "html"))]
    out = Path(app.outdir) / "_static" / "lawcode-shinkyu.css"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(rules) + "\n", encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point."""
    app.add_config_value("lawcode_roots", {}, "env", types=[dict])
    app.add_domain(LawDomain)
    app.add_directive("law", LawDirective)
    app.add_directive("law-diff", LawDiffDirective)
    app.add_directive("law-timeline", LawTimelineDirective)
    app.add_directive("law-impact", LawImpactDirective)
    app.add_role("law", LawDomain.roles["ref"])
    register(app)
    app.connect("builder-inited", _static)
    app.connect("build-finished", _shinkyu_css)
    app.connect("env-updated", on_env_updated)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.add_css_file("lawcode.css")
    app.add_css_file("lawcode-shinkyu.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
