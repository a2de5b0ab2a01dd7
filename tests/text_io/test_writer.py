"""Law.to_text(): the whole law as e-Gov prints it, consistent with Provision.text()."""

from __future__ import annotations

import pytest

import lawcode
from lawcode.model.text_layout import CELL, provision_text_lines

from testsupport import SAMPLES


@pytest.fixture(scope="module")
def law() -> lawcode.Law:
    return lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml")


def test_starts_with_title_and_law_number(law):
    lines = law.to_text().splitlines()
    assert lines[0] == "桜ヶ丘市個人情報の保護に関する条例"
    assert lines[1] == "（令和二年桜ヶ丘市条例第十二号）"
    assert lines[2] == "目次"
    assert lines[3] == "\u3000第一章\u3000総則（第一条―第五条）"  # 目次 entries indented one level more


def test_provisions_print_as_text_does(law):
    text = law.to_text()
    checked = 0
    for p in law.provisions("Article"):
        if p.element.find(".//TableStruct") is not None:
            continue
        assert p.text() in text
        assert "\n".join(provision_text_lines(p.element)) == p.text()
        checked += 1
    assert checked > 15


def test_only_table_rows_differ_from_text(law):
    p = law.find("第十四条")
    ours, theirs = provision_text_lines(p.element), p.text().splitlines()
    assert len(ours) == len(theirs)
    differing = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert differing and all(a.startswith(CELL) and a.strip(CELL).replace(CELL, "\u3000") == b for a, b in differing)


def test_one_line_per_provision(law):
    lines = law.to_text().splitlines()
    assert "第三条の二\u3000事業者は、事業を行うに当たって個人情報を扱うときは、その個人情報に係る本人の権利利益を損なうことのないよう努めなければならない。" in lines
    assert "四及び五\u3000削除" in lines
    assert "（１）\u3000本人の法定代理人" in lines


def test_suppl_provision_label_carries_the_amending_law(law):
    lines = law.to_text().splitlines()
    assert "附\u3000則" in lines
    assert "附\u3000則\u3000（令和四年三月二八日桜ヶ丘市条例第五号）" in lines


def test_tables_use_the_cell_notation(law):
    lines = law.to_text().splitlines()
    assert f"{CELL}事務の名称{CELL}受け持つ組織{CELL}主な記録項目{CELL}" in lines
    assert "［図］" in lines  # 様式 as a placeholder


def test_ends_with_a_line_break(law):
    assert law.to_text().endswith("\n")
    assert "\n\n" not in law.to_text()
