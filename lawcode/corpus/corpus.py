""":class:`Corpus`: every law of a folder or archive at once, on a local Dask cluster or on a real one.

The laws are partitions of :class:`~lawcode.corpus.sources.LawSource` balanced by file size; each operation maps
one function of :mod:`lawcode.corpus.tables` over the partitions. With ``out=`` the workers write their
partition of the result as Parquet (``out/part.N.parquet``) and nothing but the file names comes back to the
client; without it the table is returned as a pandas ``DataFrame``. Rows are ordered by law file, then in
document order, whatever the number of workers — the parallel result equals the serial one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

import pandas as pd
import pyarrow as pa

from lawcode.corpus import tables
from lawcode.corpus.cluster import Cluster, default_workers
from lawcode.corpus.sources import LawSource, list_sources, partition_by_size
from lawcode.errors import CorpusError

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import networkx as nx

    from lawcode.impact.trace import Trace

__all__ = ["Corpus", "PARTITION_BYTES"]

#: Default partition size: big enough that task overhead is negligible, small enough to balance 2–64 workers.
PARTITION_BYTES = 4 * 1024 * 1024

_ORDER = {"references": ["file"], "definitions": ["file"], "effects": ["law"], "impact": ["law"]}


class Corpus:
    """The laws of *source* — a folder of e-Gov XML (searched recursively), a zip archive such as the e-Gov
    bulk download (read member by member, never unpacked), one file or a list of files.

    *scheduler*: ``None`` (Dask configuration, else a local cluster of *workers* processes), ``"serial"``, a
    scheduler address or a :class:`distributed.Client` (see :mod:`lawcode.corpus.cluster`). *memory_limit*: per
    local worker (``"auto"`` shares the machine's memory). *library*: a folder of laws the workers resolve
    citations of other laws against (:class:`lawcode.Library`; each worker opens it once). *progress*: show
    Dask's progress bar while a result is computed. Use it as a context manager, or call :meth:`close`, so
    that a local cluster it started is shut down.
    """

    def __init__(self, source: "str | Path | Iterable[str | Path]", *, scheduler: Any = None,
                 workers: int | None = None, memory_limit: str | int | None = "auto",
                 partition_bytes: int = PARTITION_BYTES, library: str | Path | None = None,
                 progress: bool = False) -> None:
        if workers is not None and workers < 1:
            raise CorpusError(f"workers must be 1 or more, got {workers}", where="Corpus(workers=…)")
        self.sources: list[LawSource] = list_sources(source)
        self.partition_bytes = partition_bytes
        self.partitions: list[list[LawSource]] = partition_by_size(self.sources, partition_bytes,
                                                                   minimum=2 * default_workers())
        self.library = str(library) if library is not None else None
        self.progress = progress
        self.cluster = Cluster(scheduler, workers, memory_limit)

    # -- life cycle ------------------------------------------------------------------------------------------
    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Shut down the local cluster this corpus started (a client or scheduler given to it stays up)."""
        self.cluster.close()

    def __len__(self) -> int:
        return len(self.sources)

    def __repr__(self) -> str:
        mb = sum(s.size for s in self.sources) / 1e6
        return f"<Corpus {len(self.sources)} laws, {mb:.1f} MB, {len(self.partitions)} partitions>"

    @property
    def size(self) -> int:
        """Total bytes of the law files."""
        return sum(s.size for s in self.sources)

    def laws(self) -> "dask.bag.Bag":
        """The laws as a :class:`dask.bag.Bag` of :class:`LawSource`, one bag partition per size partition
        (``corpus.laws().map(lambda s: s.load().title)`` …)."""
        import dask.bag as db

        return db.from_sequence(self.partitions, npartitions=len(self.partitions)).flatten()

    # -- the runner ------------------------------------------------------------------------------------------
    def _run(self, fn: Callable[..., pd.DataFrame], parts: Sequence[Sequence[Any]], schema: pa.Schema,
             out: str | Path | None, order: list[str], *args: Any) -> pd.DataFrame | Path:
        if self.cluster.serial:
            frames = [fn(p, *args) for p in parts]
            if out is not None:
                folder = _out_folder(out)
                import pyarrow.parquet as pq

                for i, frame in enumerate(frames):
                    pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False),
                                   folder / f"part.{i}.parquet")
                return folder
            return _ordered(pd.concat(frames, ignore_index=True) if frames else tables.empty(schema), order, schema)
        import dask

        with dask.config.set({"dataframe.convert-string": False}):  # keeps list columns (targets) as lists
            return self._run_dask(fn, parts, schema, out, order, *args)

    def _run_dask(self, fn: Callable[..., pd.DataFrame], parts: Sequence[Sequence[Any]], schema: pa.Schema,
                  out: str | Path | None, order: list[str], *args: Any) -> pd.DataFrame | Path:
        import dask
        import dask.dataframe as dd
        from distributed import progress

        client = self.cluster.client()
        scattered = [client.scatter(a, broadcast=True) if not isinstance(a, (str, type(None))) else a for a in args]
        ddf = dd.from_delayed([dask.delayed(fn)(list(p), *scattered) for p in parts], meta=tables.empty(schema),
                              verify_meta=False)
        if out is not None:
            folder = _out_folder(out)
            job = ddf.to_parquet(str(folder), schema=schema, write_index=False, compute=False, overwrite=False,
                                 write_metadata_file=False)
            future = client.compute(job)
            if self.progress:
                progress(future)
            future.result()
            return folder
        future = client.compute(ddf)
        if self.progress:
            progress(future)
        return _ordered(future.result(), order, schema)

    # -- operations ------------------------------------------------------------------------------------------
    def references(self, out: str | Path | None = None) -> pd.DataFrame | Path:
        """Every mention of provisions or laws in every law (columns: :data:`~lawcode.corpus.tables.REFERENCE_SCHEMA`).
        With *out*, the workers write the Parquet dataset there and its folder is returned."""
        return self._run(tables.references_table, self.partitions, tables.REFERENCE_SCHEMA, out,
                         _ORDER["references"], self.library)

    def edges(self) -> pd.DataFrame:
        """The citation graph as an edge table (one row per mention and target, built per partition by the
        workers; see :func:`lawcode.corpus.tables.edges_table`)."""
        result = self._run(_edge_table_of_part, self.partitions, tables.EDGE_SCHEMA, None, [], self.library)
        assert isinstance(result, pd.DataFrame)
        return result

    def citation_graph(self, references: pd.DataFrame | None = None, *,
                       references_out: str | Path | None = None) -> "nx.MultiDiGraph":
        """The whole corpus's citation graph as :func:`lawcode.citation_graph` draws it (nodes ``LawID`` and
        ``LawID/path``), built from per-partition edge columns: on a cluster the client adds each partition's
        edges as soon as it is done, while the workers go on with the others.

        One scan gives both results: with *references_out* (an empty or new folder) each worker also writes its
        partition of the :meth:`references` table there as Parquet (``part.N.parquet``), as
        ``references(out=…)`` would. Given the table of :meth:`references` (a DataFrame) instead, the graph is
        built from it without scanning the laws again."""
        if references is not None:
            if not isinstance(references, pd.DataFrame):
                raise CorpusError(f"references must be the DataFrame of Corpus.references(), got "
                                  f"{type(references).__name__}", where="Corpus.citation_graph(references=…)")
            return graph_from_edges(tables.edges_table(references))
        folder = str(_out_folder(references_out)) if references_out is not None else None
        jobs = [(list(p), self.library, folder, i) for i, p in enumerate(self.partitions)]
        builder = GraphBuilder()
        if self.cluster.serial:
            for job in jobs:
                builder.add(_edges_of_part(*job))
            return builder.graph()
        import dask
        from distributed import as_completed, progress

        client = self.cluster.client()
        futures = client.compute([dask.delayed(_edges_of_part)(*job) for job in jobs])
        if self.progress:
            progress(futures)
        # Each builder.add moves what it built to the oldest generation, out of reach of young collections; a full
        # collection between two partitions — triggered by any thread, such as Dask's receiving the next one — would
        # still walk the whole graph built so far (millions of objects, no cycles), so the collector stays off.
        with tables.collector_paused():
            for future in as_completed(futures):
                builder.add(future.result())
                future.release()
            return builder.graph()

    def definitions(self, out: str | Path | None = None) -> pd.DataFrame | Path:
        """Every defined term of every law (columns: :data:`~lawcode.corpus.tables.DEFINITION_SCHEMA`)."""
        return self._run(tables.definitions_table, self.partitions, tables.DEFINITION_SCHEMA, out,
                         _ORDER["definitions"])

    def pairs(self, other: "Corpus") -> list[tables.Pair]:
        """The laws of this (old) snapshot and *other* (new) matched by LawID: ``(key, old, new)`` with ``None``
        for a side that lacks the law. When a snapshot holds several files of one law, the last in name order
        is used."""
        if not isinstance(other, Corpus):
            raise CorpusError(f"diff() takes another Corpus, got {type(other).__name__}", where="Corpus.diff(other)")
        old = {s.key(): s for s in self.sources}
        new = {s.key(): s for s in other.sources}
        return [(k, old.get(k), new.get(k)) for k in sorted(old.keys() | new.keys())]

    def _pair_parts(self, other: "Corpus") -> list[list[tables.Pair]]:
        return partition_by_size(self.pairs(other), self.partition_bytes, size=_pair_size,
                                 minimum=2 * default_workers())

    def diff(self, other: "Corpus", out: str | Path | None = None) -> pd.DataFrame | Path:
        """The effects of every law that changed between this snapshot (old) and *other* (new), matched by
        LawID (columns: :data:`~lawcode.corpus.tables.EFFECT_SCHEMA`; laws in one snapshot only are rows of
        kind ``law_added``/``law_removed``)."""
        return self._run(tables.effects_table, self._pair_parts(other), tables.EFFECT_SCHEMA, out, _ORDER["effects"])

    def impact(self, other: "Corpus", procedures_or_trace: "str | Path | Trace",
               out: str | Path | None = None) -> pd.DataFrame | Path:
        """What the changes from this snapshot to *other* touch: :func:`lawcode.impact` of each changed law's
        diff against a trace — a :class:`lawcode.Trace`, or the path of the procedures survey (CSV/Parquet or
        its folder, read with :func:`lawcode.impact.read_procedures`). The trace is sent to each worker once."""
        from lawcode.impact.importers import read_procedures
        from lawcode.impact.trace import Trace

        trace = procedures_or_trace
        if isinstance(trace, (str, Path)):
            trace = read_procedures(trace)
        if not isinstance(trace, Trace):
            raise CorpusError(f"impact() takes a Trace or a procedures file, got {type(trace).__name__}",
                              where="Corpus.impact(procedures_or_trace)")
        return self._run(tables.impact_table, self._pair_parts(other), tables.IMPACT_SCHEMA, out, _ORDER["impact"],
                         trace)


def _edges_of_part(part: Sequence[LawSource], library: str | None, references_out: str | None = None,
                   index: int = 0) -> tables.Columns:
    """The worker's job for :meth:`Corpus.citation_graph`: scan the references of *part* once, write them to
    ``references_out/part.<index>.parquet`` when asked, and send back only the edge columns, compacted
    (:func:`~lawcode.corpus.tables.edge_columns` without node ids)."""
    refs = tables.reference_columns(part, library)
    if references_out is not None:
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pydict(refs, schema=tables.REFERENCE_SCHEMA),
                       Path(references_out) / f"part.{index}.parquet")
    return tables.edge_columns(refs, node_ids=False)


def _edge_table_of_part(part: Sequence[LawSource], library: str | None) -> pd.DataFrame:
    return tables.frame(tables.edge_columns(tables.reference_columns(part, library)), tables.EDGE_SCHEMA)


def _pair_size(pair: tables.Pair) -> int:
    return sum(s.size for s in pair[1:] if s is not None)


def _out_folder(out: str | Path) -> Path:
    folder = Path(out)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CorpusError("the output exists and is not an empty folder; refusing to overwrite it", where=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _ordered(df: pd.DataFrame, order: list[str], schema: pa.Schema) -> pd.DataFrame:
    """Rows in a fixed order and dtypes as the schema maps them (Dask turns strings into ``string[pyarrow]``)."""
    if order:
        df = df.sort_values(order, kind="stable")
    return pa.Table.from_pandas(df, schema=schema, preserve_index=False).to_pandas()


def graph_from_edges(edges: "pd.DataFrame | tables.Columns | Iterable[pd.DataFrame | tables.Columns]",
                     ) -> "nx.MultiDiGraph":
    """A :class:`networkx.MultiDiGraph` from an edge table (or several, in any order; frames of
    :data:`~lawcode.corpus.tables.EDGE_SCHEMA` or their :data:`~lawcode.corpus.tables.Columns`), with the node and edge
    attributes of :func:`lawcode.citation_graph`: a law's node carries its title, a provision that cites
    something its label, a provision that is only cited an empty label (whichever partition is seen first).
    """
    builder = GraphBuilder()
    for part in [edges] if isinstance(edges, (pd.DataFrame, dict)) else edges:
        builder.add(part)
    return builder.graph()


class GraphBuilder:
    """Builds the citation graph from edge tables as they arrive (see :func:`graph_from_edges`).

    Each table's nodes and edges are added at once, column-wise, with the cyclic garbage collector paused (the
    graph is millions of small dicts and no cycles; what a table adds is then moved to the oldest generation
    without being walked, see :func:`~lawcode.corpus.tables.collector_paused`). A provision's edges all come from
    its own law, so from one table: edge keys do not depend on arrival order. Node attributes are set as tables
    arrive by rules that give the same result in any order — a law's node takes its title, a citing provision its
    label (both come from the law's own table), and a node that is only cited gets an empty label when it is first
    seen, unless one of those two has set it — so nothing is left to do once the last table is in: on a cluster
    the client's work ends with the workers'."""

    def __init__(self) -> None:
        import networkx as nx

        self._g = nx.MultiDiGraph()
        self._sources: set[str] = set()

    def add(self, edges: "pd.DataFrame | tables.Columns") -> None:
        """Add one edge table (:data:`~lawcode.corpus.tables.EDGE_SCHEMA`, as a frame, as its columns or as the
        compacted columns a worker sends)."""
        with tables.collector_paused(keep=True):
            cols = tables.table_columns(edges) if isinstance(edges, pd.DataFrame) else tables.with_node_ids(edges)
            self._add(cols)

    def _add(self, cols: "tables.Columns") -> None:
        g, sources = self._g, self._sources
        laws: list[tuple[str, dict[str, str]]] = []
        new_sources: list[tuple[str, dict[str, str]]] = []
        targets: dict[str, tuple[str, str]] = {}
        for src, dst, src_law, src_path, src_label, dst_law, dst_path in zip(
                *(cols[name] for name in ("src", "dst", "src_law", "src_path", "src_label", "dst_law", "dst_path")),
                strict=True):
            if not dst:
                laws.append((src, {"law": src_law, "path": "", "label": src_label or ""}))
                continue
            if src not in sources:  # the first table that has the provision gives its label
                sources.add(src)
                new_sources.append((src, {"law": src_law, "path": src_path, "label": src_label or ""}))
            if dst not in targets:
                targets[dst] = (dst_law, dst_path)
        # only cited so far: an empty label, which a citing provision or a law (here or later) overrides
        g.add_nodes_from((node, {"law": law, "path": path, "label": ""}) for node, (law, path) in targets.items()
                         if node not in g)
        g.add_nodes_from(new_sources)
        g.add_nodes_from(laws)
        # then the edges, one add_edge each: add_edges_from builds each edge's attributes twice over and reaches
        # them through three views (a tenth more time, on the client's share of a corpus run)
        add = g.add_edge
        for src, dst, kind, text, start, end, resolved, reason, part, dst_law in zip(
                *(cols[name] for name in ("src", "dst", "kind", "text", "span_start", "span_end", "resolved", "reason",
                                          "part", "dst_law")), strict=True):
            if dst:
                add(src, dst, kind=kind, text=text, span=(start, end), resolved=resolved, reason=reason, part=part,
                    target_law=dst_law)

    def graph(self) -> "nx.MultiDiGraph":
        """The graph built so far (every node's attributes are already settled)."""
        return self._g
