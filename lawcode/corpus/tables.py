"""The per-partition work of a corpus run and the tables it produces (pandas frames with a fixed Arrow schema).

Each function takes a partition — a list of :class:`~lawcode.corpus.sources.LawSource` (or of source pairs) —
and returns one ``DataFrame``; the same functions run in a Dask worker or in the serial in-process loop, which
is why the parallel results equal the serial ones. A law that cannot be read does not stop the run: it gives
one row of kind ``"error"`` whose ``reason`` says why (file:line:col from the parse error).

The schemas are fixed (:data:`REFERENCE_SCHEMA` …) so that every partition writes the same Parquet schema,
empty ones included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

import pandas as pd
import pyarrow as pa

from lawcode.errors import LawcodeError

if TYPE_CHECKING:  # pragma: no cover
    from lawcode.corpus.sources import LawSource
    from lawcode.impact.trace import Trace
    from lawcode.model.law import Law

__all__ = [
    "REFERENCE_SCHEMA",
    "EDGE_SCHEMA",
    "DEFINITION_SCHEMA",
    "EFFECT_SCHEMA",
    "IMPACT_SCHEMA",
    "references_table",
    "edges_table",
    "definitions_table",
    "effects_table",
    "impact_table",
    "empty",
]

_S = pa.string()
REFERENCE_SCHEMA = pa.schema([
    ("law", _S), ("law_title", _S), ("file", _S), ("source", _S), ("source_label", _S),
    ("span_start", pa.int32()), ("span_end", pa.int32()), ("text", _S), ("kind", _S), ("target_law", _S),
    ("targets", pa.list_(_S)), ("resolved", pa.bool_()), ("reason", _S), ("part", _S),
])
EDGE_SCHEMA = pa.schema([
    ("src", _S), ("dst", _S), ("src_law", _S), ("src_path", _S), ("src_label", _S), ("dst_law", _S),
    ("dst_path", _S), ("kind", _S), ("text", _S), ("span_start", pa.int32()), ("span_end", pa.int32()),
    ("resolved", pa.bool_()), ("reason", _S), ("part", _S),
])
DEFINITION_SCHEMA = pa.schema([
    ("law", _S), ("law_title", _S), ("file", _S), ("term", _S), ("source", _S), ("span_start", pa.int32()),
    ("span_end", pa.int32()), ("form", _S), ("scope", _S), ("scope_path", _S), ("users", pa.list_(_S)),
    ("reason", _S),
])
EFFECT_SCHEMA = pa.schema([
    ("law", _S), ("old_file", _S), ("new_file", _S), ("effect_id", _S), ("type", _S), ("kind", _S),
    ("affected_law_title", _S), ("affected_law_num", _S), ("old_path", _S), ("new_path", _S), ("old_label", _S),
    ("new_label", _S), ("amending_law_num", _S), ("amending_law_id", _S), ("amending_laws", pa.list_(_S)),
    ("enforcement_date", _S), ("reason", _S),
])
IMPACT_SCHEMA = pa.schema([
    ("law", _S), ("law_title", _S), ("id", _S), ("item_kind", _S), ("title", _S), ("class", _S), ("state", _S),
    ("reason", _S), ("path", _S), ("depth", pa.int32()), ("address", _S), ("change_kind", _S),
    ("change_old", _S), ("change_new", _S),
])

#: Effect ``kind`` (and ``type``) of a law present in only one snapshot.
LAW_ADDED = ("law_added", "制定")
LAW_REMOVED = ("law_removed", "廃止")


def empty(schema: pa.Schema) -> pd.DataFrame:
    """An empty frame with *schema*'s columns and dtypes (Dask's ``meta``)."""
    return schema.empty_table().to_pandas()


def _frame(rows: list[dict[str, Any]], schema: pa.Schema) -> pd.DataFrame:
    return pa.Table.from_pylist(rows, schema=schema).to_pandas()


def _error(src: "LawSource", exc: Exception) -> str:
    return str(exc) if isinstance(exc, LawcodeError) else f"{type(exc).__name__}: {exc} ({src.name})"


_LIBRARIES: dict[str, Any] = {}


def _library(folder: str | None) -> Any:
    """One :class:`~lawcode.refs.library.Library` per worker process and folder (built on first use)."""
    if folder is None:
        return None
    lib = _LIBRARIES.get(folder)
    if lib is None:
        from lawcode.refs.library import Library

        lib = _LIBRARIES[folder] = Library(folder)
    return lib


def _key(law: "Law") -> str:
    from lawcode.refs.graph import law_key

    return law_key(law)


def references_table(part: Sequence["LawSource"], library: str | None = None) -> pd.DataFrame:
    """Every mention in the laws of *part* (see :data:`REFERENCE_SCHEMA`); ``target_law`` is the cited law's
    key (the citing law's own key for a mention of the same law)."""
    from lawcode.refs.scan import references

    rows: list[dict[str, Any]] = []
    lib = _library(library)
    for src in part:
        try:
            law = src.load()
            key = _key(law)
            refs = references(law, library=lib)
        except (LawcodeError, OSError) as exc:
            rows.append({"law": src.law_id or src.name, "file": src.name, "kind": "error", "reason": _error(src, exc),
                         "targets": [], "resolved": False, "span_start": 0, "span_end": 0})
            continue
        labels: dict[str, str] = {}
        for r in refs:
            label = labels.get(r.source)
            if label is None:
                p = law.get(r.source)
                label = labels[r.source] = (p.label if p is not None else "") or ""
            rows.append({"law": key, "law_title": law.title, "file": src.name, "source": r.source,
                         "source_label": label, "span_start": r.span[0], "span_end": r.span[1], "text": r.text,
                         "kind": r.kind.value, "target_law": r.target_law or key, "targets": list(r.targets),
                         "resolved": r.resolved, "reason": r.reason, "part": r.part})
    return _frame(rows, REFERENCE_SCHEMA)


def edges_table(refs: pd.DataFrame) -> pd.DataFrame:
    """The citation-graph edges of a references table, one per target, as :func:`lawcode.citation_graph` draws
    them (a mention of the citing law itself, この法律, is left out); a law with no edge gets one row with an
    empty ``dst`` so that it is still a node."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    refs = refs.astype(object).where(refs.notna(), None)
    for r in refs.itertuples(index=False):
        if r.kind == "error":
            continue
        if r.law not in seen:
            seen.add(r.law)
            rows.append({"src": r.law, "dst": "", "src_law": r.law, "src_path": "", "src_label": r.law_title or "",
                         "dst_law": "", "dst_path": "", "kind": "", "span_start": 0, "span_end": 0,
                         "resolved": False})
        targets = list(r.targets) if r.targets is not None else []
        if r.target_law == r.law and not targets:
            continue
        for target in targets or [""]:
            rows.append({"src": f"{r.law}/{r.source}", "dst": f"{r.target_law}/{target}" if target else r.target_law,
                         "src_law": r.law, "src_path": r.source, "src_label": r.source_label,
                         "dst_law": r.target_law, "dst_path": target, "kind": r.kind, "text": r.text,
                         "span_start": r.span_start, "span_end": r.span_end, "resolved": r.resolved,
                         "reason": r.reason, "part": r.part})
    return _frame(rows, EDGE_SCHEMA)


def definitions_table(part: Sequence["LawSource"]) -> pd.DataFrame:
    """Every defined term in the laws of *part* (see :data:`DEFINITION_SCHEMA`)."""
    from lawcode.refs.definitions import definitions

    rows: list[dict[str, Any]] = []
    for src in part:
        try:
            law = src.load()
            key = _key(law)
            defs = definitions(law)
        except (LawcodeError, OSError) as exc:
            rows.append({"law": src.law_id or src.name, "file": src.name, "form": "error", "reason": _error(src, exc),
                         "users": [], "span_start": 0, "span_end": 0})
            continue
        for d in defs:
            rows.append({"law": key, "law_title": law.title, "file": src.name, "term": d.term, "source": d.source,
                         "span_start": d.span[0], "span_end": d.span[1], "form": d.form, "scope": d.scope,
                         "scope_path": d.scope_path, "users": list(d.users)})
    return _frame(rows, DEFINITION_SCHEMA)


Pair = tuple[str, "LawSource | None", "LawSource | None"]


def effects_table(pairs: Sequence[Pair]) -> pd.DataFrame:
    """The effects of every law of *pairs* (law key, old source, new source) that changed: identical bytes are
    skipped without parsing; a law in one snapshot only gives one ``law_added``/``law_removed`` row."""
    from lawcode.diff.lawdiff import diff

    rows: list[dict[str, Any]] = []
    for key, old, new in pairs:
        base: dict[str, Any] = {"law": key, "old_file": old.name if old else None, "new_file": new.name if new else None,
                "amending_laws": []}
        if old is None or new is None:
            kind, typ = LAW_ADDED if old is None else LAW_REMOVED
            rows.append({**base, "kind": kind, "type": typ})
            continue
        try:
            if old.read() == new.read():
                continue
            effects = diff(old.load(), new.load()).effects()
        except (LawcodeError, OSError) as exc:
            rows.append({**base, "kind": "error", "type": "error", "reason": _error(new, exc)})
            continue
        for e in effects:
            d = e.to_dict()
            rows.append({**base, **d})
    return _frame(rows, EFFECT_SCHEMA)


def impact_table(pairs: Sequence[Pair], trace: "Trace") -> pd.DataFrame:
    """The items of *trace* that the changed laws of *pairs* touch, one row per hit (see :data:`IMPACT_SCHEMA`):
    :func:`lawcode.impact` of each law's diff against the trace."""
    from lawcode.diff.lawdiff import diff
    from lawcode.impact.report import impact

    rows: list[dict[str, Any]] = []
    for key, old, new in pairs:
        if old is None or new is None:
            continue
        try:
            if old.read() == new.read():
                continue
            new_law = new.load()
            report = impact(diff(old.load(), new_law), trace)
        except (LawcodeError, OSError) as exc:
            rows.append({"law": key, "class": "error", "reason": _error(new, exc), "depth": 0})
            continue
        for h in report.hits:
            rows.append({"law": key, "law_title": new_law.title, "id": h.item.id, "item_kind": h.item.kind,
                         "title": h.item.title, "class": h.klass, "state": h.state, "reason": h.reason,
                         "path": " → ".join(h.path), "depth": h.depth, "address": h.link.address,
                         "change_kind": h.change.kind if h.change else None,
                         "change_old": h.change.old_label if h.change else None,
                         "change_new": h.change.new_label if h.change else None})
    return _frame(rows, IMPACT_SCHEMA)
