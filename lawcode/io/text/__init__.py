"""Plain-text statutes: read provisions written as text into e-Gov XML elements.

Amendment sentences quote the new provisions as plain text (「第十七条の二　…」「２　…」「一　…」); this package
turns such fragments into ``<Article>``/``<Paragraph>``/``<Item>`` … elements that look like e-Gov's, so that an
amended law compares equal to the official consolidated text. It reads the national vertical style (第十条, ２,
一, イ, （１）) and the horizontal municipal style with Arabic numerals (第3条, 2, (1), ア), and a 目次 written as
text (:func:`read_toc`).

Whole laws: :func:`parse_text` reads a statute printed as text (題名, 法令番号, 目次, 本則, 附則, 別表 — or a bill
or 改め文 as submitted) into a :class:`~lawcode.model.law.Law`; :func:`to_text` (the same as
:meth:`Law.to_text <lawcode.model.law.Law.to_text>`) writes one. The layout is described in docs/plaintext.md.
"""

from lawcode.io.text.law_reader import TextEntry, classify, parse_text
from lawcode.io.text.reader import FragmentStyle, TextLine, fill_sentences, read_fragment, read_lines, split_sentences
from lawcode.io.text.toc import read_toc
from lawcode.model.law import Law
from lawcode.model.text_layout import law_text


def to_text(law: Law) -> str:
    """The whole *law* as plain text, the way e-Gov prints it (see :mod:`lawcode.model.text_layout`)."""
    return law_text(law.root.element)


__all__ = [
    "FragmentStyle", "TextEntry", "TextLine", "classify", "fill_sentences", "parse_text", "read_fragment",
    "read_lines", "read_toc", "split_sentences", "to_text",
]
