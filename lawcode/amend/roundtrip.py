"""The generation round trip: ``amend(old, kaimebun(diff(old, new))).law`` must equal *new* (改正附則 excluded).

:func:`check_pair` runs it for one pair of versions and says what happened; :func:`corpus_pairs` lists the
real version pairs of a corpus laid out like ``../shared/corpus`` (``egov/`` and ``egov_versions/`` folders of
successive versions of one law, ``version_pairs/INDEX.tsv``, ``amendments/INDEX.tsv`` before/after), so that
the benchmark and the corpus test measure the same population.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lawcode.amend.amendment import amend
from lawcode.amend.cases import comparable_xml
from lawcode.amend.generate import Kaimebun, generate
from lawcode.errors import LawcodeError
from lawcode.io import load, loads
from lawcode.model.law import Law

__all__ = ["PairResult", "check_pair", "check_files", "comparable_body", "corpus_pairs", "format_differences", "MAX_BYTES"]

#: Pairs with a file larger than this are left out (the population of issue 8: "all pairs under 1.5 MB").
MAX_BYTES = 1_500_000


@dataclass
class PairResult:
    """One round trip: ``status`` is ``exact``, ``unchanged`` (the two versions are already equal),
    ``mismatch`` (the amended law differs from *new*), ``problem`` (the generator could not write some
    provision; see ``problems``) or ``failed`` (the generated text did not apply: ``error``)."""

    name: str
    status: str
    sentences: int = 0
    coarse: int = 0
    phrase: int = 0
    problems: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0
    #: Whether export-format attributes (Delete="false" …) had to be removed from both versions first.
    normalised: bool = False

    @property
    def ok(self) -> bool:
        return self.status in ("exact", "unchanged")


def comparable_body(law: Law) -> bytes:
    """What an 改め文 can change: canonical XML of the law without its 改正附則 and without the attributes of
    ``<Law>`` (DataInfo, 施行日 … describe the export, not the text) and of ``<LawTitle>`` (its reading and
    abbreviations)."""
    root = etree.fromstring(comparable_xml(law))
    for e in [root, *root.iter("LawTitle")]:  # LawTitle: reading (Kana) and abbreviations, not the title
        for key in list(e.attrib):
            del e.attrib[key]
    return etree.tostring(root)


def _coverage(law: Law) -> dict[tuple[str, str], float]:
    tags: dict[str, int] = {}
    keys: dict[tuple[str, str], int] = {}
    for e in law.root.element.iter():
        if not isinstance(e.tag, str):
            continue
        tags[e.tag] = tags.get(e.tag, 0) + 1
        for k in e.attrib:
            keys[(e.tag, k)] = keys.get((e.tag, k), 0) + 1
    return {key: n / tags[key[0]] for key, n in keys.items()}


#: Attributes that describe how a text is laid out or exported, never what it says.
_FORMAT_ONLY = frozenset({"WritingMode", "Delete", "Hide", "OldStyle", "OldNum", "LineBreak"})


def format_differences(old: Law, new: Law) -> set[tuple[str, str]]:
    """(tag, attribute) pairs that the two exports write by different conventions — present in one and not
    the other, or on most elements in one and few in the other (``Sentence/@WritingMode``, ``Delete="false"``,
    ``LawTitle/@Kana`` …). No 改め文 adds or removes such attributes; they are export format, not text."""
    a, b = _coverage(old), _coverage(new)
    out = set()
    for key in set(a) | set(b):
        if not _is_format(key):
            continue
        ca, cb = a.get(key, 0.0), b.get(key, 0.0)
        if key == ("Sentence", "Num"):  # numbered only when several, or always: two conventions of e-Gov
            if abs(ca - cb) > 0.2:
                out.add(key)
            continue
        if ca != cb and (abs(ca - cb) > 0.5 or 0.0 in (ca, cb) or 0.0 < ca < 1.0 or 0.0 < cb < 1.0):
            out.add(key)
    return out


def _is_format(key: tuple[str, str]) -> bool:
    tag, name = key
    return name in _FORMAT_ONLY or tag == "LawTitle" or name.startswith("Border") or name in ("Align", "Valign") \
        or key == ("Sentence", "Num")


def _strip_format(law: Law, keys: set[tuple[str, str]]) -> Law:
    root = etree.fromstring(law.to_xml())
    for e in root.iter():
        for tag, key in keys:
            if e.tag == tag and key in e.attrib:
                del e.attrib[key]
    return loads(etree.tostring(root, encoding="utf-8", xml_declaration=True), source=str(law.source or "<law>"))


def _first_difference(a: bytes, b: bytes) -> str:
    ea, eb = etree.fromstring(a), etree.fromstring(b)
    for x, y in zip(ea.iter(), eb.iter(), strict=False):
        if x.tag != y.tag or dict(x.attrib) != dict(y.attrib) or (x.text or "") != (y.text or ""):
            return f"<{x.tag} {dict(x.attrib)}>{(x.text or '')[:40]!r} vs <{y.tag} {dict(y.attrib)}>{(y.text or '')[:40]!r}"
    return "different number of elements"


def check_pair(old: Law, new: Law, name: str = "") -> PairResult:
    """Generate the 改め文 from *old* to *new*, apply it to *old* and compare with *new*."""
    start = time.perf_counter()
    normalised = False
    fmt = format_differences(old, new)
    if fmt:  # the two exports differ in format: compare what an 改め文 can change
        old, new, normalised = _strip_format(old, fmt), _strip_format(new, fmt), True
    target = comparable_body(new)
    if comparable_body(old) == target:
        return PairResult(name, "unchanged", seconds=time.perf_counter() - start, normalised=normalised)
    try:
        k: Kaimebun = generate(old, new)
    except LawcodeError as exc:
        return PairResult(name, "failed", error=f"generate: {exc}", seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 — a generator bug must show up in the benchmark, not stop it
        return PairResult(name, "failed", error=f"generator bug: {type(exc).__name__}: {exc}",
                          seconds=time.perf_counter() - start)
    result = PairResult(name, "exact", len(k.sentences), k.coarse, k.phrase, list(k.problems), normalised=normalised)
    try:
        got = comparable_body(amend(old, k.text, source=name or "<kaimebun>").law) if k.sentences else \
            comparable_body(old)
    except LawcodeError as exc:
        result.status, result.error = "failed", str(exc)[:300]
    except Exception as exc:  # noqa: BLE001 — an applier bug on a generated text: report it with the pair
        result.status, result.error = "failed", f"applier bug: {type(exc).__name__}: {exc}"[:300]
    else:
        if got != target:
            result.status = "problem" if k.problems else "mismatch"
            result.error = _first_difference(got, target)
    result.seconds = time.perf_counter() - start
    return result


def _successive(folder: Path) -> list[tuple[str, Path, Path]]:
    files = sorted(p for p in folder.glob("*.xml"))
    return [(f"{folder.parent.name}/{folder.name}/{a.name}→{b.name}", a, b) for a, b in zip(files, files[1:], strict=False)]


def corpus_pairs(corpus: str | Path, max_bytes: int = MAX_BYTES) -> list[tuple[str, Path, Path]]:
    """(name, before, after) for every real version pair of the corpus whose files are both under *max_bytes*
    and differ in bytes."""
    root = Path(corpus)
    out: list[tuple[str, Path, Path]] = []
    for sub in ("egov", "egov_versions"):
        base = root / sub
        if base.is_dir():
            for folder in sorted(p for p in base.iterdir() if p.is_dir()):
                out.extend(_successive(folder))
    index = root / "version_pairs" / "INDEX.tsv"
    if index.is_file():
        with index.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("before_file") and row.get("after_file"):
                    out.append((row["pair_id"], root / "version_pairs" / row["before_file"],
                                root / "version_pairs" / row["after_file"]))
    amendments = root / "amendments" / "INDEX.tsv"
    if amendments.is_file():
        with amendments.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("before") and row.get("after"):
                    out.append((row["case"], root / "amendments" / row["before"], root / "amendments" / row["after"]))
    seen: set[tuple[Path, Path]] = set()
    kept = []
    for name, a, b in out:
        if (a, b) in seen or not a.is_file() or not b.is_file():
            continue
        seen.add((a, b))
        if a.stat().st_size > max_bytes or b.stat().st_size > max_bytes:
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        kept.append((name, a, b))
    return kept


def check_files(name: str, before: Path, after: Path) -> PairResult:
    """:func:`check_pair` on two files (a file that does not load is a ``failed`` result)."""
    try:
        old, new = load(before), load(after)
    except LawcodeError as exc:
        return PairResult(name, "failed", error=f"load: {exc}")
    return check_pair(old, new, name)
