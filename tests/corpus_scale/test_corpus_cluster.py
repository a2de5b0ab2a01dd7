"""The pipeline on a LocalCluster of 2 worker processes gives exactly the serial results.

One small cluster for the module (2 single-threaded processes, 1 GiB each, no dashboard, loopback only),
always closed; plus one check that a Corpus closes the local cluster it starts itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from lawcode.corpus import Corpus
from testsupport import SAMPLES, corpus_dir

distributed = pytest.importorskip("distributed")

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
V2 = SAMPLES / "sakuragaoka_jorei_v2.xml"
#: A few real laws when the corpus is there (small ones, so the test stays quick).
BULK_LAWS = 12


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                       dashboard_address=None, host="127.0.0.1",
                                       scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    try:
        with distributed.Client(cluster) as c:
            yield c
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(V1, root / "v1.xml")
    shutil.copy(V2, root / "v2.xml")
    (root / "broken.xml").write_text("<Law><LawBody>", encoding="utf-8")
    base = corpus_dir()
    if base is not None:
        bulk = sorted((base / "bulk").rglob("*.xml"), key=lambda p: p.stat().st_size)
        for p in bulk[len(bulk) // 2: len(bulk) // 2 + BULK_LAWS]:
            shutil.copy(p, root / p.name)
    return root


def _both(folder: Path, client, op):
    with Corpus(folder, scheduler="serial", partition_bytes=20_000) as serial, \
            Corpus(folder, scheduler=client, partition_bytes=20_000) as parallel:
        assert len(parallel.partitions) >= 2
        return op(serial), op(parallel)


def test_references_equal_serial(folder, client):
    serial, parallel = _both(folder, client, lambda c: c.references())
    assert len(serial) > 50 and (serial.kind == "error").sum() == 1
    pd.testing.assert_frame_equal(parallel, serial)


def test_graph_equals_serial(folder, client):
    serial, parallel = _both(folder, client, lambda c: c.citation_graph())
    assert serial.number_of_edges() > 50
    assert dict(parallel.nodes(data=True)) == dict(serial.nodes(data=True))
    assert sorted(parallel.edges(data=True), key=repr) == sorted(serial.edges(data=True), key=repr)


def test_one_scan_for_references_and_graph_equals_serial(folder, client, tmp_path):
    out_s, out_p = tmp_path / "serial", tmp_path / "parallel"
    serial, parallel = _both(folder, client,
                             lambda c: c.citation_graph(references_out=out_s if c.cluster.serial else out_p))
    assert dict(parallel.nodes(data=True)) == dict(serial.nodes(data=True))
    assert sorted(parallel.edges(data=True), key=repr) == sorted(serial.edges(data=True), key=repr)
    assert len(list(out_p.glob("part.*.parquet"))) >= 2
    with Corpus(folder, scheduler="serial") as c:
        expected = c.references()
    pd.testing.assert_frame_equal(pd.read_parquet(out_p).sort_values("file", kind="stable").reset_index(drop=True),
                                  expected)


def test_definitions_equal_serial(folder, client):
    serial, parallel = _both(folder, client, lambda c: c.definitions())
    assert len(serial) > 0
    pd.testing.assert_frame_equal(parallel, serial)


def test_parquet_written_by_workers_equals_serial(folder, client, tmp_path):
    out_s, out_p = tmp_path / "serial.parquet", tmp_path / "parallel.parquet"
    _both(folder, client, lambda c: c.references(out_s if c.cluster.serial else out_p))
    assert len(list(out_p.glob("*.parquet"))) >= 2

    def read(p: Path) -> pd.DataFrame:
        return pd.read_parquet(p).sort_values(["file", "source", "span_start", "span_end"], kind="stable") \
            .reset_index(drop=True)

    pd.testing.assert_frame_equal(read(out_p), read(out_s))


def test_diff_equals_serial(client, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    shutil.copy(V1, old / "jorei.xml")
    shutil.copy(V2, new / "jorei.xml")
    with Corpus(old, scheduler="serial") as a, Corpus(new, scheduler="serial") as b:
        serial = a.diff(b)
    with Corpus(old, scheduler=client) as a, Corpus(new, scheduler="serial") as b:
        parallel = a.diff(b)
    assert len(serial) > 5
    pd.testing.assert_frame_equal(parallel, serial)


def _local_settings() -> dict:
    import dask

    from lawcode.corpus.cluster import LOCAL_WORKER_CONFIG

    return {key: dask.config.get(key) for key in LOCAL_WORKER_CONFIG}


def test_a_corpus_closes_the_cluster_it_started():
    from lawcode.corpus.cluster import LOCAL_WORKER_CONFIG

    with Corpus([V1], workers=1, memory_limit="1GiB") as c:
        assert len(c.references()) > 0
        client = c.cluster._client
        assert client is not None and client.status == "running"
        # its workers run without the profiler and with the slower diagnostics ticks
        assert list(client.run(_local_settings).values()) == [LOCAL_WORKER_CONFIG]
    assert client.status == "closed"


def test_impact_equals_serial_with_the_trace_sent_once(client):
    from lawcode.impact import Link, Trace, TraceItem

    title = "桜ヶ丘市個人情報の保護に関する条例"
    trace = Trace([TraceItem(f"P-{i}", "procedure", "手続", links=[Link(title, f"第{i}条", "根拠")]) for i in range(1, 20)])
    with Corpus([V1], scheduler="serial") as a, Corpus([V2], scheduler="serial") as b:
        serial = a.impact(b, trace)
    with Corpus([V1], scheduler=client) as a, Corpus([V2], scheduler="serial") as b:
        parallel = a.impact(b, trace)
    assert len(serial) > 5
    pd.testing.assert_frame_equal(parallel, serial)
