"""The README's "First coupon" walkthrough with the Python client (asyncio): a program, an account,
an offer (5 EUR off a bill of 20 EUR or more) with a series of 100 generated codes, a coupon issued
to the account, validated and redeemed at the till, a second redemption refused, and the redemption
reversed.

    .venv/bin/python clients/python/examples/first_coupon.py

against a running server (`make run`): REWARDS_TARGET (default localhost:50051), and the API client
in REWARDS_CREDENTIALS_FILE (the JSON `rewards-core clients create` prints) or REWARDS_ORG_ID,
REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET. Scopes: loyalty:admin, accounts:write, coupons:admin,
coupons:redeem, coupons:read. It prints (tests/e2e/test_client_walkthroughs.py checks it):

    generated 100 codes
    issued a coupon: COUPON_STATE_ACTIVE
    validated: redeemable, 500 EUR off
    redeemed: 500 EUR off
    redeemed again: COUPON_ALREADY_REDEEMED
    reversed: coupon COUPON_STATE_ACTIVE, 0 redemptions
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid

from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.coupons.v1 import coupon_service_pb2 as coupons_api
from rewards.coupons.v1 import offer_service_pb2 as offers_api
from rewards.coupons.v1 import resources_pb2 as coupons
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from rewards_client import Credentials, RewardsClient, errors


def eur(minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=minor, currency_code="EUR")


async def first_coupon(client: RewardsClient, out=sys.stdout) -> None:
    # A program (accounts and offers belong to one) and a customer's account. A new program each
    # run, so the walkthrough can be run again on the same server.
    program_id = "demo-" + uuid.uuid4().hex[:8]
    await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
        program_id=program_id, display_name="Demo", currency_code="EUR", time_zone="Europe/Berlin")))
    account_id = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(
            type=accounts.IDENTIFIER_TYPE_CARDCODE, value="CARD-" + uuid.uuid4().hex[:8])]))).account.account_id

    # An offer: 5 EUR off a bill of 20 EUR or more, at most 1,000 redemptions, with 100 generated codes.
    offer_id = (await client.call(client.offers.CreateOffer, offers_api.CreateOfferRequest(offer=coupons.Offer(
        program_id=program_id, display_name="5 EUR off", state=coupons.OFFER_STATE_ACTIVE,
        reward=coupons.Reward(kind=coupons.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=coupons.OfferRules(max_redemption_count=1000, min_bill_amount=eur(2000)))))).offer.offer_id
    series_id = (await client.call(client.offers.CreateCodeSeries, offers_api.CreateCodeSeriesRequest(
        code_series=coupons.CodeSeries(offer_id=offer_id, type=coupons.CODE_SERIES_TYPE_UNIQUE_GENERATED,
                                       length=10)))).code_series.code_series_id
    # GenerateCodes streams its progress; the last message is the total.
    progress = await client.stream(client.offers.GenerateCodes,
                                   offers_api.GenerateCodesRequest(code_series_id=series_id, count=100))
    print(f"generated {progress[-1].total_count} codes", file=out)

    # Issue a coupon to the account, check it at the till, redeem it, and take the redemption back.
    issued = await client.call(client.coupons.IssueCoupon,
                               coupons_api.IssueCouponRequest(offer_id=offer_id, account_id=account_id))
    print(f"issued a coupon: {coupons.CouponState.Name(issued.coupon.state)}", file=out)
    code = issued.coupon.code

    checked = await client.call(client.coupons.ValidateCoupon, coupons_api.ValidateCouponRequest(
        code=code, account_id=account_id, store_id="store-1", bill_amount=eur(4990)))
    discount = checked.reward.discount_amount
    print(f"validated: {'redeemable' if checked.redeemable else checked.reason},"
          f" {discount.amount_minor} {discount.currency_code} off", file=out)

    # The same request object on a retry carries the same request_id: the server replays the answer.
    redeem = coupons_api.RedeemCouponRequest(code=code, account_id=account_id, store_id="store-1",
                                             bill_amount=eur(4990))
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem)
    discount = redeemed.reward.discount_amount
    print(f"redeemed: {discount.amount_minor} {discount.currency_code} off", file=out)

    try:  # A new request (a new request_id): the coupon is used up.
        await client.call(client.coupons.RedeemCoupon, coupons_api.RedeemCouponRequest(
            code=code, account_id=account_id, store_id="store-1", bill_amount=eur(4990)))
        print("redeemed again: accepted", file=out)
    except errors.RewardsError as error:  # errors.FailedPrecondition; switch on the stable reason
        print(f"redeemed again: {error.reason}", file=out)

    await client.call(client.coupons.ReverseRedemption,
                      coupons_api.ReverseRedemptionRequest(redemption_id=redeemed.redemption_id))
    coupon = (await client.call(client.coupons.GetCoupon,
                                coupons_api.GetCouponRequest(code=code, account_id=account_id))).coupon
    print(f"reversed: coupon {coupons.CouponState.Name(coupon.state)}, {coupon.redemption_count} redemptions",
          file=out)

def credentials_from_env() -> Credentials:
    """REWARDS_CREDENTIALS_FILE (as `rewards-core clients create` prints it), else the three
    REWARDS_ORG_ID / REWARDS_CLIENT_ID / REWARDS_CLIENT_SECRET variables."""
    path = os.environ.get("REWARDS_CREDENTIALS_FILE")
    if path:
        with open(path) as file:
            created = json.loads(file.read())
        return Credentials(created["org_id"], created["client_id"], created["client_secret"])
    return Credentials(os.environ["REWARDS_ORG_ID"], os.environ["REWARDS_CLIENT_ID"],
                       os.environ["REWARDS_CLIENT_SECRET"])


async def main() -> None:
    target = os.environ.get("REWARDS_TARGET", "localhost:50051")
    async with RewardsClient.connect(target, credentials_from_env()) as client:
        await first_coupon(client)


if __name__ == "__main__":
    asyncio.run(main())
