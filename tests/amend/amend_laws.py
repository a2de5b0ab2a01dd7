"""Tiny e-Gov laws written inline as XML strings, for the amendment tests (no corpus needed).

``P(1, "本文")`` is a 項 (with 号 given as ``items=[...]``), ``A(3, P(...), caption="（目的）")`` an article;
``law(A(...), A(...))`` wraps them in a ``<Law>`` and loads it. Sentences carry ``Num``/``WritingMode`` like
e-Gov's files so that new provisions written by the applier look the same.
"""

from __future__ import annotations

import lawcode
from lawcode.text.numerals import int_to_iroha, int_to_kanji, to_fullwidth_digits

TITLE = "テスト法"
LAW_NUM = "令和五年法律第九十九号"


def S(text: str, num: int = 1, function: str | None = None) -> str:
    f = f' Function="{function}"' if function else ""
    return f'<Sentence{f} Num="{num}" WritingMode="vertical">{text}</Sentence>'


def sentences(text: str) -> str:
    parts = [p + "。" for p in text.split("。") if p]
    if not text.endswith("。"):
        parts = [text]
    proviso = any(p.startswith("ただし、") for p in parts[1:])
    out = []
    for i, p in enumerate(parts, 1):
        fn = ("proviso" if p.startswith("ただし、") else "main") if proviso else None
        out.append(S(p, i, fn))
    return "".join(out)


def sub(n: int, text: str) -> str:
    return (f'<Subitem1 Num="{n}"><Subitem1Title>{int_to_iroha(n)}</Subitem1Title>'
            f"<Subitem1Sentence>{S(text)}</Subitem1Sentence></Subitem1>")


def I(n: int, text: str, subitems: list[str] | None = None) -> str:  # noqa: E743
    subs = "".join(sub(i, t) for i, t in enumerate(subitems or [], 1))
    return (f'<Item Num="{n}"><ItemTitle>{int_to_kanji(n)}</ItemTitle>'
            f"<ItemSentence>{S(text)}</ItemSentence>{subs}</Item>")


def P(n: int, text: str, items: list[str] | None = None) -> str:
    num = "" if n == 1 else to_fullwidth_digits(n)
    head = "<ParagraphNum/>" if n == 1 else f"<ParagraphNum>{num}</ParagraphNum>"
    its = "".join(I(i, t) for i, t in enumerate(items or [], 1))
    return f'<Paragraph Num="{n}">{head}<ParagraphSentence>{sentences(text)}</ParagraphSentence>{its}</Paragraph>'


def A(n: int | str, *paragraphs: str, caption: str | None = None) -> str:
    parts = [int(x) for x in str(n).split("_")]
    title = "第" + int_to_kanji(parts[0]) + "条" + "".join("の" + int_to_kanji(x) for x in parts[1:])
    cap = f"<ArticleCaption>{caption}</ArticleCaption>" if caption else ""
    num = "_".join(map(str, parts))
    return f'<Article Num="{num}">{cap}<ArticleTitle>{title}</ArticleTitle>{"".join(paragraphs)}</Article>'


def chapter(n: int, name: str, *articles: str) -> str:
    return (f'<Chapter Num="{n}"><ChapterTitle>第{int_to_kanji(n)}章　{name}</ChapterTitle>'
            f"{''.join(articles)}</Chapter>")


def xml(*main: str, extra: str = "", toc: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Law Era="Reiwa" Lang="ja" LawType="Act" Num="99" Year="5">'
        f"<LawNum>{LAW_NUM}</LawNum><LawBody><LawTitle>{TITLE}</LawTitle>{toc}"
        f"<MainProvision>{''.join(main)}</MainProvision>{extra}</LawBody></Law>"
    )


def law(*main: str, extra: str = "", toc: str = "") -> lawcode.Law:
    return lawcode.loads(xml(*main, extra=extra, toc=toc).encode("utf-8"))


def text_of(law_: lawcode.Law, address: str) -> str:
    return law_.find(address).text()


def kaimebun_roundtrip(old: lawcode.Law, new: lawcode.Law) -> list[str]:
    """Generate the 改め文 from *old* to *new*, check that applying it to *old* gives *new* (改正附則 and export
    metadata aside), and return the first line of each generated sentence."""
    from lawcode.amend.generate import generate
    from lawcode.amend.roundtrip import comparable_body

    k = generate(old, new)
    assert not k.problems, k.problems
    got = lawcode.amend(old, k.text).law
    assert comparable_body(got) == comparable_body(new), k.text
    return [s.strip("\u3000").splitlines()[0] for s in k.sentences]
