"""Who is calling, and the dependencies a handler may use."""

from __future__ import annotations

from dataclasses import dataclass, field

import redis.asyncio as redis
from psycopg_pool import AsyncConnectionPool

from core.adapters.idempotency import IdempotencyStore
from core.adapters.postgres.ledger_writer import LedgerWriter
from core.adapters.redis.scripts import Scripts
from core.domain.clock import Clock


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated API client, as the access token's claims describe it.

    Handlers read everything they need from here; no lookup is made per call.
    """

    client_id: str
    org_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    store_ids: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Deps:
    """The process's shared infrastructure, built once per worker."""

    pool: AsyncConnectionPool
    redis: redis.Redis
    scripts: Scripts
    writer: LedgerWriter
    idempotency: IdempotencyStore
    clock: Clock
