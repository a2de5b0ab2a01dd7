"""``at`` and ``history``: the revision in force on a date, and all versions oldest first."""

from __future__ import annotations

from datetime import date

import pytest
import spec_responses as r
from replay import Reply
from egov_fixtures import *  # noqa: F403 - the fixtures: server, client, make_client, cache_dir, no_internet

from lawcode.egov import at, history, revision_at
from lawcode.errors import EgovError
from lawcode.model.revision import Revision

XML = "application/xml"


@pytest.fixture
def versions(server):
    server.add(f"/api/2/law_revisions/{r.LAW_ID}", Reply(r.history_json()))
    for rev, version, status in ((r.REV_V1, 1, "PreviousEnforced"), (r.REV_V2, 2, "CurrentEnforced"),
                                 (r.REV_FUTURE, 2, "UnEnforced")):
        server.add(f"/api/2/law_data/{rev}", Reply(r.law_data_xml(rev, version, status), content_type=XML))
    return server


@pytest.mark.parametrize(("day", "expected"), [
    ("2020-04-01", r.REV_V1),       # the first day of v1
    ("2023-03-31", r.REV_V1),       # the day before v2
    ("2023-04-01", r.REV_V2),
    ("2029-12-31", r.REV_V2),
    ("2030-04-01", r.REV_FUTURE),   # 未施行 today, in force on that date
])
def test_at_picks_the_revision_in_force(versions, client, day, expected):
    law = at(r.LAW_ID, day, client=client)
    assert law.revision.revision_id == expected


def test_at_fetches_by_revision_id_and_caches_it(versions, client):
    at(r.LAW_ID, date(2021, 1, 1), client=client)
    at(r.LAW_ID, date(2022, 1, 1), client=client)
    assert versions.hits(f"/api/2/law_data/{r.REV_V1}") == 1
    assert versions.hits(f"/api/2/law_revisions/{r.LAW_ID}") == 1
    assert all("asof" not in q.query for q in versions.requests)


def test_at_before_the_first_revision(versions, client):
    with pytest.raises(EgovError, match="no revision is in force on 2019-01-01; the earliest known takes effect on "
                                        "2020-04-01"):
        at(r.LAW_ID, "2019-01-01", client=client)


def test_at_needs_a_date(client):
    from lawcode.errors import LawcodeError

    with pytest.raises(LawcodeError, match="needs a date"):
        at(r.LAW_ID, None, client=client)
    with pytest.raises(LawcodeError, match="not a date"):
        at(r.LAW_ID, "令和5年4月1日", client=client)


def test_at_with_a_default_client_uses_the_environment(versions, monkeypatch):
    monkeypatch.setenv("LAWCODE_EGOV_API", versions.base_url)
    assert at(r.LAW_ID, "2024-01-01").revision.revision_id == r.REV_V2


def test_revision_at_ties_go_to_the_first_listed():
    later = Revision(origin="t", revision_id="A", amendment_enforcement_date=date(2024, 4, 1))
    earlier = Revision(origin="t", revision_id="B", amendment_enforcement_date=date(2024, 4, 1))
    undated = Revision(origin="t", revision_id="C")
    assert revision_at([undated, later, earlier], date(2024, 4, 1)).revision_id == "A"
    with pytest.raises(EgovError, match="none can be in force"):
        revision_at([undated], date(2024, 4, 1))


def test_history_oldest_first(versions, client):
    laws = list(history(r.LAW_ID, client=client))
    assert [law.revision.revision_id for law in laws] == [r.REV_V1, r.REV_V2, r.REV_FUTURE]
    assert laws[0].find("第1条") is not None


def test_history_bounds_and_unenforced(versions, client):
    ids = [law.revision.revision_id for law in history(r.LAW_ID, client=client, since="2021-01-01",
                                                         unenforced=False)]
    assert ids == [r.REV_V2]


def test_history_offline_after_online(versions, make_client):
    list(history(r.LAW_ID, client=make_client()))
    offline = make_client(offline=True)
    assert len(list(history(r.LAW_ID, client=offline))) == 3
