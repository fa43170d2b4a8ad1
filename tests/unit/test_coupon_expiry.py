"""Expiry of issued coupons per ExpiryMode, at the boundary second, in non-UTC time zones
(daylight-saving changes and month ends included), and the coupon's own failing rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from core.domain.coupons import (CouponState, ExpiryMode, IssuedCoupon, RedemptionRules, coupon_expiry,
                                 coupon_failures, coupon_state, validate_rules)
from core.domain.errors import DomainError, ErrorReason

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.timezone.utc
SECOND = dt.timedelta(seconds=1)


def local(zone: ZoneInfo, *fields: int) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=zone)


def rules(mode: ExpiryMode, zone: str = "Europe/Berlin", **more) -> RedemptionRules:
    return RedemptionRules(expiry_mode=mode, time_zone=zone, **more)


def test_with_the_offer_a_coupon_expires_at_the_offers_end_or_never():
    end = dt.datetime(2024, 6, 1, tzinfo=UTC)

    assert coupon_expiry(rules(ExpiryMode.FIXED_END, end_time=end), end - dt.timedelta(days=9)) == end
    assert coupon_expiry(rules(ExpiryMode.FIXED_END), end) is None


def test_a_fixed_duration_is_exact_across_a_daylight_saving_change():
    issued = local(BERLIN, 2024, 3, 30, 12, 0, 0)  # CET; the clocks go forward that night.

    expire = coupon_expiry(rules(ExpiryMode.RELATIVE_TO_ISSUE, coupon_validity_seconds=86_400), issued)

    assert expire.timestamp() - issued.timestamp() == 24 * 3600
    assert expire.astimezone(BERLIN).hour == 13  # 24 h later is 13:00 CEST on the wall clock.


@pytest.mark.parametrize("issued, expire", [
    # The last second of the day and the first: each belongs to its own local day.
    (local(BERLIN, 2024, 1, 15, 23, 59, 59), local(BERLIN, 2024, 1, 16, 0, 0, 0)),
    (local(BERLIN, 2024, 1, 16, 0, 0, 0), local(BERLIN, 2024, 1, 17, 0, 0, 0)),
    # 23:30 UTC is already the next day in Berlin.
    (dt.datetime(2024, 1, 15, 23, 30, tzinfo=UTC), local(BERLIN, 2024, 1, 17, 0, 0, 0)),
    # A 23-hour day (clocks forward at 02:00): the day still ends at local midnight.
    (local(BERLIN, 2024, 3, 31, 1, 0, 0), local(BERLIN, 2024, 4, 1, 0, 0, 0)),
])
def test_end_of_day_is_the_next_local_midnight(issued, expire):
    assert coupon_expiry(rules(ExpiryMode.END_OF_DAY), issued) == expire


def test_end_of_day_n_days_after_issue_counts_calendar_days_across_daylight_saving():
    # 7 days from 10:00 EST on March 5th is 10:00 EDT on March 12th (clocks forward on the 10th):
    # the coupon lasts to the end of the 12th, New York time.
    validity = rules(ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY, "America/New_York", coupon_validity_seconds=7 * 86_400)

    expire = coupon_expiry(validity, local(NEW_YORK, 2024, 3, 5, 10, 0, 0))

    assert expire == local(NEW_YORK, 2024, 3, 13, 0, 0, 0) == dt.datetime(2024, 3, 13, 4, 0, tzinfo=UTC)


def test_end_of_day_one_day_after_issue_on_a_25_hour_day_is_the_next_day():
    # 00:30 on November 3rd, the day New York's clocks go back: one day later is the 4th.
    validity = rules(ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY, "America/New_York", coupon_validity_seconds=86_400)

    assert coupon_expiry(validity, local(NEW_YORK, 2024, 11, 3, 0, 30, 0)) == local(NEW_YORK, 2024, 11, 5, 0, 0, 0)


@pytest.mark.parametrize("issued, months, expire", [
    (local(BERLIN, 2024, 1, 31, 15, 0, 0), 0, local(BERLIN, 2024, 2, 1)),
    (local(BERLIN, 2024, 1, 31, 15, 0, 0), 1, local(BERLIN, 2024, 3, 1)),  # Through Feb 29th (leap year).
    (local(BERLIN, 2023, 1, 31, 15, 0, 0), 1, local(BERLIN, 2023, 3, 1)),  # Through Feb 28th.
    (local(BERLIN, 2024, 12, 10, 9, 0, 0), 1, local(BERLIN, 2025, 2, 1)),  # Across the year.
    (local(BERLIN, 2024, 5, 1, 0, 0, 0), 12, local(BERLIN, 2025, 6, 1)),
    # 23:30 UTC on Jan 31st is February in Berlin: the month of issue is February.
    (dt.datetime(2024, 1, 31, 23, 30, tzinfo=UTC), 0, local(BERLIN, 2024, 3, 1)),
    # The last second of January in Berlin still issues into January.
    (local(BERLIN, 2024, 1, 31, 23, 59, 59), 0, local(BERLIN, 2024, 2, 1)),
])
def test_month_end_after_issue_is_the_first_instant_of_the_next_month(issued, months, expire):
    assert coupon_expiry(rules(ExpiryMode.MONTH_END_AFTER_ISSUE, coupon_validity_months=months), issued) == expire


def test_month_end_in_a_month_ending_in_summer_time_has_the_summer_offset():
    expire = coupon_expiry(rules(ExpiryMode.MONTH_END_AFTER_ISSUE), local(BERLIN, 2024, 6, 10, 12, 0, 0))

    assert expire == dt.datetime(2024, 6, 30, 22, 0, tzinfo=UTC)  # 00:00 CEST on July 1st.


@pytest.mark.parametrize("mode, more", [
    (ExpiryMode.RELATIVE_TO_ISSUE, {"coupon_validity_seconds": 10 * 86_400}),
    (ExpiryMode.END_OF_DAY, {}),
    (ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY, {"coupon_validity_seconds": 86_400}),
    (ExpiryMode.MONTH_END_AFTER_ISSUE, {"coupon_validity_months": 3}),
])
def test_every_mode_is_capped_by_the_offers_end(mode, more):
    issued = local(BERLIN, 2024, 1, 10, 12, 0, 0)
    end = issued + dt.timedelta(hours=3)

    assert coupon_expiry(rules(mode, end_time=end, **more), issued) == end
    later = end + dt.timedelta(days=400)
    assert coupon_expiry(rules(mode, end_time=later, **more), issued) < later


def coupon(expire: dt.datetime | None, **fields) -> IssuedCoupon:
    issued = dt.datetime(2024, 1, 1, tzinfo=UTC)
    return IssuedCoupon("c", "CODE", "o", "a", issued, expire, **fields)


def reasons(failures: list[DomainError]) -> list[ErrorReason]:
    return [failure.reason for failure in failures]


def test_a_coupon_is_redeemable_in_its_last_second_and_expired_in_the_first_after():
    expire = local(BERLIN, 2024, 3, 1)

    assert reasons(coupon_failures(coupon(expire), expire - SECOND)) == []
    assert reasons(coupon_failures(coupon(expire), expire)) == [ErrorReason.COUPON_EXPIRED]
    assert coupon_state(coupon(expire), expire - SECOND) is CouponState.ACTIVE
    assert coupon_state(coupon(expire), expire) is CouponState.EXPIRED


def test_the_coupons_own_failures_come_in_precedence_order():
    expire = local(BERLIN, 2024, 3, 1)
    revoked = coupon(expire, activation_required=True, revoke_time=expire, use_count=0)
    used = coupon(expire, use_count=1)

    assert reasons(coupon_failures(revoked, expire)) == [
        ErrorReason.COUPON_REVOKED, ErrorReason.COUPON_NOT_ACTIVATED, ErrorReason.COUPON_EXPIRED]
    assert reasons(coupon_failures(used, expire - SECOND)) == [ErrorReason.COUPON_ALREADY_REDEEMED]
    assert reasons(coupon_failures(used, expire - SECOND, uses=False)) == []


def test_a_coupon_waiting_for_activation_is_issued_until_activated():
    waiting = coupon(None, activation_required=True)
    activated = coupon(None, activation_required=True, activate_time=dt.datetime(2024, 1, 2, tzinfo=UTC))
    now = dt.datetime(2024, 1, 3, tzinfo=UTC)

    assert (coupon_state(waiting, now), reasons(coupon_failures(waiting, now))) == (
        CouponState.ISSUED, [ErrorReason.COUPON_NOT_ACTIVATED])
    assert (coupon_state(activated, now), coupon_failures(activated, now)) == (CouponState.ACTIVE, [])


@pytest.mark.parametrize("bad, reason, field", [
    ({"time_zone": "Mars/Olympus"}, ErrorReason.FIELD_INVALID, "offer.rules.time_zone"),
    ({"time_zone": "../../etc/passwd"}, ErrorReason.FIELD_INVALID, "offer.rules.time_zone"),
    ({"expiry_mode": ExpiryMode.RELATIVE_TO_ISSUE}, ErrorReason.FIELD_REQUIRED, "offer.rules.coupon_validity"),
    ({"expiry_mode": ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY, "coupon_validity_seconds": -1},
     ErrorReason.FIELD_OUT_OF_RANGE, "offer.rules.coupon_validity"),
    ({"expiry_mode": ExpiryMode.RELATIVE_TO_ISSUE, "coupon_validity_seconds": 3660 * 86_400 + 1},
     ErrorReason.FIELD_OUT_OF_RANGE, "offer.rules.coupon_validity"),
    ({"coupon_validity_months": 121}, ErrorReason.FIELD_OUT_OF_RANGE, "offer.rules.coupon_validity_months"),
    ({"coupon_validity_months": -1}, ErrorReason.FIELD_OUT_OF_RANGE, "offer.rules.coupon_validity_months"),
])
def test_bad_expiry_rules_name_their_field(bad, reason, field):
    with pytest.raises(DomainError) as refused:
        validate_rules(RedemptionRules(**bad))

    assert (refused.value.reason, refused.value.metadata["field"]) == (reason, field)


@pytest.mark.parametrize("good", [
    {"expiry_mode": ExpiryMode.RELATIVE_TO_ISSUE, "coupon_validity_seconds": 3660 * 86_400},
    {"expiry_mode": ExpiryMode.MONTH_END_AFTER_ISSUE, "coupon_validity_months": 120, "time_zone": "Asia/Kolkata"},
])
def test_expiry_rules_at_their_limits_are_accepted(good):
    validate_rules(RedemptionRules(**good))


@pytest.mark.parametrize("zone, issued_local, days, start_local", [
    # Date-based: issued a minute before midnight, redeemable at the next midnight.
    ("Europe/Berlin", (2024, 5, 1, 23, 59), 1, (2024, 5, 2, 0, 0)),
    # Santiago skips 00:00-01:00 on 2024-09-08: the day starts at 01:00 local.
    ("America/Santiago", (2024, 9, 7, 12, 0), 1, (2024, 9, 8, 1, 0)),
    # Across New York's spring change, two calendar days later.
    ("America/New_York", (2024, 3, 9, 12, 0), 2, (2024, 3, 11, 0, 0)),
])
def test_redemption_starts_at_the_first_instant_of_the_nth_local_day_after_issue(zone, issued_local, days,
                                                                                start_local):
    from core.domain.coupons import coupon_redemption_start
    tz = ZoneInfo(zone)
    issued = dt.datetime(*issued_local, tzinfo=tz).astimezone(dt.timezone.utc)
    coupon = IssuedCoupon("c", "CODE", "o", "a", issued, None)
    rules = RedemptionRules(redemption_start_days=days, time_zone=zone)

    assert coupon_redemption_start(rules, coupon) == dt.datetime(*start_local, tzinfo=tz).astimezone(dt.timezone.utc)
    assert coupon_redemption_start(RedemptionRules(time_zone=zone), coupon) is None
