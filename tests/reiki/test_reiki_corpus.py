"""The shared 例規集 pages ($LAWCODE_CORPUS/reiki): every page converts, validates against the v3 XSD and
every address of the vendor's own index resolves to the provision made from the line it points at."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

import lawcode
from lawcode.io import canonical_xml, check_roundtrip
from lawcode.io.reiki import convert, is_reiki_page, notes
from reiki_gold import check_page
from testsupport import ROOT, run_page_examples

pytestmark = pytest.mark.corpus


@lru_cache(maxsize=1)
def _schema(corpus: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(corpus / "schema" / "XMLSchemaForJapaneseLaw_v3.xsd")))


def _gyosei_pages(corpus: Path) -> list[Path]:
    base = corpus / "reiki"
    return sorted(p for p in base.rglob("*.html") if "reiki_taikei" not in p.parts and p.name != "index_fixture.html"
                  and "hokkaido_rumoi" not in p.parts)


def test_every_shared_page_converts_validates_and_resolves_the_vendor_index(corpus):
    pages = _gyosei_pages(corpus)
    assert len(pages) >= 500  # 鯖江 (500), かつらぎ (3), 東京都 (1)
    schema = _schema(corpus)
    checked = resolved = 0
    failures: list[str] = []
    invalid: list[str] = []
    for path in pages:
        data = path.read_bytes()
        page = convert(data, str(path))
        if not schema.validate(etree.fromstring(page.law.to_xml())):
            invalid.append(f"{path.name}: {schema.error_log.last_error}")
        result = check_page(data, page)
        checked += result.checked
        resolved += result.resolved
        failures += [f"{path.name} {f}" for f in result.failures]
    assert not invalid, invalid[:10]
    assert checked > 33000
    assert not failures, f"{resolved}/{checked} addresses resolved; first failures: {failures[:10]}"


def test_the_second_vendor_page_converts_and_validates(corpus):
    path = corpus / "reiki" / "hokkaido_rumoi" / "H505901010023_j.html"
    law = lawcode.load(path)
    _schema(corpus).assertValid(etree.fromstring(law.to_xml()))
    assert law.title == "留萌市空家等の適切な管理に関する条例"
    assert law.law_num == "令和５年条例第23号"
    assert law.find("第8条の2").text().startswith("第８条の２")
    assert law.find("第7条第3項").element.find(".//Sentence[@Function='proviso']") is not None
    assert law.find("令和7年条例第36号附則").amend_law_num == "令和７年12月10日条例第36号"


def test_index_pages_are_not_laws(corpus):
    assert not is_reiki_page((corpus / "reiki" / "hokkaido_rumoi" / "index_fixture.html").read_bytes())
    taikei = sorted((corpus / "reiki" / "fukui_sabae" / "reiki_taikei").glob("*.html"))
    assert taikei and not any(is_reiki_page(p.read_bytes()) for p in taikei)


def test_seed_ordinance_amendments_and_notes(corpus):
    path = corpus / "reiki" / "fukui_sabae" / "reiki_honbun" / "r400RG00000094.html"
    law = lawcode.load(path)
    amend = [s for s in law.suppl_provisions if not s.is_original]
    assert len(amend) == 11
    assert all("月" in (s.amend_law_num or "") for s in amend)  # every date completed from the 沿革
    got = notes(law)
    assert got["MainProvision-Article_1"] == ("(平17条例31・平24条例2・一部改正)",)
    assert all(law.find(p).path == p for p in got)
    assert "一部改正" not in law.find("第1条").text()


def test_pages_round_trip_canonically(corpus):
    for path in _gyosei_pages(corpus)[:40] + [corpus / "reiki" / "hokkaido_rumoi" / "H505901010023_j.html"]:
        result = check_roundtrip(path)
        assert result.ok, (path.name, result.difference)
        law = lawcode.load(path)
        assert canonical_xml(lawcode.loads(law.to_xml()).to_xml()) == canonical_xml(law.to_xml())


def test_docs_page_examples_are_real(corpus):
    """docs/reiki.md: every ``expr  # value`` line gives that value (paths relative to the corpus)."""
    assert run_page_examples(ROOT / "docs" / "reiki.md", corpus) >= 10
