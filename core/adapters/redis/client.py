"""The Redis client factory: one Redis, or a Redis Cluster when REDIS_URL names one.

`REDIS_URL` forms:
- `redis://host:port/0`, `rediss://...`, `unix:///path/redis.sock`: one Redis (redis.asyncio.Redis).
- `redis+cluster://[user:password@]host:port[,host:port...]` (`rediss+cluster://` for TLS): a Redis
  Cluster (redis.asyncio.RedisCluster). The addresses are seeds: any reachable one is enough, the
  client discovers the others and follows the slot map (MOVED/ASK redirections, a topology refresh
  after a failover). Every key a script touches shares a hash tag (DESIGN.md section 4), so each
  script runs on the node of its slot.

Both are bounded the same way: every command 2 s (REDIS_WAIT_S_MAX), connect 1 s, one immediate
retry after a lost connection, no backoff (an unreachable Redis answers STORE_UNAVAILABLE in
milliseconds). Both wait up to POOL_WAIT_S for a connection when `max_connections` are busy:
the single client on its blocking pool; the cluster client at a gate of `max_connections` commands
and pipelines in flight (each holds at most one connection per node), because redis-py's cluster
pools do not wait: beyond `max_connections` commands on one node they fail at once with
MaxConnectionsError, which a burst on one hot slot (one offer, one wallet) reaches.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from urllib.parse import unquote, urlsplit

import redis
import redis.asyncio as aredis
from redis.asyncio.cluster import ClusterNode, ClusterPipeline
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.cluster import ClusterNode as SyncClusterNode
from redis.exceptions import ClusterDownError, MaxConnectionsError, SlotNotCoveredError
from redis.exceptions import ConnectionError as _ConnectionError
from redis.retry import Retry as SyncRetry

from core.domain import limits

POOL_WAIT_S = limits.REDIS_WAIT_S_MAX
CONNECT_TIMEOUT_S = 1.0
CLUSTER_SCHEMES = {"redis+cluster": False, "rediss+cluster": True}
"""URL scheme -> TLS."""
RECONNECT_RETRIES = 1
_CLUSTER_RETRIED = (_ConnectionError, ClusterDownError, SlotNotCoveredError)
"""Errors the cluster client retries once: a lost connection, a cluster failing over."""


_HOLDING = contextvars.ContextVar("rewards_redis_gate_held", default=False)
"""Set while a task holds a permit: a command redis-py issues inside another (a multi-slot
command split per slot, a script load) passes instead of waiting for a second permit."""


class GatedRedisCluster(aredis.RedisCluster):
    """RedisCluster whose commands and pipelines wait (up to POOL_WAIT_S) for one of
    `max_connections` permits, so no node is ever asked for more connections than its pool holds."""

    def __init__(self, *args, max_connections: int, **kwargs) -> None:
        super().__init__(*args, max_connections=max_connections, **kwargs)
        self._gate = asyncio.Semaphore(max_connections)

    @contextlib.asynccontextmanager
    async def permit(self):
        if _HOLDING.get():
            yield
            return
        try:
            async with asyncio.timeout(POOL_WAIT_S):
                await self._gate.acquire()
        except TimeoutError:
            raise MaxConnectionsError(f"no Redis connection free within {POOL_WAIT_S} s") from None
        token = _HOLDING.set(True)
        try:
            yield
        finally:
            _HOLDING.reset(token)
            self._gate.release()

    async def execute_command(self, *args, **kwargs):
        async with self.permit():
            return await super().execute_command(*args, **kwargs)

    def pipeline(self, transaction=None, shard_hint=None) -> ClusterPipeline:
        if shard_hint:
            return super().pipeline(transaction, shard_hint)  # Refused by redis-py, as there.
        return _GatedPipeline(self, transaction)


class _GatedPipeline(ClusterPipeline):
    async def execute(self, *args, **kwargs):
        async with self.cluster_client.permit():
            return await super().execute(*args, **kwargs)


def is_cluster_url(url: str) -> bool:
    return url.partition("://")[0].lower() in CLUSTER_SCHEMES


def cluster_seeds(url: str) -> tuple[list[tuple[str, int]], dict]:
    """The (host, port) seeds of a cluster URL and its connection options (credentials, TLS)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in CLUSTER_SCHEMES:
        raise ValueError(f"not a Redis Cluster URL (redis+cluster://host:port,...): {url!r}")
    credentials, _, hosts = parts.netloc.rpartition("@")
    options: dict = {"ssl": CLUSTER_SCHEMES[parts.scheme.lower()]}
    if credentials:
        username, _, password = credentials.partition(":")
        options["username"] = unquote(username) or None
        options["password"] = unquote(password) or None
    seeds = []
    for address in hosts.split(","):
        host, sep, port = address.strip().rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ValueError(f"a Redis Cluster seed must be host:port, got {address!r} in {url!r}")
        seeds.append((host.strip("[]"), int(port)))
    if parts.path.strip("/") not in ("", "0"):
        raise ValueError(f"Redis Cluster has only database 0: {url!r}")
    return seeds, options


def connect(url: str, max_connections: int = 64) -> aredis.Redis | aredis.RedisCluster:
    """The asyncio client for `url`: a cluster client for redis+cluster://, else a single one on a
    blocking pool (a burst beyond the pool waits for a connection, up to POOL_WAIT_S, instead of
    failing at once as the default pool does)."""
    if is_cluster_url(url):
        seeds, options = cluster_seeds(url)
        return GatedRedisCluster(
            startup_nodes=[ClusterNode(host, port) for host, port in seeds], max_connections=max_connections,
            socket_timeout=limits.REDIS_WAIT_S_MAX, socket_connect_timeout=CONNECT_TIMEOUT_S,
            retry=Retry(NoBackoff(), RECONNECT_RETRIES, supported_errors=_CLUSTER_RETRIED), **options)
    return aredis.Redis(connection_pool=aredis.BlockingConnectionPool.from_url(
        url, max_connections=max_connections, timeout=POOL_WAIT_S,
        socket_timeout=limits.REDIS_WAIT_S_MAX, socket_connect_timeout=CONNECT_TIMEOUT_S,
        retry=Retry(NoBackoff(), RECONNECT_RETRIES, supported_errors=(_ConnectionError,))))


def connect_sync(url: str) -> redis.Redis | redis.RedisCluster:
    """A blocking client for `url` (the CLI, tests): the same URL forms and timeouts."""
    if is_cluster_url(url):
        seeds, options = cluster_seeds(url)
        return redis.RedisCluster(
            startup_nodes=[SyncClusterNode(host, port) for host, port in seeds],
            socket_timeout=limits.REDIS_WAIT_S_MAX, socket_connect_timeout=CONNECT_TIMEOUT_S,
            retry=SyncRetry(NoBackoff(), RECONNECT_RETRIES, supported_errors=_CLUSTER_RETRIED), **options)
    return redis.Redis.from_url(url, socket_timeout=limits.REDIS_WAIT_S_MAX,
                                socket_connect_timeout=CONNECT_TIMEOUT_S)
