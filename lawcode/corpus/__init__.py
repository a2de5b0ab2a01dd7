"""Corpus scale: every law of a folder or archive, every reference, every change — with Dask.

:class:`Corpus` partitions the law files by size and maps the per-law analyses (references, definitions,
diff, impact) over the partitions on a local Dask cluster, a remote one, or serially in process; results are
pandas frames or Parquet datasets written by the workers. See ``docs/corpus.md``.
"""

try:  # the [corpus] extra
    import dask  # noqa: F401
    import distributed  # noqa: F401
    import pyarrow  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(f"lawcode.corpus needs the [corpus] extra: pip install 'lawcode[corpus]' ({exc})") from exc

from lawcode.corpus.cluster import SERIAL, Cluster, default_workers
from lawcode.corpus.corpus import PARTITION_BYTES, Corpus, GraphBuilder, graph_from_edges
from lawcode.corpus.sources import LawSource, list_sources, partition_by_size
from lawcode.corpus.tables import (
    DEFINITION_SCHEMA,
    EDGE_SCHEMA,
    EFFECT_SCHEMA,
    IMPACT_SCHEMA,
    REFERENCE_SCHEMA,
)

__all__ = [
    "Corpus",
    "Cluster",
    "SERIAL",
    "PARTITION_BYTES",
    "LawSource",
    "list_sources",
    "partition_by_size",
    "default_workers",
    "graph_from_edges",
    "GraphBuilder",
    "REFERENCE_SCHEMA",
    "EDGE_SCHEMA",
    "DEFINITION_SCHEMA",
    "EFFECT_SCHEMA",
    "IMPACT_SCHEMA",
]
