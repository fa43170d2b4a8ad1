"""Redis: the fast path. Lua scripts (one .lua file each) decide atomically; Postgres decides finally."""

import redis.asyncio as _redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as _ConnectionError

from core.domain import limits

POOL_WAIT_S = limits.REDIS_WAIT_S_MAX
CONNECT_TIMEOUT_S = 1.0


def connect(url: str, max_connections: int = 64) -> _redis.Redis:
    """A client on a blocking pool: a burst beyond the pool waits for a connection (up to
    POOL_WAIT_S) instead of failing at once as the default pool does. Every command is bounded
    (REDIS_WAIT_S_MAX) and a lost connection is retried once at once, on a new connection (a
    pooled connection broken by a Redis restart); no backoff, so an unreachable Redis answers
    STORE_UNAVAILABLE in milliseconds."""
    return _redis.Redis(connection_pool=_redis.BlockingConnectionPool.from_url(
        url, max_connections=max_connections, timeout=POOL_WAIT_S,
        socket_timeout=limits.REDIS_WAIT_S_MAX, socket_connect_timeout=CONNECT_TIMEOUT_S,
        retry=Retry(NoBackoff(), 1, supported_errors=(_ConnectionError,))))
