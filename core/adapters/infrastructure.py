"""The process's shared infrastructure, built once per worker: the stores' clients and the adapters
every handler uses. Services receive it as `Deps` (re-exported by core/service/context.py) and reach
storage only through the adapter modules that take these clients."""

from __future__ import annotations

from dataclasses import dataclass

import redis.asyncio as redis
from psycopg_pool import AsyncConnectionPool

from core.adapters.idempotency import IdempotencyStore
from core.adapters.postgres.ledger_writer import LedgerWriter
from core.adapters.redis.scripts import Scripts
from core.domain.clock import Clock


@dataclass(frozen=True, slots=True)
class Deps:
    """The process's shared infrastructure, built once per worker."""

    pool: AsyncConnectionPool
    redis: redis.Redis
    scripts: Scripts
    writer: LedgerWriter
    idempotency: IdempotencyStore
    clock: Clock


Pool = AsyncConnectionPool
"""The Postgres pool type services are handed (they pass it to the adapters' stores)."""
RedisClient = redis.Redis
"""The Redis client type services are handed (they pass it to the adapters' key wrappers)."""
