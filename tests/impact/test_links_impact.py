"""Link states and the impact classification on tiny hand-written laws, one rule per test."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import lawcode
from lawcode.errors import TraceError
from lawcode.impact import Link, Trace, TraceItem, Tracker, check_link, impact

from impact_builders import art, make_law

DEF_OLD = "この法律において「甲」とは、乙をいう。"
DEF_NEW = "この法律において「甲」とは、乙及び戊をいう。"


def _law(defn: str = DEF_OLD, second: str = "甲は、届け出なければならない。") -> lawcode.Law:
    return make_law(art(1, defn, caption="（定義）"), art(2, second, "前項の届出は、書面でする。", caption="（届出）"),
                    art(3, "第二条の規定は、丙について準用する。"), art(4, "前条の場合には、丁とする。"),
                    art(5, "この法律は、公布の日から施行する。", caption="（施行期日）"))


def _trace(*links: tuple[str, str] | tuple[str, str, str]) -> Trace:
    return Trace([TraceItem(f"R{n}", "requirement", f"要件{n}", {}, [Link("試験法", a[1], law_version=(a[2] if len(a) > 2 else None))])
                  for n, a in enumerate(links, 1)])


def _state(old: lawcode.Law, new: lawcode.Law, address: str, **kw) -> str:
    return check_link(Link("試験法", address, **kw), Tracker(lawcode.diff(old, new))).state


def test_ok_when_nothing_changed_there():
    assert _state(_law(), _law(DEF_NEW), "第二条") == "ok"


def test_suspect_when_the_text_changed():
    assert _state(_law(), _law(second="甲は、直ちに届け出なければならない。"), "第二条第一項") == "suspect"
    # the article is suspect when one of its paragraphs changed
    assert _state(_law(), _law(second="甲は、直ちに届け出なければならない。"), "第二条") == "suspect"
    # the other paragraph did not change
    assert _state(_law(), _law(second="甲は、直ちに届け出なければならない。"), "第二条第二項") == "ok"


def test_a_reviewed_fingerprint_decides():
    old, new = _law(), _law(second="甲は、直ちに届け出なければならない。")
    reviewed_new = new.find("第二条第一項").fingerprint
    assert _state(old, new, "第二条第一項", fingerprint=reviewed_new) == "ok"
    assert _state(old, new, "第二条第一項", fingerprint="0000000000000000") == "suspect"


def test_moved_follows_lineage_and_says_where():
    old = make_law(art(1, "甲は、届け出なければならない。"), art(2, "乙は、申請することができる。"))
    new = make_law(art(1, "丙は、報告しなければならない。", caption="（報告）"), art(2, "甲は、届け出なければならない。"),
                   art(3, "乙は、申請することができる。"))
    st = check_link(Link("試験法", "第二条"), Tracker(lawcode.diff(old, new)))
    assert st.state == "moved"
    assert st.new_paths == ["MainProvision-Article_3"] and "第三条" in st.reason


def test_broken_when_deleted_or_never_there():
    old = _law()
    new = make_law(art(1, DEF_OLD, caption="（定義）"), art(2, "甲は、届け出なければならない。", caption="（届出）"))
    assert _state(old, new, "第四条") == "broken"
    assert _state(old, old, "第九十九条") == "broken"


def test_links_written_against_the_new_version():
    old = make_law(art(1, "甲は、届け出なければならない。"))
    new = make_law(art(1, "甲は、届け出なければならない。"), art(2, "乙は、申請することができる。"))
    st = check_link(Link("試験法", "第二条", law_version="current"), Tracker(lawcode.diff(old, new)))
    assert st.basis == "new" and st.state == "suspect" and "新設" in st.reason
    assert _state(old, new, "第一条", law_version="new") == "ok"


def test_recovered_lineage_pairs_an_unaligned_move_by_caption_and_text():
    body = "個人情報取扱事業者は、あらかじめ本人の同意を得ないで、個人データを第三者に提供してはならない。"
    old = make_law(art(1, "総則の規定とする。", caption="（目的）"), art(2, body, caption="（第三者提供の制限）"))
    new = make_law(art(1, "総則の規定とする。", caption="（目的）"),
                   *[art(n, f"新たな規定{n}を置く。", caption=f"（新設{n}）") for n in range(2, 6)],
                   art(6, body.replace("個人データ", "個人データ（仮名加工情報を除く。）"), caption="（第三者提供の制限）"))
    tracker = Tracker(lawcode.diff(old, new))
    step = tracker.forward("MainProvision-Article_2")
    assert step.path == "MainProvision-Article_6"
    st = check_link(Link("試験法", "第六条第一項", law_version="current"), tracker)
    assert st.state == "suspect" and st.old_paths == ["MainProvision-Article_2-Paragraph_1"]
    assert st.changes and st.changes[0].kind == "text_changed"


def test_direct_and_indirect_with_explained_paths():
    old, new = _law(), _law(DEF_NEW)
    report = impact(lawcode.diff(old, new), _trace(("試験法", "第一条"), ("試験法", "第二条"), ("試験法", "第三条"),
                                                     ("試験法", "第四条"), ("試験法", "第五条")), depth=2)
    classes = {h.item.id: h.klass for h in report.best_hits()}
    assert classes == {"R1": "direct", "R2": "indirect", "R3": "indirect"}
    hit = next(h for h in report.hits if h.item.id == "R3")
    assert [rel for rel, _ in hit.steps] == ["準用", "定義「甲」"]
    assert hit.change is not None and hit.change.new_label == "第一条第一項"
    # 第四条 is three steps away (前条 → 準用 → 定義): out of reach at depth 2, in reach at depth 3
    deeper = impact(lawcode.diff(old, new), _trace(("試験法", "第四条")), depth=3)
    assert deeper.items("indirect") == ["R1"]
    assert "参照" in deeper.hits[0].reason
    # 第五条 cites nothing: never affected
    assert "R5" not in report.items()


def test_depth_zero_reports_direct_hits_only():
    report = impact(lawcode.diff(_law(), _law(DEF_NEW)), _trace(("試験法", "第一条"), ("試験法", "第二条")), depth=0)
    assert report.items() == ["R1"]


def test_items_of_other_laws_are_not_considered():
    trace = Trace([TraceItem("X", "requirement", "", {}, [Link("別の法律", "第一条")])])
    report = impact(lawcode.diff(_law(), _law(DEF_NEW)), trace)
    assert report.considered == 0 and report.items() == []


def test_the_law_is_matched_by_number_too():
    trace = Trace([TraceItem("X", "requirement", "", {}, [Link("令和５年法律第９９号", "第一条")])])
    assert impact(lawcode.diff(_law(), _law(DEF_NEW)), trace).items() == ["X"]


def test_bad_arguments_raise_trace_errors():
    d = lawcode.diff(_law(), _law())
    with pytest.raises(TraceError):
        impact("not a diff", Trace())  # type: ignore[arg-type]
    with pytest.raises(TraceError):
        impact(d, [])  # type: ignore[arg-type]
    with pytest.raises(TraceError):
        impact(d, Trace(), depth=-1)


def test_exports(tmp_path):
    report = impact(lawcode.diff(_law(), _law(DEF_NEW)), _trace(("試験法", "第一条"), ("試験法", "第三条")))
    df = report.to_dataframe()
    assert list(df["id"]) == ["R1", "R2"] and list(df["class"]) == ["direct", "indirect"]
    data = json.loads(report.to_json())
    assert data["affected"] == {"total": 2, "direct": 1, "indirect": 1}
    assert data["hits"][0]["change"]["kind_label"] == "文言改正"
    assert "【" in data["hits"][0]["change"]["new_excerpt"]
    html = report.to_html()
    assert "<ins>" in html and "直接" in html and "間接" in html and "<script" not in html
    assert 'class="shinkyu-table"' in html  # the 新旧対照表 rows of the linked article, by lawcode.diff.render
    path = tmp_path / "g.graphml"
    report.to_graphml(path)
    g = nx.read_graphml(path)
    assert "item:R1" in g and g.nodes["item:R2"]["klass"] == "indirect"
    nl = report.to_node_link()
    assert nl["graph"]["format"] == "lawcode-impact-graph/1" and "links" in nl
    json.dumps(nl, ensure_ascii=False)
    assert "第一条" in report.explain("R2")
    full = report.to_graph(full=True)
    assert full.nodes["item:R2"]["klass"] == "indirect"
    assert any(d["rel"] == "準用" for _, _, d in full.edges(data=True))
    report.to_graphml(tmp_path / "full.graphml", full=True)
    assert nx.read_graphml(tmp_path / "full.graphml").number_of_nodes() == full.number_of_nodes()
    with pytest.raises(TraceError):
        report.explain("nope")


def test_counts_per_ministry_and_system():
    trace = Trace([TraceItem("P1", "procedure", "", {"所管府省庁": "総務省"}, [Link("試験法", "第一条")]),
                   TraceItem("P2", "procedure", "", {"所管府省庁": "総務省", "system": "S"}, [Link("試験法", "第一条第一項")]),
                   TraceItem("P3", "procedure", "", {}, [Link("試験法", "第五条")])])
    report = impact(lawcode.diff(_law(), _law(DEF_NEW)), trace)
    assert report.counts("ministry") == {"総務省": 2}
    assert report.counts("system") == {"S": 1, "（なし）": 1}
    assert report.counts("kind") == {"procedure": 2}
    assert report.link_states() == {"suspect": 2, "ok": 1}


def test_delegation_reaches_items_linked_to_a_given_cabinet_order():
    old = make_law(art(1, "甲は、政令で定めるところにより、届け出なければならない。"))
    new = make_law(art(1, "甲は、政令で定めるところにより、直ちに届け出なければならない。"))
    order = make_law(art(1, "法第一条の政令で定める届出の方法は、書面とする。"), title="試験法施行令", num="令和五年政令第九十九号")
    trace = Trace([TraceItem("S1", "system", "届出受付", {}, [Link("試験法施行令", "第一条")]),
                   TraceItem("S2", "system", "誤記", {}, [Link("試験法施行令", "第九条")])])
    report = impact(lawcode.diff(old, new), trace, laws=[order])
    assert report.items("indirect") == ["S1"]
    hit = report.hits[0]
    assert [rel for rel, _ in hit.steps] == ["委任"] and hit.path[1] == "根拠→試験法施行令 第一条第一項"
    # without the cabinet order the item is not linked to anything the diff knows
    assert impact(lawcode.diff(old, new), trace).considered == 0
    # a link naming no provision of the given law is reported, not dropped
    assert [u.id for u in report.unlinked] == ["S2"]
    graph = report.to_graph()
    assert graph.nodes["item:S1"]["klass"] == "indirect"


class _MisPairedDiff:
    """A diff as the aligner gave it for 個人情報保護法 2020 → 2025: the old 第二条 paired with the new 第二条 of the
    same number but other content, the old article's real successor reported as added."""

    def __init__(self, old: lawcode.Law, new: lawcode.Law) -> None:
        from lawcode.diff import Change

        self.old, self.new = old, new
        self.lineage = {"MainProvision-Article_1": "MainProvision-Article_1",
                        "MainProvision-Article_2": "MainProvision-Article_2",
                        "MainProvision-Article_2-Paragraph_1": "MainProvision-Article_2-Paragraph_1"}
        self.changes = (Change("caption_changed", old.find("第二条"), new.find("第二条")),
                        Change("replaced_whole", old.find("第二条第一項"), new.find("第二条第一項")),
                        Change("added", None, new.find("第三条")))


def test_a_mispaired_article_is_repaired_by_caption_and_text():
    body = "委員会は、前二節の規定の施行に必要な限度において、事業者に対し、必要な指導及び助言をすることができる。"
    old = make_law(art(1, "総則とする。", caption="（目的）"), art(2, body, caption="（指導及び助言）"))
    new = make_law(art(1, "総則とする。", caption="（目的）"),
                   art(2, "事業者は、仮名加工情報を作成するときは、基準に従い加工しなければならない。", caption="（仮名加工情報の作成等）"),
                   art(3, body.replace("前二節", "第四章"), caption="（指導及び助言）"))
    tracker = Tracker(_MisPairedDiff(old, new))  # type: ignore[arg-type]
    step = tracker.forward("MainProvision-Article_2")
    assert (step.path, step.inferred) == ("MainProvision-Article_3", True)
    assert tracker.back("MainProvision-Article_2").path is None  # the new 第二条 is new
    st = check_link(Link("試験法", "第三条", law_version="current"), tracker)
    assert st.old_paths == ["MainProvision-Article_2"] and st.state == "suspect"
    # the changes of the discarded pair are not this provision's changes
    assert [c.kind for c in st.changes] == ["text_changed"]
    assert _state_with(tracker, "第二条", "current") == "suspect" and "新設" in check_link(
        Link("試験法", "第二条", law_version="current"), tracker).reason


def _state_with(tracker, address: str, version: str) -> str:
    return check_link(Link("試験法", address, law_version=version), tracker).state
