"""The ``lawcode`` command line: show, stats, roundtrip, exit codes and messages.

Most tests call :func:`lawcode.cli.main.main` in-process (fast, output through capsys); one runs
``python -m lawcode`` and one the installed ``lawcode`` script, to prove the console entry points work.
Exit status contract (lawcode/cli/main.py): 0 success, 1 a check failed, 2 bad input or usage.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from testsupport import SAMPLES, plain_console, require_corpus, xml_to_json_tree
from lxml import etree

import lawcode
from lawcode.cli.main import COMMANDS, build_parser, main

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
V2 = SAMPLES / "sakuragaoka_jorei_v2.xml"
LAWCODE_HOME = Path(lawcode.__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _plain_console(monkeypatch):
    """rich must not colour or re-wrap the captured output, whatever the environment of the test run."""
    plain_console(monkeypatch)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """main(argv) in-process → (exit status, stdout, stderr); argparse's SystemExit is turned into a status."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # --help, --version, usage errors
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    out, err = capsys.readouterr()
    return code, out, err


def _sentences_from_xml(path: Path, article: str, paragraph: str) -> list[str]:
    """The Sentence texts of one paragraph, read with lxml independently of lawcode."""
    tree = etree.parse(str(path))
    paras = tree.xpath(
        "/Law/LawBody/MainProvision//Article[@Num=$a]/Paragraph[@Num=$p]", a=article, p=paragraph
    )
    assert len(paras) == 1
    return ["".join(s.itertext()) for s in paras[0].iter("Sentence")]


# --------------------------------------------------------------------------------------------------------
# show
# --------------------------------------------------------------------------------------------------------


def test_show_outline(capsys):
    code, out, err = run(capsys, "show", V1)
    assert code == 0, err
    law = lawcode.load(V1)
    lines = out.splitlines()
    assert lines[0] == "桜ヶ丘市個人情報の保護に関する条例"
    assert "令和二年桜ヶ丘市条例第十二号" in lines[1]
    assert "[MainProvision-Article_3_2]" in out
    assert "[MainProvision-Chapter_2-Section_1]" in out
    # every article of the law appears with its path, in document order
    positions = []
    for article in law.articles():
        marker = f"[{article.path}]"
        assert marker in out, marker
        positions.append(out.index(marker))
    assert positions == sorted(positions)
    (line,) = [x for x in lines if x.rstrip().endswith("[MainProvision-Article_3_2]")]
    assert line.lstrip().startswith("第三条の二（事業者の責務）")
    (deleted,) = [x for x in lines if x.rstrip().endswith("[MainProvision-Article_15:17]")]
    assert "削除" in deleted


def test_show_outline_json(capsys):
    code, out, err = run(capsys, "show", "--format", "json", V1)
    assert code == 0, err
    payload = json.loads(out)
    assert payload["title"] == "桜ヶ丘市個人情報の保護に関する条例"
    assert payload["law_num"] == "令和二年桜ヶ丘市条例第十二号"
    assert payload["promulgated"] == "2020-03-25"
    paths = [p["path"] for p in payload["provisions"]]
    assert "MainProvision-Article_3_2" in paths
    assert not any("Paragraph" in p.rsplit("-", 1)[-1] for p in paths)


def test_show_provision(capsys):
    code, out, err = run(capsys, "show", V1, "第三条の二第二項")
    assert code == 0, err
    lines = out.splitlines()
    assert "第三条の二第二項" in lines[0]
    assert "MainProvision-Article_3_2-Paragraph_2" in lines[0]
    sentences = _sentences_from_xml(V1, "3_2", "2")
    assert sentences
    for sentence in sentences:
        assert sentence in out
    expected = lawcode.load(V1).find("第三条の二第二項").text()
    assert out.endswith(expected + "\n")


@pytest.mark.parametrize(
    "address",
    ["第３条の２第２項", "第3条の2第2項", "MainProvision-Article_3_2-Paragraph_2", "第三条の二　第二項"],
)
def test_show_provision_spellings(capsys, address):
    code, reference, _ = run(capsys, "show", V1, "第三条の二第二項")
    assert code == 0
    code, out, err = run(capsys, "show", V1, address)
    assert code == 0, err
    assert out == reference


def test_show_provision_json(capsys):
    code, out, err = run(capsys, "show", "--format", "json", V1, "第三条の二第二項")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["path"] == "MainProvision-Article_3_2-Paragraph_2"
    assert payload["label"] == "第三条の二第二項"
    assert payload["kind"] == "Paragraph"
    for sentence in _sentences_from_xml(V1, "3_2", "2"):
        assert sentence in payload["text"]
    assert payload["text"] == lawcode.load(V1).find("MainProvision-Article_3_2-Paragraph_2").text()


def test_show_ruby(capsys):
    address = "MainProvision-Article_6-Paragraph_2-Item_6"
    code, plain, _ = run(capsys, "show", "--format", "json", V1, address)
    assert code == 0
    code, ruby, _ = run(capsys, "show", "--format", "json", "--ruby", V1, address)
    assert code == 0
    assert "罹災" in json.loads(plain)["text"]
    assert "罹（り）災" in json.loads(ruby)["text"]


@pytest.mark.parametrize(
    "address, nearest_path",
    [
        ("第九十九条", "MainProvision"),
        ("第三条の二第九項", "MainProvision-Article_3_2"),
        ("第三条の二第二項第一号", "MainProvision-Article_3_2-Paragraph_2"),
    ],
)
def test_show_missing_provision(capsys, address, nearest_path):
    law = lawcode.load(V1)
    with pytest.raises(lawcode.AddressError) as info:
        law.find(address)
    assert info.value.nearest
    code, out, err = run(capsys, "show", V1, address)
    assert code == 2
    assert out == ""
    assert err.startswith("lawcode: error: ")
    assert address in err
    assert info.value.nearest in err
    assert nearest_path in err
    assert "Traceback" not in err


def test_show_malformed_address(capsys):
    code, _out, err = run(capsys, "show", V1, "第条条")
    assert code == 2
    assert "第条条" in err and "Traceback" not in err


def test_show_path_with_brackets_is_printed_verbatim(capsys, tmp_path):
    """Paths and labels are data, not rich markup: 'SupplProvision[foo]' must not lose '[foo]'."""
    doc = (
        '<Law Era="Reiwa" Year="1" Num="1" LawType="Act" Lang="ja"><LawNum>令和元年法律第一号</LawNum><LawBody>'
        "<LawTitle>テスト法</LawTitle><MainProvision><Article Num=\"1\"><ArticleTitle>第一条</ArticleTitle>"
        '<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>本文[bold]です[/bold]。</Sentence>'
        '</ParagraphSentence></Paragraph></Article></MainProvision><SupplProvision AmendLawNum="foo">'
        "<SupplProvisionLabel>附　則</SupplProvisionLabel><Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence>"
        "<Sentence>附則の本文。</Sentence></ParagraphSentence></Paragraph></SupplProvision></LawBody></Law>"
    )
    path = tmp_path / "brackets.xml"
    path.write_text(doc, encoding="utf-8")
    law = lawcode.load(path)
    suppl = law.suppl_provisions[0]
    assert "[" in suppl.path
    code, out, err = run(capsys, "show", path, suppl.path)
    assert code == 0, err
    first = out.splitlines()[0]
    assert suppl.path in first, first
    assert suppl.label in first, first
    code, out, err = run(capsys, "show", path, "第一条")
    assert code == 0, err
    assert "本文[bold]です[/bold]。" in out


def test_show_missing_file(capsys, tmp_path):
    missing = tmp_path / "nope.xml"
    code, _out, err = run(capsys, "show", missing)
    assert code == 2
    assert str(missing) in err
    assert "Traceback" not in err


def test_show_broken_file_names_file_and_line(capsys, tmp_path):
    broken = tmp_path / "broken.xml"
    head = V1.read_bytes()[:2000]
    broken.write_bytes(head)
    code, _out, err = run(capsys, "show", broken)
    assert code == 2
    line = head.count(b"\n") + 1
    assert f"{broken}:{line}:" in err


def test_show_hostile_file(capsys, tmp_path):
    evil = tmp_path / "evil.xml"
    evil.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE Law [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
        "<Law><LawBody><LawTitle>&b;</LawTitle></LawBody></Law>\n",
        encoding="utf-8",
    )
    code, _out, err = run(capsys, "show", evil)
    assert code == 2
    assert f"{evil}:2" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------------------------------------
# stats
# --------------------------------------------------------------------------------------------------------


def _expected_counts(path: Path) -> dict[str, int]:
    """Counts computed here from the provisions (and TableStruct elements), independently of lawcode.cli."""
    law = lawcode.load(path)
    kinds = Counter(p.tag for p in law.provisions())
    amend = sum(1 for p in law.suppl_provisions if p.element.get("AmendLawNum"))
    return {
        "chapters": kinds["Chapter"],
        "articles": kinds["Article"],
        "paragraphs": kinds["Paragraph"],
        "items": kinds["Item"],
        "subitems": sum(n for k, n in kinds.items() if k.startswith("Subitem")),
        "suppl_provisions": kinds["SupplProvision"],
        "amend_suppl_provisions": amend,
        "tables": sum(1 for _ in etree.parse(str(path)).getroot().iter("TableStruct")),
        "appendices": sum(n for k, n in kinds.items() if k.startswith(("Appdx", "SupplProvisionAppdx"))),
    }


def test_expected_counts_agree_with_the_sample_readme():
    v1, v2 = _expected_counts(V1), _expected_counts(V2)
    # corpus/samples/README.md: 20 / 22 articles, 4 chapters, 原始附則 + 1 / 2 改正附則, 別表第一 + 別記様式第一号,
    # one TableStruct in 第十四条第二項 and one in 別表第一; 号: 5 + 7 + 4 + 6 + 3 (v1); 細分 イロハ + （１）（２）
    assert (v1["articles"], v2["articles"]) == (20, 22)
    assert v1["chapters"] == v2["chapters"] == 4
    assert (v1["suppl_provisions"], v1["amend_suppl_provisions"]) == (2, 1)
    assert (v2["suppl_provisions"], v2["amend_suppl_provisions"]) == (3, 2)
    assert v1["appendices"] == v2["appendices"] == 2
    assert v1["tables"] == v2["tables"] == 2
    assert v1["items"] == 25 and v2["items"] == 24
    assert v1["subitems"] == v2["subitems"] == 5


def test_stats_json(capsys):
    code, out, err = run(capsys, "stats", "--format", "json", SAMPLES)
    assert code == 0, err
    payload = json.loads(out)
    by_name = {Path(f["source"]).name: f for f in payload["files"]}
    assert set(by_name) == {V1.name, V2.name}
    assert payload["skipped"] == []
    total: Counter[str] = Counter()
    for path in (V1, V2):
        expected = _expected_counts(path)
        row = by_name[path.name]
        assert row["title"] == "桜ヶ丘市個人情報の保護に関する条例"
        assert {k: row[k] for k in expected} == expected, path.name
        total.update(expected)
    assert {k: payload["total"][k] for k in total} == dict(total)


def test_stats_single_file_json(capsys):
    code, out, err = run(capsys, "stats", "--format", "json", V1)
    assert code == 0, err
    payload = json.loads(out)
    assert len(payload["files"]) == 1
    expected = _expected_counts(V1)
    assert {k: payload["total"][k] for k in expected} == expected


def test_stats_table(capsys):
    code, out, err = run(capsys, "stats", SAMPLES)
    assert code == 0, err
    assert V1.name in out and V2.name in out
    expected_articles = _expected_counts(V1)["articles"] + _expected_counts(V2)["articles"]
    (total_line,) = [line for line in out.splitlines() if "合計" in line]
    assert "(2)" in total_line
    assert str(expected_articles) in total_line.split()


def test_stats_skips_non_law_files(capsys, tmp_path):
    shutil.copy(V1, tmp_path / "law.xml")
    (tmp_path / "other.xml").write_text("<DataRoot><x/></DataRoot>", encoding="utf-8")
    code, out, err = run(capsys, "stats", "--format", "json", tmp_path)
    assert code == 0, err
    payload = json.loads(out)
    assert [Path(f["source"]).name for f in payload["files"]] == ["law.xml"]
    assert [Path(s).name for s in payload["skipped"]] == ["other.xml"]


def test_stats_bad_path(capsys, tmp_path):
    code, _out, err = run(capsys, "stats", tmp_path / "missing")
    assert code == 2
    assert str(tmp_path / "missing") in err


# --------------------------------------------------------------------------------------------------------
# roundtrip
# --------------------------------------------------------------------------------------------------------


def test_roundtrip_samples(capsys):
    code, out, err = run(capsys, "roundtrip", "-q", SAMPLES)
    assert code == 0, out + err
    assert "2/2" in out
    assert "FAILED" not in out


def test_roundtrip_single_file(capsys):
    code, out, err = run(capsys, "roundtrip", "--quiet", V1)
    assert code == 0, out + err
    assert "1/1" in out


def test_roundtrip_mixed_directory(capsys, tmp_path):
    shutil.copy(V1, tmp_path / "good.xml")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "other.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<DataRoot><ApplData/></DataRoot>\n', encoding="utf-8"
    )
    broken = tmp_path / "broken.xml"
    broken.write_bytes(V1.read_bytes()[:5000])
    (tmp_path / "notes.txt").write_text("not xml, not *.xml", encoding="utf-8")
    code, out, _err = run(capsys, "roundtrip", "-q", tmp_path)
    assert code == 1
    assert "1/2" in out  # good + broken were checked; other.xml is not a law
    assert "1 other XML files skipped" in out
    failed = [line for line in out.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1
    assert str(broken) in failed[0]
    assert not any("other.xml" in line for line in failed)
    assert (tmp_path / "good.xml").read_bytes() == V1.read_bytes()  # inputs untouched


def test_roundtrip_bad_path(capsys, tmp_path):
    missing = tmp_path / "missing-dir"
    code, _out, err = run(capsys, "roundtrip", missing)
    assert code == 2
    assert str(missing) in err
    assert "no such file" in err
    assert "Traceback" not in err


@pytest.mark.corpus
def test_roundtrip_egov_corpus(capsys):
    egov = require_corpus() / "egov"
    assert egov.is_dir(), f"{egov} is missing from the corpus"
    laws = [p for p in sorted(egov.rglob("*.xml")) if etree.parse(str(p)).getroot().tag == "Law"]
    assert laws, f"no <Law> files under {egov}"
    code, out, err = run(capsys, "roundtrip", "-q", egov)
    assert code == 0, out[-3000:] + err[-2000:]
    assert f"{len(laws)}/{len(laws)}" in out


# --------------------------------------------------------------------------------------------------------
# usage
# --------------------------------------------------------------------------------------------------------


def test_version(capsys):
    code, out, _err = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"lawcode {lawcode.__version__}"


def test_no_command_prints_help(capsys):
    code, out, _err = run(capsys)
    assert code == 2
    assert "usage: lawcode" in out
    for command in ("show", "stats", "roundtrip"):
        assert command in out


def _subcommands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sorted(sub.choices)


def test_every_subcommand_is_covered():
    assert _subcommands() == sorted(command.NAME for command in COMMANDS)
    assert {"roundtrip", "show", "stats"} <= set(_subcommands())


def test_every_command_module_follows_the_protocol():
    """One module per subcommand (lawcode/cli/cmd_<name>.py), each with the same API (lawcode/cli/common.py)."""
    cli_dir = LAWCODE_HOME / "lawcode" / "cli"
    modules = [importlib.import_module(f"lawcode.cli.{p.stem}") for p in sorted(cli_dir.glob("cmd_*.py"))]
    assert set(COMMANDS) <= set(modules)
    for command in modules:
        assert isinstance(command.NAME, str) and command.NAME, command
        assert command.__name__.endswith("cmd_" + command.NAME.replace("-", "_")), command
        assert isinstance(command.HELP, str) and command.HELP, command
        assert list(inspect.signature(command.add_arguments).parameters) == ["parser"], command
        assert list(inspect.signature(command.run).parameters) == ["args", "out", "err"], command


@pytest.mark.parametrize("command", _subcommands())
def test_subcommand_help(capsys, command):
    code, out, _err = run(capsys, command, "--help")
    assert code == 0
    assert f"usage: lawcode {command}" in out


def test_top_level_help(capsys):
    code, out, _err = run(capsys, "--help")
    assert code == 0
    assert "usage: lawcode" in out


@pytest.mark.parametrize(
    "argv",
    [["show"], ["frobnicate"], ["stats", "--format", "xml", "x"], ["show", "--format", "yaml", "f.xml"]],
    ids=["show-without-file", "unknown-command", "stats-bad-format", "show-bad-format"],
)
def test_usage_errors_exit_2(capsys, argv):
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err


# --------------------------------------------------------------------------------------------------------
# the console entry points
# --------------------------------------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(LAWCODE_HOME), env.get("PYTHONPATH")) if x)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("FORCE_COLOR", None)
    return env


def test_python_dash_m_lawcode(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "lawcode", "show", str(V1), "第三条の二第二項"],
        capture_output=True,
        timeout=60,
        env=_child_env(),
        cwd=tmp_path,
        check=False,
    )
    stdout = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert "第三条の二第二項" in stdout
    assert "MainProvision-Article_3_2-Paragraph_2" in stdout
    for sentence in _sentences_from_xml(V1, "3_2", "2"):
        assert sentence in stdout
    proc = subprocess.run(
        [sys.executable, "-m", "lawcode", "show", str(V1), "第九十九条"],
        capture_output=True, timeout=60, env=_child_env(), cwd=tmp_path, check=False,
    )
    assert proc.returncode == 2
    assert "第九十九条" in proc.stderr.decode("utf-8")


def test_installed_console_script(tmp_path):
    script = Path(sys.executable).with_name("lawcode")
    if not script.exists():
        script_path = shutil.which("lawcode")
        if script_path is None:
            pytest.skip("the lawcode console script is not installed in this environment")
        script = Path(script_path)
    proc = subprocess.run(
        [str(script), "--version"], capture_output=True, timeout=60, env=_child_env(), cwd=tmp_path, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip() == f"lawcode {lawcode.__version__}"


def test_roundtrip_in_parallel_workers(capsys, tmp_path):
    from lawcode.cli.main import main as cli_main

    (tmp_path / "a.xml").write_bytes((SAMPLES / "sakuragaoka_jorei_v1.xml").read_bytes())
    (tmp_path / "b.xml").write_bytes((SAMPLES / "sakuragaoka_jorei_v2.xml").read_bytes())
    (tmp_path / "envelope.xml").write_text("<DataRoot><Result/></DataRoot>", encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<Law><LawBody>", encoding="utf-8")
    assert cli_main(["roundtrip", "--jobs", "2", "-q", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "2/3 <Law> files lossless" in out and "1 other XML files skipped" in out
    assert "broken.xml" in out


# --------------------------------------------------------------------------------------------------------
# stats and roundtrip: bad files, empty folders
# --------------------------------------------------------------------------------------------------------


def test_stats_reports_bad_files_and_carries_on(capsys, tmp_path):
    shutil.copy(V1, tmp_path / "a_good.xml")
    (tmp_path / "b_broken.xml").write_bytes(V1.read_bytes()[:3000])
    (tmp_path / "c_listing.xml").write_text("<DataRoot><ApplData/></DataRoot>", encoding="utf-8")
    shutil.copy(V2, tmp_path / "d_good.xml")
    code, out, err = run(capsys, "stats", "--format", "json", tmp_path)
    assert code == 1
    payload = json.loads(out)
    assert [Path(f["source"]).name for f in payload["files"]] == ["a_good.xml", "d_good.xml"]  # carried on
    assert [Path(s).name for s in payload["skipped"]] == ["c_listing.xml"]
    (bad,) = payload["bad"]
    assert Path(bad["source"]).name == "b_broken.xml"
    assert f"{tmp_path / 'b_broken.xml'}:" in bad["error"]
    assert "b_broken.xml" in err and "Traceback" not in err
    code, out, err = run(capsys, "stats", tmp_path)
    assert code == 1
    (total_line,) = [line for line in out.splitlines() if "合計" in line]
    assert "(2)" in total_line
    assert "BAD" in err and "b_broken.xml" in err
    assert "1 of 4 file(s) could not be read" in err


def test_stats_single_bad_file(capsys, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<Law><LawBody>", encoding="utf-8")
    code, _out, err = run(capsys, "stats", broken)
    assert code == 1
    assert str(broken) in err


@pytest.mark.parametrize("command", ["stats", "roundtrip"])
def test_folder_without_laws_exits_1_saying_so(capsys, tmp_path, command):
    code, out, err = run(capsys, command, tmp_path)
    assert code == 1
    assert f"no <Law> files under {tmp_path}" in err
    assert "Traceback" not in err
    (tmp_path / "schema.xml").write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>", encoding="utf-8")
    (tmp_path / "list.xml").write_text("<DataRoot><ApplData><LawNameListInfo/></ApplData></DataRoot>",
                                       encoding="utf-8")
    code, out, err = run(capsys, command, tmp_path)
    assert code == 1
    assert f"no <Law> files under {tmp_path}" in err
    assert "2 file(s) read" in err


def test_roundtrip_checks_the_law_inside_an_api_response(capsys, tmp_path):
    law = V1.read_text(encoding="utf-8").split("\n", 2)[2]  # without the declaration and the comment
    (tmp_path / "lawdata.xml").write_text(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DataRoot><Result><Code>0</Code><Message/></Result><ApplData>"
        f"<LawId>502XX0000000012</LawId><LawNum/><LawFullText>{law}</LawFullText></ApplData></DataRoot>\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "roundtrip", "-q", tmp_path)
    assert code == 0, out + err
    assert "1/1 <Law> files lossless" in out


# --------------------------------------------------------------------------------------------------------
# outline: law type in Japanese, no empty （）, container titles in JSON, API responses
# --------------------------------------------------------------------------------------------------------

_BODY = (
    "<LawBody><LawTitle>テスト</LawTitle><MainProvision><Chapter Num=\"1\"><ChapterTitle>第一章　総則</ChapterTitle>"
    '<Article Num="1"><ArticleTitle>第一条</ArticleTitle><Paragraph Num="1"><ParagraphNum/><ParagraphSentence>'
    "<Sentence>本文。</Sentence></ParagraphSentence></Paragraph></Article></Chapter></MainProvision></LawBody>"
)


@pytest.mark.parametrize(
    "attrs, law_num, expected",
    [
        ('LawType="Act" Era="Reiwa" Year="1" Num="1"', "令和元年法律第一号", "法律"),
        ('LawType="CabinetOrder"', "令和元年政令第一号", "政令"),
        ('LawType="MinisterialOrdinance"', "令和元年総務省令第一号", "府省令"),
        ('LawType="Rule"', "令和元年人事院規則一―七九", "規則"),
        ('LawType="Misc"', "令和二年桜ヶ丘市条例第十二号", "条例"),
        ('LawType="Misc"', "平成十七年さいたま市規則第三号", "規則"),
        ("", "令和二年桜ヶ丘市条例第十二号", "条例"),
    ],
)
def test_outline_header_shows_the_law_type_in_japanese(capsys, tmp_path, attrs, law_num, expected):
    path = tmp_path / "law.xml"
    path.write_text(f'<Law {attrs} Lang="ja"><LawNum>{law_num}</LawNum>{_BODY}</Law>', encoding="utf-8")
    code, out, err = run(capsys, "show", path)
    assert code == 0, err
    header = out.splitlines()[1]
    assert header.startswith("（") and header.endswith("）")
    assert f"、{expected}" in header
    for english in ("Act", "Misc", "CabinetOrder", "MinisterialOrdinance", "Rule"):
        assert english not in header
    code, out, err = run(capsys, "show", "--format", "json", path)
    assert json.loads(out)["law_type_ja"] == expected


def test_outline_header_is_never_empty_parentheses(capsys, tmp_path):
    path = tmp_path / "law.xml"
    path.write_text(f'<Law Lang="ja">{_BODY}</Law>', encoding="utf-8")
    code, out, err = run(capsys, "show", path)
    assert code == 0, err
    assert "（）" not in out
    assert out.splitlines()[0] == "テスト"
    assert out.splitlines()[1].strip().startswith("本則")


def test_sample_outline_header(capsys):
    code, out, _ = run(capsys, "show", V1)
    assert code == 0
    assert out.splitlines()[1] == "（令和二年桜ヶ丘市条例第十二号、条例、公布 2020-03-25）"


def test_outline_json_gives_containers_their_titles(capsys):
    code, out, err = run(capsys, "show", "--format", "json", V1)
    assert code == 0, err
    by_path = {p["path"]: p for p in json.loads(out)["provisions"]}
    chapter = by_path["MainProvision-Chapter_1"]
    assert chapter["title"] == "総則"
    assert chapter["heading"] == "第一章　総則"
    assert by_path["MainProvision-Chapter_2-Section_1"]["title"] == "収集及び管理"
    law = lawcode.load(V1)
    for p in law.provisions("Chapter"):
        # the title is the heading without its number, whatever the chapter
        assert by_path[p.path]["title"] and p.heading.endswith(by_path[p.path]["title"])
    assert by_path["MainProvision-Article_3_2"]["title"] is None
    assert by_path["MainProvision-Article_3_2"]["caption"] == "（事業者の責務）"


def test_show_an_api_response(capsys, tmp_path):
    law = V1.read_text(encoding="utf-8").split("\n", 2)[2]
    path = tmp_path / "law_data.json.download"  # the name says nothing: the content decides
    path.write_text(
        "<law_data_response><attached_files_info/><law_info><law_id>502XX0000000012</law_id></law_info>"
        "<revision_info><law_revision_id>502XX0000000012_20220401_504XX0000000005</law_revision_id>"
        "<amendment_enforcement_date>2022-04-01</amendment_enforcement_date>"
        "<amendment_law_num>令和四年桜ヶ丘市条例第五号</amendment_law_num>"
        "<current_revision_status>CurrentEnforced</current_revision_status></revision_info>"
        f"<law_full_text>{law}</law_full_text></law_data_response>",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "show", path)
    assert code == 0, err
    assert out.splitlines()[0] == "桜ヶ丘市個人情報の保護に関する条例"
    assert "施行 2022-04-01" in out.splitlines()[2] and "502XX0000000012_20220401_504XX0000000005" in out
    code, out, err = run(capsys, "show", "--format", "json", path)
    assert code == 0, err
    revision = json.loads(out)["revision"]
    assert revision["revision_id"] == "502XX0000000012_20220401_504XX0000000005"
    assert revision["amendment_enforcement_date"] == "2022-04-01"
    code, out, err = run(capsys, "show", path, "第三条の二第二項")
    assert code == 0, err
    assert "MainProvision-Article_3_2-Paragraph_2" in out


@pytest.mark.parametrize(
    "address, expected",
    [("第二十七条の二", "第二十七条の二"), ("第27条の2", "第二十七条の二"), ("第3条の2第9項", "第九項")],
)
def test_messages_use_japanese_citations(capsys, address, expected):
    code, _out, err = run(capsys, "show", V1, address)
    assert code == 2
    assert expected in err
    assert "Article 27" not in err and "27.2" not in err and "Paragraph 9" not in err


def test_stats_counts_json_downloads(capsys, tmp_path):
    """API v2 JSON (here a bare element tree written from the sample) is a law file too; listings are skipped."""
    (tmp_path / "law.json").write_text(json.dumps(xml_to_json_tree(etree.parse(str(V1)).getroot()),
                                                  ensure_ascii=False),
                                       encoding="utf-8")
    (tmp_path / "revisions.json").write_text('{"law_info": {}, "revisions": []}', encoding="utf-8")
    code, out, err = run(capsys, "stats", "--format", "json", tmp_path)
    assert code == 0, err
    payload = json.loads(out)
    assert [Path(f["source"]).name for f in payload["files"]] == ["law.json"]
    assert {k: payload["files"][0][k] for k in _expected_counts(V1)} == _expected_counts(V1)
    assert [Path(s).name for s in payload["skipped"]] == ["revisions.json"]
