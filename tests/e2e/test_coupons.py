"""Coupons over gRPC: an offer with a common code, redemption under races and retries, reversal."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import psycopg
import pytest
from google.protobuf import timestamp_pb2
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient, errors
from tests.e2e.builders import eur, new_offer, offer_with_code, reason_of, redeem
from tests.e2e.coupon_accounts import new_account, new_accounts



async def offer_without_code(client: RewardsClient, **rules) -> str:
    """An offer with no code series: IssueCoupon makes a unique code for each coupon."""
    return await new_offer(client, **rules)


def ledger_rows(stores, offer_id: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s",
                                  (offer_id,)).fetchone()[0]


async def test_a_common_code_is_redeemed_with_its_discount(client, stores):
    offer_id, code = await offer_with_code(client)

    response = await client.call(client.coupons.RedeemCoupon, redeem(code, await new_account(client)))

    assert response.redemption_id and response.reward.discount_amount == eur(500)
    assert response.coupon.offer_id == offer_id and ledger_rows(stores, offer_id) == 1


async def test_500_concurrent_redemptions_with_a_global_limit_of_100_let_exactly_100_through(client, stores):
    offer_id, code = await offer_with_code(client, max_redemption_count=100)
    accounts = await new_accounts(client, 500)

    reasons = await asyncio.gather(*(reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account)))
                                     for account in accounts))

    assert reasons.count(None) == 100
    assert set(reasons) == {None, "REDEMPTION_LIMIT_REACHED"}
    assert ledger_rows(stores, offer_id) == 100


async def test_the_same_request_id_100_times_redeems_once_with_identical_replies(client, stores):
    offer_id, code = await offer_with_code(client)
    request = redeem(code, await new_account(client), request_id=uuid.uuid4().hex)

    replies = await asyncio.gather(*(client.call(client.coupons.RedeemCoupon, request) for _ in range(100)),
                                   return_exceptions=True)
    # A caller that waited IDEMPOTENCY_WAIT_MS_MAX for the first execution (a loaded machine) is
    # answered REQUEST_IN_FLIGHT, as documented; its retry gets the first reply.
    in_flight = [reply for reply in replies if isinstance(reply, Exception)]
    retried = [await replayed(client, request) for _ in in_flight]
    answered = [reply for reply in replies if not isinstance(reply, Exception)] + retried

    assert all(isinstance(error, errors.RewardsError) and error.reason == "REQUEST_IN_FLIGHT" for error in in_flight)
    assert len(answered) == 100 and all(reply == answered[0] for reply in answered)
    assert ledger_rows(stores, offer_id) == 1


async def replayed(client: RewardsClient, request, attempts: int = 60):
    """The reply to a retry of `request`, once its first execution has finished (bounded)."""
    for _ in range(attempts):
        try:
            return await client.call(client.coupons.RedeemCoupon, request)
        except errors.RewardsError as error:
            if error.reason != "REQUEST_IN_FLIGHT":
                raise
            await asyncio.sleep(0.5)
    raise AssertionError(f"still in flight after {attempts} retries")


async def test_a_reversal_gives_the_use_back_once(client):
    _, code = await offer_with_code(client, max_account_redemption_count=1)
    account = await new_account(client)
    first = await client.call(client.coupons.RedeemCoupon, redeem(code, account))
    reverse = coupons.ReverseRedemptionRequest(redemption_id=first.redemption_id)

    await client.call(client.coupons.ReverseRedemption, reverse)
    again = await reason_of(client.call(client.coupons.ReverseRedemption,
                                        coupons.ReverseRedemptionRequest(redemption_id=first.redemption_id)))
    await client.call(client.coupons.RedeemCoupon, redeem(code, account))

    assert again == "REDEMPTION_ALREADY_REVERSED"
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account))) == \
        "ACCOUNT_REDEMPTION_LIMIT_REACHED"


async def test_an_offer_past_its_end_is_failed_precondition(client):
    ended = timestamp_pb2.Timestamp()
    ended.FromDatetime(dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
    _, code = await offer_with_code(client, end_time=ended)

    with pytest.raises(errors.FailedPrecondition) as refused:
        await client.call(client.coupons.RedeemCoupon, redeem(code, await new_account(client)))

    assert refused.value.reason == "OFFER_ENDED" and refused.value.domain == "rewards.coupons"


@pytest.mark.parametrize("bill, reason", [(999, "BILL_AMOUNT_TOO_LOW"), (1_000, None), (5_000, None),
                                          (5_001, "BILL_AMOUNT_TOO_HIGH")])
async def test_bill_bounds_are_inclusive(client, bill, reason):
    _, code = await offer_with_code(client, min_bill_amount=eur(1_000), max_bill_amount=eur(5_000))

    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await new_account(client),
                                                                             bill=bill))) == reason


@pytest.mark.parametrize("change, reason, field", [
    ({"code": ""}, "FIELD_REQUIRED", "code"), ({"account_id": "x"}, "FIELD_INVALID", "account_id"),
    ({"store_id": ""}, "FIELD_REQUIRED", "store_id")])
async def test_bad_redeem_input_is_invalid_argument(client, change, reason, field):
    request = redeem("ANY", str(uuid.uuid4()))
    for name, value in change.items():
        setattr(request, name, value)

    with pytest.raises(errors.InvalidArgument) as invalid:
        await client.call(client.coupons.RedeemCoupon, request)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


async def test_an_unknown_code_is_not_found(client):
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.coupons.RedeemCoupon, redeem("NO-SUCH-CODE", await new_account(client)))

    assert missing.value.reason == "COUPON_NOT_FOUND"


async def test_a_common_code_taken_by_another_offer_is_already_exists(client):
    _, code = await offer_with_code(client)
    other = await offer_without_code(client)

    with pytest.raises(errors.AlreadyExists) as taken:
        await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
            code_series=resources.CodeSeries(offer_id=other, type=resources.CODE_SERIES_TYPE_COMMON,
                                             common_code=code)))

    assert taken.value.reason == "CODE_ALREADY_EXISTS"




async def test_validate_lists_every_failing_rule_and_reserves_nothing(client, stores):
    ended = timestamp_pb2.Timestamp()
    ended.FromDatetime(dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
    offer_id, code = await offer_with_code(client, end_time=ended, store_ids=["other-store"],
                                           min_bill_amount=eur(10_000))

    result = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=code, account_id=await new_account(client), store_id="store-1", bill_amount=eur(2_000)))

    assert not result.redeemable and result.reason == "OFFER_ENDED"
    assert list(result.reasons) == ["OFFER_ENDED", "OFFER_STORE_NOT_ALLOWED", "BILL_AMOUNT_TOO_LOW"]
    assert ledger_rows(stores, offer_id) == 0


async def test_validate_reports_limits_and_what_a_redemption_would_give(client):
    _, code = await offer_with_code(client, max_account_redemption_count=1)
    account = await new_account(client)
    validate = coupons.ValidateCouponRequest(code=code, account_id=account, store_id="store-1", bill_amount=eur(2_000))

    before = await client.call(client.coupons.ValidateCoupon, validate)
    await client.call(client.coupons.RedeemCoupon, redeem(code, account))
    after = await client.call(client.coupons.ValidateCoupon, validate)
    unknown = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code="NOPE-" + uuid.uuid4().hex, account_id=account, store_id="store-1", bill_amount=eur(1)))

    assert before.redeemable and before.reward.discount_amount == eur(500) and not before.reasons
    assert (after.redeemable, list(after.reasons)) == (False, ["ACCOUNT_REDEMPTION_LIMIT_REACHED"])
    assert (unknown.redeemable, unknown.reason) == (False, "COUPON_NOT_FOUND")


async def test_a_deactivated_offer_cannot_be_redeemed_until_activated_again(client):
    offer_id, code = await offer_with_code(client)

    account = await new_account(client)
    inactive = await client.call(client.offers.DeactivateOffer, offers.DeactivateOfferRequest(offer_id=offer_id))
    refused = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account)))
    await client.call(client.offers.ActivateOffer, offers.ActivateOfferRequest(offer_id=offer_id))
    await client.call(client.coupons.RedeemCoupon, redeem(code, account))
    read = await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))

    assert inactive.offer.state == resources.OFFER_STATE_INACTIVE and refused == "OFFER_NOT_ACTIVE"
    assert read.offer.state == resources.OFFER_STATE_ACTIVE and read.offer.redeemed_count == 1
    assert read.offer.display_name == "5 EUR off" and read.offer.reward.discount_amount == eur(500)


async def test_get_offer_of_an_unknown_id_is_not_found(client):
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=str(uuid.uuid4())))

    assert missing.value.reason == "OFFER_NOT_FOUND"


async def test_an_issued_coupon_is_read_back_and_redeemed_once_by_its_holder(client):
    offer_id = await offer_without_code(client, max_account_issue_count=1)
    account = await new_account(client)

    issued = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account))).coupon
    again = await reason_of(client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account)))
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(issued.code, account))
    second = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(issued.code, account)))
    stranger = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(issued.code,
                                                                                await new_account(client))))
    read = (await client.call(client.coupons.GetCoupon, coupons.GetCouponRequest(
        code=issued.code, account_id=account))).coupon

    assert len(issued.code) == 10 and issued.state == resources.COUPON_STATE_ACTIVE
    assert again == "ISSUE_LIMIT_PER_CUSTOMER_REACHED"
    assert redeemed.reward.discount_amount == eur(500)
    assert (second, stranger) == ("COUPON_ALREADY_REDEEMED", "COUPON_NOT_FOUND")
    assert (read.state, read.redemption_count, read.coupon_id) == (resources.COUPON_STATE_REDEEMED, 1, issued.coupon_id)


async def test_issuing_from_an_unknown_offer_is_not_found(client):
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
            offer_id=str(uuid.uuid4()), account_id=await new_account(client)))

    assert missing.value.reason == "OFFER_NOT_FOUND"
