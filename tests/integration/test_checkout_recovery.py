"""Checkout baskets against real Redis and Postgres with a clock the test moves: a basket's holds
survive the generic reservation sweeps while it is authorized; a worker that died after a
capture's commit (or after the expiry's) leaves reservations the sweeps confirm (or release) once
the basket can no longer change; a capture and the expiry racing for the basket's row lock."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import uuid

import psycopg
import pytest

from core.domain import limits
from core.domain.checkout import BasketInput, BasketState
from core.domain.clock import FixedClock
from core.domain.coupons import Money, Offer, OfferState, RedemptionRules
from core.domain.errors import DomainError, ErrorReason
from core.service.accounts import AccountRef
from core.service.checkout import AuthorizeBasket, CaptureBasket
from core.service.coupons import offer_keys
from core.service.points import RequestOtp, wallet_keys
from server import bootstrap
from tests.integration.test_points import Inbox, account_of, earn, program_of


@pytest.fixture
def clock():
    return FixedClock(dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
async def engine(deps, clock):
    timed = dataclasses.replace(deps, clock=clock)
    guard = bootstrap.state_guard(timed)
    await guard.ensure()
    engines = bootstrap.Engines(timed, guard, otp_sender=Inbox(), otp_rate_max=50)
    coupons, points, checkout = engines.coupons, engines.points, engines.checkout
    points.deps, points.inbox, points.guard = timed, points._sender, guard
    checkout.coupons, checkout.points, checkout.deps, checkout.guard = coupons, points, timed, guard
    return checkout


async def basket_of(engine, caller, hold_s: float = 60, burn: int = 40, **rules):
    """An account holding 100 points, an offer (5 EUR off), and an authorized basket using both."""
    program = await program_of(engine.points, caller)
    account = await account_of(engine.points, caller, program)
    await earn(engine.points, caller, account, 10_000)
    offer = Offer(str(uuid.uuid4()), caller.org_id, OfferState.ACTIVE, RedemptionRules(**rules),
                  discount_amount=Money(500, "EUR"), common_code="K" + uuid.uuid4().hex[:10].upper())
    offer = await engine.coupons.create_offer(dataclasses.replace(offer, program_id=program), program)
    ticket = await engine.points.request_otp(RequestOtp(uuid.uuid4().hex, AccountRef(account), burn), caller)
    basket = await engine.authorize(AuthorizeBasket(
        uuid.uuid4().hex, AccountRef(account), BasketInput("store-1", uuid.uuid4().hex, (), 2_000, "EUR",
                                                           (("code", offer.common_code),), burn, hold_seconds=hold_s),
        ticket.otp_id, engine.points.inbox.codes[ticket.otp_id]), caller)
    return account, offer, basket


async def redis_state(engine, account: str, offer: Offer) -> tuple[int, int, int]:
    """(the offer's redemption count, the wallet's available points, its reservations) in Redis."""
    epoch = engine.guard.require_ready()
    count = int(await engine.deps.redis.get(offer_keys(offer.offer_id, "-", epoch)[1]) or 0)
    keys = wallet_keys(account, epoch)
    return count, int(await engine.deps.redis.hget(keys[0], "bal")), await engine.deps.redis.hlen(keys[1])


async def sweep(engine, offer: Offer) -> tuple[int, int]:
    confirmed, released = await engine.coupons.sweep_reservations([offer.offer_id])
    wallet = await engine.points.wallets.sweep()
    return confirmed + wallet[0], released + wallet[1]


async def postgres_wallet(engine, account: str) -> tuple[int, int]:
    async with engine.deps.pool.connection() as connection:
        cursor = await connection.execute("SELECT posted, pending FROM points_wallets WHERE account_id = %s",
                                          (account,))
        return tuple(await cursor.fetchone())


def past_deadline(basket) -> dt.timedelta:
    return basket.expire_time - basket.authorize_time + dt.timedelta(milliseconds=limits.BASKET_SWEEP_MARGIN_MS + 1)


async def nothing(*_args) -> None:
    """A settlement that never ran: its worker died right after the commit."""


async def expire_due(engine) -> None:
    """Run the expiry sweep until nothing is due (the shared database may hold other tests' baskets)."""
    for _ in range(100):
        if not await engine.sweep_expired():
            return


async def test_an_authorized_basket_outlives_the_generic_sweeps_until_its_deadline(engine, caller, clock):
    account, offer, basket = await basket_of(engine, caller)
    clock.advance(dt.timedelta(milliseconds=limits.POINTS_RESERVATION_TTL_MS + 1))

    await sweep(engine, offer)

    assert await redis_state(engine, account, offer) == (1, 60, 1)  # still held
    assert await postgres_wallet(engine, account) == (100, 40)
    # Neither voided nor expired by the basket sweep (a dead worker): released at the deadline.
    clock.at = basket.authorize_time + past_deadline(basket)
    assert (await sweep(engine, offer))[1] == 2
    assert await redis_state(engine, account, offer) == (0, 100, 0)
    assert await postgres_wallet(engine, account) == (100, 40)  # the floor CHECK still guards the burn ...
    await expire_due(engine)  # ... until the basket is expired there
    assert (await engine.get(basket.basket_id, caller)).state == BasketState.EXPIRED
    assert await postgres_wallet(engine, account) == (100, 0)


async def test_a_capture_committed_by_a_worker_that_died_is_confirmed_by_the_sweeps(engine, caller, clock):
    account, offer, basket = await basket_of(engine, caller)
    confirm = engine.points.wallets.confirm
    engine._confirm_coupon, engine.points.wallets.confirm = nothing, nothing
    try:
        captured = await engine.capture(CaptureBasket(uuid.uuid4().hex, basket.basket_id), caller)
    finally:
        del engine._confirm_coupon
        engine.points.wallets.confirm = confirm
    assert captured.state == BasketState.CAPTURED
    assert await redis_state(engine, account, offer) == (1, 60, 1)

    clock.at = basket.authorize_time + past_deadline(basket)
    confirmed, released = await sweep(engine, offer)

    assert (confirmed, released) == (2, 0)
    assert await redis_state(engine, account, offer) == (1, 60, 0)
    assert await postgres_wallet(engine, account) == (60, 0)


async def test_an_expiry_whose_release_never_ran_is_released_by_the_sweeps(engine, caller, clock):
    account, offer, basket = await basket_of(engine, caller)
    clock.at = basket.expire_time
    engine._release = nothing
    try:
        await expire_due(engine)
    finally:
        del engine._release
    assert (await engine.get(basket.basket_id, caller)).state == BasketState.EXPIRED
    assert await redis_state(engine, account, offer) == (1, 60, 1)
    assert await postgres_wallet(engine, account) == (100, 0)

    clock.at = basket.authorize_time + past_deadline(basket)
    assert await sweep(engine, offer) == (0, 2)

    assert await redis_state(engine, account, offer) == (0, 100, 0)


async def test_a_capture_waiting_on_the_expiry_s_row_lock_loses_to_it(engine, caller, clock, stores):
    account, offer, basket = await basket_of(engine, caller)
    clock.at = basket.expire_time - dt.timedelta(seconds=1)  # the capture is in time ...
    with psycopg.connect(stores.database_url) as expiry:
        # ... but the expiry (a sweep a moment later) locked the basket first.
        expiry.execute("INSERT INTO basket_events (basket_id, state, event_time, request_id, client_id)"
                       " VALUES (%s, 4, %s, 'expiry', 'system')", (basket.basket_id, basket.expire_time))
        capture = asyncio.create_task(engine.capture(CaptureBasket(uuid.uuid4().hex, basket.basket_id), caller))
        await asyncio.sleep(0.5)
        assert not capture.done()  # waiting for the row lock
        expiry.commit()
    with pytest.raises(DomainError) as lost:
        await capture

    assert lost.value.reason is ErrorReason.BASKET_EXPIRED
    async with engine.deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT (SELECT state FROM baskets WHERE basket_id = %(b)s),"
            " (SELECT count(*) FROM coupon_redemptions WHERE offer_id = %(o)s),"
            " (SELECT count(*) FROM points_transactions WHERE account_id = %(a)s AND type = 6)",
            {"b": basket.basket_id, "o": offer.offer_id, "a": account})
        assert tuple(await cursor.fetchone()) == (BasketState.EXPIRED, 0, 0)
    assert await postgres_wallet(engine, account) == (100, 0)
    await engine._release((await engine._load(basket.basket_id, caller)).holds)
    assert await redis_state(engine, account, offer) == (0, 100, 0)


async def test_an_expiry_finds_nothing_to_do_once_the_capture_won(engine, caller, clock):
    account, offer, basket = await basket_of(engine, caller)
    clock.at = basket.expire_time - dt.timedelta(microseconds=1)
    await engine.capture(CaptureBasket(uuid.uuid4().hex, basket.basket_id), caller)
    clock.at = basket.expire_time

    await expire_due(engine)
    assert (await engine.get(basket.basket_id, caller)).state == BasketState.CAPTURED

    with pytest.raises(DomainError) as refused:
        await engine.capture(CaptureBasket(uuid.uuid4().hex, basket.basket_id), caller)
    assert refused.value.reason is ErrorReason.BASKET_ALREADY_CAPTURED
    assert await redis_state(engine, account, offer) == (1, 60, 0)
    assert await postgres_wallet(engine, account) == (60, 0)


async def test_after_a_redis_rebuild_a_capture_reserves_its_coupons_again_under_the_new_epoch(engine, caller, clock):
    account, offer, basket = await basket_of(engine, caller)
    await engine.deps.redis.flushdb()  # Redis lost: the counters are rebuilt from the ledger
    await engine.guard.ensure()

    captured = await engine.capture(CaptureBasket(uuid.uuid4().hex, basket.basket_id), caller)

    assert captured.state == BasketState.CAPTURED
    epoch = engine.guard.require_ready()
    assert int(await engine.deps.redis.get(offer_keys(offer.offer_id, "-", epoch)[1])) == 1
    assert await engine.deps.redis.hlen(offer_keys(offer.offer_id, "-", epoch)[4]) == 0  # confirmed
    assert await postgres_wallet(engine, account) == (60, 0)
    assert (await engine.points.wallets.available(account))[0] == 60
    async with engine.deps.pool.connection() as connection:
        cursor = await connection.execute("SELECT epoch FROM coupon_redemptions WHERE offer_id = %s",
                                          (offer.offer_id,))
        assert [row[0] for row in await cursor.fetchall()] == [epoch]


async def test_after_a_redis_rebuild_a_capture_whose_coupon_was_taken_meanwhile_is_refused(engine, caller, clock):
    from core.service.checkout import VoidBasket
    from core.service.coupons import RedeemCoupon

    account, offer, basket = await basket_of(engine, caller, max_redemptions=1)
    await engine.deps.redis.flushdb()
    await engine.guard.ensure()
    other = await account_of(engine.points, caller, offer.program_id)
    await engine.coupons.redeem(RedeemCoupon(uuid.uuid4().hex, offer.common_code, other, "store-1",
                                             Money(2_000, "EUR")), caller)

    with pytest.raises(DomainError) as refused:
        await engine.capture(CaptureBasket(uuid.uuid4().hex, basket.basket_id), caller)

    assert (refused.value.reason, refused.value.metadata["coupon_code"]) == (
        ErrorReason.REDEMPTION_LIMIT_REACHED, offer.common_code)
    epoch = engine.guard.require_ready()
    assert int(await engine.deps.redis.get(offer_keys(offer.offer_id, "-", epoch)[1])) == 1
    voided = await engine.void(VoidBasket(uuid.uuid4().hex, basket.basket_id), caller)
    assert voided.state == BasketState.VOIDED and await postgres_wallet(engine, account) == (100, 0)
