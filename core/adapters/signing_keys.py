"""Per-client request-signing keys, cached in the worker (they change only with the client)."""

from __future__ import annotations

import time

from psycopg_pool import AsyncConnectionPool

from core.domain import limits


class SigningKeys:
    def __init__(self, pool: AsyncConnectionPool, ttl_seconds: int = limits.SIGNING_KEY_CACHE_SECONDS) -> None:
        self._pool = pool
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[bytes | None, float]] = {}

    async def get(self, client_id: str) -> bytes | None:
        cached = self._cache.get(client_id)
        if cached is not None and time.monotonic() - cached[1] < self._ttl:
            return cached[0]
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT signing_key FROM api_clients WHERE client_id = %s AND disable_time IS NULL", (client_id,))
            found = await cursor.fetchone()
        key = bytes(found[0]) if found else None
        self._cache[client_id] = (key, time.monotonic())
        return key
