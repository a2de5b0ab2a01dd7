"""Alignment on the heavy restructures of the real corpus: content before numbers.

* 個人情報保護法 2020-01 → 2025-09 (令和2年法律第44号, 令和3年法律第37号): chapters split and articles
  renumbered across them. Read from both texts: old 第二十三条（第三者提供の制限）is new 第二十七条, old
  第四十条（報告及び立入検査）new 第百四十六条 (supervision moved to the 個人情報保護委員会 chapter), old
  第五十条（廃止の届出）new 第五十一条; old 第四十一条（指導及び助言）is new 第百四十七条, not the new 第四十一条
  （仮名加工情報の作成等）.
* 地方公務員法 (平成29年法律第29号): 第二十二条（条件付採用及び臨時的任用）was split — its 第一項 stays as the new
  第二十二条（条件付採用）, whose only 項 it is, and 第二項 to 第七項 became 第二十二条の三（臨時的任用）第一項 to 第六項.
"""

from __future__ import annotations

import pytest

import lawcode

P = "MainProvision-"


def _load_pair(corpus, folder: str, before: str, after: str):
    base = corpus / "egov" / folder
    return lawcode.load(base / before), lawcode.load(base / after)


@pytest.fixture(scope="module")
def appi(corpus):
    old, new = _load_pair(corpus, "415AC0000000057", "415AC0000000057_20200126_430AC0000000080.xml",
                          "retrieved20250924_v1api_extracted.xml")
    return lawcode.diff(old, new)


@pytest.fixture(scope="module")
def lpsa(corpus):
    old, new = _load_pair(corpus, "325AC0000000261", "lawhubxml_20200531_200402e80k80m01.xml",
                          "lawhubxml_20200602_190729e01k01m01.xml")
    return lawcode.diff(old, new)


@pytest.mark.corpus
@pytest.mark.parametrize(("old", "new", "caption"), [
    ("Article_23", "Article_27", "（第三者提供の制限）"),
    ("Article_40", "Article_146", "（報告及び立入検査）"),
    ("Article_41", "Article_147", "（指導及び助言）"),
    ("Article_50", "Article_51", "（廃止の届出）"),
    ("Article_59", "Article_130", "（設置）"),
])
def test_appi_articles_follow_their_content(appi, old, new, caption):
    assert appi.old.get(P + old).caption == caption == appi.new.get(P + new).caption
    assert appi.lineage[P + old] == P + new
    assert appi.lineage.back(P + new) == P + old
    kinds = {c.kind for c in appi.changes if c.old_path == P + old}
    assert kinds & {"renumbered", "moved"} and "deleted" not in kinds


@pytest.mark.corpus
def test_appi_same_number_other_content_is_not_paired(appi):
    assert appi.new.get(P + "Article_41").caption == "（仮名加工情報の作成等）"
    assert appi.lineage.get(P + "Article_41") != P + "Article_41"
    assert appi.lineage.back(P + "Article_41") is None
    assert any(c.kind == "added" and c.new_path == P + "Article_41" for c in appi.changes)


@pytest.mark.corpus
def test_appi_renumbered_articles_keep_their_paragraphs(appi):
    # the 項 of a followed article are followed too (old 第二十三条第五項 → new 第二十七条第五項)
    assert appi.lineage[P + "Article_23-Paragraph_5"] == P + "Article_27-Paragraph_5"


@pytest.mark.corpus
def test_lpsa_paragraph_promoted_to_article(lpsa):
    assert lpsa.new.get(P + "Article_22").caption == "（条件付採用）"
    assert len(list(lpsa.new.get(P + "Article_22").subprovisions)) == 1
    assert lpsa.lineage[P + "Article_22-Paragraph_1"] == P + "Article_22-Paragraph_1"
    assert not any(c.kind == "deleted" and c.old_path == P + "Article_22-Paragraph_1" for c in lpsa.changes)
    for k in range(2, 8):
        assert lpsa.lineage[f"{P}Article_22-Paragraph_{k}"] == f"{P}Article_22_3-Paragraph_{k - 1}"


@pytest.mark.corpus
def test_restructured_pairs_still_rebuild_exactly(appi, lpsa):
    for d in (appi, lpsa):
        assert lawcode.canonical_xml(d.apply(d.old)) == lawcode.canonical_xml(d.new)
