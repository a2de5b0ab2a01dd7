"""The 新旧対照表 of a real amendment: 個人情報保護法 (415AC0000000057) from its 2020-01-26 version to the
version retrieved on 2025-09-24 (令和2年法律第44号, 令和3年法律第37号 … 令和6年法律第46号)."""

from __future__ import annotations

import lxml.html
import pytest

import lawcode
from lawcode.diff import diff
from lawcode.diff.render import ADDED, DELETED, ELISION, build_table, render_docx, render_html

from testsupport import corpus_dir
from diff_corpus_pairs import version_pairs
from render_checks import check_spans_are_underlined, html_rows, underlined

_DIR = "egov/415AC0000000057"
_OLD = "415AC0000000057_20200126_430AC0000000080.xml"
_NEW = "retrieved20250924_v1api_extracted.xml"
_BASE = corpus_dir()
_PAIRS = version_pairs(_BASE) if _BASE is not None else []


@pytest.fixture(scope="module")
def appi(corpus):
    return diff(lawcode.load(corpus / _DIR / _OLD), lawcode.load(corpus / _DIR / _NEW))


@pytest.fixture(scope="module")
def appi_page(appi):
    return lxml.html.document_fromstring(render_html(appi))


@pytest.mark.corpus
def test_appi_header(appi_page):
    header = appi_page.xpath("//header[@class='shinkyu-header']")[0]
    assert header.xpath("string(h1)") == "個人情報の保護に関する法律\u3000新旧対照表"
    assert header.xpath("string(p[@class='shinkyu-lawnum'])") == "（平成十五年法律第五十七号）"
    facts = dict(zip(header.xpath("dl/dt/text()"), header.xpath("dl/dd/text()"), strict=True))
    assert facts["改正前"] == "令和二年一月二十六日施行（最終改正：平成三十年法律第八十号）"
    assert facts["改正後"] == "令和六年法律第四十六号による改正後"
    laws = next(v for k, v in facts.items() if k.startswith("この間の改正法令"))
    assert "令和二年法律第四十四号" in laws and "令和三年法律第三十七号" in laws


@pytest.mark.corpus
def test_header_dates_come_from_the_api_response(corpus):
    base = corpus / "amendments" / "revisions"
    old = lawcode.load(base / "323AC0000000138_20230713_505AC0000000067.law_data_response.xml")
    new = lawcode.load(base / "323AC0000000138_20231213_505AC0000000052.law_data_response.xml")
    header = build_table(diff(old, new)).header
    assert new.revision is not None and header.new.enforced == new.revision.amendment_enforcement_date
    assert header.new.describe() == "令和五年十二月十三日施行（最終改正：令和五年法律第五十二号）"
    assert header.old.describe() == "令和五年七月十三日施行（最終改正：令和五年法律第六十七号）"
    assert header.amending_law == "令和五年法律第五十二号"  # staged: its 附則 was already in the old version


@pytest.mark.corpus
def test_appi_columns_markers_and_elisions(appi_page):
    heads = appi_page.xpath("//thead/tr/th")
    assert [h.text_content() for h in heads] == ["改正後", "改正前"]
    rows = html_rows(appi_page)
    assert rows["第八条"][1].text_content() == ADDED  # 国の施策: a new article
    assert any(new.text_content() == DELETED for new, _ in rows.values())
    new_td, old_td = rows["第一条"]
    assert "デジタル社会" in underlined(new_td) and "高度情報通信社会" in underlined(old_td)
    new_td, _ = rows["第十四条 ← 第十三条"]
    assert underlined(new_td) == ["第十四条"] and f"第十四条\u3000{ELISION}" in new_td.text_content()
    # no row of the amending laws' own 附則, and the table is not shorter than the diff says
    assert not appi_page.xpath("//tr[starts-with(@data-new-path, 'SupplProvision[令和')]")
    assert len(rows) > 100


@pytest.mark.corpus
def test_appi_every_changed_span_is_underlined(appi):
    table = build_table(appi)
    assert check_spans_are_underlined(appi, table) > 300
    for row in table.rows:  # a cell either shows its provision or says why it has none
        for cell in (row.new, row.old):
            assert (cell.marker is None) == bool(cell.lines)


@pytest.mark.corpus
def test_appi_docx_reopens(appi, tmp_path):
    import docx

    table = build_table(appi)
    doc = docx.Document(str(render_docx(table, tmp_path / "appi.docx")))
    grid = doc.tables[0]
    assert len(grid.rows) == len(table.rows) + 1
    row = next(r for r, m in zip(grid.rows[1:], table.rows, strict=True) if m.label == "第一条")
    underlined_new = [r.text for p in row.cells[0].paragraphs for r in p.runs if r.underline]
    assert "デジタル社会" in underlined_new


@pytest.mark.corpus
@pytest.mark.parametrize("pair", _PAIRS or [None], ids=[p[0] for p in _PAIRS] or ["no-corpus"])
def test_every_real_pair_renders_with_every_change_underlined(corpus, pair):
    if pair is None:
        pytest.skip("no pairs")
    _, a, b = pair
    d = diff(lawcode.load(a), lawcode.load(b))
    table = build_table(d)
    check_spans_are_underlined(d, table)
    doc = lxml.html.document_fromstring(render_html(table))
    assert len(doc.xpath("//tbody/tr")) == len(table.rows)
    assert (len(table.rows) == 0) == (not any(c for c in d.changes if not _amending_suppl(c)))


def _amending_suppl(c) -> bool:
    return c.old is None and c.new is not None and c.new.tag == "SupplProvision" and bool(c.new.element.get("AmendLawNum"))
