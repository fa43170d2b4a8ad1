"""Redis: the fast path. Lua scripts (one .lua file each) decide atomically; Postgres decides finally."""

import redis.asyncio as _redis

POOL_WAIT_S = 5


def connect(url: str, max_connections: int = 64) -> _redis.Redis:
    """A client on a blocking pool: a burst beyond the pool waits for a connection (up to
    POOL_WAIT_S) instead of failing at once as the default pool does."""
    return _redis.Redis(connection_pool=_redis.BlockingConnectionPool.from_url(
        url, max_connections=max_connections, timeout=POOL_WAIT_S))
