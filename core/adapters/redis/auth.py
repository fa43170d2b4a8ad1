"""Redis: the token endpoints' limits and the access-token denylist (DESIGN.md section 4).

Keys (hash tags keep each script's keys in one slot):
    rewards:{c:<client_id>}:deny:<jti>                an access token revoked before it expires
    rewards:{c:<client_id>}:refresh-replay:<token_id> the pair a rotation issued (the grace window)
    rewards:{c:<client_id>}:token-lock | token-bucket | token-failures
    rewards:{p:<peer>}:token-lock | token-bucket      (a peer address is never locked out)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import redis.asyncio as redis

from core.adapters.redis.scripts import Scripts


def client_tag(client_id: str) -> str:
    return f"rewards:{{c:{client_id}}}"


def peer_tag(peer: str) -> str:
    return f"rewards:{{p:{peer or 'unknown'}}}"


def deny_key(client_id: str, jti: str) -> str:
    return f"{client_tag(client_id)}:deny:{jti}"


def replay_key(client_id: str, token_id: str) -> str:
    return f"{client_tag(client_id)}:refresh-replay:{token_id}"


def token_lock_key(tag: str) -> str:
    return f"{tag}:token-lock"


def token_bucket_key(tag: str) -> str:
    return f"{tag}:token-bucket"


def token_failures_key(client_id: str) -> str:
    return f"{client_tag(client_id)}:token-failures"


class Gate(enum.IntEnum):
    """token_gate's verdict."""

    ADMITTED = 0
    LOCKED = 1
    RATE_LIMITED = 2


@dataclass(frozen=True, slots=True)
class GateReply:
    gate: Gate
    retry_after_ms: int


@dataclass(frozen=True, slots=True)
class Denial:
    """An access token to deny for `seconds`."""

    client_id: str
    jti: str
    seconds: int


class TokenLimits:
    """token_gate / token_failure, the refresh replay entries and the denylist."""

    def __init__(self, client: redis.Redis, scripts: Scripts) -> None:
        self._redis = client
        self._scripts = scripts

    async def gate(self, *, tag: str, rate_per_minute: int, burst: int, check_lockout: bool) -> GateReply:
        """One call's admission to the bucket of `tag` (client_tag or peer_tag), unless locked."""
        code, retry_ms = await self._scripts.run(
            "token_gate", [token_lock_key(tag), token_bucket_key(tag)], [rate_per_minute, burst, int(check_lockout)])
        return GateReply(Gate(int(code)), int(retry_ms))

    async def count_failure(self, *, client_id: str, failures_max: int, window_seconds: int,
                            lockout_seconds: int) -> int:
        """Count a wrong secret; the failures in the window (0: this one locked the client id)."""
        tag = client_tag(client_id)
        return int(await self._scripts.run("token_failure", [token_failures_key(client_id), token_lock_key(tag)],
                                           [failures_max, window_seconds, lockout_seconds]))

    async def clear_failures(self, client_id: str) -> None:
        await self._redis.delete(token_failures_key(client_id))

    async def remember_replay(self, client_id: str, token_id: str, pair: str, ttl_seconds: int) -> None:
        await self._redis.set(replay_key(client_id, token_id), pair, ex=ttl_seconds)

    async def replay(self, client_id: str, token_id: str) -> bytes | None:
        return await self._redis.get(replay_key(client_id, token_id))

    async def deny(self, denials: Iterable[Denial]) -> None:
        """Put access tokens on the denylist (one round trip)."""
        async with self._redis.pipeline(transaction=False) as pipe:
            for denial in denials:
                pipe.set(deny_key(denial.client_id, denial.jti), 1, ex=denial.seconds)
            await pipe.execute()
