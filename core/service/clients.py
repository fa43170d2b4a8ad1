"""API clients: created by an operator (`rewards-core clients create`), secret shown once.

Postgres (`api_clients`) is the truth. Redis mirrors what the per-call admission script needs to
refuse a client without reading Postgres: `rewards:{c:<client_id>}:client`, a hash of `disabled`
(1 or 0) and `secret` (the current secret version). The operator commands below update Postgres,
then Redis; the Redis state rebuild (`rebuild_client_states`) copies it back after a flush.
"""

from __future__ import annotations

import re
import secrets

import psycopg

from core.adapters.sealing import MasterKeys, client_signing_context
from core.domain import limits
from core.domain.auth import SCOPES, signing_key
from core.service.auth import PASSWORD_HASHER

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def client_state_key(client_id: str) -> str:
    return f"rewards:{{c:{client_id}}}:client"


def create_client(database_url: str, org_id: str, scopes: list[str], store_ids: list[str] = (),
                  rate_per_second: int = limits.RATE_PER_SECOND_DEFAULT,
                  rate_burst: int = limits.RATE_BURST_DEFAULT, *,
                  master_keys: MasterKeys | None = None) -> tuple[str, str]:
    """Create an API client; return (client_id, secret). Only the secret's hash and its sealed
    signing key are stored (sealed under `master_keys`, by default REWARDS_MASTER_KEY_FILE's)."""
    if not _ID.match(org_id):
        raise ValueError(f"org id must match {_ID.pattern}: {org_id!r}")
    unknown = sorted(set(scopes) - SCOPES)
    if unknown or not scopes or len(scopes) > limits.CLIENT_SCOPES_MAX:
        raise ValueError(f"scopes must be 1..{limits.CLIENT_SCOPES_MAX} of {sorted(SCOPES)}; unknown: {unknown}")
    for store in store_ids:
        if not _ID.match(store):
            raise ValueError(f"store id must match {_ID.pattern}: {store!r}")
    if rate_per_second < 1 or rate_burst < 1:
        raise ValueError("rate and burst must be at least 1")
    keys = master_keys or MasterKeys.from_env()
    client_id = "cl_" + secrets.token_hex(8)
    secret = "cs_" + secrets.token_urlsafe(32)
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO api_clients (client_id, org_id, secret_hash, signing_key_sealed, scopes, store_ids,"
            " rate_per_second, rate_burst) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (client_id, org_id, PASSWORD_HASHER.hash(secret),
             keys.seal(signing_key(secret), client_signing_context(client_id)), sorted(set(scopes)),
             sorted(set(store_ids)), rate_per_second, rate_burst))
    return client_id, secret


def list_clients(database_url: str, org_id: str | None = None) -> list[dict]:
    """Every client (of one organisation if given), without any secret."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT client_id, org_id, scopes, store_ids, rate_per_second, rate_burst, create_time, disable_time,"
            " secret_version FROM api_clients WHERE %(org)s::text IS NULL OR org_id = %(org)s"
            " ORDER BY org_id, create_time, client_id", {"org": org_id}).fetchall()
    return [{"client_id": client_id, "org_id": org, "scopes": list(scopes), "store_ids": list(stores),
             "rate_per_second": rate, "rate_burst": burst, "create_time": created.isoformat(),
             "disabled": disabled is not None, "disable_time": disabled.isoformat() if disabled else None,
             "secret_version": version}
            for client_id, org, scopes, stores, rate, burst, created, disabled, version in rows]


def set_client_disabled(database_url: str, redis_url: str, client_id: str, disabled: bool) -> dict:
    """Disable or enable a client in Postgres, then in Redis (where every call checks it)."""
    with psycopg.connect(database_url) as connection:
        found = connection.execute(
            "UPDATE api_clients SET disable_time = CASE WHEN %s THEN coalesce(disable_time, now()) END"
            " WHERE client_id = %s RETURNING secret_version, disable_time", (disabled, client_id)).fetchone()
    if found is None:
        raise LookupError(f"no client {client_id!r}")
    _mirror(redis_url, client_id, disabled, found[0])
    return {"client_id": client_id, "disabled": disabled,
            "disable_time": found[1].isoformat() if found[1] else None}


def rotate_client_secret(database_url: str, redis_url: str, client_id: str, *,
                         master_keys: MasterKeys | None = None) -> tuple[str, int]:
    """Give a client a new secret; returns (secret, its version). The old secret stops working
    for IssueToken at once and for request signing as soon as Redis holds the new version."""
    keys = master_keys or MasterKeys.from_env()
    secret = "cs_" + secrets.token_urlsafe(32)
    with psycopg.connect(database_url) as connection:
        found = connection.execute(
            "UPDATE api_clients SET secret_hash = %s, signing_key_sealed = %s, signing_key = NULL,"
            " secret_version = secret_version + 1 WHERE client_id = %s RETURNING secret_version, disable_time",
            (PASSWORD_HASHER.hash(secret), keys.seal(signing_key(secret), client_signing_context(client_id)),
             client_id)).fetchone()
    if found is None:
        raise LookupError(f"no client {client_id!r}")
    _mirror(redis_url, client_id, found[1] is not None, found[0])
    return secret, found[0]


def _mirror(redis_url: str, client_id: str, disabled: bool, secret_version: int) -> None:
    import redis

    with redis.Redis.from_url(redis_url) as client:
        client.hset(client_state_key(client_id), mapping={"disabled": int(disabled), "secret": secret_version})


async def rebuild_client_states(client, connection, epoch: int) -> None:
    """StateGuard rebuilder: every client's disabled flag and secret version, from Postgres."""
    cursor = await connection.execute("SELECT client_id, disable_time IS NOT NULL, secret_version FROM api_clients")
    async with client.pipeline(transaction=False) as pipe:
        for client_id, disabled, version in await cursor.fetchall():
            pipe.hset(client_state_key(client_id), mapping={"disabled": int(disabled), "secret": version})
        await pipe.execute()
