"""Importers: the procedures survey rows, 標準仕様書-style text, ordinances (small hand-written inputs)."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.errors import TraceError
from lawcode.impact import impact, ordinance_trace, procedures_trace, read_procedures, read_spec

from testsupport import SAMPLES
from impact_builders import art, make_law

HEADER = "手続ID,所管府省庁,手続名,法令名,法令番号,根拠条項号,手続類型,事務区分\n"


def test_procedure_rows_become_items_and_bad_rows_are_unlinked(tmp_path):
    path = tmp_path / "procedures_slim.csv"
    path.write_text(HEADER
                    + "1,総務省,届出,試験法,令和五年法律第九十九号,第2条第1項,1 申請等,\n"
                    + "2,総務省,通知,試験法,-,第3条,2-2 申請等に基づかない処分通知等,1 自治事務\n"
                    + "3,総務省,空,試験法,令和五年法律第九十九号,,1 申請等,\n"
                    + "4,総務省,法令なし,-,-,第1条,1 申請等,\n"
                    + "1,総務省,重複,試験法,令和五年法律第九十九号,第2条,1 申請等,\n", encoding="utf-8")
    trace = read_procedures(tmp_path)
    assert [i.id for i in trace] == ["1", "2", "3", "4"]
    first = trace["1"]
    assert first.kind == "procedure" and first.attributes["所管府省庁"] == "総務省"
    assert first.links[0].law == "令和五年法律第九十九号" and first.links[0].law_version == "current"
    assert trace["2"].links[0].law == "試験法"  # no number: the title is used
    reasons = {u.id: u.reason for u in trace.unlinked}
    assert reasons == {"3": "empty 根拠条項号", "4": "no 法令名 or 法令番号", "1": "duplicate 手続ID (row kept once)"}
    assert all(u.provenance.row for u in trace.unlinked)


def test_procedures_need_the_survey_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TraceError, match="手続ID"):
        read_procedures(path)


def test_procedure_citations_resolve_against_the_new_numbering():
    old = make_law(art(1, "甲は、届け出なければならない。"))
    new = make_law(art(1, "乙は、報告しなければならない。", caption="（報告）"), art(2, "甲は、届け出なければならない。"))
    trace = procedures_trace([{"手続ID": "9", "手続名": "届出", "法令名": "試験法", "法令番号": "", "根拠条項号": "第２条"}])
    report = impact(lawcode.diff(old, new), trace)
    assert report.statuses[0][1].state == "ok"  # the survey's 第２条 is the old 第一条, unchanged
    assert "旧第一条" in report.statuses[0][1].reason


def test_spec_text_citations_relative_to_a_base_law(tmp_path):
    (tmp_path / "j10.txt").write_text("1.1.1. 住民データの管理\n【項目（法第７条各号関係）】\n・氏名\n", encoding="utf-8")
    (tmp_path / "j20.txt").write_text("1.1.2. 修正\n軽微な修正（規則第11条第３項第２号）ができること。\n"
                                      "番号法第７条第１項による。\n", encoding="utf-8")
    (tmp_path / "j30.txt").write_text("1.1.3. メモ\n自由記載欄を設けること。\n", encoding="utf-8")
    trace = read_spec(tmp_path, "住民基本台帳法", edition="第1.0版")
    assert [i.id for i in trace] == ["J10", "J20", "J30"]
    j10 = trace["J10"]
    assert j10.title == "1.1.1. 住民データの管理"
    assert [(k.law, k.address, k.kind) for k in j10.links] == [("住民基本台帳法", "第７条", "根拠")]
    assert [(k.law, k.address) for k in trace["J20"].links] == [
        ("住民基本台帳法施行規則", "第11条第３項第２号"),
        ("行政手続における特定の個人を識別するための番号の利用等に関する法律", "第７条第１項")]  # 番号法, expanded
    assert [u.id for u in trace.unlinked] == ["J30"]


def test_the_sample_ordinance_as_trace_items():
    trace = ordinance_trace(lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml"))
    item = next(iter(trace))
    assert item.kind == "ordinance_provision" and item.title.startswith("第十条の二")
    link = item.links[0]
    assert link.law == "322AC0000000067" and link.address == "MainProvision-Article_244_2-Paragraph_3"
    assert link.kind == "準用"
    # citations of a whole law (統計法) cannot be linked to a provision: listed with the reason
    assert {u.reason for u in trace.unlinked} == {"cites a whole law, not a provision"}


def test_an_ordinance_article_is_affected_when_the_cited_national_provision_changes():
    national_old = make_law(art(1, "指定管理者は、公の施設の管理を行う。"), title="試験自治法", num="令和五年法律第九十八号")
    national_new = make_law(art(1, "指定管理者は、条例の定めるところにより公の施設の管理を行う。"), title="試験自治法",
                            num="令和五年法律第九十八号")
    ordinance = make_law(art(1, "試験自治法（令和五年法律第九十八号）第一条に規定する指定管理者について準用する。"),
                         title="試験市条例", num="令和五年試験市条例第一号")
    trace = ordinance_trace(ordinance)
    assert len(trace) == 1
    report = impact(lawcode.diff(national_old, national_new), trace)
    assert report.items("direct") == ["試験市条例 第一条"]
