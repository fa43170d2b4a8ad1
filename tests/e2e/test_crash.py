"""A server killed (SIGKILL) in the middle of a burst of redemptions of a hot offer, then
restarted: no acknowledged redemption is lost, none is doubled, the limit is never exceeded, every
retry of a request answers as the first answer did, and Redis comes back to what the ledger says
once the dead worker's reservations are swept."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from core.adapters.redis.client import connect_sync
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from core.service.coupons import offer_keys
from rewards_client import RewardsClient, errors
from tests.e2e.coupon_accounts import new_accounts
from tests.e2e.harness import ServerProcess

LIMIT = 100
REQUESTS = 250
SETTLED_S = 75
"""Long enough for the dead worker's in-flight markers and reservations (30 s) and a sweep (10 s)."""


@pytest.fixture
def data_dir():
    directory = Path(tempfile.mkdtemp(prefix="rc-crash-", dir="/tmp"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


async def hot_offer(client: RewardsClient) -> tuple[str, str]:
    offer = resources.Offer(
        program_id="crash", display_name="1 EUR off", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(100)),
        rules=resources.OfferRules(max_redemption_count=LIMIT))
    offer_id = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer))).offer.offer_id
    code = "CRASH" + uuid.uuid4().hex[:8].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return offer_id, code


async def answer(client: RewardsClient, request: coupons.RedeemCouponRequest):
    """The reply or the final refusal reason; None when the call got no definite answer."""
    try:
        return await client.call(client.coupons.RedeemCoupon, request)
    except errors.RewardsError as error:
        if error.reason in ("REQUEST_IN_FLIGHT", "STATE_REBUILDING") or not error.reason:
            return None
        return error.reason


def ledger(stores, offer_id: str) -> dict[str, str]:
    """request_id -> redemption_id of the offer's redemptions in effect."""
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute(
            "SELECT request_id, redemption_id::text FROM coupon_redemptions WHERE offer_id = %s", (offer_id,)).fetchall()
    assert len(rows) == len({request_id for request_id, _ in rows}), "a request redeemed twice"
    return dict(rows)


async def test_a_killed_server_loses_and_doubles_nothing_and_keeps_the_limit(stores, credentials, data_dir,
                                                                           known_programs):
    first = ServerProcess(data_dir / "first", redis_url=stores.redis_url, database_url=stores.database_url).start()
    requests = [coupons.RedeemCouponRequest(request_id=uuid.uuid4().hex, code="", account_id="",
                                            store_id="store-1", bill_amount=eur(1_000)) for _ in range(REQUESTS)]
    try:
        async with RewardsClient.connect(first.target, credentials, timeout_s=10, attempts_max=1) as client:
            offer_id, code = await hot_offer(client)
            for request, account in zip(requests, await new_accounts(client, REQUESTS, "crash")):
                request.code, request.account_id = code, account
            burst = [asyncio.ensure_future(answer(client, request)) for request in requests]
            while sum(task.done() for task in burst) < 3:
                await asyncio.sleep(0.001)
            first.kill()  # Mid-burst: some calls answered, some committed unanswered, some reserved only.
            answers = await asyncio.gather(*burst)
    finally:
        first.kill()
    acknowledged = {request.request_id: reply.redemption_id for request, reply in zip(requests, answers)
                    if isinstance(reply, coupons.RedeemCouponResponse)}
    assert acknowledged and len(acknowledged) < REQUESTS

    second = ServerProcess(data_dir / "second", redis_url=stores.redis_url, database_url=stores.database_url).start()
    try:
        async with RewardsClient.connect(second.target, credentials, timeout_s=10) as client:
            deadline = time.monotonic() + SETTLED_S
            final = list(answers)
            while any(result is None for result in final) and time.monotonic() < deadline:
                retried = await asyncio.gather(*(answer(client, request) if result is None else _same(result)
                                                 for request, result in zip(requests, final)))
                final = list(retried)
                await asyncio.sleep(1)
            # Every request has its definite answer now, and retries of the answered ones replay them.
            assert all(result is not None for result in final)
            replays = await asyncio.gather(*(answer(client, request) for request in requests[:50]))
            for before, again in zip(final[:50], replays):
                assert again == before

            in_ledger = ledger(stores, offer_id)
            succeeded = {request.request_id: result.redemption_id for request, result in zip(requests, final)
                         if isinstance(result, coupons.RedeemCouponResponse)}
            refused = {result for result in final if isinstance(result, str)}
            assert set(acknowledged.items()) <= set(in_ledger.items())  # Nothing acknowledged was lost.
            assert succeeded == in_ledger  # Every success is one ledger row, and every row was answered.
            assert len(in_ledger) <= LIMIT and refused <= {"REDEMPTION_LIMIT_REACHED"}

            # Once the dead worker's reservations are swept, Redis counts what the ledger holds.
            counter = offer_keys(offer_id, "-", "-")[1]
            with connect_sync(stores.redis_url) as store:
                while int(store.get(counter) or 0) != len(in_ledger) and time.monotonic() < deadline + 30:
                    await asyncio.sleep(0.5)
                assert int(store.get(counter) or 0) == len(in_ledger)
            # And the offer then fills up to its limit exactly, never past it.
            more = [coupons.RedeemCouponRequest(code=code, account_id=account, store_id="store-1",
                                                bill_amount=eur(1_000))
                    for account in await new_accounts(client, LIMIT, "crash")]
            extra = await asyncio.gather(*(answer(client, request) for request in more))
            assert sum(isinstance(result, coupons.RedeemCouponResponse) for result in extra) == LIMIT - len(in_ledger)
            assert len(ledger(stores, offer_id)) == LIMIT
    finally:
        second.kill()


async def _same(result):
    return result


async def test_a_killed_server_loses_and_doubles_no_earn_and_the_wallet_agrees_with_the_ledger(
        stores, credentials, data_dir):
    from tests.e2e.test_points import new_account, new_program
    from tests.ledger import check_ledger
    from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api

    first = ServerProcess(data_dir / "first", redis_url=stores.redis_url, database_url=stores.database_url).start()
    try:
        async with RewardsClient.connect(first.target, credentials, timeout_s=10, attempts_max=1) as client:
            account_id = await new_account(client, await new_program(client))
            requests = [loyalty_api.EarnPointsRequest(
                request_id=uuid.uuid4().hex, account_id=account_id, store_id="store-1",
                transaction_id=uuid.uuid4().hex, bill_amount=eur(10_000)) for _ in range(200)]

            async def earn(request):
                try:
                    return await client.call(client.loyalty.EarnPoints, request)
                except errors.RewardsError as error:
                    return None if error.reason in ("", "REQUEST_IN_FLIGHT", "STATE_REBUILDING") else error.reason

            burst = [asyncio.ensure_future(earn(request)) for request in requests]
            while sum(task.done() for task in burst) < 3:
                await asyncio.sleep(0.001)
            first.kill()
            answers = await asyncio.gather(*burst)
    finally:
        first.kill()
    acknowledged = {request.transaction_id: reply.transaction.points_transaction_id
                    for request, reply in zip(requests, answers) if isinstance(reply, loyalty_api.EarnPointsResponse)}
    assert acknowledged and len(acknowledged) < len(requests)

    second = ServerProcess(data_dir / "second", redis_url=stores.redis_url, database_url=stores.database_url).start()
    try:
        async with RewardsClient.connect(second.target, credentials, timeout_s=10) as client:
            async def earn_again(request):
                try:
                    return await client.call(client.loyalty.EarnPoints, request)
                except errors.RewardsError as error:
                    return None if error.reason in ("", "REQUEST_IN_FLIGHT", "STATE_REBUILDING") else error.reason

            deadline = time.monotonic() + SETTLED_S
            final = list(answers)
            while any(result is None for result in final) and time.monotonic() < deadline:
                final = list(await asyncio.gather(*(earn_again(request) if result is None else _same(result)
                                                    for request, result in zip(requests, final))))
                await asyncio.sleep(1)
            assert all(isinstance(result, loyalty_api.EarnPointsResponse) for result in final), [
                result for result in final if not isinstance(result, loyalty_api.EarnPointsResponse)][:5]
            earned = {request.transaction_id: result.transaction.points_transaction_id
                      for request, result in zip(requests, final)}
            assert set(acknowledged.items()) <= set(earned.items())
            with psycopg.connect(stores.database_url) as connection:
                rows = connection.execute(
                    "SELECT count(*), count(DISTINCT points_transaction_id) FROM points_transactions"
                    " WHERE points_transaction_id = ANY(%s::uuid[])", (list(earned.values()),)).fetchone()
            assert rows == (len(requests), len(requests))  # Every earn once.
            balance = await client.call(client.loyalty.GetBalance, loyalty_api.GetBalanceRequest(account_id=account_id))
            assert balance.balance.posted_points == 100 * len(requests)
            # Redis agrees with Postgres once the dead worker's wallet reservations are swept.
            while True:
                try:
                    check_ledger(stores.database_url, stores.redis_url)
                    break
                except AssertionError:
                    if time.monotonic() > deadline + 30:
                        raise
                    await asyncio.sleep(0.5)
    finally:
        second.kill()
