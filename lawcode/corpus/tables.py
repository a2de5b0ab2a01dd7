"""The per-partition work of a corpus run and the tables it produces (pandas frames with a fixed Arrow schema).

Each function takes a partition — a list of :class:`~lawcode.corpus.sources.LawSource` (or of source pairs) —
and returns one ``DataFrame``; the same functions run in a Dask worker or in the serial in-process loop, which
is why the parallel results equal the serial ones. A law that cannot be read does not stop the run: it gives
one row of kind ``"error"`` whose ``reason`` says why (file:line:col from the parse error).

The schemas are fixed (:data:`REFERENCE_SCHEMA` …) so that every partition writes the same Parquet schema,
empty ones included.
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

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
    "REFERENCE_COLUMNS",
    "EDGE_COLUMNS",
    "Columns",
    "reference_columns",
    "references_table",
    "edge_columns",
    "SENT_EDGE_COLUMNS",
    "compact_edges",
    "with_node_ids",
    "edges_table",
    "table_columns",
    "frame",
    "definitions_table",
    "effects_table",
    "impact_table",
    "empty",
    "relaxed_gc",
    "collected_law_by_law",
    "collector_paused",
    "promote_young_objects",
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


#: Allocations between two young-generation collections while a partition is scanned (CPython's default is
#: 700). Loading and scanning a law allocates hundreds of thousands of small objects that live until the law is
#: done; with the default the collector walks them again and again — about 14 % of a bulk scan's CPU time.
#: 20,000 takes most of that back for some 10 % more peak memory (benchmarks/bench_corpus.py).
SCAN_GC_THRESHOLD = 20_000


@contextlib.contextmanager
def relaxed_gc(threshold: int = SCAN_GC_THRESHOLD) -> Iterator[None]:
    """Run a block with the young-generation threshold raised to *threshold* (never lowered), then restore it;
    the collector stays on, so cyclic garbage (law trees) is still reclaimed."""
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextlib.contextmanager
def collected_law_by_law() -> Iterator[Callable[[], None]]:
    """Run a loop over laws with the automatic collector off, collecting the youngest generation when the caller
    says a law is done (the function this yields), then restore the collector.

    A law's tree is cyclic garbage once the law is done, and everything it allocated is still in the youngest
    generation: one young collection then frees it in a single pass. Left to itself, the collector would walk the
    tree again and again while it is alive and promote it to older generations first — on the bulk scan this
    saves about 6 % of the CPU time and 15 % of the peak memory (against :func:`relaxed_gc`)."""
    with collector_paused():
        yield _collect_young


@contextlib.contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """The automatic cyclic garbage collector off for a block, and back on after it if it was on.

    *keep*: what the block allocated is meant to live on (a graph of millions of objects and no cycles). Left
    alone, the first allocation after the collector is back would walk all of it as one young generation (half a
    second for the bulk graph, six for the full corpus's); instead it is moved to the oldest generation at once
    (:func:`promote_young_objects`), where a full collection will see it like any long-lived data."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            promote_young_objects()
        if enabled:
            gc.enable()


def promote_young_objects() -> None:
    """Move every object the collector tracks to its oldest generation without walking them, and reset the
    young generation's count: :func:`gc.freeze` then :func:`gc.unfreeze` (both splice lists). Young cyclic
    garbage of the moment is then reclaimed by the next full collection instead of the next young one. Not done
    when the program has frozen objects of its own (unfreezing would undo that)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _collect_young() -> None:
    gc.collect(0)


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


#: Column names of :data:`REFERENCE_SCHEMA` and :data:`EDGE_SCHEMA`, in order.
REFERENCE_COLUMNS = tuple(REFERENCE_SCHEMA.names)
EDGE_COLUMNS = tuple(EDGE_SCHEMA.names)

#: A table as plain Python columns (name → list of values): what the workers build and send. Appending to
#: lists and pickling them is several times cheaper than a list of row dicts or a pandas frame, and the
#: citation graph is built from lists anyway.
Columns = dict[str, list[Any]]


def reference_columns(part: Sequence["LawSource"], library: str | None = None) -> Columns:
    """Every mention in the laws of *part* as :data:`Columns` of :data:`REFERENCE_SCHEMA` (see
    :func:`references_table`)."""
    cols: Columns = {name: [] for name in REFERENCE_COLUMNS}
    lib = _library(library)
    with collected_law_by_law() as law_done:
        for src in part:
            _add_references(src, lib, cols)
            law_done()
    return cols


def _add_references(src: "LawSource", lib: Any, cols: Columns) -> None:
    """Append the mentions of one law to *cols* (one ``error`` row if it cannot be read)."""
    from lawcode.refs.scan import references

    try:
        law = src.load()
        key = _key(law)
        refs = references(law, library=lib)
    except (LawcodeError, OSError) as exc:
        _append(cols, {"law": src.law_id or src.name, "file": src.name, "kind": "error", "reason": _error(src, exc),
                       "targets": [], "resolved": False, "span_start": 0, "span_end": 0})
        return
    (c_law, c_title, c_file, c_source, c_label, c_start, c_end, c_text, c_kind, c_target, c_targets, c_resolved,
     c_reason, c_part) = (cols[name] for name in REFERENCE_COLUMNS)
    title, name = law.title, src.name
    labels: dict[str, str] = {}
    for r in refs:
        source = r.source
        label = labels.get(source)
        if label is None:
            p = law.get(source)
            label = labels[source] = (p.label if p is not None else "") or ""
        c_law.append(key)
        c_title.append(title)
        c_file.append(name)
        c_source.append(source)
        c_label.append(label)
        c_start.append(r.span[0])
        c_end.append(r.span[1])
        c_text.append(r.text)
        c_kind.append(r.kind.value)
        c_target.append(r.target_law or key)
        c_targets.append(list(r.targets))
        c_resolved.append(r.resolved)
        c_reason.append(r.reason)
        c_part.append(r.part)


def _append(cols: Columns, row: dict[str, Any]) -> None:
    """Append one row given as a dict (missing columns are ``None``)."""
    for name, values in cols.items():
        values.append(row.get(name))


def frame(cols: Columns, schema: pa.Schema) -> pd.DataFrame:
    """A pandas frame with *schema*'s dtypes from :data:`Columns`."""
    return pa.Table.from_pydict(cols, schema=schema).to_pandas()


def references_table(part: Sequence["LawSource"], library: str | None = None) -> pd.DataFrame:
    """Every mention in the laws of *part* (see :data:`REFERENCE_SCHEMA`); ``target_law`` is the cited law's
    key (the citing law's own key for a mention of the same law). A law that cannot be read gives one row of
    kind ``"error"``."""
    return frame(reference_columns(part, library), REFERENCE_SCHEMA)


def edge_columns(refs: Columns, *, node_ids: bool = True) -> Columns:
    """The citation-graph edges of reference :data:`Columns`, one per target, as :func:`lawcode.citation_graph`
    draws them (a mention of the citing law itself, この法律, is left out); a law with no edge gets one row with
    an empty ``dst`` so that it is still a node.

    Without *node_ids*: the columns a worker sends (:func:`compact_edges` of the full ones, built directly — no
    ``src``/``dst`` strings made only to be dropped, each repeated value shared once per mention)."""
    cols: Columns = {name: [] for name in SENT_EDGE_COLUMNS}
    (c_src_law, c_src_path, c_src_label, c_dst_law, c_dst_path, c_kind, c_text, c_start, c_end, c_resolved, c_reason,
     c_part) = (cols[name] for name in SENT_EDGE_COLUMNS)
    seen: set[str] = set()
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    for law, title, source, label, start, end, text, kind, target_law, targets, resolved, reason, part in zip(
            refs["law"], refs["law_title"], refs["source"], refs["source_label"], refs["span_start"],
            refs["span_end"], refs["text"], refs["kind"], refs["target_law"], refs["targets"], refs["resolved"],
            refs["reason"], refs["part"], strict=True):
        if kind == "error":
            continue
        if law not in seen:
            seen.add(law)
            _append(cols, {"src_law": law, "src_path": "", "src_label": title or "", "dst_law": "", "dst_path": "",
                           "kind": "", "span_start": 0, "span_end": 0, "resolved": False})
        targets = list(targets) if targets is not None else []
        if target_law == law and not targets:
            continue
        law, source, label, target_law = share(law, law), share(source, source), share(label, label), share(
            target_law, target_law)
        kind, reason, part = share(kind, kind), share(reason, reason), share(part, part)
        for target in targets or [""]:
            c_src_law.append(law)
            c_src_path.append(source)
            c_src_label.append(label)
            c_dst_law.append(target_law)
            c_dst_path.append(share(target, target))
            c_kind.append(kind)
            c_text.append(text)
            c_start.append(start)
            c_end.append(end)
            c_resolved.append(resolved)
            c_reason.append(reason)
            c_part.append(part)
    return with_node_ids(cols) if node_ids else cols


#: The edge columns a worker sends to the client: ``src`` and ``dst`` are left out, the client makes them again
#: from the law and path columns (:func:`with_node_ids`).
SENT_EDGE_COLUMNS = tuple(name for name in EDGE_COLUMNS if name not in ("src", "dst"))
#: Columns whose values repeat (a law, a provision, a reason): sent as one string object each, which the pickle
#: memo then writes once.
_REPEATED = ("src_law", "src_path", "src_label", "dst_law", "dst_path", "kind", "reason", "part")


def compact_edges(cols: Columns) -> Columns:
    """Full edge :data:`Columns` (an edge table read back, say) in the form a worker sends: without ``src``/``dst``,
    repeated strings shared. A third of the bytes of the full columns, and pickling and unpickling them (which
    happens on the workers and on the client, the busiest process of a run) costs a third as much. The workers
    build this form directly from the references (``edge_columns(refs, node_ids=False)``)."""
    out: Columns = {}
    for name in SENT_EDGE_COLUMNS:
        values = cols[name]
        if name in _REPEATED:
            seen: dict[Any, Any] = {}
            values = [seen.setdefault(v, v) for v in values]
        out[name] = values
    return out


def with_node_ids(cols: Columns) -> Columns:
    """Edge :data:`Columns` with ``src`` and ``dst`` made again from the law and path columns (the inverse of
    :func:`compact_edges`; full columns are returned as they are)."""
    if "src" in cols:
        return cols
    src: list[str] = []
    dst: list[str] = []
    last: tuple[str, str] | None = None
    node = ""
    for law, path, target_law, target in zip(cols["src_law"], cols["src_path"], cols["dst_law"], cols["dst_path"],
                                             strict=True):
        if (law, path) != last:
            last = (law, path)
            node = f"{law}/{path}" if path else law
        src.append(node)
        dst.append(f"{target_law}/{target}" if target else target_law)
    return {"src": src, "dst": dst, **cols}


def table_columns(df: pd.DataFrame) -> Columns:
    """A frame's columns as plain Python lists, missing values as ``None`` (``tolist`` converts in C)."""
    return {name: [None if v is None or (isinstance(v, float) and v != v) else v for v in df[name].tolist()]
            for name in df.columns}


def edges_table(refs: pd.DataFrame) -> pd.DataFrame:
    """The citation-graph edges of a references table (:func:`edge_columns` as a frame)."""
    return frame(edge_columns(table_columns(refs)), EDGE_SCHEMA)


@relaxed_gc()
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


@relaxed_gc()
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


@relaxed_gc()
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
