"""The lawcode demo site: the sample ordinance (both versions), its 新旧対照表, the 改め文 and an impact page.

Build with ``make site`` (or ``sphinx-build -W -b html site site/_build/html``). With ``LAWCODE_CORPUS`` set
to the shared real-data corpus, the pages under ``corpus/`` are added: 個人情報保護法 (2020 and 2025 versions,
their 新旧対照表 and the impact on the 悉皆調査 procedures) and 地方公務員法.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

project = "lawcode demo site"
author = "lawcode team"
copyright = "lawcode team (fictional sample texts; e-Gov law data)"
language = "ja"
extensions = ["lawcode.sphinxext"]
root_doc = "index"
exclude_patterns = ["_build"]

CORPUS = os.environ.get("LAWCODE_CORPUS", "")
lawcode_roots = {"samples": str(ROOT / "corpus" / "samples"), "corpus": CORPUS}
if not CORPUS or not Path(CORPUS, "egov").is_dir():
    exclude_patterns.append("corpus/*")
    CORPUS = ""

_CORPUS_TOC = """

.. toctree::
   :maxdepth: 1
   :caption: 実在の法令（e-Gov 法令データ）
   :glob:

   corpus/*
"""


def _corpus_toc(app, docname, source):
    """List the corpus pages on the start page only when they are built (no empty toctree otherwise)."""
    if docname == "index" and CORPUS:
        source[0] += _CORPUS_TOC


def setup(app):
    app.connect("source-read", _corpus_toc)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

try:
    import furo  # noqa: F401

    html_theme = "furo"
except ImportError:  # pragma: no cover - the docs extra is not installed
    html_theme = "alabaster"
html_title = "lawcode demo site"
html_show_sourcelink = False
