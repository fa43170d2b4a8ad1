"""Days of week and hour windows over gRPC, on the wall clock of the offer's time zone.

The server's clock is the real one here, so each test picks the offer's time zone (a whole-hour
Etc/GMT zone) that puts the server's "now" at the local hour the test needs; the exact
boundaries to the microsecond are tested against the injectable clock in
tests/integration/test_hour_windows.py. A test starting in the last 30 seconds of an hour waits
for the next one, so that no hour changes between the choice and the redemption."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from google.protobuf import field_mask_pb2
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient
from tests.e2e.coupon_accounts import new_account
from tests.e2e.builders import eur, reason_of, redeem

Window = resources.HoursOfDay


@pytest.fixture(autouse=True)
async def not_at_the_end_of_an_hour():
    now = dt.datetime.now(dt.timezone.utc)
    left = 3600 - (now.minute * 60 + now.second)
    if left < 30:
        await asyncio.sleep(left + 1)


def zone_at(local_hour: int) -> str:
    """A time zone whose local hour is `local_hour` now."""
    offset = (local_hour - dt.datetime.now(dt.timezone.utc).hour) % 24
    if offset > 14:
        offset -= 24
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # POSIX signs.


async def offer(client: RewardsClient, **rules) -> tuple[str, str]:
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id="prog", display_name="happy hours", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=resources.OfferRules(**rules))))
    code = "HW" + uuid.uuid4().hex[:10].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=created.offer.offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return created.offer.offer_id, code


async def redeemed_at(client: RewardsClient, local_hour: int, **rules) -> str | None:
    """The refusal of a redemption when the offer's local hour is `local_hour` (None: redeemed)."""
    _, code = await offer(client, time_zone=zone_at(local_hour), **rules)
    return await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await new_account(client))))


EVENING_AND_NIGHT = [Window(start_hour=11, end_hour=14), Window(start_hour=22, end_hour=6)]


@pytest.mark.parametrize("local_hour, reason", [
    (10, "HOUR_NOT_ALLOWED"), (11, None), (13, None), (14, "HOUR_NOT_ALLOWED"), (21, "HOUR_NOT_ALLOWED"),
    (22, None), (23, None), (0, None), (5, None), (6, "HOUR_NOT_ALLOWED")])
async def test_several_windows_one_wrapping_midnight_start_inclusive_end_exclusive(client, local_hour, reason):
    assert await redeemed_at(client, local_hour, hour_windows=EVENING_AND_NIGHT) == reason


@pytest.mark.parametrize("local_hour, reason", [(21, "HOUR_NOT_ALLOWED"), (22, None), (3, None),
                                                (6, "HOUR_NOT_ALLOWED")])
async def test_the_single_hours_of_day_field_takes_a_wrapping_window_too(client, local_hour, reason):
    assert await redeemed_at(client, local_hour, hours_of_day=Window(start_hour=22, end_hour=6)) == reason


async def test_the_hours_are_those_of_the_offers_time_zone(client):
    utc_hour = dt.datetime.now(dt.timezone.utc).hour
    window = [Window(start_hour=utc_hour, end_hour=utc_hour + 1)]
    _, here = await offer(client, time_zone="UTC", hour_windows=window)
    _, elsewhere = await offer(client, time_zone=zone_at((utc_hour + 3) % 24), hour_windows=window)
    account = await new_account(client)

    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(here, account))) is None
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(elsewhere, account))) == "HOUR_NOT_ALLOWED"


async def test_validate_and_deals_apply_the_windows(client):
    zone = zone_at(12)
    open_id, open_code = await offer(client, time_zone=zone, hour_windows=EVENING_AND_NIGHT)
    shut_id, shut_code = await offer(client, time_zone=zone, hour_windows=[Window(start_hour=22, end_hour=6)])
    account = await new_account(client)

    shut = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=shut_code, account_id=account, store_id="store-1", bill_amount=eur(2_000)))
    deals = await client.call(client.coupons.ListDeals, coupons.ListDealsRequest(account_id=account, page_size=500))
    listed = {deal.offer_id for deal in deals.deals}

    assert (shut.redeemable, list(shut.reasons)) == (False, ["HOUR_NOT_ALLOWED"])
    assert open_id in listed and shut_id not in listed


def weekday_in(zone: str) -> int:
    return dt.datetime.now(ZoneInfo(zone)).isoweekday()


async def test_days_of_week_are_the_local_days_of_the_offers_time_zone(client):
    zone = zone_at(12)
    today = weekday_in(zone)
    tomorrow = today % 7 + 1
    _, allowed = await offer(client, time_zone=zone, days_of_week=[today, tomorrow])
    _, refused = await offer(client, time_zone=zone, days_of_week=[tomorrow])
    account = await new_account(client)

    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(allowed, account))) is None
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(refused, account))) == "DAY_NOT_ALLOWED"


async def test_after_midnight_a_wrapping_window_counts_on_the_new_days_date(client):
    zone = zone_at(2)  # 02:xx: inside 22..6, on the day after the window opened.
    today = weekday_in(zone)
    yesterday = (today - 2) % 7 + 1
    night = [Window(start_hour=22, end_hour=6)]

    assert await redeemed_at(client, 2, hour_windows=night, days_of_week=[today]) is None
    assert await redeemed_at(client, 2, hour_windows=night, days_of_week=[yesterday]) == "DAY_NOT_ALLOWED"


@pytest.mark.parametrize("rules, field", [
    ({"hour_windows": [Window(start_hour=5, end_hour=5)]}, "offer.rules.hour_windows[0]"),
    ({"hour_windows": [Window(start_hour=1, end_hour=2), Window(start_hour=24, end_hour=2)]},
     "offer.rules.hour_windows[1]"),
    ({"hour_windows": [Window(start_hour=3, end_hour=25)]}, "offer.rules.hour_windows[0]"),
    ({"hour_windows": [Window(start_hour=-1, end_hour=2)]}, "offer.rules.hour_windows[0]"),
    ({"hours_of_day": Window(start_hour=9, end_hour=9)}, "offer.rules.hours_of_day"),
    ({"hours_of_day": Window(start_hour=9, end_hour=17), "hour_windows": [Window(start_hour=1, end_hour=2)]},
     "offer.rules.hours_of_day"),
])
async def test_bad_windows_are_field_invalid(client, rules, field):
    from rewards_client import errors
    with pytest.raises(errors.InvalidArgument) as invalid:
        await offer(client, **rules)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == ("FIELD_INVALID", field)


async def test_at_most_24_windows(client):
    windows = [Window(start_hour=hour, end_hour=hour + 1) for hour in range(24)]
    offer_id, _ = await offer(client, hour_windows=windows)
    too_many = await reason_of(offer(client, hour_windows=windows + [Window(start_hour=1, end_hour=2)]))

    read = await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))
    assert len(read.offer.rules.hour_windows) == 24 and not read.offer.rules.HasField("hours_of_day")
    assert too_many == "FIELD_TOO_LONG"


async def test_windows_are_read_back_and_replaced_by_an_update(client):
    offer_id, _ = await offer(client, hours_of_day=Window(start_hour=22, end_hour=6))
    first = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer.rules

    await client.call(client.offers.UpdateOffer, offers.UpdateOfferRequest(
        offer=resources.Offer(offer_id=offer_id, rules=resources.OfferRules(hour_windows=EVENING_AND_NIGHT)),
        update_mask=field_mask_pb2.FieldMask(paths=["rules.hour_windows"])))
    second = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer.rules

    assert list(first.hour_windows) == [Window(start_hour=22, end_hour=6)]
    assert first.hours_of_day == Window(start_hour=22, end_hour=6)
    assert list(second.hour_windows) == EVENING_AND_NIGHT and not second.HasField("hours_of_day")
