"""The seed scenarios on the real-data corpus (docs/impact.md reports the same results)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import lawcode
from lawcode.impact import impact, ordinance_trace, read_procedures, read_spec, read_trace
from lawcode.impact.checks import check_trace

from testsupport import SAMPLES

pytestmark = pytest.mark.corpus

APPI_OLD = "egov/415AC0000000057/415AC0000000057_20200126_430AC0000000080.xml"
APPI_NEW = "egov/415AC0000000057/retrieved20250924_v1api_extracted.xml"


@pytest.fixture(scope="module")
def appi_report(corpus: Path):
    d = lawcode.diff(lawcode.load(corpus / APPI_OLD), lawcode.load(corpus / APPI_NEW))
    return impact(d, read_procedures(corpus / "procedures"))


def test_appi_procedures_all_found_and_classified(appi_report):
    report = appi_report
    assert report.total == 75071
    assert report.considered == 69  # every procedure the survey lists under 個人情報の保護に関する法律
    assert len(report.items()) == 69
    assert report.counts("ministry") == {"個人情報保護委員会": 69}
    assert "broken" not in report.link_states()


def test_appi_lineage_carries_the_2025_numbering_back_to_2020(appi_report):
    st = {item.id: s for item, s in appi_report.statuses}
    # オプトアウト届出: the survey cites 第27条第2項; in the 2020 text it was 第二十三条第二項
    optout = st["3285"]
    assert optout.new_paths == ["MainProvision-Article_27-Paragraph_2"]
    assert optout.old_paths == ["MainProvision-Article_23-Paragraph_2"]
    assert optout.state == "suspect" and "旧第二十三条第二項" in optout.reason
    # 認定個人情報保護団体の廃止の届出: 第51条 now, 第五十条 in 2020
    assert st["3290"].old_paths == ["MainProvision-Article_50-Paragraph_1"]
    # 指導及び助言: 第147条 now, 第四十一条 in 2020 — the diff assigns articles by content, so the lineage
    # carries it directly (not paired with the new 第四十一条, 仮名加工情報の作成等)
    assert st["107735"].old_paths == ["MainProvision-Article_41"] and not st["107735"].inferred
    assert sum(1 for s in st.values() if "新設" in s.reason) == 59


def test_appi_public_sector_procedures_are_new_provisions(appi_report):
    st = {item.id: s for item, s in appi_report.statuses}
    # 保有個人情報の開示請求 (第77条): the public-sector rules came into this law with 令和3年法律第37号
    disclosure = st["DP24106599"]
    assert disclosure.state == "suspect" and "新設" in disclosure.reason
    assert disclosure.old_paths == [None, None]


def test_chiho_komuin_requirements(corpus: Path):
    files = sorted((corpus / "egov/325AC0000000261").glob("*.xml"))
    d = lawcode.diff(lawcode.load(files[0]), lawcode.load(files[-1]))
    report = impact(d, read_trace(SAMPLES / "chiho_komuin_requirements.yaml"))
    states = {item.id: s.state for item, s in report.statuses}
    assert states == {"HR-001": "ok", "HR-002": "moved", "HR-003": "suspect", "HR-004": "suspect",
                      "HR-005": "ok", "HR-006": "suspect"}
    moved = next(s for item, s in report.statuses if item.id == "HR-002")
    assert moved.new_paths == ["MainProvision-Article_22_3-Paragraph_1"]
    assert "HR-001" not in report.items()  # 職務専念義務 (第三十五条) did not change


def test_sample_ordinance_against_chiho_jichi_ho(corpus: Path):
    files = sorted((corpus / "egov/322AC0000000067").glob("*.xml"))
    d = lawcode.diff(lawcode.load(files[0]), lawcode.load(files[-1]))
    trace = ordinance_trace(lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml"))
    report = impact(d, trace)
    assert report.considered == 1
    assert report.link_states() == {"ok": 1}  # 第二百四十四条の二第三項 is unchanged between the two texts
    assert report.items() == []


def test_spec_requirements_resolve_against_juki_ho(corpus: Path):
    spec = next((corpus / "spec").iterdir())
    trace = read_spec(spec, "住民基本台帳法", edition="第1.0版")
    assert len(trace) == 143
    laws = Counter(link.law for _, link in trace.links())
    assert laws["住民基本台帳法"] >= 10
    juki = lawcode.load(next((corpus / "egov/342AC0000000081").glob("*.xml")))
    checks = check_trace(trace, [juki])
    states = Counter(c.state for c in checks if c.link.law == "住民基本台帳法")
    assert states["ok"] >= 10 and states["broken"] <= 2
