"""Effects: types in drafting terms, the amending law and the enforcement date when known, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import lawcode
from lawcode.diff import diff, effects_to_csv, effects_to_json
from lawcode.diff.effects import amending_law, enforcement_date

from diff_builders import article, law

A1 = article("1", "この条例は、市民の個人情報を守ることを目的とする。")
A2 = article("2", "市長は、個人情報を適切に管理しなければならない。")


def _suppl(num: str) -> str:
    return (f'<SupplProvision AmendLawNum="{num}"><SupplProvisionLabel>附\u3000則</SupplProvisionLabel>'
            '<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律は、公布の日から施行する。'
            "</Sentence></ParagraphSentence></Paragraph></SupplProvision>")


def test_revision_id_in_the_file_name_gives_law_and_date(tmp_path):
    old = law(A1, A2)
    new_xml = law(A1, article("2", "市長は、個人情報を適正に管理しなければならない。"),
                  suppl=_suppl("令和三年五月一九日法律第三七号")).to_xml()
    path = tmp_path / "415AC0000000057_20220401_503AC0000000037.xml"
    path.write_bytes(new_xml)
    new = lawcode.load(path)
    assert enforcement_date(new) == date(2022, 4, 1)
    assert amending_law(old, new) == ("令和三年五月一九日法律第三七号", "503AC0000000037")
    effects = diff(old, new).effects()
    assert {e.type for e in effects} == {"改正", "追加"}
    assert all(e.amending_law_id == "503AC0000000037" and e.enforcement_date == date(2022, 4, 1) for e in effects)


def test_enforcement_date_attribute():
    xml = law(A1).to_xml().replace(b'<Law Era="Reiwa"', b'<Law EnforcementDate="2024/04/01" Era="Reiwa"')
    assert enforcement_date(lawcode.loads(xml)) == date(2024, 4, 1)
    assert enforcement_date(law(A1)) is None


def test_ambiguous_amending_law_is_left_empty_but_listed():
    old = law(A1)
    new = law(A1, A2, suppl=_suppl("令和三年五月一九日法律第三七号") + _suppl("令和四年六月一七日法律第六八号"))
    e = diff(old, new).effects()[0]
    assert e.amending_law_num is None
    assert e.amending_laws == ("令和三年五月一九日法律第三七号", "令和四年六月一七日法律第六八号")


def test_effect_types_and_exports():
    old = law(A1, A2, article("3", "事業者は、協力するよう努める。", caption="（協力）"))
    new = law(A1, article("2", "削除"), article("3", "事業者は、協力するよう努める。", caption="（事業者の協力）"),
              article("4", "規則で定める。"))
    effects = diff(old, new).effects()
    assert [(e.type, e.new_label) for e in effects] == [("削除", "第二条"), ("見出し改正", "第三条"), ("追加", "第四条")]
    rows = list(csv.DictReader(io.StringIO(effects_to_csv(effects))))
    assert [r["type"] for r in rows] == ["削除", "見出し改正", "追加"]
    data = json.loads(effects_to_json(effects))
    assert data[2]["new_path"] == "MainProvision-Article_4" and data[2]["enforcement_date"] is None
