"""Benchmark: pages per second converting a whole city's 例規集 (lawcode.io.reiki.convert, one process).

Usage::

    python benchmarks/bench_reiki.py [DIR] [--repeat N] [--profile] [--json OUT]

DIR defaults to ``$LAWCODE_CORPUS/reiki/fukui_sabae/reiki_honbun`` (鯖江市, 500 pages, 28 MB). Pages are read
into memory first, so the figure is conversion only (decode, HTML parse, tree rebuild, ``Law`` index) — not
disk. The best of ``--repeat`` runs is reported with the machine it was measured on; ``--profile`` prints the
top of a cProfile run instead. Target (issue 13): ≥ 50 pages/s.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

from lawcode.io.reiki import convert, is_reiki_page

from _common import machine


def _convert_all(pages: list[tuple[str, bytes]]) -> tuple[float, float]:
    """Wall and CPU seconds (CPU time is what a loaded machine does not distort)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for name, data in pages:
        convert(data, name)
    return time.perf_counter() - t0, time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    default = Path(os.environ.get("LAWCODE_CORPUS", "/nonexistent")) / "reiki" / "fukui_sabae" / "reiki_honbun"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of one run")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print("bench_reiki: give DIR or set LAWCODE_CORPUS", file=sys.stderr)
        return 2
    pages = [(str(p), p.read_bytes()) for p in sorted(args.folder.rglob("*.htm*"))]
    pages = [(name, data) for name, data in pages if is_reiki_page(data)]
    size = sum(len(d) for _, d in pages)
    print(f"machine: {machine()}")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(_convert_all, pages)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        return 0
    best, cpu = min(_convert_all(pages) for _ in range(max(1, args.repeat)))
    rate = len(pages) / best
    print(f"converted {len(pages)} pages ({size / 1e6:.1f} MB) in {best:.2f} s: {rate:.0f} pages/s, "
          f"{size / 1e6 / best:.1f} MB/s (best of {args.repeat}; CPU {cpu:.2f} s = {len(pages) / cpu:.0f} pages/s)")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "folder": str(args.folder), "pages": len(pages),
                                         "bytes": size, "seconds": best, "cpu_seconds": cpu,
                                         "pages_per_second": rate}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
