"""``lawcode corpus …`` (the command module, run through the real parser with the module added)."""

from __future__ import annotations

import json
import shutil

import networkx as nx
import pandas as pd
import pytest

from lawcode.cli import cmd_corpus, main
from testsupport import SAMPLES

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
V2 = SAMPLES / "sakuragaoka_jorei_v2.xml"


@pytest.fixture(autouse=True)
def with_corpus_command(monkeypatch):
    if cmd_corpus not in main.COMMANDS:
        monkeypatch.setattr(main, "COMMANDS", (*main.COMMANDS, cmd_corpus))


def test_refs_writes_parquet(tmp_path, capsys):
    out = tmp_path / "refs.parquet"
    assert main.main(["corpus", "refs", str(SAMPLES), "-o", str(out), "--scheduler", "serial"]) == 0
    df = pd.read_parquet(out)
    assert len(df) > 50 and set(df.kind) >= {"relative", "absolute"}
    assert f"2 laws: {len(df):,} references → {out}" in capsys.readouterr().out


def test_graph_writes_graphml_and_node_link(tmp_path):
    gml, js = tmp_path / "g.graphml", tmp_path / "g.json"
    assert main.main(["corpus", "graph", str(V1), "-o", str(gml), "--scheduler", "serial"]) == 0
    assert main.main(["corpus", "graph", str(V1), "-o", str(js), "--scheduler", "serial"]) == 0
    g = nx.read_graphml(gml)
    data = json.loads(js.read_text(encoding="utf-8"))
    assert g.number_of_edges() == len(data["links"] if "links" in data else data["edges"]) > 10


def test_graph_and_references_from_one_scan(tmp_path, capsys):
    gml, refs = tmp_path / "g.graphml", tmp_path / "refs.parquet"
    assert main.main(["corpus", "graph", str(SAMPLES), "-o", str(gml), "--references", str(refs),
                      "--scheduler", "serial"]) == 0
    df = pd.read_parquet(refs)
    printed = capsys.readouterr().out
    assert f"2 laws: {len(df):,} references → {refs}" in printed and "edges → " in printed


def test_diff_and_impact(tmp_path, capsys):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    shutil.copy(V1, old / "jorei.xml")
    shutil.copy(V2, new / "jorei.xml")
    out = tmp_path / "effects.parquet"
    assert main.main(["corpus", "diff", str(old), str(new), "-o", str(out), "--scheduler", "serial"]) == 0
    assert set(pd.read_parquet(out).type) >= {"改正", "追加"}
    procs = tmp_path / "procedures_slim.csv"
    procs.write_text("手続ID,手続名,法令名,法令番号,根拠条項号\n"
                     "P1,開示請求,桜ヶ丘市個人情報の保護に関する条例,令和二年桜ヶ丘市条例第十二号,第三条\n",
                     encoding="utf-8")
    out2 = tmp_path / "impact.parquet"
    assert main.main(["corpus", "impact", str(old), str(new), "--procedures", str(procs), "-o", str(out2),
                      "--scheduler", "serial"]) == 0
    assert "impact hits" in capsys.readouterr().out


def test_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert main.main(["corpus", "refs", str(tmp_path / "none"), "-o", str(tmp_path / "o"), "--scheduler",
                      "serial"]) == 2
    assert "no such folder" in capsys.readouterr().err
