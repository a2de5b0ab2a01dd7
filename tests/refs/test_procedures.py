"""Procedures report (issue 6 item 8): every 根拠条項号 of the survey resolved or classified by cause."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcode.refs.library import Library
from lawcode.refs.procedures import STATUSES, resolve_procedures, summarize

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
TITLE = "桜ヶ丘市個人情報の保護に関する条例"
NUMBER = "令和二年桜ヶ丘市条例第十二号"


def row(citation: str, title: str = TITLE, number: str = NUMBER, pid: str = "1") -> dict[str, str]:
    return {"手続ID": pid, "法令名": title, "法令番号": number, "根拠条項号": citation}


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(SAMPLES)


def test_each_cause_on_the_sample(library):
    rows = [
        row("第3条の2第2項"),              # resolved as written
        row("第3の2条第2項"),              # resolved after a repair
        row("第99条"),                     # the provision is not in this version
        row("改正附則第3条"),              # a data error lenient reading cannot repair
        row(""),                           # empty
        row("第1条", title="存在しない法律", number="令和九年法律第九百号"),  # law not in the library
        row("第1条", title=TITLE, number=""),  # found by title alone
    ]
    result = resolve_procedures(rows, library, as_frame=False)
    assert [r.status for r in result] == [
        "resolved", "resolved", "not_in_version", "data_error", "data_error", "law_not_in_library", "resolved",
    ]
    assert result[0].path == "MainProvision-Article_3_2-Paragraph_2" and result[0].repairs == ""
    assert "branch number" in result[1].repairs
    assert "第九十九条" in result[2].reason
    summary = summarize(result)
    assert summary["rows"] == 7 and summary["law_in_library"] == 6 and summary["repaired"] == 1
    assert summary["parser"] == 0 and set(STATUSES) <= set(summary)


def test_newest_version_of_the_sample_is_used(library):
    # 第五条の二 exists in both versions; the v2 file (amended 令和五年) is the newest
    assert library.entry(TITLE).path.name == "sakuragaoka_jorei_v2.xml"


def test_well_formed_but_unread_would_count_as_parser(library, monkeypatch):
    import lawcode.refs.procedures as procedures
    from lawcode.errors import CitationError

    def broken(text, lenient=False):
        raise CitationError("simulated parser bug", citation=text)

    monkeypatch.setattr(procedures, "parse_citation", broken)
    result = resolve_procedures([row("第3条第1項"), row("第-条")], library, as_frame=False)
    assert [r.status for r in result] == ["parser", "data_error"]


@pytest.mark.corpus
def test_survey_over_the_corpus(corpus):
    """The figures of docs/procedures.md; "parser" must stay zero."""
    result = resolve_procedures(corpus / "procedures", Library(corpus), as_frame=False)
    summary = summarize(result)
    assert summary["parser"] == 0, [(r.citation, r.reason) for r in result if r.status == "parser"][:20]
    assert summary["rows"] == 75071
    assert summary["law_in_library"] == 12919
    assert summary["resolved"] == 12114
    assert summary["not_in_version"] == 785
    assert summary["data_error"] == 20
    assert summary["repaired"] == 186
