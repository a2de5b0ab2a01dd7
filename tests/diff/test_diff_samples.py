"""The two versions of the sample ordinance: the changes its 改め文 (令和五年条例第二十一号) describes."""

from __future__ import annotations

import json

import lawcode
from lawcode.diff import diff, effects_to_csv, effects_to_json, timeline


def _by(d, kind):
    return [(c.old_label, c.new_label) for c in d.changes if c.kind == kind]


def test_sample_changes_match_the_amending_ordinance(sample_v1, sample_v2):
    d = diff(sample_v1, sample_v2)
    # 第十二条から第二十条までを一条ずつ繰り下げ、第十一条の次に次の一条を加える
    renumbered = _by(d, "renumbered")
    assert ("第十二条", "第十三条") in renumbered
    assert ("第十五条から第十七条まで", "第十六条から第十八条まで") in renumbered
    assert ("第二十条", "第二十一条") in renumbered
    added = _by(d, "added")
    assert (None, "第十二条") in added and (None, "第五条の二") in added and (None, "第七条第二項") in added
    # 第七条第二項を同条第三項とし / 第九条第一項第三号を削り、同項第四号から第六号までを一号ずつ繰り上げる
    assert ("第七条第二項", "第七条第三項") in renumbered
    assert _by(d, "deleted") == [("第九条第一項第三号", None)]
    assert ("第九条第一項第六号", "第九条第一項第五号") in renumbered
    # 第四条中「実施機関」を「市の機関」に改める
    c = next(c for c in d.changes if c.kind == "text_changed" and c.new_label == "第四条第一項")
    assert [c.old_text[a:b] for a, b in c.old_spans] == ["実施機関"]
    assert [c.new_text[a:b] for a, b in c.new_spans] == ["市の機関"]
    # 第三章の章名中「開示請求等」を「保有個人情報の開示等」に改める
    t = next(c for c in d.changes if c.kind == "title_changed")
    assert [t.new_text[a:b] for a, b in t.new_spans] == ["保有個人情報の開示等"]
    assert lawcode.canonical_xml(d.apply(sample_v1)) == lawcode.canonical_xml(sample_v2)


def test_changes_are_in_new_document_order(sample_v1, sample_v2):
    d = diff(sample_v1, sample_v2)
    index = [c.new.index for c in d.changes if c.new is not None]
    assert index == sorted(index)


def test_sample_lineage(sample_v1, sample_v2):
    d = diff(sample_v1, sample_v2)
    lin = d.lineage
    assert lin["MainProvision-Article_12"] == "MainProvision-Article_13"
    assert lin["MainProvision-Article_13-Paragraph_1"] == "MainProvision-Article_14-Paragraph_1"
    assert lin.back("MainProvision-Article_13") == "MainProvision-Article_12"
    assert lin.back("MainProvision-Article_12") is None  # the new 第十二条
    assert "MainProvision-Article_9-Paragraph_1-Item_3" not in lin  # deleted outright
    assert lin["MainProvision-Article_9-Paragraph_1-Item_4"] == "MainProvision-Article_9-Paragraph_1-Item_3"


def test_sample_effects(sample_v1, sample_v2):
    d = diff(sample_v1, sample_v2)
    effects = d.effects()
    assert len(effects) == len(d.changes)
    types = {(e.old_label, e.type) for e in effects}
    assert ("第九条第一項第四号", "繰上げ") in types and ("第十二条", "繰下げ") in types
    assert {e.amending_law_num for e in effects} == {"令和五年一二月二〇日桜ヶ丘市条例第二一号"}
    rows = json.loads(effects_to_json(effects))
    assert rows[0]["type"] == effects[0].type
    csv_text = effects_to_csv(effects)
    assert csv_text.splitlines()[0].startswith("effect_id,type,kind")
    assert len(csv_text.splitlines()) == len(effects) + 1
    assert len({e.effect_id for e in effects}) == len(effects)


def test_sample_to_dict_is_json(sample_v1, sample_v2):
    data = diff(sample_v1, sample_v2).to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert data["counts"]["renumbered"] >= 10 and "第十三条" in text


def test_sample_timeline(sample_v1, sample_v2):
    tl = timeline([sample_v1, sample_v2, sample_v2])
    h = tl.history("MainProvision-Article_13")
    assert h.paths == {0: "MainProvision-Article_12", 1: "MainProvision-Article_13", 2: "MainProvision-Article_13"}
    assert [e.types for e in h.events] == [("繰下げ",)]
    new = tl.history("MainProvision-Article_12")
    assert new.first == 1 and new.events[0].kinds == ("added",)
    assert json.loads(tl.to_json())["versions"][0]["title"] == sample_v1.title
