"""lawcode.citation_graph, cited_by / cites and the exporters."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import lawcode
from lawcode.errors import LawcodeError
from lawcode.refs.graph import law_key, to_graphml, to_node_link

from refs_lawxml import article, law


def _two_laws():
    cited = law(article(3, "a", "b"), article(4, "第三条第二項"), title="行政手続法", law_num="平成五年法律第八十八号")
    citing = law(article(1, "行政手続法（平成五年法律第八十八号）第三条第二項の規定"), article(2, "前条"))
    return cited, citing


def test_graph_nodes_edges_and_cross_law_resolution():
    cited, citing = _two_laws()
    g = lawcode.citation_graph([cited, citing])
    assert isinstance(g, nx.MultiDiGraph)
    a, b = law_key(cited), law_key(citing)
    assert a == "405AC0000000088"
    edges = list(g.edges(f"{b}/MainProvision-Article_1-Paragraph_1", data=True))
    assert len(edges) == 1
    _, dst, data = edges[0]
    assert dst == f"{a}/MainProvision-Article_3-Paragraph_2"
    assert data["kind"] == "external" and data["resolved"] is True and data["span"] == (0, len("行政手続法（平成五年法律第八十八号）第三条第二項"))


def test_cited_by_and_cites_with_depth():
    cited, citing = _two_laws()
    g = lawcode.citation_graph([cited, citing])
    a, b = law_key(cited), law_key(citing)
    assert set(lawcode.cited_by(g, f"{a}/MainProvision-Article_3")) == {
        f"{a}/MainProvision-Article_4-Paragraph_1", f"{b}/MainProvision-Article_1-Paragraph_1"}
    assert lawcode.cites(g, f"{b}/MainProvision-Article_2") == [f"{b}/MainProvision-Article_1"]
    two = lawcode.cites(g, f"{b}/MainProvision-Article_2", depth=2)
    assert f"{a}/MainProvision-Article_3-Paragraph_2" in two
    with pytest.raises(LawcodeError):
        lawcode.cites(g, f"{b}/MainProvision-Article_2", depth=0)


def test_exports_survive_none_and_tuples(tmp_path, sample_v1):
    g = lawcode.citation_graph(sample_v1)
    assert any(d.get("reason") is None for _, _, d in g.edges(data=True))
    out = tmp_path / "g.graphml"
    to_graphml(g, out)
    back = nx.read_graphml(out)
    assert back.number_of_edges() == g.number_of_edges()
    data = to_node_link(g)
    text = json.dumps(data, ensure_ascii=False)
    assert "前項" in text
