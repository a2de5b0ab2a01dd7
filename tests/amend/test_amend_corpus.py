"""Real amendments: the exact-match benchmark over amendments/INDEX.tsv, and the sample ordinance.

The headline rate is over the cases with a scope and both revisions (README of the corpus folder). It may
not drop below what the applier reaches today: 9 of 10. The one known mismatch is explained in
docs/amend.md (its before revision is an export without ``Sentence`` ``Num``/``WritingMode`` attributes,
the after revision has them, so no amendment can make them equal; the amended text itself is right).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcode
from lawcode.amend import amend
from lawcode.amend.cases import comparable_xml, read_index, run_case

from testsupport import SAMPLES

#: Reached on 2026-12-05: 9 of the 10 headline cases (90 %).
MIN_EXACT_RATE = 0.9
#: Cases whose mismatch is explained (not an applier error); see docs/amend.md.
EXPLAINED = {"503AC0000000049_art5"}


@pytest.mark.corpus
def test_exact_match_rate_on_real_amendments(corpus: Path):
    cases = read_index(corpus / "amendments" / "INDEX.tsv")
    results = [run_case(c) for c in cases if c.headline]
    assert len(results) >= 10
    exact = [r for r in results if r.status == "exact"]
    rate = len(exact) / len(results)
    report = "\n".join(f"{r.case.case}: {r.status} {r.detail[:200]}" for r in results if r.status != "exact")
    assert rate >= MIN_EXACT_RATE, report
    unexplained = [r for r in results if r.status != "exact" and r.case.case not in EXPLAINED]
    assert not unexplained, report


@pytest.mark.corpus
def test_the_explained_mismatch_is_only_the_export_format(corpus: Path):
    """503AC0000000049_art5: equal once Sentence Num/WritingMode (absent from the before export) are ignored."""
    from lxml import etree

    (case,) = [c for c in read_index(corpus / "amendments" / "INDEX.tsv") if c.case == "503AC0000000049_art5"]
    assert case.before is not None and case.after is not None
    result = amend(lawcode.load(case.before), case.text.read_text(encoding="utf-8"), case.scope)

    def without_sentence_attributes(law: lawcode.Law) -> bytes:
        root = etree.fromstring(comparable_xml(law))
        for s in root.iter("Sentence"):
            for name in ("Num", "WritingMode"):
                s.attrib.pop(name, None)
        return lawcode.canonical_xml(etree.tostring(root))

    assert without_sentence_attributes(result.law) == without_sentence_attributes(lawcode.load(case.after))


def test_sample_amendment_gives_v2(sample_v1, sample_v2):
    text = (SAMPLES / "sakuragaoka_kaisei_r5_21.txt").read_text(encoding="utf-8")
    result = amend(sample_v1, text)
    assert comparable_xml(result.law) == comparable_xml(sample_v2)
    moved = result.moved()
    assert moved["MainProvision-Article_9-Paragraph_1-Item_3"] is None
    assert moved["MainProvision-Article_12"] == "MainProvision-Article_13"
    assert "MainProvision-Article_11" not in moved


@pytest.mark.corpus
def test_every_amendment_text_of_the_corpus_parses(corpus: Path):
    from lawcode.amend.amendment import parse_parts

    for case in read_index(corpus / "amendments" / "INDEX.tsv"):
        parts = parse_parts(case.text.read_text(encoding="utf-8"), source=case.text.name)
        assert sum(len(p.operations) for p in parts) > 0, case.case


def test_benchmark_script_runs_on_an_index_of_any_folder(tmp_path):
    """The INDEX format with cases nobody has seen: here, the sample ordinance (no corpus needed)."""
    import importlib.util
    import json

    from testsupport import ROOT

    header = "case\ttext\ttarget_law_id\ttarget_title\tbefore\tafter\tstaged\tscope\tnotes\n"
    rows = [
        f"sample\t{SAMPLES / 'sakuragaoka_kaisei_r5_21.txt'}\tx\t桜ヶ丘市個人情報の保護に関する条例\t"
        f"{SAMPLES / 'sakuragaoka_jorei_v1.xml'}\t{SAMPLES / 'sakuragaoka_jorei_v2.xml'}\tno\tall\t\n",
        f"no_scope\t{SAMPLES / 'sakuragaoka_kaisei_r5_21.txt'}\tx\tx\t{SAMPLES / 'sakuragaoka_jorei_v1.xml'}\t"
        f"{SAMPLES / 'sakuragaoka_jorei_v2.xml'}\tyes\t\t\n",
        f"wrong\t{SAMPLES / 'sakuragaoka_kaisei_r5_21.txt'}\tx\tx\t{SAMPLES / 'sakuragaoka_jorei_v2.xml'}\t"
        f"{SAMPLES / 'sakuragaoka_jorei_v2.xml'}\tno\tall\t\n",
    ]
    index = tmp_path / "INDEX.tsv"
    index.write_text(header + "".join(rows), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("bench_amend", ROOT / "benchmarks" / "bench_amend.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "out.json"
    assert module.main([str(index), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    statuses = {c["case"]: c["status"] for c in data["cases"]}
    assert statuses == {"sample": "exact", "no_scope": "unscored", "wrong": "failed"}
    assert data["headline"] == 2 and data["exact"] == 1


@pytest.mark.corpus
def test_amended_laws_are_valid_against_the_schema(corpus: Path, sample_v1):
    """New elements are written the way 法令標準XMLスキーマ v3 wants them (names, order, attributes)."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(corpus / "schema" / "XMLSchemaForJapaneseLaw_v3.xsd")))
    laws = [amend(sample_v1, (SAMPLES / "sakuragaoka_kaisei_r5_21.txt").read_text(encoding="utf-8")).law]
    for case in read_index(corpus / "amendments" / "INDEX.tsv"):
        if case.headline:
            assert case.before is not None
            laws.append(amend(lawcode.load(case.before), case.text.read_text(encoding="utf-8"), case.scope).law)
    for law in laws:
        assert schema.validate(etree.fromstring(law.to_xml())), (law.title, str(schema.error_log.last_error))


#: Reached on 2026-12-05: 831 of the 851 sentences of the bill (97.6 %); most of the rest amend amending laws
#: (「第十一条のうち…の改正規定中」), which the grammar does not read yet.
MIN_BILL_PARSE_RATE = 0.97


@pytest.mark.corpus
def test_a_whole_real_bill_parses(corpus: Path):
    """令和2年法律第8号 (所得税法等の一部を改正する法律, 0.9 MB): its sentences, split and parsed."""
    from lawcode.amend.document import split_parts
    from lawcode.amend.parse import parse_sentence

    (bill,) = (corpus / "amendments" / "bills").glob("502AC0000000008_*.txt")
    parts = split_parts(bill.read_text(encoding="utf-8"))
    sentences = [s for p in parts for s in p.sentences]
    assert len(parts) >= 25 and len(sentences) >= 800
    failed = []
    for s in sentences:
        try:
            parse_sentence(s.text, span=s.span, text=s.body)
        except lawcode.ParseError as exc:
            failed.append(str(exc)[:160])
    assert 1 - len(failed) / len(sentences) >= MIN_BILL_PARSE_RATE, "\n".join(failed)
