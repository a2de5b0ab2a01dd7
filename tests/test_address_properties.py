"""Properties of address parsing: every label lawcode prints parses back to the same steps, in any digit style."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawcode.model.address import parse_citation, parse_path
from lawcode.model.labels import numbered
from lawcode.model.num import parse_num
from lawcode.text.numerals import to_fullwidth_digits

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
