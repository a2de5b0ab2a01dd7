"""Benchmark: exact-match rate of ``lawcode.amend`` on real amendment cases, and its speed.

Usage::

    python benchmarks/bench_amend.py [INDEX.tsv] [--json OUT] [-v]

INDEX defaults to ``$LAWCODE_CORPUS/amendments/INDEX.tsv`` (any file in that format works: cases nobody here
has seen are run the same way). For each case the 改め文 is applied to the before-revision with the row's
scope and compared with the after-revision: exact = canonically equal excluding 改正附則 (see
:mod:`lawcode.amend.cases`). Cases with a scope and both revisions make the headline rate; the others
(no before/after, or unknown scope of a staged amendment) are reported apart with what could be done.
Prints exact / mismatched (first difference) / failed (error), the total time (wall and CPU: other work on
the machine inflates the wall time), time per case and per operation.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from lawcode.amend.cases import read_index, run_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("LAWCODE_CORPUS", "../shared/corpus")) / "amendments" / "INDEX.tsv"
    parser.add_argument("index", nargs="?", type=Path, default=default, help="INDEX.tsv of the cases")
    parser.add_argument("--json", type=Path, help="write the results as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the full first difference")
    args = parser.parse_args(argv)
    if not args.index.is_file():
        print(f"no index at {args.index} (set LAWCODE_CORPUS or pass the path)", file=sys.stderr)
        return 2
    cases = read_index(args.index)
    start, cpu_start = time.perf_counter(), time.process_time()
    results = [run_case(c) for c in cases]
    total, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    width = max(len(r.case.case) for r in results)
    for r in results:
        detail = r.detail if args.verbose else r.detail[:160]
        print(f"{r.case.case:<{width}}  {r.status:<9} {r.seconds * 1000:7.0f} ms  {r.operations:3d} ops  {detail}")
    headline = [r for r in results if r.case.headline]
    exact = sum(r.status == "exact" for r in headline)
    mismatch = sum(r.status == "mismatch" for r in headline)
    failed = sum(r.status == "failed" for r in headline)
    ops = sum(r.operations for r in results)
    rate = exact / len(headline) if headline else 0.0
    print()
    print(f"cases with a scope and before/after: {len(headline)}: exact {exact} ({rate:.1%}), "
          f"mismatched {mismatch}, failed {failed}")
    print(f"other cases (no before/after or empty scope): {len(results) - len(headline)}")
    print(f"time: {total:.2f} s wall ({cpu:.2f} s CPU of this process) for {len(results)} cases, "
          f"{total / max(1, len(results)) * 1000:.0f} ms per case, {total / max(1, ops) * 1000:.1f} ms per "
          f"operation ({ops} operations)")
    if args.json:
        args.json.write_text(json.dumps({
            "exact": exact, "headline": len(headline), "rate": rate, "seconds": total, "cpu_seconds": cpu,
            "operations": ops,
            "cases": [{"case": r.case.case, "status": r.status, "detail": r.detail, "seconds": r.seconds,
                       "operations": r.operations} for r in results],
        }, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
