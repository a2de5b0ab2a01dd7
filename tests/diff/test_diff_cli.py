"""``lawcode diff`` and ``lawcode timeline`` (called through their command modules, as main.py does)."""

from __future__ import annotations

import argparse
import csv
import io
import json

from rich.console import Console

from testsupport import SAMPLES
from lawcode.cli import cmd_diff, cmd_timeline

V1, V2 = str(SAMPLES / "sakuragaoka_jorei_v1.xml"), str(SAMPLES / "sakuragaoka_jorei_v2.xml")


def _run(module, *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    args = parser.parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    code = module.run(args, Console(file=out, width=160), Console(file=err, width=160))
    return code, out.getvalue(), err.getvalue()


def test_protocol():
    for module in (cmd_diff, cmd_timeline):
        assert isinstance(module.NAME, str) and isinstance(module.HELP, str)
        assert callable(module.add_arguments) and callable(module.run)


def test_diff_summary_counts_then_changes():
    code, out, _ = _run(cmd_diff, V1, V2)
    assert code == 0
    lines = out.splitlines()
    assert lines[2].startswith("20 changes:") and "繰下げ 8" in lines[2] and "繰上げ 3" in lines[2]
    assert any("第十二条 → 第十三条" in line and "繰下げ" in line for line in lines)
    assert any("第四条第一項" in line and "「実施機関」→「市の機関」" in line for line in lines)


def test_diff_json(tmp_path):
    target = tmp_path / "d.json"
    code, _, err = _run(cmd_diff, V1, V2, "--format", "json", "-o", str(target))
    assert code == 0 and "wrote" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["counts"]["renumbered"] == 11
    assert data["changes"][0]["old_label"] == "目次"


def test_diff_csv_effects():
    code, out, _ = _run(cmd_diff, V1, V2, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 20
    assert {r["type"] for r in rows} >= {"改正", "追加", "削除", "繰下げ", "繰上げ"}


def test_diff_of_a_law_with_itself():
    code, out, _ = _run(cmd_diff, V1, V1)
    assert code == 0 and "no changes" in out


def test_timeline_summary_and_json():
    code, out, _ = _run(cmd_timeline, V1, V2)
    assert code == 0 and "20 provisions changed" in out
    assert "第十三条: v1 繰下げ" in out
    code, out, _ = _run(cmd_timeline, V1, V2, "--format", "json")
    assert json.loads(out)["provisions"]


def test_timeline_output_file_is_json_unless_text_is_asked_for(tmp_path):
    as_json, as_text = tmp_path / "t.json", tmp_path / "t.txt"
    assert _run(cmd_timeline, V1, V2, "-o", str(as_json))[0] == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["provisions"]
    code, out, err = _run(cmd_timeline, V1, V2, "--format", "text", "-o", str(as_text))
    written = as_text.read_text(encoding="utf-8")
    assert code == 0 and out == "" and "wrote" in err
    assert "20 provisions changed" in written and "第十三条: v1 繰下げ" in written
