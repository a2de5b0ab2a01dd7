"""The client on real e-Gov responses from the shared corpus, served by the replay server (read at test time)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from replay import Reply
from egov_fixtures import *  # noqa: F403 - the fixtures: server, client, make_client, cache_dir, no_internet

from lawcode.egov import revision_at
from lawcode.io import canonical_xml, loads

XML = "application/xml"
pytestmark = pytest.mark.corpus


def test_law_data_responses(corpus, server, client):
    responses = sorted((corpus / "amendments" / "revisions").glob("*.law_data_response.xml"))
    assert len(responses) >= 10
    for path in responses:
        rev = path.name.split(".")[0]
        server.add(f"/api/2/law_data/{rev}", Reply(path.read_bytes(), content_type=XML))
    for path in responses:
        rev = path.name.split(".")[0]
        law = client.law(rev)
        assert law.revision.revision_id == rev
        assert law.revision.law_id == rev[:15]
        extracted = path.with_name(rev + ".xml")
        assert canonical_xml(law.to_xml()) == canonical_xml(extracted.read_bytes()), rev


def test_real_revision_history(corpus, server, client):
    body = (corpus / "api_v2" / "law_revisions" / "415AC0000000057_2026-07-20.json").read_bytes()
    server.add("/api/2/law_revisions/415AC0000000057", Reply(body))
    revisions = client.revisions("415AC0000000057")
    assert len(revisions) == len(json.loads(body)["revisions"])
    dates = [r.amendment_enforcement_date for r in revisions]
    assert dates == sorted(dates, reverse=True)  # newest first, as the API lists them
    assert revisions[0].current_revision_status == "UnEnforced"
    assert revision_at(revisions, date(2023, 4, 1)).revision_id == "415AC0000000057_20230401_503AC0000000037"
    assert revision_at(revisions, date(2023, 3, 31)).revision_id == "415AC0000000057_20221001_503AC0000000037"
    # two amendments on 2022-04-01: the one listed first (the later one) is in force
    assert revision_at(revisions, date(2022, 4, 1)).revision_id == "415AC0000000057_20220401_503AC0000000037"
    assert revision_at(revisions, date(2030, 1, 1)).revision_id == "415AC0000000057_20281223_508AC0000000046"


def test_real_v1_lawdata_fallback(corpus, server, make_client):
    for path in sorted((corpus / "api_v1" / "lawdata").glob("*.xml")):
        law_id = path.name[:15]
        server.add(f"/api/2/law_data/{law_id}", Reply(b"", status=503))
        server.add(f"/api/1/lawdata/{law_id}", Reply(path.read_bytes(), content_type=XML))
        law = make_client(retries=0).law(law_id)
        assert law.revision.origin == "api_v1/lawdata" and law.revision.law_id == law_id
        assert canonical_xml(law.to_xml()) == canonical_xml(loads(path.read_bytes()).to_xml())


def test_real_law_data_json_sample(corpus, server, client):
    body = (corpus / "api_v2" / "samples" / "law_data_411AC0000000127_sample.json").read_bytes()
    rev = "411AC0000000127_19990813_000000000000000"
    server.add(f"/api/2/law_data/{rev}", Reply(body), query={"response_format": "json"})
    server.add(f"/api/2/law_data/{rev}", Reply(b"<html>busy</html>", content_type="text/html"))
    law = client.law(rev)
    assert law.title == "国旗及び国歌に関する法律"
    assert [f.src for f in law.revision.attached_files] == ["./pict/H11HO127-001.jpg", "./pict/H11HO127-002.jpg"]


def test_real_json_tree_in_a_response(corpus, server, client):
    path = corpus / "api_v2" / "law_full_text_json" / "505CO0000000222_20230623_000000000000000.json"
    rev = path.stem
    body = json.dumps({"law_info": {"law_id": rev[:15]}, "revision_info": {"law_revision_id": rev},
                       "law_full_text": json.loads(path.read_bytes())}, ensure_ascii=False).encode()
    server.add(f"/api/2/law_data/{rev}", Reply(body), query={"response_format": "json"})
    server.add(f"/api/2/law_data/{rev}", Reply(b"{}", content_type="application/json"))
    law = client.law(rev)
    assert law.revision.revision_id == rev and law.title.startswith("脱炭素成長型経済構造")


def test_real_keyword_and_laws_samples(corpus, server, client):
    samples = corpus / "api_v2" / "samples"
    server.add("/api/2/keyword", Reply((samples / "keyword_search_sample.json").read_bytes()))
    server.add("/api/2/laws", Reply((samples / "laws_sample.json").read_bytes()))
    hits = client.keyword_page("デジタル庁")
    assert hits.total_count == 447 and hits.next_offset == 100
    assert all(h.revision.revision_id for h in hits.items)
    assert any(s.position == "amendsupplprovision" for h in hits.items for s in h.sentences)
    entries = client.laws_page(title="地方自治法施行令")
    assert entries.items[0].title == "地方自治法施行令"
    assert entries.items[0].current.revision_id == "322CO0000000016_20240401_506CO0000000161"
