"""API clients: created by an operator (`rewards-core clients create`), secret shown once.

Postgres (`api_clients`, core/adapters/postgres/clients.py) is the truth. Redis mirrors what the
per-call admission script needs to refuse a client without reading Postgres:
`rewards:{c:<client_id>}:client`, a hash of `disabled` (1 or 0) and `secret` (the current secret
version; core/adapters/redis/clients.py). The operator commands below update Postgres, then
Redis; the Redis state rebuild (`rebuild_client_states`) copies it back after a flush.
"""

from __future__ import annotations

import re
import secrets

from core.adapters.postgres import clients as client_store
from core.adapters.redis.clients import client_state_key, load_client_states, mirror_client_state
from core.adapters.sealing import MasterKeys, client_signing_context
from core.domain import limits
from core.domain.auth import SCOPES, signing_key
from core.service.auth import PASSWORD_HASHER

__all__ = ["client_state_key", "create_client", "list_clients", "rebuild_client_states", "rotate_client_secret",
           "set_client_disabled"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


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
    client_store.insert_client(database_url, client_id=client_id, org_id=org_id,
                               secret_hash=PASSWORD_HASHER.hash(secret),
                               signing_key_sealed=keys.seal(signing_key(secret), client_signing_context(client_id)),
                               scopes=sorted(set(scopes)), store_ids=sorted(set(store_ids)),
                               rate_per_second=rate_per_second, rate_burst=rate_burst)
    return client_id, secret


def list_clients(database_url: str, org_id: str | None = None) -> list[dict]:
    """Every client (of one organisation if given), without any secret."""
    return [{"client_id": c.client_id, "org_id": c.org_id, "scopes": list(c.scopes), "store_ids": list(c.store_ids),
             "rate_per_second": c.rate_per_second, "rate_burst": c.rate_burst, "create_time": c.create_time.isoformat(),
             "disabled": c.disable_time is not None,
             "disable_time": c.disable_time.isoformat() if c.disable_time else None,
             "secret_version": c.secret_version}
            for c in client_store.list_clients(database_url, org_id)]


def set_client_disabled(database_url: str, redis_url: str, client_id: str, disabled: bool) -> dict:
    """Disable or enable a client in Postgres, then in Redis (where every call checks it)."""
    found = client_store.set_disabled(database_url, client_id, disabled)
    if found is None:
        raise LookupError(f"no client {client_id!r}")
    mirror_client_state(redis_url, found)
    return {"client_id": client_id, "disabled": disabled,
            "disable_time": found.disable_time.isoformat() if found.disable_time else None}


def rotate_client_secret(database_url: str, redis_url: str, client_id: str, *,
                         master_keys: MasterKeys | None = None) -> tuple[str, int]:
    """Give a client a new secret; returns (secret, its version). The old secret stops working
    for IssueToken at once and for request signing as soon as Redis holds the new version."""
    keys = master_keys or MasterKeys.from_env()
    secret = "cs_" + secrets.token_urlsafe(32)
    sealed = keys.seal(signing_key(secret), client_signing_context(client_id))
    found = client_store.replace_secret(database_url, client_id, secret_hash=PASSWORD_HASHER.hash(secret),
                                        signing_key_sealed=sealed)
    if found is None:
        raise LookupError(f"no client {client_id!r}")
    mirror_client_state(redis_url, found)
    return secret, found.secret_version


async def rebuild_client_states(client, connection, epoch: int) -> None:
    """StateGuard rebuilder: every client's disabled flag and secret version, from Postgres."""
    await load_client_states(client, await client_store.client_states(connection))
