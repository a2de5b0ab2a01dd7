"""Small hand-written laws for the diff tests (built as XML strings; every rule gets its own tiny case)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import lawcode
from lawcode.text.numerals import format_branch_number

__all__ = ["article", "law", "chapter", "item"]


def _num_text(num: str) -> str:
    if ":" in num:
        a, b = num.split(":")
        return f"第{_kanji(a)}条から第{_kanji(b)}条まで"
    return f"第{_kanji(num)}条"


def _kanji(num: str) -> str:
    return format_branch_number(tuple(int(x) for x in num.split("_")))


def item(num: int, text: str) -> str:
    from lawcode.text.numerals import int_to_kanji

    return (f'<Item Num="{num}"><ItemTitle>{int_to_kanji(num)}</ItemTitle>'
            f"<ItemSentence><Sentence>{escape(text)}</Sentence></ItemSentence></Item>")


def article(num: str, *paragraphs: str, caption: str | None = None, items: tuple[str, ...] = ()) -> str:
    """An ``<Article>``; each paragraph string is one sentence; *items* go under the first paragraph."""
    parts = [f'<Article Num="{num}">']
    if caption:
        parts.append(f"<ArticleCaption>{escape(caption)}</ArticleCaption>")
    parts.append(f"<ArticleTitle>{_num_text(num)}</ArticleTitle>")
    for k, text in enumerate(paragraphs, 1):
        pnum = "" if k == 1 else chr(0xFF10 + k) if k < 10 else str(k)
        parts.append(f'<Paragraph Num="{k}"><ParagraphNum>{pnum}</ParagraphNum>'
                     f"<ParagraphSentence><Sentence>{escape(text)}</Sentence></ParagraphSentence>")
        if k == 1:
            parts.extend(item(n, t) for n, t in enumerate(items, 1))
        parts.append("</Paragraph>")
    parts.append("</Article>")
    return "".join(parts)


def chapter(num: int, name: str, *articles: str) -> str:
    from lawcode.text.numerals import int_to_kanji

    return (f'<Chapter Num="{num}"><ChapterTitle>第{int_to_kanji(num)}章\u3000{escape(name)}</ChapterTitle>'
            + "".join(articles) + "</Chapter>")


def law(*body: str, title: str = "テスト条例", suppl: str = "", pretty: bool = False) -> lawcode.Law:
    """A law whose 本則 holds *body* (articles or chapters)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Law Era="Reiwa" Lang="ja" LawType="Misc" Num="1" Year="5">'
        "<LawNum>令和五年テスト市条例第一号</LawNum><LawBody>"
        f"<LawTitle>{escape(title)}</LawTitle><MainProvision>{''.join(body)}</MainProvision>{suppl}"
        "</LawBody></Law>"
    )
    if pretty:
        from lxml import etree

        xml = etree.tostring(etree.fromstring(xml.encode()), pretty_print=True, encoding="unicode")
    return lawcode.loads(xml)
