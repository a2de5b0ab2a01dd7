"""Hand-written 例規集 pages for the unit tests: the markup of each system, line by line, as small as a rule needs.

``srb_page(lines)`` wraps ぎょうせい Super Reiki-Base ``div.eline`` lines in a page (head, ``#primary``,
``#secondary`` with an optional 沿革 table, and a ``num-ids`` index that must never become text);
``d1w_page(lines)`` wraps 第一法規 d1w lines. Helpers build the common lines.
"""

from __future__ import annotations

from itertools import count
from pathlib import Path

import lawcode

_ids = count(1)


def _eid() -> str:
    return f"e{next(_ids):09d}"


def line(inner: str) -> str:
    return f'<div>\n<div id="l{next(_ids):09d}" class="eline">{inner}</div>\n</div>'


def head(title: str = "○桜丘市テスト条例", date: str = "平成10年12月22日", number: str = "条例第16号") -> list[str]:
    return [
        line(f'<div class="head"><p class="title-irregular"><span id="{_eid()}" class="cm">{title}</span></p></div>'),
        line(f'<div class="head"><p class="date"><span id="{_eid()}" class="cm">{date}</span></p></div>'),
        line(f'<div class="head"><p class="number"><span id="{_eid()}" class="cm">{number}</span></p></div>'),
    ]


def sentences(*texts: str) -> str:
    return "".join(f'<span id="{_eid()}" class="p cm">{t}</span>' for t in texts)


def article(num: str, *texts: str, caption: str | None = None) -> str:
    cap = f'<p class="title"><span id="{_eid()}" class="cm">{caption}</span></p>' if caption else ""
    return line(f'<div class="article">{cap}<p id="{_eid()}" class="num"><span id="{_eid()}" class="num cm">'
                f'{num}</span>\u3000<span class="clause">{sentences(*texts)}</span></p></div>')


def clause(num: str, *texts: str, caption: str | None = None) -> str:
    cap = f'<p class="title"><span id="{_eid()}" class="cm">{caption}</span></p>' if caption else ""
    return line(f'<div class="clause">{cap}<p id="{_eid()}" class="num"><span id="{_eid()}" class="num cm">{num}'
                f'</span>\u3000{sentences(*texts)}</p></div>')


def item(label: str, *texts: str, cls: str = "item") -> str:
    return line(f'<div class="{cls}"><p id="{_eid()}" class="num"><span id="{_eid()}" class="num cm">{label}'
                f'</span>\u3000{sentences(*texts)}</p></div>')


def unit(cls: str, num: str, title: str) -> str:
    return line(f'<div class="{cls}"><p id="{_eid()}" class="num"><span id="{_eid()}" class="num cm">{num}</span>'
                f'\u3000<span id="{_eid()}" class="title cm">{title}</span></p></div>')


def suppl(year: str | None = None, number: str | None = None, extract: bool = False) -> str:
    parts = f'<span id="{_eid()}" class="title cm">附　則</span>'
    if year:
        parts += f'<span id="{_eid()}" class="date cm">({year}</span><span id="{_eid()}" class="number cm">{number})</span>'
    if extract:
        parts += f'<span id="{_eid()}" class="p cm">抄</span>'
    return line(f'<p id="{_eid()}" class="s-head">{parts}</p>')


def note(text: str, cls: str = "revise_record") -> str:
    return line(f'<p class="{cls}"><span id="{_eid()}" class="cm">{text}</span></p>')


def srb_page(lines: list[str], history: list[tuple[str, str, str]] = (), charset: str = "utf-8",  # type: ignore[assignment]
             enforced: str | None = None) -> bytes:
    rows = "".join(f'<tr><td class="seitei-icon" valign="TOP">{i}</td><td valign="TOP">{d}</td>'
                   f'<td valign="TOP">{n}</td></tr>' for i, d, n in history)
    enforced_p = f'<p class="datenumber-area mt04"> ({enforced})</p>' if enforced else ""
    page = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html lang="ja"><head>'
        f'<meta http-equiv="content-type" content="text/html; charset={charset}"><title>t</title></head><body>'
        '<div id="wrapper"><div id="container"><!-- 本文 -->\n<div id="primary" class="joubun showhistory">'
        '<div id="primaryInner"><div id="primaryInner2">\n' + "\n".join(lines) + "\n</div></div></div>"
        "<!-- /本文 -->\n"
        f'<div id="secondary">{enforced_p}<div id="shoshi-inf" class="tab-body"><div class="shoshi">'
        f"<table>{rows}</table></div></div></div>"
        '</div></div><div id="num-ids" style="display:none;"><div id="j1">e000000001</div></div></body></html>'
    )
    return page.encode(charset)


def d1w_line(kind: str, path: str, html: str, hno: str = "") -> str:
    return f'<div id="h:{kind}:{hno}::2:{path}:1:" class="danraku-normal">{html}</div>'


def d1w_page(lines: list[str], charset: str = "UTF-8") -> bytes:
    page = (
        f'<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html;charset={charset}"/><TITLE>t</TITLE></HEAD>'
        '<BODY><DIV CLASS="USER-SET-STYLE"><A NAME="MOKUJI_TOP"/><div>'
        '<div id="h:zA10:::0::1:" class="danraku-normal">○桜丘市空家条例</div>'
        '<div id="h:zB10:::0::1:" class="danraku-normal">令和５年12月13日条例第23号</div>'
        + "".join(lines) + "</div></DIV></BODY></HTML>"
    )
    return page.encode(charset)


def load_page(data: bytes) -> "lawcode.Law":
    return lawcode.loads(data, source="page.html")


def xsd_path() -> Path | None:
    import os

    corpus = os.environ.get("LAWCODE_CORPUS")
    path = Path(corpus or "/nonexistent") / "schema" / "XMLSchemaForJapaneseLaw_v3.xsd"
    return path if path.is_file() else None
