"""API clients: created by an operator (`rewards-core clients create`), secret shown once."""

from __future__ import annotations

import re
import secrets

import psycopg

from core.domain import limits
from core.domain.auth import SCOPES, signing_key
from core.service.auth import PASSWORD_HASHER

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def create_client(database_url: str, org_id: str, scopes: list[str], store_ids: list[str] = (),
                  rate_per_second: int = limits.RATE_PER_SECOND_DEFAULT,
                  rate_burst: int = limits.RATE_BURST_DEFAULT) -> tuple[str, str]:
    """Create an API client; return (client_id, secret). Only the secret's hashes are stored."""
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
    client_id = "cl_" + secrets.token_hex(8)
    secret = "cs_" + secrets.token_urlsafe(32)
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO api_clients (client_id, org_id, secret_hash, signing_key, scopes, store_ids,"
            " rate_per_second, rate_burst) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (client_id, org_id, PASSWORD_HASHER.hash(secret), signing_key(secret), sorted(set(scopes)),
             sorted(set(store_ids)), rate_per_second, rate_burst))
    return client_id, secret
