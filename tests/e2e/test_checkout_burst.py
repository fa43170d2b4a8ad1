"""Issue 14's concurrency test over gRPC: 200 concurrent baskets on one offer limited to 50
redemptions, all burning points of one wallet. Exactly 50 baskets get the coupon, the wallet
is never overspent; then half of the baskets are voided, a quarter expire (their own short
hold_duration, released by the server's sweep) and the rest are captured, and every Redis
counter equals the ledger."""

from __future__ import annotations

import asyncio
import time

import psycopg
import pytest
from core.adapters.redis.client import connect_sync
from google.protobuf import duration_pb2
from rewards.checkout.v1 import checkout_service_pb2 as api
from rewards.checkout.v1 import resources_pb2 as baskets

from rewards_client import errors
from tests.e2e.test_checkout import authorize, balance, burn, capture, off, offer, redemptions, redis_count, \
    refusal, void
from tests.e2e.test_points import earn, new_account, new_program
from tests.ledger import check_ledger

BASKETS = 200
LIMIT = 50
BURN = 5  # 200 x 5 = the whole 1000-point wallet.
EXPIRING_HOLD_S = 30  # Long enough for the burst on a loaded machine; the test waits it out.


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


def account_redis_count(stores, offer_id: str, account_id: str) -> int:
    client = connect_sync(stores.redis_url)
    try:
        return int(client.get(f"rewards:{{o:{offer_id}}}:acct:{account_id}:redeemed") or 0)
    finally:
        client.close()


def reservations_left(stores, offer_id: str, account_id: str) -> int:
    """The offer's and the wallet's reservations still in Redis (any epoch)."""
    client = connect_sync(stores.redis_url)
    try:
        keys = [*client.scan_iter(f"rewards:{{o:{offer_id}}}:reservations:*"),
                *client.scan_iter(f"rewards:{{a:{account_id}}}:res:*")]
        return sum(client.hlen(key) for key in keys)
    finally:
        client.close()


def redemptions_in_effect(stores, offer_id: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(
            "SELECT count(*) FROM coupon_redemptions r WHERE offer_id = %s AND NOT EXISTS"
            " (SELECT 1 FROM coupon_reversals v WHERE v.redemption_id = r.redemption_id)", (offer_id,)).fetchone()[0]


async def test_200_baskets_on_one_offer_and_one_wallet_then_void_expire_and_capture(client, server, stores):
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    await earn(client, account_id, 100_000)  # 1000 points
    offer_id, code = await offer(client, program_id, off(100), max_redemption_count=LIMIT)
    burns = []
    for start in range(0, BASKETS, 25):
        burns += await asyncio.gather(*(burn(client, server, account_id, BURN) for _ in range(start, start + 25)))
    extra = await burn(client, server, account_id, 1)  # Asked while the points are there, used after the burst.
    # A quarter holds briefly and is left to expire; of the rest, two in three are voided, one
    # captured. Interleaved, so that each group holds some of the coupons (the first requests get them).
    expiring = {n for n in range(BASKETS) if n % 4 == 0}

    async def attempt(n: int):
        hold = {"hold_duration": duration_pb2.Duration(seconds=EXPIRING_HOLD_S)} if n in expiring else {}
        try:
            return (await client.call(client.checkout.AuthorizeBasket, authorize(
                account_id, code, points_burn=burns[n], skip_invalid_coupons=True, **hold))).basket
        except errors.RewardsError as error:
            return error.reason

    started = time.monotonic()
    outcomes = await asyncio.gather(*(attempt(n) for n in range(BASKETS)))
    burst_s = time.monotonic() - started

    assert all(not isinstance(o, str) for o in outcomes), [o for o in outcomes if isinstance(o, str)]
    with_coupon = [o for o in outcomes if o.coupon_results[0].applied]
    assert len(with_coupon) == LIMIT
    assert {o.coupon_results[0].reason for o in outcomes if not o.coupon_results[0].applied} == {
        "REDEMPTION_LIMIT_REACHED"}
    assert redis_count(stores, offer_id) == account_redis_count(stores, offer_id, account_id) == LIMIT
    held = await balance(client, account_id)
    assert (held.posted_points, held.pending_points, held.available_points) == (1_000, 1_000, 0)
    # The wallet is spent to the last point: one more burn is refused and holds nothing.
    refused = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(account_id, points_burn=extra)))
    assert refused.reason == "INSUFFICIENT_POINTS"
    assert burst_s < EXPIRING_HOLD_S, "the burst outlasted the short holds: the test cannot tell expiry apart"
    listed = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_id=account_id, states=[baskets.BASKET_STATE_AUTHORIZED], page_size=500))
    assert len(listed.baskets) == BASKETS

    # Void half, capture the quarter that is neither voided nor left to expire.
    rest = [outcomes[n] for n in range(BASKETS) if n not in expiring]
    voided = [b for i, b in enumerate(rest) if i % 3 != 2]
    captured = [b for i, b in enumerate(rest) if i % 3 == 2]
    assert (len(voided), len(captured)) == (BASKETS // 2, BASKETS // 4)
    await asyncio.gather(*(void(client, b.basket_id) for b in voided),
                         *(capture(client, b.basket_id) for b in captured))
    # (The ledger is checked once the expiring quarter is released: until then its burns are held.)
    during = await balance(client, account_id)
    kept = sum(1 for b in captured if b.coupon_results[0].applied)
    expiring_with = sum(1 for n in expiring if outcomes[n].coupon_results[0].applied)
    assert redis_count(stores, offer_id) == account_redis_count(stores, offer_id, account_id) == kept + expiring_with
    assert redemptions(stores, offer_id) == kept
    assert (during.posted_points, during.pending_points) == (1_000 - BURN * len(captured), BURN * len(expiring))

    deadline = time.monotonic() + EXPIRING_HOLD_S + 90  # The hold, then the server's sweep.
    while True:
        left = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
            account_id=account_id, states=[baskets.BASKET_STATE_AUTHORIZED]))
        if not left.baskets or time.monotonic() > deadline:
            break
        await asyncio.sleep(1)
    assert left.baskets == []
    # An EXPIRED basket's holds are released just after its event commits: wait for the sweep to
    # finish releasing (the counters are read one by one, so they must be at rest).
    while reservations_left(stores, offer_id, account_id) and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
    assert reservations_left(stores, offer_id, account_id) == 0
    expired = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_id=account_id, states=[baskets.BASKET_STATE_EXPIRED], page_size=500))
    assert {b.basket_id for b in expired.baskets} == {outcomes[n].basket_id for n in expiring}

    # Every counter equals the ledger: the offer's (in all and the account's) and the wallet's.
    assert redemptions(stores, offer_id) == redemptions_in_effect(stores, offer_id) == kept
    assert redis_count(stores, offer_id) == account_redis_count(stores, offer_id, account_id) == kept
    after = await balance(client, account_id)
    assert (after.posted_points, after.pending_points, after.available_points) == (
        1_000 - BURN * len(captured), 0, 1_000 - BURN * len(captured))
    check_ledger(stores.database_url, stores.redis_url)
