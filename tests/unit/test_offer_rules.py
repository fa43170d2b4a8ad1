"""Offer rules without I/O: location, days of month, the customer rules, currency conversion,
content bounds, and the update mask of an offer; each at its boundary."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.domain import limits
from core.domain.coupons import (Customer, Location, Money, Offer, OfferContent, OfferState, OfferText,
                                 RedemptionRules, apply_offer_update, convert, discount, failing_rules,
                                 validate_content, validate_rules)
from core.domain.errors import DomainError, ErrorReason

UTC = dt.timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
MICROSECOND = dt.timedelta(microseconds=1)


def offer(**rules) -> Offer:
    return Offer("o-1", "org", OfferState.ACTIVE, RedemptionRules(**rules), Money(500, "EUR"))


STORE_1 = Location("s-1")
BILL = Money(2_000, "EUR")


def reasons(candidate: Offer, now: dt.datetime, location: Location = STORE_1,
            customer: Customer | None = None, bill: Money | None = BILL) -> list[str]:
    return [failure.reason.name for failure in failing_rules(candidate, now, location.store_id, bill,
                                                             location=location, customer=customer)]


def reason_of(call, *args) -> str | None:
    try:
        call(*args)
    except DomainError as error:
        return error.reason.name
    return None


NOON = dt.datetime(2026, 3, 10, 12, tzinfo=UTC)


# --- location ----------------------------------------------------------------------------------

@pytest.mark.parametrize("rules, location, expected", [
    ({}, Location("any"), []),
    ({"store_ids": frozenset({"s-1"})}, Location("s-1"), []),
    ({"store_ids": frozenset({"s-1"})}, Location("s-2", "north"), ["OFFER_STORE_NOT_ALLOWED"]),
    ({"zone_ids": frozenset({"north"})}, Location("s-2", "north"), []),
    ({"zone_ids": frozenset({"north"})}, Location("s-2", "south"), ["OFFER_ZONE_NOT_ALLOWED"]),
    ({"zone_ids": frozenset({"north"})}, Location("s-2"), ["OFFER_ZONE_NOT_ALLOWED"]),
    ({"zone_ids": frozenset({"north"}), "store_ids": frozenset({"s-9"})}, Location("s-9", "south"), []),
    ({"zone_ids": frozenset({"north"}), "store_ids": frozenset({"s-9"})}, Location("s-2", "south"),
     ["OFFER_ZONE_NOT_ALLOWED"]),
    ({"interaction_point_ids": frozenset({"till-1"})}, Location("s-1", "", "till-1"), []),
    ({"interaction_point_ids": frozenset({"till-1"})}, Location("s-1", "", "till-2"),
     ["INTERACTION_POINT_NOT_ALLOWED"]),
    ({"interaction_point_ids": frozenset({"till-1"})}, Location("s-1"), ["INTERACTION_POINT_NOT_ALLOWED"]),
])
def test_an_offer_applies_in_a_named_store_or_a_named_zone_at_a_named_interaction_point(rules, location, expected):
    assert reasons(offer(**rules), NOON, location) == expected


# --- days of month -----------------------------------------------------------------------------

def berlin(*fields) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=BERLIN).astimezone(UTC)


@pytest.mark.parametrize("now, days, expected", [
    (berlin(2026, 3, 1, 0, 0), {1}, []),  # The first instant of the first valid day, in the zone.
    (berlin(2026, 3, 1, 0, 0) - MICROSECOND, {1}, ["DAY_OF_MONTH_NOT_ALLOWED"]),  # Feb 28, 23:59:59.999999.
    (berlin(2026, 1, 31, 23, 59, 59, 999_999), {31}, []),  # The last instant of the last valid day.
    (berlin(2026, 2, 1, 0, 0), {31}, ["DAY_OF_MONTH_NOT_ALLOWED"]),
    (berlin(2026, 2, 28, 12), {29, 30, 31}, ["DAY_OF_MONTH_NOT_ALLOWED"]),  # A day February lacks never comes.
    (dt.datetime(2026, 1, 31, 23, 30, tzinfo=UTC), {31}, ["DAY_OF_MONTH_NOT_ALLOWED"]),  # Feb 1 in Berlin.
    (dt.datetime(2026, 1, 31, 23, 30, tzinfo=UTC), {1}, []),
])
def test_days_of_month_are_counted_on_the_calendar_of_the_offers_time_zone(now, days, expected):
    assert reasons(offer(days_of_month=frozenset(days), time_zone="Europe/Berlin"), now) == expected


@pytest.mark.parametrize("days, reason", [({1, 31}, None), ({0}, "FIELD_OUT_OF_RANGE"), ({32}, "FIELD_OUT_OF_RANGE")])
def test_days_of_month_are_1_to_31(days, reason):
    assert reason_of(validate_rules, RedemptionRules(days_of_month=frozenset(days))) == reason


# --- customers ---------------------------------------------------------------------------------

START = dt.datetime(2026, 1, 1, tzinfo=UTC)
END = dt.datetime(2026, 2, 1, tzinfo=UTC)


@pytest.mark.parametrize("registered, expected", [
    (START, []), (START - MICROSECOND, ["ACCOUNT_REGISTERED_OUTSIDE_WINDOW"]),
    (END - MICROSECOND, []), (END, ["ACCOUNT_REGISTERED_OUTSIDE_WINDOW"])])
def test_the_registration_window_includes_its_start_and_excludes_its_end(registered, expected):
    rules = {"registration_start_time": START, "registration_end_time": END}
    assert reasons(offer(**rules), NOON, customer=Customer(registered, 0)) == expected


@pytest.mark.parametrize("rules, prior, expected", [
    ({"max_prior_transactions": 2}, 2, []), ({"max_prior_transactions": 2}, 3, ["NOT_NEW_CUSTOMER"]),
    ({"max_prior_transactions": 0}, 0, []), ({"max_prior_transactions": 0}, 1, ["NOT_NEW_CUSTOMER"]),
    ({"new_customers_only": True}, 0, []), ({"new_customers_only": True}, 1, ["NOT_NEW_CUSTOMER"]),
    ({"new_customers_only": True, "max_prior_transactions": 5}, 1, ["NOT_NEW_CUSTOMER"]),
    ({}, 1_000, [])])
def test_new_customers_have_at_most_n_earlier_purchases(rules, prior, expected):
    assert reasons(offer(**rules), NOON, customer=Customer(START, prior)) == expected


def test_the_customer_rules_are_read_only_when_the_offer_has_them():
    assert not offer().rules.needs_customer
    assert offer(new_customers_only=True).rules.needs_customer
    assert offer(max_prior_transactions=0).rules.needs_customer
    assert offer(registration_end_time=END).rules.needs_customer


def test_a_registration_window_must_not_be_empty():
    assert reason_of(validate_rules, RedemptionRules(registration_start_time=END, registration_end_time=END)) == \
        "FIELD_INVALID"


def test_every_failing_rule_is_reported_in_precedence_order():
    rules = {"store_ids": frozenset({"s-9"}), "zone_ids": frozenset({"z"}), "interaction_point_ids": frozenset({"i"}),
             "days_of_month": frozenset({11}), "new_customers_only": True, "registration_end_time": START,
             "min_bill": Money(5_000, "EUR")}
    assert reasons(offer(**rules), NOON, customer=Customer(END, 1)) == [
        "OFFER_ZONE_NOT_ALLOWED", "INTERACTION_POINT_NOT_ALLOWED", "DAY_OF_MONTH_NOT_ALLOWED",
        "ACCOUNT_REGISTERED_OUTSIDE_WINDOW", "NOT_NEW_CUSTOMER", "BILL_AMOUNT_TOO_LOW"]
    precedence = [ErrorReason[name].precedence for name in reasons(offer(**rules), NOON, customer=Customer(END, 1))]
    assert precedence == sorted(precedence)


# --- currencies --------------------------------------------------------------------------------

RATES = {("USD", "EUR"): Decimal("0.9234"), ("JPY", "EUR"): Decimal("0.0061"), ("EUR", "JPY"): Decimal("162.37"),
         ("EUR", "KWD"): Decimal("0.3333")}


@pytest.mark.parametrize("money, currency, expected", [
    (Money(1_000, "USD"), "EUR", 923),  # 10.00 USD = 9.234 EUR -> 9.23 (rounded down).
    (Money(1_083, "USD"), "EUR", 1_000),  # 10.83 USD = 10.000422 EUR -> 10.00.
    (Money(1_082, "USD"), "EUR", 999),  # 10.82 USD = 9.991188 EUR -> 9.99.
    (Money(1_000, "JPY"), "EUR", 610),  # No minor unit in JPY: 1000 JPY = 6.10 EUR.
    (Money(999, "EUR"), "JPY", 1_622),  # 9.99 EUR = 1622.0763 JPY -> 1622.
    (Money(1, "EUR"), "KWD", 3),  # 0.01 EUR = 0.003333 KWD -> 0.003 (three minor digits).
    (Money(500, "EUR"), "EUR", 500),
])
def test_conversion_rounds_down_to_a_whole_minor_unit_of_the_bill(money, currency, expected):
    assert convert(money, currency, RATES) == expected


def test_a_missing_rate_names_the_pair():
    with pytest.raises(DomainError) as missing:
        convert(Money(100, "GBP"), "EUR", RATES)
    assert missing.value.reason is ErrorReason.CURRENCY_RATE_MISSING
    assert missing.value.metadata == {"from_currency_code": "GBP", "to_currency_code": "EUR"}


def test_a_converted_discount_never_exceeds_the_bill_and_a_percentage_cap_is_converted_too():
    fixed = dataclasses.replace(offer(), discount_amount=Money(10_000, "USD"))
    capped = dataclasses.replace(offer(), discount_amount=None, discount_percent_bps=5_000,
                                 discount_max=Money(1_000, "USD"))
    assert discount(fixed, Money(5_000, "EUR"), RATES) == 5_000
    assert discount(capped, Money(10_000, "EUR"), RATES) == 923
    assert reason_of(discount, capped, Money(10_000, "GBP"), RATES) == "CURRENCY_RATE_MISSING"


# --- content -----------------------------------------------------------------------------------

@pytest.mark.parametrize("content, reason", [
    (OfferContent(texts=tuple(OfferText(f"en-{n:02d}") for n in range(limits.OFFER_TEXTS_MAX))), None),
    (OfferContent(texts=tuple(OfferText(f"en-{n:02d}") for n in range(limits.OFFER_TEXTS_MAX + 1))),
     "FIELD_TOO_LONG"),
    (OfferContent(texts=(OfferText("en", subtitle="s" * limits.OFFER_SUBTITLE_LENGTH_MAX),)), None),
    (OfferContent(texts=(OfferText("en", subtitle="s" * (limits.OFFER_SUBTITLE_LENGTH_MAX + 1)),)),
     "FIELD_TOO_LONG"),
    (OfferContent(custom_properties=(("", "v"),)), "FIELD_INVALID"),
    (OfferContent(image_uris=("https://",)), "FIELD_INVALID"),
])
def test_content_bounds(content, reason):
    assert reason_of(validate_content, content) == reason


# --- update masks ------------------------------------------------------------------------------

def test_an_update_changes_one_rule_and_keeps_the_others():
    current = offer(max_redemptions=10, store_ids=frozenset({"s-1"}))
    patch = offer(max_redemptions=3, store_ids=frozenset())

    updated = apply_offer_update(current, patch, ["rules.max_redemption_count"])

    assert updated.rules.max_redemptions == 3 and updated.rules.store_ids == frozenset({"s-1"})


def test_content_can_change_field_by_field():
    current = dataclasses.replace(offer(), content=OfferContent(external_reference="A", external_code="B"))
    patch = dataclasses.replace(offer(), content=OfferContent(external_reference="C", external_code="D"))

    updated = apply_offer_update(current, patch, ["content.external_code"])

    assert updated.content == OfferContent(external_reference="A", external_code="D")


@pytest.mark.parametrize("state, reason", [(OfferState.DRAFT, None), (OfferState.ACTIVE, "FIELD_IMMUTABLE"),
                                           (OfferState.INACTIVE, "FIELD_IMMUTABLE")])
def test_the_reward_changes_only_while_draft(state, reason):
    current = dataclasses.replace(offer(), state=state)
    patch = dataclasses.replace(offer(), discount_amount=Money(900, "EUR"))
    assert reason_of(apply_offer_update, current, patch, ["reward"]) == reason


def test_the_same_reward_may_be_named_out_of_draft():
    assert apply_offer_update(offer(), offer(), ["reward"]) == offer()


@pytest.mark.parametrize("paths, reason", [
    ([], "FIELD_REQUIRED"), (["*"], "FIELD_INVALID"), (["rules.nope"], "FIELD_INVALID"), (["nope"], "FIELD_INVALID"),
    (["reward.discount_amount"], "FIELD_INVALID"), (["etag", "state", "display_name"], None)])
def test_update_mask_paths(paths, reason):
    assert reason_of(apply_offer_update, offer(), offer(), paths) == reason


def test_the_issuance_rules_are_updated_under_rules_too():
    from core.domain.coupons import IssuanceRules
    current = offer(max_redemptions=10)
    patch = dataclasses.replace(offer(max_redemptions=3), issuance=IssuanceRules(min_gap_seconds=60, listed_only=True))

    one = apply_offer_update(current, patch, ["rules.min_issue_gap"])
    whole = apply_offer_update(current, patch, ["rules"])

    assert one.issuance == IssuanceRules(min_gap_seconds=60) and one.rules.max_redemptions == 10
    assert whole.issuance == patch.issuance and whole.rules.max_redemptions == 3
