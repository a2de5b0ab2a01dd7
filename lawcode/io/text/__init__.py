"""Plain-text statutes: read provisions written as text into e-Gov XML elements.

Amendment sentences quote the new provisions as plain text (「第十七条の二　…」「２　…」「一　…」); this package
turns such fragments into ``<Article>``/``<Paragraph>``/``<Item>`` … elements that look like e-Gov's, so that an
amended law compares equal to the official consolidated text. It reads the national vertical style (第十条, ２,
一, イ, （１）) and the horizontal municipal style with Arabic numerals (第3条, 2, (1), ア), and a 目次 written as
text (:func:`read_toc`). It is built as a reusable fragment reader so that a whole-law reader/writer can grow
from it.
"""

from lawcode.io.text.reader import FragmentStyle, TextLine, fill_sentences, read_fragment, read_lines, split_sentences
from lawcode.io.text.toc import read_toc

__all__ = [
    "FragmentStyle", "TextLine", "fill_sentences", "read_fragment", "read_lines", "read_toc", "split_sentences",
]
