"""Benchmark: lawcode.references (every mention, resolved) against loading the same files, in the same run.

Usage::

    python benchmarks/bench_refs.py [DIR] [--limit N] [--json OUT] [--profile]

DIR defaults to ``$LAWCODE_CORPUS/bulk``. For every ``*.xml`` file with a ``<Law>`` root the script times
``lawcode.loads(data)`` (parse + structural index) and then ``lawcode.references(law)`` on the loaded law,
each once per file, in one pass (cold: the caches of the first laws start empty),
and prints both totals, their ratio (target: references ≤ 4× load; measured in CPU time of this process,
``time.process_time``, so that other programs on a shared machine do not skew it — wall times are printed
too), the mentions found, the share resolved
(every target exists in the law's own text; mentions of other laws — and この法律 in an 改正附則, which means
the amending law — count as unresolved because their texts are not loaded here; the share among mentions of
the law itself is printed separately) and the breakdown by kind. The first call builds the parser and loads the law index;
that one-off cost is measured separately and left out of the ratio.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import gc
import json
import os
import pstats
import sys
import time
from pathlib import Path

import lawcode
from lawcode.refs.scan import references, warm_up

from _common import law_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("LAWCODE_CORPUS", ".")) / "bulk"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions of references()")
    parser.add_argument("--no-gc", action="store_true",
                        help="disable the cyclic garbage collector for the whole run (pure compute, no GC pauses)")
    args = parser.parse_args(argv)
    files = law_files(args.folder, args.limit)
    if not files:
        print(f"no <Law> files under {args.folder}", file=sys.stderr)
        return 1
    t0 = time.process_time()
    warm_up()
    warm = time.process_time() - t0
    load_s = refs_s = 0.0
    mentions = resolved = same_law = same_law_resolved = 0
    by_kind: collections.Counter[str] = collections.Counter()
    resolved_by_kind: collections.Counter[str] = collections.Counter()
    size = sum(len(d) for _, d in files)
    profiler = cProfile.Profile() if args.profile else None
    gc.collect()
    if args.no_gc:
        gc.disable()
    wall_load = wall_refs = 0.0
    for name, data in files:
        w1, t1 = time.perf_counter(), time.process_time()
        law = lawcode.loads(data, source=name)
        w2, t2 = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.enable()
        refs = references(law)
        if profiler is not None:
            profiler.disable()
        w3, t3 = time.perf_counter(), time.process_time()
        load_s += t2 - t1
        refs_s += t3 - t2
        wall_load += w2 - w1
        wall_refs += w3 - w2
        mentions += len(refs)
        for r in refs:
            by_kind[r.kind.value] += 1
            if r.target_law is None:
                same_law += 1
                same_law_resolved += r.resolved
            if r.resolved:
                resolved += 1
                resolved_by_kind[r.kind.value] += 1
    ratio = refs_s / load_s if load_s else float("inf")
    figures = {
        "files": len(files),
        "megabytes": round(size / 1e6, 1),
        "load_seconds": round(load_s, 3),
        "references_seconds": round(refs_s, 3),
        "ratio": round(ratio, 2),
        "wall_load_seconds": round(wall_load, 3),
        "wall_references_seconds": round(wall_refs, 3),
        "wall_ratio": round(wall_refs / wall_load, 2) if wall_load else None,
        "warm_up_seconds": round(warm, 3),
        "mentions": mentions,
        "resolved": resolved,
        "resolved_share": round(resolved / mentions, 4) if mentions else None,
        "same_law_mentions": same_law,
        "same_law_resolved_share": round(same_law_resolved / same_law, 4) if same_law else None,
        "by_kind": {k: {"mentions": v, "resolved": resolved_by_kind[k]} for k, v in sorted(by_kind.items())},
    }
    print(f"{len(files)} files, {size / 1e6:.1f} MB")
    print(f"load        {load_s:8.2f} s CPU   ({wall_load:.2f} s wall)")
    print(f"references  {refs_s:8.2f} s CPU   ({wall_refs:.2f} s wall)   = {ratio:.2f}× load "
          f"(wall {wall_refs / max(wall_load, 1e-9):.2f}×; target ≤ 4×); one-off warm-up {warm:.2f} s")
    print(f"mentions    {mentions:8d}   resolved {resolved} ({100 * resolved / max(mentions, 1):.1f} %)")
    print(f"  of which in the law itself (target_law None): {same_law}, resolved "
          f"{same_law_resolved} ({100 * same_law_resolved / max(same_law, 1):.1f} %)")
    for k, v in sorted(by_kind.items()):
        print(f"  {k:13s} {v:8d}   resolved {resolved_by_kind[k]:8d} ({100 * resolved_by_kind[k] / v:.1f} %)")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
