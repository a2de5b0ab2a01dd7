"""The client against the replay server: every endpoint, each failure case, the cache and offline mode."""

from __future__ import annotations

import socket
from datetime import date

import pytest
import spec_responses as r
from replay import Reply
from egov_fixtures import *  # noqa: F403 - the fixtures: server, client, make_client, cache_dir, no_internet

from lawcode.egov import Client, default_cache_dir
from lawcode.errors import EgovError, LawNotFoundError, OfflineError

XML = "application/xml"
LAW_DATA_V1 = f"/api/2/law_data/{r.REV_V1}"


def serve_law(server, rev=r.REV_V1, version=1, status="CurrentEnforced"):
    server.add(f"/api/2/law_data/{rev}", Reply(r.law_data_xml(rev, version, status), content_type=XML))


# -- law_data ---------------------------------------------------------------------------------------------------


def test_law_by_revision_id_carries_its_revision(server, client):
    serve_law(server)
    law = client.law(r.REV_V1)
    assert law.title == r.TITLE
    assert law.revision.revision_id == r.REV_V1
    assert law.revision.amendment_enforcement_date == date(2020, 4, 1)
    assert server.requests[0].query == {"law_full_text_format": "xml", "response_format": "xml"}


def test_second_call_makes_no_request(server, client):
    serve_law(server)
    first = client.law(r.REV_V1)
    second = client.law(r.REV_V1)
    assert server.hits(LAW_DATA_V1) == 1
    assert second.to_xml() == first.to_xml()


def test_a_new_client_on_the_same_cache_makes_no_request(server, make_client):
    serve_law(server)
    make_client().law(r.REV_V1)
    make_client().law(r.REV_V1)
    assert server.hits(LAW_DATA_V1) == 1


def test_offline_serves_from_the_cache(server, make_client):
    serve_law(server)
    make_client().law(r.REV_V1)
    offline = make_client(offline=True)
    assert offline.law(r.REV_V1).revision.revision_id == r.REV_V1
    assert server.hits(LAW_DATA_V1) == 1


def test_offline_says_what_is_missing(server, make_client):
    offline = make_client(offline=True)
    with pytest.raises(OfflineError) as info:
        offline.law(r.REV_V2)
    assert r.REV_V2 in str(info.value) and "not in the cache" in str(info.value)
    assert server.requests == []


def test_current_version_expires_after_the_ttl_but_a_revision_does_not(server, make_client):
    server.add(f"/api/2/law_data/{r.LAW_ID}", Reply(r.law_data_xml(r.REV_V2, 2), content_type=XML))
    serve_law(server)
    client = make_client(current_ttl=0.0)
    client.law(r.LAW_ID)
    client.law(r.LAW_ID)
    client.law(r.REV_V1)
    client.law(r.REV_V1)
    assert server.hits(f"/api/2/law_data/{r.LAW_ID}") == 2
    assert server.hits(LAW_DATA_V1) == 1


def test_offline_serves_a_stale_current_answer(server, make_client):
    server.add(f"/api/2/law_data/{r.LAW_ID}", Reply(r.law_data_xml(r.REV_V2, 2), content_type=XML))
    make_client(current_ttl=0.0).law(r.LAW_ID)
    stale = make_client(current_ttl=0.0, offline=True).law(r.LAW_ID)  # older than the TTL: still the best there is
    assert stale.revision.revision_id == r.REV_V2
    make_client(current_ttl=0.0).law(r.LAW_ID)  # online, the stale answer is asked again
    assert server.hits(f"/api/2/law_data/{r.LAW_ID}") == 2


def test_asof_is_passed_for_a_law_id(server, client):
    server.add(f"/api/2/law_data/{r.LAW_ID}", Reply(r.law_data_xml(r.REV_V1), content_type=XML))
    client.law(r.LAW_ID, asof="2021-01-01")
    assert server.requests[0].query["asof"] == "2021-01-01"


def test_base64_full_text_in_json(server, client):
    server.add(LAW_DATA_V1, Reply(r.law_data_json_base64()))
    server.add(LAW_DATA_V1, Reply(b"<html>maintenance</html>", content_type="text/html"),
               query={"response_format": "xml"})
    law = client.law(r.REV_V1)  # XML answer unusable → JSON format, whose full text is Base64 XML
    assert law.title == r.TITLE and law.revision.revision_id == r.REV_V1
    assert [q.query["response_format"] for q in server.requests] == ["xml", "json"]


def test_json_fallback_does_not_cache_the_bad_answer(server, client):
    server.add(LAW_DATA_V1, Reply(r.law_data_json_base64()))
    server.add(LAW_DATA_V1, Reply(b"<html>maintenance</html>", content_type="text/html"),
               Reply(r.law_data_xml(), content_type=XML), query={"response_format": "xml"})
    client.law(r.REV_V1)
    client.law(r.REV_V1)  # the HTML page was dropped from the cache: XML asked again, and now it is fine
    assert [q.query["response_format"] for q in server.requests] == ["xml", "json", "xml"]


def test_error_info_404(server, client):
    server.add(f"/api/2/law_data/{r.REV_V2}", Reply(r.error_json("404001", "該当する法令データが存在しません。"),
                                                    status=404))
    with pytest.raises(EgovError) as info:
        client.law(r.REV_V2)
    err = info.value
    assert err.status == 404 and err.code == "404001"
    assert "該当する法令データが存在しません" in str(err)
    assert f"GET {server.base_url}/law_data/{r.REV_V2}" in str(err)  # what was asked


def test_404_without_error_info(server, client):
    server.add(f"/api/2/law_data/{r.REV_V2}", Reply(b"Not Found", status=404, content_type="text/plain"))
    with pytest.raises(EgovError, match="HTTP 404.*Not Found"):
        client.law(r.REV_V2)


def test_500_is_retried_then_reported(server, make_client):
    server.add(LAW_DATA_V1, Reply(r.error_json("500001", "システムエラー"), status=500))
    client = make_client(retries=2, fallback_v1=False)
    with pytest.raises(EgovError) as info:
        client.law(r.REV_V1)
    assert info.value.status == 500 and info.value.code == "500001"
    assert server.hits(LAW_DATA_V1) == 3
    assert client.network.waits == [0.0, 0.0]


def test_500_then_success(server, client):
    server.add(LAW_DATA_V1, Reply(b"", status=503), Reply(r.law_data_xml(), content_type=XML))
    assert client.law(r.REV_V1).title == r.TITLE
    assert server.hits(LAW_DATA_V1) == 2


def test_429_waits_what_retry_after_asks(server, client):
    server.add(LAW_DATA_V1, Reply(b"", status=429, headers={"Retry-After": "3"}),
               Reply(r.law_data_xml(), content_type=XML))
    assert client.law(r.REV_V1).title == r.TITLE
    assert client.network.waits == [3.0]


def test_429_retry_after_is_capped(server, make_client):
    server.add(LAW_DATA_V1, Reply(b"", status=429, headers={"Retry-After": "86400"}),
               Reply(r.law_data_xml(), content_type=XML))
    client = make_client(max_retry_after=10.0)
    client.law(r.REV_V1)
    assert client.network.waits == [10.0]


def test_429_for_good(server, make_client):
    server.add(LAW_DATA_V1, Reply(b"slow down", status=429, content_type="text/plain", headers={"Retry-After": "1"}))
    client = make_client(retries=1)
    with pytest.raises(EgovError, match="HTTP 429.*rate-limited"):
        client.law(r.REV_V1)


def test_truncated_body(server, client):
    body = r.law_data_xml()
    server.add(LAW_DATA_V1, Reply(body, content_type=XML, truncate_to=len(body) // 2), Reply(body, content_type=XML))
    with pytest.raises(EgovError, match="cut short"):
        client.law(r.REV_V1)
    assert client.law(r.REV_V1).title == r.TITLE  # the half body was not cached


def test_wrong_content_type_for_a_listing(server, client):
    server.add(f"/api/2/law_revisions/{r.LAW_ID}", Reply(b"<html><body>Service Unavailable</body></html>",
                                                          content_type="text/html"))
    with pytest.raises(EgovError, match="expected JSON, got Content-Type text/html: <html><body>Service"):
        client.revisions(r.LAW_ID)


def test_json_cut_short_without_content_length_mismatch(server, client):
    body = r.history_json()
    server.add(f"/api/2/law_revisions/{r.LAW_ID}", Reply(body[:100]))
    with pytest.raises(EgovError, match="not valid JSON"):
        client.revisions(r.LAW_ID)


def test_hostile_json_nesting(server, client):
    server.add(f"/api/2/law_revisions/{r.LAW_ID}", Reply(b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(EgovError, match="not valid JSON"):
        client.revisions(r.LAW_ID)
    server.add(f"/api/2/law_data/{r.REV_V2}", Reply(b'{"law_full_text":' + b"[" * 100_000 + b"]" * 100_000 + b"}"))
    with pytest.raises(EgovError, match="not a law"):
        client.law(r.REV_V2)


def test_slow_server_times_out(server, make_client):
    server.add(LAW_DATA_V1, Reply(r.law_data_xml(), content_type=XML, delay=1.0))
    client = make_client(timeout=0.2, retries=0, fallback_v1=False)
    with pytest.raises(EgovError, match=r"no answer within 0\.2 s"):
        client.law(r.REV_V1)


def test_hostile_xml_body_is_refused_without_expansion(server, client):
    server.add(LAW_DATA_V1, Reply(r.billion_laughs(), content_type=XML), query={"response_format": "xml"})
    with pytest.raises(EgovError) as info:
        client.law(r.REV_V1)
    message = str(info.value)
    assert "not a law" in message and "DTD" in message
    assert "JSON format failed too" in message


def test_v1_lawdata_fallback_when_v2_is_down(server, make_client):
    server.add(f"/api/2/law_data/{r.LAW_ID}", Reply(b"", status=502))
    v1 = (b'<?xml version="1.0" encoding="UTF-8"?><DataRoot><Result><Code>0</Code><Message/></Result><ApplData>'
          + f"<LawId>{r.LAW_ID}</LawId><LawNum>{r.LAW_NUM}</LawNum><LawFullText>".encode()
          + r.law_xml() + b"</LawFullText></ApplData></DataRoot>")
    server.add(f"/api/1/lawdata/{r.LAW_ID}", Reply(v1, content_type=XML))
    law = make_client(retries=0).law(r.LAW_ID)
    assert law.revision.origin == "api_v1/lawdata" and law.revision.law_id == r.LAW_ID


def test_no_v1_fallback_for_a_revision(server, make_client):
    server.add(LAW_DATA_V1, Reply(b"", status=502))
    with pytest.raises(EgovError, match="HTTP 502"):
        make_client(retries=0).law(r.REV_V1)
    assert server.hits(f"/api/1/lawdata/{r.LAW_ID}") == 0


def test_user_agent_is_sent(server, make_client):
    serve_law(server)
    make_client(user_agent="lawcode-tests/1.0").law(r.REV_V1)
    assert server.requests[0].headers["User-Agent"] == "lawcode-tests/1.0"
    serve_law(server, r.REV_V2, 2)
    make_client().law(r.REV_V2)
    assert server.requests[1].headers["User-Agent"].startswith("lawcode/")


def test_requests_are_spaced_by_min_interval(server, make_client):
    serve_law(server)
    serve_law(server, r.REV_V2, 2)
    client = make_client(min_interval=5.0)
    slept: list[float] = []
    client.network.sleep = slept.append
    client.law(r.REV_V1)
    client.law(r.REV_V1)  # a cache hit does not wait
    client.law(r.REV_V2)
    assert len(slept) == 1 and 0 < slept[0] <= 5.0


# -- listings ---------------------------------------------------------------------------------------------------


def test_revisions_newest_first(server, client):
    server.add(f"/api/2/law_revisions/{r.LAW_ID}", Reply(r.history_json()))
    revisions = client.revisions(r.LAW_ID)
    assert [x.revision_id for x in revisions] == [r.REV_FUTURE, r.REV_V2, r.REV_V1]
    assert [x.current_revision_status for x in revisions] == ["UnEnforced", "CurrentEnforced", "PreviousEnforced"]
    assert revisions[1].amendment_law_id == "505AC0000000021"
    assert revisions[0].amendment_enforcement_date == date(2030, 4, 1)


def test_laws_search_follows_pages(server, client):
    server.add("/api/2/laws", Reply(r.laws_json(1, total=3)), query={"offset": "2"})
    server.add("/api/2/laws", Reply(r.laws_json(2, total=3, next_offset=2)))
    entries = client.laws(title="個人情報", page_size=2)
    assert len(entries) == 3
    assert entries[0].title == r.TITLE and entries[0].current.revision_id == r.REV_V2
    assert [q.query.get("offset") for q in server.requests] == [None, "2"]
    assert server.requests[0].query["law_title"] == "個人情報"


def test_laws_page_filters(server, client):
    server.add("/api/2/laws", Reply(r.laws_json(1)))
    page = client.laws_page(law_type=["Act", "CabinetOrder"], category=[1, 46], asof=date(2024, 4, 1))
    assert page.total_count == 1 and page.next_offset is None
    q = server.requests[0].query
    assert q["law_type"] == "Act,CabinetOrder" and q["category_cd"] == "001,046" and q["asof"] == "2024-04-01"


def test_law_by_title(server, client):
    server.add("/api/2/laws", Reply(r.laws_json(1)))
    server.add(f"/api/2/law_data/{r.LAW_ID}", Reply(r.law_data_xml(), content_type=XML))
    assert client.law(r.TITLE).title == r.TITLE
    assert server.requests[0].query["law_title"] == r.TITLE


def test_ambiguous_title(server, client):
    import json

    one = json.loads(r.laws_json(1, title="桜ヶ丘市個人情報の保護に関する条例施行規則", law_id="502M60000000001"))
    two = json.loads(r.laws_json(1, title="桜ヶ丘市個人情報の保護に関する条例の特例", law_id="502AC0000000099"))
    one["laws"] += two["laws"]
    server.add("/api/2/laws", Reply(r.laws_json(0)), query={"law_title": "存在しない法律"})
    server.add("/api/2/laws", Reply(json.dumps(one, ensure_ascii=False).encode()))
    with pytest.raises(LawNotFoundError, match="no law titled"):
        client.law("存在しない法律")
    with pytest.raises(LawNotFoundError, match="2 laws match") as info:
        client.law("桜ヶ丘市個人情報")
    assert "桜ヶ丘市個人情報の保護に関する条例の特例" in info.value.suggestions


def test_keyword_hits_resolve_to_provisions(server, client):
    law = r.law_xml().decode()
    assert "MainProvision" in law
    server.add("/api/2/keyword", Reply(r.keyword_json(
        ("MainProvision-Article_3-Paragraph_1", "<span>個人情報</span>"),
        ("amendsupplprovision", "この条例は、<span>令和二年四月一日</span>から施行する。"),
    )))
    serve_law(server)
    hits = client.keyword("個人情報")
    assert len(hits) == 1 and hits[0].revision.revision_id == r.REV_V1
    assert hits[0].sentences[0].plain == "個人情報"
    placed = client.resolve(hits[0])
    assert placed[0].provision is not None and placed[0].by == "path"
    assert placed[0].provision.path == "MainProvision-Article_3-Paragraph_1"
    assert server.requests[0].query["keyword"] == "個人情報"


def test_keyword_position_word_resolved_by_text(server, client):
    from lawcode.egov import Sentence, resolve_sentence
    from lawcode.io import loads

    law = loads(r.law_xml())
    suppl = next(p for p in law.provisions() if (p.path or "").startswith("SupplProvision"))
    words = suppl.text()[-30:]
    placed = resolve_sentence(law, Sentence("supplprovision", f"…<span>{words[:10]}</span>{words[10:]}"))
    assert placed.by == "text" and placed.provision is not None
    assert placed.provision.path.startswith("SupplProvision")
    nowhere = resolve_sentence(law, Sentence("mainprovision", "この文はどこにもない"))
    assert nowhere.provision is None


def test_attachment_cached_for_good(server, client):
    jpeg = b"\xff\xd8\xff\xe0fake-jpeg"
    server.add(f"/api/2/attachment/{r.REV_V1}", Reply(jpeg, content_type="image/jpeg"), query={"src": "./pict/a.jpg"})
    assert client.attachment(r.REV_V1, "./pict/a.jpg") == jpeg
    assert client.attachment(r.REV_V1, "./pict/a.jpg") == jpeg
    assert server.hits(f"/api/2/attachment/{r.REV_V1}") == 1


def test_attachment_error_page(server, client):
    server.add(f"/api/2/attachment/{r.REV_V1}", Reply(r.error_json("404003", "添付ファイルが存在しません"), status=404))
    with pytest.raises(EgovError) as info:
        client.attachment(r.REV_V1, "./pict/none.jpg")
    assert info.value.code == "404003"


# -- configuration and the no-internet guard -------------------------------------------------------------------


def test_environment_names_the_server_and_the_cache(server, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWCODE_EGOV_API", server.base_url)
    monkeypatch.setenv("LAWCODE_CACHE", str(tmp_path / "env-cache"))
    serve_law(server)
    with Client(min_interval=0) as client:
        assert client.settings.base_url == server.base_url
        assert client.cache_dir == tmp_path / "env-cache" == default_cache_dir()
        client.law(r.REV_V1)
    assert (tmp_path / "env-cache").is_dir()


def test_default_client_reaches_nothing(monkeypatch):
    with Client(retries=0, timeout=1.0, fallback_v1=False) as client:
        assert client.settings.base_url == "http://127.0.0.1:9/api/2"  # set by the autouse no_internet fixture
        with pytest.raises(EgovError, match="request failed: ConnectError"):
            client.law(r.REV_V1)


def test_guard_refuses_non_loopback_hosts(no_internet):
    with pytest.raises(OSError, match="test guard"):
        socket.getaddrinfo("laws.e-gov.go.jp", 443)
    assert no_internet == ["laws.e-gov.go.jp"]
    no_internet.clear()


def test_unknown_setting_is_a_lawcode_error():
    from lawcode.errors import LawcodeError

    with pytest.raises(LawcodeError, match="unknown client setting"):
        Client(colour="blue")
