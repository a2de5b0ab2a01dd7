"""Benchmark: lawcode.loads / Law.to_xml against bare lxml on the same bytes, in the same run.

Usage::

    python benchmarks/bench_load.py [DIR] [--repeat N] [--json OUT]

DIR defaults to ``$LAWCODE_CORPUS/bulk``. For every ``*.xml`` file with a ``<Law>`` root the script times

* ``lxml.etree.fromstring(data)`` (baseline) vs ``lawcode.loads(data)`` (parse + structural index);
* ``lxml.etree.tostring(tree)`` (baseline) vs ``law.to_xml()``;

each repeated N times (best of N per phase, to damp noise), and prints MB/s and the ratios, plus the peak
memory of loading the largest file (peak RSS of a fresh interpreter above its baseline, lxml vs lawcode, plus
the Python objects counted by tracemalloc). Also reports the cost of the first write of a
copy-on-write draft (one deep copy) relative to parsing. Targets: load ≤ 4× and to_xml ≤ 4× bare lxml.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

from lxml import etree

import lawcode

from _common import best_of, law_files

_RSS_SCRIPT = """
import resource, sys
from lxml import etree
import lawcode
data = open(sys.argv[1], "rb").read()
what = sys.argv[2]
if what == "lxml":
    keep = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
elif what == "lawcode":
    keep = lawcode.loads(data)
try:  # VmHWM belongs to this process image; ru_maxrss would carry the parent's high-water mark over fork
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_rss_mb(path: str, what: str) -> float:
    """Peak resident memory (MB) of a fresh interpreter that loads *path* with *what* (or nothing)."""
    out = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, path, what], capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip()) / 1024  # KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("LAWCODE_CORPUS", "../shared/corpus")) / "bulk"
    ap.add_argument("folder", nargs="?", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"bench: no such directory {args.folder} (set LAWCODE_CORPUS or pass DIR)", file=sys.stderr)
        return 2
    files = law_files(args.folder)
    datas = [d for _, d in files]
    mb = sum(map(len, datas)) / 1e6
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    print(f"{len(files)} files, {mb:.1f} MB in {args.folder}")

    t_lxml_parse = best_of(lambda: [etree.fromstring(d, parser) for d in datas], args.repeat)
    t_load = best_of(lambda: [lawcode.loads(d) for d in datas], args.repeat)
    trees = [etree.fromstring(d, parser).getroottree() for d in datas]
    laws = [lawcode.loads(d) for d in datas]
    t_lxml_write = best_of(lambda: [etree.tostring(t, encoding="UTF-8", xml_declaration=True) for t in trees],
                           args.repeat)
    t_write = best_of(lambda: [law.to_xml() for law in laws], args.repeat)
    t_draft = best_of(lambda: [law.draft().root for law in laws], args.repeat)
    n_prov = sum(len(law) for law in laws)
    laws.clear()
    trees.clear()

    name, biggest = max(files, key=lambda f: len(f[1]))
    gc.collect()
    tracemalloc.start()
    big = lawcode.loads(biggest)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del big
    rss = {what: _peak_rss_mb(name, what) for what in ("baseline", "lxml", "lawcode")}

    figures = {
        "files": len(files),
        "megabytes": round(mb, 2),
        "provisions": n_prov,
        "lxml_parse_mb_s": round(mb / t_lxml_parse, 1),
        "lawcode_load_mb_s": round(mb / t_load, 1),
        "load_ratio": round(t_load / t_lxml_parse, 2),
        "lxml_tostring_mb_s": round(mb / t_lxml_write, 1),
        "lawcode_to_xml_mb_s": round(mb / t_write, 1),
        "to_xml_ratio": round(t_write / t_lxml_write, 2),
        "draft_first_write_ratio_to_parse": round(t_draft / t_lxml_parse, 2),
        "largest_file": Path(name).name,
        "largest_file_mb": round(len(biggest) / 1e6, 2),
        "largest_file_peak_python_mb": round(peak / 1e6, 1),
        "largest_file_rss_lxml_mb": round(rss["lxml"] - rss["baseline"], 1),
        "largest_file_rss_lawcode_mb": round(rss["lawcode"] - rss["baseline"], 1),
    }
    print(f"load    : lxml {figures['lxml_parse_mb_s']:7.1f} MB/s   lawcode {figures['lawcode_load_mb_s']:7.1f} MB/s"
          f"   ratio {figures['load_ratio']:.2f}x  (target <= 4x)")
    print(f"to_xml  : lxml {figures['lxml_tostring_mb_s']:7.1f} MB/s   lawcode {figures['lawcode_to_xml_mb_s']:7.1f} MB/s"
          f"   ratio {figures['to_xml_ratio']:.2f}x  (target <= 4x)")
    print(f"draft   : first write (deep copy) = {figures['draft_first_write_ratio_to_parse']:.2f}x of lxml parse time")
    print(f"indexed : {n_prov} provisions")
    print(f"memory  : largest file {figures['largest_file']} ({figures['largest_file_mb']} MB): peak RSS above "
          f"interpreter baseline: lxml {figures['largest_file_rss_lxml_mb']} MB, lawcode "
          f"{figures['largest_file_rss_lawcode_mb']} MB (of which Python objects "
          f"{figures['largest_file_peak_python_mb']} MB by tracemalloc)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    ok = figures["load_ratio"] <= 4 and figures["to_xml_ratio"] <= 4
    print("targets met" if ok else "TARGETS MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
