"""Printed numbers of renumbered 項・号・細分 follow the level's convention, read from the siblings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcode.amend.numbering import LabelStyle, label_style, read_label, write_label

FULL = LabelStyle("fullwidth")


@pytest.mark.parametrize(("siblings", "own", "number", "expected"), [
    (["２", "３", "９"], "９", (10,), "１０"),            # 項: full-width, whatever the old width
    ([], "", (10,), "１０"),                              # no sibling, no old title: e-Gov's default
    (["一", "二"], "九", (10,), "十"),                    # 号: kanji
    (["一", "二"], "三", (3, 2), "三の二"),               # 枝番
    (["（１）", "（２）"], "（９）", (10,), "（１０）"),  # 細分 of the second level
    (["イ", "ロ"], "ハ", (4,), "ニ"),                     # 細分 of the first level
    (["（ｉ）", "（ｉｉ）"], "（ｉｖ）", (5,), "（ｖ）"),  # 細分 of the third level
    (["(1)", "(2)"], "(3)", (12,), "(12)"),               # a law that writes ASCII keeps ASCII
    (["（１）", "（２）", "(3)"], "(3)", (11,), "（１１）"),  # the majority of the siblings wins over the old title
])
def test_label_follows_the_siblings(siblings, own, number, expected):
    assert write_label(number, label_style(siblings, own, FULL)) == expected


def test_horizontal_laws_count_subitems_in_aiu_order():
    assert write_label((2,), label_style(["ア"], "ア", FULL, horizontal=True)) == "イ"
    assert read_label("ウ", horizontal=True) == 3
    assert read_label("ハ") == 3


@given(st.integers(1, 39), st.sampled_from([LabelStyle("fullwidth", "（", "）"), LabelStyle("kanji"),
                                             LabelStyle("iroha"), LabelStyle("roman", "（", "）"),
                                             LabelStyle("digits", "(", ")")]))
def test_read_label_inverts_write_label(n, style):
    assert read_label(write_label((n,), style)) == n
