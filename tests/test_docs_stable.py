"""The API pages do not change between builds: module constants render the same under any hash seed.

Sets and frozensets iterate in an order that depends on ``PYTHONHASHSEED``; autodoc shows a module constant's
value with Sphinx's ``object_description``. Rendering every public constant of lawcode in two interpreters
with different seeds must give the same text, or the API page would differ from build to build.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from testsupport import ROOT

_SCRIPT = r"""
import importlib, pkgutil
import lawcode
from sphinx.util.inspect import object_description

for info in sorted(pkgutil.walk_packages(lawcode.__path__, "lawcode."), key=lambda i: i.name):
    if ".cli" in info.name or info.name.endswith("__main__"):
        continue
    module = importlib.import_module(info.name)
    for name, value in sorted(vars(module).items()):
        if name.startswith("_") or getattr(value, "__module__", None) is not None:
            continue
        if isinstance(value, (set, frozenset, dict, tuple, list)):
            print(info.name, name, object_description(value))
"""


def _render(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_module_constants_render_the_same_under_any_hash_seed():
    pytest.importorskip("sphinx")
    first = _render("1")
    assert "PROVISION_TAGS" in first
    assert _render("2") == first
    assert _render("3") == first
