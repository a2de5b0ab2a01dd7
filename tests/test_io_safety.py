"""The parser never reaches the file system or the network on behalf of a document."""

from __future__ import annotations

import os
import threading

import pytest

import lawcode

TINY = (
    '<Law Era="Reiwa" Year="1" Num="1" LawType="Act" Lang="ja"><LawNum>令和元年法律第一号</LawNum><LawBody>'
    "<LawTitle>テスト法</LawTitle><MainProvision><Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence>"
    "<Sentence>本文。</Sentence></ParagraphSentence></Paragraph></MainProvision></LawBody></Law>"
)


def _doc(doctype: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{TINY}'.encode()


def _load_in_thread(data: bytes, timeout: float = 10.0):
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["law"] = lawcode.loads(data)
        except Exception as exc:  # noqa: BLE001 - reported below
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "loads() blocked: it tried to open the external DTD"
    return result


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_external_dtd_file_is_never_opened(tmp_path):
    # Opening a FIFO for reading blocks until a writer appears: if the parser opened the DTD, loads would hang.
    fifo = tmp_path / "law.dtd"
    os.mkfifo(fifo)
    result = _load_in_thread(_doc(f'<!DOCTYPE Law SYSTEM "{fifo}">'))
    assert "law" in result, result.get("error")
    result = _load_in_thread(_doc(f'<!DOCTYPE Law SYSTEM "file://{fifo}">'))
    assert "law" in result, result.get("error")


def test_external_dtd_url_is_never_fetched():
    # 127.0.0.1:9 (discard) refuses or drops connections; a fetch attempt would fail or stall, not load.
    law = lawcode.loads(_doc('<!DOCTYPE Law PUBLIC "-//x//DTD x//EN" "http://127.0.0.1:9/law.dtd">'))
    assert law.title == "テスト法"


def test_dtd_defaults_are_not_applied(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ATTLIST Law Injected CDATA "yes">\n<!ENTITY secret "SECRET">\n', encoding="utf-8")
    law = lawcode.loads(_doc(f'<!DOCTYPE Law SYSTEM "{dtd}">'))
    assert law.root.get("Injected") is None
    with pytest.raises(lawcode.ParseError, match="entity reference"):
        lawcode.loads(_doc(f'<!DOCTYPE Law SYSTEM "{dtd}">').replace("本文".encode(), b"&secret;"))
