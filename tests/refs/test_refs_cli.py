"""``lawcode refs`` and ``lawcode cites`` (the command modules, called through their own protocol)."""

from __future__ import annotations

import argparse
import io
import json
from types import ModuleType

import pytest
from testsupport import SAMPLES
from rich.console import Console

from lawcode.cli import cmd_cites, cmd_refs
from lawcode.errors import LawcodeError

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"


def _run(module: ModuleType, *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog=f"lawcode {module.NAME}")
    module.add_arguments(parser)
    args = parser.parse_args(list(argv))
    buf = io.StringIO()
    out = Console(file=buf, width=200, highlight=False, soft_wrap=True)
    err = Console(file=io.StringIO(), stderr=True)
    return module.run(args, out, err), buf.getvalue()


@pytest.mark.parametrize("module", [cmd_refs, cmd_cites])
def test_protocol(module):
    assert isinstance(module.NAME, str) and isinstance(module.HELP, str)
    assert callable(module.add_arguments) and callable(module.run)


def test_refs_one_provision_text():
    status, text = _run(cmd_refs, str(V1), "第三条の二")
    assert status == 0
    assert "「前項」 relative → 第三条の二第二項" in text
    assert "2 mention(s), 2 resolved" in text


def test_refs_json_shows_reasons_for_unresolved():
    status, text = _run(cmd_refs, str(V1), "--format", "json")
    assert status == 0
    data = json.loads(text)
    ext = next(d for d in data if d["text"].startswith("地方自治法"))
    assert ext["resolved"] is False and ext["reason"] and ext["target_law"] == "322AC0000000067"
    assert all(set(d) >= {"source", "span", "text", "kind", "targets", "resolved", "target_labels"} for d in data)


def test_cites_finds_mentions_across_a_folder():
    status, text = _run(cmd_cites, str(SAMPLES), "桜ヶ丘市個人情報の保護に関する条例 第三条の二", "--format", "json")
    assert status == 0
    data = json.loads(text)
    assert data["target"] == "MainProvision-Article_3_2"
    assert any(m["text"] == "第三条の二第二項" for m in data["mentions"])


def test_cites_a_law_not_in_the_folder():
    status, text = _run(cmd_cites, str(SAMPLES), "地方自治法第二百四十四条の二")
    assert status == 0 and "地方自治法" in text
    assert "0 mention(s)" not in text


def test_cites_bad_target():
    with pytest.raises(LawcodeError):
        _run(cmd_cites, str(SAMPLES), "nonsense")
