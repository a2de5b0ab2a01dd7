"""Real-data sweeps: every law number and LawID in $LAWCODE_CORPUS must be readable.

Skipped without LAWCODE_CORPUS (failed instead when LAWCODE_REQUIRE_CORPUS=1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from lawcode.errors import LawcodeError
from lawcode.text.eras import Era
from lawcode.text.lawnum import decode_law_id, parse_law_number, parse_revision_id

pytestmark = pytest.mark.corpus

# Values known to be malformed in the e-Gov data itself; each is printed when met. Keep this list tiny.
KNOWN_ODD_LAW_NUMBERS = {
    # slashes where a joint ordinance has middle dots (内閣府・文部科学省・厚生労働省令第六号)
    "平成二七年八月三一日／内閣府／文部科学省／厚生労働省／令第六号",
}
MAX_ODD = 5
# e-Gov files a 太政官布告 as Act or CabinetOrder by its present force, which its number cannot tell.
LAW_TYPE_EXCEPTIONS = {("太政官布告", "Act")}

_LAW_ID_NAME = re.compile(
    r"[1-5]\d\d(?:[A-Z]{1,2}\d{10}|M[0-9A-F]{8}\d{3}|R\d{11}|R[A-Z]{3}\d{8}|CONSTITUTION)"
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class LawFile:
    path: Path
    law_num: str | None
    attrs: dict[str, str]
    amend_law_nums: list[str] = field(default_factory=list)


def _read(path: Path) -> LawFile:
    root = etree.parse(str(path), _PARSER).getroot()
    law_num_el = root.find("LawNum")
    law_num = "".join(law_num_el.itertext()).strip() if law_num_el is not None else None
    amends = [a for el in root.iter("SupplProvision") if (a := el.get("AmendLawNum")) is not None]
    return LawFile(path, law_num, dict(root.attrib), amends)


@pytest.fixture(scope="module")
def bulk_files(text_corpus: Path) -> list[LawFile]:
    paths = sorted((text_corpus / "bulk").rglob("*.xml"))
    if not paths:
        pytest.fail(f"no XML files under {text_corpus / 'bulk'}")
    return [_read(p) for p in paths]


@pytest.fixture(scope="module")
def egov_dirs(text_corpus: Path) -> list[Path]:
    dirs = sorted(p for p in (text_corpus / "egov").iterdir() if p.is_dir())
    if not dirs:
        pytest.fail(f"no LawID folders under {text_corpus / 'egov'}")
    return dirs


def _sweep(values: set[str]) -> dict[str, str]:
    """Parse every value; return {value: reason} for those that fail."""
    failures: dict[str, str] = {}
    for value in sorted(values):
        try:
            ln = parse_law_number(value)
        except LawcodeError as exc:
            failures[value] = str(exc)
            continue
        # the canonical forms must read back to the same number
        assert parse_law_number(ln.key) == ln, value
        assert parse_law_number(ln.format("positional", with_date=True)) == ln, value
    return failures


def test_every_law_number_in_bulk_parses(bulk_files: list[LawFile]) -> None:
    values = {f.law_num for f in bulk_files if f.law_num} | {a for f in bulk_files for a in f.amend_law_nums}
    assert len(values) > 1000, "the corpus sweep found suspiciously few law numbers"
    failures = _sweep(values)
    for value, reason in failures.items():
        print(f"unparsed law number {value!r}: {reason}")
    unexpected = {v: r for v, r in failures.items() if v not in KNOWN_ODD_LAW_NUMBERS}
    assert not unexpected, unexpected
    assert len(failures) <= MAX_ODD


def test_bulk_law_attributes_match_law_number(bulk_files: list[LawFile]) -> None:
    """LawNum agrees with the Law element's Era/Year/Num/LawType attributes and, where the file is named by its
    LawID, with the decoded ID."""
    mismatches: list[str] = []
    checked_ids = 0
    for f in bulk_files:
        if not f.law_num:
            mismatches.append(f"{f.path.name}: no LawNum")
            continue
        ln = parse_law_number(f.law_num)
        attrs = f.attrs
        if Era.from_egov(attrs["Era"]) is not ln.era or int(attrs["Year"]) != ln.year:
            mismatches.append(f"{f.path.name}: Era/Year {attrs['Era']}/{attrs['Year']} vs {f.law_num}")
        num = attrs.get("Num", "")
        if num and ln.number is not None:
            want = "_".join(map(str, ln.number))
            if "_".join(str(int(p)) for p in num.split("_")) != want:
                mismatches.append(f"{f.path.name}: Num {num!r} vs {f.law_num}")
        if ln.law_type != attrs["LawType"] and (ln.kind, attrs["LawType"]) not in LAW_TYPE_EXCEPTIONS:
            mismatches.append(f"{f.path.name}: LawType {attrs['LawType']} vs {ln.law_type} for {f.law_num}")
        stem = f.path.stem
        if _LAW_ID_NAME.fullmatch(stem):
            lid = decode_law_id(stem)
            checked_ids += 1
            if (lid.era, lid.year) != (ln.era, ln.year) or lid.category != ln.lawid_category:
                mismatches.append(f"{stem}: decodes to {lid.category} {lid.era} {lid.year} vs {f.law_num}")
            if lid.category in ("AC", "CO", "IO", "DF", "CONSTITUTION") and lid.law_number() != ln:
                mismatches.append(f"{stem}: law number {lid.law_number()} vs {f.law_num}")
            if lid.number is not None and ln.number is not None and lid.number != ln.number[0]:
                mismatches.append(f"{stem}: number {lid.number} vs {f.law_num}")
    assert checked_ids > 1000
    assert not mismatches, mismatches[:20]


def test_egov_folders_are_law_ids(egov_dirs: list[Path]) -> None:
    """Every folder under egov/ is a LawID; revision-named files decode; for AC/CO the LawID's law number equals
    each file's LawNum."""
    problems: list[str] = []
    checked = 0
    for folder in egov_dirs:
        lid = decode_law_id(folder.name)
        for path in sorted(folder.glob("*.xml")):
            if re.fullmatch(r"[0-9A-Z]{15}_\d{8}_[0-9A-Z]{15}", path.stem):
                rid = parse_revision_id(path.stem)
                if rid.law_id != lid:
                    problems.append(f"{path.name}: revision of {rid.law_id.raw}, folder {lid.raw}")
            law = _read(path)
            if lid.category in ("AC", "CO"):
                checked += 1
                if law.law_num is None or parse_law_number(law.law_num) != lid.law_number():
                    problems.append(f"{path.name}: LawNum {law.law_num!r} vs {lid.law_number()}")
    assert checked > 0
    assert not problems, problems
