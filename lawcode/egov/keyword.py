"""From a keyword hit's ``position`` to the provision of the loaded law that holds the sentence.

The API gives each matching sentence a ``position``. Usually it is an e-Gov path in the ``elm`` syntax
(``MainProvision-Article_21-Paragraph_3``), which :meth:`Law.find <lawcode.model.law.Law.find>` reads as it
is. Real responses also carry bare words — ``mainprovision``, ``supplprovision``, ``amendsupplprovision`` (a
附則 of an amending law) — and the sentence text may be cut at ``sentence_text_size`` characters. So a
position that is not a path (or that the law does not have) is resolved by the text instead: the deepest
provision, inside the part the word names, whose text contains the sentence's longest uncut piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcode.egov.models import Sentence
from lawcode.errors import AddressError
from lawcode.model.address import looks_like_path
from lawcode.model.law import Law
from lawcode.model.provision import Provision
from lawcode.text.normalize import normalize_for_match

__all__ = ["ResolvedSentence", "resolve_sentence"]

#: Bare words the API writes as positions → the e-Gov path prefix of the part they name.
_PART_WORDS = {
    "mainprovision": "MainProvision",
    "supplprovision": "SupplProvision",
    "amendsupplprovision": "SupplProvision[",
    "appdxtable": "Appdx",
}
_CUT = re.compile(r"[…‥]+|\.\.\.")


@dataclass(frozen=True, slots=True)
class ResolvedSentence:
    """A sentence of a keyword hit and the provision it was found in (``None`` when it could not be placed);
    ``by`` says how: ``"path"`` (the position read as an e-Gov path) or ``"text"`` (matched by its words)."""

    sentence: Sentence
    provision: Provision | None
    by: str | None


def resolve_sentence(law: Law, sentence: Sentence) -> ResolvedSentence:
    """Place *sentence* in *law* (see the module docstring)."""
    position = sentence.position.strip()
    if position and looks_like_path(position) and position.lower() not in _PART_WORDS:
        try:
            return ResolvedSentence(sentence, law.find(position), "path")
        except AddressError:
            pass
    prefix = _PART_WORDS.get(position.lower(), "")
    needle = _needle(sentence.plain)
    if not needle:
        return ResolvedSentence(sentence, None, None)
    best: Provision | None = None
    best_depth = -1
    for p in law.provisions():
        path = p.path or ""
        if prefix and not path.startswith(prefix):
            continue
        if needle in normalize_for_match(p.text()):
            depth = path.count("-")
            if depth > best_depth:
                best, best_depth = p, depth
    return ResolvedSentence(sentence, best, "text" if best is not None else None)


def _needle(text: str) -> str:
    """The longest uncut piece of a sentence, normalised the way provision texts are compared."""
    pieces = [piece.strip() for piece in _CUT.split(text)]
    longest = max(pieces, key=len, default="")
    return normalize_for_match(longest)[:60]
