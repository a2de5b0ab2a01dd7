"""Benchmark: the impact of one diff (個人情報保護法 2020-01 → 2025-09) against all 75,071 procedures of the
悉皆調査, including the import of the survey CSV.

Usage::

    python benchmarks/bench_impact.py [--corpus DIR] [--repeat N]

The corpus defaults to ``$LAWCODE_CORPUS``. Best of N wall-clock times (the target of issue 9 is ≤ 10 s for
import + impact) for:

* ``load+diff`` — loading both versions and ``lawcode.diff``;
* ``import``    — ``lawcode.impact.read_procedures`` of the whole survey (75,071 rows);
* ``impact``    — ``lawcode.impact.impact(diff, trace)`` (law matching for every row, link states, the
  propagation graph and the indirect hits);
* ``total``     — import + impact (what the target is about).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import lawcode
from lawcode.impact import impact, read_procedures

OLD = "egov/415AC0000000057/415AC0000000057_20200126_430AC0000000080.xml"
NEW = "egov/415AC0000000057/retrieved20250924_v1api_extracted.xml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=os.environ.get("LAWCODE_CORPUS"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.corpus is None or not (Path(args.corpus) / OLD).exists():
        print("bench_impact: the real-data corpus is needed (--corpus or LAWCODE_CORPUS)", file=sys.stderr)
        return 2
    corpus = Path(args.corpus)
    best: dict[str, float] = {}
    report = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        d = lawcode.diff(lawcode.load(corpus / OLD), lawcode.load(corpus / NEW))
        t1 = time.perf_counter()
        trace = read_procedures(corpus / "procedures")
        t2 = time.perf_counter()
        report = impact(d, trace)
        t3 = time.perf_counter()
        for name, value in (("load+diff", t1 - t0), ("import", t2 - t1), ("impact", t3 - t2), ("total", t3 - t1)):
            best[name] = min(best.get(name, value), value)
    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"report: {report!r}")
    for name, value in best.items():
        print(f"{name:10s} {value:7.3f} s")
    print(f"target: import + impact ≤ 10 s: {'met' if best['total'] <= 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
