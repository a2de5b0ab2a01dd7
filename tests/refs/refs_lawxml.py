"""Tiny e-Gov XML laws written inline, for the reference tests (no corpus needed).

``article(3, "第三条の本文", ("第二項の本文", ["一号", "二号"]))`` builds ``<Article Num="3">`` with one 項 per
argument; a tuple gives a 項 with its 号. ``law(...)`` wraps articles (and optional 附則 / 別表 XML) in a
``<Law>`` and loads it.
"""

from __future__ import annotations

import lawcode
from lawcode.text.numerals import int_to_kanji

Para = str | tuple[str, list[str]]


def _num(n: int | str) -> tuple[str, str]:
    """(Num attribute, kanji title part) for 3 or "3_2"."""
    parts = [int(x) for x in str(n).split("_")]
    return "_".join(map(str, parts)), "の".join(int_to_kanji(x) for x in parts)


def items(texts: list[str]) -> str:
    out = []
    for i, t in enumerate(texts, start=1):
        out.append(f'<Item Num="{i}"><ItemTitle>{int_to_kanji(i)}</ItemTitle>'
                   f"<ItemSentence><Sentence>{t}</Sentence></ItemSentence></Item>")
    return "".join(out)


def article(n: int | str, *paras: Para, caption: str | None = None) -> str:
    num, kanji = _num(n)
    out = [f'<Article Num="{num}">']
    if caption:
        out.append(f"<ArticleCaption>{caption}</ArticleCaption>")
    out.append(f"<ArticleTitle>第{kanji}条</ArticleTitle>")
    for i, para in enumerate(paras, start=1):
        text, its = (para, []) if isinstance(para, str) else para
        pnum = "" if i == 1 else chr(0xFF10 + i) if i < 10 else str(i)
        out.append(f'<Paragraph Num="{i}"><ParagraphNum>{pnum}</ParagraphNum>'
                   f"<ParagraphSentence><Sentence>{text}</Sentence></ParagraphSentence>{items(its)}</Paragraph>")
    out.append("</Article>")
    return "".join(out)


def suppl(*articles_or_paras: str, amend: str | None = None) -> str:
    attr = f' AmendLawNum="{amend}"' if amend else ""
    return f"<SupplProvision{attr}><SupplProvisionLabel>附　則</SupplProvisionLabel>{''.join(articles_or_paras)}</SupplProvision>"


def suppl_para(n: int, text: str) -> str:
    return (f'<Paragraph Num="{n}"><ParagraphNum>{chr(0xFF10 + n)}</ParagraphNum>'
            f"<ParagraphSentence><Sentence>{text}</Sentence></ParagraphSentence></Paragraph>")


def appdx_table(n: int, title: str, *item_texts: str) -> str:
    return (f'<AppdxTable Num="{n}"><AppdxTableTitle>{title}</AppdxTableTitle>{items(list(item_texts))}'
            "</AppdxTable>")


def law(*main: str, tail: str = "", title: str = "テスト法", law_num: str = "令和五年法律第九十九号",
        law_type: str = "Act", chapters: bool = False) -> lawcode.Law:
    body = "".join(main)
    xml = (f'<Law Era="Reiwa" Lang="ja" LawType="{law_type}" Num="99" Year="5"><LawNum>{law_num}</LawNum>'
           f"<LawBody><LawTitle>{title}</LawTitle><MainProvision>{body}</MainProvision>{tail}</LawBody></Law>")
    return lawcode.loads(xml)


def chapter(n: int, title: str, *articles: str) -> str:
    return (f'<Chapter Num="{n}"><ChapterTitle>第{int_to_kanji(n)}章　{title}</ChapterTitle>{"".join(articles)}'
            "</Chapter>")
