"""Redis: the change generation of an organisation's interaction points.

One key per organisation, `rewards:{ip:<org_id>}:generation`, an integer incremented (INCR)
after every committed create or delete of one of its points. Workers cache points in process
and read this key at most once per INTERACTION_POINT_GENERATION_CHECK_S per organisation: a
cached point is used while the generation it was read under is current. A single-key command,
so no script. A lost increment (Redis down after the commit) is bounded by the cache entries'
maximum age.
"""

from __future__ import annotations

import redis.asyncio as redis


def generation_key(org_id: str) -> str:
    return f"rewards:{{ip:{org_id}}}:generation"


class PointGenerations:
    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    async def current(self, org_id: str) -> int:
        value = await self._redis.get(generation_key(org_id))
        return int(value) if value is not None else 0

    async def bump(self, org_id: str) -> int:
        """The new generation, after a committed change of the organisation's points."""
        return int(await self._redis.incr(generation_key(org_id)))
