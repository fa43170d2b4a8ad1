"""Infrastructure failures as operating errors: a store that cannot be reached is STORE_UNAVAILABLE
(transient), never an unexpected INTERNAL error."""

from __future__ import annotations

import psycopg
import redis
from psycopg_pool import PoolTimeout
from redis.exceptions import ClusterDownError, ClusterError, SlotNotCoveredError, TryAgainError

from core.domain.errors import DomainError, ErrorReason

_UNAVAILABLE = (redis.ConnectionError, redis.TimeoutError, psycopg.OperationalError, PoolTimeout,
                # A Redis Cluster failing over: its slot has no master yet (CLUSTERDOWN, TRYAGAIN,
                # the client's redirections exhausted, a slot missing from its map).
                ClusterDownError, ClusterError, SlotNotCoveredError, TryAgainError)


def as_domain_error(error: BaseException) -> DomainError | None:
    """The DomainError an infrastructure exception means, or None if it is a bug."""
    if isinstance(error, _UNAVAILABLE):
        store = "redis" if isinstance(error, redis.RedisError) else "postgres"
        return DomainError(ErrorReason.STORE_UNAVAILABLE, metadata={"store": store})
    return None
