"""Argument type guards for the public text utilities.

The text layer is an entry point like any other: a caller who passes ``None`` or an ``int`` where a string is
expected gets the function's own :class:`~lawcode.LawcodeError` subclass (which is then also a ``TypeError``)
naming what was expected, not an ``AttributeError`` from deep inside.
"""

from __future__ import annotations

import functools
import inspect
from datetime import date
from typing import Any, Callable, TypeVar

from lawcode.errors import LawcodeError, wrong_type

__all__ = ["expects"]

F = TypeVar("F", bound=Callable[..., Any])

_NAMES = {str: "a string", int: "an integer", date: "a date"}


def expects(kind: type | tuple[type, ...], error: type[LawcodeError]) -> Callable[[F], F]:
    """Decorator: the first argument must be an instance of *kind* (``bool`` never counts as ``int``).

    A function of one argument gets a wrapper of one argument: the text utilities are called hundreds of
    thousands of times in a corpus scan (numerals, law numbers, normalisation), and packing ``*args`` and
    ``**kwargs`` for each call cost more than the check itself."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    wanted = " or ".join(_NAMES.get(k, k.__name__) for k in kinds)
    no_bool = int in kinds and bool not in kinds

    def decorate(fn: F) -> F:
        def refuse(value: Any) -> LawcodeError:
            return wrong_type(error)(f"{fn.__name__}() expects {wanted}, got {type(value).__name__} {value!r:.40}")

        wrapper: Callable[..., Any]
        if _takes_one_argument(fn):
            def wrapper(value: Any) -> Any:
                if not isinstance(value, kinds) or (no_bool and isinstance(value, bool)):
                    raise refuse(value)
                return fn(value)
        else:
            def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
                if not isinstance(value, kinds) or (no_bool and isinstance(value, bool)):
                    raise refuse(value)
                return fn(value, *args, **kwargs)

        functools.update_wrapper(wrapper, fn)
        return wrapper  # type: ignore[return-value]

    return decorate


def _takes_one_argument(fn: Callable[..., Any]) -> bool:
    """Whether *fn* (or the function it wraps, such as an ``lru_cache``) has exactly one parameter, positional."""
    params = list(inspect.signature(fn).parameters.values())
    return len(params) == 1 and params[0].kind in (inspect.Parameter.POSITIONAL_ONLY,
                                                   inspect.Parameter.POSITIONAL_OR_KEYWORD)
