"""Amendments (改め文): parse amending texts into typed operations and apply them exactly (溶け込み).

::

    import lawcode
    result = lawcode.amend(base, text)            # or scope="only:第十六条の十一第一項"
    result.law                                     # the new version (base is unchanged)
    for entry in result.log: print(entry)          # what each operation did, with addresses
    lawcode.parse_amendment(text)                  # the typed operations, each with its sentence's span

Application is atomic: it runs in a :meth:`~lawcode.model.law.Law.draft`, and any failure raises
:class:`~lawcode.errors.AmendError` naming the sentence, the operation, the target and why.
"""

from lawcode.amend.amendment import Amendment, Move, ParsedPart, amend, parse_amendment, parse_parts
from lawcode.amend.apply import LogEntry
from lawcode.amend.dangling import Dangling, dangling
from lawcode.amend.generate import Kaimebun, kaimebun
from lawcode.amend.operations import (
    Add,
    AddSentence,
    AttachCaption,
    Delete,
    DeletePhrase,
    InsertPhrase,
    Loc,
    Operation,
    Range,
    Renumber,
    ReplacePhrase,
    ReplaceWhole,
    SetText,
    Shift,
    Span,
    Step,
)
from lawcode.amend.scope import Scope

__all__ = [
    "amend",
    "parse_amendment",
    "parse_parts",
    "Amendment",
    "Move",
    "ParsedPart",
    "LogEntry",
    "Dangling",
    "dangling",
    "Kaimebun",
    "kaimebun",
    "Scope",
    "Operation",
    "ReplacePhrase",
    "DeletePhrase",
    "InsertPhrase",
    "SetText",
    "AttachCaption",
    "Delete",
    "ReplaceWhole",
    "Add",
    "AddSentence",
    "Renumber",
    "Shift",
    "Loc",
    "Range",
    "Step",
    "Span",
]
