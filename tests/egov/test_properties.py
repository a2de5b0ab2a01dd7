"""Properties and small rules: archive member names, Retry-After, naming a law, the docs page's examples."""

from __future__ import annotations

import ast
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
import spec_responses as r
from hypothesis import given
from hypothesis import strategies as st
from egov_fixtures import *  # noqa: F403 - the fixtures: server, client, make_client, cache_dir, no_internet

from lawcode.egov.bulk import _member_path
from lawcode.egov.transport import retry_after_seconds
from lawcode.errors import ArchiveError, LawcodeError
from lawcode.io import loads
from lawcode.model.revision import Revision

DOCS = Path(__file__).resolve().parents[2] / "docs"

names = st.lists(st.sampled_from(["a", "b.xml", "..", ".", "", "法令", "C:", "x\\y", "/"]), min_size=1,
                 max_size=6).map("/".join)


@given(names)
def test_a_member_path_never_leaves_the_folder(name):
    info = zipfile.ZipInfo(name)
    try:
        rel = _member_path(info, "test.zip")
    except ArchiveError:
        return
    if rel is not None:
        assert not rel.is_absolute() and ".." not in rel.parts
        assert not any(":" in part or "\\" in part for part in rel.parts)


@given(st.integers(min_value=0, max_value=10**6))
def test_retry_after_seconds(n):
    assert retry_after_seconds(str(n)) == float(n)


def test_retry_after_http_date():
    now = datetime(2026, 10, 21, 7, 27, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT", now=now) == 60.0
    assert retry_after_seconds("Wed, 21 Oct 2026 07:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_identify(client):
    assert client.identify(r.REV_V1) == r.REV_V1
    assert client.identify(r.LAW_ID) == r.LAW_ID
    assert client.identify("平成十五年法律第五十七号") == "平成十五年法律第五十七号"
    assert client.identify(Revision(origin="t", law_id=r.LAW_ID)) == r.LAW_ID
    law = loads(r.law_data_xml())
    assert client.identify(law) == r.REV_V1
    assert client.identify(loads(r.law_xml())) == r.LAW_NUM  # no revision metadata: its law number
    with pytest.raises(LawcodeError):
        client.identify("   ")


def test_user_agent_must_be_ascii(cache_dir):
    from lawcode.egov import Client

    with pytest.raises(LawcodeError, match="must be ASCII"):
        Client(cache_dir=cache_dir, user_agent="法令クライアント")


def test_docs_page_examples_are_python():
    page = (DOCS / "egov.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert len(blocks) >= 4
    for block in blocks:
        ast.parse(block)
