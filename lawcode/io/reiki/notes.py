"""Editorial notes of a 例規集 page (改正沿革注記, 施行注記) as metadata of the converted law.

「(平17条例31・平24条例2・一部改正)」 under an article records which ordinances amended it, and
「(旧第9条の2繰上)」 its renumbering: lineage data, but not text of the law — the schema has no element for
it and putting it into a ``Sentence`` would make it law. The notes therefore ride in the law's
:class:`~lawcode.model.revision.Revision` (``origin`` ``"reiki/…"``), in ``Revision.extra`` as pairs
``("note:" + provision path, text)`` — a provision may have several, in page order — which survives pickling
and copying with the law. :func:`notes` gives them back as a mapping from path to notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.model.law import Law

__all__ = ["NOTE_PREFIX", "notes", "note_pairs"]

#: Key prefix of a note in ``Revision.extra``.
NOTE_PREFIX = "note:"


def note_pairs(by_path: Mapping[str, Iterable[str]]) -> tuple[tuple[str, str], ...]:
    """``Revision.extra`` pairs for notes keyed by provision path."""
    return tuple((NOTE_PREFIX + path, text) for path, texts in by_path.items() for text in texts)


def notes(law: "Law") -> dict[str, tuple[str, ...]]:
    """The editorial notes of a law converted from a 例規集 page: provision path → notes, in page order.

    Empty for a law from e-Gov XML. Use ``law.find(path)`` to get the provision a note belongs to.
    """
    revision = law.revision
    out: dict[str, list[str]] = {}
    if revision is None:
        return {}
    for key, value in revision.extra:
        if key.startswith(NOTE_PREFIX) and value is not None:
            out.setdefault(key[len(NOTE_PREFIX):], []).append(value)
    return {path: tuple(texts) for path, texts in out.items()}
