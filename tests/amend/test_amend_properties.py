"""Properties of amend(): a phrase edit changes exactly the quoted occurrence; failures leave no trace."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import lawcode
from lawcode.amend import amend

from amend_laws import LAW_NUM, TITLE, A, P, law

PRE = f"{TITLE}（{LAW_NUM}）の一部を次のように改正する。\n"
ALPHABET = "あいうえおかきくけこさしすせそ甲乙丙丁戊、の者市長"
texts = st.text(alphabet=ALPHABET, min_size=4, max_size=40)
phrases = st.text(alphabet=ALPHABET, min_size=0, max_size=8)


@given(body=texts, data=st.data(), new=phrases)
def test_replacing_a_unique_substring_changes_exactly_it(body, data, new):
    i = data.draw(st.integers(0, len(body) - 1))
    j = data.draw(st.integers(i + 1, min(len(body), i + 8)))
    old = body[i:j]
    assume(body.find(old) == i and body.find(old, i + 1) == -1 and old != new)  # unique, overlaps included
    base = law(A(1, P(1, "前文。")), A(2, P(1, body + "。")))
    result = amend(base, PRE + f"第二条中「{old}」を「{new}」に改める。")
    assert result.law.find("第二条").text() == "第二条\u3000" + body[:i] + new + body[j:] + "。"
    assert result.law.find("第一条").text() == base.find("第一条").text()
    assert len(result.log) == 1 and "1箇所" in result.log[0].did


@given(body=texts, missing=st.text(alphabet="ＡＢＣＤ", min_size=1, max_size=4), first=phrases)
def test_a_failing_sentence_leaves_the_base_unchanged(body, missing, first):
    base = law(A(1, P(1, body + "。")))
    before = base.to_xml()
    assume(body)
    text = PRE + f"第一条中「{body[0]}」を「{first}」に改める。\n第一条中「{missing}」を「甲」に改める。\n"
    with pytest.raises(lawcode.AmendError) as info:
        amend(base, text)
    assert info.value.target == "第一条"
    assert base.to_xml() == before


@given(n=st.integers(2, 8), k=st.integers(1, 3), data=st.data())
def test_shifting_articles_keeps_their_order_and_text(n, k, data):
    start = data.draw(st.integers(1, n))
    base = law(*(A(i, P(1, f"第{i}の本文。")) for i in range(1, n + 1)))
    result = amend(base, PRE + f"第{start}条から第{n}条までを{k}条ずつ繰り下げる。")
    nums = [a.element.get("Num") for a in result.law.articles()]
    assert nums == [str(i) for i in range(1, start)] + [str(i + k) for i in range(start, n + 1)]
    assert [a.text().split("\u3000", 1)[1] for a in result.law.articles()] == [
        a.text().split("\u3000", 1)[1] for a in base.articles()]


SENTENCE_PIECES = st.sampled_from([
    "第一条", "第二条", "第三項", "第二号", "同条", "同項", "同号", "中", "「甲」", "「乙」", "を", "に", "改め", "改める",
    "削る", "加える", "の次に", "次の一条を", "次の一項を", "とし", "から", "まで", "、", "及び", "。", "の見出し", "ただし書",
    "一条ずつ繰り下げる", "次のように改める", "イ", "別表第一", "附則", "目次", "「", "」",
])


@given(pieces=st.lists(SENTENCE_PIECES, min_size=1, max_size=12))
def test_parse_and_amend_raise_only_lawcode_errors(pieces):
    text = "".join(pieces)
    try:
        lawcode.parse_amendment(text)
    except lawcode.ParseError:
        pass
    base = law(A(1, P(1, "甲は乙とする。", ["甲の一", "甲の二"])), A(2, P(1, "甲。"), P(2, "乙。")))
    before = base.to_xml()
    try:
        amend(base, PRE + text + "\n２　新しい項。\n")
    except lawcode.AmendError:
        pass
    assert base.to_xml() == before
