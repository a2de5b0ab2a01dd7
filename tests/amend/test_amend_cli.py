"""``lawcode amend BASE AMENDMENT [--scope] [-o] [--explain]``."""

from __future__ import annotations

import argparse
import io

from rich.console import Console

import lawcode
from lawcode.amend.cases import comparable_xml
from lawcode.cli import cmd_amend

from testsupport import SAMPLES


def call(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    cmd_amend.add_arguments(parser)
    args = parser.parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    code = cmd_amend.run(args, Console(file=out, width=200), Console(file=err, width=200))
    return code, out.getvalue(), err.getvalue()


def test_amend_writes_the_new_law_and_explains(tmp_path):
    target = tmp_path / "v2.xml"
    code, out, err = call(str(SAMPLES / "sakuragaoka_jorei_v1.xml"), str(SAMPLES / "sakuragaoka_kaisei_r5_21.txt"),
                          "-o", str(target), "--explain")
    assert code == 0
    assert "字句の改正" in out and "第十二条 → 第十三条" in out
    assert comparable_xml(lawcode.load(target)) == comparable_xml(lawcode.load(SAMPLES / "sakuragaoka_jorei_v2.xml"))


def test_amend_to_stdout(tmp_path):
    code, out, err = call(str(SAMPLES / "sakuragaoka_jorei_v1.xml"), str(SAMPLES / "sakuragaoka_kaisei_r5_21.txt"))
    assert code == 0 and out.startswith("<?xml") and "第五条の二" in out


def test_amend_failure_exits_1_with_the_reason(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("桜ヶ丘市個人情報の保護に関する条例の一部を次のように改正する。\n第四条中「存在しない字句」を「市の機関」に改める。\n",
                   encoding="utf-8")
    code, out, err = call(str(SAMPLES / "sakuragaoka_jorei_v1.xml"), str(bad))
    assert code == 1 and out == ""
    assert "「存在しない字句」 not found" in err and "bad.txt:2:1" in err
