"""CLI on plain text: convert FILE.txt -o FILE.xml, convert FILE.xml --to text, show/stats/refs on .txt."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.cli.main import main

from testsupport import SAMPLES

KAISEI = SAMPLES / "sakuragaoka_kaisei_r5_21.txt"


@pytest.fixture(autouse=True)
def _plain_console(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")


def run(capsys, *argv: object) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_text_to_xml(tmp_path, capsys):
    target = tmp_path / "kaisei.xml"
    code, _, err = run(capsys, "convert", KAISEI, "-o", target)
    assert code == 0, err
    law = lawcode.load(target)
    assert law.title == "桜ヶ丘市個人情報の保護に関する条例の一部を改正する条例"
    assert law.root.element.find(".//AmendProvision") is not None


def test_convert_xml_to_text_on_stdout_and_back(tmp_path, capsys):
    code, out, _ = run(capsys, "convert", SAMPLES / "sakuragaoka_jorei_v1.xml", "--to", "text")
    assert code == 0
    assert out.splitlines()[0] == "桜ヶ丘市個人情報の保護に関する条例"
    text_file = tmp_path / "v1.txt"
    text_file.write_text(out, encoding="utf-8")
    assert lawcode.load(text_file).find("第三条の二第二項").own_text().startswith("事業者は、市から委託")


def test_convert_text_needs_an_output(capsys):
    code, _, err = run(capsys, "convert", KAISEI)
    assert code == 2
    assert "-o" in err


def test_convert_reports_a_bad_text(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("第一条\u3000甲。\n（宙に浮いた見出し）\n", encoding="utf-8")
    code, _, err = run(capsys, "convert", bad, "-o", tmp_path / "bad.xml")
    assert code == 1
    assert "bad.txt:2:1" in err.replace("\n", "")


@pytest.mark.parametrize("command", ["show", "stats", "refs"])
def test_commands_read_text_files(command, capsys):
    code, out, err = run(capsys, command, KAISEI)
    assert code == 0, err
    assert out
