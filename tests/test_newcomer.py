"""A newcomer's paths: install instructions, the notebook, its place in the docs, the corpus closing line."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib

import pytest

import lawcode

from testsupport import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore_law.ipynb"


def _extras() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["optional-dependencies"]


def _cells(kind: str) -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == kind]


# -- README ------------------------------------------------------------------------------------------------------
def test_readme_install_commands_name_existing_extras():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("pip install")]
    assert any("-e " in c for c in commands) and any("[notebooks]" in c for c in commands)
    named = {m for c in commands for m in re.findall(r"\[([\w,-]+)\]", c)}
    assert named <= set(_extras()), named - set(_extras())


def test_notebooks_extra_has_what_the_notebook_imports():
    names = {re.split(r"[<>=\[ ;]", d, maxsplit=1)[0].lower() for d in _extras()["notebooks"]}
    assert {"ipykernel", "pandas", "matplotlib", "matplotlib-fontja"} <= names
    imported = set()
    for source in _cells("code"):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                imported.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"lawcode"}
    assert {m.replace("_", "-") for m in third_party} <= names, third_party


# -- the notebook ------------------------------------------------------------------------------------------------
def test_notebook_uses_only_the_public_api():
    public = set(lawcode.__all__)
    for source in _cells("code"):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("lawcode"), f"from {node.module} import …: use `import lawcode`"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("lawcode."), alias.name
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "lawcode":
                assert node.attr in public, f"lawcode.{node.attr} is not in lawcode.__all__"


def test_notebook_starts_with_a_prelude():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    assert cells[0]["cell_type"] == "markdown"
    prelude = "".join(cells[0]["source"])
    for part in ("What this shows", "For whom", "How to open it"):
        assert part in prelude


def test_notebook_is_stored_without_outputs():
    """Outputs are produced by running it (nbmake, docs build); stored outputs would go stale."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code")


def test_docs_render_the_notebook():
    linked = ROOT / "docs" / "notebooks" / "explore_law.ipynb"
    assert linked.resolve() == NOTEBOOK.resolve()
    assert "notebooks/explore_law" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    assert '"myst_nb"' in conf and 'nb_execution_mode = "force"' in conf


# -- the closing line of a test run ------------------------------------------------------------------------------
@pytest.mark.parametrize("workers", [None, "2"], ids=["serial", "xdist"])
def test_run_without_corpus_ends_with_the_reason(workers):
    env = {k: v for k, v in os.environ.items() if k not in ("LAWCODE_CORPUS", "LAWCODE_REQUIRE_CORPUS")}
    command = [sys.executable, "-m", "pytest", "tests/test_corpus_sweep.py", "-k", "roundtrip", "-q",
               "-p", "no:cacheprovider"]
    if workers:
        command += ["-n", workers]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert done.returncode == 0, done.stdout[-2000:]
    assert "got empty parameter set" not in done.stdout
    assert lines[-1].startswith("corpus tests: 0 ran, "), lines[-3:]
    assert "LAWCODE_CORPUS is not set" in lines[-1]


def test_run_that_requires_the_corpus_fails_without_it():
    env = {k: v for k, v in os.environ.items() if k != "LAWCODE_CORPUS"} | {"LAWCODE_REQUIRE_CORPUS": "1"}
    command = [sys.executable, "-m", "pytest", "tests/test_corpus_sweep.py", "-k", "roundtrip", "-q",
               "-p", "no:cacheprovider"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert done.returncode != 0
    assert lines[-1].startswith("corpus tests: 0 ran, 1 error"), lines[-3:]
    assert "LAWCODE_REQUIRE_CORPUS=1 forbids skipping" in lines[-1]
