"""`Provision.text()` and `segments()`: the layout rules of lawcode.model.render / lawcode.model.layout.

Each rule has a small hand-written case; the invariants (segments sorted, disjoint, never across a line break,
each element's characters equal to the element rendered alone, the same text whatever the serialisation) are
checked on the samples here and over the whole corpus in test_layout_corpus.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import lawcode
from lawcode.model.render import FIG_PLACEHOLDER, TEXT_TAGS, block_text, inline_text, script_text

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
SPACE = "\u3000"


# -- helpers shared with test_layout_corpus.py ----------------------------------------------------------------
def _is_blank(text: str | None) -> bool:
    return text is None or not text.strip(" \t\r\n")


def _strip_layout(root: etree._Element) -> None:
    """Remove whitespace-only text between elements (what canonical_xml drops)."""
    for e in root.iter():
        if len(e) and e.text is not None and _is_blank(e.text):
            e.text = None
        if e is not root and e.tail is not None and _is_blank(e.tail):
            e.tail = None


def _indent_with_spaces(e: etree._Element, depth: int = 0) -> None:
    """Indent with runs of spaces and no line break, like the bulk files that leaked whitespace."""
    if len(e):
        if _is_blank(e.text):
            e.text = "  " * (depth + 1)
        for c in e:
            _indent_with_spaces(c, depth + 1)
            if _is_blank(c.tail):
                c.tail = "  " * (depth + 1)


def serialisations(data: bytes) -> dict[str, bytes]:
    """The document *data* pretty-printed, compact, and indented with spaces only."""
    out = {}
    for name in ("pretty", "compact", "spaces"):
        tree = etree.ElementTree(etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True)))
        root = tree.getroot()
        _strip_layout(root)
        if name == "pretty":
            etree.indent(tree, space="  ")
        elif name == "spaces":
            _indent_with_spaces(root)
        out[name] = etree.tostring(tree, encoding="utf-8", xml_declaration=True)
    return out


def provision_layouts(law) -> list[tuple[str | None, str, list[tuple[int, int, str]]]]:
    """Path, text and segments (start, end, element path) of every provision of *law*."""
    result = []
    paths: dict[etree._Element, str] = {}
    for p in law.provisions():
        tree = p.element.getroottree()
        segments = []
        for s in p.segments():
            where = paths.get(s.element)
            if where is None:
                where = paths[s.element] = tree.getpath(s.element)
            segments.append((s.start, s.end, where))
        result.append((p.path, p.text(), segments))
    return result


def check_layout(p, rendered: dict | None = None) -> None:
    """The segment invariants of one provision (module docstring of lawcode.model.layout).

    *rendered* caches each element rendered alone across the provisions of one law.
    """
    if rendered is None:
        rendered = {}
    text = p.text()
    segs = p.segments()
    previous_end = 0
    for s in segs:
        assert previous_end <= s.start < s.end <= len(text), (p.path, s)
        assert "\n" not in text[s.start:s.end], (p.path, s.tag)
        # every character between segments is layout: a line break or a full-width space
        assert not text[previous_end:s.start].strip("\n\u3000"), (p.path, text[previous_end:s.start])
        previous_end = s.end
    assert not text[previous_end:].strip("\n\u3000"), p.path
    # the characters of an element (first to last segment inside it) are the element rendered alone
    owners = {s.element for s in segs}
    spans: dict[etree._Element, list[int]] = {}
    shown: set[etree._Element] = set()  # elements with a segment inside
    top = p.element
    for s in segs:
        e = s.element
        while e is not None and e is not top:
            shown.add(e)
            if e in owners:
                span = spans.get(e)
                if span is None:
                    spans[e] = [s.start, s.end]
                else:
                    span[1] = s.end
            e = e.getparent()
    for e, (start, end) in spans.items():
        piece = text[start:end]
        key = (e, "\n" in piece)
        expected = rendered.get(key)
        if expected is None:
            expected = rendered[key] = block_text(e) if key[1] else inline_text(e)
        assert piece == expected, (p.path, e.tag)
    # nothing is lost: every figure has a segment, every non-empty sentence has one or contains one
    for e in top.iter("Fig", "Sentence"):
        if e not in shown:
            assert e.tag == "Sentence" and not inline_text(e), (p.path, top.getroottree().getpath(e))


def loads_rule(body: str):
    """A one-law document around *body* (the content of MainProvision)."""
    return lawcode.loads(
        '<Law Era="Reiwa" Lang="ja" LawType="Act" Num="1" Year="1"><LawNum>令和元年法律第一号</LawNum>'
        f"<LawBody><LawTitle>テスト法</LawTitle><MainProvision>{body}</MainProvision></LawBody></Law>"
    )


def article(paragraph_body: str) -> str:
    return (
        '<Article Num="1"><ArticleTitle>第一条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
        f"{paragraph_body}</Paragraph></Article>"
    )


# -- whitespace --------------------------------------------------------------------------------------------
def test_indentation_without_line_breaks_is_layout():
    law = loads_rule(
        '<Article Num="1">    <ArticleTitle>第一条</ArticleTitle>    <Paragraph Num="1">      <ParagraphNum/>'
        "      <ParagraphSentence>        <Sentence>本文。</Sentence>      </ParagraphSentence>"
        "      <TableStruct>  <Table>  <TableRow>  <TableColumn>  <Sentence>甲</Sentence>  </TableColumn>"
        "  <TableColumn>   </TableColumn>  <TableColumn>  <Sentence>乙</Sentence>  </TableColumn>  </TableRow>"
        "  </Table>  </TableStruct>    </Paragraph>  </Article>"
    )
    assert law.find("第一条").text() == f"第一条{SPACE}本文。\n甲{SPACE}{SPACE}乙"


def test_mixed_content_keeps_content_and_drops_layout():
    law = loads_rule(
        article(
            "<ParagraphSentence><Sentence>\n      前<Ruby>罹<Rt>り</Rt>\n   </Ruby>災 の<Line>\n   傍線\n </Line>"
            "\n   <Ruby>瑕<Rt>か</Rt></Ruby>  <Ruby>疵<Rt>し</Rt></Ruby>\n   </Sentence></ParagraphSentence>"
        )
    )
    p = law.find("第一条")
    # ASCII space inside text is content; whitespace-only tails (between Ruby elements) and runs with a
    # line break are layout, as in canonical_xml
    assert p.text() == f"第一条{SPACE}前罹災 の傍線瑕疵"
    assert p.text(ruby=True) == f"第一条{SPACE}前罹（り）災 の傍線瑕（か）疵（し）"


def test_whitespace_only_sentence_without_line_break_is_content():
    law = loads_rule(article("<ParagraphSentence><Sentence> </Sentence></ParagraphSentence>"))
    assert law.find("第一条").text() == f"第一条{SPACE} "


# -- sentences, columns, lists ------------------------------------------------------------------------------
def test_sentence_group_is_one_line_and_each_sentence_its_own_segment():
    law = loads_rule(
        article(
            '<ParagraphSentence><Sentence Function="main">本文。</Sentence>'
            '<Sentence Function="proviso">ただし書。</Sentence></ParagraphSentence>'
        )
    )
    p = law.find("第一条")
    assert p.text() == f"第一条{SPACE}本文。ただし書。"
    assert [(s.tag, p.text()[s.start:s.end]) for s in p.segments()] == [
        ("ArticleTitle", "第一条"), ("Sentence", "本文。"), ("Sentence", "ただし書。")
    ]


def test_list_columns_share_a_line_each_column_a_segment():
    law = loads_rule(
        article(
            "<ParagraphSentence><Sentence>左ノ通トス</Sentence></ParagraphSentence>"
            '<List><ListSentence><Column Num="1"><Sentence>第一</Sentence></Column>'
            '<Column Num="2"><Sentence>甲ハ</Sentence><Sentence>乙トス</Sentence></Column></ListSentence>'
            "<Sublist1><Sublist1Sentence><Sentence>細目</Sentence></Sublist1Sentence></Sublist1></List>"
            '<List><ListSentence><Column Num="1"><Sentence>第二</Sentence></Column>'
            '<Column Num="2"><Sentence>丙トス</Sentence></Column></ListSentence></List>'
        )
    )
    p = law.find("第一条")
    assert p.text().split("\n") == [f"第一条{SPACE}左ノ通トス", f"第一{SPACE}甲ハ乙トス", "細目", f"第二{SPACE}丙トス"]
    pieces = [p.text()[s.start:s.end] for s in p.segments()]
    assert pieces == ["第一条", "左ノ通トス", "第一", "甲ハ", "乙トス", "細目", "第二", "丙トス"]
    check_layout(p)


def test_item_columns_joined_by_one_full_width_space(sample_v1):
    item = sample_v1.find("第二条第二号")
    line = item.text().split("\n")[0]
    assert line.startswith(f"二{SPACE}本人{SPACE}")
    assert [s.tag for s in item.segments()][:3] == ["ItemTitle", "Sentence", "Sentence"]


# -- tables ------------------------------------------------------------------------------------------------
def _table(rows: str) -> str:
    return article(
        "<ParagraphSentence><Sentence>次の表のとおりとする。</Sentence></ParagraphSentence>"
        f"<TableStruct><Table>{rows}</Table></TableStruct>"
    )


def test_row_of_one_line_cells_is_one_line():
    law = loads_rule(
        _table(
            "<TableHeaderRow><TableHeaderColumn>区分</TableHeaderColumn><TableHeaderColumn>額</TableHeaderColumn>"
            "</TableHeaderRow><TableRow><TableColumn><Sentence>甲</Sentence></TableColumn>"
            "<TableColumn><Sentence>千円</Sentence></TableColumn></TableRow>"
        )
    )
    p = law.find("第一条")
    assert p.text().split("\n")[1:] == [f"区分{SPACE}額", f"甲{SPACE}千円"]
    assert [s.tag for s in p.segments()][2:] == ["TableHeaderColumn"] * 2 + ["Sentence"] * 2


def test_cell_with_several_sentences_prints_one_line_per_sentence():
    law = loads_rule(
        _table(
            "<TableRow><TableColumn><Sentence>区分</Sentence></TableColumn><TableColumn>"
            '<Sentence Num="1">一　甲</Sentence><Sentence Num="2">二　乙</Sentence><Sentence Num="3">イ　丙</Sentence>'
            "</TableColumn></TableRow>"
        )
    )
    p = law.find("第一条")
    assert p.text().split("\n")[1:] == ["区分", "一　甲", "二　乙", "イ　丙"]
    assert sum(s.tag == "Sentence" for s in p.segments()) == 5
    check_layout(p)


def test_items_in_a_cell_print_as_items():
    law = loads_rule(
        _table(
            '<TableRow><TableColumn><Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence>甲</Sentence>'
            '</ItemSentence></Item><Item Num="2"><ItemTitle>二</ItemTitle><ItemSentence><Sentence>乙</Sentence>'
            "</ItemSentence></Item></TableColumn></TableRow>"
        )
    )
    p = law.find("第一条")
    assert p.text().split("\n")[1:] == [f"一{SPACE}甲", f"二{SPACE}乙"]
    check_layout(p)


def test_table_quoted_in_a_sentence_stays_on_its_line():
    law = loads_rule(
        article(
            "<ParagraphSentence><Sentence>目次中「<QuoteStruct><Table><TableRow><TableColumn><Sentence>第一章　総則"
            "</Sentence></TableColumn></TableRow><TableRow><TableColumn><Sentence>第二章　雑則</Sentence>"
            "</TableColumn></TableRow></Table></QuoteStruct>」を削る。</Sentence></ParagraphSentence>"
        )
    )
    p = law.find("第一条")
    assert p.text() == f"第一条{SPACE}目次中「第一章　総則{SPACE}第二章　雑則」を削る。"
    tags = [(s.tag, p.text()[s.start:s.end]) for s in p.segments()]
    assert tags == [
        ("ArticleTitle", "第一条"), ("Sentence", "目次中「"), ("Sentence", "第一章　総則"),
        ("Sentence", "第二章　雑則"), ("Sentence", "」を削る。"),
    ]
    check_layout(p)


# -- figures, superscripts, subscripts ----------------------------------------------------------------------
def test_fig_inline_in_a_formula_has_its_own_segment():
    law = loads_rule(
        article(
            '<ParagraphSentence><Sentence>算式は、<ArithFormula><Fig src="./pict/a.jpg"/></ArithFormula>'
            "とする。</Sentence></ParagraphSentence>"
        )
    )
    p = law.find("第一条")
    assert p.text() == f"第一条{SPACE}算式は、{FIG_PLACEHOLDER}とする。"
    fig = [s for s in p.segments() if s.tag == "Fig"]
    assert len(fig) == 1 and p.text()[fig[0].start:fig[0].end] == FIG_PLACEHOLDER
    assert fig[0].node.src == "./pict/a.jpg"
    check_layout(p)


def test_fig_as_a_block_in_an_appendix():
    law = lawcode.loads(
        '<Law Era="Reiwa" Lang="ja" LawType="Act" Num="1" Year="1"><LawNum>令和元年法律第一号</LawNum><LawBody>'
        "<LawTitle>テスト法</LawTitle><MainProvision>" + article("<ParagraphSentence><Sentence>本文。</Sentence>"
        "</ParagraphSentence>") + "</MainProvision><AppdxStyle><AppdxStyleTitle>別記様式第一</AppdxStyleTitle>"
        '<StyleStruct><Style><Fig src="./pict/s1.pdf"/></Style></StyleStruct></AppdxStyle>'
        '<AppdxFig><AppdxFigTitle>別図</AppdxFigTitle><FigStruct><Fig src="./pict/f.jpg"/></FigStruct></AppdxFig>'
        "</LawBody></Law>"
    )
    style, fig = law.appendices
    assert style.text() == f"別記様式第一\n{FIG_PLACEHOLDER}"
    assert fig.text() == f"別図\n{FIG_PLACEHOLDER}"
    assert [s.tag for s in style.segments()] == ["AppdxStyleTitle", "Fig"]
    check_layout(style)


@pytest.mark.parametrize(
    ("tag", "text", "expected"),
    [
        ("Sup", "５", "⁵"), ("Sup", "5", "⁵"), ("Sup", "２", "²"), ("Sup", "-1", "⁻¹"), ("Sup", "n", "ⁿ"),
        ("Sub", "２", "₂"), ("Sub", "10", "₁₀"),
        ("Sup", "１０３ｍ", "^{１０３ｍ}"), ("Sub", "x", "_{x}"), ("Sup", "", ""),
    ],
)
def test_script_convention(tag, text, expected):
    assert script_text(text, tag) == expected


def test_sup_and_sub_stay_distinguishable():
    law = loads_rule(
        article(
            "<ParagraphSentence><Sentence>１×１０<Sup>５</Sup>、Ｈ<Sub>２</Sub>Ｏ、ｍ<Sup>ａ</Sup>"
            "</Sentence></ParagraphSentence>"
        )
    )
    p = law.find("第一条")
    assert p.text() == f"第一条{SPACE}１×１０⁵、Ｈ₂Ｏ、ｍ^{{ａ}}"
    assert "１×１０５" not in p.text()
    sentence = next(s for s in p.segments() if s.tag == "Sentence")
    assert p.text()[sentence.start:sentence.end] == "１×１０⁵、Ｈ₂Ｏ、ｍ^{ａ}"  # each Sup/Sub inside a segment


# -- invariants on the samples ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["sakuragaoka_jorei_v1.xml", "sakuragaoka_jorei_v2.xml"])
def test_samples_layout_invariants(name):
    law = lawcode.load(SAMPLES / name)
    for p in law.provisions():
        check_layout(p)


@pytest.mark.parametrize("name", ["sakuragaoka_jorei_v1.xml", "sakuragaoka_jorei_v2.xml"])
def test_samples_text_is_independent_of_serialisation(name):
    data = (SAMPLES / name).read_bytes()
    expected = provision_layouts(lawcode.loads(data))
    for variant, xml in serialisations(data).items():
        assert provision_layouts(lawcode.loads(xml)) == expected, variant


_WS = st.text(alphabet=" \t\n\r", max_size=4)


@given(st.lists(_WS, min_size=8, max_size=8))
def test_layout_whitespace_never_changes_the_text(runs):
    """Whitespace-only text between elements, anywhere, never changes text() or segments()."""
    a, b, c, d, e, f, g, h = runs
    body = (
        f'<Article Num="1">{a}<ArticleTitle>第一条</ArticleTitle>{b}<Paragraph Num="1">{c}<ParagraphNum/>'
        f"<ParagraphSentence>{d}<Sentence>{e}<Ruby>罹<Rt>り</Rt>{f}</Ruby>{g}<Sup>２</Sup>{h}</Sentence>"
        f"</ParagraphSentence>{a}<TableStruct>{b}<Table>{c}<TableRow>{d}<TableColumn>{e}<Sentence>甲</Sentence>"
        f"{f}<Sentence>乙</Sentence>{g}</TableColumn>{h}</TableRow></Table></TableStruct></Paragraph></Article>"
    )
    p = loads_rule(body).find("第一条")
    assert p.text() == f"第一条{SPACE}罹²\n甲\n乙"
    assert [(s.start, s.end, s.tag) for s in p.segments()] == [
        (0, 3, "ArticleTitle"), (4, 6, "Sentence"), (7, 8, "Sentence"), (9, 10, "Sentence")
    ]


def test_text_elements_cover_the_schema_titles():
    # every *Title / *Caption / *Label element of the schema is a text element (its own segment)
    for tag in ("ArticleTitle", "ChapterTitle", "Subitem10Title", "AppdxStyleTitle", "RemarksLabel", "ArticleRange"):
        assert tag in TEXT_TAGS
