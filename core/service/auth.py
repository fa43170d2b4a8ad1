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
import enum
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

import redis.asyncio as redis
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from psycopg_pool import AsyncConnectionPool

from core.adapters.redis.scripts import Scripts
from core.adapters.tokens import AccessTokens
from core.domain import limits
from core.domain.auth import ApiClient, TokenPair
from core.domain.clock import Clock
from core.domain.errors import DomainError, ErrorReason, field_required
from core.service.context import Caller

PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)  # OWASP argon2id
_DUMMY_HASH = PASSWORD_HASHER.hash("not a secret: equalises the time of unknown clients")


class RefreshStatus(enum.IntEnum):
    ACTIVE = 1
    ROTATED = 2
    REVOKED = 3


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


def deny_key(client_id: str, jti: str) -> str:
    return f"rewards:{{c:{client_id}}}:deny:{jti}"


def _replay_key(client_id: str, token_id: str) -> str:
    return f"rewards:{{c:{client_id}}}:refresh-replay:{token_id}"


def _client_tag(client_id: str) -> str:
    return f"rewards:{{c:{client_id}}}"


class Auth:
    def __init__(self, pool: AsyncConnectionPool, client: redis.Redis, tokens: AccessTokens,
                 clock: Clock, settings: AuthSettings = AuthSettings(), scripts: Scripts | None = None) -> None:
        self._pool = pool
        self._redis = client
        self._tokens = tokens
        self._clock = clock
        self._settings = settings
        self._scripts = scripts or Scripts(client)

    async def issue_token(self, org_id: str, client_id: str, secret: str, peer: str = "") -> TokenPair:
        for field, value in (("org_id", org_id), ("client_id", client_id), ("client_secret", secret)):
            if not value:
                raise field_required(field)
        await self._gate_peer(peer)
        await self._gate_client(client_id, lockout=True)  # Before the hash: a locked id costs no CPU.
        row = await self._fetch_client(client_id)
        stored_hash = row[0] if row else _DUMMY_HASH
        verified = await asyncio.get_running_loop().run_in_executor(None, _verify_secret, stored_hash, secret)
        client = _client(client_id, row)
        if not verified or row is None or client.org_id != org_id:
            await self._count_failure(client_id)
            raise DomainError(ErrorReason.CLIENT_CREDENTIALS_INVALID)
        await self._redis.delete(f"{_client_tag(client_id)}:token-failures")
        if row[-1] is not None:
            raise DomainError(ErrorReason.CLIENT_DISABLED)  # Told only to a caller who knows the secret.
        async with self._pool.connection() as connection, connection.transaction():
            return await self._new_pair(connection, client, family_id="fam_" + secrets.token_hex(12))

    async def _gate_peer(self, peer: str) -> None:
        tag = f"rewards:{{p:{peer or 'unknown'}}}"
        await self._gate(tag, self._settings.rate_per_peer, self._settings.burst_per_peer, False, "peer")

    async def _gate_client(self, client_id: str, *, lockout: bool) -> None:
        await self._gate(_client_tag(client_id), self._settings.rate_per_client, self._settings.burst_per_client,
                         lockout, "client")

    async def _gate(self, tag: str, rate: int, burst: int, lockout: bool, scope: str) -> None:
        code, retry_ms = await self._scripts.run(
            "token_gate", [f"{tag}:token-lock", f"{tag}:token-bucket"], [rate, burst, int(lockout)])
        if code == 1:
            raise DomainError(ErrorReason.CLIENT_LOCKED, retry_after_ms=int(retry_ms), metadata={
                "retry_after_ms": int(retry_ms), "failures_max": self._settings.lockout_failures})
        if code == 2:
            raise DomainError(ErrorReason.RATE_LIMITED, retry_after_ms=int(retry_ms), metadata={
                "retry_after_ms": int(retry_ms), "limit": f"per {scope}", "rate_per_minute": rate})

    async def _count_failure(self, client_id: str) -> None:
        tag = _client_tag(client_id)
        await self._scripts.run("token_failure", [f"{tag}:token-failures", f"{tag}:token-lock"], [
            self._settings.lockout_failures, self._settings.lockout_window_seconds, self._settings.lockout_seconds])

    async def refresh(self, refresh_token: str, peer: str = "") -> TokenPair:
        token_id, secret = _parse_refresh(refresh_token)
        await self._gate_peer(peer)
        row = await self._fetch_refresh(token_id)
        if row is None or not hmac.compare_digest(bytes(row["secret_sha256"]), _sha256(secret)):
            raise DomainError(ErrorReason.REFRESH_TOKEN_INVALID)
        await self._gate_client(row["client_id"], lockout=False)
        if row["status"] == RefreshStatus.REVOKED:
            raise DomainError(ErrorReason.REFRESH_TOKEN_REVOKED)
        if row["expire_time"] <= self._clock.now():
            raise DomainError(ErrorReason.REFRESH_TOKEN_EXPIRED)
        if row["status"] == RefreshStatus.ACTIVE:
            pair = await self._rotate(row)
            if pair is not None:
                return pair
            row = await self._fetch_refresh(token_id)  # A concurrent use won the rotation.
        return await self._replay_or_revoke(row)

    async def revoke(self, caller: Caller, refresh_token: str) -> None:
        token_id, secret = _parse_refresh(refresh_token)
        row = await self._fetch_refresh(token_id)
        if (row is None or row["client_id"] != caller.client_id
                or not hmac.compare_digest(bytes(row["secret_sha256"]), _sha256(secret))):
            raise DomainError(ErrorReason.REFRESH_TOKEN_INVALID)
        await self._revoke_family(row["family_id"])

    async def _rotate(self, row: dict) -> TokenPair | None:
        client_row = await self._fetch_client(row["client_id"])
        if client_row is None:
            raise DomainError(ErrorReason.REFRESH_TOKEN_REVOKED)
        if client_row[-1] is not None:
            raise DomainError(ErrorReason.CLIENT_DISABLED)
        client = _client(row["client_id"], client_row)
        async with self._pool.connection() as connection, connection.transaction():
            new_id = "rt" + secrets.token_hex(12)
            cursor = await connection.execute(
                "UPDATE refresh_tokens SET status = %s, rotate_time = %s, replaced_by = %s"
                " WHERE token_id = %s AND status = %s",
                (RefreshStatus.ROTATED, self._clock.now(), new_id, row["token_id"], RefreshStatus.ACTIVE))
            if cursor.rowcount != 1:
                return None
            pair = await self._new_pair(connection, client, row["family_id"], new_id)
        await self._redis.set(_replay_key(client.client_id, row["token_id"]), json.dumps(pair.to_json()),
                              ex=self._settings.refresh_grace_seconds + 1)
        return pair

    async def _replay_or_revoke(self, row: dict) -> TokenPair:
        grace = dt.timedelta(seconds=self._settings.refresh_grace_seconds)
        if row["status"] == RefreshStatus.ROTATED and self._clock.now() - row["rotate_time"] <= grace:
            key = _replay_key(row["client_id"], row["token_id"])
            deadline = asyncio.get_running_loop().time() + limits.REFRESH_REPLAY_WAIT_MS_MAX / 1000
            while asyncio.get_running_loop().time() < deadline:
                stored = await self._redis.get(key)
                if stored is not None:
                    return TokenPair.from_json(json.loads(stored))
                await asyncio.sleep(0.01)
            raise DomainError(ErrorReason.REQUEST_IN_FLIGHT)
        if row["status"] == RefreshStatus.REVOKED:
            raise DomainError(ErrorReason.REFRESH_TOKEN_REVOKED)
        await self._revoke_family(row["family_id"])
        raise DomainError(ErrorReason.REFRESH_TOKEN_REUSED)

    async def _revoke_family(self, family_id: str) -> None:
        now = self._clock.now()
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(
                "UPDATE refresh_tokens SET status = %s WHERE family_id = %s AND status <> %s"
                " RETURNING client_id, access_jti, access_expire_time",
                (RefreshStatus.REVOKED, family_id, RefreshStatus.REVOKED))
            revoked = await cursor.fetchall()
        async with self._redis.pipeline(transaction=False) as pipe:
            for client_id, jti, expire_time in revoked:
                remaining = int((expire_time - now).total_seconds()) + limits.TOKEN_LEEWAY_SECONDS + 1
                if remaining > 0:
                    pipe.set(deny_key(client_id, jti), 1, ex=remaining)
            await pipe.execute()

    async def _new_pair(self, connection, client: ApiClient, family_id: str,
                        token_id: str | None = None) -> TokenPair:
        access, jti, access_expire = self._tokens.issue(client)
        token_id = token_id or "rt" + secrets.token_hex(12)
        secret = secrets.token_urlsafe(32)
        now = self._clock.now()
        expire = now + dt.timedelta(seconds=self._settings.refresh_ttl_seconds)
        await connection.execute(
            "INSERT INTO refresh_tokens (token_id, family_id, client_id, secret_sha256, status, access_jti,"
            " access_expire_time, expire_time, create_time) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (token_id, family_id, client.client_id, _sha256(secret), RefreshStatus.ACTIVE, jti,
             dt.datetime.fromtimestamp(access_expire, dt.timezone.utc), expire, now))
        return TokenPair(access, access_expire, f"{token_id}.{secret}", int(expire.timestamp()))

    async def _fetch_client(self, client_id: str) -> tuple | None:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT secret_hash, org_id, scopes, store_ids, rate_per_second, rate_burst, disable_time"
                " FROM api_clients WHERE client_id = %s", (client_id,))
            return await cursor.fetchone()

    async def _fetch_refresh(self, token_id: str) -> dict | None:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT token_id, family_id, client_id, secret_sha256, status, expire_time, rotate_time"
                " FROM refresh_tokens WHERE token_id = %s", (token_id,))
            found = await cursor.fetchone()
            if found is None:
                return None
            return dict(zip([column.name for column in cursor.description], found))


def _client(client_id: str, row: tuple | None) -> ApiClient:
    if row is None:
        return ApiClient(client_id, "", (), (), 1, 1)
    _, org_id, scopes, store_ids, rate, burst, _ = row
    return ApiClient(client_id, org_id, tuple(scopes), tuple(store_ids), rate, burst)


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
    if not dot or not token_id.startswith("rt") or len(token_id) != 26 or len(secret) < 32:
        raise DomainError(ErrorReason.REFRESH_TOKEN_INVALID)
    return token_id, secret
