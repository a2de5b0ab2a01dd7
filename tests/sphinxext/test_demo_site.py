"""The demo site (site/) builds with -W, from the samples alone and, with the corpus, with the real laws."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testsupport import ROOT, require_corpus

SITE = ROOT / "site"


def _build(out: Path, corpus: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LAWCODE_CORPUS=corpus)
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-E", "-b", "html",
                           str(SITE), str(out)], capture_output=True, text=True, env=env, cwd=ROOT)


def test_demo_site_builds_without_warnings(tmp_path):
    run = _build(tmp_path, "")
    assert run.returncode == 0, run.stderr
    for page in ("index", "sakuragaoka", "sakuragaoka_r4", "shinkyu", "amendment", "impact", "law-laws",
                 "law-provisions"):
        assert (tmp_path / f"{page}.html").is_file(), page
    assert not (tmp_path / "corpus").exists()
    amendment = (tmp_path / "amendment.html").read_text(encoding="utf-8")
    assert 'href="sakuragaoka.html#MainProvision-Article_12"' in amendment


@pytest.mark.corpus
def test_demo_site_with_the_corpus_builds_without_warnings(tmp_path):
    corpus = require_corpus()
    run = _build(tmp_path, str(corpus))
    assert run.returncode == 0, run.stderr
    appi = (tmp_path / "corpus" / "appi.html").read_text(encoding="utf-8")
    assert 'id="MainProvision-Article_27-Paragraph_1"' in appi
    assert "この条を引用する規定" in appi
    impact = (tmp_path / "corpus" / "appi_impact.html").read_text(encoding="utf-8")
    assert "直接" in impact
    komuin = (tmp_path / "corpus" / "chiho_komuin.html").read_text(encoding="utf-8")
    assert "HR-001" in komuin  # grounds from the sample requirements
