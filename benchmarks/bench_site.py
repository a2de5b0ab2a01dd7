"""Benchmark: the law site of lawcode.sphinxext — one big law page and the demo site.

Usage::

    python benchmarks/bench_site.py [FILE] [--repeat N]

FILE defaults to 個人情報保護法 in ``$LAWCODE_CORPUS`` (egov/415AC0000000057, the 2025 version). Reported:

* ``render``: load the XML, scan its references and build the docutils tree of the whole law page
  (:class:`lawcode.sphinxext.render.LawRenderer`), in this process, the best of N runs (cold: the first);
* ``page``: a one-page Sphinx project holding ``.. law:: FILE``, built from scratch into HTML (the whole
  ``sphinx-build``: read, resolve, write, search index), best of N;
* ``site``: the demo site (``site/``, as ``make site`` builds it), from scratch, without and — when the corpus
  is set — with the corpus pages.

Wall-clock and CPU (process) time are both printed: on a shared machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lawcode.sphinxext.render import LawRenderer  # noqa: E402
from lawcode.sphinxext.store import clear_cache, load_law  # noqa: E402

APPI = "egov/415AC0000000057/retrieved20250924_v1api_extracted.xml"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench_render(path: Path, repeat: int) -> None:
    times = []
    for _ in range(repeat):
        clear_cache()
        w, c = time.perf_counter(), time.process_time()
        loaded = load_law(path)
        n_refs = len(loaded.references)
        out = LawRenderer(loaded, "law").render()
        times.append((time.perf_counter() - w, time.process_time() - c))
    best = min(times)
    print(f"render  {path.name}: {len(out.objects)} provisions, {n_refs} references — "
          f"cold {times[0][0]:.2f} s, best {best[0]:.2f} s wall / {best[1]:.2f} s CPU")


def bench_page(path: Path, repeat: int) -> None:
    from sphinx.application import Sphinx

    times = []
    for _ in range(repeat):
        clear_cache()
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp, "src")
            src.mkdir()
            (src / "conf.py").write_text('extensions = ["lawcode.sphinxext"]\nlanguage = "ja"\n'
                                         'html_theme = "basic"\n', encoding="utf-8")
            (src / "index.rst").write_text(f"Law\n===\n\n.. law:: {path}\n", encoding="utf-8")
            w, c = time.perf_counter(), time.process_time()
            app = Sphinx(str(src), str(src), str(Path(tmp, "out")), str(Path(tmp, "doctrees")), "html",
                         status=io.StringIO(), warning=io.StringIO(), freshenv=True)
            app.build()
            times.append((time.perf_counter() - w, time.process_time() - c))
            size = Path(tmp, "out", "index.html").stat().st_size
    best = min(times)
    print(f"page    one-page sphinx-build of {path.name} ({size / 1e6:.1f} MB of HTML): "
          f"best {best[0]:.2f} s wall / {best[1]:.2f} s CPU (of {repeat})")


def bench_site(corpus: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LAWCODE_CORPUS=corpus)
        before = _children_cpu()
        w = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-E", "-b", "html", str(ROOT / "site"), tmp],
                       check=True, env=env)
        wall = time.perf_counter() - w
        pages = sum(1 for _ in Path(tmp).rglob("*.html"))
    what = "samples + corpus" if corpus else "samples only"
    print(f"site    demo site ({what}, {pages} HTML pages): {wall:.2f} s wall / {_children_cpu() - before:.2f} s CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = os.environ.get("LAWCODE_CORPUS", "")
    path = Path(args.file) if args.file else (Path(corpus) / APPI if corpus else None)
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average "
          f"{os.getloadavg()[0]:.2f}")
    if path is not None and path.is_file():
        bench_render(path, args.repeat)
        bench_page(path, args.repeat)
    else:
        print("render/page: no FILE and no $LAWCODE_CORPUS: skipped")
    bench_site("")
    if corpus:
        bench_site(corpus)


if __name__ == "__main__":
    main()
