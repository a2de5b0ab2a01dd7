"""A small Sphinx project builder for the lawcode.sphinxext tests (sphinx.testing's SphinxTestApp)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Callable

import pytest

pytest.importorskip("sphinx")
from sphinx.testing.util import SphinxTestApp  # noqa: E402

from testsupport import SAMPLES  # noqa: E402

CONF = """
extensions = ["lawcode.sphinxext"]
language = "ja"
html_theme = "basic"
lawcode_roots = {{"samples": {samples!r}}}
"""


class Project:
    """A throw-away Sphinx project: write pages, build, read the HTML and the warnings."""

    def __init__(self, root: Path) -> None:
        self.src = root / "src"
        self.src.mkdir(parents=True)
        self.out = root / "out"
        (self.src / "conf.py").write_text(CONF.format(samples=str(SAMPLES)), encoding="utf-8")
        self.warnings = ""
        self.status = ""
        self.read_docs: list[str] = []

    def page(self, name: str, text: str) -> None:
        (self.src / f"{name}.rst").write_text(text, encoding="utf-8")

    def copy(self, source: Path, name: str | None = None) -> Path:
        target = self.src / (name or source.name)
        shutil.copy(source, target)
        return target

    def build(self, parallel: int = 0, fresh: bool = False) -> SphinxTestApp:
        status, warning = io.StringIO(), io.StringIO()
        app = SphinxTestApp("html", srcdir=self.src, builddir=self.out, status=status, warning=warning,
                            parallel=parallel, freshenv=fresh)
        read: list[str] = []
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
        try:
            app.build()
        finally:
            app.cleanup()
        self.read_docs = read
        self.warnings = warning.getvalue()
        self.status = status.getvalue()
        return app

    def html(self, name: str) -> str:
        return (self.out / "html" / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Project]:
    """Make a fresh project under tmp_path (``project("other")`` for a second one in the same test)."""
    return lambda name="site": Project(tmp_path / name)
