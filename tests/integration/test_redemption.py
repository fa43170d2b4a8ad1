"""The coupon redemption engine against real Redis and Postgres: limits under races, retries,
reversal, Redis loss and rebuild, the epoch fence, the recovery sweep."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from core.adapters.redis.state import GENERATION_KEY
from core.domain.coupons import Money, Offer, OfferState, RedemptionRules
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Caller
from core.service.coupons import Coupons, RedeemCoupon, ReverseRedemption, offer_keys
from server import bootstrap
from tests.integration.coupon_accounts import new_account, new_accounts

EUR = "EUR"


@pytest.fixture
async def engine(deps):
    guard = bootstrap.state_guard(deps)
    await guard.ensure()
    return bootstrap.Engines(deps, guard).coupons


@pytest.fixture
def org():
    return f"org-{uuid.uuid4().hex[:8]}"


async def new_offer(engine: Coupons, org: str, **rules) -> Offer:
    offer = Offer(str(uuid.uuid4()), org, OfferState.ACTIVE, RedemptionRules(**rules),
                  discount_amount=Money(500, EUR), common_code="C" + uuid.uuid4().hex[:10].upper())
    return await engine.create_offer(offer, "prog")


def redeem(offer: Offer, account: str, request_id: str | None = None, bill: int = 2_000) -> RedeemCoupon:
    return RedeemCoupon(request_id or uuid.uuid4().hex, offer.common_code, account, "store-1", Money(bill, EUR))


async def outcome(awaitable):
    try:
        return await awaitable
    except DomainError as error:
        return error.reason


async def ledger_count(deps, offer: Offer) -> int:
    async with deps.pool.connection() as connection:
        cursor = await connection.execute("SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s",
                                          (offer.offer_id,))
        return (await cursor.fetchone())[0]


async def redis_count(deps, offer: Offer) -> int:
    return int(await deps.redis.get(offer_keys(offer.offer_id, "-", 0)[1]) or 0)


def caller_of(org: str) -> Caller:
    return Caller(client_id=f"cl-{uuid.uuid4().hex[:8]}", org_id=org)


async def test_a_redemption_is_in_the_ledger_and_counted(engine, deps, org):
    offer = await new_offer(engine, org)

    redemption = await engine.redeem(redeem(offer, await new_account(deps, org)), caller_of(org))

    assert (redemption.discount_minor, redemption.offer_redeemed_count) == (500, 1)
    assert await ledger_count(deps, offer) == 1 and await redis_count(deps, offer) == 1


async def test_500_concurrent_redemptions_with_a_global_limit_of_100_let_exactly_100_through(engine, deps, org):
    offer = await new_offer(engine, org, max_redemptions=100)
    caller = caller_of(org)

    accounts = await new_accounts(deps, org, 500)

    results = await asyncio.gather(*(outcome(engine.redeem(redeem(offer, account), caller)) for account in accounts))

    succeeded = [r for r in results if not isinstance(r, ErrorReason)]
    assert len(succeeded) == 100
    assert {r for r in results if isinstance(r, ErrorReason)} == {ErrorReason.REDEMPTION_LIMIT_REACHED}
    assert await ledger_count(deps, offer) == 100 and await redis_count(deps, offer) == 100


async def test_200_concurrent_redemptions_by_one_account_with_a_limit_of_1_let_exactly_1_through(engine, deps, org):
    offer = await new_offer(engine, org, max_account_redemptions=1)
    account = await new_account(deps, org)
    caller = caller_of(org)

    results = await asyncio.gather(*(outcome(engine.redeem(redeem(offer, account), caller)) for _ in range(200)))

    assert sum(not isinstance(r, ErrorReason) for r in results) == 1
    assert {r for r in results if isinstance(r, ErrorReason)} == {ErrorReason.ACCOUNT_REDEMPTION_LIMIT_REACHED}
    assert await ledger_count(deps, offer) == 1


async def test_the_same_request_id_100_times_concurrently_redeems_once_with_identical_replies(engine, deps, org):
    offer = await new_offer(engine, org)
    command = redeem(offer, await new_account(deps, org))
    caller = caller_of(org)

    replies = await asyncio.gather(*(outcome(engine.redeem(command, caller)) for _ in range(100)))
    again = await engine.redeem(command, caller)  # After the first execution: its reply, replayed.
    answered = [reply for reply in replies if reply != ErrorReason.REQUEST_IN_FLIGHT]

    # A caller that waited IDEMPOTENCY_WAIT_MS_MAX for the first (a loaded machine) is told
    # REQUEST_IN_FLIGHT, as documented; every other gets the one reply.
    assert answered and len(set(answered)) == 1 and again == answered[0]
    assert await ledger_count(deps, offer) == 1 and await redis_count(deps, offer) == 1


async def test_redis_flushed_between_two_redemptions_is_rebuilt_before_answering(engine, deps, org):
    offer = await new_offer(engine, org, max_redemptions=2)
    caller = caller_of(org)
    await engine.redeem(redeem(offer, await new_account(deps, org)), caller)

    await deps.redis.flushdb()
    second = await engine.redeem(redeem(offer, await new_account(deps, org)), caller)
    third = await outcome(engine.redeem(redeem(offer, await new_account(deps, org)), caller))

    assert second.offer_redeemed_count == 2
    assert third is ErrorReason.REDEMPTION_LIMIT_REACHED
    assert await ledger_count(deps, offer) == 2 and await deps.redis.get(GENERATION_KEY) is not None


async def test_a_reversal_gives_the_use_back_once(engine, deps, org):
    offer = await new_offer(engine, org, max_account_redemptions=1)
    account, caller = await new_account(deps, org), caller_of(org)
    first = await engine.redeem(redeem(offer, account), caller)

    await engine.reverse(ReverseRedemption(uuid.uuid4().hex, first.redemption_id), caller)
    again = await outcome(engine.reverse(ReverseRedemption(uuid.uuid4().hex, first.redemption_id), caller))
    second = await engine.redeem(redeem(offer, account), caller)

    assert again is ErrorReason.REDEMPTION_ALREADY_REVERSED
    assert second.offer_redeemed_count == 1
    assert await outcome(engine.redeem(redeem(offer, account), caller)) is ErrorReason.ACCOUNT_REDEMPTION_LIMIT_REACHED


async def test_the_minimum_gap_between_an_accounts_redemptions_is_enforced(engine, deps, org):
    offer = await new_offer(engine, org, min_gap_seconds=3600)
    account, caller = await new_account(deps, org), caller_of(org)
    await engine.redeem(redeem(offer, account), caller)

    with pytest.raises(DomainError) as too_soon:
        await engine.redeem(redeem(offer, account), caller)

    assert too_soon.value.reason is ErrorReason.REDEMPTION_GAP_NOT_ELAPSED
    assert "retry_time" in too_soon.value.metadata
    await engine.redeem(redeem(offer, await new_account(deps, org)), caller)  # Another account is not held back.


async def test_a_redemption_admitted_under_a_stale_epoch_is_fenced_out_then_rebuilt_and_retried(engine, deps, org):
    offer = await new_offer(engine, org, max_redemptions=5)
    caller = caller_of(org)
    await engine.redeem(redeem(offer, await new_account(deps, org)), caller)
    stale_epoch = engine._guard.epoch
    async with deps.pool.connection() as connection:  # Another worker rebuilt Redis meanwhile.
        await connection.execute("UPDATE redis_epoch SET epoch = epoch + 1")

    second = await engine.redeem(redeem(offer, await new_account(deps, org)), caller)

    # The first attempt reserved under the stale epoch and was refused at commit; the engine
    # rebuilt from the ledger (not counting that reservation) and the retry landed.
    assert engine._guard.epoch == stale_epoch + 2
    assert second.offer_redeemed_count == 2
    assert await ledger_count(deps, offer) == 2 and await redis_count(deps, offer) == 2


async def test_the_sweep_confirms_committed_reservations_and_releases_the_rest(engine, deps, org):
    offer = await new_offer(engine, org, max_redemptions=10)
    caller = caller_of(org)
    await engine.redeem(redeem(offer, await new_account(deps, org)), caller)
    epoch = engine._guard.epoch
    past = 1  # Deadlines long gone.

    async def reserve(request_id: str, account: str) -> None:
        await deps.scripts.run("coupon_redeem", offer_keys(offer.offer_id, account, epoch),
                               [epoch, f"{caller.client_id}:{request_id}", 0, 0, 0, 10, past, account, 0, offer.version])

    # A crash after the script and before the commit: a reservation with no ledger row.
    await reserve("lost", str(uuid.uuid4()))
    # A crash after the commit and before the confirm: the row is in the ledger.
    landed_account = await new_account(deps, org)
    await reserve("landed", landed_account)
    async with deps.pool.connection() as connection:
        await connection.execute(
            "INSERT INTO coupon_redemptions (redemption_id, org_id, offer_id, code, account_id, store_id, bill_minor,"
            " currency_code, discount_minor, request_id, client_id, epoch, redeem_time)"
            " VALUES (%s, %s, %s, %s, %s, 's', 1, 'EUR', 0, 'landed', %s, %s, now())",
            (str(uuid.uuid4()), org, offer.offer_id, offer.common_code, landed_account, caller.client_id, epoch))
    assert await redis_count(deps, offer) == 3

    confirmed, released = await engine.sweep_reservations([offer.offer_id])

    assert (confirmed, released) == (1, 1)
    assert await redis_count(deps, offer) == 2 == await ledger_count(deps, offer)
    assert await engine.sweep_reservations([offer.offer_id]) == (0, 0)


@pytest.mark.parametrize("bill, reason", [
    (999, ErrorReason.BILL_AMOUNT_TOO_LOW), (1_000, None), (5_000, None), (5_001, ErrorReason.BILL_AMOUNT_TOO_HIGH)])
async def test_bill_amount_bounds_are_inclusive(engine, deps, org, bill, reason):
    offer = await new_offer(engine, org, min_bill=Money(1_000, EUR), max_bill=Money(5_000, EUR))

    result = await outcome(engine.redeem(redeem(offer, await new_account(deps, org), bill=bill), caller_of(org)))

    assert (result if isinstance(result, ErrorReason) else None) is reason


async def test_an_unknown_code_is_coupon_not_found(engine, deps, org):
    offer = Offer(str(uuid.uuid4()), org, OfferState.ACTIVE, common_code="NOPE")

    account = await new_account(deps, org)
    assert await outcome(engine.redeem(redeem(offer, account), caller_of(org))) is ErrorReason.COUPON_NOT_FOUND
