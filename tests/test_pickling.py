"""Laws and provisions pickle cheaply for worker processes (lawcode.io.pickling).

A law loaded from a file travels as a verified reference to that file (reloaded once per process); other laws
travel as their XML; a provision travels as its law plus its path.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
from pathlib import Path

import pytest

import lawcode
from lawcode.io import pickling
from lawcode.model.provision import PROVISION_TYPES

from testsupport import SAMPLES

SAMPLE = SAMPLES / "sakuragaoka_jorei_v1.xml"


@pytest.fixture(autouse=True)
def _fresh_cache():
    pickling.clear_cache()
    yield
    pickling.clear_cache()


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """A private copy of the sample, free to edit or delete."""
    target = tmp_path / "jorei.xml"
    shutil.copyfile(SAMPLE, target)
    return target


def _roundtrip(obj):
    return pickle.loads(pickle.dumps(obj))


# -- round trips ------------------------------------------------------------------------------------------------
def test_provision_round_trip_keeps_path_label_and_text(sample_v1):
    for p in sample_v1.provisions():
        q = _roundtrip(p)
        assert (q.path, q.label, q.text()) == (p.path, p.label, p.text())
        assert q.law.to_xml() == sample_v1.to_xml()


def test_law_round_trip_is_the_same_document(sample_v1):
    again = _roundtrip(sample_v1)
    assert again.to_xml() == sample_v1.to_xml()
    assert again.source == sample_v1.source


def test_a_file_backed_law_travels_as_a_small_reference(sample_v1):
    ref = pickling.source_ref(sample_v1)
    assert ref is not None
    assert ref.path == os.path.abspath(SAMPLE)
    assert ref.size == SAMPLE.stat().st_size
    one_article = pickle.dumps(sample_v1.find("第三条の二"))
    assert len(one_article) < 1000 < len(sample_v1.to_xml())


def test_provisions_of_one_law_share_one_rebuilt_law(sample_v1):
    first, second = (_roundtrip(sample_v1.find(a)) for a in ("第一条", "第二条"))
    assert first.law is second.law  # rebuilt once, then served from the per-process cache


def test_cache_keeps_at_most_cache_size_laws(tmp_path: Path):
    laws = []
    for i in range(pickling.CACHE_SIZE + 2):
        path = tmp_path / f"law{i}.xml"
        # distinct contents, so that every file has its own cache key
        path.write_bytes(SAMPLE.read_bytes() + f"<!-- copy {i} -->\n".encode())
        laws.append(lawcode.load(path))
    for law in laws:
        _roundtrip(law)
    assert len(pickling._cache) == pickling.CACHE_SIZE


def test_law_from_bytes_travels_as_xml():
    law = lawcode.loads(SAMPLE.read_bytes())
    assert pickling.source_ref(law) is None
    assert len(pickle.dumps(law.find("第一条"))) > len(law.to_xml()) // 2
    assert _roundtrip(law).to_xml() == law.to_xml()


def test_committed_draft_travels_as_xml(sample_v1):
    draft = sample_v1.draft()
    caption = draft.element("第一条").find("ArticleCaption")
    caption.text = "（趣旨）"
    new = draft.commit()
    assert new.source == sample_v1.source  # same name, different document
    assert pickling.source_ref(new) is None
    again = _roundtrip(new.find("第一条"))
    assert again.caption == "（趣旨）"


def test_detached_provision_is_refused(sample_v1):
    cls = PROVISION_TYPES["Article"]
    detached = cls(sample_v1.find("第一条").element)
    with pytest.raises(lawcode.LawcodeError, match="detached"):
        pickle.dumps(detached)


# -- files that change ------------------------------------------------------------------------------------------
def test_file_changed_after_pickling_is_detected(copied: Path):
    law = lawcode.load(copied)
    data = pickle.dumps(law.find("第一条"))
    copied.write_bytes(copied.read_bytes().replace("目的".encode(), "趣旨".encode()))
    with pytest.raises(lawcode.LawcodeError, match="changed since") as info:
        pickle.loads(data)
    assert str(copied) in str(info.value)


def test_file_changed_after_loading_makes_the_law_travel_as_xml(copied: Path):
    law = lawcode.load(copied)
    original = law.to_xml()
    copied.write_bytes(copied.read_bytes().replace("目的".encode(), "趣旨".encode()))
    assert pickling.source_ref(law) is None
    assert _roundtrip(law).to_xml() == original  # the law in memory, not the edited file


def test_memo_is_revalidated_when_the_file_changes(copied: Path):
    law = lawcode.load(copied)
    assert pickling.source_ref(law) is not None
    copied.write_bytes(copied.read_bytes() + b"<!-- edited -->\n")
    assert pickling.source_ref(law) is None


def test_file_deleted_before_pickling_travels_as_xml(copied: Path):
    law = lawcode.load(copied)
    copied.unlink()
    assert _roundtrip(law.find("第二条")).text() == law.find("第二条").text()


def test_file_deleted_after_pickling_is_reported(copied: Path):
    law = lawcode.load(copied)
    data = pickle.dumps(law)
    copied.unlink()
    with pytest.raises(lawcode.LawcodeError, match="not readable here"):
        pickle.loads(data)


def test_source_ref_rejects_other_types():
    with pytest.raises(lawcode.LawcodeError):
        pickling.source_ref("not a law")  # type: ignore[arg-type]


# -- worker processes -------------------------------------------------------------------------------------------
def _describe(p):
    """Runs in a worker: what the worker sees, and which law object it used."""
    return os.getpid(), id(p.law), p.label, p.text()


def test_pool_map_in_two_spawned_workers(sample_v1):
    articles = list(sample_v1.provisions("Article"))
    context = multiprocessing.get_context("spawn")  # fresh interpreters: nothing inherited from this process
    with context.Pool(2) as pool:
        results = pool.map(_describe, articles, chunksize=1)
    assert [(label, text) for _, _, label, text in results] == [(a.label, a.text()) for a in articles]
    laws_per_worker: dict[int, set[int]] = {}
    for pid, law_id, _, _ in results:
        laws_per_worker.setdefault(pid, set()).add(law_id)
    assert all(len(ids) == 1 for ids in laws_per_worker.values()), laws_per_worker  # parsed once per worker


@pytest.mark.corpus
def test_largest_corpus_article_pickles_small(corpus: Path):
    folder = corpus / "egov_versions" / "340AC0000000034"  # 法人税法, the largest file of the corpus
    path = max(folder.glob("*.xml"), key=lambda p: p.stat().st_size)
    law = lawcode.load(path)
    article = next(law.provisions("Article"))
    data = pickle.dumps(article)
    assert len(data) < 2000 < path.stat().st_size
    assert _roundtrip(article).text() == article.text()


# -- laws from e-Gov API responses keep the envelope's metadata ---------------------------------------------------
def _v1_response() -> bytes:
    """The sample ordinance wrapped in an e-Gov API v1 ``lawdata`` response (``DataRoot`` envelope)."""
    law = SAMPLE.read_bytes().split(b"?>", 1)[1].strip()
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<DataRoot><Result><Code>0</Code><Message/></Result>'
        b"<ApplData><LawId>999AC0000000001</LawId><LawNum/><LawFullText>" + law
        + b"</LawFullText></ApplData></DataRoot>\n"
    )


def test_law_from_a_response_file_travels_as_a_reference_and_keeps_its_revision(tmp_path: Path):
    path = tmp_path / "lawdata.xml"
    path.write_bytes(_v1_response())
    law = lawcode.load(path)
    assert law.revision is not None
    assert pickling.source_ref(law) is not None
    again = _roundtrip(law.find("第一条")).law
    assert again.revision == law.revision
    assert again.to_xml() == law.to_xml()


def test_law_from_response_bytes_travels_as_xml_with_its_revision():
    law = lawcode.loads(_v1_response())
    assert law.revision is not None
    assert pickling.source_ref(law) is None
    again = _roundtrip(law)
    assert again.revision == law.revision
    assert again.to_xml() == law.to_xml()


@pytest.mark.parametrize("source", ["<bytes>", "no/such/file.xml", "bad\0name.xml", "."])
def test_sources_that_are_not_files_travel_as_xml(source):
    law = lawcode.loads(SAMPLE.read_bytes(), source=source)
    assert pickling.source_ref(law) is None
    again = _roundtrip(law)
    assert (again.source, again.to_xml()) == (source, law.to_xml())
