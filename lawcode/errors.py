"""The lawcode error hierarchy.

Every public entry point raises a subclass of :class:`LawcodeError`, never a bare ``ValueError`` or an lxml
exception, so that callers can catch one type and still learn *where* the problem is (a file with line and
column, or a provision address) and *why*.

The module sits below every layer (it imports nothing from lawcode) so that all layers can raise these errors.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = [
    "LawcodeError",
    "ParseError",
    "AddressError",
    "NumeralError",
    "DateError",
    "LawNumberError",
    "AmendError",
    "TraceError",
    "DiffError",
    "ArgumentTypeError",
    "wrong_type",
    "CitationError",
    "LawNotFoundError",
    "NotALawError",
    "EgovError",
    "OfflineError",
    "ArchiveError",
    "CorpusError",
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
    """An amendment instruction (改め文) that cannot be applied exactly. The input law is left untouched.

    ``sentence`` is the 改正規定 as written, ``operation`` what it asked for (「字句の改正」…), ``target`` the
    provision it was applied to (``None`` when unknown); ``where`` is the position in the amendment text.
    """

    def __init__(self, reason: str, *, where: str | None = None, sentence: str | None = None,
                 operation: str | None = None, target: str | None = None) -> None:
        self.sentence = sentence
        self.operation = operation
        self.target = target
        super().__init__(reason, where=where)


class TraceError(LawcodeError):
    """Invalid traceability data (requirements, procedures, systems) or an impossible trace query."""


class ArgumentTypeError(LawcodeError, TypeError):
    """An argument of the wrong type (a ``bytes`` where a path is expected, an ``int`` where a citation is).

    Also a ``TypeError``, so that callers who follow Python conventions catch it; :func:`wrong_type` combines it
    with the function's own error class, so that ``except NumeralError`` still catches a wrong type passed to
    a numeral function.
    """


_COMBINED: dict[type[LawcodeError], type[LawcodeError]] = {}
_E = TypeVar("_E", bound=LawcodeError)


def wrong_type(error: type[_E]) -> type[_E]:
    """The error class to raise for a wrong argument type in a function whose own error class is *error*.

    The result is a subclass of both *error* and :class:`ArgumentTypeError` (hence of ``TypeError``).
    """
    if issubclass(error, ArgumentTypeError):
        return error
    if issubclass(ArgumentTypeError, error):  # LawcodeError itself
        return ArgumentTypeError  # type: ignore[return-value]
    combined = _COMBINED.get(error)
    if combined is None:
        combined = type(error.__name__, (error, ArgumentTypeError), {"__module__": error.__module__,
                                                                      "__doc__": error.__doc__})
        _COMBINED[error] = combined
    return combined  # type: ignore[return-value]


class CitationError(AddressError):
    """A standalone citation string (「第106条の24第3項」 as data sources write it) that cannot be read.

    ``citation`` is the text as given, ``position`` the 0-based index in it where reading failed (``None`` when
    the failure is not at one place, e.g. an ambiguous 改正附則).
    """

    def __init__(self, reason: str, *, citation: str, position: int | None = None) -> None:
        self.citation = citation
        self.position = position
        at = f" at position {position}" if position is not None else ""
        super().__init__(f"{reason}{at}", address=citation)
        self.reason = reason  # without the position, which has an attribute of its own


class NotALawError(ParseError):
    """A well-formed document that holds no law: an e-Gov API listing (``laws``, ``law_revisions``,
    ``updatelawlists``), an API error response, a schema, an HTML page.

    A :class:`ParseError` (callers that only want laws catch that); tools that walk folders catch this one to
    *skip* such files instead of reporting them as broken.
    """


class LawNotFoundError(LawcodeError, KeyError):
    """No law matches a title, law number or LawID — in a folder (:class:`lawcode.Library`) or at a source.

    ``query`` is what was asked for; ``suggestions`` are titles of laws that come close (may be empty).
    """

    def __init__(self, reason: str, *, query: str, suggestions: tuple[str, ...] = (), where: str | None = None) -> None:
        self.query = query
        self.suggestions = suggestions
        super().__init__(reason, where=where)

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return Exception.__str__(self)


class DiffError(LawcodeError):
    """A diff that cannot be computed or applied, e.g. :meth:`LawDiff.apply` given a law other than the diff's
    old version (``where`` names the element path where they part)."""


class EgovError(LawcodeError):
    """A request to the e-Gov 法令API that did not give what was asked (:mod:`lawcode.egov`).

    ``where`` is what was asked (``GET https://…/law_data/415AC0000000057?asof=2023-04-01``); the message says
    what came back. ``status`` is the HTTP status (``None`` when no response arrived), ``code`` the API's
    ``error_info`` code (``"404001"`` …) when it sent one, ``url`` the request URL.
    """

    def __init__(self, reason: str, *, url: str | None = None, status: int | None = None,
                 code: str | None = None, where: str | None = None) -> None:
        self.url = url
        self.status = status
        self.code = code
        super().__init__(reason, where=where or (f"GET {url}" if url else None))


class OfflineError(EgovError):
    """Offline mode (``offline=True``, ``--offline``) and the answer is not in the cache: names what is missing."""


class ArchiveError(EgovError):
    """A bulk-download archive that is broken or unsafe to unpack (path traversal, links, a zip bomb)."""


class CorpusError(LawcodeError):
    """A corpus that cannot be read or processed (no laws in the folder, an unsafe archive member, a scheduler
    that cannot be reached); ``where`` names the folder, archive member or scheduler address."""
