"""Generation round trip over the real version pairs: ``amend(old, kaimebun(diff(old, new))).law == new``.

Usage: ``python benchmarks/bench_kaimebun.py [CORPUS] [--limit N] [--only TEXT] [--list]`` (CORPUS defaults to
``$LAWCODE_CORPUS``). The population is every pair of successive versions under ``egov/`` and
``egov_versions/``, the saved pairs of ``version_pairs/INDEX.tsv`` and the before/after of
``amendments/INDEX.tsv``, each file under 1.5 MB (:func:`lawcode.amend.roundtrip.corpus_pairs`). Prints the
exact rate over the pairs that differ, the statuses, the share of coarse sentences (「次のように改める」), the
pairs that needed export-format normalisation, the time, and with ``--list`` every pair that is not exact with
the reason.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter

from lawcode.amend.export_rules import RULES
from lawcode.amend.roundtrip import check_files, corpus_pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=os.environ.get("LAWCODE_CORPUS"))
    parser.add_argument("--limit", type=int, default=0, help="only every k-th pair, about N in all")
    parser.add_argument("--list", action="store_true", help="list every pair that is not exact, with the reason")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="only the pairs whose name contains TEXT (repeatable)")
    args = parser.parse_args(argv)
    if not args.corpus:
        parser.error("give the corpus folder or set LAWCODE_CORPUS")
    pairs = corpus_pairs(args.corpus)
    if args.only:
        pairs = [p for p in pairs if any(t in p[0] for t in args.only)]
    if args.limit:
        pairs = pairs[:: max(1, len(pairs) // args.limit)][: args.limit]
    wall, cpu = time.perf_counter(), time.process_time()
    results = [check_files(name, a, b) for name, a, b in pairs]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    status = Counter(r.status for r in results)
    changed = [r for r in results if r.status != "unchanged"]
    exact = sum(r.status == "exact" for r in changed)
    sentences = sum(r.sentences for r in changed)
    coarse = sum(r.coarse for r in changed)
    phrase = sum(r.phrase for r in changed)
    normalised = sum(r.normalised for r in changed)
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}")
    print(f"pairs: {len(results)} ({len(changed)} differ, {status['unchanged']} equal once 改正附則 and export "
          f"metadata are left out)")
    if changed:
        print(f"round trip exact: {exact}/{len(changed)} = {100 * exact / len(changed):.1f} %")
        apart = [r for r in changed if r.not_partial]
        partial = len(changed) - len(apart)
        print(f"pairs that are not an 一部改正 (another law; counted above as not exact): {len(apart)}; exact "
              f"among the {partial} others: {exact}/{partial} = {100 * exact / max(1, partial):.1f} %")
    print("statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items())))
    print(f"sentences: {sentences} (phrase-edit sentences {phrase}, coarse 次のように改める {coarse} = "
          f"{100 * coarse / max(1, sentences):.1f} %)")
    strict = sum(r.status == "exact" and not r.normalised for r in changed)
    print(f"pairs whose two exports differ in format (layout attributes normalised first): {normalised}; "
          f"exact without any normalisation: {strict}/{len(changed)}")
    for rule in RULES:
        needed = [r for r in changed if rule in r.rules]
        print(f"pairs that needed the export rule {rule!r}: {len(needed)} "
              f"({sum(r.status == 'exact' for r in needed)} of them exact)")
    print(f"time: {wall:.1f} s wall, {cpu:.1f} s CPU, {1000 * wall / max(1, len(results)):.0f} ms per pair")
    if args.list:
        for r in results:
            if not r.ok and not r.not_partial:
                why = "; ".join(r.problems[:3]) or r.error
                print(f"  {r.status:9} {r.name}: {why[:300]}")
        for r in results:
            if r.not_partial:
                print(f"  not an 一部改正 {r.name}: {r.problems[0][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
