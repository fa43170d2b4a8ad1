"""Prometheus metrics. With several workers, each writes to PROMETHEUS_MULTIPROC_DIR and the
supervisor serves the sum on the metrics port (prometheus_client's multiprocess mode)."""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client import multiprocess

_LATENCY_BUCKETS_S = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5)

RPC_REQUESTS = Counter("rewards_rpc_requests", "RPCs handled, by method and status code.",
                       ["method", "code"])
RPC_SECONDS = Histogram("rewards_rpc_seconds", "RPC latency, by method and status code.",
                        ["method", "code"], buckets=_LATENCY_BUCKETS_S)
RPC_IN_FLIGHT = Gauge("rewards_rpc_in_flight", "RPCs being handled now, over all workers.",
                      multiprocess_mode="livesum")
LEDGER_BATCH_WRITES = Histogram("rewards_ledger_batch_writes", "Writes per committed ledger batch.",
                                buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000))
LEDGER_COMMIT_SECONDS = Histogram("rewards_ledger_commit_seconds", "Ledger batch commit latency.",
                                  buckets=_LATENCY_BUCKETS_S)
REDIS_SCRIPT_SECONDS = Histogram("rewards_redis_script_seconds", "Redis Lua script latency.",
                                 ["script"], buckets=_LATENCY_BUCKETS_S)


def observe_batch(writes: int, rows: int, seconds: float) -> None:
    LEDGER_BATCH_WRITES.observe(writes)
    LEDGER_COMMIT_SECONDS.observe(seconds)


def observe_script(name: str, seconds: float) -> None:
    REDIS_SCRIPT_SECONDS.labels(name).observe(seconds)


def serve(host: str, port: int) -> int:
    """Start the metrics HTTP endpoint; return its port (useful when `port` is 0)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY as registry
    server, _thread = start_http_server(port, addr=host, registry=registry)
    return server.server_port
