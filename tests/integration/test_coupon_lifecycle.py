"""Issued coupons' lifecycle against real Redis and Postgres: expiry at the boundary second on an
injected clock, activation, revocation racing redemptions, the Postgres guards, and two workers
that must never serve each other's stale coupon state."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import psycopg
import pytest

from core.domain.clock import FixedClock
from core.domain.coupons import ExpiryMode, Money, Offer, OfferState, RedemptionRules
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Caller
from tests.integration.coupon_accounts import new_account, new_accounts
from core.service.coupons import (ActivateCoupon, Coupons, IssueCoupon, RedeemCoupon, ReverseRedemption,
                                  RevokeCoupon, RevokeCoupons, RevocationMode, offer_keys)
from server import bootstrap

NEW_YORK = ZoneInfo("America/New_York")
SECOND = dt.timedelta(seconds=1)


def engine_of(deps, clock=None) -> Coupons:
    deps = dataclasses.replace(deps, clock=clock) if clock else deps
    guard = bootstrap.state_guard(deps)
    return bootstrap.Engines(deps, guard).coupons, guard


@pytest.fixture
async def engine(deps):
    coupons, guard = engine_of(deps)
    await guard.ensure()
    return coupons


@pytest.fixture
def caller():
    return Caller(client_id=f"cl-{uuid.uuid4().hex[:8]}", org_id=f"org-{uuid.uuid4().hex[:8]}")


async def offer(engine: Coupons, caller: Caller, **rules) -> Offer:
    created = Offer(str(uuid.uuid4()), caller.org_id, OfferState.ACTIVE, RedemptionRules(**rules),
                    discount_amount=Money(300, "EUR"))
    return await engine.create_offer(created, "prog")


def issue(created: Offer, account: str) -> IssueCoupon:
    return IssueCoupon(uuid.uuid4().hex, created.offer_id, account)


def redeem(code: str, account: str) -> RedeemCoupon:
    return RedeemCoupon(uuid.uuid4().hex, code, account, "store-1", Money(1_000, "EUR"))


def revoke_all(created: Offer, mode: RevocationMode = RevocationMode.ALL_UNREDEEMED, accounts=()) -> RevokeCoupons:
    return RevokeCoupons(uuid.uuid4().hex, created.offer_id, int(mode), tuple(accounts))


async def reason(awaitable):
    try:
        await awaitable
    except DomainError as error:
        return error.reason
    return None


@pytest.mark.parametrize("mode, more, issued_local, last_valid_local", [
    # End of the day of issue, on the day New York's clocks go back (a 25-hour day).
    (ExpiryMode.END_OF_DAY, {}, (2024, 11, 3, 0, 30), (2024, 11, 3, 23, 59, 59)),
    # End of the day two days after issue, across the change to summer time.
    (ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY, {"coupon_validity_seconds": 2 * 86_400},
     (2024, 3, 9, 22, 0), (2024, 3, 11, 23, 59, 59)),
    # End of the month after the month of issue: through February 29th of a leap year.
    (ExpiryMode.MONTH_END_AFTER_ISSUE, {"coupon_validity_months": 1}, (2024, 1, 31, 20, 0),
     (2024, 2, 29, 23, 59, 59)),
    # An exact duration.
    (ExpiryMode.RELATIVE_TO_ISSUE, {"coupon_validity_seconds": 3_600}, (2024, 5, 1, 12, 0),
     (2024, 5, 1, 12, 59, 59)),
])
async def test_a_coupon_redeems_in_its_last_valid_second_and_is_expired_one_second_later(
        deps, caller, mode, more, issued_local, last_valid_local):
    clock = FixedClock(dt.datetime(*issued_local, tzinfo=NEW_YORK).astimezone(dt.timezone.utc))
    coupons, guard = engine_of(deps, clock)
    await guard.ensure()
    created = await offer(coupons, caller, expiry_mode=mode, time_zone="America/New_York", **more)
    account = await new_account(coupons._deps, caller.org_id)
    first, second = [await coupons.issue(issue(created, account), caller) for _ in range(2)]
    last_valid = dt.datetime(*last_valid_local, tzinfo=NEW_YORK).astimezone(dt.timezone.utc)

    clock.at = last_valid
    in_time = await reason(coupons.redeem(redeem(first.code, account), caller))
    clock.at = last_valid + SECOND
    too_late = await reason(coupons.redeem(redeem(second.code, account), caller))

    assert first.expire_time == last_valid + SECOND
    assert (in_time, too_late) == (None, ErrorReason.COUPON_EXPIRED)


async def test_a_coupon_that_needs_activation_is_redeemed_only_once_activated(engine, caller):
    created = await offer(engine, caller, activation_required=True)
    account = await new_account(engine._deps, caller.org_id)
    coupon = await engine.issue(issue(created, account), caller)

    before = await reason(engine.redeem(redeem(coupon.code, account), caller))
    activated = await engine.activate(ActivateCoupon(uuid.uuid4().hex, coupon.code, account), caller)
    again = await engine.activate(ActivateCoupon(uuid.uuid4().hex, coupon.code, account), caller)
    after = await reason(engine.redeem(redeem(coupon.code, account), caller))

    assert before is ErrorReason.COUPON_NOT_ACTIVATED
    assert activated.activate_time is not None and again.activate_time == activated.activate_time
    assert after is None


async def test_postgres_refuses_a_redemption_of_a_revoked_or_unactivated_coupon_whatever_the_caller_checked(
        engine, caller, deps):
    revoked_offer = await offer(engine, caller)
    waiting_offer = await offer(engine, caller, activation_required=True)
    account = await new_account(engine._deps, caller.org_id)
    revoked = await engine.issue(issue(revoked_offer, account), caller)
    waiting = await engine.issue(issue(waiting_offer, account), caller)
    await engine.revoke_coupons(revoke_all(revoked_offer), caller)

    refused = []
    async with deps.pool.connection() as connection:
        for coupon in (revoked, waiting):
            try:
                async with connection.transaction():
                    await connection.execute(
                        "INSERT INTO coupon_redemptions (redemption_id, org_id, offer_id, code, account_id, store_id,"
                        " bill_minor, currency_code, discount_minor, request_id, client_id, epoch, redeem_time,"
                        " coupon_id, coupon_use) SELECT gen_random_uuid(), %s, %s, %s, %s, 's', 1, 'EUR', 0,"
                        " gen_random_uuid()::text, 'direct', epoch, now(), %s, %s FROM redis_epoch",
                        (caller.org_id, coupon.offer_id, coupon.code, account, coupon.coupon_id,
                         f"{coupon.coupon_id}:0"))
            except psycopg.errors.CheckViolation as error:
                refused.append(error.diag.constraint_name)

    assert refused == ["coupon_redemptions_coupon_revoked", "coupon_redemptions_coupon_not_activated"]


async def test_postgres_refuses_to_revoke_a_coupon_with_a_redemption_in_effect(engine, caller, deps):
    created = await offer(engine, caller)
    account = await new_account(engine._deps, caller.org_id)
    coupon = await engine.issue(issue(created, account), caller)
    await engine.redeem(redeem(coupon.code, account), caller)

    async with deps.pool.connection() as connection:
        with pytest.raises(psycopg.errors.CheckViolation) as refused:
            await connection.execute("UPDATE coupons SET revoke_time = now() WHERE coupon_id = %s",
                                     (coupon.coupon_id,))

    assert refused.value.diag.constraint_name == "coupons_revoked_unused"


async def test_revocation_leaves_redeemed_coupons_and_a_revoked_coupon_is_never_redeemed_or_reversed(
        engine, caller):
    created = await offer(engine, caller)
    account = await new_account(engine._deps, caller.org_id)
    kept, revoked, reinstated = [await engine.issue(issue(created, account), caller) for _ in range(3)]
    await engine.redeem(redeem(kept.code, account), caller)
    undone = await engine.redeem(redeem(reinstated.code, account), caller)
    await engine.reverse(ReverseRedemption(uuid.uuid4().hex, undone.redemption_id), caller)

    revocation = await engine.revoke_coupons(revoke_all(created), caller)

    assert (revocation.revoked_count, revocation.redeemed_count) == (2, 1)
    assert await reason(engine.redeem(redeem(revoked.code, account), caller)) is ErrorReason.COUPON_REVOKED
    assert await reason(engine.redeem(redeem(reinstated.code, account), caller)) is ErrorReason.COUPON_REVOKED
    assert await reason(engine.reverse(ReverseRedemption(uuid.uuid4().hex, undone.redemption_id), caller)) is \
        ErrorReason.COUPON_REVOKED
    assert await reason(engine.activate(ActivateCoupon(uuid.uuid4().hex, revoked.code, account), caller)) is \
        ErrorReason.COUPON_REVOKED
    assert await reason(engine.revoke_coupon(RevokeCoupon(uuid.uuid4().hex, kept.code, account), caller)) is \
        ErrorReason.COUPON_ALREADY_REDEEMED


async def test_revoking_customers_touches_only_their_coupons(engine, caller):
    created = await offer(engine, caller)
    listed, other = await new_account(engine._deps, caller.org_id), await new_account(engine._deps, caller.org_id)
    mine = await engine.issue(issue(created, listed), caller)
    theirs = await engine.issue(issue(created, other), caller)

    revocation = await engine.revoke_coupons(revoke_all(created, RevocationMode.CUSTOMERS, [listed]), caller)
    unissued = await engine.revoke_coupons(revoke_all(created, RevocationMode.UNISSUED_ONLY), caller)

    assert (revocation.revoked_count, unissued.revoked_count) == (1, 0)
    assert await reason(engine.redeem(redeem(mine.code, listed), caller)) is ErrorReason.COUPON_REVOKED
    assert await reason(engine.redeem(redeem(theirs.code, other), caller)) is None


async def test_each_coupon_is_either_redeemed_or_revoked_when_both_race(engine, caller, deps):
    created = await offer(engine, caller)
    holders = await new_accounts(engine._deps, caller.org_id, 40)
    issued = [await engine.issue(issue(created, account), caller) for account in holders]

    redemptions = [reason(engine.redeem(redeem(coupon.code, coupon.account_id), caller)) for coupon in issued]

    outcomes = await asyncio.gather(*redemptions[:20], engine.revoke_coupons(revoke_all(created), caller),
                                    *redemptions[20:])
    revocation = outcomes.pop(20)

    assert set(outcomes) <= {None, ErrorReason.COUPON_REVOKED}
    assert revocation.revoked_count == outcomes.count(ErrorReason.COUPON_REVOKED)
    assert revocation.redeemed_count == outcomes.count(None)
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT count(*) FILTER (WHERE revoke_time IS NOT NULL AND use_count > 0),"
            " count(*) FILTER (WHERE revoke_time IS NULL AND use_count = 1),"
            " (SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s) FROM coupons WHERE offer_id = %s",
            (created.offer_id, created.offer_id))
        both, redeemed, ledger = await cursor.fetchone()
    assert (both, redeemed, ledger) == (0, outcomes.count(None), outcomes.count(None))
    assert int(await deps.redis.get(offer_keys(created.offer_id, "-", 0)[1]) or 0) == ledger  # Released.


async def test_a_second_worker_never_serves_a_coupon_state_another_worker_changed(deps, caller):
    first, first_guard = engine_of(deps)
    second, second_guard = engine_of(deps)
    await first_guard.ensure()
    await second_guard.ensure()
    created = await offer(first, caller, activation_required=True)
    account = await new_account(first._deps, caller.org_id)
    coupon = await first.issue(issue(created, account), caller)
    assert await reason(first.redeem(redeem(coupon.code, account), caller)) is ErrorReason.COUPON_NOT_ACTIVATED

    await second.activate(ActivateCoupon(uuid.uuid4().hex, coupon.code, account), caller)
    validation = await first.validate(coupon.code, account, "store-1", Money(1_000, "EUR"), caller)
    await second.revoke_coupon(RevokeCoupon(uuid.uuid4().hex, coupon.code, account), caller)

    assert validation.failures == []
    assert await reason(first.redeem(redeem(coupon.code, account), caller)) is ErrorReason.COUPON_REVOKED


async def test_a_batch_rolled_back_by_a_deadlock_with_a_revocation_lands_write_by_write(engine, caller, deps):
    # Two activations in one ledger batch lock coupon A, then B; another transaction (a revocation
    # in another worker, say) holds B and then asks for A. Postgres breaks the deadlock by rolling
    # back the batch (its deadlock_timeout fires first); the writer runs each write again alone.
    from core.adapters.postgres.ledger_writer import LedgerWrite, LedgerWriter, Row

    created = await offer(engine, caller, activation_required=True)
    first, second = [await engine.issue(issue(created, await new_account(engine._deps, caller.org_id)), caller) for _ in range(2)]
    writer = LedgerWriter(deps.pool)
    writer.start()
    columns = ("coupon_id", "org_id", "activate_time", "request_id", "client_id")

    def activation(coupon) -> LedgerWrite:
        return LedgerWrite((Row("coupon_activations", columns, (
            coupon.coupon_id, caller.org_id, dt.datetime.now(dt.timezone.utc), uuid.uuid4().hex, "deadlock")),))

    async with deps.pool.connection() as other:
        await other.set_autocommit(True)
        await other.execute("SET deadlock_timeout = '20s'")
        async with other.transaction():
            await other.execute("SELECT 1 FROM coupons WHERE coupon_id = %s FOR UPDATE", (second.coupon_id,))
            batch = asyncio.gather(writer.submit(activation(first)), writer.submit(activation(second)))
            await asyncio.sleep(0.5)  # The batch holds A and waits for B.
            await other.execute("SELECT 1 FROM coupons WHERE coupon_id = %s FOR UPDATE", (first.coupon_id,))
        await other.execute("RESET deadlock_timeout")
        await other.set_autocommit(False)
        outcomes = await asyncio.wait_for(asyncio.gather(batch, return_exceptions=True), timeout=30)
    await writer.close()

    assert outcomes == [[None, None]]
    async with deps.pool.connection() as connection:
        cursor = await connection.execute("SELECT count(*) FROM coupons WHERE coupon_id = ANY(%s)"
                                          " AND activate_time IS NOT NULL", ([first.coupon_id, second.coupon_id],))
        assert (await cursor.fetchone())[0] == 2


@pytest.mark.parametrize("days, issued_local, first_valid_local", [
    # Issued a minute before midnight: redeemable one minute later (date-based, not 24 hours).
    (1, (2024, 5, 1, 23, 59), (2024, 5, 2, 0, 0)),
    # Across the change to summer time (March 10th 2024 in New York has 23 hours).
    (2, (2024, 3, 9, 12, 0), (2024, 3, 11, 0, 0)),
])
async def test_a_coupon_redeems_from_the_first_second_of_its_start_day_not_before(
        deps, caller, days, issued_local, first_valid_local):
    clock = FixedClock(dt.datetime(*issued_local, tzinfo=NEW_YORK).astimezone(dt.timezone.utc))
    coupons, guard = engine_of(deps, clock)
    await guard.ensure()
    created = await offer(coupons, caller, redemption_start_days=days, time_zone="America/New_York")
    account = await new_account(coupons._deps, caller.org_id)
    coupon = await coupons.issue(issue(created, account), caller)
    first_valid = dt.datetime(*first_valid_local, tzinfo=NEW_YORK).astimezone(dt.timezone.utc)

    clock.at = first_valid - SECOND
    with pytest.raises(DomainError) as early:
        await coupons.redeem(redeem(coupon.code, account), caller)
    clock.at = first_valid
    on_time = await reason(coupons.redeem(redeem(coupon.code, account), caller))

    assert early.value.reason is ErrorReason.REDEMPTION_NOT_STARTED
    assert early.value.metadata["redemption_start_time"] == first_valid.isoformat()
    assert on_time is None


async def test_only_the_holder_redeems_unless_the_offer_lets_anyone(engine, caller):
    holder_only = await offer(engine, caller)
    gift = await offer(engine, caller, anyone_may_redeem=True, max_account_redemptions=1)
    holder, friend = await new_account(engine._deps, caller.org_id), await new_account(engine._deps, caller.org_id)
    kept = await engine.issue(issue(holder_only, holder), caller)
    given = await engine.issue(issue(gift, holder), caller)

    assert await reason(engine.redeem(redeem(kept.code, friend), caller)) is ErrorReason.COUPON_NOT_FOUND
    redemption = await engine.redeem(redeem(given.code, friend), caller)
    assert (redemption.account_id, redemption.remaining_account_redemptions) == (friend, 0)
    assert await reason(engine.redeem(redeem(given.code, holder), caller)) is ErrorReason.COUPON_ALREADY_REDEEMED
