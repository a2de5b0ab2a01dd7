"""Properties of impact() over random traces on the sample ordinance (v1 → v2, and v1 against itself)."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

import lawcode
from lawcode.impact import Link, Trace, TraceItem, impact

from testsupport import SAMPLES


@lru_cache(maxsize=1)
def _laws() -> tuple[lawcode.Law, lawcode.Law]:
    return lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml"), lawcode.load(SAMPLES / "sakuragaoka_jorei_v2.xml")


@lru_cache(maxsize=1)
def _addresses() -> list[str]:
    v1, _ = _laws()
    labels = [p.label for p in v1.provisions() if p.label and p.tag in ("Article", "Paragraph", "Item")]
    return sorted(set(labels)) + ["第九十九条", "第一条第九項"]


@st.composite
def traces(draw) -> Trace:
    addresses = _addresses()
    n = draw(st.integers(min_value=1, max_value=8))
    items = []
    for i in range(n):
        picks = draw(st.lists(st.sampled_from(addresses), min_size=1, max_size=3, unique=True))
        law = draw(st.sampled_from(["桜ヶ丘市個人情報の保護に関する条例", "令和二年桜ヶ丘市条例第十二号", "他の条例"]))
        items.append(TraceItem(f"I{i}", "requirement", "", {}, [Link(law, a) for a in picks]))
    return Trace(items)


@settings(max_examples=40)
@given(traces(), st.integers(min_value=0, max_value=3))
def test_every_link_to_the_law_gets_one_state_and_direct_means_not_ok(trace, depth):
    v1, v2 = _laws()
    report = impact(lawcode.diff(v1, v2), trace, depth=depth)
    linked = [(i, k) for i, k in trace.links() if k.law != "他の条例"]
    assert len(report.statuses) == len(linked)
    assert set(report.items()) <= {i.id for i, _ in linked}
    for h in report.hits:
        assert (h.klass == "direct") == (h.state != "ok")
        assert h.klass == "direct" or 1 <= h.depth <= depth
        assert h.path[0] == h.item.id


@settings(max_examples=25)
@given(traces())
def test_a_law_against_itself_affects_nothing(trace):
    v1, _ = _laws()
    report = impact(lawcode.diff(v1, v1), trace)
    assert {s.state for _, s in report.statuses} <= {"ok", "broken"}
    assert all(h.state == "broken" for h in report.hits)
    assert not [h for h in report.hits if h.klass == "indirect"]
