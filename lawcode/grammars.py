"""Access to the lark grammars shipped with the package.

The grammars are data (``grammars/*.lark`` at the repository root). In a wheel they are installed as
``lawcode/grammars/`` (see ``pyproject.toml``); in a source checkout they are read from the repository root.
Parsers are built once per process and cached.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from lark import Lark

__all__ = ["grammar_text", "lark_parser"]


def _grammar_path(name: str) -> Path | None:
    packaged = resources.files("lawcode").joinpath("grammars", name)
    if packaged.is_file():
        return Path(str(packaged))
    source = Path(__file__).resolve().parent.parent / "grammars" / name
    return source if source.is_file() else None


def grammar_text(name: str) -> str:
    """The text of grammar *name* (e.g. ``"citation.lark"``)."""
    path = _grammar_path(name)
    if path is None:
        raise FileNotFoundError(f"lawcode grammar {name!r} is missing from the installation")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def lark_parser(name: str, parser: str = "lalr") -> Lark:
    """A cached :class:`lark.Lark` parser for grammar *name*."""
    return Lark(grammar_text(name), parser=parser, maybe_placeholders=False)
