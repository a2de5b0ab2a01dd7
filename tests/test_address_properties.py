"""Properties of addresses: every label lawcode prints parses back to the same steps, in any digit style, and
appendices without ``Num`` resolve by their title number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawcode
from lawcode.model.address import parse_citation, parse_path
from lawcode.model.labels import label_key, numbered
from lawcode.model.num import parse_num
from lawcode.text.numerals import int_to_kanji, to_fullwidth_digits

numbers = st.lists(st.integers(min_value=1, max_value=9999), min_size=1, max_size=3).map(tuple)
small = st.integers(min_value=1, max_value=99)


def _arabic(unit_parts: list[tuple[str, tuple[int, ...]]], fullwidth: bool = False) -> str:
    def digits(n: int) -> str:
        return to_fullwidth_digits(n) if fullwidth else str(n)

    out = []
    for unit, num in unit_parts:
        out.append(f"第{digits(num[0])}{unit}" + "".join(f"の{digits(b)}" for b in num[1:]))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(article=numbers, paragraph=small, item=numbers)
def test_article_paragraph_item_citations_round_trip(article, paragraph, item):
    kanji = numbered("条", article) + numbered("項", (paragraph,)) + numbered("号", item)
    expected = [("MainProvision", None), ("Article", article), ("Paragraph", (paragraph,)), ("Item", item)]
    for text in (
        kanji,
        _arabic([("条", article), ("項", (paragraph,)), ("号", item)]),
        _arabic([("条", article), ("項", (paragraph,)), ("号", item)], fullwidth=True),
    ):
        steps = [(s.tag, s.number) for s in parse_citation(text).steps]
        assert steps == expected, text


@settings(max_examples=200, deadline=None)
@given(chapter=numbers, section=small, article=numbers)
def test_container_citations_round_trip(chapter, section, article):
    text = numbered("章", chapter) + numbered("節", (section,)) + numbered("条", article)
    steps = [(s.tag, s.number) for s in parse_citation(text).steps]
    assert steps == [("MainProvision", None), ("Chapter", chapter), ("Section", (section,)), ("Article", article)]


@settings(max_examples=200, deadline=None)
@given(article=numbers, paragraph=small)
def test_suppl_citations_round_trip(article, paragraph):
    text = "附則" + numbered("条", article) + numbered("項", (paragraph,))
    steps = [(s.tag, s.number, s.key) for s in parse_citation(text).steps]
    assert steps == [("SupplProvision", None, ""), ("Article", article, None), ("Paragraph", (paragraph,), None)]


@settings(max_examples=200, deadline=None)
@given(first=numbers, last=numbers)
def test_path_numbers_round_trip(first, last):
    raw = "_".join(map(str, first))
    step = parse_path(f"MainProvision-Article_{raw}-Paragraph_2").steps[1]
    assert (step.tag, step.raw, step.number) == ("Article", raw, first)
    rng = parse_num(f"{raw}:{'_'.join(map(str, last))}")
    assert rng.first == first and rng.last == last
    assert rng.covers(first) == (first <= last) and rng.covers(last) == (first <= last)


def _digit_forms(n: int) -> tuple[str, str, str]:
    return int_to_kanji(n), str(n), to_fullwidth_digits(n)


@settings(max_examples=200, deadline=None)
@given(main=st.integers(min_value=1, max_value=9999), branch=st.integers(min_value=2, max_value=99))
def test_appendix_citations_parse_in_every_digit_form(main, branch):
    for m, b in zip(_digit_forms(main), _digit_forms(branch), strict=True):
        step = parse_citation(f"別表第{m}").steps[0]
        assert (step.tag, step.number, step.heading) == ("AppdxTable", (main,), "別表")
        step = parse_citation(f"様式第{m}号の{b}").steps[0]
        assert (step.tag, step.number) == ("AppdxStyle", (main, branch))
        step = parse_citation(f"第{m}号様式").steps[0]
        assert (step.tag, step.number, step.heading) == ("AppdxStyle", (main,), "様式")
        step = parse_citation(f"別記第{m}号様式").steps[0]
        assert (step.tag, step.number, step.heading) == ("AppdxStyle", (main,), "別記様式")


@settings(max_examples=300, deadline=None)
@given(article=numbers, paragraph=small, item=numbers)
def test_label_keys_ignore_the_digit_script(article, paragraph, item):
    kanji = numbered("条", article) + numbered("項", (paragraph,)) + numbered("号", item)
    parts = [("条", article), ("項", (paragraph,)), ("号", item)]
    assert label_key(kanji) == label_key(_arabic(parts)) == label_key(_arabic(parts, fullwidth=True))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=6, unique=True), st.data())
def test_unnumbered_appendices_resolve_by_title_number(titles, data):
    """Appendices without Num, titled 別表第N in any order, are found by N in every digit form and by AppdxTable_N,
    and their canonical paths stay AppdxTable[k]."""
    tables = "".join(f"<AppdxTable><AppdxTableTitle>別表第{int_to_kanji(n)}</AppdxTableTitle></AppdxTable>"
                     for n in titles)
    law = lawcode.loads(
        '<Law Era="Reiwa" Lang="ja" LawType="Act" Num="1" Year="3"><LawNum>令和三年法律第一号</LawNum><LawBody>'
        f"<LawTitle>試験法</LawTitle><MainProvision/>{tables}</LawBody></Law>"
    )
    k = data.draw(st.integers(min_value=0, max_value=len(titles) - 1))
    n = titles[k]
    for form in _digit_forms(n):
        assert law.find(f"別表第{form}").path == f"AppdxTable[{k + 1}]"
    assert law.find(f"AppdxTable_{n}").path == f"AppdxTable[{k + 1}]"
    missing = max(titles) + 1
    with pytest.raises(lawcode.AddressError, match=r"AppdxTable\[1\]"):
        law.find(f"別表第{missing}")
