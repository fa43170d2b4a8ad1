"""What a redemption gives, as the checkout is told over gRPC: the reward's real kind, the
discount (a percentage capped, a fixed amount) and, for a free item, its sku."""

from __future__ import annotations

import uuid

import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient
from tests.e2e.coupon_accounts import PROGRAM, new_account
from tests.e2e.builders import eur, reason_of, redeem
from tests.e2e.test_points import earn, new_program


async def offer_with(client: RewardsClient, reward: resources.Reward, program_id: str = PROGRAM) -> tuple[str, str]:
    """An ACTIVE offer with this reward and a common code."""
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id=program_id, display_name="reward", state=resources.OFFER_STATE_ACTIVE, reward=reward)))
    code = "RW" + uuid.uuid4().hex[:10].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=created.offer.offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return created.offer.offer_id, code


def validate(code: str, account: str, bill: int) -> coupons.ValidateCouponRequest:
    return coupons.ValidateCouponRequest(code=code, account_id=account, store_id="store-1", bill_amount=eur(bill))


@pytest.mark.parametrize("bill, discount", [(1_000, 100), (1_500, 150), (1_501, 150), (5_000, 150)])
async def test_a_percent_discount_is_rounded_down_and_capped(client, bill, discount):
    _, code = await offer_with(client, resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_PERCENT,
                                                       discount_percent_bps=1_000, discount_amount_max=eur(150)))
    account = await new_account(client)

    validation = await client.call(client.coupons.ValidateCoupon, validate(code, account, bill))
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(code, account, bill=bill))

    for reward in (validation.reward, redeemed.reward):
        assert reward.kind == resources.REWARD_KIND_DISCOUNT_PERCENT
        assert reward.discount_amount == eur(discount) and not reward.free_item_sku


async def test_a_fixed_discount_never_exceeds_the_bill(client):
    _, code = await offer_with(client, resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT,
                                                       discount_amount=eur(500)))
    account = await new_account(client)

    full = await client.call(client.coupons.RedeemCoupon, redeem(code, account, bill=2_000))
    small = await client.call(client.coupons.RedeemCoupon, redeem(code, account, bill=300))

    assert (full.reward.kind, full.reward.discount_amount) == (resources.REWARD_KIND_DISCOUNT_AMOUNT, eur(500))
    assert small.reward.discount_amount == eur(300)


async def test_a_free_item_redemption_names_its_sku(client):
    offer_id, code = await offer_with(client, resources.Reward(kind=resources.REWARD_KIND_FREE_ITEM,
                                                              free_item_sku="SKU-COFFEE-1"))
    account = await new_account(client)

    read = await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))
    validation = await client.call(client.coupons.ValidateCoupon, validate(code, account, 2_000))
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(code, account))

    assert (read.offer.reward.kind, read.offer.reward.free_item_sku) == (resources.REWARD_KIND_FREE_ITEM,
                                                                          "SKU-COFFEE-1")
    for reward in (validation.reward, redeemed.reward):
        assert (reward.kind, reward.free_item_sku) == (resources.REWARD_KIND_FREE_ITEM, "SKU-COFFEE-1")
        assert reward.discount_amount == eur(0)


@pytest.mark.parametrize("sku, reason", [("", "FIELD_REQUIRED"), ("S" * 65, "FIELD_TOO_LONG"),
                                         (" SKU", "FIELD_INVALID"), ("S" * 64, None)])
async def test_a_free_item_needs_a_bounded_sku(client, sku, reason):
    refused = await reason_of(client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id=PROGRAM, display_name="free", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_FREE_ITEM, free_item_sku=sku)))))

    assert refused == reason


async def test_a_reward_bought_with_points_gives_its_discount_and_its_item(client):
    program_id = await new_program(client)
    account = await new_account(client, program_id)
    await earn(client, account, 100_000)  # 1,000 points
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id=program_id, display_name="3 EUR and a mug for 300 points", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_REWARD, price_points=300, discount_amount=eur(300),
                                free_item_sku="SKU-MUG"))))
    coupon = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=created.offer.offer_id, account_id=account))).coupon

    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, account))

    assert created.offer.reward.free_item_sku == "SKU-MUG"
    assert (redeemed.reward.kind, redeemed.reward.discount_amount, redeemed.reward.free_item_sku) == (
        resources.REWARD_KIND_REWARD, eur(300), "SKU-MUG")
