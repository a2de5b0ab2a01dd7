"""``lawcode kaimebun OLD NEW`` (the command module; main.py registers it)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from rich.console import Console
from testsupport import SAMPLES

import lawcode
from lawcode.cli import cmd_kaimebun


def run(argv: list[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    cmd_kaimebun.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = cmd_kaimebun.run(parser.parse_args(argv), Console(file=out, width=400), Console(file=err, width=400))
    return code, out.getvalue(), err.getvalue()


def test_prints_the_kaimebun_and_checks_it(tmp_path: Path) -> None:
    v1, v2 = SAMPLES / "sakuragaoka_jorei_v1.xml", SAMPLES / "sakuragaoka_jorei_v2.xml"
    code, out, err = run([str(v1), str(v2), "--check"])
    assert code == 0, err
    assert out.startswith("\u3000桜ヶ丘市個人情報の保護に関する条例（令和二年桜ヶ丘市条例第十二号）の一部を次のように改正する。")
    assert "round trip: exact" in err
    # the printed text applies to v1 and gives v2
    result = lawcode.amend(lawcode.load(v1), out)
    assert len(result.operations) > 10


def test_writes_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "kaisei.txt"
    v1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
    code, out, _ = run([str(v1), str(v1), "-o", str(target)])
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").endswith("の一部を次のように改正する。\n")
