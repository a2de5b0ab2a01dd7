"""Tiny hand-written laws for the impact tests: each rule gets a law small enough to read in the test."""

from __future__ import annotations

from xml.sax.saxutils import escape

import lawcode
from lawcode.text.numerals import int_to_kanji

__all__ = ["art", "make_law"]


def art(num: int, *paragraphs: str, caption: str = "") -> str:
    """An article with one sentence per paragraph."""
    out = [f'<Article Num="{num}">']
    if caption:
        out.append(f"<ArticleCaption>{escape(caption)}</ArticleCaption>")
    out.append(f"<ArticleTitle>第{int_to_kanji(num)}条</ArticleTitle>")
    for k, text in enumerate(paragraphs, 1):
        pnum = "" if k == 1 else chr(0xFF10 + k)
        out.append(f'<Paragraph Num="{k}"><ParagraphNum>{pnum}</ParagraphNum><ParagraphSentence>'
                   f"<Sentence>{escape(text)}</Sentence></ParagraphSentence></Paragraph>")
    out.append("</Article>")
    return "".join(out)


def make_law(*articles: str, title: str = "試験法", num: str = "令和五年法律第九十九号") -> lawcode.Law:
    xml = ('<?xml version="1.0" encoding="UTF-8"?><Law Era="Reiwa" Lang="ja" LawType="Act" Num="99" Year="5">'
           f"<LawNum>{num}</LawNum><LawBody><LawTitle>{title}</LawTitle><MainProvision>"
           + "".join(articles) + "</MainProvision></LawBody></Law>")
    return lawcode.loads(xml.encode("utf-8"))
