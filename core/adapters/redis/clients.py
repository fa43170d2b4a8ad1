"""Redis: the mirror of each API client's admission state, `rewards:{c:<client_id>}:client`, a
hash of `disabled` (1 or 0) and `secret` (the current secret version), read by admit_request.lua.
Postgres (`api_clients`) is the truth: the operator commands write it, then this mirror; the Redis
state rebuild copies it back after a flush."""

from __future__ import annotations

from collections.abc import Iterable

import redis.asyncio as aredis

from core.adapters.postgres.clients import ClientState
from core.adapters.redis.auth import client_tag
from core.adapters.redis.client import connect_sync


def client_state_key(client_id: str) -> str:
    return f"{client_tag(client_id)}:client"


def _mapping(state: ClientState) -> dict[str, int]:
    return {"disabled": int(state.disabled), "secret": state.secret_version}


def mirror_client_state(redis_url: str, state: ClientState) -> None:
    """Write one client's state (the operator commands: their own connection)."""
    with connect_sync(redis_url) as client:  # a cluster URL too
        client.hset(client_state_key(state.client_id), mapping=_mapping(state))


async def load_client_states(client: aredis.Redis, states: Iterable[ClientState]) -> None:
    """Write every client's state (the rebuild), in one round trip."""
    async with client.pipeline(transaction=False) as pipe:
        for state in states:
            pipe.hset(client_state_key(state.client_id), mapping=_mapping(state))
        await pipe.execute()
