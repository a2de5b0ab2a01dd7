"""新旧対照表 renderers: the row model's rules on small hand-written laws, and the HTML / DOCX / Markdown /
JSON output of the sample ordinance's two versions (structure checked with lxml.html, not pixels)."""

from __future__ import annotations

import json

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diff_builders import article, chapter, law
from lawcode.diff import diff
from lawcode.diff.render import (
    ADDED,
    DELETED,
    ELISION,
    build_table,
    render_docx,
    render_html,
    render_json,
    render_markdown,
    row_unit,
)
from lawcode.errors import DiffError

from render_checks import check_spans_are_underlined, html_rows, underlined


def _texts(cell):
    return [line.text for line in cell.lines]


def _row(table, label):
    return next(r for r in table.rows if r.label == label)


# -- the row model: one rule each ----------------------------------------------------------------------------
def test_a_change_in_a_paragraph_is_shown_in_the_row_of_its_article():
    a = law(article("1", "甲は、乙をする。", "丙は、丁をする。", caption="（目的）"))
    b = law(article("1", "甲は、乙をする。", "丙は、戊をする。", caption="（目的）"))
    t = build_table(diff(a, b))
    assert [r.label for r in t.rows] == ["第一条"]
    row = t.rows[0]
    assert _texts(row.new) == ["（目的）", f"第一条\u3000{ELISION}", "２\u3000丙は、戊をする。"]
    assert _texts(row.old) == ["（目的）", f"第一条\u3000{ELISION}", "２\u3000丙は、丁をする。"]
    assert row.new.changed_texts == ["戊"] and row.old.changed_texts == ["丁"]
    assert row.new.path == "MainProvision-Article_1" and row_unit(b.find("第一条第二項")).path == row.new.path


@pytest.mark.parametrize(("count", "merged"), [(3, "２"), (4, "２・３"), (5, "２～４")])
def test_neighbouring_unchanged_paragraphs_merge_into_one_elision(count, merged):
    texts = [f"第{k}項の規定である。" for k in range(1, count + 1)]
    changed = texts[:-1] + ["最後の項を改めた規定である。"]
    t = build_table(diff(law(article("1", *texts)), law(article("1", *changed))))
    lines = _texts(t.rows[0].new)
    assert lines[0] == f"第一条\u3000{ELISION}"
    assert lines[1] == f"{merged}\u3000{ELISION}"
    assert lines[2].endswith("最後の項を改めた規定である。") and len(lines) == 3


def test_an_elided_paragraph_stands_for_its_unchanged_items():
    a = law(article("1", "次に掲げる者をいう。", "前項の者は届け出る。", items=("甲", "乙", "丙")))
    b = law(article("1", "次に掲げる者をいう。", "前項の者は直ちに届け出る。", items=("甲", "乙", "丙")))
    lines = _texts(build_table(diff(a, b)).rows[0].new)
    assert lines == [f"第一条\u3000{ELISION}", "２\u3000前項の者は直ちに届け出る。"]


def test_a_changed_item_keeps_its_neighbours_numbers():
    items = ("市長が定める者", "市長が認める者", "市長が指定する者")
    a = law(article("1", "次に掲げる者をいう。", items=items + ("規則で定める者",)))
    b = law(article("1", "次に掲げる者をいう。", items=items + ("条例で定める者",)))
    row = build_table(diff(a, b)).rows[0]
    assert _texts(row.new) == [f"第一条\u3000{ELISION}", f"一～三\u3000{ELISION}", "四\u3000条例で定める者"]
    assert [line.level for line in row.new.lines] == [0, 1, 1]


def test_elide_false_shows_every_line():
    a = law(article("1", "甲は、乙をする。", "丙は、丁をする。"))
    b = law(article("1", "甲は、乙をする。", "丙は、戊をする。"))
    row = build_table(diff(a, b), elide=False).rows[0]
    assert _texts(row.new) == ["第一条\u3000甲は、乙をする。", "２\u3000丙は、戊をする。"]
    assert not any(line.elided for line in row.new.lines)


def test_added_and_deleted_articles_get_the_markers():
    a = law(article("1", "第一条の本文である。"), article("2", "消える条の本文である。"), article("3", "残る条である。"))
    b = law(article("1", "第一条の本文である。"), article("3", "残る条である。"), article("4", "新しい条の本文である。"))
    t = build_table(diff(a, b))
    gone, new = _row(t, "第二条"), _row(t, "第四条")
    assert gone.new.marker == DELETED and gone.new.lines == () and gone.kinds == ("deleted",)
    assert gone.old.changed_texts == ["第二条\u3000消える条の本文である。"]
    assert new.old.marker == ADDED and new.new.changed_texts == ["第四条\u3000新しい条の本文である。"]
    assert [r.label for r in t.rows] == ["第二条", "第四条"]  # new-document order, the deletion where it was


def test_renumbering_underlines_the_number_and_is_labelled_with_both():
    a = law(article("1", "第一条の本文である。"), article("2", "移る条の本文である。"))
    b = law(article("1", "第一条の本文である。"), article("2", "差し込まれた条である。"),
            article("3", "移る条の本文である。"))
    row = _row(build_table(diff(a, b)), "第三条 ← 第二条")
    assert row.kinds == ("renumbered",)
    assert _texts(row.new) == [f"第三条\u3000{ELISION}"] and row.new.changed_texts == ["第三条"]
    assert _texts(row.old) == [f"第二条\u3000{ELISION}"] and row.old.changed_texts == ["第二条"]


def _branch_article(num: str, title: str, text: str) -> str:
    return (f'<Article Num="{num}"><ArticleTitle>{title}</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
            f"<ParagraphSentence><Sentence>{text}</Sentence></ParagraphSentence></Paragraph></Article>")


def test_a_changed_number_is_underlined_whole():
    moving = _branch_article("3_2", "第三条の二", "移る枝番の条である。")
    a = law(article("3", "第三条の本文である。"), moving)
    b = law(article("3", "第三条の本文である。"), _branch_article("3_2", "第三条の二", "差し込まれた枝番の条である。"),
            _branch_article("3_3", "第三条の三", "移る枝番の条である。"))
    row = _row(build_table(diff(a, b)), "第三条の三 ← 第三条の二")
    assert row.new.changed_texts == ["第三条の三"] and row.old.changed_texts == ["第三条の二"]


def test_a_short_text_is_not_replaced_by_the_longer_elision():
    a = law(article("1", "第一条の本文である。"), article("2", "削除"))
    b = law(article("1", "第一条の本文である。"), article("2", "挿入された条である。"), article("3", "削除"))
    row = _row(build_table(diff(a, b)), "第三条 ← 第二条")
    assert _texts(row.new) == ["第三条\u3000削除"]


def test_a_chapter_row_shows_only_the_chapter_title():
    a = law(chapter(1, "総則", article("1", "本文である。")))
    b = law(chapter(1, "通則", article("1", "本文である。")))
    row = build_table(diff(a, b)).rows[0]
    assert _texts(row.new) == ["第一章\u3000通則"] and _texts(row.old) == ["第一章\u3000総則"]
    assert row.new.changed_texts == ["通則"]


def test_the_law_title_has_its_row():
    a = law(article("1", "本文である。"), title="古い名の条例")
    b = law(article("1", "本文である。"), title="新しい名の条例")
    t = build_table(diff(a, b))
    row = _row(t, "題名")
    assert row.new.text == "新しい名の条例" and row.old.text == "古い名の条例"
    assert t.header.title == "新しい名の条例"
    assert "改正前の題名" in render_html(diff(a, b))


def test_no_changes_make_a_table_without_rows():
    a = law(article("1", "本文である。"))
    t = build_table(diff(a, law(article("1", "本文である。"))))
    assert t.rows == ()
    doc = lxml.html.document_fromstring(render_html(t))
    assert doc.xpath("//tbody/tr") == []


def test_arguments_of_the_wrong_type_raise_a_lawcode_error():
    for call in (build_table, render_html, render_markdown, render_json):
        with pytest.raises(DiffError) as err:
            call("not a diff")  # type: ignore[arg-type]
        assert isinstance(err.value, TypeError) and "LawDiff" in str(err.value)
    with pytest.raises(DiffError):
        render_markdown(diff(law(article("1", "甲")), law(article("1", "乙"))), mark="italic")  # type: ignore


_WORDS = st.sampled_from(["個人情報", "市長", "実施機関", "第三条第二項", "本人", "届出", "書面", "公表"])


@st.composite
def _article_pair(draw):
    """One article of 1–5 項 (the first with 0–3 号) and a version with one 項 or 号 reworded."""
    n = draw(st.integers(1, 5))
    paras = [f"{draw(_WORDS)}は、{draw(_WORDS)}について定める。" for _ in range(n)]
    items = [f"{draw(_WORDS)}に関すること" for _ in range(draw(st.integers(0, 3)))]
    where = draw(st.integers(0, n - 1 + len(items)))
    new_paras, new_items = list(paras), list(items)
    word = draw(_WORDS)
    if where < n:
        new_paras[where] = new_paras[where].replace("について", f"及び{word}について")
    else:
        new_items[where - n] = f"{word}及び" + new_items[where - n]
    return (law(article("1", *paras, items=tuple(items))),
            law(article("1", *new_paras, items=tuple(new_items))))


@given(_article_pair())
def test_a_changed_span_is_never_elided(pair):
    a, b = pair
    d = diff(a, b)
    table = build_table(d)
    check_spans_are_underlined(d, table)
    for row in table.rows:  # and a changed line is whole on both sides
        for cell in (row.new, row.old):
            for line in cell.lines:
                if any(r.changed for r in line.runs):
                    assert not line.elided or line.text.endswith(ELISION)


# -- the sample ordinance ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_diff(sample_v1, sample_v2):
    return diff(sample_v1, sample_v2)


@pytest.fixture(scope="module")
def sample_page(sample_diff):
    return lxml.html.document_fromstring(render_html(sample_diff))


def test_sample_html_columns_are_new_left_old_right(sample_page):
    heads = sample_page.xpath("//table[@class='shinkyu-table']/thead/tr/th")
    assert [h.text_content() for h in heads] == ["改正後", "改正前"]
    assert [h.get("class") for h in heads] == ["shinkyu-new", "shinkyu-old"]
    for tr in sample_page.xpath("//tbody/tr"):
        assert [td.get("class") for td in tr.xpath("./td")] == ["shinkyu-new", "shinkyu-old"]


def test_sample_html_header(sample_page):
    header = sample_page.xpath("//header[@class='shinkyu-header']")[0]
    assert header.xpath("string(h1)") == "桜ヶ丘市個人情報の保護に関する条例\u3000新旧対照表"
    assert header.xpath("string(p[@class='shinkyu-lawnum'])") == "（令和二年桜ヶ丘市条例第十二号）"
    assert header.xpath("string(p[@class='shinkyu-note'])") == "（傍線部分は改正部分）"
    facts = dict(zip(header.xpath("dl/dt/text()"), header.xpath("dl/dd/text()"), strict=True))
    assert facts["改正法令"] == "令和五年桜ヶ丘市条例第二十一号"
    assert facts["改正後"] == "令和五年桜ヶ丘市条例第二十一号による改正後"
    assert facts["改正前"] == "令和四年桜ヶ丘市条例第五号による改正後"
    assert sample_page.xpath("string(//title)") == "桜ヶ丘市個人情報の保護に関する条例\u3000新旧対照表"


def test_sample_html_underlines_exactly_the_changed_words(sample_page, sample_diff):
    rows = html_rows(sample_page)
    new_td, old_td = rows["第四条"]
    assert underlined(new_td) == ["市の機関"] and underlined(old_td) == ["実施機関"]
    c = next(c for c in sample_diff.changes if c.new_label == "第四条第一項")
    (a, b), = c.new_spans
    line = new_td.xpath("p[u]")[0]
    assert line.text == "第四条\u3000" + c.new_text[:a]  # the <u> starts exactly at the span …
    assert line.xpath("u")[0].tail == c.new_text[b:]  # … and ends exactly at its end
    check_spans_are_underlined(sample_diff, build_table(sample_diff))


def test_sample_html_rows(sample_page):
    rows = html_rows(sample_page)
    new_td, old_td = rows["第五条の二"]
    assert old_td.text_content() == ADDED
    assert "".join(underlined(new_td)) == "".join(p.text_content() for p in new_td.xpath("p"))  # all new
    new_td, old_td = rows["第九条"]
    assert f"一・二\u3000{ELISION}" in [p.text_content() for p in new_td.xpath("p")]
    assert underlined(old_td)[0] == "三\u3000新聞、放送その他の手段により既に広く知られているとき。"
    assert underlined(rows["第十三条 ← 第十二条"][0]) == ["第十三条"]
    assert [p.text_content() for p in rows["第十三条 ← 第十二条"][1].xpath("p")] == [
        "（開示の義務）", f"第十二条\u3000{ELISION}"]  # 「第十二条　（略）」 stands for its unchanged 号 too
    assert list(rows)[:4] == ["目次", "第四条", "第五条の二", "第七条"]  # new-document order
    # the amending ordinance's own 附則 belongs to it, not to the table
    assert not sample_page.xpath("//tr[starts-with(@data-new-path, 'SupplProvision')]")
    assert "改正法令の附則（1件）" in sample_page.xpath("string(//p[@class='shinkyu-omitted'])")


def test_sample_html_is_self_contained_and_print_ready(sample_diff):
    page = render_html(sample_diff)
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//script") == [] and doc.xpath("//link") == [] and doc.xpath("//img") == []
    assert doc.xpath("//@src") == [] and doc.xpath("//@href") == []
    css = doc.xpath("string(//style)")
    assert "size: A4 landscape" in css and "Mincho" in css and "url(" not in css
    assert doc.get("lang") == "ja" and doc.xpath("//meta/@charset") == ["utf-8"]


def test_html_fragment_for_embedding(sample_diff):
    fragment = render_html(sample_diff, standalone=False)
    assert fragment.startswith('<section class="lawcode-shinkyu">') and "<html" not in fragment
    assert "<style" not in fragment
    el = lxml.html.fragment_fromstring(fragment)
    assert len(el.xpath(".//tbody/tr")) == len(build_table(sample_diff).rows)


def test_html_escapes_the_law_text():
    a = law(article("1", "A<B>&C は、\"D\" とする。"))
    b = law(article("1", "A<B>&C は、<script>alert(1)</script> とする。"))
    page = render_html(diff(a, b))
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//script") == []
    assert "<script>alert(1)</script>" in doc.xpath("string(//tbody)")


def test_sample_markdown(sample_diff):
    md = render_markdown(sample_diff)
    lines = md.splitlines()
    assert lines[0] == "# 桜ヶ丘市個人情報の保護に関する条例\u3000新旧対照表"
    assert "| 規定 | 改正後 | 改正前 |" in lines and "（傍線部分は改正部分）" in lines
    row = next(line for line in lines if line.startswith("| 第四条 |"))
    new, old = row.split(" | ")[1:3]
    assert "<u>市の機関</u>" in new and "<u>実施機関</u>" in old
    assert any(line.startswith("| 第五条の二 |") and line.endswith("| （新設） |") for line in lines)
    assert "<ins>市の機関</ins>" in render_markdown(sample_diff, mark="ins")
    assert "**市の機関**" in render_markdown(sample_diff, mark="bold")


def test_markdown_escapes_table_syntax():
    a = law(article("1", "A|B は、*C* とする。"))
    b = law(article("1", "A|B は、_D_ とする。"))
    row = next(line for line in render_markdown(diff(a, b)).splitlines() if line.startswith("| 第一条"))
    assert row.count(" | ") == 2 and "A\\|B" in row and "\\_D\\_" in row


def test_sample_json(sample_diff):
    data = json.loads(render_json(sample_diff))
    assert data["format"] == "lawcode.shinkyu/1" and data["columns"] == ["改正後", "改正前"]
    assert set(data["header"]) >= {"title", "law_num", "new", "old", "amending_law", "amending_laws", "note"}
    row = next(r for r in data["rows"] if r["label"] == "第四条")
    assert set(row) == {"label", "kinds", "new", "old"}
    assert set(row["new"]) == {"path", "label", "marker", "lines"}
    runs = [run for line in row["new"]["lines"] for run in line["runs"] if run["changed"]]
    assert runs == [{"text": "市の機関", "changed": True}]
    added = next(r for r in data["rows"] if r["label"] == "第五条の二")
    assert added["old"] == {"path": None, "label": None, "marker": "（新設）", "lines": []}
    assert render_json(sample_diff) == render_json(sample_diff)  # stable


def test_sample_docx_reopens_with_the_same_cells(sample_diff, tmp_path):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    out = render_docx(sample_diff, tmp_path / "shinkyu.docx")
    doc = docx.Document(str(out))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert doc.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "ＭＳ 明朝"
    grid = doc.tables[0]
    table = build_table(sample_diff)
    assert [c.text for c in grid.rows[0].cells] == ["改正後", "改正前"]
    assert grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert len(grid.rows) == len(table.rows) + 1
    for row, model in zip(grid.rows[1:], table.rows, strict=True):
        new, old = row.cells
        assert new.text == model.new.text and old.text == model.old.text
        for cell, side in ((new, model.new), (old, model.old)):
            runs = [r.text for p in cell.paragraphs for r in p.runs if r.underline]
            assert runs == side.changed_texts
    assert "令和二年桜ヶ丘市条例第十二号" in "\n".join(p.text for p in doc.paragraphs)


def test_docx_to_an_unwritable_place_raises_a_lawcode_error(sample_diff, tmp_path):
    with pytest.raises(DiffError) as err:
        render_docx(sample_diff, tmp_path / "no" / "such" / "dir" / "x.docx")
    assert "x.docx" in str(err.value)


def test_the_docs_page_examples_give_the_values_it_shows():
    from testsupport import ROOT, run_page_examples

    assert run_page_examples(ROOT / "docs" / "shinkyu.md", ROOT) >= 6
