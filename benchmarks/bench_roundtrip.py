"""Benchmark: wall time of ``lawcode roundtrip`` over a folder, with one worker per CPU and with ``-j 1``.

Usage::

    python benchmarks/bench_roundtrip.py [DIR] [--json OUT]

DIR defaults to ``$LAWCODE_CORPUS`` (the whole shared corpus). The command runs in a fresh interpreter, as a
user would run it, so the figures include start-up. They are absolute times and only mean something together
with the machine they were measured on, which the script prints first.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from _common import machine


def _run(folder: Path, *options: str) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lawcode", "roundtrip", str(folder), "-q", *options],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"bench_roundtrip: lawcode roundtrip failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed, done.stdout.strip().splitlines()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path(os.environ.get("LAWCODE_CORPUS", "")))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    if not str(args.folder) or not args.folder.is_dir():
        print("bench_roundtrip: give DIR or set LAWCODE_CORPUS", file=sys.stderr)
        return 2
    print(f"machine: {machine()}")
    parallel, summary = _run(args.folder)
    serial, _ = _run(args.folder, "-j", "1")
    print(summary)
    print(f"lawcode roundtrip {args.folder}: {parallel:.1f} s with {os.cpu_count()} workers, {serial:.1f} s with -j 1")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "folder": str(args.folder), "summary": summary,
                                         "parallel_s": parallel, "serial_s": serial}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
