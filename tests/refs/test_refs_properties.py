"""Properties of lawcode.references over generated laws: spans slice text() exactly, mentions do not overlap,
resolved targets exist, and nothing but a LawcodeError ever escapes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lawcode

from refs_lawxml import article, law, suppl, suppl_para

_PHRASES = [
    "前条", "次条", "前項", "次項", "前号", "前各号", "前二項", "前三条", "同条", "同項", "同号", "第一条", "第二条第二項",
    "第三条第一号", "第三条の二", "第二条から第四条まで", "第一項及び第二項", "附則第一項", "別表第一", "この法律",
    "民法（明治二十九年法律第八十九号）第七条", "同法第二条", "法第五条", "第9条第2項", "第１条", "本条", "この章",
    "各号", "次の各号", "前項ただし書", "同条第二項各号", "第百条", "第一号イ", "若しくは", "及び", "、", "（", "）",
    "「", "」", "の規定により", "は、", "する。", "において", "第", "条", "項", "号", "前", "同", "から", "まで",
]
sentences = st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=14).map("".join)


def _law(texts: list[str]) -> lawcode.Law:
    arts = [article(1, texts[0], texts[1]), article(2, (texts[2], [texts[3], texts[4]])), article("3_2", texts[5])]
    return law(*arts, tail=suppl(suppl_para(1, texts[6]), suppl_para(2, texts[7])))


@settings(max_examples=150)
@given(st.lists(sentences, min_size=8, max_size=8))
def test_spans_targets_and_errors(texts):
    lw = _law(texts)
    refs = lawcode.references(lw)
    last: dict[str, int] = {}
    for r in refs:
        text = lw.find(r.source).text()
        start, end = r.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == r.text
        assert start >= last.get(r.source, 0), "mentions of one provision are in order and do not overlap"
        last[r.source] = end
        if r.resolved:
            assert r.reason is None
            if r.target_law is None:
                for t in r.targets:
                    assert lw.find(t).path == t
        else:
            assert r.reason


@settings(max_examples=60)
@given(st.text(alphabet="第一二三条項号前次同各の及び並びに又は若しくは、から まで（）「」法令附則別表", max_size=60))
def test_arbitrary_text_never_crashes(text):
    lw = law(article(1, text or "x"), article(2, "y"))
    for r in lawcode.references(lw):
        assert lw.find(r.source).text()[r.span[0]:r.span[1]] == r.text
