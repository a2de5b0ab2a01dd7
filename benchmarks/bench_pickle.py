"""Benchmark: what it costs to send provisions to worker processes, before and after cheap pickling.

Usage::

    python benchmarks/bench_pickle.py [FILE] [--articles N] [--workers W] [--json OUT]

FILE defaults to the largest XML file of ``$LAWCODE_CORPUS/egov_versions/340AC0000000034`` (法人税法). The
script loads it and reports

* the pickled size of one article (``pickle.dumps(article)``);
* ``Pool(W).map(f, articles[:N], chunksize=1)`` with a trivial ``f`` (the article's label and text length),
  against the same map done serially in this process;

each in two modes: **before** — every law pickled as its whole XML, which is what lawcode did until
:mod:`lawcode.io.pickling` (forced here by registering the XML reducer for the run) — and **after** — the
default: a file-backed law travels as a verified reference and is parsed once per worker. Each pool is
started before the clock starts, so the figures are the cost of the map, not of starting processes.
"""

from __future__ import annotations

import argparse
import copyreg
import json
import multiprocessing
import os
import pickle
import sys
import time
from pathlib import Path

import lawcode
from lawcode.io import pickling
from lawcode.model.law import Law

from _common import machine


def _default_file() -> Path:
    corpus = os.environ.get("LAWCODE_CORPUS")
    if not corpus:
        sys.exit("bench_pickle: give FILE or set LAWCODE_CORPUS to the shared corpus")
    folder = Path(corpus) / "egov_versions" / "340AC0000000034"
    files = sorted(folder.glob("*.xml"), key=lambda p: p.stat().st_size)
    if not files:
        sys.exit(f"bench_pickle: no XML files in {folder}")
    return files[-1]


def _work(article) -> tuple[str | None, int]:
    return article.label, len(article.text())


def _reduce_as_xml(law: Law):
    return pickling._law_from_xml, (law.to_xml(), law.source, law.revision)


def _measure(articles: list, workers: int) -> dict[str, float | int]:
    pickling.clear_cache()
    dump_t0 = time.perf_counter()  # the first dump of the "after" mode includes checking the file, once
    for a in articles:
        pickle.dumps(a)
    dumps = time.perf_counter() - dump_t0
    size = len(pickle.dumps(articles[0]))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(abs, range(workers * 4), chunksize=1)  # workers are up before the clock starts
        t0 = time.perf_counter()
        pooled = pool.map(_work, articles, chunksize=1)
        elapsed = time.perf_counter() - t0
    assert pooled == [_work(a) for a in articles]
    return {"article_pickle_bytes": size, "pickle_all_s": dumps, "pool_map_s": elapsed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, help="law XML file (default: 法人税法 in the corpus)")
    parser.add_argument("--articles", type=int, default=100, help="number of articles to map (default 100)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)

    path = args.file or _default_file()
    law = lawcode.load(path)
    articles = list(law.provisions("Article"))[: args.articles]

    t0 = time.perf_counter()
    serial = [_work(a) for a in articles]
    serial_s = time.perf_counter() - t0
    assert len(serial) == len(articles)

    copyreg.pickle(Law, _reduce_as_xml)
    try:
        before = _measure(articles, args.workers)
    finally:
        pickling.register()
    law.__dict__.pop(pickling._REF_KEY, None)  # the first pickling below pays for checking the file
    after = _measure(articles, args.workers)

    print(f"bench_pickle — {path.name} ({path.stat().st_size / 1e6:.2f} MB, {len(law):,} provisions)")
    print(f"machine: {machine()}")
    print(f"{len(articles)} articles, Pool({args.workers}).map(chunksize=1) vs serial")
    print()
    print(f"{'':34}{'before (XML)':>16}{'after (reference)':>20}")
    print(f"{'pickled size of one article':34}{before['article_pickle_bytes']:>14,} B"
          f"{after['article_pickle_bytes']:>18,} B")
    print(f"{'pickle.dumps of every article':34}{before['pickle_all_s']:>14.3f} s{after['pickle_all_s']:>18.3f} s")
    print(f"{'Pool.map':34}{before['pool_map_s']:>14.3f} s{after['pool_map_s']:>18.3f} s")
    print(f"{'serial map in this process':34}{serial_s:>14.3f} s{serial_s:>18.3f} s")
    if args.json:
        figures = {"file": str(path), "machine": machine(), "articles": len(articles), "workers": args.workers,
                   "serial_s": serial_s, "before": before, "after": after}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
