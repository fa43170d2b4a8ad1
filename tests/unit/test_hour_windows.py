"""Hour windows and reward kinds in the domain: start inclusive, end exclusive, wrapping windows,
several windows, bounds of a window and of the number of windows."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain import limits
from core.domain.coupons import (Money, Offer, OfferState, RedemptionRules, RewardKind, calendar_failures,
                                 in_hour_window, validate_hour_windows)
from core.domain.errors import DomainError, ErrorReason


@pytest.mark.parametrize("window, inside", [
    ((9, 17), set(range(9, 17))), ((22, 6), {22, 23, 0, 1, 2, 3, 4, 5}), ((0, 24), set(range(24))),
    ((23, 1), {23, 0}), ((23, 24), {23})])
def test_a_window_holds_its_start_hour_and_not_its_end_hour(window, inside):
    assert {hour for hour in range(24) if in_hour_window(window, hour)} == inside


def test_any_of_several_windows_allows_the_hour_in_the_offers_zone():
    rules = RedemptionRules(hours=((11, 14), (22, 6)), time_zone="Asia/Tokyo")
    at = lambda hour: dt.datetime(2026, 6, 1, hour, tzinfo=dt.timezone.utc) - dt.timedelta(hours=9)  # noqa: E731

    allowed = {hour for hour in range(24) if not calendar_failures(rules, at(hour))}

    assert allowed == {11, 12, 13, 22, 23, 0, 1, 2, 3, 4, 5}
    assert calendar_failures(rules, at(14))[0].metadata == {"hour": "14", "time_zone": "Asia/Tokyo"}


@pytest.mark.parametrize("windows, field", [
    (((5, 5),), "offer.rules.hour_windows[0]"), (((0, 1), (24, 1)), "offer.rules.hour_windows[1]"),
    (((0, 25),), "offer.rules.hour_windows[0]"), (((-1, 3),), "offer.rules.hour_windows[0]"),
    (((0, 0),), "offer.rules.hour_windows[0]")])
def test_a_bad_window_is_field_invalid(windows, field):
    with pytest.raises(DomainError) as invalid:
        validate_hour_windows(windows)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (ErrorReason.FIELD_INVALID, field)


def test_the_number_of_windows_is_bounded_inclusively():
    validate_hour_windows([(hour, hour + 1) for hour in range(limits.OFFER_HOUR_WINDOWS_MAX)])
    with pytest.raises(DomainError) as too_many:
        validate_hour_windows([(1, 2)] * (limits.OFFER_HOUR_WINDOWS_MAX + 1))

    assert too_many.value.reason is ErrorReason.FIELD_TOO_LONG


@pytest.mark.parametrize("fields, kind", [
    ({"discount_amount": Money(1, "EUR")}, RewardKind.DISCOUNT_AMOUNT),
    ({"discount_percent_bps": 5}, RewardKind.DISCOUNT_PERCENT),
    ({"free_item_sku": "SKU"}, RewardKind.FREE_ITEM), ({"extra_points": 5}, RewardKind.EXTRAPOINT),
    ({"points_multiplier_bps": 20_000}, RewardKind.MULTIPLIER),
    ({"price_points": 5, "free_item_sku": "SKU"}, RewardKind.REWARD), ({}, None)])
def test_the_reward_kind_follows_the_offers_fields(fields, kind):
    assert Offer("o", "org", OfferState.ACTIVE, **fields).reward_kind is kind
