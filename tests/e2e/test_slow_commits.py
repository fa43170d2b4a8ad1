"""Commits slower than the callers' deadlines, over gRPC on the real server: whatever a caller's
deadline does, a reservation's fate is its commit's. No limit is exceeded, nothing acknowledged is
missing from the ledger, Redis equals the ledger afterwards, and a retry meets the committed
answer (issue 11: before, a limit of 3 ended with 5 rows)."""

from __future__ import annotations

import asyncio
import time
import uuid

import psycopg
import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api

from rewards_client import RewardsClient, errors
from tests.e2e.test_points import earn, eur, new_account, new_program
from tests.ledger import check_ledger

CALLS = 200
DEADLINE_S = 1.0
SETTLE_S = 60


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


async def outcome(client: RewardsClient, method, request) -> str:
    try:
        await client.call(method, request)
    except errors.RewardsError as error:
        return error.reason or error.code.name
    return "OK"


class TableLock:
    """Holds a lock that blocks inserts into `table` (as a long transaction or a slow disk would
    make a commit slow) until released."""

    def __init__(self, database_url: str, table: str) -> None:
        self.connection = psycopg.connect(database_url)
        self.connection.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

    def release(self) -> None:
        self.connection.rollback()
        self.connection.close()


async def common_offer(client: RewardsClient, program_id: str, limit: int) -> tuple[str, str]:
    offer = resources.Offer(
        program_id=program_id, display_name="1 EUR off", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(100)),
        rules=resources.OfferRules(max_redemption_count=limit))
    offer_id = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer))).offer.offer_id
    code = "SLOW" + uuid.uuid4().hex[:8].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return offer_id, code


def redemptions(stores, offer_id: str) -> dict[str, str]:
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute("SELECT request_id, redemption_id::text FROM coupon_redemptions"
                                  " WHERE offer_id = %s", (offer_id,)).fetchall()
    return dict(rows)


async def until(condition, what: str) -> None:
    deadline = time.monotonic() + SETTLE_S
    while not condition():
        assert time.monotonic() < deadline, f"not settled within {SETTLE_S} s: {what}"
        await asyncio.sleep(0.1)


async def test_a_commit_slower_than_the_deadline_never_oversells_an_offer(server, credentials, stores, redis_client):
    limit, before = 20, 5
    async with RewardsClient.connect(server.target, credentials, timeout_s=DEADLINE_S, attempts_max=1) as client:
        setup = RewardsClient.connect(server.target, credentials, timeout_s=30)
        async with setup:
            program_id = await new_program(setup)
            holders = [await new_account(setup, program_id) for _ in range(8)]
            offer_id, code = await common_offer(setup, program_id, limit)
            for n in range(before):
                await setup.call(setup.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
                    code=code, account_id=holders[n], store_id="store-1", bill_amount=eur(1_000)))
        requests = [coupons.RedeemCouponRequest(request_id=uuid.uuid4().hex, code=code, account_id=holders[n % 8],
                                                store_id="store-1", bill_amount=eur(1_000)) for n in range(CALLS)]
        lock = TableLock(stores.database_url, "coupon_redemptions")
        try:
            answers = await asyncio.gather(*(outcome(client, client.coupons.RedeemCoupon, r) for r in requests))
        finally:
            lock.release()
        # Nothing could commit while the lock held: no call was acknowledged.
        assert "OK" not in answers, answers
        counter = f"rewards:{{o:{offer_id}}}:redeemed"
        await until(lambda: len(redemptions(stores, offer_id)) == limit, "the reserved writes commit")
        await until(lambda: not any(redis_client.hlen(key) for key in redis_client.scan_iter(
            f"rewards:{{o:{offer_id}}}:reservations:*")), "every reservation is confirmed")
        ledger = redemptions(stores, offer_id)
        assert len(ledger) == limit
        assert int(redis_client.get(counter)) == limit
        # The limit holds for fresh calls...
        fresh = [coupons.RedeemCouponRequest(request_id=uuid.uuid4().hex, code=code, account_id=holders[0],
                                             store_id="store-1", bill_amount=eur(1_000)) for _ in range(3)]
        assert [await outcome(client, client.coupons.RedeemCoupon, r) for r in fresh] == \
            ["REDEMPTION_LIMIT_REACHED"] * 3
        # ...and a retry of a call that timed out meets its committed answer.
        committed = next(r for r in requests if r.request_id in ledger)
        replay = await client.call(client.coupons.RedeemCoupon, committed)
        assert replay.redemption_id == ledger[committed.request_id]
    assert len(redemptions(stores, offer_id)) == limit


async def test_a_commit_slower_than_the_deadline_never_over_refunds_a_wallet(server, credentials, stores, redis_client):
    earned_points = 100
    async with RewardsClient.connect(server.target, credentials, timeout_s=DEADLINE_S, attempts_max=1) as client:
        async with RewardsClient.connect(server.target, credentials, timeout_s=30) as setup:
            program_id = await new_program(setup)
            account_id = await new_account(setup, program_id)
            earned = await earn(setup, account_id, earned_points * 100)
        earn_id = earned.transaction.points_transaction_id
        assert earned.transaction.points == earned_points
        requests = [loyalty_api.RefundPointsRequest(request_id=uuid.uuid4().hex, points_transaction_id=earn_id,
                                                    points=1) for _ in range(CALLS)]
        lock = TableLock(stores.database_url, "points_transactions")
        try:
            answers = await asyncio.gather(*(outcome(client, client.loyalty.RefundPoints, r) for r in requests))
        finally:
            lock.release()
        assert "OK" not in answers, answers

        def refunds() -> dict[str, int]:
            with psycopg.connect(stores.database_url) as connection:
                return dict(connection.execute(
                    "SELECT request_id, abs(amount) FROM points_transactions WHERE refunded_transaction_id = %s",
                    (earn_id,)).fetchall())

        await until(lambda: len(refunds()) == earned_points, "the reserved refunds commit")
        await asyncio.sleep(0.5)
        assert sum(refunds().values()) == earned_points
        fresh = loyalty_api.RefundPointsRequest(request_id=uuid.uuid4().hex, points_transaction_id=earn_id, points=1)
        assert await outcome(client, client.loyalty.RefundPoints, fresh) == "REFUND_EXCEEDS_TRANSACTION"
        committed = next(r for r in requests if r.request_id in refunds())
        replay = await client.call(client.loyalty.RefundPoints, committed)
        assert replay.transaction.points == -1
    check_ledger(stores.database_url, stores.redis_url)
