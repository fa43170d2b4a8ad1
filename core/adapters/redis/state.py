"""Redis is rebuildable: a generation key marks a loaded state; without it, rebuild from Postgres.

Every counter kept in Redis can be recomputed from the ledger. `StateGuard.ensure` checks the
generation key; if it is missing (a restart without persistence, a flush, a failover) one worker
takes the rebuild lock, bumps the fencing epoch in Postgres, runs every registered rebuilder and
sets the generation key again; the others wait. While it is missing the worker reports NOT
SERVING and handlers that need Redis state answer STATE_REBUILDING.

On a Redis Cluster the generation key sits on one master only, and a failover elsewhere leaves it
in place while the promoted replica may have lost its old master's last writes. So the loaded
state is also tied to the topology it was loaded on: the masters and their replication ids
(`INFO replication` master_replid, which a replica replaces with a new one when it is promoted,
and a master restarted without its data gets anew). The rebuild records that topology under
TOPOLOGY_KEY (on the generation key's slot); `ensure` rebuilds when the masters now serving
differ from it. Until then the node fence of the offer scripts (prelude/redemption_limits.lua)
refuses to count on a node that did not load the offer, so no limit is counted on lost writes
in between (README, "Failover").
"""

from __future__ import annotations

import asyncio
import logging
import uuid
import zlib
from collections.abc import Awaitable, Callable

import redis.asyncio as redis
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason

log = logging.getLogger(__name__)

GENERATION_KEY = "rewards:generation"
REBUILD_LOCK_KEY = "rewards:rebuild-lock"
TOPOLOGY_KEY = "{rewards:generation}:topology"
"""The cluster topology the state was rebuilt on (the hash tag puts it on GENERATION_KEY's slot)."""


async def cluster_topology(client) -> str | None:
    """The masters serving now, their replication ids and the slots the client routes to each
    ("host:port=replid/slot count:digest", sorted, joined by commas); None on a single Redis.
    The slots count because a resharding moves offers' keys, and their node stamps with them, to
    another master: their fence holds until a rebuild loads them there."""
    if not isinstance(client, redis.RedisCluster):
        return None
    owned: dict[str, list[int]] = {}
    for slot, nodes in client.nodes_manager.slots_cache.items():
        if nodes:
            owned.setdefault(nodes[0].name, []).append(slot)
    parts = []
    for node in client.get_primaries():
        info = await client.execute_command("INFO", "replication", target_nodes=node)
        if isinstance(info, dict) and len(info) == 1 and node.name in info:  # Keyed by node.
            info = info[node.name]
        if info.get("role") != "master":
            raise redis.ConnectionError(f"{node.name} is no longer a master (a failover under way)")
        slots = sorted(owned.get(node.name, ()))
        digest = zlib.crc32(",".join(map(str, slots)).encode())
        parts.append(f"{node.name}={info['master_replid']}/{len(slots)}:{digest:08x}")
    return ",".join(sorted(parts))

Rebuilder = Callable[[redis.Redis, AsyncConnection, int], Awaitable[None]]
"""Recomputes one family of Redis keys from Postgres, given the new epoch."""
ReadinessListener = Callable[[bool], None]


class StateGuard:
    def __init__(self, client: redis.Redis, pool: AsyncConnectionPool,
                 rebuilders: list[Rebuilder] | None = None,
                 on_readiness: ReadinessListener | None = None) -> None:
        self._redis = client
        self._pool = pool
        self._rebuilders = list(rebuilders or [])
        self._on_readiness = on_readiness
        self._ready = False
        self.epoch: int | None = None
        self._lock = asyncio.Lock()

    @property
    def ready(self) -> bool:
        return self._ready

    def require_ready(self) -> int:
        """The epoch to admit a write under; STATE_REBUILDING while Redis is not loaded."""
        if not self._ready or self.epoch is None:
            raise DomainError(ErrorReason.STATE_REBUILDING)
        return self.epoch

    async def ensure(self) -> None:
        """Ready when Redis holds the generation of the ledger's current epoch; otherwise (no
        generation, or an older one: a flush, or a failover to a replica that lags) rebuild."""
        async with self._lock:
            generation = await self._redis.get(GENERATION_KEY)
            topology = await cluster_topology(self._redis)
            if (generation is not None and int(generation) >= await self._ledger_epoch()
                    and (topology is None or await self._redis.get(TOPOLOGY_KEY) == topology.encode())):
                self.epoch = int(generation)
                self._set_ready(True)
                return
            self._set_ready(False)
            if topology is not None and generation is not None:
                log.warning("redis cluster topology changed: rebuilding", extra={"topology": topology})
            self.epoch = await self._rebuild_or_wait(generation, topology)
            self._set_ready(True)

    async def _ledger_epoch(self) -> int:
        async with self._pool.connection() as connection:
            return (await (await connection.execute("SELECT epoch FROM redis_epoch")).fetchone())[0]

    async def watch(self, interval_ms: int = limits.STATE_CHECK_INTERVAL_MS) -> None:
        """Check the generation key forever; run as a task, cancel to stop."""
        while True:
            await asyncio.sleep(interval_ms / 1000)
            try:
                await self.ensure()
            except (OSError, redis.RedisError) as error:
                log.warning("redis state check failed: %s", error)
                self._set_ready(False)
            except Exception as error:  # noqa: BLE001 - Postgres down (the epoch is unreadable):
                # the Redis state is not in doubt; keep checking until Postgres answers again.
                log.warning("redis state check could not read the ledger epoch: %s", error)

    async def _rebuild_or_wait(self, stale: bytes | None, topology: str | None = None) -> int:
        token = uuid.uuid4().hex
        while True:
            if await self._redis.set(REBUILD_LOCK_KEY, token, nx=True,
                                     px=limits.STATE_REBUILD_LOCK_TTL_MS):
                try:
                    return await self._rebuild(topology)
                finally:
                    await self._release_lock(token)
            await asyncio.sleep(0.05)
            generation = await self._redis.get(GENERATION_KEY)
            if generation is not None and generation != stale and (
                    topology is None or await self._redis.get(TOPOLOGY_KEY) == topology.encode()):
                return int(generation)

    async def _rebuild(self, topology: str | None = None) -> int:
        """Bump the epoch and recount in one transaction: the epoch row lock makes the count wait
        for every ledger write that passed the fence under the old epoch (see 0003_coupons.sql)."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(
                "UPDATE redis_epoch SET epoch = epoch + 1, rebuild_time = now() RETURNING epoch")
            (epoch,) = await cursor.fetchone()
            log.warning("rebuilding redis state from the ledger", extra={"epoch": epoch})
            for rebuild in self._rebuilders:
                await rebuild(self._redis, connection, epoch)
        if topology is not None:  # Recorded before the generation: a reader of both sees them agree.
            await self._redis.set(TOPOLOGY_KEY, topology)
        await self._redis.set(GENERATION_KEY, epoch)
        return epoch

    async def _release_lock(self, token: str) -> None:
        if await self._redis.get(REBUILD_LOCK_KEY) == token.encode():
            await self._redis.delete(REBUILD_LOCK_KEY)

    def _set_ready(self, ready: bool) -> None:
        if ready != self._ready:
            self._ready = ready
            if self._on_readiness is not None:
                self._on_readiness(ready)
