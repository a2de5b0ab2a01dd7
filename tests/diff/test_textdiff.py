"""Character-level diff with semantic clean-up: hunks read like a drafter's quotes and always rebuild the text."""

from __future__ import annotations

import difflib

from hypothesis import given, strategies as st

from lawcode.diff.textdiff import char_class, diff_hunks, raw_hunks


def _quotes(a: str, b: str) -> list[tuple[str, str]]:
    return [(a[h.old_start:h.old_end], b[h.new_start:h.new_end]) for h in diff_hunks(a, b)]


def _rebuild(a: str, b: str, hunks) -> str:
    out, pos = [], 0
    for h in hunks:
        assert h.old_start >= pos, "hunks overlap or are out of order"
        out.append(a[pos:h.old_start])
        out.append(b[h.new_start:h.new_end])
        pos = h.old_end
    out.append(a[pos:])
    return "".join(out)


def test_identical_texts_have_no_hunks():
    assert diff_hunks("第一条　この条例は、", "第一条　この条例は、") == []


def test_insertion_inside_a_compound_quotes_the_whole_word():
    assert _quotes("個人情報の保護", "個人識別情報の保護") == [("個人情報", "個人識別情報")]


def test_number_phrase_is_quoted_whole():
    assert _quotes("第十三条第二項の規定により", "第十四条第二項の規定により") == [("第十三条第二項", "第十四条第二項")]


def test_okurigana_takes_its_kanji_along():
    assert _quotes("措置を講ずる。", "措置を講じなければならない。") == [("講ずる", "講じなければならない")]


def test_punctuation_is_not_swallowed():
    # the 読点 after the changed word stays outside the quote
    quotes = _quotes("市長は、必要な措置", "知事は、必要な措置")
    assert quotes == [("市長", "知事")]


def test_short_equal_runs_between_edits_are_merged():
    # a single unchanged character between two edits does not split the quote
    quotes = _quotes("甲乙丙", "丁乙戊")
    assert len(quotes) == 1


def test_long_texts_go_through_lines_first():
    old = "\n".join(f"第{i}項　ある規定の文言{i}" for i in range(3000))
    new = old.replace("文言1500", "字句1500")
    hunks = diff_hunks(old, new)
    assert _rebuild(old, new, hunks) == new
    assert [(old[h.old_start:h.old_end], new[h.new_start:h.new_end]) for h in hunks] == [("文言", "字句")]


def test_char_classes():
    assert char_class("条") == 1 and char_class("々") == 1
    assert char_class("デ") == 2 and char_class("ー") == 2
    assert char_class("A") == 3 and char_class("１") == 3
    assert char_class("の") == 4
    assert char_class("、") == 0 and char_class("（") == 0


_ALPHABET = st.sampled_from(list("第一二三条項号のをにはるす、。（）個人情報市長デジタルAB１\n\u3000"))
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


@given(_TEXT, _TEXT)
def test_hunks_always_rebuild_the_new_text(a, b):
    for hunks in (diff_hunks(a, b), raw_hunks(a, b), diff_hunks(a, b, clean=False)):
        assert _rebuild(a, b, hunks) == b


@given(_TEXT)
def test_no_hunks_for_equal_texts(a):
    assert diff_hunks(a, a) == []


def test_cleaned_hunks_are_fewer_than_difflib_opcodes_on_scattered_edits():
    a = "行政機関の長は、開示請求に係る保有個人情報に不開示情報が含まれている場合を除き、開示しなければならない。"
    b = "行政機関等の長は、開示請求に係る保有個人情報に次の各号に掲げる情報が含まれている場合を除き、開示しなければならない。"
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    scattered = [op for op in sm.get_opcodes() if op[0] != "equal"]
    hunks = diff_hunks(a, b)
    assert len(hunks) <= len(scattered)
    assert ("行政機関", "行政機関等") in _quotes(a, b)
