"""Hour windows at their exact boundaries on the injectable clock (real Redis and Postgres):
start inclusive, end exclusive, a window wrapping midnight, in the offer's time zone, across a
change of summer time; and the account state the coupon path reads, published by version."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest

from core.domain.accounts import AccountStatus
from core.domain.clock import FixedClock
from core.domain.coupons import Money, Offer, OfferState, RedemptionRules
from core.domain.errors import DomainError, ErrorReason
from core.service.account_states import AccountState, account_state, publish_state, state_key
from core.service.context import Caller
from core.service.coupons import Coupons, RedeemCoupon
from server import bootstrap
from tests.integration.coupon_accounts import delete_account, new_account, set_status

BERLIN = ZoneInfo("Europe/Berlin")
TICK = dt.timedelta(microseconds=1)


@pytest.fixture
def caller():
    return Caller(client_id=f"cl-{uuid.uuid4().hex[:8]}", org_id=f"org-{uuid.uuid4().hex[:8]}")


@pytest.fixture
async def clocked(deps):
    clock = FixedClock(dt.datetime(2026, 3, 10, 12, tzinfo=dt.timezone.utc))
    clocked_deps = dataclasses.replace(deps, clock=clock)
    guard = bootstrap.state_guard(clocked_deps)
    await guard.ensure()
    return bootstrap.Engines(clocked_deps, guard).coupons, clock


async def offer(engine: Coupons, caller: Caller, **rules) -> Offer:
    created = Offer(str(uuid.uuid4()), caller.org_id, OfferState.ACTIVE, RedemptionRules(**rules),
                    discount_amount=Money(300, "EUR"), common_code="H" + uuid.uuid4().hex[:10].upper())
    return await engine.create_offer(created, "prog")


async def reasons_at(engine: Coupons, clock: FixedClock, caller: Caller, created: Offer, account: str,
                     local: dt.datetime) -> list[ErrorReason]:
    clock.at = local.astimezone(dt.timezone.utc)
    validation = await engine.validate(created.common_code, account, "store-1", Money(1_000, "EUR"), caller)
    return [failure.reason for failure in validation.failures]


HOUR = [ErrorReason.HOUR_NOT_ALLOWED]


@pytest.mark.parametrize("local, expected", [
    (dt.datetime(2026, 3, 10, 10, 59, 59, 999_999), HOUR), (dt.datetime(2026, 3, 10, 11), []),
    (dt.datetime(2026, 3, 10, 13, 59, 59, 999_999), []), (dt.datetime(2026, 3, 10, 14), HOUR),
    (dt.datetime(2026, 3, 10, 21, 59, 59, 999_999), HOUR), (dt.datetime(2026, 3, 10, 22), []),
    (dt.datetime(2026, 3, 10, 23, 59, 59, 999_999), []), (dt.datetime(2026, 3, 11, 0), []),
    (dt.datetime(2026, 3, 11, 5, 59, 59, 999_999), []), (dt.datetime(2026, 3, 11, 6), HOUR),
])
async def test_windows_start_inclusive_end_exclusive_wrapping_midnight_in_the_offers_zone(
        clocked, deps, caller, local, expected):
    engine, clock = clocked
    created = await offer(engine, caller, hours=((11, 14), (22, 6)), time_zone="Europe/Berlin")
    account = await new_account(deps, caller.org_id)

    assert await reasons_at(engine, clock, caller, created, account, local.replace(tzinfo=BERLIN)) == expected


async def test_a_redemption_at_the_exact_opening_instant_is_redeemed_and_one_before_is_refused(clocked, deps, caller):
    engine, clock = clocked
    created = await offer(engine, caller, hours=((22, 6),), time_zone="Europe/Berlin")
    account = await new_account(deps, caller.org_id)
    opening = dt.datetime(2026, 3, 10, 22, tzinfo=BERLIN).astimezone(dt.timezone.utc)
    redeem = lambda: engine.redeem(RedeemCoupon(uuid.uuid4().hex, created.common_code, account, "store-1",  # noqa: E731
                                                Money(1_000, "EUR")), caller)

    clock.at = opening - TICK
    with pytest.raises(DomainError) as refused:
        await redeem()
    clock.at = opening
    redeemed = await redeem()

    assert refused.value.reason is ErrorReason.HOUR_NOT_ALLOWED
    assert refused.value.metadata == {"hour": "21", "time_zone": "Europe/Berlin"}
    assert redeemed.redeem_time == opening


async def test_the_local_hour_follows_summer_time(clocked, deps, caller):
    engine, clock = clocked
    created = await offer(engine, caller, hours=((2, 4),), time_zone="Europe/Berlin")
    account = await new_account(deps, caller.org_id)
    # 29 March 2026: Berlin's clocks go from 02:00 to 03:00, so 00:59:59 UTC is 01:59:59 and
    # 01:00 UTC is already 03:00 local.
    at = lambda *utc: dt.datetime(2026, 3, 29, *utc, tzinfo=dt.timezone.utc)  # noqa: E731

    assert await reasons_at(engine, clock, caller, created, account, at(0, 59, 59)) == HOUR
    assert await reasons_at(engine, clock, caller, created, account, at(1, 0)) == []
    assert await reasons_at(engine, clock, caller, created, account, at(1, 59, 59)) == []
    assert await reasons_at(engine, clock, caller, created, account, at(2, 0)) == HOUR


# --- the account state the coupon path reads -------------------------------------------------

async def test_a_state_loaded_before_a_change_never_overwrites_what_the_change_published(deps, caller):
    account = await new_account(deps, caller.org_id)
    stale = await account_state(deps, account)  # Read before the lock, published after it:
    await set_status(deps, caller.org_id, account, AccountStatus.LOCKED)

    await publish_state(deps, stale)

    assert stale.status is AccountStatus.ACTIVE
    assert (await account_state(deps, account)).status is AccountStatus.LOCKED


async def test_a_change_is_published_on_commit_and_a_missing_state_is_loaded_from_postgres(deps, caller):
    account = await new_account(deps, caller.org_id)
    assert (await account_state(deps, account)).status is AccountStatus.ACTIVE

    await set_status(deps, caller.org_id, account, AccountStatus.LOCKED)
    locked = AccountState.decode(account, await deps.redis.get(state_key(account)))
    await delete_account(deps, caller.org_id, account)
    deleted = AccountState.decode(account, await deps.redis.get(state_key(account)))
    await deps.redis.delete(state_key(account))
    reloaded = await account_state(deps, account)
    never = await account_state(deps, str(uuid.uuid4()))

    assert (locked.status, locked.version) == (AccountStatus.LOCKED, 2)
    assert (deleted.status, deleted.version) == (None, 3)
    assert (reloaded.status, reloaded.version, reloaded.org_id) == (None, 3, caller.org_id)
    assert (never.status, never.version) == (None, 0)
    assert 0 < await deps.redis.pttl(state_key(account)) <= 60_000
