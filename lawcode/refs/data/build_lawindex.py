"""Generate ``lawindex.tsv.gz``, the law index shipped with lawcode (:mod:`lawcode.refs.lawindex`).

Run from the repository root::

    .venv/bin/python -m lawcode.refs.data.build_lawindex /work/shared/corpus

Inputs (all facts — titles, numbers, types and IDs of laws — never statute text):

* ``lawlist/egov_lawlist_20201118.tsv``: the e-Gov law list of 2020-11-18 (law number, title, type);
* ``MANIFEST.tsv`` rows of ``egov/`` and ``egov_versions/``: the LawID, number and title of each law held there
  (laws enacted after 2020 and the titles a law carried before a renaming are added this way);
* file names under ``bulk/``: they *are* e-Gov LawIDs, which gives the exact ID of 1,693 listed laws.

Output columns: ``law_id``, ``id_source``, ``law_num``, ``law_type``, ``title``. ``id_source`` says how sure
the ID is: ``corpus`` (read from the corpus), ``derived`` (rebuilt from the law number with
:func:`lawcode.text.lawnum.encode_law_id`; exact for 政令 and 勅令, an assumption of a cabinet bill for 法律) or
empty (府省令 and 規則 IDs encode a ministry that the law number does not tell). The file is written
deterministically (sorted rows, gzip without a timestamp) so that regenerating it gives identical bytes.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

from lawcode.errors import LawcodeError
from lawcode.text.lawnum import encode_law_id, parse_law_number

OUTPUT = Path(__file__).resolve().parent / "lawindex.tsv.gz"
COLUMNS = ("law_id", "id_source", "law_num", "law_type", "title")


def _key(law_num: str) -> str | None:
    try:
        return parse_law_number(law_num).key
    except LawcodeError:
        return None


def _is_law_id(text: str) -> bool:
    from lawcode.text.lawnum import decode_law_id

    try:  # the 2020 bulk writes some ministerial IDs in lower-case hex
        decode_law_id(text.upper())
    except LawcodeError:
        return False
    return True


def build_rows(corpus: Path) -> list[tuple[str, str, str, str, str]]:
    """The index rows built from the corpus folder (see the module docstring)."""
    ids: dict[str, str] = {}  # law number key -> LawID read from the corpus
    extra: list[tuple[str, str, str]] = []  # (law_id, law_num, title) of corpus laws
    with open(corpus / "MANIFEST.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["path"].split("/", 1)[0] in ("egov", "egov_versions") and row["law_id"] and row["law_num"]:
                extra.append((row["law_id"], row["law_num"], row["title"]))
    from lawcode.text.lawnum import decode_law_id

    for law_id, law_num, _title in extra:
        key = _key(law_num) if law_num else None
        if key is None:
            try:
                key = decode_law_id(law_id).law_number().key
            except LawcodeError:
                key = None
        if key is not None:
            ids.setdefault(key, law_id)
    # bulk file names of 府省令/規則 cannot be decoded into a number: match them through the bulk files' LawNum
    for path in sorted((corpus / "bulk").rglob("*.xml")):
        head = path.read_bytes()[:4096].decode("utf-8", "replace")
        start, end = head.find("<LawNum>"), head.find("</LawNum>")
        if 0 <= start < end:
            key = _key(head[start + len("<LawNum>") : end])
            if key is not None and _is_law_id(path.stem):  # some bulk files are named lawnum_<hash>.xml
                ids[key] = path.stem

    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
    with open(corpus / "lawlist" / "egov_lawlist_20201118.tsv", encoding="utf-8", newline="") as fh:
        listed = list(csv.DictReader(fh, delimiter="\t"))
    for row in listed:
        law_num, title, law_type = row["law_num"], row["law_title"], row["law_type"]
        rows[(law_num, title)] = _row(ids, law_num, law_type, title)
    for law_id, law_num, title in extra:
        if not law_num or not title:
            continue
        try:
            law_type = parse_law_number(law_num).law_type
        except LawcodeError:
            continue
        rows.setdefault((law_num, title), _row(ids, law_num, law_type, title, law_id))
    return sorted(rows.values(), key=lambda r: (r[2], r[4]))


def _row(ids: dict[str, str], law_num: str, law_type: str, title: str,
         law_id: str = "") -> tuple[str, str, str, str, str]:
    key = _key(law_num)
    found = ids.get(key) if key else None
    if found or law_id:
        return (found or law_id, "corpus", law_num, law_type, title)
    try:
        return (encode_law_id(parse_law_number(law_num)), "derived", law_num, law_type, title)
    except LawcodeError:
        return ("", "", law_num, law_type, title)


def write(rows: list[tuple[str, str, str, str, str]], output: Path = OUTPUT) -> None:
    """Write *rows* as a timestamp-free gzip TSV with a header line."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m lawcode.refs.data.build_lawindex CORPUS_DIR", file=sys.stderr)
        return 2
    rows = build_rows(Path(args[0]))
    write(rows)
    print(f"{OUTPUT}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
