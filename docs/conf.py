"""Sphinx configuration for the lawcode documentation.

Build with ``make docs`` or::

    .venv/bin/sphinx-build -W --keep-going -q -b html docs docs/_build/html

Warnings are errors in CI, so keep the build at zero warnings. No extension here needs the network.

The analyst notebook (``notebooks/explore_law.ipynb``, linked into ``docs/notebooks/``) is executed afresh
by myst-nb at every build, in the project's kernel: on 地方公務員法 when ``LAWCODE_CORPUS`` points at the
shared corpus (``make docs`` sets it when ``../shared/corpus`` exists), otherwise on the sample ordinance.
An exception in a cell fails the build.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

# autodoc imports lawcode from the source tree, installed or not.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lawcode  # noqa: E402

# -- project -------------------------------------------------------------------------------------------------
project = "lawcode"
author = "lawcode team"
copyright = "lawcode team"
version = lawcode.__version__
release = lawcode.__version__
language = "en"

# -- general -------------------------------------------------------------------------------------------------
extensions = [
    "myst_nb",  # MyST Markdown (it includes myst_parser) and executed Jupyter notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "jupyter_execute", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
nitpicky = False
pygments_style = "sphinx"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- notebooks (myst-nb) -------------------------------------------------------------------------------------
nb_execution_mode = "force"          # always run: the page shows what the code does today, never stale output
nb_execution_raise_on_error = True   # a failing cell fails the build
nb_execution_timeout = 600           # 地方公務員法 loads in well under a second; leave room for slow CI machines
nb_execution_show_tb = True
nb_merge_streams = True

# -- autodoc -------------------------------------------------------------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# -- HTML ----------------------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"lawcode {release}"
html_show_sourcelink = False


# -- re-exported names ---------------------------------------------------------------------------------------
# The code cites its public names the short way (``:func:`lawcode.load```, ``:class:`lawcode.ParseError```,
# ``:func:`lawcode.io.canonical_xml```), while the API reference documents every object once, in the module
# that defines it. This hook sends such a reference to the place where the object is documented.
def _resolve_reexport(app, env, node, contnode):
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if not target.startswith("lawcode."):
        return None
    module_name, _, attr = target.rpartition(".")
    obj = None
    while module_name:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            attr = module_name.rpartition(".")[2] + "." + attr
            module_name = module_name.rpartition(".")[0]
            continue
        obj = module
        for part in attr.split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                break
        break
    if obj is None:
        return None
    home = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if not home or not qualname:
        return None
    canonical = f"{home}.{qualname}"
    if canonical == target:
        return None
    domain = env.get_domain("py")
    builder = app.builder
    for role in (node.get("reftype"), "obj"):
        new = node.deepcopy()
        new["reftarget"] = canonical
        found = domain.resolve_xref(env, node.get("refdoc", ""), builder, role, canonical, new, contnode)
        if found is not None:
            return found
    return None


# A lone ``*`` directly before a kanji is a wildcard in this project's docstrings (「*令」: any kind of 令), not
# the start of emphasis; escape it so that docutils neither warns nor renders the rest of the line in italics.
_WILDCARD_STAR = re.compile(r"(?<![\\*\w])\*(?=[\u3000-\u9fff])")


def _escape_wildcards(lines):
    for i, line in enumerate(lines):
        if "*" not in line or "``" in line:
            continue
        stars = [m.start() for m in _WILDCARD_STAR.finditer(line)]
        if stars and line.count("*") == len(stars):
            lines[i] = _WILDCARD_STAR.sub(r"\\*", line)


# napoleon reads the first line of a property or attribute docstring as Google-style ``type: description``.
# lawcode's docstrings are prose with type annotations, so a first line such as "見出し: ``ArticleCaption`` …"
# or "The underlying lxml element (shared storage: read, do not modify)." would be cut at its colon. Keep the
# docstring as written when the part napoleon took for a type is evidently prose.
_SAVED: dict[str, list[str]] = {}
_PROSE = re.compile(r"[^\x00-\x7f]|\w\s+[\w`(]")


def _before_napoleon(app, what, name, obj, options, lines):
    _escape_wildcards(lines)
    if what in ("attribute", "property", "data"):
        _SAVED[name] = list(lines)


def _after_napoleon(app, what, name, obj, options, lines):
    original = _SAVED.pop(name, None)
    if original is None or not any(line.startswith(":type:") for line in lines):
        return
    first = next((line for line in original if line.strip()), "")
    head = first.partition(":")[0]
    for word in (" or ", " of ", ", optional"):
        head = head.replace(word, ",")
    if _PROSE.search(head):
        lines[:] = original


def setup(app):
    app.connect("missing-reference", _resolve_reexport)
    app.connect("autodoc-process-docstring", _before_napoleon, priority=400)
    app.connect("autodoc-process-docstring", _after_napoleon, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
