"""Responses written by the team from the API v2 spec's shapes (domain.md §2), around the team's sample law.

The sample ordinance (corpus/samples, fictional) plays an e-Gov law under a made-up LawID with two revisions;
the real recorded responses of the shared corpus are read by the corpus tests, never copied here.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any
from xml.sax.saxutils import escape

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"

LAW_ID = "502AC0000000012"
TITLE = "桜ヶ丘市個人情報の保護に関する条例"
LAW_NUM = "令和二年桜ヶ丘市条例第十二号"
REV_V1 = f"{LAW_ID}_20200401_000000000000000"
REV_V2 = f"{LAW_ID}_20230401_505AC0000000021"
REV_FUTURE = f"{LAW_ID}_20300401_511AC0000000001"


def law_xml(version: int = 1) -> bytes:
    """The sample's ``<Law>`` element, without the XML declaration and comments before it."""
    data = (SAMPLES / f"sakuragaoka_jorei_v{version}.xml").read_bytes()
    return data[data.index(b"<Law "):]


def law_info() -> dict[str, Any]:
    return {"law_type": "Act", "law_id": LAW_ID, "law_num": LAW_NUM, "law_num_era": "Reiwa", "law_num_year": 2,
            "law_num_type": "Act", "law_num_num": "012", "promulgation_date": "2020-03-25"}


def revision_info(rev: str = REV_V1, status: str = "CurrentEnforced", **over: Any) -> dict[str, Any]:
    enforced = rev.split("_")[1]
    amend = rev.split("_")[2]
    info: dict[str, Any] = {
        "law_revision_id": rev, "law_type": "Act", "law_title": TITLE, "law_title_kana": "さくらがおか",
        "abbrev": "桜ヶ丘個情条例", "category": "地方自治", "updated": "2024-07-21T13:56:59+09:00",
        "amendment_promulgate_date": f"{enforced[:4]}-{enforced[4:6]}-{enforced[6:]}",
        "amendment_enforcement_date": f"{enforced[:4]}-{enforced[4:6]}-{enforced[6:]}",
        "amendment_enforcement_comment": None, "amendment_scheduled_enforcement_date": None,
        "amendment_law_id": None if amend == "0" * 15 else amend, "amendment_law_title": None,
        "amendment_law_title_kana": None, "amendment_law_num": None, "amendment_type": "1" if amend == "0" * 15 else "3",
        "repeal_status": "None", "repeal_date": None, "remain_in_force": False, "mission": "New",
        "current_revision_status": status,
    }
    info.update(over)
    return info


def _xml_record(tag: str, record: dict[str, Any]) -> str:
    def text(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        return escape(str(v))

    return f"<{tag}>" + "".join(f"<{k}>{text(v)}</{k}>" for k, v in record.items()) + f"</{tag}>"


def law_data_xml(rev: str = REV_V1, version: int = 1, status: str = "CurrentEnforced") -> bytes:
    """A v2 ``law_data`` response in XML, with the law's XML inside."""
    head = ("<law_data_response><attached_files_info/>" + _xml_record("law_info", law_info())
            + _xml_record("revision_info", revision_info(rev, status)) + "<law_full_text>")
    return head.encode() + law_xml(version) + b"</law_full_text></law_data_response>"


def law_data_json_base64(rev: str = REV_V1, version: int = 1) -> bytes:
    """A v2 ``law_data`` response in JSON whose ``law_full_text`` is the law's XML in Base64 (what the API sends
    when ``law_full_text_format=xml`` and ``response_format=json``)."""
    return json.dumps({
        "attached_files_info": {"image_data": "", "attached_files": []},
        "law_info": law_info(),
        "revision_info": revision_info(rev),
        "law_full_text": base64.b64encode(law_xml(version)).decode(),
    }, ensure_ascii=False).encode()


def revisions_json(*revs: tuple[str, str]) -> bytes:
    """A ``law_revisions`` response: ``(revision_id, status)`` pairs, newest first."""
    return json.dumps({"law_info": law_info(), "revisions": [revision_info(r, s) for r, s in revs]},
                      ensure_ascii=False).encode()


def history_json() -> bytes:
    return revisions_json((REV_FUTURE, "UnEnforced"), (REV_V2, "CurrentEnforced"), (REV_V1, "PreviousEnforced"))


def laws_json(count: int = 1, *, total: int | None = None, next_offset: int | None = None, title: str = TITLE,
              law_id: str = LAW_ID) -> bytes:
    item = {"law_info": {**law_info(), "law_id": law_id}, "revision_info": revision_info(REV_V2, law_title=title),
            "current_revision_info": revision_info(REV_V2, law_title=title)}
    return json.dumps({"total_count": total if total is not None else count, "count": count,
                       "next_offset": next_offset, "laws": [item] * count}, ensure_ascii=False).encode()


def keyword_json(*sentences: tuple[str, str], rev: str = REV_V1, next_offset: int | None = None) -> bytes:
    return json.dumps({
        "total_count": len(sentences), "sentence_count": len(sentences), "next_offset": next_offset,
        "items": [{"law_info": law_info(), "revision_info": revision_info(rev),
                   "sentences": [{"position": p, "text": t} for p, t in sentences]}],
    }, ensure_ascii=False).encode()


def error_json(code: str, message: str) -> bytes:
    return json.dumps({"code": code, "message": message}, ensure_ascii=False).encode()


def billion_laughs() -> bytes:
    """A hostile XML body: an internal DTD subset declaring exponentially expanding entities."""
    ents = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE law_data_response [<!ENTITY l0 "ha">{ents}]>'
            "<law_data_response><law_full_text><Law><LawNum>&l9;</LawNum></Law></law_full_text>"
            "</law_data_response>").encode()


def strip_declaration(data: bytes) -> bytes:
    return re.sub(rb"^<\?xml[^>]*\?>\s*", b"", data)
