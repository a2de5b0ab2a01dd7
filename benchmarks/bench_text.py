"""Benchmark: ``lawcode.parse_text`` on the text of every bulk law against ``lawcode.loads`` of the same laws'
XML, in the same run (issue 14: target ≤ 5× the XML load time).

Usage::

    python benchmarks/bench_text.py [DIR] [--limit N] [--json OUT]

DIR defaults to ``$LAWCODE_CORPUS/bulk``. Every law is first written as text with ``Law.to_text()`` (not
timed); then all XML documents are loaded and all texts parsed, each in one timed loop, best of ``--repeat``
rounds. Throughput is in MB of UTF-8 input per second; the machine is printed first.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import lawcode
from lawcode.errors import LawcodeError

from _common import machine


def _best(fn, items: list, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("LAWCODE_CORPUS", "corpus")) / "bulk"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    files = sorted(args.folder.rglob("*.xml"))
    if args.limit:
        files = files[: args.limit]
    xml: list[bytes] = []
    texts: list[str] = []
    failed = 0
    for f in files:
        data = f.read_bytes()
        try:
            law = lawcode.loads(data, str(f))
            text = law.to_text()
            lawcode.parse_text(text)
        except LawcodeError:
            failed += 1
            continue
        xml.append(data)
        texts.append(text)
    if not xml:
        print(f"no laws under {args.folder}", file=sys.stderr)
        return 1
    t_xml = _best(lambda d: lawcode.loads(d), xml, args.repeat)
    t_text = _best(lambda t: lawcode.parse_text(t), texts, args.repeat)
    mb_xml = sum(map(len, xml)) / 1e6
    mb_text = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    result = {
        "machine": machine(), "laws": len(xml), "skipped (text does not parse)": failed,
        "xml_mb": round(mb_xml, 2), "text_mb": round(mb_text, 2),
        "load_xml_s": round(t_xml, 3), "parse_text_s": round(t_text, 3),
        "load_xml_mb_per_s": round(mb_xml / t_xml, 2), "parse_text_mb_per_s": round(mb_text / t_text, 2),
        "ratio_time_text_to_xml": round(t_text / t_xml, 2),
    }
    print(machine())
    print(f"{len(xml)} laws ({failed} skipped): load XML {mb_xml:.1f} MB in {t_xml:.2f} s "
          f"({mb_xml / t_xml:.1f} MB/s); parse_text {mb_text:.1f} MB in {t_text:.2f} s "
          f"({mb_text / t_text:.1f} MB/s); time ratio text/XML {t_text / t_xml:.2f}×")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
