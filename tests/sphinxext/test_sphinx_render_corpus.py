"""Rendering real laws: every provision of the walk gets its anchor, every reference of the scan a node."""

from __future__ import annotations

import pytest

pytest.importorskip("sphinx")
from docutils import nodes  # noqa: E402
from sphinx import addnodes  # noqa: E402

from lawcode.sphinxext.render import LawRenderer  # noqa: E402
from lawcode.sphinxext.store import load_law  # noqa: E402
from testsupport import require_corpus  # noqa: E402

APPI = "egov/415AC0000000057/retrieved20250924_v1api_extracted.xml"
KOMUIN = "egov/325AC0000000261/lawhubxml_20200602_190729e01k01m01.xml"


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [APPI, KOMUIN])
def test_every_provision_is_anchored_and_references_are_links(rel):
    loaded = load_law(require_corpus() / rel)
    law = loaded.law
    rendered = LawRenderer(loaded, "x").render()
    ids = {i for n in rendered.nodes[0].findall(nodes.Element) for i in n.get("ids", [])}
    expected = {p.path for p in law.provisions() if p.path and p.tag not in ("TOC", "MainProvision")}
    missing = {p for p in expected if p.replace("#", "~") not in ids}
    assert not missing, sorted(missing)[:10]
    links = sum(1 for _ in rendered.nodes[0].findall(nodes.reference))
    pending = sum(1 for _ in rendered.nodes[0].findall(addnodes.pending_xref))
    linkable = [r for r in loaded.references if r.resolved or r.target_law]
    assert links + pending >= 0.95 * len(linkable)
