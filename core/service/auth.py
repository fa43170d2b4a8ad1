"""AuthService handlers: client credentials -> token pair; rotating refresh tokens; revocation.

Refresh tokens are `rt_<token_id>.<secret>`. Every use rotates the token: the old row becomes
ROTATED (atomically: of two concurrent uses exactly one wins) and a new token of the same family
is issued with a new access token. Within the grace window a retry of the old token gets the
same new pair (kept briefly in Redis), so a checkout that lost the reply is not logged out;
after it, the reuse is treated as theft and the whole family is revoked, including the access
tokens issued with it (their jti go on the Redis denylist until they expire).

Both RPCs are public (no access token), so they carry their own limits, in Redis: a token bucket per
peer address (checked first, before anything is read) and one per client id (IssueToken: before the
secret is hashed; RefreshToken: once the refresh token's secret matched). Wrong secrets for a client
id are counted: CLIENT_LOCKOUT_FAILURES_MAX of them within the window lock the id's IssueToken for
CLIENT_LOCKOUT_SECONDS, checked before any argon2id hash is computed. Unknown client ids are counted
and locked the same way, so the lock tells nothing about which ids exist.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.adapters.infrastructure import Pool, RedisClient
from core.adapters.postgres.clients import ClientCredentials, ClientStore
from core.adapters.postgres.refresh_tokens import NewRefreshToken, RefreshStatus, RefreshToken, RefreshTokenStore
from core.adapters.redis.auth import Denial, Gate, TokenLimits, client_tag, deny_key, peer_tag
from core.adapters.redis.scripts import Scripts
from core.adapters.tokens import AccessTokens
from core.domain import limits
from core.domain.auth import ApiClient, TokenPair
from core.domain.clock import Clock
from core.domain.errors import DomainError, ErrorReason, field_required
from core.service.context import Caller

__all__ = ["PASSWORD_HASHER", "Auth", "AuthSettings", "RefreshStatus", "deny_key"]

PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)  # OWASP argon2id
_DUMMY_HASH = PASSWORD_HASHER.hash("not a secret: equalises the time of unknown clients")
REFRESH_TOKEN_ID_LENGTH = 26
"""`rt` and 24 hex digits."""
REFRESH_SECRET_LENGTH_MIN = 32
REPLAY_POLL_S = 0.01
"""How often a retry within the grace window looks for the pair its rotation issued."""


@dataclass(frozen=True, slots=True)
class AuthSettings:
    refresh_ttl_seconds: int = limits.REFRESH_TOKEN_TTL_SECONDS_DEFAULT
    refresh_grace_seconds: int = limits.REFRESH_GRACE_SECONDS_DEFAULT
    rate_per_client: int = limits.TOKEN_RATE_PER_CLIENT_PER_MINUTE_DEFAULT
    burst_per_client: int = limits.TOKEN_RATE_PER_CLIENT_BURST_DEFAULT
    rate_per_peer: int = limits.TOKEN_RATE_PER_PEER_PER_MINUTE_DEFAULT
    burst_per_peer: int = limits.TOKEN_RATE_PER_PEER_BURST_DEFAULT
    lockout_failures: int = limits.CLIENT_LOCKOUT_FAILURES_MAX
    lockout_window_seconds: int = limits.CLIENT_LOCKOUT_WINDOW_SECONDS
    lockout_seconds: int = limits.CLIENT_LOCKOUT_SECONDS


class Auth:
    def __init__(self, pool: Pool, client: RedisClient, tokens: AccessTokens, clock: Clock,
                 settings: AuthSettings = AuthSettings(), scripts: Scripts | None = None, *,
                 clients: ClientStore | None = None, refresh_tokens: RefreshTokenStore | None = None,
                 token_limits: TokenLimits | None = None) -> None:
        self._clients = clients or ClientStore(pool)
        self._refresh_tokens = refresh_tokens or RefreshTokenStore(pool)
        self._limits = token_limits or TokenLimits(client, scripts or Scripts(client))
        self._tokens = tokens
        self._clock = clock
        self._settings = settings

    async def issue_token(self, org_id: str, client_id: str, secret: str, peer: str = "") -> TokenPair:
        for field, value in (("org_id", org_id), ("client_id", client_id), ("client_secret", secret)):
            if not value:
                raise field_required(field)
        await self._gate_peer(peer)
        await self._gate_client(client_id, lockout=True)  # Before the hash: a locked id costs no CPU.
        found = await self._clients.credentials(client_id)
        stored_hash = found.secret_hash if found else _DUMMY_HASH
        verified = await asyncio.get_running_loop().run_in_executor(None, _verify_secret, stored_hash, secret)
        if not verified or found is None or found.org_id != org_id:
            await self._count_failure(client_id)
            raise DomainError(ErrorReason.CLIENT_CREDENTIALS_INVALID)
        await self._limits.clear_failures(client_id)
        if found.disable_time is not None:
            raise DomainError(ErrorReason.CLIENT_DISABLED)  # Told only to a caller who knows the secret.
        pair, token = self._new_pair(_client(found), family_id="fam_" + secrets.token_hex(12))
        await self._refresh_tokens.insert(token)
        return pair

    async def _gate_peer(self, peer: str) -> None:
        await self._gate(peer_tag(peer), self._settings.rate_per_peer, self._settings.burst_per_peer, False, "peer")

    async def _gate_client(self, client_id: str, *, lockout: bool) -> None:
        await self._gate(client_tag(client_id), self._settings.rate_per_client, self._settings.burst_per_client,
                         lockout, "client")

    async def _gate(self, tag: str, rate: int, burst: int, lockout: bool, scope: str) -> None:
        reply = await self._limits.gate(tag=tag, rate_per_minute=rate, burst=burst, check_lockout=lockout)
        if reply.gate is Gate.LOCKED:
            raise DomainError(ErrorReason.CLIENT_LOCKED, retry_after_ms=reply.retry_after_ms, metadata={
                "retry_after_ms": reply.retry_after_ms, "failures_max": self._settings.lockout_failures})
        if reply.gate is Gate.RATE_LIMITED:
            raise DomainError(ErrorReason.RATE_LIMITED, retry_after_ms=reply.retry_after_ms, metadata={
                "retry_after_ms": reply.retry_after_ms, "limit": f"per {scope}", "rate_per_minute": rate})

    async def _count_failure(self, client_id: str) -> None:
        await self._limits.count_failure(client_id=client_id, failures_max=self._settings.lockout_failures,
                                         window_seconds=self._settings.lockout_window_seconds,
                                         lockout_seconds=self._settings.lockout_seconds)

    async def refresh(self, refresh_token: str, peer: str = "") -> TokenPair:
        token_id, secret = _parse_refresh(refresh_token)
        await self._gate_peer(peer)
        row = await self._refresh_tokens.get(token_id)
        if row is None or not hmac.compare_digest(row.secret_sha256, _sha256(secret)):
            raise DomainError(ErrorReason.REFRESH_TOKEN_INVALID)
        await self._gate_client(row.client_id, lockout=False)
        if row.status is RefreshStatus.REVOKED:
            raise DomainError(ErrorReason.REFRESH_TOKEN_REVOKED)
        if row.expire_time <= self._clock.now():
            raise DomainError(ErrorReason.REFRESH_TOKEN_EXPIRED)
        if row.status is RefreshStatus.ACTIVE:
            pair = await self._rotate(row)
            if pair is not None:
                return pair
            row = await self._refresh_tokens.get(token_id)  # A concurrent use won the rotation.
        return await self._replay_or_revoke(row)  # type: ignore[arg-type]

    async def revoke(self, caller: Caller, refresh_token: str) -> None:
        token_id, secret = _parse_refresh(refresh_token)
        row = await self._refresh_tokens.get(token_id)
        if (row is None or row.client_id != caller.client_id
                or not hmac.compare_digest(row.secret_sha256, _sha256(secret))):
            raise DomainError(ErrorReason.REFRESH_TOKEN_INVALID)
        await self._revoke_family(row.family_id)

    async def _rotate(self, row: RefreshToken) -> TokenPair | None:
        found = await self._clients.credentials(row.client_id)
        if found is None:
            raise DomainError(ErrorReason.REFRESH_TOKEN_REVOKED)
        if found.disable_time is not None:
            raise DomainError(ErrorReason.CLIENT_DISABLED)
        client = _client(found)
        pair, token = self._new_pair(client, row.family_id)
        if not await self._refresh_tokens.rotate(row.token_id, self._clock.now(), token):
            return None
        await self._limits.remember_replay(client.client_id, row.token_id, json.dumps(pair.to_json()),
                                           self._settings.refresh_grace_seconds + 1)
        return pair

    async def _replay_or_revoke(self, row: RefreshToken) -> TokenPair:
        grace = dt.timedelta(seconds=self._settings.refresh_grace_seconds)
        if row.status is RefreshStatus.ROTATED and self._clock.now() - row.rotate_time <= grace:  # type: ignore[operator]
            deadline = asyncio.get_running_loop().time() + limits.REFRESH_REPLAY_WAIT_MS_MAX / 1000
            while asyncio.get_running_loop().time() < deadline:
                stored = await self._limits.replay(row.client_id, row.token_id)
                if stored is not None:
                    return TokenPair.from_json(json.loads(stored))
                await asyncio.sleep(REPLAY_POLL_S)
            raise DomainError(ErrorReason.REQUEST_IN_FLIGHT)
        if row.status is RefreshStatus.REVOKED:
            raise DomainError(ErrorReason.REFRESH_TOKEN_REVOKED)
        await self._revoke_family(row.family_id)
        raise DomainError(ErrorReason.REFRESH_TOKEN_REUSED)

    async def _revoke_family(self, family_id: str) -> None:
        now = self._clock.now()
        revoked = await self._refresh_tokens.revoke_family(family_id)
        denials = []
        for access in revoked:
            remaining = int((access.access_expire_time - now).total_seconds()) + limits.TOKEN_LEEWAY_SECONDS + 1
            if remaining > 0:
                denials.append(Denial(access.client_id, access.access_jti, remaining))
        await self._limits.deny(denials)

    def _new_pair(self, client: ApiClient, family_id: str) -> tuple[TokenPair, NewRefreshToken]:
        """A new access token and the refresh token of `family_id` issued with it (to store)."""
        access, jti, access_expire = self._tokens.issue(client)
        token_id = "rt" + secrets.token_hex(12)
        secret = secrets.token_urlsafe(32)
        now = self._clock.now()
        expire = now + dt.timedelta(seconds=self._settings.refresh_ttl_seconds)
        token = NewRefreshToken(token_id=token_id, family_id=family_id, client_id=client.client_id,
                                secret_sha256=_sha256(secret), access_jti=jti,
                                access_expire_time=dt.datetime.fromtimestamp(access_expire, dt.timezone.utc),
                                expire_time=expire, create_time=now)
        return TokenPair(access, access_expire, f"{token_id}.{secret}", int(expire.timestamp())), token


def _client(found: ClientCredentials) -> ApiClient:
    return ApiClient(found.client_id, found.org_id, tuple(found.scopes), tuple(found.store_ids),
                     found.rate_per_second, found.rate_burst)


def _verify_secret(stored_hash: str, secret: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def _sha256(value: str) -> bytes:
    return hashlib.sha256(value.encode()).digest()


def _parse_refresh(token: str) -> tuple[str, str]:
    if not token:
        raise field_required("refresh_token")
    token_id, dot, secret = token.partition(".")
    if (not dot or not token_id.startswith("rt") or len(token_id) != REFRESH_TOKEN_ID_LENGTH
            or len(secret) < REFRESH_SECRET_LENGTH_MIN):
        raise DomainError(ErrorReason.REFRESH_TOKEN_INVALID)
    return token_id, secret
