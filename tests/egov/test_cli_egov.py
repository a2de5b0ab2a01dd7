"""``lawcode fetch | revisions | search | bulk`` against the replay server (the modules run in-process)."""

from __future__ import annotations

import argparse
import io
import json

import pytest
import spec_responses as r
from replay import Reply
from egov_fixtures import *  # noqa: F403 - the fixtures: server, client, make_client, cache_dir, no_internet
from rich.console import Console

from lawcode.cli import cmd_bulk, cmd_fetch, cmd_revisions, cmd_search
from lawcode.errors import OfflineError

XML = "application/xml"


def run(module, argv, server, cache_dir):
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    args = parser.parse_args([*argv, "--api", server.base_url, "--cache", str(cache_dir)])
    out, err = io.StringIO(), io.StringIO()
    status = module.run(args, Console(file=out, width=200, no_color=True), Console(file=err, width=200,
                                                                                   no_color=True))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def history(server):
    server.add(f"/api/2/law_revisions/{r.LAW_ID}", Reply(r.history_json()))
    server.add(f"/api/2/law_data/{r.REV_V1}", Reply(r.law_data_xml(r.REV_V1, 1), content_type=XML))
    server.add(f"/api/2/law_data/{r.REV_V2}", Reply(r.law_data_xml(r.REV_V2, 2), content_type=XML))
    return server


def test_fetch_asof_to_a_file(history, cache_dir, tmp_path):
    out_file = tmp_path / "law.xml"
    status, out, err = run(cmd_fetch, [r.LAW_ID, "--asof", "2021-06-01", "-o", str(out_file)], history, cache_dir)
    assert status == 0
    assert out_file.read_bytes().startswith(b"<?xml")
    assert r.REV_V1 in err and "施行 2020-04-01" in err and r.TITLE in err


def test_fetch_to_stdout_then_offline(history, cache_dir):
    status, out, _ = run(cmd_fetch, [r.REV_V2], history, cache_dir)
    assert status == 0 and "<LawTitle>" in out
    status, out2, _ = run(cmd_fetch, [r.REV_V2, "--offline"], history, cache_dir)
    assert out2 == out and history.hits(f"/api/2/law_data/{r.REV_V2}") == 1
    with pytest.raises(OfflineError, match=r.REV_V1):
        run(cmd_fetch, [r.REV_V1, "--offline"], history, cache_dir)


def test_revisions_lists_newest_first(history, cache_dir):
    status, out, _ = run(cmd_revisions, [r.LAW_ID], history, cache_dir)
    lines = out.splitlines()
    assert status == 0 and "3 revisions" in lines[0]
    assert lines[1].startswith("2030-04-01  UnEnforced") and lines[3].startswith("2020-04-01  PreviousEnforced")
    status, out, _ = run(cmd_revisions, [r.LAW_ID, "--format", "json", "--offline"], history, cache_dir)
    assert [x["revision_id"] for x in json.loads(out)] == [r.REV_FUTURE, r.REV_V2, r.REV_V1]


def test_search_titles(server, cache_dir):
    server.add("/api/2/laws", Reply(r.laws_json(1)))
    status, out, _ = run(cmd_search, ["桜ヶ丘"], server, cache_dir)
    assert status == 0 and out.strip() == f"{r.LAW_ID}  {r.LAW_NUM}  {r.TITLE}"


def test_search_text_resolved(server, cache_dir):
    server.add("/api/2/keyword", Reply(r.keyword_json(("MainProvision-Article_1", "<span>目的</span>"))))
    server.add(f"/api/2/law_data/{r.REV_V1}", Reply(r.law_data_xml(), content_type=XML))
    status, out, _ = run(cmd_search, ["目的", "--text", "--resolve"], server, cache_dir)
    assert status == 0 and out.strip() == f"{r.TITLE}  第一条  目的"


def test_search_nothing_found(server, cache_dir):
    server.add("/api/2/laws", Reply(r.laws_json(0)))
    assert run(cmd_search, ["無い"], server, cache_dir)[0] == 1


def test_bulk_and_offline_report(server, cache_dir, tmp_path):
    from test_bulk import law_zip

    server.add("/bulkdownload", Reply(law_zip(), content_type="application/zip"))
    status, out, _ = run(cmd_bulk, [str(tmp_path / "laws")], server, cache_dir)
    assert status == 0 and out.startswith("2 files unpacked into")
    status, out, _ = run(cmd_bulk, [str(tmp_path / "laws"), "--offline"], server, cache_dir)
    assert status == 0 and "2 XML files" in out and "offline" in out
