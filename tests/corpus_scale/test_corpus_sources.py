"""Where a corpus's laws come from: folders, lists, zip archives (read safely) and size-balanced partitions."""

from __future__ import annotations

import stat
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcode.corpus import LawSource, list_sources, partition_by_size
from lawcode.errors import CorpusError, LawcodeError
from testsupport import SAMPLES

V1 = SAMPLES / "sakuragaoka_jorei_v1.xml"
V2 = SAMPLES / "sakuragaoka_jorei_v2.xml"


def test_folder_lists_xml_files_sorted_with_sizes():
    found = list_sources(SAMPLES)
    assert [s.location for s in found] == [str(V1), str(V2)]
    assert [s.size for s in found] == [V1.stat().st_size, V2.stat().st_size]
    assert all(s.member is None for s in found)


def test_law_id_comes_from_the_file_or_folder_name(tmp_path):
    (tmp_path / "405AC0000000088").mkdir()
    a = tmp_path / "405AC0000000088" / "lawhubxml_20200531_x.xml"
    b = tmp_path / "415AC0000000057_20200126_000000000000000.xml"
    c = tmp_path / "plain.xml"
    d = tmp_path / "322M40010b72003.xml"  # a ministerial ordinance, lower-case hex as in the 2020 bulk
    e = tmp_path / "428M60020000005_20200101_000000000000000.xml"
    for f in (a, b, c, d, e):
        f.write_bytes(V1.read_bytes())
    ids = {s.location: s.law_id for s in list_sources(tmp_path)}
    assert ids == {str(a): "405AC0000000088", str(b): "415AC0000000057", str(c): None, str(d): "322M40010B72003",
                   str(e): "428M60020000005"}


def test_key_without_law_id_is_the_law_number():
    (src,) = list_sources([V1])
    assert src.key() == "令和2年桜ヶ丘市条例第12号"


def test_zip_members_are_read_without_unpacking(tmp_path):
    archive = tmp_path / "bulk.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(V1, "laws/415AC0000000057.xml")
        zf.writestr("README.txt", "not a law")
    (src,) = list_sources(archive)
    assert src.member == "laws/415AC0000000057.xml" and src.law_id == "415AC0000000057"
    assert src.read() == V1.read_bytes()
    assert src.load().title == "桜ヶ丘市個人情報の保護に関する条例"
    assert src.name == f"{archive}!laws/415AC0000000057.xml"


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "C:/evil.xml"])
def test_zip_with_escaping_member_names_is_refused(tmp_path, name):
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo(name), b"<Law/>")
    with pytest.raises(CorpusError, match="unsafe member name"):
        list_sources(archive)


def test_zip_with_a_symlink_member_is_refused(tmp_path):
    archive = tmp_path / "link.zip"
    info = zipfile.ZipInfo("law.xml")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(CorpusError, match="link"):
        list_sources(archive)


def test_zip_bomb_ratio_is_refused(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("law.xml", b"\0" * (4 * 1024 * 1024))
    with pytest.raises(CorpusError, match="zip bomb"):
        list_sources(archive)


def test_missing_and_empty_sources_raise_lawcode_errors(tmp_path):
    with pytest.raises(LawcodeError, match="no such"):
        list_sources(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="no .xml law files") as info:
        list_sources(tmp_path)
    assert str(tmp_path) in str(info.value)
    with pytest.raises(CorpusError, match="no such law file"):
        list_sources([tmp_path / "x.xml"])


def _src(i: int, size: int) -> LawSource:
    return LawSource(f"f{i:04d}.xml", None, size, None)


@given(st.lists(st.integers(0, 10_000), max_size=60), st.integers(1, 20_000), st.integers(1, 8))
def test_partitions_hold_every_source_once_in_input_order(sizes, target, minimum):
    items = [_src(i, s) for i, s in enumerate(sizes)]
    parts = partition_by_size(items, target, minimum=minimum)
    flat = [x for p in parts for x in p]
    assert sorted(flat, key=lambda s: s.location) == items
    for p in parts:
        assert p == sorted(p, key=lambda s: s.location)
    if items:
        assert min(len(items), minimum) <= len(parts) <= max(len(items), 1)


def test_partitions_are_balanced_by_size():
    items = [_src(i, s) for i, s in enumerate([900, 500, 400, 300, 300, 200, 100, 100])]
    parts = partition_by_size(items, 1400)
    loads = sorted(sum(s.size for s in p) for p in parts)
    assert len(parts) == 2 and loads == [1400, 1400]


def test_partition_size_must_be_positive():
    with pytest.raises(CorpusError, match="positive"):
        partition_by_size([_src(0, 1)], 0)
