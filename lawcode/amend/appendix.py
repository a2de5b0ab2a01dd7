"""別表 and other appendices as the text an 改め文 quotes: 「別表第一を次のように改める。」 followed by the table.

An appendix is written in the text layout of :mod:`lawcode.model.text_layout` (title line, 「（第三条関係）」
line, tables in the table notation 「｜区分｜金額｜」, 号, 備考; docs/plaintext.md) and read back with the
whole-law text reader (:func:`lawcode.io.text.parse_text`), which knows appendices — the fragment reader of
quoted provisions does not.

The text does not say which layout attributes the e-Gov XML writes on the elements of an appendix
(``WritingMode`` on a title or a cell's sentence, a ``Num`` on the single sentence of a cell). New elements
take them from their neighbours: :func:`conform` gives each new element the attributes that elements of the
same tag *in the same context* (the same parent tag; for a sentence, also whether it stands alone) carry in the base law — the rule the applier follows for
every new provision (:func:`lawcode.amend.apply._learn_defaults`), applied by context because the
conventions of a table cell and of a 条 differ within one law. Both the generator (to check that a text reads
back exactly before writing it) and the applier use these functions, so they agree by construction.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from lawcode.amend.locate import appendix_num
from lawcode.amend.tables import CellDefaults, read_cell_notes, write_cell_notes
from lawcode.errors import LawcodeError, ParseError
from lawcode.io.text import parse_text
from lawcode.model.render import FIG_PLACEHOLDER
from lawcode.model.text_layout import provision_text_lines

__all__ = ["APPENDIX_TAGS", "FIG_LINE", "Profile", "conform", "give_number", "learn_profile", "read_appendices", "write_appendix"]

#: Appendix elements of a ``LawBody`` that an 改め文 can replace, add or delete as a whole.
APPENDIX_TAGS = ("AppdxTable", "AppdxStyle", "AppdxFormat", "AppdxNote", "AppdxFig", "Appdx")
#: Attributes taken from the neighbours: layout only, never the text.
_LAYOUT = ("WritingMode", "Num")
#: The tags whose ``Num`` is layout (a sentence's position); every other ``Num`` is a number and kept.
_NUM_IS_LAYOUT = frozenset({"Sentence"})
_STUB = "（注）\n第一条　（注）\n"

#: A sentence in a table cell, when the base law has no table: no attributes, as in most e-Gov exports (10,884
#: of 15,638 cell sentences in the shared corpus carry none; sentences outside tables mostly carry both).
_CELL_DEFAULT = {("Sentence", "TableColumn/" + n): {"Num": (0, 1, ""), "WritingMode": (0, 1, "")}
                 for n in ("alone", "several")}

#: (tag, parent tag) (:func:`_context`) → attribute → (elements of that context with it, elements without it, most common value).
Profile = dict[tuple[str, str], dict[str, tuple[int, int, str]]]


def write_appendix(e: etree._Element, cells: CellDefaults | None = None) -> str:
    """The lines of appendix *e* as an 改め文 quotes them, table cells with their cell notes
    (:mod:`lawcode.amend.tables`; *cells* are the base law's usual cell attributes). A figure standing on a line
    of its own (a 様式 drawn as a PDF or image) is written 「［図　./pict/….pdf］」 — it names the figure's file, the
    text form of the figure a printed 改め文 shows (:data:`FIG_LINE`). Raises ``ValueError`` when *e* holds
    something the text cannot carry (an image, a figure inside a sentence, an empty appendix)."""
    if next(e.iter("Img"), None) is not None:
        raise ValueError("an image: the text has no form for it")
    lines = provision_text_lines(write_cell_notes(e, cells or {}))
    if not lines:
        raise ValueError("an empty appendix")
    figures = list(e.iter("Fig"))
    at = [i for i, line in enumerate(lines) if line == FIG_PLACEHOLDER]
    if len(at) != len(figures):
        if any(f.get("src") for f in figures):
            raise ValueError("a figure inside a sentence: the text only prints 「［図］」")
    else:
        for i, fig in zip(at, figures, strict=True):
            src = fig.get("src")
            if src:
                if not _SRC.fullmatch(src) or set(fig.attrib) != {"src"}:
                    raise ValueError(f"a figure whose file name has no text form: {src!r}")
                lines[i] = f"［図\u3000{src}］"
    return "\n".join(lines)


#: 「［図　./pict/H19F10003040001_1907181007_001.pdf］」: a figure line naming its file (``Fig/@src``).
FIG_LINE = re.compile(r"^［図\u3000([^\s\u3000［］「」]+)］$")
_SRC = re.compile(r"[^\s\u3000［］「」]+")


def _figure_sources(text: str) -> tuple[str, list[str | None]]:
    """*text* with each figure line 「［図　src］」 printed 「［図］」 (as the text reader knows it), and the ``src``
    of every figure line in order (``None`` for a bare 「［図］」)."""
    out, sources = [], []
    for line in text.split("\n"):
        m = FIG_LINE.match(line)
        if m is not None:
            sources.append(m.group(1))
            line = FIG_PLACEHOLDER
        elif line == FIG_PLACEHOLDER:
            sources.append(None)
        out.append(line)
    return "\n".join(out), sources


def _give_sources(appendices: list[etree._Element], sources: list[str | None], source: str) -> None:
    figures = [f for a in appendices for f in a.iter("Fig")]
    if not any(sources):
        return
    if len(figures) != len(sources):
        raise ParseError(f"{len(sources)} figure lines 「［図　…］」 but {len(figures)} figures read", source=source)
    for fig, src in zip(figures, sources, strict=True):
        if src:
            fig.set("src", src)


def read_appendices(text: str, profile: Profile, cells: CellDefaults | None = None, *,
                    source: str = "<text>") -> list[etree._Element]:
    """The appendices written in *text* (by :func:`write_appendix`), as new elements made to look like the base
    law's (:func:`conform` with *profile*). Raises :class:`~lawcode.errors.ParseError` when the text holds
    anything but appendices."""
    text, sources = _figure_sources(text)
    try:
        law = parse_text(_STUB + text + "\n", source=source)
    except LawcodeError as exc:
        raise ParseError(f"cannot read the appendix text: {exc}", source=source) from None
    body = law.root.element.find("LawBody")
    assert body is not None
    out = [c for c in body if isinstance(c.tag, str) and c.tag in APPENDIX_TAGS]
    others = [c for c in body if isinstance(c.tag, str) and c.tag not in APPENDIX_TAGS + ("LawTitle", "MainProvision")]
    if not out or others:
        raise ParseError("the text is not one or more appendices (別表, 様式 …)", source=source)
    out = [copy.deepcopy(c) for c in out]
    for c in out:
        c.tail = None
        read_cell_notes(c, cells or {})
        conform(c, profile)
    _give_sources(out, sources, source)
    return out


def give_number(new: etree._Element, old: etree._Element | None, body: etree._Element) -> None:
    """The ``Num`` of a new appendix, which its text does not carry: the one of the appendix it replaces
    (*old*), or for an added one the number of its title when the law's other appendices of that kind have a
    ``Num`` (most exports give 別表 none)."""
    if old is not None:
        if old.get("Num") is not None:
            new.set("Num", old.get("Num") or "")
        return
    peers = [e for e in body.findall(str(new.tag)) if e is not new]
    if peers and sum(e.get("Num") is not None for e in peers) * 2 > len(peers):
        num = appendix_num(new)
        if num is not None:
            new.set("Num", num)


def learn_profile(body: etree._Element) -> Profile:
    """How often the base law writes each layout attribute on each (tag, parent tag)."""
    counts: dict[tuple[str, str], dict[str, dict[str, int]]] = {}
    seen: dict[tuple[str, str], int] = {}
    for e in body.iter():
        if not isinstance(e.tag, str) or e.getparent() is None:
            continue
        key = _context(e)
        seen[key] = seen.get(key, 0) + 1
        for name in _LAYOUT:
            value = e.get(name)
            if value is not None and (name != "Num" or e.tag in _NUM_IS_LAYOUT):
                per = counts.setdefault(key, {}).setdefault(name, {})
                per[value] = per.get(value, 0) + 1
    for (tag, _), per_key in list(counts.items()):  # by tag alone, for contexts the base law does not have
        for name, values in per_key.items():
            into = counts.setdefault((tag, "*"), {}).setdefault(name, {})
            for value, k in values.items():
                into[value] = into.get(value, 0) + k
    for (tag, _where), n in list(seen.items()):
        seen[(tag, "*")] = seen.get((tag, "*"), 0) + n
    out: Profile = {}
    for key, n in seen.items():
        for name in _LAYOUT:
            if name == "Num" and key[0] not in _NUM_IS_LAYOUT:
                continue
            values = counts.get(key, {}).get(name, {})
            with_it = sum(values.values())
            common = max(values.items(), key=lambda kv: kv[1])[0] if values else ""
            out.setdefault(key, {})[name] = (with_it, n - with_it, common)
    return out


def conform(element: etree._Element, profile: Profile) -> None:
    """Give *element* and its descendants the layout attributes their context carries in the base law: set
    where most elements of the same (tag, parent tag) have it, removed where most do not; in a context the base
    law does not have, as most elements of the same tag anywhere (a sentence in a table cell: without either); a tag the base law does not have keeps what
    the reader wrote."""
    for e in element.iter():
        if not isinstance(e.tag, str):
            continue
        key = _context(e)
        known = profile.get(key) or _CELL_DEFAULT.get(key) or profile.get((key[0], "*"), {})
        for name, (with_it, without, common) in known.items():
            if with_it > without:
                if e.get(name) is None:
                    e.set(name, common if name != "Num" else str(_position(e)))
            elif without > with_it and e.get(name) is not None:
                del e.attrib[name]


def _context(e: etree._Element) -> tuple[str, str]:
    """(tag, parent tag) — for a ``Sentence`` also whether it stands alone, since e-Gov numbers the sentences of
    a group only when there are several."""
    parent = e.getparent()
    where = str(parent.tag) if parent is not None else ""
    if e.tag == "Sentence" and parent is not None:
        where += "/alone" if sum(1 for s in parent if s.tag == "Sentence") == 1 else "/several"
    return str(e.tag), where


def _position(e: etree._Element) -> int:
    parent = e.getparent()
    if parent is None:
        return 1
    return 1 + sum(1 for s in parent if s.tag == e.tag and parent.index(s) < parent.index(e))
