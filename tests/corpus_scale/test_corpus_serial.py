"""The serial in-process run gives what the per-law API gives: references, graph, definitions, diff, impact."""

from __future__ import annotations

import pickle
import shutil

import pandas as pd
import pytest

import lawcode
from lawcode.corpus import Corpus
from lawcode.errors import CorpusError
from lawcode.impact import Link, Trace, TraceItem
from testsupport import SAMPLES

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
V2 = SAMPLES / "sakuragaoka_jorei_v2.xml"


def test_references_are_those_of_each_law(sample_v1, sample_v2):
    with Corpus(SAMPLES, scheduler="serial") as c:
        df = c.references()
    for law, path in ((sample_v1, V1), (sample_v2, V2)):
        rows = df[df.file == str(path)]
        refs = lawcode.references(law)
        assert len(rows) == len(refs) > 0
        assert list(rows.source) == [r.source for r in refs]
        assert list(rows.kind) == [r.kind.value for r in refs]
        assert [tuple(t) for t in rows.targets] == [r.targets for r in refs]
        assert list(zip(rows.span_start, rows.span_end, strict=True)) == [r.span for r in refs]
        assert set(rows.law) == {"令和2年桜ヶ丘市条例第12号"}


def test_graph_equals_citation_graph_of_the_law(sample_v1):
    with Corpus([V1], scheduler="serial") as c:
        g = c.citation_graph()
    expected = lawcode.citation_graph(sample_v1)
    assert sorted(g.edges(data=True), key=repr) == sorted(expected.edges(data=True), key=repr)
    assert set(g.nodes) == set(expected.nodes)
    for node, attrs in g.nodes(data=True):
        other = expected.nodes[node]
        if attrs != other:
            # citation_graph labels a provision by its first appearance: one cited before it cites anything keeps
            # an empty label there; the corpus graph labels every provision that cites something
            assert {**other, "label": attrs["label"]} == attrs and other["label"] == ""
            assert attrs["label"] == sample_v1.get(attrs["path"]).label


def test_graph_from_a_references_table_needs_no_second_scan(sample_v1):
    with Corpus([V1, V2], scheduler="serial") as c:
        refs = c.references()
        from_table = c.citation_graph(refs)
        scanned = c.citation_graph()
    assert sorted(from_table.edges(data=True), key=repr) == sorted(scanned.edges(data=True), key=repr)
    assert dict(from_table.nodes(data=True)) == dict(scanned.nodes(data=True))
    with pytest.raises(lawcode.LawcodeError):
        c.citation_graph(references=[1, 2])


def test_one_scan_writes_references_and_returns_the_graph(tmp_path):
    out = tmp_path / "refs"
    with Corpus([V1, V2], scheduler="serial") as c:
        g = c.citation_graph(references_out=out)
        refs = c.references()
        scanned = c.citation_graph()
        with pytest.raises(lawcode.LawcodeError, match="not an empty folder"):
            c.citation_graph(references_out=out)  # never overwrites
    written = pd.read_parquet(out).sort_values("file", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(written, refs)
    assert sorted(g.edges(data=True), key=repr) == sorted(scanned.edges(data=True), key=repr)
    assert dict(g.nodes(data=True)) == dict(scanned.nodes(data=True))


def test_definitions_are_those_of_each_law(sample_v1):
    with Corpus([V1], scheduler="serial") as c:
        df = c.definitions()
    assert list(df.term) == [d.term for d in lawcode.definitions(sample_v1)]


def test_diff_matches_laws_and_gives_their_effects(tmp_path, sample_v1, sample_v2):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    shutil.copy(V1, old / "jorei.xml")
    shutil.copy(V2, new / "jorei.xml")
    shutil.copy(V1, new / "415AC0000000057.xml")  # only in the new snapshot (its name gives a LawID)
    with Corpus(old, scheduler="serial") as a, Corpus(new, scheduler="serial") as b:
        effects = a.diff(b)
    added = effects[effects.kind == "law_added"]
    assert list(added.law) == ["415AC0000000057"] and list(added.type) == ["制定"]
    changed = effects[effects.kind != "law_added"]
    expected = lawcode.diff(sample_v1, sample_v2).effects()
    assert list(changed.effect_id) == [e.effect_id for e in expected]
    assert set(changed.law) == {"令和2年桜ヶ丘市条例第12号"}


def test_identical_files_give_no_effects(tmp_path):
    with Corpus([V1], scheduler="serial") as a, Corpus([V1], scheduler="serial") as b:
        assert a.diff(b).empty


def test_impact_finds_the_items_linked_to_changed_provisions(sample_v1, sample_v2):
    changed = next(e for e in lawcode.diff(sample_v1, sample_v2).effects() if e.kind == "text_changed"
                   and e.old_path and e.old_path.startswith("MainProvision-Article"))
    article = sample_v1.find(changed.old_path).label
    trace = Trace([TraceItem("P-1", "procedure", "手続", links=[Link(sample_v1.title, article, "根拠")]),
                   TraceItem("P-2", "procedure", "他法の手続", links=[Link("民法", "第一条", "根拠")])])
    with Corpus([V1], scheduler="serial") as a, Corpus([V2], scheduler="serial") as b:
        hits = a.impact(b, trace)
    assert set(hits.id) == {"P-1"}
    assert set(hits.law) == {"令和2年桜ヶ丘市条例第12号"}


def test_an_unreadable_law_is_an_error_row_not_a_crash(tmp_path):
    shutil.copy(V1, tmp_path / "good.xml")
    (tmp_path / "broken.xml").write_text("<Law><LawBody>", encoding="utf-8")
    with Corpus(tmp_path, scheduler="serial") as c:
        df = c.references()
    errors = df[df.kind == "error"]
    assert list(errors.file) == [str(tmp_path / "broken.xml")]
    assert "broken.xml" in errors.reason.iloc[0]
    assert (df.kind != "error").sum() > 0


def test_parquet_output_is_a_dataset_and_is_never_overwritten(tmp_path):
    out = tmp_path / "refs.parquet"
    with Corpus(SAMPLES, scheduler="serial") as c:
        assert c.references(out) == out
        back = pd.read_parquet(out).sort_values("file", kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(back, c.references())
        with pytest.raises(CorpusError, match="refusing to overwrite"):
            c.references(out)


def test_bad_arguments_raise_corpus_errors():
    with pytest.raises(CorpusError, match="workers"):
        Corpus(SAMPLES, workers=0)
    with Corpus(SAMPLES, scheduler="serial") as c:
        with pytest.raises(CorpusError, match="another Corpus"):
            c.diff(SAMPLES)  # type: ignore[arg-type]
        with pytest.raises(CorpusError, match="Trace or a procedures file"):
            c.impact(c, 42)  # type: ignore[arg-type]
        with pytest.raises(CorpusError, match="no Dask client"):
            c.cluster.client()


def test_relaxed_gc_raises_the_threshold_for_a_block_and_restores_it():
    import gc

    from lawcode.corpus.tables import SCAN_GC_THRESHOLD, relaxed_gc

    before = gc.get_threshold()
    try:
        with relaxed_gc():
            assert gc.get_threshold() == (max(SCAN_GC_THRESHOLD, before[0]), *before[1:])
            assert gc.isenabled()  # raised, never switched off: law trees are cyclic garbage
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.get_threshold() == before
    gc.set_threshold(50_000, *before[1:])
    try:
        with relaxed_gc(1_000):
            assert gc.get_threshold()[0] == 50_000  # never lowered
    finally:
        gc.set_threshold(*before)


def test_compacted_edge_columns_come_back_whole():
    from lawcode.corpus import tables
    from lawcode.corpus.sources import list_sources

    edges = tables.edge_columns(tables.reference_columns(list_sources([V1, V2])))
    sent = tables.compact_edges(edges)
    assert "src" not in sent and "dst" not in sent and set(sent) == set(tables.SENT_EDGE_COLUMNS)
    assert len(pickle.dumps(sent)) < len(pickle.dumps(edges)) * 0.7
    back = tables.with_node_ids(sent)
    assert {k: back[k] for k in tables.EDGE_COLUMNS} == edges
    assert "" in back["dst"] and any("/" not in d for d in back["dst"] if d)  # law nodes and whole-law targets
