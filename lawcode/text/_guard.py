"""Argument type guards for the public text utilities.

The text layer is an entry point like any other: a caller who passes ``None`` or an ``int`` where a string is
expected gets the function's own :class:`~lawcode.LawcodeError` subclass (which is then also a ``TypeError``)
naming what was expected, not an ``AttributeError`` from deep inside.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any, Callable, TypeVar

from lawcode.errors import LawcodeError, wrong_type

__all__ = ["expects"]

F = TypeVar("F", bound=Callable[..., Any])

_NAMES = {str: "a string", int: "an integer", date: "a date"}


def expects(kind: type | tuple[type, ...], error: type[LawcodeError]) -> Callable[[F], F]:
    """Decorator: the first argument must be an instance of *kind* (``bool`` never counts as ``int``)."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    wanted = " or ".join(_NAMES.get(k, k.__name__) for k in kinds)

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
            if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
                raise wrong_type(error)(f"{fn.__name__}() expects {wanted}, got {type(value).__name__} {value!r:.40}")
            return fn(value, *args, **kwargs)

        wrapper.__wrapped__ = fn
        return wrapper  # type: ignore[return-value]

    return decorate
