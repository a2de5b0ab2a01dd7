"""lawcode.Library and the shipped law index (issue 6 item 4)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import lawcode
from lawcode.errors import LawNotFoundError
from lawcode.refs.lawindex import LawEntry, law_index, lookup_law, lookup_laws, search_laws
from lawcode.refs.library import Library, scan_law_file


def law_xml(title: str, law_num: str, *, articles: int = 1, amended: tuple[str, ...] = (), attrs: str = "") -> str:
    body = "".join(
        f'<Article Num="{i}"><ArticleTitle>第{i}条</ArticleTitle><Paragraph Num="1"><ParagraphNum/>'
        f"<ParagraphSentence><Sentence>本文{i}。</Sentence></ParagraphSentence></Paragraph></Article>"
        for i in range(1, articles + 1)
    )
    suppl = "".join(
        f'<SupplProvision AmendLawNum="{a}"><SupplProvisionLabel>附　則</SupplProvisionLabel>'
        f'<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>施行する。</Sentence>'
        f"</ParagraphSentence></Paragraph></SupplProvision>"
        for a in amended
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Law Era="Heisei" Lang="ja" LawType="Act" Num="1" Year="1"{attrs}>'
        f"<LawNum>{law_num}</LawNum><LawBody><LawTitle>{title}</LawTitle><MainProvision>{body}</MainProvision>"
        f"{suppl}</LawBody></Law>"
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    a = tmp_path / "egov" / "405AC0000000088"
    a.mkdir(parents=True)
    # three versions of one law: the newest by amending law is the middle file name
    (a / "405AC0000000088_20180401_429AC0000000004.xml").write_text(
        law_xml("行政手続法", "平成五年法律第八十八号", articles=1, amended=("平成二九年三月三一日法律第四号",)),
        encoding="utf-8")
    (a / "lawhubxml_20200101_200402e80k80m01.xml").write_text(
        law_xml("行政手続法", "平成五年法律第八十八号", articles=3,
                amended=("平成二九年三月三一日法律第四号", "令和四年六月一七日法律第六八号")), encoding="utf-8")
    (a / "lawhubxml_20200901_180829e01k01m01.xml").write_text(
        law_xml("行政手続法", "平成五年法律第八十八号", articles=2, amended=("平成三〇年七月一三日法律第七二号",)),
        encoding="utf-8")
    b = tmp_path / "other"
    b.mkdir()
    (b / "x.xml").write_text(law_xml("桜ヶ丘市テスト条例", "令和二年桜ヶ丘市条例第十二号"), encoding="utf-8")
    (b / "not_a_law.xml").write_text("<DataRoot><Law/></DataRoot>", encoding="utf-8")
    (b / "broken.txt").write_text("ignored", encoding="utf-8")
    return tmp_path


def test_find_by_id_number_and_title(folder):
    lib = lawcode.Library(folder)
    assert len(lib) == 2
    by_title = lib.find_law("行政手続法")
    assert by_title is lib.find_law("405AC0000000088")  # cached: the same object
    assert by_title is lib.find_law("平成5年法律第88号")
    assert by_title is lib.find_law("平成５年法律第８８号")
    assert by_title is lib.find_law("平成五年法律第八十八号")
    assert lib.find_law("行政手続法　") is by_title
    assert lib.find_law("令和2年桜ヶ丘市条例第12号").title == "桜ヶ丘市テスト条例"
    assert "行政手続法" in lib and "民法" not in lib


def test_newest_version_is_the_latest_amendment_not_the_latest_mirror_date(folder):
    lib = Library(folder)
    newest = lib.entry("行政手続法")
    assert newest.path.name == "lawhubxml_20200101_200402e80k80m01.xml"
    assert len(list(lib.find_law("行政手続法").articles())) == 3
    names = [e.path.name for e in lib.versions("行政手続法")]
    assert names == [
        "405AC0000000088_20180401_429AC0000000004.xml",
        "lawhubxml_20200901_180829e01k01m01.xml",
        "lawhubxml_20200101_200402e80k80m01.xml",
    ]


def test_law_id_sources(folder):
    lib = Library(folder)
    assert lib.entry("行政手続法").id_source == "file name"
    sample = lib.entry("桜ヶ丘市テスト条例")
    assert sample.law_id is None and sample.key == "令和2年桜ヶ丘市条例第12号"


def test_not_found_suggests(folder):
    lib = Library(folder)
    with pytest.raises(LawNotFoundError) as info:
        lib.find_law("行政手続")
    assert "行政手続法" in info.value.suggestions and "行政手続法" in str(info.value)
    assert isinstance(info.value, lawcode.LawcodeError) and isinstance(info.value, KeyError)
    assert lib.get("行政手続") is None
    with pytest.raises(LawNotFoundError):
        Library(folder / "missing")


def test_iteration_and_cache_bound(folder):
    lib = Library(folder, cache_size=1)
    titles = sorted(law.title for law in lib)
    assert titles == ["桜ヶ丘市テスト条例", "行政手続法"]
    assert len(lib._cache) == 1


def test_scan_reads_attributes_and_refuses_other_roots(tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(law_xml("個人情報の保護に関する法律", "平成十五年法律第五十七号", attrs=' LawId="415AC0000000057"'),
                 encoding="utf-8")
    e = scan_law_file(p)
    assert e is not None and (e.law_id, e.id_source, e.title) == ("415AC0000000057", "attribute", "個人情報の保護に関する法律")
    q = tmp_path / "b.xml"
    q.write_text("<DataRoot><Law><LawNum>平成十五年法律第五十七号</LawNum></Law></DataRoot>", encoding="utf-8")
    assert scan_law_file(q) is None


# -- the shipped law index --------------------------------------------------------------------------------------

def test_index_lookup_forms():
    e = lookup_law("行政手続法")
    assert e == LawEntry("405AC0000000088", "行政手続法", "平成五年法律第八十八号", "Act", True)
    assert lookup_law("平成5年法律第88号") == e
    assert lookup_law("平成５年法律第８８号") == e
    assert lookup_law("405AC0000000088") == e
    assert lookup_law("存在しない法律") is None
    assert lookup_law("") is None


def test_index_ids_are_honest():
    # a 政令 ID rebuilt from its number is exact; a 府省令 has no ID in the list
    order = lookup_law("個人情報の保護に関する法律施行令")
    assert order is not None and order.law_id == "415CO0000000507" and order.id_certain
    rule = lookup_law("個人情報の保護に関する法律施行規則")
    assert rule is not None and rule.law_id is None and not rule.id_certain
    # a members' bill keeps its real ID when the corpus has it
    assert lookup_law("原子力基本法").law_id == "330AC1000000186"


def test_index_search_and_shared_titles():
    hits = search_laws("個人情報の保護に関する")
    assert hits[0].title == "個人情報の保護に関する法律"
    shared = lookup_laws("国民年金法等の一部を改正する法律の施行に伴う経過措置に関する政令")
    assert len(shared) == 3
    assert lookup_law("国民年金法等の一部を改正する法律の施行に伴う経過措置に関する政令") == max(
        shared, key=lambda e: (lawcode.refs.lawindex._recency(e)))


def test_index_file_is_packaged_data():
    import lawcode.refs.data as data

    raw = (Path(data.__file__).parent / "lawindex.tsv.gz").read_bytes()
    header = gzip.decompress(raw).decode("utf-8").splitlines()[0]
    assert header.split("\t") == ["law_id", "id_source", "law_num", "law_type", "title"]
    assert len(law_index()) >= 8515


@pytest.mark.corpus
def test_index_matches_the_law_list(corpus):
    import csv

    with open(corpus / "lawlist" / "egov_lawlist_20201118.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for row in rows[::97]:
        found = lookup_laws(row["law_num"])
        assert any(e.title == row["law_title"] for e in found), row


@pytest.mark.corpus
def test_library_over_the_corpus(corpus):
    lib = Library(corpus)
    assert len(lib) >= 1800
    law = lib.find_law("地方公務員法")
    assert law.law_num == "昭和二十五年法律第二百六十一号"
    assert law.get("第22条の2") is not None  # the 2020 version (会計年度任用職員), not the 2014 one
    appi = lib.entry("個人情報の保護に関する法律")
    assert appi.path.name.startswith("asof20260720_")
    assert lib.entry("322M40010B72003").path.name == "322M40010b72003.xml"


def test_old_laws_titled_by_number_are_found_by_their_name(tmp_path):
    # e-Gov titles some old laws 「<law number>（<name>）」; both the title and the name find them
    e = lookup_law("私的独占の禁止及び公正取引の確保に関する法律")
    assert e is not None and e.law_num == "昭和二十二年法律第五十四号"
    assert lookup_law("昭和二十二年法律第五十四号（私的独占の禁止及び公正取引の確保に関する法律）") == e
    (tmp_path / "a.xml").write_text(
        law_xml("明治十七年太政官布告第三十二号（爆発物取締罰則）", "明治十七年太政官布告第三十二号"), encoding="utf-8")
    lib = Library(tmp_path)
    assert lib.find_law("爆発物取締罰則").law_num == "明治十七年太政官布告第三十二号"
    # a parenthesis that does not follow a law number is part of the title, not an alias
    assert lookup_law("職員の任免") is None


@pytest.mark.corpus
def test_shipped_index_is_what_the_generator_writes(corpus, tmp_path):
    """lawcode/refs/data/lawindex.tsv.gz is regenerated byte for byte by its documented command."""
    from lawcode.refs.data import build_lawindex

    out = tmp_path / "lawindex.tsv.gz"
    build_lawindex.write(build_lawindex.build_rows(corpus), out)
    assert out.read_bytes() == build_lawindex.OUTPUT.read_bytes()
