"""EXTRAPOINT and MULTIPLIER coupons apply by themselves over gRPC: a purchase applies the account's
held, valid (and, if the offer needs it, activated) coupons of those kinds without the checkout
listing them, once each, in the documented order (listed codes, then EXTRAPOINT before
MULTIPLIER), checking every offer rule as for a listed code; a listed code still works and is not
applied twice; the reply names the applied coupons; a retry replays; a full refund gives them
back. The ledger balances and Redis agrees with it after each test."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupon_api
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as coupons
from rewards.loyalty.v1 import loyalty_service_pb2 as api

from rewards_client import errors
from tests.e2e.test_points import balance, earn, eur, new_account, new_program, redeemed_count
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture
async def program(client):
    return await new_program(client)


@pytest.fixture
async def account(client, program):
    return await new_account(client, program)


async def earn_offer(client, program_id: str, *, state=coupons.OFFER_STATE_ACTIVE, **fields) -> str:
    """An offer without codes (IssueCoupon makes a unique code per coupon) whose reward applies at earn."""
    reward = {k: fields.pop(k) for k in ("extra_points", "points_multiplier_bps") if k in fields}
    kind = coupons.REWARD_KIND_EXTRAPOINT if "extra_points" in reward else coupons.REWARD_KIND_MULTIPLIER
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=coupons.Offer(
        display_name="earn coupon", program_id=program_id, state=state, reward=coupons.Reward(kind=kind, **reward),
        rules=coupons.OfferRules(**fields))))
    return created.offer.offer_id


async def issue(client, offer_id: str, account_id: str) -> coupons.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupon_api.IssueCouponRequest(
        offer_id=offer_id, account_id=account_id))).coupon


def applied(reply) -> list[tuple[str, bool]]:
    return [(c.code, c.automatic) for c in reply.applied_coupons]


async def test_a_held_extrapoint_coupon_applies_by_itself_once(client, program, account):
    offer_id = await earn_offer(client, program, extra_points=50)
    coupon = await issue(client, offer_id, account)

    first = await earn(client, account, 10_000)
    second = await earn(client, account, 10_000)

    assert (first.transaction.regular_points, first.transaction.reward_points, first.transaction.points) == (100, 50, 150)
    assert applied(first) == [(coupon.code, True)]
    assert first.applied_coupons[0].offer_id == offer_id
    assert first.applied_coupons[0].coupon_id == coupon.coupon_id
    assert (second.transaction.points, applied(second)) == (100, [])
    assert await redeemed_count(client, offer_id) == 1
    assert (await balance(client, account)).posted_points == 250


async def test_extrapoint_applies_before_multiplier_and_a_listed_code_is_not_applied_twice(client, program, account):
    multiplier_offer = await earn_offer(client, program, points_multiplier_bps=20_000)
    extra_offer = await earn_offer(client, program, extra_points=30)
    later_extra_offer = await earn_offer(client, program, extra_points=5)
    multiplier = await issue(client, multiplier_offer, account)
    extra = await issue(client, extra_offer, account)
    later = await issue(client, later_extra_offer, account)

    reply = await earn(client, account, 10_000, coupon_codes=[later.code])

    # Listed first; then EXTRAPOINT before MULTIPLIER (issue order within a kind).
    assert applied(reply) == [(later.code, False), (extra.code, True), (multiplier.code, True)]
    # 100 regular, x2 gives 100 more, +30 +5.
    assert (reply.transaction.regular_points, reply.transaction.reward_points) == (100, 135)
    for offer_id in (multiplier_offer, extra_offer, later_extra_offer):
        assert await redeemed_count(client, offer_id) == 1


async def test_coupons_that_are_not_valid_now_do_not_apply(client, program, account):
    other_program = await new_program(client)
    other_account = await new_account(client, program)
    not_activated = await issue(client, await earn_offer(client, program, extra_points=1, activation_required=True),
                                account)
    revoked_offer = await earn_offer(client, program, extra_points=2)
    revoked = await issue(client, revoked_offer, account)
    await client.call(client.offers.RevokeCoupons, offers.RevokeCouponsRequest(
        offer_id=revoked_offer, mode=offers.REVOCATION_MODE_CUSTOMERS, account_ids=[account]))
    too_small_bill = await issue(client, await earn_offer(client, program, extra_points=4, min_bill_amount=eur(50_000)),
                                 account)
    elsewhere = await issue(client, await earn_offer(client, program, extra_points=8, store_ids=["store-9"]), account)
    await issue(client, await earn_offer(client, program, extra_points=16), other_account)
    # A coupon of another program's offer cannot even be issued to the account (ACCOUNT_NOT_FOUND).
    with pytest.raises(errors.NotFound):
        await issue(client, await earn_offer(client, other_program, extra_points=32), account)
    discount = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=coupons.Offer(
        display_name="5 EUR off", program_id=program, state=coupons.OFFER_STATE_ACTIVE,
        reward=coupons.Reward(kind=coupons.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)))))
    await issue(client, discount.offer.offer_id, account)

    reply = await earn(client, account, 10_000)

    assert (applied(reply), reply.transaction.points) == ([], 100)
    assert revoked.code and too_small_bill.code and elsewhere.code

    # Once activated, the coupon that needed it applies by itself.
    await client.call(client.coupons.ActivateCoupon, coupon_api.ActivateCouponRequest(
        code=not_activated.code, account_id=account))
    activated = await earn(client, account, 10_000)
    assert applied(activated) == [(not_activated.code, True)]
    assert activated.transaction.points == 101


async def test_a_retry_replays_the_applied_coupons_and_a_full_refund_gives_them_back(client, program, account):
    offer_id = await earn_offer(client, program, extra_points=50)
    coupon = await issue(client, offer_id, account)
    request_id = uuid.uuid4().hex

    first = await earn(client, account, 10_000, request_id=request_id, transaction_id="t-1")
    retried = await earn(client, account, 10_000, request_id=request_id, transaction_id="t-1")

    assert retried == first
    assert applied(first) == [(coupon.code, True)]
    assert await redeemed_count(client, offer_id) == 1
    await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=first.transaction.points_transaction_id))
    assert await redeemed_count(client, offer_id) == 0
    again = await earn(client, account, 10_000)
    assert applied(again) == [(coupon.code, True)]
    assert (await balance(client, account)).posted_points == 150


async def test_concurrent_purchases_apply_a_held_coupon_once(client, program, account):
    offer_id = await earn_offer(client, program, extra_points=50)
    coupon = await issue(client, offer_id, account)

    replies = await asyncio.gather(*(earn(client, account, 1_000) for _ in range(8)))

    assert sum(len(reply.applied_coupons) for reply in replies) == 1
    assert [c.code for reply in replies for c in reply.applied_coupons] == [coupon.code]
    assert await redeemed_count(client, offer_id) == 1
    assert (await balance(client, account)).posted_points == 8 * 10 + 50
