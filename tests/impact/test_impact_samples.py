"""The fictional sample scenario (always available): 桜ヶ丘市's requirements against the ordinance v1 → v2."""

from __future__ import annotations

import json

import lawcode
from lawcode.impact import impact, read_trace

from testsupport import SAMPLES


def _report():
    d = lawcode.diff(lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml"), lawcode.load(SAMPLES / "sakuragaoka_jorei_v2.xml"))
    return impact(d, read_trace(SAMPLES / "sakuragaoka_requirements.yaml"))


def test_sample_requirements_states_and_classes():
    report = _report()
    states = {item.id: s.state for item, s in report.statuses}
    assert states == {"SK-001": "suspect", "SK-002": "moved", "SK-003": "moved", "SK-004": "ok", "SK-005": "suspect",
                      "SK-006": "ok"}
    moved = next(s for item, s in report.statuses if item.id == "SK-002")
    assert moved.new_paths == ["MainProvision-Article_13"]  # 開示の義務: 第十二条 → 第十三条 (a new 第十二条 was inserted)
    assert report.items("indirect") == ["SK-004"]  # 第八条 cites 別表第一, whose wording changed
    assert report.counts("ministry") == {"総務課": 4, "広報課": 1}


def test_sample_report_json_is_stable_enough_to_read():
    data = json.loads(_report().to_json())
    assert data["affected"] == {"total": 5, "direct": 4, "indirect": 1}
    assert [h["id"] for h in data["hits"]][:4] == ["SK-001", "SK-002", "SK-003", "SK-005"]
