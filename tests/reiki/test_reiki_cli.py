"""``lawcode convert`` and the folder commands (stats, roundtrip) on 例規集 pages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from rich.console import Console

import lawcode
from lawcode.cli import cmd_convert
from lawcode.cli.common import candidate_files
from lawcode.cli.main import main
from testsupport import plain_console
from reiki_pages import article, clause, d1w_line, d1w_page, head, item, srb_page, suppl


@pytest.fixture(autouse=True)
def _plain_console(monkeypatch):
    plain_console(monkeypatch)


@pytest.fixture
def city(tmp_path: Path) -> Path:
    """A small 例規集 folder: two ぎょうせい pages, one 第一法規 page, an index page and an unrelated page."""
    honbun = tmp_path / "sakuragaoka" / "reiki_honbun"
    honbun.mkdir(parents=True)
    (honbun / "a.html").write_bytes(srb_page(head() + [article("第1条", "目的"), item("(1)", "号")]))
    (honbun / "b.html").write_bytes(srb_page(head(title="○桜丘市規則", number="規則第3号") + [
        article("第1条", "規則"), suppl(), clause("1", "施行する。")]))
    (honbun / "c.html").write_bytes(srb_page(head(title="○同番号の別規程") + [article("第1条", "別")]))
    d1w = tmp_path / "sakuragaoka" / "d1w_reiki" / "H505901010023"
    d1w.mkdir(parents=True)
    (d1w / "H505901010023_j.html").write_bytes(
        d1w_page([d1w_line("hL20", "1.0.0.0-0.0-0.0.0-0-0-0-0", "<b>第１条</b>\u3000本文。")]))
    (tmp_path / "sakuragaoka" / "index.html").write_bytes(b"<html><body>OpenResDataWin('x')</body></html>")
    (tmp_path / "sakuragaoka" / "other.html").write_bytes(b"<html><body>hello</body></html>")
    return tmp_path / "sakuragaoka"


def _convert(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    cmd_convert.add_arguments(parser)
    args = parser.parse_args(list(argv))
    out, err = Console(record=True, width=200), Console(record=True, width=200, stderr=True)
    code = cmd_convert.run(args, out, err)
    return code, out.export_text(), err.export_text()


def test_convert_writes_one_xml_per_page_named_by_municipality_and_number(city, tmp_path):
    out_dir = tmp_path / "xml"
    code, out, err = _convert(str(city), "-o", str(out_dir), "-q")
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["sakuragaoka_令和5年条例第23号.xml", "sakuragaoka_平成10年条例第16号.xml",
                     "sakuragaoka_平成10年条例第16号_c.xml", "sakuragaoka_平成10年規則第3号.xml"]
    law = lawcode.load(out_dir / "sakuragaoka_平成10年規則第3号.xml")
    assert law.title == "桜丘市規則" and law.find("附則第1項").text().endswith("施行する。")
    assert "converted 4/4" in out


def test_convert_with_an_explicit_municipality(city, tmp_path):
    code, _, _ = _convert(str(city / "reiki_honbun" / "a.html"), "-o", str(tmp_path / "x"), "--municipality", "桜丘市")
    assert code == 0
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["桜丘市_平成10年条例第16号.xml"]


def test_convert_reports_a_bad_page_and_goes_on(city, tmp_path):
    bad = city / "reiki_honbun" / "bad.html"
    bad.write_bytes(srb_page([article("第1条", "公布日のない頁")]))
    code, out, err = _convert(str(city / "reiki_honbun"), "-o", str(tmp_path / "y"), "-q")
    assert code == 1
    assert "FAILED" in err and "bad.html" in err and "公布日" in err
    assert "converted 3/4" in out


def test_convert_refuses_a_folder_without_pages(tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = _convert(str(tmp_path / "empty"), "-o", str(tmp_path / "z"))
    assert code == 1 and "no 例規集 pages" in err


def test_folder_commands_find_pages_of_known_systems_only(city):
    names = sorted(p.name for p in candidate_files(city))
    assert names == ["H505901010023_j.html", "a.html", "b.html", "c.html"]


def test_stats_and_roundtrip_on_a_reiki_folder(city, capsys):
    assert main(["stats", str(city), "--format", "json", "-q"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert len(payload["files"]) == 4 and not payload["bad"] and not payload["skipped"]
    assert main(["roundtrip", str(city), "-q", "-j", "1"]) == 0
    assert "4/4 <Law> files lossless" in capsys.readouterr().out
