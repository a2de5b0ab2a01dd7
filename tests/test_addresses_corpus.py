"""Issue 5 items 2 and 3 on the real laws where they were found (the whole-corpus sweep of every appendix and
label is in test_corpus_sweep.py; the rules are shown on small hand-written laws in test_addresses.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcode

pytestmark = pytest.mark.corpus


def _load(corpus: Path, pattern: str) -> lawcode.Law:
    found = sorted(corpus.glob(pattern))
    assert found, f"{pattern} not in the corpus at {corpus}"
    return lawcode.load(found[0])


@pytest.fixture(scope="module")
def hojinzei(corpus) -> lawcode.Law:
    """法人税法 (no ``Num`` on its three AppdxTable)."""
    return _load(corpus, "egov_versions/340AC0000000034/340AC0000000034_*.xml")


@pytest.mark.parametrize("address", ["別表第二", "別表第2", "別表第２", "AppdxTable_2", "AppdxTable[2]"])
def test_hojinzei_appendix_in_every_form(hojinzei, address):
    p = hojinzei.find(address)
    assert (p.path, p.label) == ("AppdxTable[2]", "別表第二")
    assert p.heading.startswith("別表第二")


def test_hojinzei_missing_appendix_names_the_paths_that_work(hojinzei):
    for address in ("別表第9", "AppdxTable_9"):
        with pytest.raises(lawcode.AddressError) as info:
            hojinzei.find(address)
        message = str(info.value)
        assert "別表第一 (AppdxTable[1])" in message and "AppdxTable[3]" in message
        assert message.count(address) == 1


def test_hojinzei_missing_article_is_written_as_the_law_writes_it(hojinzei):
    with pytest.raises(lawcode.AddressError) as info:
        hojinzei.find("第二十七条の二第五項")
    assert "has no 第二十七条の二" in str(info.value) and "27.2" not in str(info.value)


@pytest.mark.parametrize("pattern", ["egov/415AC0000000057/asof*.xml", "egov/415AC0000000057/retrieved*.xml"])
def test_appi_appendices(corpus, pattern):
    law = _load(corpus, pattern)
    for address in ("別表第2", "別表第２", "別表第二", "AppdxTable_2"):
        assert law.find(address).path == "AppdxTable[2]"


def test_appi_item_without_paragraph_names_the_paragraph_with_items(corpus):
    """個人情報保護法 第七条: only 第二項 has 号, so 「第七条第三号」 is refused with the citation that works."""
    law = _load(corpus, "egov/415AC0000000057/asof*.xml")
    with pytest.raises(lawcode.AddressError) as info:
        law.find("第七条第三号")
    assert "only 第七条第二項 has 号: did you mean 第七条第二項第三号?" in str(info.value)
    assert law.find("第七条第二項第三号").path == "MainProvision-Article_7-Paragraph_2-Item_3"


def test_single_paragraph_amending_suppl_provision(corpus):
    law = _load(corpus, "bulk/lawhub-xml_20201118/211AC0000000062.xml")
    item = law.find("SupplProvision[平成18年法律第109号]-Paragraph_1-Item_1")
    assert item.label == "平成十八年法律第百九号附則第一号"
    for citation in (item.label, "平成18年法律第109号附則第1号", "平成十八年法律第百九号附則第一項第一号"):
        assert law.find(citation) is item


def test_kana_numbered_items_keep_unique_labels(corpus):
    law = _load(corpus, "bulk/lawhub-xml_20201118/417M60000088001.xml")
    paragraph = law.find("第三条の二第三項")
    labels = [p.label for p in paragraph.subprovisions]
    assert labels[:6] == ["第三条の二第三項第一号", "第三条の二第三項第二号", "第三条の二第三項第二号イ",
                          "第三条の二第三項第二号ロ", "第三条の二第三項第二号ハ", "第三条の二第三項第三号"]
    assert len(set(labels)) == len(labels)
    for p in paragraph.subprovisions:
        assert law.find(p.label) is p
    assert law.find("第3条の2第3項第1号").path.endswith("-Item_1")
    assert law.find("第3条の2第3項第3号").path.endswith("-Item_3")
