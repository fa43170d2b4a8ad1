"""AccessTokens against the real key ring: a verified signature is remembered per worker, within
a bound, and never a verdict on time."""

from __future__ import annotations

import datetime as dt

import pytest

from core.adapters.tokens import AccessTokens, KeyRing
from core.domain import limits
from core.domain.auth import ApiClient
from core.domain.clock import FixedClock
from core.domain.errors import DomainError, ErrorReason

CLIENT = ApiClient("cl-tokens", "org-test", ("coupons:redeem",), (), 10, 20)


@pytest.fixture
async def tokens(pool):
    keyring = KeyRing(pool)
    await keyring.ensure_active()
    clock = FixedClock(dt.datetime.now(dt.timezone.utc))
    return AccessTokens(keyring, clock, issuer="rewards-core", audience="rewards-core", ttl_seconds=60), clock


async def test_the_verified_tokens_kept_are_bounded_and_an_evicted_one_still_verifies(tokens, monkeypatch):
    access, _ = tokens
    monkeypatch.setattr(limits, "VERIFIED_TOKENS_CACHED_MAX", 3)
    issued = [access.issue(CLIENT)[0] for _ in range(4)]
    for token in issued:
        assert (await access.verify(token)).client_id == "cl-tokens"

    assert len(access._verified) == 3 and issued[0] not in access._verified  # The oldest went first.
    assert (await access.verify(issued[0])).client_id == "cl-tokens"  # Verified again from scratch.
    assert len(access._verified) == 3


async def test_a_remembered_token_still_expires_and_a_tampered_one_is_not_remembered(tokens):
    access, clock = tokens
    token = access.issue(CLIENT)[0]
    await access.verify(token)
    header, payload, signature = token.split(".")
    tampered = ".".join((header, payload[:-2] + ("AA" if payload[-2:] != "AA" else "AB"), signature))

    with pytest.raises(DomainError) as forged:
        await access.verify(tampered)
    clock.advance(dt.timedelta(seconds=60 + limits.TOKEN_LEEWAY_SECONDS))
    with pytest.raises(DomainError) as expired:
        await access.verify(token)

    assert forged.value.reason is ErrorReason.TOKEN_INVALID and tampered not in access._verified
    assert expired.value.reason is ErrorReason.TOKEN_EXPIRED
