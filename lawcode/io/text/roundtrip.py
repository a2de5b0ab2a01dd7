"""Check that a law survives the plain-text round trip: ``parse_text(law.to_text())`` has the same provisions.

"The same" is what the text can carry: every provision's e-Gov path, Japanese label, caption and own sentences
(:meth:`Provision.own_text`). Attributes the printed text does not show (``Num`` of an appendix, ``Hide``,
table cell borders) are not compared; docs/plaintext.md lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawcode.errors import ParseError
from lawcode.io.text.law_reader import parse_text
from lawcode.model.law import Law
from lawcode.model.text_layout import law_text

__all__ = ["TextDifference", "TextRoundTrip", "text_roundtrip"]


@dataclass(frozen=True, slots=True)
class TextDifference:
    """One provision that differs: ``what`` is ``missing``, ``extra``, ``label``, ``caption`` or ``text``."""

    path: str
    what: str
    expected: str | None
    got: str | None


@dataclass(frozen=True, slots=True)
class TextRoundTrip:
    """Outcome of :func:`text_roundtrip`: ``ok`` when nothing differs; ``error`` when the text did not parse."""

    provisions: int
    differences: tuple[TextDifference, ...] = field(default=())
    error: ParseError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.differences


def _signature(law: Law) -> dict[str, tuple[str | None, str | None, str]]:
    return {str(p.path): (p.label, p.caption, p.own_text()) for p in law.provisions()}


def text_roundtrip(law: Law) -> TextRoundTrip:
    """Write *law* as text, read it back and compare the provisions (see the module docstring)."""
    expected = _signature(law)
    try:
        back = parse_text(law_text(law.root.element), law.source)
    except ParseError as exc:
        return TextRoundTrip(len(expected), (), exc)
    got = _signature(back)
    diffs: list[TextDifference] = []
    for path, (label, caption, text) in expected.items():
        other = got.get(path)
        if other is None:
            diffs.append(TextDifference(path, "missing", label, None))
            continue
        if other[0] != label:
            diffs.append(TextDifference(path, "label", label, other[0]))
        if other[1] != caption:
            diffs.append(TextDifference(path, "caption", caption, other[1]))
        if other[2] != text:
            diffs.append(TextDifference(path, "text", text, other[2]))
    for path, (label, _, _) in got.items():
        if path not in expected:
            diffs.append(TextDifference(path, "extra", None, label))
    return TextRoundTrip(len(expected), tuple(diffs))
