"""ハネ改正 check: references left pointing at renumbered or deleted provisions (Amendment.dangling)."""

from __future__ import annotations

import lawcode
from amend_laws import A, P, law

from lawcode.amend import Dangling


def _base() -> lawcode.Law:
    return law(
        A(1, P(1, "第二条の規定は、適用しない。")),
        A(2, P(1, "甲は、乙をする。")),
        A(3, P(1, "前条の規定にかかわらず、丙とする。")),
    )


def test_renumbered_target_not_updated_is_reported_with_the_fix() -> None:
    text = "第三条を第四条とし、第二条を第三条とし、第一条の次に次の一条を加える。\n第二条　丁は、戊をする。\n"
    found = lawcode.amend(_base(), text).dangling()
    assert [(d.source_label, d.text) for d in found] == [("第一条第一項", "第二条")]
    assert isinstance(found[0], Dangling)
    assert found[0].suggestion == "「第二条」→「第三条」"
    assert found[0].targets == ("MainProvision-Article_2",)


def test_updated_reference_is_not_reported() -> None:
    text = ("第一条中「第二条」を「第三条」に改める。\n"
            "第三条を第四条とし、第二条を第三条とし、第一条の次に次の一条を加える。\n第二条　丁は、戊をする。\n")
    assert lawcode.amend(_base(), text).dangling() == []


def test_relative_reference_that_moves_with_its_target_is_fine() -> None:
    # 第三条's 「前条」 still means old 第二条 after both move down by one
    text = "第三条を第四条とし、第二条を第三条とし、第一条の次に次の一条を加える。\n第二条　丁は、戊をする。\n"
    assert all(d.text != "前条" for d in lawcode.amend(_base(), text).dangling())


def test_deleted_target_is_reported() -> None:
    found = lawcode.amend(_base(), "第二条を削る。").dangling()
    texts = {(d.source_label, d.text): d.suggestion for d in found}
    assert "the cited provision was deleted" in texts[("第一条第一項", "第二条")]
    assert any(d.text == "前条" for d in found)  # 第三条's 前条 pointed at the deleted 第二条


def test_no_move_no_report() -> None:
    assert lawcode.amend(_base(), "第一条中「適用しない」を「適用する」に改める。").dangling() == []


def test_other_laws_through_a_citation_graph() -> None:
    base = _base()
    other = lawcode.loads(
        ('<?xml version="1.0" encoding="UTF-8"?><Law Era="Reiwa" Lang="ja" LawType="Act" Num="1" Year="6">'
         "<LawNum>令和六年法律第一号</LawNum><LawBody><LawTitle>他法</LawTitle><MainProvision>"
         '<Article Num="1"><ArticleTitle>第一条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
         '<ParagraphSentence><Sentence Num="1" WritingMode="vertical">'
         "テスト法（令和五年法律第九十九号）第二条の規定を準用する。"
         "</Sentence></ParagraphSentence></Paragraph></Article></MainProvision></LawBody></Law>").encode("utf-8"))
    graph = lawcode.citation_graph([base, other])
    text = "第三条を第四条とし、第二条を第三条とし、第一条の次に次の一条を加える。\n第二条　丁は、戊をする。\n"
    result = lawcode.amend(base, text)
    own = result.dangling()
    with_graph = result.dangling(graph)
    extra = [d for d in with_graph if d not in own]
    assert len(extra) == 1
    assert extra[0].suggestion == "「テスト法（令和五年法律第九十九号）第二条」→「テスト法（令和五年法律第九十九号）第三条」"
    assert extra[0].source == "MainProvision-Article_1-Paragraph_1"


def _sample_text() -> str:
    from testsupport import SAMPLES

    return (SAMPLES / "sakuragaoka_kaisei_r5_21.txt").read_text(encoding="utf-8")


def test_sample_ordinance_amendment_leaves_nothing_dangling(sample_v1) -> None:
    result = lawcode.amend(sample_v1, _sample_text())
    assert result.lineage  # it renumbers 第十二条… and deletes 第九条第一項第三号
    assert result.dangling() == []


def test_sample_with_a_citation_left_behind_is_reported(sample_v1) -> None:
    # the sample's renumbering 第十二条→第十三条 …, applied to a base whose 第十一条 cites 第十四条 by number
    base = sample_v1
    target = next(p for p in base.provisions("Paragraph") if p.path == "MainProvision-Article_11-Paragraph_1")
    draft = base.draft()
    e = draft.root.find(".//Article[@Num='11']/Paragraph[@Num='1']/ParagraphSentence/Sentence")
    assert e is not None and target is not None
    e.text = "第十四条の規定により、" + (e.text or "")
    result = lawcode.amend(draft.commit(), _sample_text())
    found = [d for d in result.dangling() if d.text == "第十四条"]
    assert len(found) == 1
    assert found[0].source_label.startswith("第十一条")
    assert found[0].suggestion == "「第十四条」→「第十五条」"
