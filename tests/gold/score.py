"""Score :func:`lawcode.references` against the hand-labelled gold set in this folder.

Usage (from the repository root)::

    .venv/bin/python tests/gold/score.py [--corpus DIR] [--details]

``--corpus`` defaults to ``$LAWCODE_CORPUS``. The gold files (``*.tsv``, format in ``README.md``) name a corpus file
by relative path and sha256; a file that differs is reported and not scored. A labelled provision whose
``text()`` changed since labelling (layout work) is reported as *drift* and left out, since its spans no longer
point at the labelled characters.

Figures:

* detection recall / precision — a predicted mention counts when its (source, span) equals a gold one; precision
  is over the predictions whose source is a labelled provision (every mention of those was labelled);
* resolution accuracy per class (relative, absolute = same-law absolute, cross = another law) — a gold mention is
  correct when a prediction in the same source overlaps its span and has the same ``target_law`` (``None`` for
  the same law) and the same set of ``targets``. Undetected mentions count as wrong, so this is end to end;
  matching by overlap keeps span-boundary disagreements in the detection figures only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

GOLD_DIR = Path(__file__).resolve().parent
CLASSES = ("relative", "absolute", "cross")
TARGETS = {"relative": 0.98, "absolute": 0.98, "cross": 0.97}


@dataclass(frozen=True)
class Mention:
    source: str
    start: int
    end: int
    cls: str
    target_law: str | None
    targets: tuple[str, ...]


@dataclass
class GoldLaw:
    name: str
    title: str
    file: str
    sha256: str
    provisions: dict[str, str] = field(default_factory=dict)  # source -> text sha1 prefix
    mentions: list[Mention] = field(default_factory=list)


def read_gold(folder: Path = GOLD_DIR) -> list[GoldLaw]:
    """Every gold file of *folder*, parsed."""
    out = []
    for path in sorted(folder.glob("*.tsv")):
        law = GoldLaw(path.stem, "", "", "")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# gold mentions: "):
                law.title = line[len("# gold mentions: "):]
            elif line.startswith("# file\t"):
                law.file = line.split("\t", 1)[1]
            elif line.startswith("# sha256\t"):
                law.sha256 = line.split("\t", 1)[1]
            elif line.startswith("P\t"):
                _, source, digest = line.split("\t")
                law.provisions[source] = digest
            elif line.startswith("M\t"):
                _, source, start, end, cls, target_law, targets = line.split("\t")
                law.mentions.append(Mention(source, int(start), int(end), cls,
                                            None if target_law == "-" else target_law,
                                            () if targets == "-" else tuple(targets.split())))
        out.append(law)
    return out


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Score:
    """Counts of one scoring run (summed over laws)."""

    gold: Counter = field(default_factory=Counter)  # class -> gold mentions
    detected: Counter = field(default_factory=Counter)  # class -> exact-span matches
    correct: Counter = field(default_factory=Counter)  # class -> resolved correctly (overlap match)
    predicted: int = 0  # predictions inside labelled provisions
    true_positive: int = 0
    drift: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def recall(self) -> float:
        total = sum(self.gold.values())
        return self.true_positive / total if total else 0.0

    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    def accuracy(self, cls: str) -> float:
        return self.correct[cls] / self.gold[cls] if self.gold[cls] else 0.0


def _field(ref: Any, name: str) -> Any:
    return getattr(ref, name)


def score(corpus: Path, references: Any = None, library: Any = None, laws: Iterable[GoldLaw] | None = None,
          details: bool = False) -> Score:
    """Run *references* (default :func:`lawcode.references`) on every gold law and count."""
    import lawcode

    if references is None:
        references = lawcode.references
    if library is None:
        library = lawcode.Library(corpus)
    result = Score()
    for gold in laws if laws is not None else read_gold():
        path = corpus / gold.file
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != gold.sha256:
            result.skipped.append(f"{gold.name}: {gold.file} missing or changed (sha256 differs)")
            continue
        law = lawcode.load(path)
        live = {}
        for source, digest in gold.provisions.items():
            p = law.get(source)
            if p is None or text_digest(p.text()) != digest:
                result.drift.append(f"{gold.name}: {source}")
            else:
                live[source] = p.text()
        refs = [r for r in references(law, library=library) if _field(r, "source") in live]
        result.predicted += len(refs)
        by_source: dict[str, list[Any]] = {}
        for r in refs:
            by_source.setdefault(r.source, []).append(r)
        for m in gold.mentions:
            if m.source not in live:
                continue
            result.gold[m.cls] += 1
            cands = by_source.get(m.source, [])
            exact = [r for r in cands if tuple(r.span) == (m.start, m.end)]
            if exact:
                result.detected[m.cls] += 1
                result.true_positive += 1
            overlapping = [r for r in cands if r.span[0] < m.end and m.start < r.span[1]]
            best = exact[0] if exact else max(
                overlapping, key=lambda r: min(r.span[1], m.end) - max(r.span[0], m.start), default=None)
            ok = (best is not None and best.target_law == m.target_law and set(best.targets) == set(m.targets))
            if ok:
                result.correct[m.cls] += 1
            elif details:
                text = live[m.source][m.start:m.end]
                got = "not detected" if best is None else (
                    f"got {best.text!r} {best.span} law={best.target_law} targets={list(best.targets)}")
                result.errors.append(
                    f"{gold.name} {m.source} [{m.start},{m.end}) {text!r} ({m.cls}) "
                    f"want law={m.target_law} targets={list(m.targets)}; {got}")
        if details:
            gold_spans = {(m.source, m.start, m.end) for m in gold.mentions}
            for r in refs:
                if (r.source, r.span[0], r.span[1]) not in gold_spans:
                    result.errors.append(f"{gold.name} {r.source} [{r.span[0]},{r.span[1]}) {r.text!r}: "
                                         "predicted, not in the gold set")
    return result


def report(result: Score) -> str:
    lines = [f"detection: recall {result.recall():.1%}, precision {result.precision():.1%} "
             f"({result.true_positive} exact of {sum(result.gold.values())} gold, {result.predicted} predicted)"]
    for cls in CLASSES:
        lines.append(f"resolution {cls:8s}: {result.accuracy(cls):.1%} ({result.correct[cls]}/{result.gold[cls]}; "
                     f"detected exactly {result.detected[cls]}; target ≥ {TARGETS[cls]:.0%})")
    if result.drift:
        lines.append(f"drift (text changed since labelling, not scored): {len(result.drift)} provisions")
    lines += [f"skipped: {s}" for s in result.skipped]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("LAWCODE_CORPUS"))
    parser.add_argument("--details", action="store_true", help="list every wrong or extra mention")
    args = parser.parse_args(argv)
    if not args.corpus:
        parser.error("give --corpus or set LAWCODE_CORPUS")
    result = score(Path(args.corpus), details=args.details)
    print(report(result))
    for e in result.errors:
        print("  " + e)
    for d in result.drift if args.details else ():
        print("  drift: " + d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
