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
from lawcode.amend.export_rules import SENTENCE_RULE, align_sentences, export_rules
from lawcode.amend.generate import NOT_PARTIAL, Kaimebun, generate
from lawcode.errors import LawcodeError
from lawcode.io import load, loads
from lawcode.model.law import Law

__all__ = ["PairResult", "check_pair", "check_files", "comparable_body", "comparable_pair", "corpus_pairs",
           "format_differences", "MAX_BYTES"]

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
    #: The export-only comparison rules the pair needed (:data:`lawcode.amend.export_rules.RULES`).
    rules: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("exact", "unchanged")

    @property
    def not_partial(self) -> bool:
        """Whether the generator found that the two versions are not related by an 一部改正 (another law):
        kept in the population, but reported apart from failures of generation."""
        return any(p.startswith(NOT_PARTIAL) for p in self.problems)


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


def _strip_format(root: etree._Element, keys: set[tuple[str, str]], *, alone_only: bool = False) -> None:
    """Remove the attributes *keys* from *root*; with *alone_only*, ``Sentence/@Num`` only from sentences that
    stand alone in their group (the numbers of several sentences — 前段・後段, 本文・ただし書 — are kept)."""
    for e in root.iter():
        for tag, key in keys:
            if e.tag == tag and key in e.attrib:
                if alone_only and (tag, key) == ("Sentence", "Num") and _has_sibling_sentence(e):
                    continue
                del e.attrib[key]


def _has_sibling_sentence(e: etree._Element) -> bool:
    parent = e.getparent()
    return parent is not None and sum(1 for s in parent if s.tag == "Sentence") > 1


def _several_numbered(root: etree._Element) -> bool:
    """Whether the sentences that share a group carry their ``Num`` (in every e-Gov convention but one)."""
    several = [s for s in root.iter("Sentence") if _has_sibling_sentence(s)]
    return not several or sum(s.get("Num") is not None for s in several) >= 0.9 * len(several)


def _reload(root: etree._Element, law: Law) -> Law:
    return loads(etree.tostring(root, encoding="utf-8", xml_declaration=True), source=str(law.source or "<law>"))


def comparable_pair(old: Law, new: Law) -> tuple[Law, Law, bool, list[str]]:
    """*old* and *new* with what no 改め文 can change made alike in both: the layout attributes of
    :func:`format_differences` removed, then the export rules of :mod:`lawcode.amend.export_rules` applied
    (digit width of number fields, ``Extract`` of 本則 and 附則), each only when the pair needs it.
    Returns the two laws, whether layout attributes were removed, and the names of the rules applied."""
    fmt = format_differences(old, new)
    ro, rn = etree.fromstring(old.to_xml()), etree.fromstring(new.to_xml())
    if fmt:
        # the two exports differ in numbering single sentences only: keep the numbers of sentences in a group
        alone_only = _several_numbered(ro) and _several_numbered(rn)
        _strip_format(ro, fmt, alone_only=alone_only)
        _strip_format(rn, fmt, alone_only=alone_only)
    rules = export_rules(ro, rn)
    if not fmt and not rules:
        return old, new, False, []
    return _reload(ro, old), _reload(rn, new), bool(fmt), rules


def _first_difference(a: bytes, b: bytes) -> str:
    ea, eb = etree.fromstring(a), etree.fromstring(b)
    for x, y in zip(ea.iter(), eb.iter(), strict=False):
        if x.tag != y.tag or dict(x.attrib) != dict(y.attrib) or (x.text or "") != (y.text or ""):
            return f"<{x.tag} {dict(x.attrib)}>{(x.text or '')[:40]!r} vs <{y.tag} {dict(y.attrib)}>{(y.text or '')[:40]!r}"
    return "different number of elements"


def check_pair(old: Law, new: Law, name: str = "") -> PairResult:
    """Generate the 改め文 from *old* to *new*, apply it to *old* and compare with *new*."""
    start = time.perf_counter()
    old, new, normalised, rules = comparable_pair(old, new)  # compare what an 改め文 can change
    target = comparable_body(new)
    if comparable_body(old) == target:
        return PairResult(name, "unchanged", seconds=time.perf_counter() - start, normalised=normalised,
                          rules=rules)
    try:
        k: Kaimebun = generate(old, new)
    except LawcodeError as exc:
        return PairResult(name, "failed", error=f"generate: {exc}", seconds=time.perf_counter() - start,
                          rules=rules)
    except Exception as exc:  # noqa: BLE001 — a generator bug must show up in the benchmark, not stop it
        return PairResult(name, "failed", error=f"generator bug: {type(exc).__name__}: {exc}",
                          seconds=time.perf_counter() - start, rules=rules)
    result = PairResult(name, "exact", len(k.sentences), k.coarse, k.phrase, list(k.problems), normalised=normalised,
                        rules=rules)
    try:
        got = comparable_body(amend(old, k.text, source=name or "<kaimebun>").law) if k.sentences else \
            comparable_body(old)
    except LawcodeError as exc:
        result.status, result.error = "failed", str(exc)[:300]
    except Exception as exc:  # noqa: BLE001 — an applier bug on a generated text: report it with the pair
        result.status, result.error = "failed", f"applier bug: {type(exc).__name__}: {exc}"[:300]
    else:
        if got != target:
            got = _aligned(got, target, result)
        if got != target:
            result.status = "problem" if k.problems else "mismatch"
            result.error = _first_difference(got, target)
    result.seconds = time.perf_counter() - start
    return result


def _aligned(got: bytes, target: bytes, result: PairResult) -> bytes:
    """*got* with the sentence boundaries of *target* where the two differ only there (the comparison rule
    ``sentence boundaries`` of :mod:`lawcode.amend.export_rules`, recorded in ``result.rules`` when used)."""
    a, b = etree.fromstring(got), etree.fromstring(target)
    if not align_sentences(a, b):
        return got
    result.rules.append(SENTENCE_RULE)
    return etree.tostring(a)


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
