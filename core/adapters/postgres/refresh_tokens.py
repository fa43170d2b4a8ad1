"""Refresh tokens (`refresh_tokens`): issued, rotated (of two concurrent uses exactly one wins),
revoked by family."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool


class RefreshStatus(enum.IntEnum):
    ACTIVE = 1
    ROTATED = 2
    REVOKED = 3


@dataclass(frozen=True, slots=True)
class RefreshToken:
    """A stored refresh token (its secret only as a SHA-256)."""

    token_id: str
    family_id: str
    client_id: str
    secret_sha256: bytes
    status: RefreshStatus
    expire_time: dt.datetime
    rotate_time: dt.datetime | None


@dataclass(frozen=True, slots=True)
class NewRefreshToken:
    token_id: str
    family_id: str
    client_id: str
    secret_sha256: bytes
    access_jti: str
    access_expire_time: dt.datetime
    expire_time: dt.datetime
    create_time: dt.datetime


@dataclass(frozen=True, slots=True)
class RevokedAccess:
    """An access token issued with a revoked refresh token: denied until it expires."""

    client_id: str
    access_jti: str
    access_expire_time: dt.datetime


_INSERT = ("INSERT INTO refresh_tokens (token_id, family_id, client_id, secret_sha256, status, access_jti,"
           " access_expire_time, expire_time, create_time) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)")


def _insert_params(token: NewRefreshToken) -> tuple:
    return (token.token_id, token.family_id, token.client_id, token.secret_sha256, RefreshStatus.ACTIVE,
            token.access_jti, token.access_expire_time, token.expire_time, token.create_time)


class RefreshTokenStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def get(self, token_id: str) -> RefreshToken | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(RefreshToken))
            await cursor.execute(
                "SELECT token_id, family_id, client_id, secret_sha256, status, expire_time, rotate_time"
                " FROM refresh_tokens WHERE token_id = %s", (token_id,))
            found = await cursor.fetchone()
        if found is None:
            return None
        return RefreshToken(found.token_id, found.family_id, found.client_id, bytes(found.secret_sha256),
                            RefreshStatus(found.status), found.expire_time, found.rotate_time)

    async def insert(self, token: NewRefreshToken) -> None:
        async with self._pool.connection() as connection, connection.transaction():
            await connection.execute(_INSERT, _insert_params(token))

    async def rotate(self, token_id: str, rotate_time: dt.datetime, new: NewRefreshToken) -> bool:
        """Mark the ACTIVE token `token_id` ROTATED (replaced by `new`) and insert `new`, in one
        transaction; False (nothing written) if the token was not ACTIVE any more."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(
                "UPDATE refresh_tokens SET status = %s, rotate_time = %s, replaced_by = %s"
                " WHERE token_id = %s AND status = %s",
                (RefreshStatus.ROTATED, rotate_time, new.token_id, token_id, RefreshStatus.ACTIVE))
            if cursor.rowcount != 1:
                return False
            await connection.execute(_INSERT, _insert_params(new))
        return True

    async def revoke_family(self, family_id: str) -> list[RevokedAccess]:
        """Revoke every token of the family not revoked yet; the access tokens issued with them."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = connection.cursor(row_factory=class_row(RevokedAccess))
            await cursor.execute(
                "UPDATE refresh_tokens SET status = %s WHERE family_id = %s AND status <> %s"
                " RETURNING client_id, access_jti, access_expire_time",
                (RefreshStatus.REVOKED, family_id, RefreshStatus.REVOKED))
            return await cursor.fetchall()
