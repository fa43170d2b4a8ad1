"""Concepts beside zones (seed 003): location_failures and deal_is_open at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.coupons import (Location, Money, Offer, OfferState, RedemptionRules, deal_is_open,
                                 location_failures)
from core.domain.errors import ErrorReason

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.timezone.utc)


def reasons(rules: RedemptionRules, location: Location) -> list[ErrorReason]:
    return [failure.reason for failure in location_failures(rules, location)]


@pytest.mark.parametrize("rules, location, expected", [
    (RedemptionRules(concept_ids=frozenset({"outlet"})), Location("s-1", concept_id="outlet"), []),
    (RedemptionRules(concept_ids=frozenset({"outlet"})), Location("s-1", concept_id="flagship"),
     [ErrorReason.OFFER_CONCEPT_NOT_ALLOWED]),
    (RedemptionRules(concept_ids=frozenset({"outlet"})), Location("s-1"), [ErrorReason.OFFER_CONCEPT_NOT_ALLOWED]),
    (RedemptionRules(concept_ids=frozenset({"outlet"}), store_ids=frozenset({"s-1"})), Location("s-1"), []),
    (RedemptionRules(concept_ids=frozenset({"outlet"}), zone_ids=frozenset({"north"})), Location("", "north"), []),
    (RedemptionRules(concept_ids=frozenset({"outlet"}), zone_ids=frozenset({"north"})), Location("s-9", "south"),
     [ErrorReason.OFFER_ZONE_NOT_ALLOWED]),
    (RedemptionRules(store_ids=frozenset({"s-1"})), Location("s-2", concept_id="outlet"),
     [ErrorReason.OFFER_STORE_NOT_ALLOWED]),
    (RedemptionRules(), Location("s-2", concept_id="outlet"), []),
])
def test_a_concept_admits_like_a_zone_and_is_named_when_refused(rules, location, expected):
    assert reasons(rules, location) == expected


def test_the_refusal_names_the_concept_asked_for():
    failure, = location_failures(RedemptionRules(concept_ids=frozenset({"outlet"})), Location("s-1", concept_id="x"))

    assert failure.metadata == {"store_id": "s-1", "zone_id": "", "concept_id": "x"}


def offer(**rules) -> Offer:
    return Offer("o-1", "org", OfferState.ACTIVE, RedemptionRules(**rules), discount_amount=Money(500, "EUR"),
                 program_id="prog")


@pytest.mark.parametrize("rules, location, is_open", [
    ({"concept_ids": frozenset({"outlet"})}, Location(concept_id="outlet"), True),
    ({"concept_ids": frozenset({"outlet"})}, Location(concept_id="flagship"), False),
    ({"concept_ids": frozenset({"outlet"})}, Location(), True),  # No location asked: not checked.
    ({"store_ids": frozenset({"s-1"})}, Location(concept_id="outlet"), False),  # Only the offers tagged to it.
    ({"zone_ids": frozenset({"north"})}, Location(concept_id="outlet"), False),
    ({}, Location(concept_id="outlet"), True),
])
def test_a_concept_lists_only_the_offers_tagged_to_it(rules, location, is_open):
    assert deal_is_open(offer(**rules), NOW, location, None) is is_open
