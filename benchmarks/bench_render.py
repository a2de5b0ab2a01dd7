"""Benchmark: rendering the 新旧対照表 of the 個人情報保護法 pair (and of the sample ordinance).

Usage::

    python benchmarks/bench_render.py [--corpus DIR] [--repeat N]

The corpus defaults to ``$LAWCODE_CORPUS``; without it only the sample pair is measured. For each pair,
best of N (CPU time of this process):

* ``diff``      — ``lawcode.diff(old, new)`` (for scale);
* ``html cold`` — ``render_html`` of a diff of freshly loaded laws, so that everything computed on first use
  is included: the provisions' texts, the diff's character spans (target for the 個人情報保護法 2020 → 2025
  pair: ≤ 1 s);
* ``html``      — ``render_html`` on a fresh diff of laws already used (texts cached, spans not);
* ``html warm`` — ``render_html`` again on the same diff (spans cached): the renderer's own cost;
* ``md``, ``json``, ``docx`` — the other renderers on the warm diff (``docx`` writes to a temporary file).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import lawcode
from lawcode.diff.render import build_table, render_docx, render_html, render_json, render_markdown

from _common import best_of

ROOT = Path(__file__).resolve().parent.parent
APPI = ("egov/415AC0000000057/415AC0000000057_20200126_430AC0000000080.xml",
        "egov/415AC0000000057/retrieved20250924_v1api_extracted.xml")


def _best(fn, repeat: int) -> float:
    """CPU seconds of the best of *repeat* calls (CPU time: a loaded machine distorts it less)."""
    return best_of(fn, repeat, time.process_time)


def measure(name: str, a: Path, b: Path, repeat: int) -> dict:
    da, db = a.read_bytes(), b.read_bytes()
    t_base = _best(lambda: lawcode.diff(lawcode.loads(da), lawcode.loads(db)), repeat)
    t_cold = _best(lambda: render_html(lawcode.diff(lawcode.loads(da), lawcode.loads(db))), repeat) - t_base
    old, new = lawcode.load(a), lawcode.load(b)
    t_diff = _best(lambda: lawcode.diff(old, new), repeat)
    t_fresh = _best(lambda: render_html(lawcode.diff(old, new)), repeat) - t_diff
    d = lawcode.diff(old, new)
    render_html(d)
    table = build_table(d)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "t.docx"
        row = {
            "pair": name,
            "changes": len(d.changes),
            "rows": len(table.rows),
            "diff": t_diff,
            "html cold": max(t_cold, 0.0),
            "html": max(t_fresh, 0.0),
            "html warm": _best(lambda: render_html(d), repeat),
            "md": _best(lambda: render_markdown(d), repeat),
            "json": _best(lambda: render_json(d), repeat),
            "docx": _best(lambda: render_docx(d, out), repeat),
            "html bytes": len(render_html(d).encode("utf-8")),
        }
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=os.environ.get("LAWCODE_CORPUS"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    samples = ROOT / "corpus" / "samples"
    pairs = [("sample ordinance v1 → v2", samples / "sakuragaoka_jorei_v1.xml", samples / "sakuragaoka_jorei_v2.xml")]
    if args.corpus is not None and Path(args.corpus).is_dir():
        pairs.append(("個人情報保護法 2020-01-26 → 2025-09-24", Path(args.corpus) / APPI[0], Path(args.corpus) / APPI[1]))
    else:
        print("LAWCODE_CORPUS not set: measuring the sample pair only", file=sys.stderr)
    cols = ("changes", "rows", "diff", "html cold", "html", "html warm", "md", "json", "docx")
    print(f"{'pair':<40} " + " ".join(f"{c:>9}" for c in cols) + f" {'HTML KB':>8}")
    for name, a, b in pairs:
        r = measure(name, a, b, args.repeat)
        cells = [f"{r[c]:9d}" if isinstance(r[c], int) else f"{r[c]:9.3f}" for c in cols]
        print(f"{name:<40} " + " ".join(cells) + f" {r['html bytes'] / 1024:8.0f}")
    print(f"(seconds of CPU, best of {args.repeat}; html cold = render_html of a fresh diff of fresh laws)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
