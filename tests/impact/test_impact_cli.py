"""``lawcode impact`` and ``lawcode check-links``, run through their command modules (as lawcode.cli.main does)."""

from __future__ import annotations

import argparse
import io
import json
import xml.etree.ElementTree as ET

from rich.console import Console

import lawcode
from lawcode.cli import cmd_check_links, cmd_impact

from impact_builders import art, make_law


def _run(module, *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog=f"lawcode {module.NAME}")
    module.add_arguments(parser)
    args = parser.parse_args(list(argv))
    buf = io.StringIO()
    out = Console(file=buf, width=200)
    err = Console(file=io.StringIO())
    return module.run(args, out, err), buf.getvalue()


def _write(path, law: lawcode.Law):
    path.write_bytes(law.to_xml())
    return str(path)


def _laws(tmp_path):
    old = make_law(art(1, "甲は、届け出なければならない。"), art(2, "乙は、申請することができる。"), art(3, "丙とする。"))
    new = make_law(art(1, "丁は、報告しなければならない。"), art(2, "甲は、直ちに届け出なければならない。"),
                   art(3, "乙は、申請することができる。"), art(4, "丙とする。"))
    return _write(tmp_path / "old.xml", old), _write(tmp_path / "new.xml", new)


TRACE = """\
format: lawcode-trace/1
defaults: {law: 試験法}
items:
  - {id: A, title: 届出, links: [{address: 第一条}]}
  - {id: B, title: 申請, links: [{address: 第二条}]}
  - {id: C, title: 無関係, links: [{address: 第三条}]}
  - {id: D, title: 存在しない, links: [{address: 第九条}]}
"""


def test_impact_json_lists_ids_and_reasons(tmp_path):
    old, new = _laws(tmp_path)
    (tmp_path / "t.yaml").write_text(TRACE, encoding="utf-8")
    code, text = _run(cmd_impact, old, new, "--trace", str(tmp_path / "t.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(text)
    states = {h["id"]: h["state"] for h in data["hits"]}
    assert states == {"A": "moved", "B": "moved", "C": "moved", "D": "broken"}
    assert all(h["reason"] for h in data["hits"])


def test_impact_table_html_and_output_file(tmp_path):
    old, new = _laws(tmp_path)
    (tmp_path / "t.yaml").write_text(TRACE, encoding="utf-8")
    code, text = _run(cmd_impact, old, new, "--trace", str(tmp_path / "t.yaml"))
    assert code == 0 and "直接" in text and "A" in text
    out = tmp_path / "r.html"
    code, _ = _run(cmd_impact, old, new, "--trace", str(tmp_path / "t.yaml"), "--format", "html", "-o", str(out))
    assert code == 0 and "影響分析" in out.read_text(encoding="utf-8")


def test_impact_needs_a_trace_or_procedures(tmp_path):
    old, new = _laws(tmp_path)
    code, _ = _run(cmd_impact, old, new)
    assert code == 2


def test_check_links_fails_on_moved_and_broken_and_writes_reports(tmp_path):
    old, new = _laws(tmp_path)
    (tmp_path / "t.yaml").write_text(TRACE, encoding="utf-8")
    md, junit = tmp_path / "s.md", tmp_path / "j.xml"
    code, text = _run(cmd_check_links, str(tmp_path / "t.yaml"), old, new, "--markdown", str(md), "--junit", str(junit))
    assert code == 1 and "need review" in text
    assert "| moved |" in md.read_text(encoding="utf-8")
    suite = ET.parse(junit).getroot()
    assert suite.get("tests") == "4" and suite.get("failures") == "4"


def test_check_links_passes_against_one_version_without_fingerprints(tmp_path):
    old, _new = _laws(tmp_path)
    trace = tmp_path / "t.yaml"
    trace.write_text("format: lawcode-trace/1\nitems:\n  - {id: A, links: [{law: 試験法, address: 第一条}]}\n"
                     "  - {id: X, links: [{law: 他法, address: 第一条}]}\n", encoding="utf-8")
    code, text = _run(cmd_check_links, str(trace), old)
    assert code == 0 and "0 need review" in text


def test_check_links_suspect_by_fingerprint(tmp_path):
    old, new = _laws(tmp_path)
    fp = lawcode.load(old).find("第一条").fingerprint
    trace = tmp_path / "t.yaml"
    trace.write_text(f"format: lawcode-trace/1\nitems:\n  - {{id: A, links: [{{law: 試験法, address: 第二条, fingerprint: '{fp}'}}]}}\n",
                     encoding="utf-8")
    code, text = _run(cmd_check_links, str(trace), new)
    assert code == 1 and "suspect" in text
