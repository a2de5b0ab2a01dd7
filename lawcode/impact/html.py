"""The impact report as one self-contained HTML page in Japanese, for the civil servant who must act on it.

Sections: header (law, the two versions, counts), 集計 (per class, link state, ministry, kind, system),
影響を受ける項目 (one row per item: id, title, 直接/間接, state, reason and path), 改正内容 (the 新旧対照 excerpt of
each triggering change, changed characters marked with ``<del>``/``<ins>``, then the rows of the 新旧対照表 —
drawn by :mod:`lawcode.diff.render` — of the articles the affected items link to), 未連携 (unlinked rows) and
改正箇所のうち未対応 (changes no item links to). No scripts, no external resources.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Iterable

from lawcode.diff import Change
from lawcode.diff.render import CSS as SHINKYU_CSS
from lawcode.diff.render import ShinkyuTable, build_table
from lawcode.diff.render import render_html as shinkyu_html
from lawcode.impact.graph import article_of
from lawcode.impact.lawmatch import law_name
from lawcode.impact.links import STATE_LABELS

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.impact.report import ImpactReport

__all__ = ["render_html", "marked"]

_CSS = """
body{font-family:"Hiragino Sans","Noto Sans JP","IPAexGothic",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}
th{background:#eef}del{background:#fdd}ins{background:#dfd;text-decoration:none;font-weight:bold}
.direct{color:#a00}.indirect{color:#a60}.old,.new{white-space:pre-wrap;width:45%}
"""


def marked(text: str, spans: Iterable[tuple[int, int]], tag: str, limit: int = 400) -> str:
    """*text* HTML-escaped with each span wrapped in ``<tag>``; long texts are cut around the first span."""
    spans = sorted(spans)
    start = 0
    if len(text) > limit and spans:
        start = max(0, spans[0][0] - limit // 4)
    end = min(len(text), start + limit)
    out, pos = [], start
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if a >= b or a < pos:
            continue
        out.append(escape(text[pos:a]))
        out.append(f"<{tag}>{escape(text[a:b])}</{tag}>")
        pos = b
    out.append(escape(text[pos:end]))
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _counts(title: str, counts: dict[str, int], labels: dict[str, str] | None = None) -> str:
    rows = [[escape((labels or {}).get(k, k)), str(v)] for k, v in sorted(counts.items(), key=lambda kv: -kv[1])]
    return f"<h3>{escape(title)}</h3>" + _table(["区分", "件数"], rows)


def _shinkyu_excerpt(report: "ImpactReport") -> str:
    """The rows of the diff's 新旧対照表 for the articles the direct hits link to (old or new side)."""
    new_arts = {article_of(p) for h in report.hits if h.klass == "direct" for p in h.status.new_paths if p}
    old_arts = {article_of(p) for h in report.hits if h.klass == "direct" for p in h.status.old_paths if p}
    if not new_arts and not old_arts:
        return ""
    table = build_table(report.diff)
    rows = tuple(r for r in table.rows if (r.new.path and article_of(r.new.path) in new_arts)
                 or (r.old.path and article_of(r.old.path) in old_arts))
    if not rows:
        return ""
    return f"<style>{SHINKYU_CSS}</style>" + shinkyu_html(ShinkyuTable(table.header, rows), standalone=False)


def render_html(report: "ImpactReport") -> str:
    """The report as HTML (see the module docstring)."""
    from lawcode.impact.report import CLASS_LABELS, KIND_LABELS

    d = report.diff
    meta = d.to_dict(texts=False)
    parts = [f"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>影響分析 {escape(law_name(d.new))}"
             f"</title><style>{_CSS}</style></head><body>",
             f"<h1>改正の影響分析：{escape(law_name(d.new))}</h1>"]
    rows = [["旧", escape(str(meta["old"]["law_num"] or "")), escape(str(meta["old"]["source"] or "")),
             escape(str(meta["old"]["enforcement_date"] or "—"))],
            ["新", escape(str(meta["new"]["law_num"] or "")), escape(str(meta["new"]["source"] or "")),
             escape(str(meta["new"]["enforcement_date"] or "—"))]]
    parts.append(_table(["版", "法令番号", "ファイル", "施行日"], rows))
    parts.append(f"<p>改正箇所 {len(d.changes)} 件（" + "、".join(
        f"{KIND_LABELS.get(k, k)} {v}" for k, v in sorted(d.counts().items())) + "）。"
        f"この法令にリンクする項目 {report.considered} 件のうち、影響あり {len(report.items())} 件"
        f"（直接 {len(report.items('direct'))}、間接 {len(report.items('indirect'))}）。</p>")
    parts.append("<h2>集計</h2>")
    parts.append(_counts("直接・間接", dict(report.counts("class")), CLASS_LABELS))
    parts.append(_counts("リンクの状態", dict(report.link_states()), STATE_LABELS))
    parts.append(_counts("所管府省庁", dict(report.counts("ministry"))))
    parts.append(_counts("項目の種類", dict(report.counts("kind"))))
    parts.append(_counts("システム", dict(report.counts("system"))))
    parts.append("<h2>影響を受ける項目</h2>")
    rows = []
    for h in report.best_hits():
        rows.append([escape(h.item.id), escape(h.item.title),
                     f"<span class=\"{h.klass}\">{CLASS_LABELS[h.klass]}</span>",
                     escape(STATE_LABELS.get(h.state, h.state)), escape(h.reason), escape(" → ".join(h.path))])
    parts.append(_table(["ID", "名称", "区分", "リンク", "理由", "経路"], rows))
    parts.append("<h2>改正内容（新旧対照）</h2>")
    seen: list[Change] = []
    for h in report.hits:
        if h.change is not None and h.change not in seen:
            seen.append(h.change)
    rows = []
    for c in seen:
        rows.append([escape(KIND_LABELS.get(c.kind, c.kind)), escape(c.old_label or "—"), escape(c.new_label or "—"),
                     f"<div class=\"old\">{marked(c.old_text, c.old_spans, 'del')}</div>",
                     f"<div class=\"new\">{marked(c.new_text, c.new_spans, 'ins')}</div>"])
    parts.append(_table(["種別", "旧", "新", "改正前", "改正後"], rows))
    excerpt = _shinkyu_excerpt(report)
    if excerpt:
        parts.append("<h3>新旧対照表（影響を受ける項目がリンクする条）</h3>")
        parts.append(excerpt)
    if report.unlinked:
        parts.append("<h2>未連携（根拠を読み取れなかった行）</h2>")
        parts.append(_table(["ID", "名称", "記載", "理由", "出典"],
                            [[escape(u.id), escape(u.title), escape(u.text), escape(u.reason), escape(str(u.provenance))]
                             for u in report.unlinked[:500]]))
        if len(report.unlinked) > 500:
            parts.append(f"<p>ほか {len(report.unlinked) - 500} 件</p>")
    if report.uncovered:
        parts.append("<h2>どの項目からもリンクされていない改正箇所</h2>")
        parts.append(_table(["種別", "箇所"], [[escape(KIND_LABELS.get(c.kind, c.kind)), escape(c.label or "")]
                                              for c in report.uncovered]))
    parts.append("</body></html>")
    return "\n".join(parts)
