"""Redis: the fast path. Lua scripts (one .lua file each) decide atomically; Postgres decides finally."""

from core.adapters.redis.client import CONNECT_TIMEOUT_S, POOL_WAIT_S, connect

__all__ = ["CONNECT_TIMEOUT_S", "POOL_WAIT_S", "connect"]
