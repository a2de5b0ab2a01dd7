"""Which Dask scheduler a corpus run uses, and the local cluster it starts when none is given.

``scheduler`` is, in order of precedence: ``"serial"`` (no Dask at all: the partitions run one after the other
in this process — the reference the parallel runs are checked against), a :class:`distributed.Client`, a
scheduler address (``"tcp://host:8786"``), else Dask's own configuration (``scheduler-address``, e.g. the
``DASK_SCHEDULER_ADDRESS`` environment variable), else a :class:`distributed.LocalCluster` sized to the
machine: one single-threaded worker process per core (reading and scanning laws is pure Python and holds the
GIL, so threads would not help), no dashboard (and so no worker profiler), listening on loopback only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from lawcode.errors import CorpusError

__all__ = ["SERIAL", "LOCAL_WORKER_CONFIG", "Cluster", "default_workers"]

#: No dashboard; the scheduler's small HTTP server (health, metrics) on a free loopback port, not on 8787 —
#: two local clusters (two users, two test runs) never contend for a port.
_NO_DASHBOARD = {"dashboard_address": "127.0.0.1:0"}
#: Configuration of the scheduler and workers of a local cluster, which has no dashboard: no sampling profiler (it
#: walks the running task's stack every 10 ms, for the dashboard's profile page: 2–3 % of a scan's CPU), and the
#: event loop's responsiveness tick and the system monitor (CPU, memory, network and disk graphs) every second or
#: two instead of every 20 and 500 ms. Each wake-up takes the GIL from the task's thread; on a 2-core bulk scan
#: these halve the CPU time of each worker's event loop (0.3 → 0.15 s). Memory limits are watched as usual.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
#: The scheduler name of the serial in-process run.
SERIAL = "serial"


def default_workers() -> int:
    """Worker processes of the default local cluster: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Cluster:
    """A lazily opened Dask client (see the module docstring); :meth:`close` closes what it opened."""

    scheduler: Any = None
    workers: int | None = None
    memory_limit: str | int | None = "auto"
    _client: Any = field(default=None, init=False, repr=False)
    _cluster: Any = field(default=None, init=False, repr=False)
    _owned: bool = field(default=False, init=False, repr=False)

    @property
    def serial(self) -> bool:
        """True for the serial in-process run (no Dask)."""
        return self.scheduler == SERIAL

    def client(self) -> Any:
        """The :class:`distributed.Client` (opened on first use)."""
        if self.serial:
            raise CorpusError("the serial run has no Dask client", where="scheduler='serial'")
        if self._client is not None:
            return self._client
        import dask
        from distributed import Client, LocalCluster

        if isinstance(self.scheduler, Client):
            self._client = self.scheduler
            return self._client
        address = self.scheduler or dask.config.get("scheduler-address", None)
        if address:
            try:
                self._client = Client(address, timeout="10s")
            except OSError as exc:
                raise CorpusError(f"cannot reach the Dask scheduler: {exc}", where=str(address)) from None
        else:
            n = self.workers or default_workers()
            with dask.config.set(LOCAL_WORKER_CONFIG):  # the nannies hand this configuration to their workers
                self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                             memory_limit=self.memory_limit, dashboard_address=None,
                                             host="127.0.0.1", scheduler_kwargs=_NO_DASHBOARD)
            self._client = Client(self._cluster)
        self._owned = True
        return self._client

    def close(self) -> None:
        """Close the client and the local cluster this object opened (a client passed in stays open)."""
        if self._owned and self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
        self._owned = False
