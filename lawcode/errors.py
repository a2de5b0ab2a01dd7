"""The lawcode error hierarchy.

Every public entry point raises a subclass of :class:`LawcodeError`, never a bare ``ValueError`` or an lxml
exception, so that callers can catch one type and still learn *where* the problem is (a file with line and
column, or a provision address) and *why*.

The module sits below every layer (it imports nothing from lawcode) so that all layers can raise these errors.
"""

from __future__ import annotations

__all__ = [
    "LawcodeError",
    "ParseError",
    "AddressError",
    "NumeralError",
    "DateError",
    "LawNumberError",
    "AmendError",
    "TraceError",
]


class LawcodeError(Exception):
    """Base class of all lawcode errors.

    ``where`` is a human-readable location (``"file.xml:12:5"`` or a provision address such as
    ``"第三条第二項"``) or ``None``; ``reason`` is the bare explanation without the location.
    """

    def __init__(self, reason: str, *, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class ParseError(LawcodeError):
    """Input that is not a well-formed, safe e-Gov law document.

    Carries ``source`` (file name or ``"<bytes>"``), ``line`` and ``column`` (1-based; ``None`` when unknown).
    """

    def __init__(
        self, reason: str, *, source: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.source = source or "<input>"
        self.line = line
        self.column = column
        where = self.source
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(reason, where=where)


class AddressError(LawcodeError, KeyError):
    """A provision address (e-Gov path or Japanese citation) that is malformed or does not exist.

    ``address`` is the address asked for; ``nearest`` is the label/path of the nearest existing ancestor
    (``None`` if not even the first step exists).
    """

    def __init__(self, reason: str, *, address: str, nearest: str | None = None) -> None:
        self.address = address
        self.nearest = nearest
        super().__init__(reason, where=address)

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return Exception.__str__(self)


class NumeralError(LawcodeError, ValueError):
    """A string that is not a valid kanji / Arabic / iroha numeral (or a number that cannot be written)."""


class DateError(LawcodeError, ValueError):
    """An invalid Japanese era date (和暦), e.g. 平成三十二年 or 令和元年四月一日."""


class LawNumberError(LawcodeError, ValueError):
    """A law number (法令番号), amending-law number or e-Gov LawID that cannot be read."""


class AmendError(LawcodeError):
    """An amendment instruction (改め文) that cannot be applied exactly. The input law is left untouched."""


class TraceError(LawcodeError):
    """Invalid traceability data (requirements, procedures, systems) or an impossible trace query."""
