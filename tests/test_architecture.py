"""Imports point downwards only: errors → text → model → io → (analysis → impact) → cli.

A module may import lawcode modules of its own layer or of layers below it, never above. Checked on the
source with ``ast`` so that a violation fails here before it becomes a cycle somewhere else.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from testsupport import ROOT

PACKAGE = ROOT / "lawcode"
#: Layer rank of each top-level part of the package (higher may import lower).
RANK = {
    "errors": 0,
    "grammars": 0,
    "_version": 0,
    "text": 1,
    "model": 2,
    "io": 3,
    "egov": 3,
    "refs": 4,
    "diff": 4,
    "amend": 4,
    "impact": 5,
    "corpus": 5,
    "cli": 6,
    "sphinxext": 6,
    "__init__": 7,
    "__main__": 7,
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_downwards(path):
    rel = path.relative_to(ROOT).with_suffix("")
    module = ".".join(rel.parts)
    if module.endswith(".__init__"):
        module = module[: -len(".__init__")] if module != "lawcode.__init__" else "lawcode.__init__"
    own = RANK[_layer(module) if module != "lawcode.__init__" else "__init__"]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            if not name.startswith("lawcode.") and name != "lawcode":
                continue
            target = RANK[_layer(name)] if name != "lawcode" else RANK["__init__"]
            assert target <= own, f"{module} imports {name}: a lower layer must not import a higher one"


def test_every_layer_is_known():
    for path in _modules():
        rel = path.relative_to(PACKAGE)
        top = rel.parts[0].removesuffix(".py")
        assert top in RANK, f"lawcode/{rel}: add its layer to RANK"
