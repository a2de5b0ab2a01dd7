"""Benchmark: ``lawcode.diff`` on every real version pair, as a ratio to loading both files in the same run.

Usage::

    python benchmarks/bench_diff.py [--corpus DIR] [--repeat N] [--only SUBSTRING] [--json OUT]

The corpus defaults to ``$LAWCODE_CORPUS``; the pairs are those of the corpus tests
(``tests/diff/diff_corpus_pairs.py``: egov/, egov_versions/, version_pairs/ and amendments/). For each pair,
best of N (CPU time of this process, so that other work on the machine does not count):

* ``load``  — ``lawcode.loads`` of both files (the baseline);
* ``diff``  — ``lawcode.diff(old, new)`` (alignment, lineage, change list, edit script);
* ``spans`` — computing the character spans of every change (lazy in the API, so measured apart);
* ``apply`` — ``d.apply(old)``.

It prints the ratios for the largest pair (target: diff ≤ 1× load for egov_versions/340AC0000000034, about
2.5 MB per file), the totals, and a least-squares fit of log(diff time) on log(size): an exponent near 1 is
linear growth. Finally it compares the character diff (rapidfuzz ``Indel.opcodes``, C) with
``difflib.SequenceMatcher`` on the texts of every ``text_changed`` change.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import math
import os
import sys
import time
from pathlib import Path

import lawcode
from lawcode.diff.textdiff import diff_hunks, raw_hunks

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "diff"))
from diff_corpus_pairs import version_pairs  # noqa: E402

LARGEST = "340AC0000000034"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares fit of log(t) = a + k·log(size); returns (k, r²)."""
    pts = [(math.log(s), math.log(t)) for s, t in points if s > 0 and t > 0]
    n = len(pts)
    if n < 3:
        return float("nan"), float("nan")
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    sxy = sum((x - mx) * (y - my) for x, y in pts)
    syy = sum((y - my) ** 2 for _, y in pts)
    k = sxy / sxx
    r2 = (sxy * sxy) / (sxx * syy) if syy else 1.0
    return k, r2


def _fit_linear(rows: list[dict]) -> tuple[float, float, float]:
    """Least-squares fit of diff time = a·MB + b·changes + c (seconds); returns (a, b, c)."""
    xs = [(r["bytes"] / 1e6, float(r["changes"]), 1.0) for r in rows]
    ys = [r["diff"] for r in rows]
    m = [[sum(x[i] * x[j] for x in xs) for j in range(3)] for i in range(3)]
    v = [sum(x[i] * y for x, y in zip(xs, ys, strict=True)) for i in range(3)]
    for col in range(3):  # Gauss-Jordan on the 3×3 normal equations
        piv = max(range(col, 3), key=lambda r: abs(m[r][col]))
        m[col], m[piv], v[col], v[piv] = m[piv], m[col], v[piv], v[col]
        if m[col][col] == 0:
            return float("nan"), float("nan"), float("nan")
        for r in range(3):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col], strict=True)]
                v[r] -= f * v[col]
    return v[0] / m[0][0], v[1] / m[1][1], v[2] / m[2][2]


def _total_kinds(rows: list[dict]) -> dict[str, int]:
    """Changes per kind over all pairs (renumbered/moved against deleted/added tells alignment quality)."""
    out: dict[str, int] = {}
    for r in rows:
        for k, v in r["kinds"].items():
            out[k] = out.get(k, 0) + v
    return out


def measure(pair: tuple[str, Path, Path], repeat: int) -> dict:
    pid, a, b = pair
    da, db = a.read_bytes(), b.read_bytes()
    t_load = _best(lambda: (lawcode.loads(da), lawcode.loads(db)), repeat)
    old, new = lawcode.loads(da, str(a)), lawcode.loads(db, str(b))
    t_diff = _best(lambda: lawcode.diff(old, new), repeat)
    d = lawcode.diff(old, new)

    def spans() -> None:
        for c in lawcode.diff(old, new).changes:
            c.old_spans  # noqa: B018 - computed on first use
    t_spans = max(_best(spans, repeat) - t_diff, 0.0)
    t_apply = _best(lambda: d.apply(old), repeat)
    return {
        "pair": pid,
        "bytes": len(da) + len(db),
        "changes": len(d.changes),
        "kinds": dict(d.counts()),
        "load": t_load,
        "diff": t_diff,
        "spans": t_spans,
        "apply": t_apply,
        "ratio": t_diff / t_load if t_load else float("nan"),
        "_texts": [(c.old_text, c.new_text) for c in d.changes if c.kind == "text_changed"],
    }


def text_diff_comparison(rows: list[dict]) -> dict:
    """rapidfuzz (with and without clean-up) against difflib on the texts of every text_changed change."""
    texts = [t for r in rows for t in r["_texts"]]
    t0 = time.process_time()
    raw = sum(len(raw_hunks(a, b)) for a, b in texts)
    t_raw = time.process_time() - t0
    t0 = time.process_time()
    clean = sum(len(diff_hunks(a, b)) for a, b in texts)
    t_clean = time.process_time() - t0
    t0 = time.process_time()
    ops = 0
    for a, b in texts:
        ops += sum(1 for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal")
    t_difflib = time.process_time() - t0
    return {"texts": len(texts), "rapidfuzz_s": t_raw, "rapidfuzz_hunks": raw, "cleaned_s": t_clean,
            "cleaned_hunks": clean, "difflib_s": t_difflib, "difflib_hunks": ops}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=os.environ.get("LAWCODE_CORPUS"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="only pairs whose id contains this")
    ap.add_argument("--json", type=Path, help="write the measurements as JSON")
    args = ap.parse_args(argv)
    if args.corpus is None or not Path(args.corpus).is_dir():
        print("set LAWCODE_CORPUS or pass --corpus", file=sys.stderr)
        return 2
    pairs = [p for p in version_pairs(Path(args.corpus)) if args.only in p[0]]
    rows = []
    for k, pair in enumerate(pairs, 1):
        rows.append(measure(pair, args.repeat))
        if sys.stderr.isatty():
            print(f"\r{k}/{len(pairs)}", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    rows.sort(key=lambda r: -r["bytes"])
    print(f"{'pair':<90} {'MB':>6} {'chg':>5} {'load s':>7} {'diff s':>7} {'ratio':>6} {'spans s':>7} {'apply s':>7}")
    for r in rows[:12]:
        print(f"{r['pair'][:90]:<90} {r['bytes'] / 1e6:6.2f} {r['changes']:5d} {r['load']:7.3f} {r['diff']:7.3f} "
              f"{r['ratio']:6.2f} {r['spans']:7.3f} {r['apply']:7.3f}")
    largest = [r for r in rows if LARGEST in r["pair"]]
    total_load = sum(r["load"] for r in rows)
    total_diff = sum(r["diff"] for r in rows)
    k, r2 = _fit([(r["bytes"], r["diff"]) for r in rows])
    per_mb, per_change, fixed = _fit_linear(rows)
    ratios = sorted(r["ratio"] for r in rows)
    summary = {
        "pairs": len(rows),
        "total_load_s": total_load,
        "total_diff_s": total_diff,
        "total_ratio": total_diff / total_load if total_load else None,
        "largest": [{key: r[key] for key in ("pair", "bytes", "load", "diff", "ratio", "spans", "apply")}
                    for r in largest],
        "median_ratio": ratios[len(ratios) // 2] if ratios else None,
        "pairs_at_most_1x": sum(1 for x in ratios if x <= 1.0),
        "fit_s_per_mb": per_mb,
        "fit_s_per_change": per_change,
        "fit_s_fixed": fixed,
        "fit_exponent": k,
        "fit_r2": r2,
        "text_diff": text_diff_comparison(rows),
        "kinds": _total_kinds(rows),
    }
    print(f"\n{len(rows)} pairs: diff {total_diff:.2f} s / load {total_load:.2f} s = {summary['total_ratio']:.2f}×")
    for r in largest:
        print(f"largest ({r['pair']}): diff {r['diff']:.3f} s = {r['ratio']:.2f}× load ({r['load']:.3f} s); "
              f"spans +{r['spans']:.3f} s; apply {r['apply']:.3f} s")
    print(f"median ratio {summary['median_ratio']:.2f}×; {summary['pairs_at_most_1x']} of {len(rows)} pairs ≤ 1×")
    print(f"growth: diff time ∝ size^{k:.2f} (r² = {r2:.2f}) — 1.0 is linear; "
          f"linear fit: {per_mb * 1e3:.1f} ms/MB + {per_change * 1e3:.2f} ms/change + {fixed * 1e3:.1f} ms")
    print("changes by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(summary["kinds"].items())))
    td = summary["text_diff"]
    print(f"text diff on {td['texts']} changed provisions: rapidfuzz {td['rapidfuzz_s']:.3f} s "
          f"({td['rapidfuzz_hunks']} hunks; cleaned {td['cleaned_s']:.3f} s, {td['cleaned_hunks']} hunks) vs "
          f"difflib {td['difflib_s']:.3f} s ({td['difflib_hunks']} hunks)")
    if args.json:
        for r in rows:
            r.pop("_texts", None)
        args.json.write_text(json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
