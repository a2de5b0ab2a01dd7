"""Law pages: anchors, links with hover titles, roles and their warnings, the domain's indices and inventory."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from sphinx.util.inventory import InventoryFile

from testsupport import ROOT

DATA = ROOT / "site" / "laws"

V1 = "{samples}/sakuragaoka_jorei_v1.xml"
V2 = "{samples}/sakuragaoka_jorei_v2.xml"


def _links(html: str) -> list[tuple[str, str, str]]:
    """(href, title, text) of every link."""
    out = []
    for m in re.finditer(r'<a ([^>]*)>(.*?)</a>', html, re.S):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', m.group(1)))
        out.append((unescape(attrs.get("href", "")), unescape(attrs.get("title", "")),
                    unescape(re.sub(r"<[^>]+>", "", m.group(2)))))
    return out


@pytest.fixture
def site(project):
    p = project()
    p.copy(DATA / "sakuragaoka_kisoku.xml")
    p.page("index", "Index\n=====\n\n.. toctree::\n\n   jorei\n   kisoku\n   cites\n")
    p.page("jorei", f"条例\n====\n\n.. law:: {V1}\n   :name: jorei\n   :abbrev: 桜ヶ丘市個人情報保護条例\n\n"
                    "本文から :law:`第三条の二第二項` を引用する。\n")
    p.page("kisoku", "規則\n====\n\n.. law:: sakuragaoka_kisoku.xml\n   :name: kisoku\n")
    p.page("cites", "Cites\n=====\n\n"
                    "* :law:`桜ヶ丘市個人情報保護条例 第十条の二`\n"
                    "* :law:`桜ヶ丘市個人情報の保護に関する条例 第3条の2第2項`\n"
                    "* :law:`地方公務員法 第三十四条`\n"
                    "* :law:`第三条`\n")
    p.build()
    return p


def test_every_provision_has_a_stable_anchor(site):
    html = site.html("jorei")
    for anchor in ("law", "MainProvision-Chapter_2-Section_1", "MainProvision-Article_3_2",
                   "MainProvision-Article_3_2-Paragraph_2", "MainProvision-Article_6-Paragraph_2-Item_3",
                   "SupplProvision", "SupplProvision[令和4年桜ヶ丘市条例第5号]", "AppdxTable_1"):
        assert f'id="{anchor}"' in html, anchor


def test_reader_layout(site):
    html = site.html("jorei")
    assert '<p class="law-title">桜ヶ丘市個人情報の保護に関する条例</p>' in html
    assert "（令和二年桜ヶ丘市条例第十二号）" in html
    assert 'class="law-toc' in html and 'href="#MainProvision-Chapter_2-Section_1"' in html  # 目次 entries link
    assert '<strong class="law-number">第三条の二</strong>' in html  # 条 number on the first 項's line
    assert 'law-caption">（事業者の責務）' in html.replace("docutils ", "")
    assert '<table class="law-table' in html  # 別表 as a real table


def test_references_link_inside_the_page_with_hover_title(site):
    links = _links(site.html("jorei"))
    hits = [(h, t) for h, t, text in links if text == "前項" and h == "#MainProvision-Article_3_2-Paragraph_2"]
    assert hits, "前項 in 第三条の二第三項 links to 第二項"
    title = hits[0][1]
    assert title.startswith("第三条の二第二項") and "事業者は、市から委託を受けて" in title


def test_laws_outside_the_site_link_to_egov(site):
    links = _links(site.html("jorei"))
    egov = [h for h, _t, text in links if text.startswith("統計法")]
    assert egov == ["https://laws.e-gov.go.jp/law/419AC0000000053"]


def test_another_law_of_the_site_links_to_its_page_and_shows_up_in_cited_by(site):
    links = _links(site.html("kisoku"))
    cross = [(h, t) for h, t, text in links if text.startswith("桜ヶ丘市個人情報の保護に関する条例（")]
    assert cross and cross[0][0] == "jorei.html#MainProvision-Article_3_2-Paragraph_2"
    assert "第三条の二第二項" in cross[0][1]
    jorei = site.html("jorei")
    box = jorei[jorei.index('id="MainProvision-Article_3_2"'):jorei.index('id="MainProvision-Article_4"')]
    assert "この条を引用する規定" in box
    assert "kisoku.html#MainProvision-Article_1-Paragraph_1" in box
    assert "桜ヶ丘市個人情報の保護に関する条例施行規則 第一条" in box


def test_ruby_and_appendix_table(site):
    html = site.html("kisoku")
    assert "<ruby>遅滞<rp>（</rp><rt>ちたい</rt><rp>）</rp></ruby>なく" in html
    assert re.search(r"<td><p[^>]*>手続</p></td>", html)
    table = html[html.index('id="AppdxTable_1"'):]
    assert "この表を引用する規定" in table  # 「（第二条関係）」 and 第二条 cite each other


def test_roles_resolve_by_name_abbreviation_arabic_digits_and_relative(site):
    cites = _links(site.html("cites"))
    hrefs = [h for h, _t, _x in cites]
    assert "jorei.html#MainProvision-Article_10_2" in hrefs
    assert "jorei.html#MainProvision-Article_3_2-Paragraph_2" in hrefs
    assert "https://laws.e-gov.go.jp/law/325AC0000000261" in hrefs  # a law outside the site: e-Gov
    jorei = _links(site.html("jorei"))
    assert ("#MainProvision-Article_3_2-Paragraph_2", ) == tuple(
        h for h, _t, x in jorei if x == "第三条の二第二項" and "law-ref" not in h)[:1]


def test_broken_citations_warn_with_their_location(project):
    p = project()
    p.page("index", f"T\n=\n\n.. law:: {V2}\n\n:law:`第十二条第三項`\n\n:law:`架空法 第一条`\n\n:law:`第三条`\n")
    p.build()
    lines = [w for w in p.warnings.splitlines() if "WARNING" in w]
    assert any("index.rst:" in w and "第十二条第三項" in w for w in lines), p.warnings
    assert any("index.rst:" in w and "架空法" in w for w in lines), p.warnings
    assert len(lines) == 2  # 第三条 exists: no warning


def test_a_relative_citation_without_a_law_warns(project):
    p = project()
    p.page("index", "T\n=\n\n:law:`第三条`\n")
    p.build()
    assert "index.rst:" in p.warnings and "names no law" in p.warnings


def test_indices_inventory_and_search_names(site):
    out = site.out / "html"
    laws = (out / "law-laws.html").read_text(encoding="utf-8")
    assert "桜ヶ丘市個人情報の保護に関する条例施行規則" in laws and 'href="jorei.html#law"' in laws
    provisions = (out / "law-provisions.html").read_text(encoding="utf-8")
    assert "第十条の二" in provisions and 'href="jorei.html#MainProvision-Article_10_2"' in provisions
    with open(out / "objects.inv", "rb") as fh:
        inv = InventoryFile.load(fh, "https://example.org", lambda base, uri: base + "/" + uri)
    data = {k: dict(v) for k, v in inv.data.items()} if hasattr(inv, "data") else inv
    articles = data["law:article"]
    for name in ("桜ヶ丘市個人情報の保護に関する条例 第十条の二", "桜ヶ丘市個人情報の保護に関する条例 第10条の2",
                 "jorei MainProvision-Article_10_2"):
        assert name in articles, name
    assert "桜ヶ丘市個人情報の保護に関する条例" in data["law:law"]
    assert "jorei MainProvision-Article_6-Paragraph_2-Item_3" in data["law:item"]
    raw = (out / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1:raw.rindex(")")])
    names = json.dumps(index["objects"], ensure_ascii=False)
    for name in ("第10条の2", "第十条の二", "MainProvision-Article_10_2"):
        assert name in names, name


def test_an_excerpt_renders_the_selected_provisions_and_links_out_to_the_whole_law(project):
    p = project()
    p.page("index", ".. toctree::\n\n   whole\n   excerpt\n\nIndex\n=====\n")
    p.page("whole", f"Whole\n=====\n\n.. law:: {V1}\n   :name: jorei\n")
    p.page("excerpt", f"Excerpt\n=======\n\n.. law:: {V1}\n   :name: jorei-excerpt\n"
                      "   :provisions: 第十条の二, 別表第一\n")
    p.build()
    assert "WARNING" not in p.warnings, p.warnings
    html = p.html("excerpt")
    assert 'id="MainProvision-Article_10_2"' in html and 'id="AppdxTable_1"' in html
    assert 'id="MainProvision-Article_3_2"' not in html and "law-toc" not in html
    # 第十条の二 cites 第三条の二第二項, which is not in the excerpt: the link goes to the whole law's page
    assert 'href="whole.html#MainProvision-Article_3_2-Paragraph_2"' in html


def test_other_projects_link_in_with_intersphinx(site, project):
    p = project("other")
    inv = site.out / "html" / "objects.inv"
    (p.src / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "lawcode.sphinxext"]\n'
        f'intersphinx_mapping = {{"jorei": ("https://example.org/site/", {str(inv)!r})}}\n', encoding="utf-8")
    p.page("index", "Other\n=====\n\n:law:article:`桜ヶ丘市個人情報の保護に関する条例 第十条の二`\n\n"
                    ":law:article:`桜ヶ丘市個人情報の保護に関する条例 第10条の2`\n\n"
                    ":law:article:`架空法 第一条`\n")
    p.build()
    html = p.html("index")
    assert html.count('href="https://example.org/site/jorei.html#MainProvision-Article_10_2"') == 2
    assert "架空法 第一条" in p.warnings  # nothing resolves it: Sphinx's own dangling-reference warning


def test_bad_files_and_bad_selections_are_reported_where_they_are_written(project):
    p = project()
    (p.src / "broken.xml").write_text("<Law><LawBody><LawTitle>壊れた", encoding="utf-8")
    p.page("index", "T\n=\n\n.. law:: missing.xml\n\n.. law:: broken.xml\n\n"
                    f".. law:: {V1}\n   :provisions: 第三条, 第九十九条\n")
    p.build()
    warnings = p.warnings
    assert "index.rst:4" in warnings and "missing.xml: no such file" in warnings
    assert "index.rst:6" in warnings and "broken.xml" in warnings
    assert "index.rst:8" in warnings and "第九十九条" in warnings
    assert 'id="MainProvision-Article_3"' in p.html("index")
