"""Read a 目次 written as plain text into an e-Gov ``<TOC>`` element.

Lines are 「目次」 (the label), container headings with their article range 「第一章　総則（第一条―第五条）」
(nested by level: 編 > 章 > 節 > 款 > 目), articles with their captions 「第一条　施行期日」 (a 目次 of articles),
「附則」 (with its range 「附則　（第八十条―第九十二条）」) and 別表 labels — the text of 「目次を次のように改める。」.
"""

from __future__ import annotations

import re

from lxml import etree

from lawcode.errors import NumeralError, ParseError
from lawcode.io.text.reader import CONTAINER_OF_UNIT
from lawcode.text.numerals import kanji_to_int

__all__ = ["read_toc"]

_NUMERAL = "〇一二三四五六七八九十百千0-9０-９"
_HEADING = re.compile(
    rf"^(?P<label>第(?P<num>[{_NUMERAL}]+)(?P<unit>[編章節款目])(?P<branch>(?:の[{_NUMERAL}]+)*))"
    r"(?:[　 ]+(?P<name>.*?))?(?P<range>[（(][^（）()]*[）)])?$"
)
_ARTICLE = re.compile(rf"^第(?P<num>[{_NUMERAL}]+)条(?P<branch>(?:の[{_NUMERAL}]+)*)(?:[　 ].*)?$")
_RANK = {"Part": 0, "Chapter": 1, "Section": 2, "Subsection": 3, "Division": 4}
_SPACES = " \t\u3000"


def read_toc(text: str, *, source: str = "<text>", first_line: int = 1) -> etree._Element:
    """The ``<TOC>`` written in *text*; raises :class:`~lawcode.errors.ParseError` for a line it cannot read."""
    toc = etree.Element("TOC")
    stack: list[tuple[int, etree._Element]] = []
    for offset, raw in enumerate(text.splitlines()):
        line = raw.strip(_SPACES)
        if not line:
            continue
        if line == "前文":
            etree.SubElement(toc, "TOCPreambleLabel").text = line
            continue
        if line.endswith("目次") and not stack and len(toc) == 0:  # 「目次」, 「財政法目次」
            etree.SubElement(toc, "TOCLabel").text = line
            continue
        if re.fullmatch(r"附[　 ]*則[　 ]*(?:[（(][^（）()]*[）)])?", line):
            e = etree.SubElement(toc, "TOCSupplProvision")
            label, _, rest = line.partition("（")
            etree.SubElement(e, "SupplProvisionLabel").text = label.rstrip(_SPACES)
            if rest:
                etree.SubElement(e, "ArticleRange").text = "（" + rest
            stack.clear()
            continue
        if line.startswith("別表"):
            etree.SubElement(toc, "TOCAppdxTableLabel").text = line
            continue
        article = _ARTICLE.match(line)
        if article is not None:  # a 目次 of articles (「第一条　都市計画法の施行期日」), under the current heading
            try:
                numbers = [kanji_to_int(article["num"])] + [kanji_to_int(b) for b in article["branch"].split("の") if b]
            except NumeralError as exc:
                raise ParseError(f"cannot read the number of 「{line}」: {exc.reason}", source=source,
                                 line=first_line + offset, column=1) from None
            e = etree.SubElement(stack[-1][1] if stack else toc, "TOCArticle",
                                 Num="_".join(str(n) for n in numbers))
            etree.SubElement(e, "ArticleTitle").text = line
            continue
        m = _HEADING.match(line)
        if m is None:
            raise ParseError(f"cannot read the 目次 line 「{line}」", source=source, line=first_line + offset,
                             column=1)
        tag = CONTAINER_OF_UNIT[m["unit"]]
        try:
            numbers = [kanji_to_int(m["num"])] + [kanji_to_int(b) for b in m["branch"].split("の") if b]
        except NumeralError as exc:
            raise ParseError(f"cannot read the number of 「{m['label']}」: {exc.reason}", source=source,
                             line=first_line + offset, column=1) from None
        e = etree.Element("TOC" + tag, Num="_".join(str(n) for n in numbers))
        title = m["label"] + ("\u3000" + m["name"] if m["name"] else "")
        etree.SubElement(e, tag + "Title").text = title
        if m["range"]:
            etree.SubElement(e, "ArticleRange").text = m["range"]
        rank = _RANK[tag]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        (stack[-1][1] if stack else toc).append(e)
        stack.append((rank, e))
    return toc
