"""Anchors, units, search names and citation splitting (small cases plus properties over the sample)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawcode
from lawcode.sphinxext import addressing as ad
from lawcode.sphinxext.domain import split_citation
from testsupport import SAMPLES

LAW = lawcode.load(SAMPLES / "sakuragaoka_jorei_v1.xml")
PROVISIONS = [p for p in LAW.provisions() if p.path and p.label]
UNITS = {p.path for p in PROVISIONS if ad.is_unit(p)}


@pytest.mark.parametrize("text, expected", [
    ("個人情報保護法 第二十七条第一項", ("個人情報保護法", "第二十七条第一項")),
    ("第三条の二", (None, "第三条の二")),
    ("地方公務員法第三十四条", ("地方公務員法", "第三十四条")),
    ("地方公務員法", ("地方公務員法", "")),
    ("附則第二項", (None, "附則第二項")),
    ("MainProvision-Article_3_2", (None, "MainProvision-Article_3_2")),
    ("桜ヶ丘市 個人情報保護条例\u3000第三条", ("桜ヶ丘市 個人情報保護条例", "第三条")),
])
def test_split_citation(text, expected):
    assert split_citation(text) == expected


def test_anchor_keeps_the_path_and_escapes_the_occurrence_suffix():
    assert ad.anchor("MainProvision-Article_3_2-Paragraph_2") == "MainProvision-Article_3_2-Paragraph_2"
    assert ad.anchor("MainProvision-Article_2#2", "v1-") == "v1-MainProvision-Article_2~2"


def test_arabic_label():
    assert ad.arabic_label("第十条の二第一項") == "第10条の2第1項"
    assert ad.arabic_label("別表第一") == "別表第1"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PROVISIONS))
def test_arabic_search_name_finds_the_same_provision(p):
    assert LAW.find(ad.arabic_label(p.label)) is LAW.find(p.label)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PROVISIONS))
def test_unit_of_is_an_ancestor_or_self(p):
    unit = ad.unit_of(p.path, UNITS)
    if unit is None:  # 本則, 章節, 附則 headings, 目次: above every unit
        assert not any(a.path in UNITS for a in [p, *p.ancestors()])
    else:
        assert unit in {a.path for a in [p, *p.ancestors()]}


def test_hover_title_is_label_then_first_line():
    title = ad.hover_title(LAW.find("第三条の二第二項"))
    assert title.split("\n")[0] == "第三条の二第二項"
    assert title.split("\n")[1].startswith("２　事業者は")
