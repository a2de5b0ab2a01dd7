"""Benchmark: corpus references + citation graph on Dask with 1 and 2 local workers, against the serial run.

Usage::

    python benchmarks/bench_corpus.py [--corpus DIR] [--workers 1,2] [--limit N] [--repeat N] [--json OUT]

The laws are ``$LAWCODE_CORPUS/bulk`` (1,693 laws, 73 MB) unless ``--corpus`` names another folder. In one
process it runs, in this order:

* ``serial`` — :class:`lawcode.corpus.Corpus` with ``scheduler="serial"``: the same per-partition functions in
  this process, one after the other (the baseline);
* ``N workers`` — a fresh :class:`distributed.LocalCluster` of N single-threaded worker processes; the cluster
  is started and warmed up (every worker imports lawcode and parses one small law) before the clock starts,
  and its start-up time is printed apart.

Each run is references + graph in one scan, ``corpus.citation_graph(references_out=…)``: the workers scan
every law's references, write them as Parquet (a temporary folder) and send back the edge columns; the client
adds each partition's edges to the networkx graph as it completes (in the serial run the graph is built after
the scan, and its share is printed as ``graph``). For
each it prints wall time, MB/s, seconds per MB, speed-up over serial, peak RSS of each worker (``VmHWM``,
read in the worker) or of this process for the serial run. Finally it extrapolates to the full e-Gov corpus
(8,515 laws, 880 MB) with the model ``t = start-up + bytes / throughput`` fitted on the run with most workers,
and with a CPU-time model (``t = start-up + max(total CPU-s/MB × MB / cores, graph CPU-s/MB × MB)``), which
other jobs on a shared machine do not inflate.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

FULL_CORPUS_BYTES = 880e6
FULL_CORPUS_LAWS = 8515
TARGET_SECONDS = 60.0


def _maxrss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports ``ru_maxrss`` in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    """Peak resident memory of this process's address space in MB (``VmHWM``). Unlike ``ru_maxrss``, which Linux
    carries over an exec from the parent (a spawned worker would report the client's peak), it starts afresh."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return _maxrss_mb()


def _rss_pid() -> tuple[int, float, float]:
    """(pid, peak MB, current MB) of the process it runs in."""
    import psutil

    return os.getpid(), _hwm_mb(), psutil.Process().memory_info().rss / 1e6


def _cpu() -> float:
    """CPU seconds of this process so far (user + system): robust to other work on a shared machine."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _warm(_: Any = None) -> float:
    """Run in each worker: import lawcode and parse a tiny law, so the first task is not charged for it."""
    import lawcode
    from lawcode.refs.scan import warm_up

    warm_up()
    lawcode.loads(b"<Law Era='Reiwa' Year='1' LawType='Act' Num='1'><LawNum>x</LawNum><LawBody><LawTitle>t"
                  b"</LawTitle><MainProvision><Paragraph Num='1'><ParagraphNum/><ParagraphSentence><Sentence>"
                  b"a</Sentence></ParagraphSentence></Paragraph></MainProvision></LawBody></Law>")
    return _hwm_mb()


def run(files: list[Path], workers: list[int]) -> dict[str, Any]:
    from lawcode.corpus import Corpus, graph_from_edges

    mb = sum(f.stat().st_size for f in files) / 1e6
    results: dict[str, Any] = {"laws": len(files), "mb": round(mb, 2), "cpus": os.cpu_count(),
                               "python": platform.python_version(), "machine": platform.machine(), "runs": []}
    print(f"{len(files)} laws, {mb:.1f} MB, {os.cpu_count()} CPUs, Python {platform.python_version()}")

    # serial baseline in this process: the workers' job (tables.reference_columns → Parquet → edge_columns)
    # partition after partition, then the graph
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    from lawcode.corpus import tables

    with Corpus(files, scheduler="serial") as c, tempfile.TemporaryDirectory() as out:
        _warm()
        c0 = _cpu()
        t0 = time.perf_counter()
        edges = []
        for i, part in enumerate(c.partitions):
            refs = tables.reference_columns(part)
            pq.write_table(pa.Table.from_pydict(refs, schema=tables.REFERENCE_SCHEMA), f"{out}/part.{i}.parquet")
            edges.append(tables.edge_columns(refs))
        t1 = time.perf_counter()
        c1 = _cpu()
        g = graph_from_edges(edges)
        t2 = time.perf_counter()
        c2 = _cpu()
    serial = t2 - t0
    scan_cpu, graph_cpu = c1 - c0, c2 - c1
    base = {"name": "serial", "workers": 0, "seconds": round(serial, 2), "graph_seconds": round(t2 - t1, 2),
            "edges": g.number_of_edges(), "nodes": g.number_of_nodes(), "peak_mb": [round(_hwm_mb())],
            "scan_cpu_seconds": round(scan_cpu, 2), "graph_cpu_seconds": round(graph_cpu, 2)}
    results["runs"].append(base)
    print(f"serial     {serial:7.1f} s  {mb / serial:5.2f} MB/s  {serial / mb:6.3f} s/MB  graph {t2 - t1:4.1f} s  "
          f"{g.number_of_nodes():,} nodes {g.number_of_edges():,} edges  peak {_hwm_mb():.0f} MB  "
          f"scan + Parquet CPU {scan_cpu:.1f} s ({mb / scan_cpu:.2f} MB/CPU-s), graph CPU {graph_cpu:.1f} s")

    # the serial run's tables and graph would stay alive in this process while the client builds the next graphs,
    # and every garbage collection there would walk them: drop them first
    del edges, g
    gc.collect()

    import distributed

    for n in workers:
        s0 = time.perf_counter()
        import dask

        from lawcode.corpus.cluster import LOCAL_WORKER_CONFIG

        with dask.config.set(LOCAL_WORKER_CONFIG):  # as lawcode's own local cluster: no worker profiler
            cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                               memory_limit="auto", dashboard_address=None, host="127.0.0.1",
                                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        try:
            with distributed.Client(cluster) as client:
                client.run(_warm)
                startup = time.perf_counter() - s0
                before = client.run(_cpu)
                with Corpus(files, scheduler=client) as c, tempfile.TemporaryDirectory() as out:
                    client_cpu = _cpu()
                    t0 = time.perf_counter()
                    # one scan: the workers write the references as Parquet and send the edges; the client adds
                    # each partition's edges to the graph as it completes
                    g = c.citation_graph(references_out=out)
                    t2 = time.perf_counter()
                    client_cpu = _cpu() - client_cpu
                after = client.run(_cpu)
                worker_cpu = sum(after[k] - before[k] for k in after)
                seen = client.run(_rss_pid)
                peaks = sorted(round(peak) for _, peak, _ in seen.values())
                results.setdefault("worker_memory", []).append({"workers": n, "pid_peak_current_mb": list(seen.values())})
        finally:
            cluster.close()
        wall = t2 - t0
        run_ = {"name": f"{n} workers", "workers": n, "seconds": round(wall, 2),
                "startup_seconds": round(startup, 2), "edges": g.number_of_edges(), "nodes": g.number_of_nodes(),
                "peak_mb": peaks, "speedup": round(serial / wall, 2), "worker_cpu_seconds": round(worker_cpu, 2), "client_cpu_seconds": round(client_cpu, 2)}
        results["runs"].append(run_)
        same = g.number_of_edges() == base["edges"] and g.number_of_nodes() == base["nodes"]
        print(f"{n} worker(s) {wall:6.1f} s  {mb / wall:5.2f} MB/s  {wall / mb:6.3f} s/MB  "
              f"speed-up {serial / wall:4.2f}×  start-up {startup:4.1f} s  peak/worker {peaks} MB  "
              f"worker CPU {worker_cpu:.1f} s  client CPU {client_cpu:.1f} s  {'same graph' if same else 'GRAPH DIFFERS'}")

    best = results["runs"][-1]
    throughput = mb / best["seconds"]
    full = best.get("startup_seconds", 0) + FULL_CORPUS_BYTES / 1e6 / throughput
    cores_needed = best["workers"] * full / TARGET_SECONDS if best["workers"] else None
    results["extrapolation"] = {"model": "t = start-up + bytes / throughput (throughput of the largest run)",
                                "throughput_mb_s": round(throughput, 2), "full_corpus_seconds": round(full, 1),
                                "cores_for_60s_at_ideal_scaling": round(cores_needed, 1) if cores_needed else None}
    # the same model on CPU time, which other work on a shared machine does not inflate: workers scan, the
    # client builds the graph as partitions arrive, so on C cores everything overlaps and the bound is total
    # CPU / C — unless the client's graph share alone is longer. Fitted on the serial run (no parallel overhead)
    # and on the largest parallel run (workers' + client's CPU, overheads included).
    full_mb = FULL_CORPUS_BYTES / 1e6
    scan_mb, graph_mb = base["scan_cpu_seconds"] / mb, base["graph_cpu_seconds"] / mb
    cpu_full = max((scan_mb + graph_mb) * full_mb / 2, graph_mb * full_mb)
    results["extrapolation"]["full_corpus_seconds_2_cores_from_serial_cpu"] = round(cpu_full, 1)
    print(f"CPU model (serial run): scan {scan_mb:.3f} CPU-s/MB + graph {graph_mb:.3f} CPU-s/MB, overlapped on "
          f"2 cores → full corpus ≈ {cpu_full:.0f} s")
    if best["workers"]:
        par_mb = (best["worker_cpu_seconds"] + best["client_cpu_seconds"]) / mb
        par_full = best["startup_seconds"] + max(par_mb * full_mb / 2, best["client_cpu_seconds"] / mb * full_mb)
        results["extrapolation"]["full_corpus_seconds_2_cores_from_parallel_cpu"] = round(par_full, 1)
        print(f"CPU model ({best['name']}): workers + client {par_mb:.3f} CPU-s/MB, start-up "
              f"{best['startup_seconds']:.1f} s, on 2 cores → full corpus ≈ {par_full:.0f} s")
    print(f"full corpus ({FULL_CORPUS_LAWS:,} laws, {FULL_CORPUS_BYTES / 1e6:.0f} MB) with {best['name']}: "
          f"≈ {full:.0f} s at {throughput:.2f} MB/s (target {TARGET_SECONDS:.0f} s ≈ 15 MB/s)"
          + (f"; ≈ {cores_needed:.0f} cores for {TARGET_SECONDS:.0f} s at ideal scaling" if cores_needed else ""))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of e-Gov XML (default: $LAWCODE_CORPUS/bulk)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--limit", type=int, help="only the first N laws (by name)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the whole comparison N times and summarise (the machine's speed drifts)")
    args = parser.parse_args()
    folder = args.corpus
    if folder is None:
        base = os.environ.get("LAWCODE_CORPUS")
        if not base:
            print("set LAWCODE_CORPUS or pass --corpus", file=sys.stderr)
            return 2
        folder = Path(base) / "bulk"
    files = sorted(folder.rglob("*.xml"))[: args.limit]
    counts = [int(n) for n in args.workers.split(",") if n]
    if args.repeat > 1:
        rounds = [_round_in_new_process(argv_without_repeat(sys.argv[1:])) for _ in range(args.repeat)]
        summarise(rounds)
    else:
        rounds = [run(files, counts)]
    if args.json:
        data = rounds[0] if len(rounds) == 1 else {"rounds": rounds}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def argv_without_repeat(argv: list[str]) -> list[str]:
    """The command line of one round: this one without ``--repeat`` and ``--json`` (and their values)."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--repeat", "--json"):
            skip = True
        elif not arg.startswith(("--repeat=", "--json=")):
            out.append(arg)
    return out


def _round_in_new_process(argv: list[str]) -> dict[str, Any]:
    """One round in a fresh interpreter, so that every round starts as cold as the first (the serial baseline
    would otherwise find the previous round's caches warm and look faster than it is)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "round.json"
        subprocess.run([sys.executable, __file__, *argv, "--json", str(out)], check=True)
        return json.loads(out.read_text(encoding="utf-8"))


def summarise(rounds: list[dict[str, Any]]) -> None:
    """Median and range over the rounds (each in its own process) of each run's throughput and speed-up, and of
    the extrapolation: one round is one minute of a shared machine, whose speed can drift by ±15 % from one minute
    to the next."""
    import statistics

    mb = rounds[0]["mb"]
    print(f"\nover {len(rounds)} rounds (median, min–max):")
    for i, first in enumerate(rounds[0]["runs"]):
        rates = [mb / r["runs"][i]["seconds"] for r in rounds]
        line = f"  {first['name']:10s} {statistics.median(rates):5.2f} MB/s ({min(rates):.2f}–{max(rates):.2f})"
        if first["workers"]:
            ups = [r["runs"][i]["speedup"] for r in rounds]
            line += f"  speed-up {statistics.median(ups):.2f}× ({min(ups):.2f}–{max(ups):.2f})"
        print(line)
    full = [r["extrapolation"]["full_corpus_seconds"] for r in rounds]
    cpu = [r["extrapolation"].get("full_corpus_seconds_2_cores_from_parallel_cpu") for r in rounds]
    print(f"  full corpus, wall-clock model: {statistics.median(full):.0f} s ({min(full):.0f}–{max(full):.0f})")
    if all(c is not None for c in cpu):
        print(f"  full corpus, CPU model:        {statistics.median(cpu):.0f} s ({min(cpu):.0f}–{max(cpu):.0f})")


if __name__ == "__main__":
    sys.exit(main())
