"""What the benchmark scripts share: the machine line, best-of-N timing and the corpus law files.

Every absolute figure a benchmark prints must be quoted with the machine and load it ran on (see
docs/performance.md), and the scripts time and select files the same way, so that their figures compare.
Scripts import this module as ``from _common import …``: they run as ``python benchmarks/bench_x.py``, which
puts this folder first on ``sys.path``.
"""

from __future__ import annotations

import gc
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path


def machine() -> str:
    """CPU count and model, Python version, OS and load average: what an absolute timing must be quoted with."""
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = ", load average %.1f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}{load}"


def best_of(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest of *repeat* timed calls of *fn* (after a garbage collection each): the least disturbed run.

    *clock* is wall time by default; pass ``time.process_time`` for CPU time, which a loaded machine distorts
    less.
    """
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def law_files(folder: Path, limit: int | None = None) -> list[tuple[str, bytes]]:
    """(path, bytes) of the XML files under *folder* whose root is ``<Law>``, in path order, at most *limit*."""
    out = []
    for p in sorted(folder.rglob("*.xml")):
        data = p.read_bytes()
        head = data[:400]
        if b"<Law " in head or b"<Law>" in head:
            out.append((str(p), data))
        if limit is not None and len(out) >= limit:
            break
    return out
