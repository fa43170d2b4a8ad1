"""Prometheus metrics. With several workers, each writes to PROMETHEUS_MULTIPROC_DIR and the
supervisor serves the sum on the metrics port (prometheus_client's multiprocess mode).

RPCs are measured under the names and labels of grpc-prometheus (go-grpc-prometheus and its
Python port py-grpc-prometheus), so that the usual gRPC dashboards work as they are:

    grpc_server_started_total{grpc_type, grpc_service, grpc_method}
    grpc_server_handled_total{grpc_type, grpc_service, grpc_method, grpc_code}
    grpc_server_handling_seconds{grpc_type, grpc_service, grpc_method}   (histogram)
    grpc_server_msg_received_total{grpc_type, grpc_service, grpc_method}
    grpc_server_msg_sent_total{grpc_type, grpc_service, grpc_method}

`grpc_type` is unary, client_stream, server_stream or bidi_stream; `grpc_code` is the status
code's name as py-grpc-prometheus writes it (OK, INVALID_ARGUMENT, ...; go-grpc-prometheus writes
Go's names, InvalidArgument: dashboards that only compare with "OK" work with both). Messages sent
are those a behavior returns or yields; a streaming behavior that writes with `context.write()`
(grpc's Health/Watch) sends uncounted messages. These replace
rewards_rpc_requests_total and rewards_rpc_seconds (same data, standard names).

Domain metrics (names unchanged): rewards_rpc_in_flight, rewards_ledger_batch_writes,
rewards_ledger_commit_seconds, rewards_redis_script_seconds{script}; new: the Postgres pool
(rewards_postgres_pool_size / _in_use / _waiting / _max, from psycopg_pool's get_stats()) and the
Redis pool (rewards_redis_pool_in_use / _size), each summed over the live workers.

Process metrics: prometheus_client's process collector does not work in multiprocess mode (its
documented limitation: custom collectors are not collected, and only the serving process would be
seen). As the documentation suggests for per-process values, each process (the supervisor and every
worker) copies its own process collector's values into gauges of the same names in mode
"liveall", which the library labels with the writing process's `pid`:
process_resident_memory_bytes{pid="..."}, process_cpu_seconds_total{pid="..."}, ... The
supervisor marks a worker's series dead (multiprocess.mark_process_dead) when the worker exits.
Without a multiprocess directory (one process), the default registry's own process collector
serves them unlabelled.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading

from prometheus_client import (PROCESS_COLLECTOR, CollectorRegistry, Counter, Gauge, Histogram,
                               start_http_server)
from prometheus_client import multiprocess

log = logging.getLogger("rewards.metrics")

MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
POOL_SAMPLE_S = 1.0
"""How often a worker copies its pool usage into the gauges."""
PROCESS_SAMPLE_S = 5.0
"""How often each process copies its process metrics into the per-pid gauges (multiprocess mode)."""

_LATENCY_BUCKETS_S = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5)
_RPC_LABELS = ("grpc_type", "grpc_service", "grpc_method")

GRPC_STARTED = Counter("grpc_server_started_total", "Total number of RPCs started on the server.",
                       _RPC_LABELS)
GRPC_HANDLED = Counter("grpc_server_handled_total",
                       "Total number of RPCs completed on the server, regardless of success or failure.",
                       (*_RPC_LABELS, "grpc_code"))
GRPC_HANDLING_SECONDS = Histogram("grpc_server_handling_seconds",
                                  "Histogram of response latency (seconds) of gRPC that had been "
                                  "application-level handled by the server.",
                                  _RPC_LABELS, buckets=_LATENCY_BUCKETS_S)
GRPC_MSG_RECEIVED = Counter("grpc_server_msg_received_total",
                            "Total number of RPC stream messages received on the server.", _RPC_LABELS)
GRPC_MSG_SENT = Counter("grpc_server_msg_sent_total",
                        "Total number of gRPC stream messages sent by the server.", _RPC_LABELS)
RPC_IN_FLIGHT = Gauge("rewards_rpc_in_flight", "RPCs being handled now, over all workers.",
                      multiprocess_mode="livesum")
LEDGER_BATCH_WRITES = Histogram("rewards_ledger_batch_writes", "Writes per committed ledger batch.",
                                buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000))
LEDGER_COMMIT_SECONDS = Histogram("rewards_ledger_commit_seconds", "Ledger batch commit latency.",
                                  buckets=_LATENCY_BUCKETS_S)
REDIS_SCRIPT_SECONDS = Histogram("rewards_redis_script_seconds", "Redis Lua script latency.",
                                 ["script"], buckets=_LATENCY_BUCKETS_S)
POSTGRES_POOL_SIZE = Gauge("rewards_postgres_pool_size", "Postgres connections open (pooled), over all workers.",
                           multiprocess_mode="livesum")
POSTGRES_POOL_IN_USE = Gauge("rewards_postgres_pool_in_use", "Postgres connections lent out now, over all workers.",
                             multiprocess_mode="livesum")
POSTGRES_POOL_WAITING = Gauge("rewards_postgres_pool_waiting",
                              "Requests waiting for a Postgres connection now, over all workers.",
                              multiprocess_mode="livesum")
POSTGRES_POOL_MAX = Gauge("rewards_postgres_pool_max", "Postgres pool size limit, over all workers.",
                          multiprocess_mode="livesum")
REDIS_POOL_IN_USE = Gauge("rewards_redis_pool_in_use", "Redis connections in use now, over all workers.",
                          multiprocess_mode="livesum")
REDIS_POOL_SIZE = Gauge("rewards_redis_pool_size", "Redis connections open, over all workers.",
                        multiprocess_mode="livesum")

# Per-process copies of the process collector (multiprocess mode only; unregistered: the files
# carry them, and the default registry already has the collector under these names).
_PROCESS_GAUGES: dict[str, Gauge] = {}
if MULTIPROCESS:
    for _family in PROCESS_COLLECTOR.collect():
        for _sample in _family.samples:
            _PROCESS_GAUGES[_sample.name] = Gauge(_sample.name, _family.documentation,
                                                  multiprocess_mode="liveall", registry=None)


class RpcMetrics:
    """The series of one method, bound once (label lookups are off the per-call path)."""

    __slots__ = ("started", "handling", "received", "sent", "_labels", "_handled")

    def __init__(self, grpc_type: str, full_method: str) -> None:
        service, _, method = full_method.lstrip("/").rpartition("/")
        self._labels = (grpc_type, service, method)
        self.started = GRPC_STARTED.labels(*self._labels)
        self.handling = GRPC_HANDLING_SECONDS.labels(*self._labels)
        self.received = GRPC_MSG_RECEIVED.labels(*self._labels)
        self.sent = GRPC_MSG_SENT.labels(*self._labels)
        self._handled: dict[str, Counter] = {}

    def handled(self, code: str) -> Counter:
        counter = self._handled.get(code)
        if counter is None:
            counter = self._handled[code] = GRPC_HANDLED.labels(*self._labels, code)
        return counter


_RPC_METRICS: dict[tuple[str, str], RpcMetrics] = {}


def rpc_metrics(grpc_type: str, full_method: str) -> RpcMetrics:
    """The (cached) series of `full_method` ("/package.Service/Method")."""
    key = (grpc_type, full_method)
    found = _RPC_METRICS.get(key)
    if found is None:
        found = _RPC_METRICS[key] = RpcMetrics(grpc_type, full_method)
    return found


def observe_batch(writes: int, rows: int, seconds: float) -> None:
    LEDGER_BATCH_WRITES.observe(writes)
    LEDGER_COMMIT_SECONDS.observe(seconds)


def observe_script(name: str, seconds: float) -> None:
    REDIS_SCRIPT_SECONDS.labels(name).observe(seconds)


def sample_pools(postgres_pool, redis_client) -> None:
    """Copy the pools' current usage into the gauges."""
    stats = postgres_pool.get_stats()
    size = stats.get("pool_size", 0)
    POSTGRES_POOL_SIZE.set(size)
    POSTGRES_POOL_IN_USE.set(max(0, size - stats.get("pool_available", 0)))
    POSTGRES_POOL_WAITING.set(stats.get("requests_waiting", 0))
    POSTGRES_POOL_MAX.set(stats.get("pool_max", 0))
    if hasattr(redis_client, "get_nodes"):  # a cluster client: one pool per node, summed
        nodes = redis_client.get_nodes()
        size = sum(len(node._connections) for node in nodes)
        in_use = size - sum(len(node._free) for node in nodes)
    else:
        connections = redis_client.connection_pool
        in_use = len(getattr(connections, "_in_use_connections", ()))
        size = in_use + len(getattr(connections, "_available_connections", ()))
    REDIS_POOL_IN_USE.set(in_use)
    REDIS_POOL_SIZE.set(size)


def sample_process() -> None:
    """Copy this process's process-collector values into its per-pid gauges (multiprocess mode)."""
    if not _PROCESS_GAUGES:
        return
    for family in PROCESS_COLLECTOR.collect():
        for sample in family.samples:
            gauge = _PROCESS_GAUGES.get(sample.name)
            if gauge is not None:
                gauge.set(sample.value)


async def sample_forever(postgres_pool, redis_client) -> None:
    """A worker's sampling task: pools every POOL_SAMPLE_S, its process every PROCESS_SAMPLE_S."""
    every = max(1, round(PROCESS_SAMPLE_S / POOL_SAMPLE_S))
    rounds = 0
    while True:
        try:
            sample_pools(postgres_pool, redis_client)
            if rounds % every == 0:
                sample_process()
        except Exception as error:  # noqa: BLE001 - metrics never stop a worker.
            log.debug("metrics sampling failed: %s", error)
        rounds += 1
        await asyncio.sleep(POOL_SAMPLE_S)


def _sample_process_forever() -> None:
    while True:
        try:
            sample_process()
        except Exception as error:  # noqa: BLE001
            log.debug("process metrics sampling failed: %s", error)
        threading.Event().wait(PROCESS_SAMPLE_S)


def worker_gone(pid: int) -> None:
    """Drop the live series (process metrics, in-flight and pool gauges) of a worker that exited."""
    if MULTIPROCESS:
        multiprocess.mark_process_dead(pid)


def serve(host: str, port: int) -> int:
    """Start the metrics HTTP endpoint; return its port (useful when `port` is 0). In
    multiprocess mode the serving process samples its own process metrics too."""
    if MULTIPROCESS:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        threading.Thread(target=_sample_process_forever, name="process-metrics", daemon=True).start()
    else:
        from prometheus_client import REGISTRY as registry
    server, _thread = start_http_server(port, addr=host, registry=registry)
    return server.server_port
