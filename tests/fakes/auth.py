"""Fakes of core/adapters/postgres/clients.py ClientStore, refresh_tokens.py RefreshTokenStore,
core/adapters/redis/auth.py TokenLimits and core/adapters/tokens.py AccessTokens."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from core.adapters.postgres.clients import ClientCredentials
from core.adapters.postgres.refresh_tokens import NewRefreshToken, RefreshStatus, RefreshToken, RevokedAccess
from core.adapters.redis.auth import Denial, Gate, GateReply, client_tag
from core.domain.auth import ApiClient
from core.service.auth import PASSWORD_HASHER


def credentials(client_id: str, org_id: str, secret: str, *, disabled: bool = False,
                scopes: tuple[str, ...] = ("coupons:read",)) -> ClientCredentials:
    return ClientCredentials(client_id=client_id, secret_hash=PASSWORD_HASHER.hash(secret), org_id=org_id,
                             scopes=list(scopes), store_ids=[], rate_per_second=10, rate_burst=20,
                             disable_time=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) if disabled else None)


class FakeClientStore:
    def __init__(self, *clients: ClientCredentials) -> None:
        self.clients = {c.client_id: c for c in clients}

    async def credentials(self, client_id: str) -> ClientCredentials | None:
        return self.clients.get(client_id)


class FakeRefreshTokenStore:
    def __init__(self) -> None:
        self.tokens: dict[str, tuple[NewRefreshToken, RefreshStatus, dt.datetime | None]] = {}

    async def get(self, token_id: str) -> RefreshToken | None:
        found = self.tokens.get(token_id)
        if found is None:
            return None
        token, status, rotated = found
        return RefreshToken(token.token_id, token.family_id, token.client_id, token.secret_sha256, status,
                            token.expire_time, rotated)

    async def insert(self, token: NewRefreshToken) -> None:
        self.tokens[token.token_id] = (token, RefreshStatus.ACTIVE, None)

    async def rotate(self, token_id: str, rotate_time: dt.datetime, new: NewRefreshToken) -> bool:
        token, status, _ = self.tokens[token_id]
        if status is not RefreshStatus.ACTIVE:
            return False
        self.tokens[token_id] = (token, RefreshStatus.ROTATED, rotate_time)
        await self.insert(new)
        return True

    async def revoke_family(self, family_id: str) -> list[RevokedAccess]:
        revoked = []
        for token_id, (token, status, rotated) in list(self.tokens.items()):
            if token.family_id == family_id and status is not RefreshStatus.REVOKED:
                self.tokens[token_id] = (token, RefreshStatus.REVOKED, rotated)
                revoked.append(RevokedAccess(token.client_id, token.access_jti, token.access_expire_time))
        return revoked


class FakeTokenLimits:
    """Counts failures and locks at `failures_max` like token_failure.lua; never rate-limits."""

    def __init__(self) -> None:
        self.failures: dict[str, int] = {}
        self.locked: set[str] = set()
        self.replays: dict[tuple[str, str], str] = {}
        self.denied: list[Denial] = []

    async def gate(self, *, tag: str, rate_per_minute: int, burst: int, check_lockout: bool) -> GateReply:
        if check_lockout and tag in self.locked:
            return GateReply(Gate.LOCKED, 1000)
        return GateReply(Gate.ADMITTED, 0)

    async def count_failure(self, *, client_id: str, failures_max: int, window_seconds: int,
                            lockout_seconds: int) -> int:
        self.failures[client_id] = self.failures.get(client_id, 0) + 1
        if self.failures[client_id] >= failures_max:
            self.locked.add(client_tag(client_id))
            self.failures[client_id] = 0
        return self.failures[client_id]

    async def clear_failures(self, client_id: str) -> None:
        self.failures.pop(client_id, None)

    async def remember_replay(self, client_id: str, token_id: str, pair: str, ttl_seconds: int) -> None:
        self.replays[(client_id, token_id)] = pair

    async def replay(self, client_id: str, token_id: str) -> bytes | None:
        found = self.replays.get((client_id, token_id))
        return None if found is None else found.encode()

    async def deny(self, denials: Iterable[Denial]) -> None:
        self.denied += list(denials)


class FakeAccessTokens:
    """Issues `at-<n>` tokens and remembers whom for."""

    ttl_seconds = 900

    def __init__(self, clock) -> None:
        self._clock = clock
        self.issued: list[ApiClient] = []

    def issue(self, client: ApiClient) -> tuple[str, str, int]:
        self.issued.append(dataclasses.replace(client))
        number = len(self.issued)
        return f"at-{number}", f"jti-{number}", int(self._clock.now().timestamp()) + self.ttl_seconds
