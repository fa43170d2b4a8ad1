"""API clients (`api_clients`): the credentials IssueToken checks, and the operator commands
(create, list, disable, rotate) run by `rewards-core clients ...` on their own connection.

Postgres is the truth; Redis mirrors what per-call admission needs (core/adapters/redis/clients.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import psycopg
from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool


@dataclass(frozen=True, slots=True)
class ClientCredentials:
    """What IssueToken (and a refresh) reads of a client."""

    client_id: str
    secret_hash: str
    org_id: str
    scopes: list[str]
    store_ids: list[str]
    rate_per_second: int
    rate_burst: int
    disable_time: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ClientListing:
    """A client as `clients list` shows it (no secret)."""

    client_id: str
    org_id: str
    scopes: list[str]
    store_ids: list[str]
    rate_per_second: int
    rate_burst: int
    create_time: dt.datetime
    disable_time: dt.datetime | None
    secret_version: int


@dataclass(frozen=True, slots=True)
class ClientState:
    """What the Redis mirror holds of a client: disabled or not, and the current secret version."""

    client_id: str
    disabled: bool
    secret_version: int
    disable_time: dt.datetime | None = None


class ClientStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def credentials(self, client_id: str) -> ClientCredentials | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(ClientCredentials))
            await cursor.execute(
                "SELECT client_id, secret_hash, org_id, scopes, store_ids, rate_per_second, rate_burst, disable_time"
                " FROM api_clients WHERE client_id = %s", (client_id,))
            return await cursor.fetchone()


async def client_states(connection) -> list[ClientState]:
    """Every client's disabled flag and secret version (the Redis rebuild's source)."""
    cursor = connection.cursor(row_factory=class_row(ClientState))
    await cursor.execute("SELECT client_id, disable_time IS NOT NULL AS disabled, secret_version FROM api_clients")
    return await cursor.fetchall()


# --- operator commands (synchronous: the CLI) ---------------------------------------------------

def insert_client(database_url: str, *, client_id: str, org_id: str, secret_hash: str, signing_key_sealed: bytes,
                  scopes: list[str], store_ids: list[str], rate_per_second: int, rate_burst: int) -> None:
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO api_clients (client_id, org_id, secret_hash, signing_key_sealed, scopes, store_ids,"
            " rate_per_second, rate_burst) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (client_id, org_id, secret_hash, signing_key_sealed, scopes, store_ids, rate_per_second, rate_burst))


def list_clients(database_url: str, org_id: str | None = None) -> list[ClientListing]:
    """Every client (of one organisation if given) by organisation, creation and id."""
    with psycopg.connect(database_url) as connection:
        cursor = connection.cursor(row_factory=class_row(ClientListing))
        return cursor.execute(
            "SELECT client_id, org_id, scopes, store_ids, rate_per_second, rate_burst, create_time, disable_time,"
            " secret_version FROM api_clients WHERE %(org)s::text IS NULL OR org_id = %(org)s"
            " ORDER BY org_id, create_time, client_id", {"org": org_id}).fetchall()


def set_disabled(database_url: str, client_id: str, disabled: bool) -> ClientState | None:
    """Disable (keeping the first disable time) or enable a client; None if there is none."""
    with psycopg.connect(database_url) as connection:
        cursor = connection.cursor(row_factory=class_row(ClientState))
        return cursor.execute(
            "UPDATE api_clients SET disable_time = CASE WHEN %s THEN coalesce(disable_time, now()) END"
            " WHERE client_id = %s RETURNING client_id, disable_time IS NOT NULL AS disabled, secret_version,"
            " disable_time", (disabled, client_id)).fetchone()


def replace_secret(database_url: str, client_id: str, *, secret_hash: str, signing_key_sealed: bytes,
                   ) -> ClientState | None:
    """Store a client's new secret (its hash and sealed signing key) as the next secret version."""
    with psycopg.connect(database_url) as connection:
        cursor = connection.cursor(row_factory=class_row(ClientState))
        return cursor.execute(
            "UPDATE api_clients SET secret_hash = %s, signing_key_sealed = %s, signing_key = NULL,"
            " secret_version = secret_version + 1 WHERE client_id = %s"
            " RETURNING client_id, disable_time IS NOT NULL AS disabled, secret_version, disable_time",
            (secret_hash, signing_key_sealed, client_id)).fetchone()
