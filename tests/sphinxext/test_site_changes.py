"""新旧対照表, timeline and impact pages; inbound boxes across pages; incremental and parallel builds."""

from __future__ import annotations

import os
import re

import pytest

from testsupport import ROOT, SAMPLES

DATA = ROOT / "site" / "laws"

V1 = "{samples}/sakuragaoka_jorei_v1.xml"
V2 = "{samples}/sakuragaoka_jorei_v2.xml"
TRACE = """format: lawcode-trace/1
defaults: {law: 桜ヶ丘市個人情報の保護に関する条例, kind: requirement, law_version: old}
items:
  - id: R-1
    title: 開示請求を受け付けること
    links: [{address: 第十二条, kind: 根拠}]
  - id: R-2
    title: 市民の責務を周知すること
    links: [{address: 第四条, kind: 参照}]
"""


@pytest.fixture
def versions(project):
    p = project()
    (p.src / "trace.yaml").write_text(TRACE, encoding="utf-8")
    p.page("index", ".. toctree::\n\n   new\n   old\n   shinkyu\n   impact\n\nIndex\n=====\n")
    p.page("new", f"New\n===\n\n.. law:: {V2}\n   :name: jorei\n")
    p.page("old", f"Old\n===\n\n.. law:: {V1}\n   :name: jorei-r4\n   :superseded:\n")
    p.page("shinkyu", f"Diff\n====\n\n.. law-diff:: {V1} {V2}\n   :old: jorei-r4\n   :new: jorei\n\n"
                      f".. law-timeline:: {V1} {V2}\n   :names: jorei-r4 jorei\n")
    p.page("impact", f"Impact\n======\n\n.. law-impact:: {V1} {V2}\n   :trace: trace.yaml\n"
                     "   :old: jorei-r4\n   :new: jorei\n")
    p.build()
    return p


def test_shinkyu_rows_link_to_both_versions(versions):
    html = versions.html("shinkyu")
    assert '<section class="lawcode-shinkyu">' in html
    row = re.search(r'<tr class="shinkyu-row"[^>]*data-new-path="MainProvision-Article_4"[^>]*>.*?</tr>', html, re.S)
    assert row is not None
    assert 'href="new.html#MainProvision-Article_4"' in row.group(0)
    assert 'href="old.html#MainProvision-Article_4"' in row.group(0)
    assert "改正後の第四条を開く" in row.group(0)
    assert "lawcode-shinkyu.css" in html


def test_timeline_links_each_version(versions):
    html = versions.html("shinkyu")
    table = html[html.index('class="law-timeline'):]
    assert 'href="old.html#MainProvision-Article_12"' in table and 'href="new.html#MainProvision-Article_13"' in table


def test_impact_page_and_grounds_on_the_law_pages(versions):
    html = versions.html("impact")
    assert 'id="item-R-1"' in html and "直接" in html
    new = versions.html("new")
    art13 = new[new.index('id="MainProvision-Article_13"'):new.index('id="MainProvision-Article_14"')]
    assert "この条に基づく項目" in art13 and 'href="impact.html#item-R-1"' in art13  # 旧第十二条 moved to 第十三条
    old = versions.html("old")
    art12 = old[old.index('id="MainProvision-Article_12"'):old.index('id="MainProvision-Article_13"')]
    assert 'href="impact.html#item-R-1"' in art12


def test_the_current_version_is_the_one_cited(versions, tmp_path):
    objects = (versions.out / "html" / "objects.inv").read_bytes()
    assert objects  # published; the names are checked in test_law_pages
    domain_names = versions.html("law-laws")
    assert "旧版" in domain_names


def test_incremental_build_rereads_only_pages_whose_law_changed(project):
    p = project()
    a = p.copy(SAMPLES / "sakuragaoka_jorei_v1.xml", "a.xml")
    p.copy(DATA / "sakuragaoka_kisoku.xml", "b.xml")
    p.page("index", ".. toctree::\n\n   pa\n   pb\n   other\n\nIndex\n=====\n")
    p.page("pa", "A\n=\n\n.. law:: a.xml\n   :name: jorei\n")
    p.page("pb", "B\n=\n\n.. law:: b.xml\n")
    p.page("other", "Other\n=====\n\n:law:`桜ヶ丘市個人情報の保護に関する条例 第三条の二`\n")
    p.build()
    assert sorted(p.read_docs) == ["index", "other", "pa", "pb"]
    p.build()
    assert p.read_docs == []
    text = a.read_text(encoding="utf-8").replace("市民の信頼を確かなものとし", "市民の信頼を確かなものにし")
    a.write_text(text, encoding="utf-8")
    st = a.stat()
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    p.build()
    assert p.read_docs == ["pa"]
    assert "市民の信頼を確かなものにし" in p.html("pa")
    assert not p.warnings
    # an amendment renumbers 第三条の二: the page citing it is not re-read, but written again, and warns
    a.write_text(a.read_text(encoding="utf-8").replace('<Article Num="3_2">', '<Article Num="3_9">'),
                 encoding="utf-8")
    p.build()
    assert p.read_docs == ["pa"]
    assert "other.rst" in p.warnings and "第三条の二" in p.warnings


def test_parallel_read_merges_citations(project):
    p = project()
    p.copy(DATA / "sakuragaoka_kisoku.xml", "b.xml")
    pages = [f"filler{k}" for k in range(6)]
    p.page("index", ".. toctree::\n\n   pa\n   pb\n" + "".join(f"   {x}\n" for x in pages) + "\nIndex\n=====\n")
    p.page("pa", f"A\n=\n\n.. law:: {V1}\n   :name: jorei\n")
    p.page("pb", "B\n=\n\n.. law:: b.xml\n")
    for x in pages:
        p.page(x, f"{x}\n{'=' * len(x)}\n\n:law:`桜ヶ丘市個人情報の保護に関する条例 第十条の二`\n")
    p.build(parallel=2)
    assert not [w for w in p.warnings.splitlines() if "WARNING" in w], p.warnings
    html = p.html("pa")
    box = html[html.index('id="MainProvision-Article_3_2"'):html.index('id="MainProvision-Article_4"')]
    assert "pb.html#MainProvision-Article_1-Paragraph_1" in box
    assert 'href="pa.html#MainProvision-Article_10_2"' in p.html("filler5")


def test_law_pages_list_the_versions_and_mark_the_superseded_one(versions):
    new, old = versions.html("new"), versions.html("old")
    assert 'class="law-versions' in new and 'href="old.html#law"' in new and "（現行・この版）" in new
    assert "law-superseded" in old and "この版は現行のものではない。" in old and 'href="new.html#law"' in old
    assert "令和五年桜ヶ丘市条例第二十一号による改正後（現行）" in old
