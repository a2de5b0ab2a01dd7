"""Bulk download: download, verify, unpack safely, update incrementally — and refuse hostile archives."""

from __future__ import annotations

import io
import stat
import zipfile
from datetime import date

import pytest
import spec_responses as r
from replay import Reply
from egov_fixtures import *  # noqa: F403 - the fixtures: server, client, make_client, cache_dir, no_internet

from lawcode.egov import ArchiveLimits, download_bulk, read_state, safe_extract, update_bulk
from lawcode.errors import ArchiveError, EgovError

ZIP = "application/zip"


def make_zip(files: dict[str, bytes], *, links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return buffer.getvalue()


def law_zip() -> bytes:
    return make_zip({"all_xml/502AC0000000012_20200401_000000000000000/law.xml": r.law_xml(1),
                     "all_xml/502AC0000000012_20230401_505AC0000000021/law.xml": r.law_xml(2)})


def test_download_all_xml(server, client, tmp_path):
    server.add("/bulkdownload", Reply(law_zip(), content_type=ZIP), query={"file_section": "1",
                                                                           "only_xml_flag": "true"})
    seen: list[tuple[int, int | None]] = []
    result = download_bulk(tmp_path / "laws", client=client, progress=lambda d, t: seen.append((d, t)),
                           today=date(2026, 1, 10))
    assert len(result.files) == 2 and all(p.read_bytes().startswith(b"<Law ") for p in result.files)
    assert seen[-1][0] == seen[-1][1] == result.downloaded_bytes
    assert read_state(tmp_path / "laws")["downloaded"] == "2026-01-10"
    assert not list((tmp_path / "laws").glob("*.part"))
    import lawcode

    assert lawcode.load(result.files[0]).title == r.TITLE


def test_download_one_category(server, client, tmp_path):
    server.add("/bulkdownload", Reply(law_zip(), content_type=ZIP), query={"file_section": "2", "category_cd": "7"})
    assert len(download_bulk(tmp_path, category=7, client=client).files) == 2
    with pytest.raises(EgovError, match="category must be a number from 1 to 50"):
        download_bulk(tmp_path, category=51, client=client)


def test_update_applies_each_day_and_skips_days_without_archive(server, client, tmp_path):
    server.add("/bulkdownload", Reply(make_zip({"all_xml/x/law.xml": r.law_xml(2)}), content_type=ZIP),
               query={"file_section": "3", "update_date": "20260111"})
    server.add("/bulkdownload", Reply(b"", status=404, content_type="text/plain"), query={"file_section": "3"})
    server.add("/bulkdownload", Reply(law_zip(), content_type=ZIP), query={"file_section": "1"})
    download_bulk(tmp_path, client=client, today=date(2026, 1, 10))
    result = update_bulk(tmp_path, client=client, until=date(2026, 1, 12))
    assert [p.relative_to(tmp_path).as_posix() for p in result.files] == ["all_xml/x/law.xml"]
    assert result.skipped_days == [date(2026, 1, 12)]
    assert read_state(tmp_path)["updated"] == "2026-01-12"
    again = update_bulk(tmp_path, client=client, until=date(2026, 1, 12))  # nothing new to fetch
    assert again.files == [] and again.sources == []


def test_update_needs_a_first_download(client, tmp_path):
    with pytest.raises(EgovError, match="no record of a bulk download"):
        update_bulk(tmp_path, client=client)


def test_truncated_download(server, client, tmp_path):
    body = law_zip()
    server.add("/bulkdownload", Reply(body, content_type=ZIP, truncate_to=len(body) // 2))
    with pytest.raises(EgovError, match="cut short"):
        download_bulk(tmp_path, client=client)
    assert not list(tmp_path.rglob("*.xml"))


def test_an_html_page_is_not_an_archive(server, client, tmp_path):
    server.add("/bulkdownload", Reply(b"<html>maintenance</html>", content_type="text/html"))
    with pytest.raises(EgovError, match="expected a zip archive, got Content-Type text/html"):
        download_bulk(tmp_path, client=client)


def test_not_a_zip(server, client, tmp_path):
    server.add("/bulkdownload", Reply(b"GIF89a....", content_type="application/octet-stream"))
    with pytest.raises(ArchiveError, match="not a zip archive"):
        download_bulk(tmp_path, client=client)


def test_offline_bulk_is_refused(make_client, tmp_path):
    from lawcode.errors import OfflineError

    with pytest.raises(OfflineError, match="bulk downloads are not cached"):
        download_bulk(tmp_path, client=make_client(offline=True))


# -- hostile archives -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../evil.xml", "a/../../evil.xml", "/etc/evil.xml", "C:/evil.xml",
                                  "a\\..\\..\\evil.xml"])
def test_path_traversal_is_refused(tmp_path, name):
    archive = tmp_path / "evil.zip"
    archive.write_bytes(make_zip({"ok.xml": b"<Law/>", name: b"<Law/>"}))
    target = tmp_path / "out"
    with pytest.raises(ArchiveError, match="path traversal|absolute or Windows path"):
        safe_extract(archive, target)
    assert not (tmp_path / "evil.xml").exists() and not target.exists()  # refused before anything was written


def test_path_traversal_over_the_server(server, client, tmp_path):
    server.add("/bulkdownload", Reply(make_zip({"../../escaped.xml": b"<Law/>"}), content_type=ZIP))
    with pytest.raises(ArchiveError, match="path traversal"):
        download_bulk(tmp_path / "d", client=client)
    assert not (tmp_path / "escaped.xml").exists()
    assert not list((tmp_path / "d").glob("*.part"))


def test_symlinks_are_refused(tmp_path):
    archive = tmp_path / "link.zip"
    archive.write_bytes(make_zip({"a.xml": b"<Law/>"}, links={"passwd.xml": "/etc/passwd"}))
    with pytest.raises(ArchiveError, match="symbolic link"):
        safe_extract(archive, tmp_path / "out")


def test_zip_bomb_ratio_is_refused(tmp_path):
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(make_zip({"bomb.xml": b"\0" * (4 * 1024**2)}))
    with pytest.raises(ArchiveError, match="compression ratio .* zip bomb"):
        safe_extract(archive, tmp_path / "out", ArchiveLimits(max_ratio=100, ratio_floor=1024))
    assert not (tmp_path / "out").exists()


def test_total_size_and_file_count_are_capped(tmp_path):
    archive = tmp_path / "many.zip"
    archive.write_bytes(make_zip({f"f{i}.xml": b"<Law/>" * 100 for i in range(20)}))
    with pytest.raises(ArchiveError, match="20 files"):
        safe_extract(archive, tmp_path / "a", ArchiveLimits(max_files=10))
    with pytest.raises(ArchiveError, match="would unpack to 12,000 bytes"):
        safe_extract(archive, tmp_path / "b", ArchiveLimits(max_total_bytes=5000))


def test_sizes_declared_falsely_are_caught_while_unpacking(tmp_path):
    data = bytearray(make_zip({"liar.xml": b"<Law>" + b"x" * 5000 + b"</Law>"}))
    real = (5011).to_bytes(4, "little")
    fake = (10).to_bytes(4, "little")
    assert data.count(real) == 2  # the local header and the central directory both declare the size
    data = data.replace(real, fake)
    archive = tmp_path / "liar.zip"
    archive.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="damaged|more than it declared"):
        safe_extract(archive, tmp_path / "out")
    assert not (tmp_path / "out" / "liar.xml").exists()


def test_a_damaged_member_is_refused(tmp_path):
    data = bytearray(make_zip({"a.xml": b"<Law>" + bytes(range(256)) * 40 + b"</Law>"}))
    data[60] ^= 0xFF  # inside the compressed data of the only member
    archive = tmp_path / "bad.zip"
    archive.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="damaged"):
        safe_extract(archive, tmp_path / "out")
