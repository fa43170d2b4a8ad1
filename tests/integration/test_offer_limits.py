"""An offer's live limits in Redis (offer_limits.lua): a worker holding an older copy of the offer
never applies its limits, not even after Redis lost them; and the operator's rates command."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

from core.service.context import Caller
from core.service.coupons import UpdateOffer, offer_keys
from server import bootstrap
from tests.integration.test_redemption import engine, new_offer, outcome, redeem  # noqa: F401  (fixtures)
from tests.integration.coupon_accounts import new_account


@pytest.fixture
def org():
    return f"org-{uuid.uuid4().hex[:8]}"


def lowered(offer) -> UpdateOffer:
    """An update to a limit of 1 (and a display name, which the test offers lack)."""
    patch = dataclasses.replace(offer, display_name="Lowered",
                                rules=dataclasses.replace(offer.rules, max_redemptions=1))
    return UpdateOffer(uuid.uuid4().hex, patch, "", ("display_name", "rules.max_redemption_count"))


async def test_a_worker_with_a_stale_offer_applies_the_published_limit(engine, deps, org):  # noqa: F811
    offer = await new_offer(engine, org, max_redemptions=10)
    caller = Caller(client_id="c-1", org_id=org)
    await engine.redeem(redeem(offer, await new_account(deps, org)), caller)  # This worker now caches the offer (version 1).
    other_worker = bootstrap.Engines(deps, engine._guard).coupons

    await other_worker.update_offer(lowered(offer), caller)

    assert (await outcome(engine.redeem(redeem(offer, await new_account(deps, org)), caller))).name == "REDEMPTION_LIMIT_REACHED"


async def test_after_redis_lost_the_limits_the_reload_publishes_them_from_postgres(engine, deps, org):  # noqa: F811
    offer = await new_offer(engine, org, max_redemptions=10)
    caller = Caller(client_id="c-1", org_id=org)
    await engine.redeem(redeem(offer, await new_account(deps, org)), caller)
    await bootstrap.Engines(deps, engine._guard).coupons.update_offer(lowered(offer), caller)
    keys = offer_keys(offer.offer_id, "-", "-")
    await deps.redis.delete(keys[0], keys[5])  # The offer's state and live limits are gone.

    refused = await outcome(engine.redeem(redeem(offer, await new_account(deps, org)), caller))  # Still the cached copy: max 10.

    assert refused.name == "REDEMPTION_LIMIT_REACHED"
    assert int(await deps.redis.hget(keys[5], "max")) == 1


def test_the_rates_command_sets_an_exact_rate_and_refuses_a_bad_one(stores):
    org = f"org-{uuid.uuid4().hex[:8]}"
    environment = {**os.environ, "DATABASE_URL": stores.database_url}

    def rates(*args: str) -> int:
        return subprocess.run([str(Path(sys.executable).with_name("rewards-core")), "rates", "set", "--org", org,
                               *args], env=environment, capture_output=True, timeout=60).returncode

    assert rates("--from", "USD", "--to", "JPY", "--rate", "151.375") == 0
    assert rates("--from", "USD", "--to", "JPY", "--rate", "-1") == 2
    assert rates("--from", "USD", "--to", "XXX", "--rate", "1") == 2
    with psycopg.connect(stores.database_url) as connection:
        rate = connection.execute("SELECT rate::text FROM currency_rates WHERE org_id = %s", (org,)).fetchall()

    assert rate == [("151.375",)]
