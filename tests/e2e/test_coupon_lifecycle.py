"""Issued coupons over gRPC: expiry per mode in the offer's time zone, activation, revocation
(bulk and single, racing redemptions), an account's coupons page by page."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from google.protobuf import duration_pb2, timestamp_pb2
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient, errors
from tests.e2e import builders
from tests.e2e.coupon_accounts import new_account
from tests.e2e.builders import eur, reason_of, redeem

NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.timezone.utc



def ts(value: dt.datetime) -> timestamp_pb2.Timestamp:
    message = timestamp_pb2.Timestamp()
    message.FromDatetime(value)
    return message


def when(message: timestamp_pb2.Timestamp) -> dt.datetime:
    return message.ToDatetime(UTC)


async def new_offer(client: RewardsClient, **rules) -> str:
    return await builders.new_offer(client, discount_minor=300, **rules)


async def issue(client: RewardsClient, offer_id: str, account: str | None = None) -> resources.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account or await new_account(client)))).coupon


async def get(client: RewardsClient, coupon: resources.Coupon) -> resources.Coupon:
    return (await client.call(client.coupons.GetCoupon, coupons.GetCouponRequest(
        code=coupon.code, account_id=coupon.account_id))).coupon


def next_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), NEW_YORK).astimezone(UTC)


def first_of_month_after(issued: dt.datetime, months: int) -> dt.datetime:
    """00:00 New York time on the first day after the end of the month `months` after issue."""
    local = issued.astimezone(NEW_YORK)
    year, month = divmod(local.year * 12 + local.month - 1 + months + 1, 12)
    return dt.datetime(year, month + 1, 1, tzinfo=NEW_YORK).astimezone(UTC)


# Each mode's expected expire_time, from the issue time the server returned (New York time).
EXPECTED = {
    resources.EXPIRY_MODE_RELATIVE_TO_ISSUE: lambda issued: issued + dt.timedelta(minutes=90),
    resources.EXPIRY_MODE_END_OF_DAY: lambda issued: next_midnight(issued.astimezone(NEW_YORK).date()),
    resources.EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY:
        lambda issued: next_midnight((issued.astimezone(NEW_YORK) + dt.timedelta(days=3)).date()),
    resources.EXPIRY_MODE_MONTH_END_AFTER_ISSUE: lambda issued: first_of_month_after(issued, months=2),
}
VALIDITY = {
    resources.EXPIRY_MODE_RELATIVE_TO_ISSUE: {"coupon_validity": duration_pb2.Duration(seconds=5_400)},
    resources.EXPIRY_MODE_END_OF_DAY: {},
    resources.EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY: {"coupon_validity": duration_pb2.Duration(seconds=3 * 86_400)},
    resources.EXPIRY_MODE_MONTH_END_AFTER_ISSUE: {"coupon_validity_months": 2},
}


@pytest.mark.parametrize("mode", sorted(EXPECTED))
async def test_each_expiry_mode_sets_the_expire_time_in_the_offers_time_zone(client, mode):
    end = dt.datetime.now(UTC) + dt.timedelta(days=400)
    offer_id = await new_offer(client, expiry_mode=mode, time_zone="America/New_York", end_time=ts(end),
                               **VALIDITY[mode])

    coupon = await issue(client, offer_id)
    offer = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer

    assert when(coupon.expire_time) == EXPECTED[mode](when(coupon.issue_time))
    assert (offer.rules.expiry_mode, offer.rules.time_zone) == (mode, "America/New_York")


async def test_with_the_offer_a_coupon_expires_at_the_offers_end(client):
    end = dt.datetime.now(UTC).replace(microsecond=0) + dt.timedelta(days=10)
    offer_id = await new_offer(client, expiry_mode=resources.EXPIRY_MODE_FIXED_END, end_time=ts(end))

    assert when((await issue(client, offer_id)).expire_time) == end


async def test_the_offers_end_caps_every_coupon_expiry(client):
    end = dt.datetime.now(UTC).replace(microsecond=0) + dt.timedelta(hours=2)
    offer_id = await new_offer(client, expiry_mode=resources.EXPIRY_MODE_MONTH_END_AFTER_ISSUE,
                               coupon_validity_months=3, time_zone="Europe/Berlin", end_time=ts(end))

    assert when((await issue(client, offer_id)).expire_time) == end


async def test_a_coupon_past_its_expire_time_is_expired(client):
    offer_id = await new_offer(client, expiry_mode=resources.EXPIRY_MODE_RELATIVE_TO_ISSUE,
                               coupon_validity=duration_pb2.Duration(seconds=1))
    coupon = await issue(client, offer_id)
    await asyncio.sleep((when(coupon.expire_time) - dt.datetime.now(UTC)).total_seconds() + 0.05)

    with pytest.raises(errors.FailedPrecondition) as expired:
        await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id))

    assert expired.value.reason == "COUPON_EXPIRED"
    assert (await get(client, coupon)).state == resources.COUPON_STATE_EXPIRED


@pytest.mark.parametrize("rules, reason, field", [
    ({"time_zone": "Europe/Atlantis"}, "FIELD_INVALID", "offer.rules.time_zone"),
    ({"expiry_mode": resources.EXPIRY_MODE_RELATIVE_TO_ISSUE}, "FIELD_REQUIRED", "offer.rules.coupon_validity"),
    ({"expiry_mode": resources.EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY,
      "coupon_validity": duration_pb2.Duration(seconds=3661 * 86_400)}, "FIELD_OUT_OF_RANGE",
     "offer.rules.coupon_validity"),
    ({"expiry_mode": resources.EXPIRY_MODE_RELATIVE_TO_ISSUE,
      "coupon_validity": duration_pb2.Duration(seconds=1, nanos=5)},
     "FIELD_INVALID", "offer.rules.coupon_validity"),
    ({"expiry_mode": resources.EXPIRY_MODE_MONTH_END_AFTER_ISSUE, "coupon_validity_months": 121}, "FIELD_OUT_OF_RANGE",
     "offer.rules.coupon_validity_months"),
    ({"expiry_mode": 99}, "FIELD_INVALID", "offer.rules.expiry_mode"),
])
async def test_bad_expiry_rules_are_invalid_argument(client, rules, reason, field):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await new_offer(client, **rules)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


async def test_a_coupon_needing_activation_is_redeemed_once_the_customer_activated_it(client):
    offer_id = await new_offer(client, activation_required=True)
    coupon = await issue(client, offer_id)
    activate = coupons.ActivateCouponRequest(request_id=uuid.uuid4().hex, code=coupon.code,
                                             account_id=coupon.account_id)
    validate = coupons.ValidateCouponRequest(code=coupon.code, account_id=coupon.account_id, store_id="store-1",
                                             bill_amount=eur(2_000))

    with pytest.raises(errors.FailedPrecondition) as waiting:
        await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id))
    before = await client.call(client.coupons.ValidateCoupon, validate)
    first, retry = [await client.call(client.coupons.ActivateCoupon, activate) for _ in range(2)]
    after = await client.call(client.coupons.ValidateCoupon, validate)
    await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id))

    assert coupon.state == resources.COUPON_STATE_ISSUED and not coupon.HasField("activate_time")
    assert waiting.value.reason == "COUPON_NOT_ACTIVATED"
    assert list(before.reasons) == ["COUPON_NOT_ACTIVATED"] and before.coupon.state == resources.COUPON_STATE_ISSUED
    assert first == retry and first.coupon.state == resources.COUPON_STATE_ACTIVE
    assert first.coupon.activate_time == first.coupon.state_change_time
    assert after.redeemable and (await get(client, coupon)).state == resources.COUPON_STATE_REDEEMED


async def test_activating_a_coupon_that_needs_none_changes_nothing(client):
    coupon = await issue(client, await new_offer(client))

    activated = await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
        code=coupon.code, account_id=coupon.account_id))

    assert activated.coupon == coupon


@pytest.mark.parametrize("change, error, reason", [
    ({"code": ""}, errors.InvalidArgument, "FIELD_REQUIRED"),
    ({"account_id": "not-a-uuid"}, errors.InvalidArgument, "FIELD_INVALID"),
    ({"account_id": str(uuid.UUID(int=7))}, errors.NotFound, "COUPON_NOT_FOUND"),
    ({"code": "NO-SUCH-CODE"}, errors.NotFound, "COUPON_NOT_FOUND"),
])
async def test_bad_activation_requests_are_refused_and_change_nothing(client, change, error, reason):
    coupon = await issue(client, await new_offer(client, activation_required=True))
    request = coupons.ActivateCouponRequest(code=coupon.code, account_id=coupon.account_id)
    for name, value in change.items():
        setattr(request, name, value)

    with pytest.raises(error) as refused:
        await client.call(client.coupons.ActivateCoupon, request)

    assert refused.value.reason == reason
    assert (await get(client, coupon)).state == resources.COUPON_STATE_ISSUED


async def test_a_redeemed_or_revoked_coupon_cannot_be_activated(client):
    offer_id = await new_offer(client)
    account = await new_account(client)
    used, revoked = await issue(client, offer_id, account), await issue(client, offer_id, account)
    await client.call(client.coupons.RedeemCoupon, redeem(used.code, account))
    await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(code=revoked.code, account_id=account))

    reasons = [await reason_of(client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
        code=coupon.code, account_id=account))) for coupon in (used, revoked)]

    assert reasons == ["COUPON_ALREADY_REDEEMED", "COUPON_REVOKED"]


def revoke(offer_id: str, mode: int, accounts=(), request_id: str = "") -> offers.RevokeCouponsRequest:
    return offers.RevokeCouponsRequest(request_id=request_id, offer_id=offer_id, mode=mode, account_ids=list(accounts))


async def test_revoking_all_unredeemed_coupons_leaves_the_redeemed_ones(client):
    offer_id = await new_offer(client)
    account = await new_account(client)
    used, spare, other = [await issue(client, offer_id, account) for _ in range(3)]
    redemption = await client.call(client.coupons.RedeemCoupon, redeem(used.code, account))
    request = revoke(offer_id, offers.REVOCATION_MODE_ALL_UNREDEEMED, request_id=uuid.uuid4().hex)

    first, retry = [await client.call(client.offers.RevokeCoupons, request) for _ in range(2)]
    refused = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(spare.code, account)))
    revoked, kept = await get(client, spare), await get(client, used)
    await client.call(client.coupons.ReverseRedemption, coupons.ReverseRedemptionRequest(
        redemption_id=redemption.redemption_id))

    assert first == retry and (first.revoked_count, first.redeemed_count) == (2, 1)
    assert refused == "COUPON_REVOKED"
    assert revoked.state == resources.COUPON_STATE_REVOKED and revoked.revoke_time == first.revoke_time
    assert revoked.state_change_time == first.revoke_time
    assert kept.state == resources.COUPON_STATE_REDEEMED and not kept.HasField("revoke_time")
    assert (await get(client, used)).reversed  # A redeemed coupon stays reversible.
    assert (await get(client, other)).state == resources.COUPON_STATE_REVOKED


async def test_revoking_customers_revokes_only_their_coupons(client):
    offer_id = await new_offer(client)
    listed, unlisted = await new_account(client), await new_account(client)
    theirs, others = await issue(client, offer_id, listed), await issue(client, offer_id, unlisted)

    result = await client.call(client.offers.RevokeCoupons, revoke(offer_id, offers.REVOCATION_MODE_CUSTOMERS,
                                                                   [listed, str(uuid.uuid4())]))
    unissued = await client.call(client.offers.RevokeCoupons, revoke(offer_id, offers.REVOCATION_MODE_UNISSUED_ONLY))

    assert (result.revoked_count, unissued.revoked_count) == (1, 0)
    assert (await get(client, theirs)).state == resources.COUPON_STATE_REVOKED
    assert (await get(client, others)).state == resources.COUPON_STATE_ACTIVE


async def test_a_reused_revocation_request_id_with_other_parameters_is_already_exists(client):
    offer_id = await new_offer(client)
    request_id = uuid.uuid4().hex
    await client.call(client.offers.RevokeCoupons, revoke(offer_id, offers.REVOCATION_MODE_UNISSUED_ONLY,
                                                          request_id=request_id))

    with pytest.raises(errors.AlreadyExists) as reused:
        await client.call(client.offers.RevokeCoupons, revoke(offer_id, offers.REVOCATION_MODE_ALL_UNREDEEMED,
                                                              request_id=request_id))

    assert reused.value.reason == "IDEMPOTENCY_KEY_REUSED"


@pytest.mark.parametrize("mode, accounts, note, reason, field", [
    (offers.REVOCATION_MODE_UNSPECIFIED, [], "", "FIELD_REQUIRED", "mode"),
    (7, [], "", "FIELD_INVALID", "mode"),
    (offers.REVOCATION_MODE_CUSTOMERS, [], "", "FIELD_REQUIRED", "account_ids"),
    (offers.REVOCATION_MODE_ALL_UNREDEEMED, [str(uuid.uuid4())], "", "FIELD_INVALID", "account_ids"),
    (offers.REVOCATION_MODE_CUSTOMERS, ["nope"], "", "FIELD_INVALID", "account_ids[0]"),
    (offers.REVOCATION_MODE_CUSTOMERS, [str(uuid.UUID(int=1))] * 2, "", "FIELD_INVALID", "account_ids"),
    (offers.REVOCATION_MODE_CUSTOMERS, [str(uuid.uuid4()) for _ in range(1001)], "", "FIELD_TOO_LONG",
     "account_ids"),
    (offers.REVOCATION_MODE_ALL_UNREDEEMED, [], "x" * 257, "FIELD_TOO_LONG", "note"),
])
async def test_bad_revocation_requests_are_invalid_argument_and_revoke_nothing(client, mode, accounts, note, reason,
                                                                              field):
    offer_id = await new_offer(client)
    coupon = await issue(client, offer_id)
    request = revoke(offer_id, mode, accounts)
    request.note = note

    with pytest.raises(errors.InvalidArgument) as invalid:
        await client.call(client.offers.RevokeCoupons, request)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)
    assert (await get(client, coupon)).state == resources.COUPON_STATE_ACTIVE


async def test_revoking_coupons_of_an_unknown_offer_is_not_found(client):
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.offers.RevokeCoupons, revoke(str(uuid.uuid4()), offers.REVOCATION_MODE_ALL_UNREDEEMED))

    assert missing.value.reason == "OFFER_NOT_FOUND"


async def test_a_revoked_coupons_redemption_is_never_reversed(client):
    offer_id = await new_offer(client)
    coupon = await issue(client, offer_id)
    redemption = await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id))
    refused = await reason_of(client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(
        code=coupon.code, account_id=coupon.account_id)))
    await client.call(client.coupons.ReverseRedemption, coupons.ReverseRedemptionRequest(
        redemption_id=redemption.redemption_id))

    revoked = await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(
        code=coupon.code, account_id=coupon.account_id))
    again = await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(
        code=coupon.code, account_id=coupon.account_id))
    reversal = await reason_of(client.call(client.coupons.ReverseRedemption, coupons.ReverseRedemptionRequest(
        redemption_id=redemption.redemption_id)))

    assert refused == "COUPON_ALREADY_REDEEMED"
    assert revoked.coupon.state == resources.COUPON_STATE_REVOKED and again.coupon == revoked.coupon
    assert reversal == "COUPON_REVOKED"


async def test_every_coupon_is_either_redeemed_or_revoked_when_a_revocation_races_redemptions(client):
    offer_id = await new_offer(client)
    issued = [await issue(client, offer_id) for _ in range(30)]
    redemptions = [reason_of(client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id)))
                   for coupon in issued]

    outcomes = await asyncio.gather(*redemptions[:15], client.call(client.offers.RevokeCoupons, revoke(
        offer_id, offers.REVOCATION_MODE_ALL_UNREDEEMED)), *redemptions[15:])
    revocation = outcomes.pop(15)
    states = [(await get(client, coupon)).state for coupon in issued]

    assert set(outcomes) <= {None, "COUPON_REVOKED"}
    assert (revocation.revoked_count, revocation.redeemed_count) == (outcomes.count("COUPON_REVOKED"),
                                                                     outcomes.count(None))
    assert states == [resources.COUPON_STATE_REDEEMED if outcome is None else resources.COUPON_STATE_REVOKED
                      for outcome in outcomes]


async def test_an_accounts_coupons_are_listed_newest_first_page_by_page_with_redemption_counts(client):
    offer_id, other_offer = await new_offer(client), await new_offer(client)
    account = await new_account(client)
    issued = [await issue(client, offer_id, account) for _ in range(4)] + [await issue(client, other_offer, account)]
    await client.call(client.coupons.RedeemCoupon, redeem(issued[0].code, account))
    stranger = await issue(client, offer_id)
    await client.call(client.coupons.RedeemCoupon, redeem(stranger.code, stranger.account_id))

    pages, token = [], ""
    while True:
        page = await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
            account_id=account, page_size=2, page_token=token))
        pages.append(page.coupons)
        if not (token := page.next_page_token):
            break
    listed = [coupon for page in pages for coupon in page]
    of_offer = await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
        account_id=account, offer_id=other_offer))

    assert [len(page) for page in pages] == [2, 2, 1]
    assert [coupon.coupon_id for coupon in listed] == [coupon.coupon_id for coupon in reversed(issued)]
    first = listed[-1]
    assert (first.state, first.account_redemption_count, first.offer_redemption_count) == (
        resources.COUPON_STATE_REDEEMED, 1, 2)
    assert (listed[1].state, listed[1].account_redemption_count) == (resources.COUPON_STATE_ACTIVE, 1)
    assert [coupon.coupon_id for coupon in of_offer.coupons] == [issued[-1].coupon_id]
    assert of_offer.coupons[0].offer_redemption_count == 0 and not of_offer.next_page_token


@pytest.mark.parametrize("change, reason, field", [
    ({"account_id": ""}, "FIELD_REQUIRED", "account_id"),
    ({"offer_id": "x"}, "FIELD_INVALID", "offer_id"),
    ({"page_size": -1}, "FIELD_OUT_OF_RANGE", "page_size"),
    ({"page_token": "garbage"}, "FIELD_INVALID", "page_token"),
])
async def test_bad_list_requests_are_invalid_argument(client, change, reason, field):
    request = coupons.ListAccountCouponsRequest(account_id=str(uuid.uuid4()))
    for name, value in change.items():
        setattr(request, name, value)

    with pytest.raises(errors.InvalidArgument) as invalid:
        await client.call(client.coupons.ListAccountCoupons, request)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


async def test_a_page_token_of_another_account_is_invalid(client):
    offer_id = await new_offer(client)
    account = await new_account(client)
    for _ in range(2):
        await issue(client, offer_id, account)
    page = await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
        account_id=account, page_size=1))

    with pytest.raises(errors.InvalidArgument) as invalid:
        await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
            account_id=str(uuid.uuid4()), page_size=1, page_token=page.next_page_token))

    assert page.next_page_token and invalid.value.metadata["field"] == "page_token"


async def test_an_offer_without_a_validity_window_redeems_at_once_and_a_reversed_window_is_invalid(client):
    offer_id = await new_offer(client)
    coupon = await issue(client, offer_id)
    redeemed = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=coupon.code, account_id=coupon.account_id, store_id="store-1", bill_amount=eur(1_000)))
    assert redeemed.reward.discount_amount.amount_minor == 300
    now = dt.datetime.now(UTC)
    with pytest.raises(errors.RewardsError) as reversed_window:
        await new_offer(client, start_time=ts(now), end_time=ts(now))
    assert (reversed_window.value.reason, reversed_window.value.metadata["field"]) == (
        "FIELD_INVALID", "offer.rules.end_time")


async def test_a_coupon_with_a_start_day_is_refused_until_then_with_the_start_time(client):
    offer_id = await new_offer(client, redemption_start_days_after_issue=1, time_zone="America/New_York")
    coupon = await issue(client, offer_id)
    request = coupons.RedeemCouponRequest(code=coupon.code, account_id=coupon.account_id, store_id="store-1",
                                          bill_amount=eur(1_000))
    with pytest.raises(errors.RewardsError) as early:
        await client.call(client.coupons.RedeemCoupon, request)
    start = next_midnight(when(coupon.issue_time).astimezone(NEW_YORK).date())
    assert early.value.reason == "REDEMPTION_NOT_STARTED"
    assert dt.datetime.fromisoformat(early.value.metadata["redemption_start_time"]) == start
    validated = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=coupon.code, account_id=coupon.account_id, store_id="store-1", bill_amount=eur(1_000)))
    assert list(validated.reasons) == ["REDEMPTION_NOT_STARTED"]
    read = await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))
    assert read.offer.rules.redemption_start_days_after_issue == 1


@pytest.mark.parametrize("days", [-1, 3_661])
async def test_a_start_day_out_of_range_is_refused(client, days):
    with pytest.raises(errors.RewardsError) as refused:
        await new_offer(client, redemption_start_days_after_issue=days)
    assert (refused.value.reason, refused.value.metadata["field"]) == (
        "FIELD_OUT_OF_RANGE", "offer.rules.redemption_start_days_after_issue")


async def test_the_start_day_limit_is_inclusive(client):
    offer_id = await new_offer(client, redemption_start_days_after_issue=3_660)
    read = await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))
    assert read.offer.rules.redemption_start_days_after_issue == 3_660


async def test_a_gift_coupon_is_redeemed_by_anyone_and_the_reply_counts_what_is_left(client):
    offer_id = await new_offer(client, redeemable_by_anyone=True, max_account_redemption_count=2,
                               max_redemption_count=5)
    holder_only = await new_offer(client)
    gift, kept = await issue(client, offer_id), await issue(client, holder_only)
    friend = await new_account(client)

    def at_till(coupon: resources.Coupon) -> coupons.RedeemCouponRequest:
        return coupons.RedeemCouponRequest(code=coupon.code, account_id=friend, store_id="store-1",
                                           bill_amount=eur(1_000))

    redeemed = await client.call(client.coupons.RedeemCoupon, at_till(gift))
    assert (redeemed.coupon.account_id, redeemed.remaining_account_redemption_count,
            redeemed.remaining_redemption_count) == (friend, 1, 4)
    with pytest.raises(errors.RewardsError) as stranger:
        await client.call(client.coupons.RedeemCoupon, at_till(kept))
    assert stranger.value.reason == "COUPON_NOT_FOUND"
    unlimited = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=kept.code, account_id=kept.account_id, store_id="store-1", bill_amount=eur(1_000)))
    assert (unlimited.remaining_account_redemption_count, unlimited.remaining_redemption_count) == (-1, -1)


async def test_a_deactivated_coupon_is_not_redeemable_until_activated_again(client):
    offer_id = await new_offer(client, activation_required=True)
    coupon = await issue(client, offer_id)
    named = {"code": coupon.code, "account_id": coupon.account_id}
    unchanged = await client.call(client.coupons.DeactivateCoupon, coupons.DeactivateCouponRequest(**named))
    assert unchanged.coupon.state == resources.COUPON_STATE_ISSUED
    await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(**named))
    request = coupons.DeactivateCouponRequest(request_id=uuid.uuid4().hex, **named)
    first = await client.call(client.coupons.DeactivateCoupon, request)
    assert first.coupon.state == resources.COUPON_STATE_ISSUED and not first.coupon.HasField("activate_time")
    assert await client.call(client.coupons.DeactivateCoupon, request) == first  # A retry replays.
    refused = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id)))
    assert refused == "COUPON_NOT_ACTIVATED"
    await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(**named))
    await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id))
    assert await reason_of(client.call(client.coupons.DeactivateCoupon, coupons.DeactivateCouponRequest(
        **named))) == "COUPON_ALREADY_REDEEMED"


async def test_a_coupon_that_needs_no_activation_cannot_be_deactivated(client):
    coupon = await issue(client, await new_offer(client))
    assert await reason_of(client.call(client.coupons.DeactivateCoupon, coupons.DeactivateCouponRequest(
        code=coupon.code, account_id=coupon.account_id))) == "COUPON_ACTIVATION_NOT_REQUIRED"


async def test_a_coupon_is_never_both_redeemed_and_deactivated(client):
    offer_id = await new_offer(client, activation_required=True)
    issued = [await issue(client, offer_id) for _ in range(20)]
    for coupon in issued:
        await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
            code=coupon.code, account_id=coupon.account_id))

    async def race(coupon: resources.Coupon) -> tuple[str | None, str | None]:
        named = {"code": coupon.code, "account_id": coupon.account_id}
        return tuple(await asyncio.gather(
            reason_of(client.call(client.coupons.RedeemCoupon, redeem(coupon.code, coupon.account_id))),
            reason_of(client.call(client.coupons.DeactivateCoupon, coupons.DeactivateCouponRequest(**named)))))

    outcomes = await asyncio.gather(*(race(coupon) for coupon in issued))
    assert set(outcomes) <= {(None, "COUPON_ALREADY_REDEEMED"), ("COUPON_NOT_ACTIVATED", None)}
    for coupon, (redeemed, _) in zip(issued, outcomes):
        read = await get(client, coupon)
        assert (read.state, read.redemption_count) == ((resources.COUPON_STATE_REDEEMED, 1) if redeemed is None
                                                       else (resources.COUPON_STATE_ISSUED, 0))


async def test_a_reversal_answers_the_coupon_as_it_is_after_the_reversal(client):
    offer_id = await new_offer(client)
    account = await new_account(client)
    coupon = await issue(client, offer_id, account)
    redemption = await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, account))
    assert (await get(client, coupon)).state == resources.COUPON_STATE_REDEEMED
    request = coupons.ReverseRedemptionRequest(request_id=uuid.uuid4().hex, redemption_id=redemption.redemption_id)

    reversed_, replay = [await client.call(client.coupons.ReverseRedemption, request) for _ in range(2)]

    assert reversed_.coupon.coupon_id == coupon.coupon_id and reversed_.coupon.code == coupon.code
    assert reversed_.coupon.state == resources.COUPON_STATE_ACTIVE == (await get(client, coupon)).state
    assert replay.coupon.coupon_id == coupon.coupon_id and replay.reverse_time == reversed_.reverse_time
