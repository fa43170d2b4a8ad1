"""Per-client request-signing keys, cached in the worker (they change only with the client's secret).

The keys are stored sealed (core/adapters/sealing.py) and opened here. A cached key carries the
secret version it belongs to; the admission script compares it with the version in Redis, so a
key rotated away (`rewards-core clients rotate-secret`) is refused on the next call, not when the
cache expires. A signature that does not match the cached key reads the key again (at most once
per SIGNING_KEY_RELOAD_SECONDS_MIN per client), so a new secret works at once too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from psycopg_pool import AsyncConnectionPool

from core.adapters.sealing import MasterKeys, client_signing_context
from core.domain import limits


class SigningKeys:
    def __init__(self, pool: AsyncConnectionPool, master_keys: MasterKeys,
                 ttl_seconds: int = limits.SIGNING_KEY_CACHE_SECONDS) -> None:
        self._pool = pool
        self._master_keys = master_keys
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[bytes | None, int, float]] = {}

    async def get(self, client_id: str) -> bytes | None:
        return (await self._entry(client_id))[0]

    async def verify(self, client_id: str, matches: Callable[[bytes], bool]) -> int | None:
        """The secret version of the client's key if `matches(key)`, else None."""
        key, version, loaded = await self._entry(client_id)
        if key is not None and matches(key):
            return version
        if time.monotonic() - loaded < limits.SIGNING_KEY_RELOAD_SECONDS_MIN:
            return None
        key, version, _ = await self._load(client_id)
        return version if key is not None and matches(key) else None

    def forget(self, client_id: str) -> None:
        self._cache.pop(client_id, None)

    async def _entry(self, client_id: str) -> tuple[bytes | None, int, float]:
        cached = self._cache.get(client_id)
        if cached is not None and time.monotonic() - cached[2] < self._ttl:
            return cached
        return await self._load(client_id)

    async def _load(self, client_id: str) -> tuple[bytes | None, int, float]:
        # Disabled clients keep their key here: the admission script refuses them (CLIENT_DISABLED).
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT signing_key_sealed, signing_key, secret_version FROM api_clients WHERE client_id = %s",
                (client_id,))
            found = await cursor.fetchone()
        if found is None:
            entry = (None, 0, time.monotonic())
        else:
            sealed, plain, version = found
            key = (self._master_keys.open(sealed, client_signing_context(client_id)) if sealed is not None
                   else bytes(plain))
            entry = (key, version, time.monotonic())
        self._cache[client_id] = entry
        return entry
