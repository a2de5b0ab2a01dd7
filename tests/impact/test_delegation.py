"""Reverse delegation: a change of a 施行令/施行規則 reaches the article of its parent law that delegates to it
(「政令で定める」), on tiny hand-written laws, one rule per test."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcode
from lawcode.impact import Link, Trace, TraceItem, impact
from lawcode.impact.delegation import delegation_phrase

from impact_builders import art, make_law

ORDER = "試験法施行令"
ORDER_NUM = "令和五年政令第九十九号"


def _parent() -> lawcode.Law:
    return make_law(art(1, "この法律は、甲について定める。", caption="（目的）"),
                    art(2, "甲は、届け出なければならない。", caption="（届出）"),
                    art(3, "前条の届出は、政令で定めるところにより、書面でしなければならない。",
                        "前項の書面には、政令で定める事項を記載しなければならない。", caption="（届出の方法）"),
                    art(4, "この法律は、公布の日から施行する。", caption="（施行期日）"))


def _order(item: str = "氏名及び住所", second: str = "法第二条の届出は、本人がする。") -> lawcode.Law:
    return make_law(art(1, f"法第三条第二項の政令で定める事項は、{item}とする。"),
                    art(2, second), title=ORDER, num=ORDER_NUM)


def _trace() -> Trace:
    return Trace([TraceItem("R3", "requirement", "届出書の記載事項を検査できること", {}, [Link("試験法", "第三条")]),
                  TraceItem("R2", "requirement", "届出を受け付けること", {}, [Link("試験法", "第二条")]),
                  TraceItem("R1", "requirement", "目的", {}, [Link("試験法", "第一条")])])


def test_a_changed_order_article_reaches_the_delegating_article_of_the_parent_law():
    report = impact(lawcode.diff(_order(), _order("氏名、住所及び生年月日")), _trace(), laws=[_parent()])
    assert report.items("indirect") == ["R3"]
    hit = report.hits[0]
    assert [rel for rel, _ in hit.steps] == ["委任「政令で定める」"]
    assert hit.path[1] == "根拠→試験法 第三条第二項"
    assert hit.path[2] == f"委任「政令で定める」→{ORDER} 第一条第一項"
    assert f"{ORDER} 第一条第一項の改正" in hit.reason and hit.change is not None and hit.change.kind == "text_changed"
    full = report.to_graph(full=True)
    assert any(d["rel"] == "委任" for _, _, d in full.edges(data=True))


def test_a_plain_citation_without_delegation_does_not_reach_the_parent_law():
    # 施行令第二条 cites 法第二条, but 第二条 delegates nothing: a change of the order does not touch the law
    report = impact(lawcode.diff(_order(), _order(second="法第二条の届出は、本人又は代理人がする。")), _trace(),
                    laws=[_parent()])
    assert report.items() == []


def test_an_unchanged_order_affects_nothing():
    assert impact(lawcode.diff(_order(), _order()), _trace(), laws=[_parent()]).items() == []


def test_without_the_parent_law_the_items_are_not_considered():
    report = impact(lawcode.diff(_order(), _order("氏名、住所及び生年月日")), _trace())
    assert report.considered == 0 and report.items() == []


def test_delegation_phrases():
    assert delegation_phrase("政令で定めるところにより、届け出る。") == "政令で定める"
    assert delegation_phrase("主務省令で定める事項") == "主務省令で定める"
    assert delegation_phrase("内閣府令で定める基準") == "内閣府令で定める"
    assert delegation_phrase("規則で定める") == "規則で定める"
    assert delegation_phrase("甲は、届け出なければならない。") is None
    assert delegation_phrase("この法律で定める") is None


KOGAI_LAW = "bulk/lawhub-xml_20201118/346AC0000000107.xml"  # 特定工場における公害防止組織の整備に関する法律
KOGAI_ORDER = "egov_versions/346CO0000000264/346CO0000000264_{}.xml"  # its 施行令


@pytest.mark.corpus
def test_real_fee_change_in_the_order_reaches_the_law_article_that_delegates_the_fee(corpus: Path):
    # 平成三十年政令第百七十号 raised the 受験手数料 of 施行令第十三条 (六千八百円 → 八千七百円); the law's 第十二条の二
    # leaves the amount to the order (「実費を勘案して政令で定める額の受験手数料」), so a requirement on it must be reviewed
    law = lawcode.load(corpus / KOGAI_LAW)
    old = lawcode.load(corpus / KOGAI_ORDER.format("20180401_429CO0000000286"))
    new = lawcode.load(corpus / KOGAI_ORDER.format("20180525_430CO0000000170"))
    trace = Trace([TraceItem("FEE", "requirement", "受験手数料の収納", {}, [Link(law.title, "第十二条の二")]),
                   TraceItem("EXAM", "requirement", "国家試験の実施", {}, [Link(law.title, "第十二条")])])
    report = impact(lawcode.diff(old, new), trace, laws=[law])
    assert report.items() == ["FEE"]
    hit = report.hits[0]
    assert hit.klass == "indirect" and hit.path[1] == f"根拠→{law.title} 第十二条の二第一項"
    assert hit.path[2].startswith("委任「政令で定める」→") and hit.path[2].endswith("施行令 第十三条第一号")
    assert "八千七百円" in hit.change.new_text and "六千八百円" in hit.change.old_text
