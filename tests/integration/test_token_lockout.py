"""The IssueToken lock-out is checked before the secret is hashed: while a client id is locked, no
argon2id hash is computed (each wrong secret is an unauthenticated CPU lever). Real Redis and
Postgres; the hash function is counted, not replaced."""

from __future__ import annotations

import datetime as dt

import pytest

from core.adapters.tokens import AccessTokens, KeyRing
from core.domain.clock import FixedClock
from core.domain.errors import DomainError, ErrorReason
from core.service import auth as auth_module
from core.service.auth import Auth, AuthSettings
from core.service.clients import create_client


async def reason_of(awaitable) -> ErrorReason:
    with pytest.raises(DomainError) as failure:
        await awaitable
    return failure.value.reason


async def test_a_locked_client_id_is_refused_without_hashing(stores, pool, aredis, monkeypatch):
    keyring = KeyRing(pool)
    await keyring.ensure_active()
    clock = FixedClock(dt.datetime.now(dt.timezone.utc))
    tokens = AccessTokens(keyring, clock, issuer="rewards-core", audience="rewards-core")
    service = Auth(pool, aredis, tokens, clock, AuthSettings(lockout_failures=2, lockout_window_seconds=600,
                                                             lockout_seconds=600))
    client_id, secret = create_client(stores.database_url, "org-lock", ["coupons:read"])
    hashes = []
    real_verify = auth_module._verify_secret
    monkeypatch.setattr(auth_module, "_verify_secret", lambda *args: hashes.append(1) or real_verify(*args))

    first = await reason_of(service.issue_token("org-lock", client_id, "cs_wrong-wrong-wrong-wrong", "10.0.0.1"))
    second = await reason_of(service.issue_token("org-lock", client_id, "cs_wrong-wrong-wrong-wrong", "10.0.0.1"))
    hashed_before_lock = len(hashes)
    locked = [await reason_of(service.issue_token("org-lock", client_id, value, "10.0.0.1"))
              for value in ("cs_wrong-wrong-wrong-wrong", secret, secret)]

    assert first == second == ErrorReason.CLIENT_CREDENTIALS_INVALID
    assert hashed_before_lock == 2
    assert locked == [ErrorReason.CLIENT_LOCKED] * 3
    assert len(hashes) == 2  # Not one hash while locked, whatever the secret.
