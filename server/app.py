"""One worker process: its own event loop, Redis client, Postgres pool, ledger writer, gRPC server."""

from __future__ import annotations

import asyncio
import logging
import os
import signal

import grpc
import redis.asyncio as redis
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1._async import HealthServicer
from grpc_reflection.v1alpha import reflection
from psycopg_pool import AsyncConnectionPool

from core.adapters.idempotency import IdempotencyStore
from core.adapters.postgres.ledger_writer import LedgerWriter
from core.adapters.postgres.migrations import pending_versions
from core.adapters.redis.scripts import Scripts
from core.adapters.redis.state import StateGuard
from core.domain.clock import Clock, SystemClock
from core.service.context import Deps
from server import metrics
from server.config import Config
from server.interceptors import (DecodingInterceptor, ErrorInterceptor, MetricsInterceptor,
                                 RequestIdInterceptor)
from server.servicers import SERVICES, add_servicers

log = logging.getLogger("rewards.worker")

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
REDIS_POOL_WAIT_S = 5


class Worker:
    """Build with the resolved store URLs and a concrete bind address, then `start`/`stop`."""

    def __init__(self, config: Config, redis_url: str, database_url: str, address: str,
                 clock: Clock | None = None) -> None:
        self.config = config
        self.redis_url = redis_url
        self.database_url = database_url
        self.address = address
        self.clock = clock or SystemClock()
        self.port: int | None = None
        self.health = HealthServicer()
        self._tasks: list[asyncio.Task] = []

    async def start(self) -> int:
        loop = asyncio.get_running_loop()
        await self._set_health(NOT_SERVING)
        # A blocking pool: a burst beyond the pool waits for a connection instead of failing.
        self.redis = redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url(
            self.redis_url, max_connections=self.config.redis_pool_size_max,
            timeout=REDIS_POOL_WAIT_S))
        self.pool = AsyncConnectionPool(self.database_url, min_size=1,
                                        max_size=self.config.postgres_pool_size_max, open=False)
        await self.pool.open(wait=True)
        self.scripts = Scripts(self.redis, metrics.observe_script)
        self.writer = LedgerWriter(self.pool, linger_ms=self.config.ledger_linger_ms,
                                   observe_batch=metrics.observe_batch)
        self.writer.start()
        self.deps = Deps(self.pool, self.redis, self.scripts, self.writer,
                         IdempotencyStore(self.redis, self.scripts, self.pool), self.clock)
        self.guard = StateGuard(self.redis, self.pool, on_readiness=self._on_readiness)
        self.server = grpc.aio.server(interceptors=[
            RequestIdInterceptor(), MetricsInterceptor(), ErrorInterceptor(), DecodingInterceptor()])
        add_servicers(self.server, self.deps)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        reflection.enable_server_reflection(
            [*SERVICES, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
             reflection.SERVICE_NAME], self.server)
        self.port = self.server.add_insecure_port(self.address)
        if self.port == 0:
            raise RuntimeError(f"could not bind {self.address}")
        await self.server.start()
        pending = await loop.run_in_executor(None, pending_versions, self.database_url)
        if pending:
            raise RuntimeError(f"database schema is behind: migrations {pending} not applied")
        await self.guard.ensure()
        self._tasks.append(loop.create_task(self.guard.watch(), name="redis-state-watch"))
        log.info("worker serving", extra={"port": self.port, "pid": os.getpid()})
        return self.port

    async def stop(self) -> None:
        """Stop accepting, let in-flight calls finish, flush the ledger, close the pools."""
        await self.health.enter_graceful_shutdown()
        await self.server.stop(self.config.shutdown_grace_s)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.writer.close()
        await self.pool.close()
        await self.redis.aclose()
        log.info("worker stopped")

    def _on_readiness(self, ready: bool) -> None:
        asyncio.get_running_loop().create_task(self._set_health(SERVING if ready else NOT_SERVING))

    async def _set_health(self, status) -> None:
        await self.health.set("", status)
        for service in SERVICES:
            await self.health.set(service, status)


async def run_worker(config: Config, redis_url: str, database_url: str, address: str) -> None:
    worker = Worker(config, redis_url, database_url, address)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    orphan_watch = loop.create_task(_stop_when_orphaned(stop))
    await worker.start()
    await stop.wait()
    orphan_watch.cancel()
    log.info("worker shutting down")
    await worker.stop()



async def _stop_when_orphaned(stop: asyncio.Event, interval_s: float = 1.0) -> None:
    """A worker whose supervisor died (even by SIGKILL) shuts down gracefully on its own."""
    parent = os.getppid()
    while os.getppid() == parent:
        await asyncio.sleep(interval_s)
    log.error("supervisor is gone; shutting down")
    stop.set()
