"""Coupon rules run through the service layer against in-memory fakes (tests/fakes/coupons.py):
offer validation, the per-account and offer limit decisions, and the code pool's draw, give-back
and revocation. No Redis, no Postgres."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from core.adapters.redis.coupons import CounterKind, keys_of
from core.domain import limits
from core.domain.coupons import (AppliedLimits, IssuanceRules, LimitCheck, Money, Offer, OfferState, RedemptionRules,
                                 applied_limits, limit_failures, validate_offer)
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Caller
from core.service.coupons.pools import draw_code, settle_code, sweep_drawn_codes, unpool_revoked_codes
from core.service.coupons.settlement import HeldReservation
from tests.fakes.coupons import fake_engine, fake_stores

NOW = dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone.utc)
NOW_MS = int(NOW.timestamp() * 1000)
ORG = str(uuid.uuid4())
CALLER = Caller("client", ORG)


def an_offer(**rules) -> Offer:
    return Offer(str(uuid.uuid4()), ORG, OfferState.ACTIVE, RedemptionRules(**rules),
                 discount_amount=Money(100, "EUR"), program_id="prog", display_name="Ten off", version=1)


# --- offer validation ----------------------------------------------------------------------

@pytest.mark.parametrize("attribute, field", [
    ("max_account_redemptions", "max_account_redemption_count"), ("max_redemptions", "max_redemption_count"),
    ("max_account_issues", "max_account_issue_count"), ("max_issues", "max_issue_count")])
async def test_create_offer_refuses_a_negative_limit_before_touching_a_store(attribute, field):
    engine = fake_engine(NOW)
    offer = an_offer(**{attribute: -1})

    with pytest.raises(DomainError) as refused:
        await engine.create_offer_once("req-1", offer, CALLER)

    assert (refused.value.reason, refused.value.metadata["field"]) == (
        ErrorReason.FIELD_OUT_OF_RANGE, f"offer.rules.{field}")
    assert engine._offers.rows == {}


def test_a_limit_of_zero_is_no_limit_and_valid():
    validate_offer(an_offer(max_account_redemptions=0, max_redemptions=0, max_issues=0, max_account_issues=0))


@pytest.mark.parametrize("gap, valid", [(0, True), (limits.COUPON_VALIDITY_SECONDS_MAX, True),
                                        (limits.COUPON_VALIDITY_SECONDS_MAX + 1, False), (-1, False)])
def test_the_issue_gap_is_bounded_by_the_domain(gap, valid):
    offer = dataclasses.replace(an_offer(), issuance=IssuanceRules(min_gap_seconds=gap))
    if valid:
        validate_offer(offer)
        return
    with pytest.raises(DomainError) as refused:
        validate_offer(offer)
    assert refused.value.metadata["field"] == "offer.rules.min_issue_gap"


# --- the limit decision --------------------------------------------------------------------

def test_limit_failures_lists_gap_then_account_then_offer_limit():
    applied = AppliedLimits(account_max=2, offer_max=5, gap_ms=60_000)

    assert limit_failures(applied, now_ms=NOW_MS, last_ms=NOW_MS - 1_000, account_count=2, offer_count=5) == [
        (LimitCheck.GAP, NOW_MS + 59_000), (LimitCheck.ACCOUNT_LIMIT, 2), (LimitCheck.OFFER_LIMIT, 5)]
    assert limit_failures(applied, now_ms=NOW_MS, last_ms=NOW_MS - 60_000, account_count=1, offer_count=4) == []


def test_published_limits_apply_only_when_at_least_as_new_as_the_offer_read():
    offer = an_offer(max_account_redemptions=3)
    published = AppliedLimits(account_max=1, offer_max=0, gap_ms=0)

    assert applied_limits(offer, 1, published) == published
    assert applied_limits(offer, 0, published).account_max == 3
    assert applied_limits(offer, None, published).account_max == 3


async def test_an_account_at_its_redemption_limit_is_refused_and_another_account_is_not():
    stores = fake_stores()
    engine = fake_engine(NOW, stores)
    offer = an_offer(max_account_redemptions=1)
    stores.pools.epochs[offer.offer_id] = 1
    first, second = str(uuid.uuid4()), str(uuid.uuid4())

    reserved = await engine._reserve(offer, first, "client:r1", NOW)
    with pytest.raises(DomainError) as refused:
        await engine._reserve(offer, first, "client:r2", NOW)
    other = await engine._reserve(offer, second, "client:r3", NOW)

    assert (reserved.account_count, reserved.remaining_account) == (1, 0)
    assert refused.value.reason is ErrorReason.ACCOUNT_REDEMPTION_LIMIT_REACHED
    assert refused.value.metadata == {"max_account_redemption_count": "1"}
    assert (other.count, other.account_count) == (2, 1)


async def test_the_issue_limit_per_account_is_its_own_refusal():
    stores = fake_stores()
    engine = fake_engine(NOW, stores)
    offer = an_offer(max_account_issues=1, max_account_redemptions=5)
    stores.pools.epochs[offer.offer_id] = 1
    account = str(uuid.uuid4())

    await engine._reserve(offer, account, "client:i1", NOW, kind=CounterKind.ISSUED)
    with pytest.raises(DomainError) as refused:
        await engine._reserve(offer, account, "client:i2", NOW, kind=CounterKind.ISSUED)

    assert refused.value.reason is ErrorReason.ISSUE_LIMIT_PER_CUSTOMER_REACHED
    assert await engine._reserve(offer, account, "client:r1", NOW)  # Redemptions count apart.


async def test_an_offer_not_loaded_is_loaded_once_then_reserved():
    stores = fake_stores()
    engine = fake_engine(NOW, stores)
    offer = an_offer(max_redemptions=1)
    await stores.offers.insert(offer, "", NOW)

    reserved = await engine._reserve(offer, str(uuid.uuid4()), "client:r1", NOW)

    assert reserved.epoch == 1 and stores.pools.epochs[offer.offer_id] == 1 and engine._guard.ensured == 1
    assert stores.pools.published[offer.offer_id].offer_max == 1


async def test_a_released_reservation_gives_the_use_back():
    stores = fake_stores()
    engine = fake_engine(NOW, stores)
    offer = an_offer(max_redemptions=1)
    stores.pools.epochs[offer.offer_id] = 1
    account = str(uuid.uuid4())
    await engine._reserve(offer, account, "client:r1", NOW)
    held = HeldReservation(stores.pools, keys_of(offer.offer_id, account, 1), "client:r1", 1)

    await held.release()

    assert (await engine._reserve(offer, str(uuid.uuid4()), "client:r2", NOW)).count == 1


# --- code pools ----------------------------------------------------------------------------

async def test_draws_take_the_series_in_order_and_answer_none_when_all_are_empty():
    stores = fake_stores()
    offer_id = str(uuid.uuid4())
    stores.pools.epochs[offer_id] = 1
    stores.pools.pools = {(offer_id, "s1"): ["A1"], (offer_id, "s2"): ["B1"]}

    drawn = [await draw_code(stores, offer_id, ["s1", "s2"], 1, NOW_MS) for _ in range(3)]

    assert drawn == [("A1", "s1"), ("B1", "s2"), None]


async def test_a_draw_under_a_stale_epoch_is_state_rebuilding():
    stores = fake_stores()
    offer_id = str(uuid.uuid4())
    stores.pools.epochs[offer_id] = 2
    stores.pools.pools = {(offer_id, "s1"): ["A1"]}

    with pytest.raises(DomainError) as refused:
        await draw_code(stores, offer_id, ["s1"], 1, NOW_MS)

    assert refused.value.reason is ErrorReason.STATE_REBUILDING and stores.pools.pools[(offer_id, "s1")] == ["A1"]


async def test_a_failed_issue_gives_its_code_back_only_if_postgres_has_it_unissued():
    stores = fake_stores()
    offer_id = str(uuid.uuid4())
    stores.pools.epochs[offer_id] = 1
    stores.pools.pools = {(offer_id, "s1"): ["A1", "A2"]}
    stores.code_series.unissued_codes = {("s1", "A1")}
    await draw_code(stores, offer_id, ["s1"], 1, NOW_MS)
    await draw_code(stores, offer_id, ["s1"], 1, NOW_MS)

    back = [await settle_code(stores, offer_id, "s1", code, 1) for code in ("A1", "A2")]

    assert back == [1, 0] and stores.pools.pools[(offer_id, "s1")] == ["A1"]


async def test_revoked_codes_leave_the_pool_and_are_never_given_back():
    stores = fake_stores()
    offer_id = str(uuid.uuid4())
    stores.pools.epochs[offer_id] = 1
    stores.pools.pools = {(offer_id, "s1"): ["A1", "A2", "A3"]}
    stores.code_series.unissued_codes = {("s1", "A1"), ("s1", "A2"), ("s1", "A3")}
    drawn, _ = await draw_code(stores, offer_id, ["s1"], 1, NOW_MS)
    stores.code_series.revoked["rev"] = [("s1", "A1"), ("s1", "A2")]

    removed = await unpool_revoked_codes(stores, offer_id, "rev", 1)
    given_back = await settle_code(stores, offer_id, "s1", drawn, 1)

    assert (drawn, removed, given_back) == ("A1", 1, 0)
    assert stores.pools.pools[(offer_id, "s1")] == ["A3"]


async def test_the_sweep_gives_back_only_codes_past_their_deadline():
    stores = fake_stores()
    offer_id = str(uuid.uuid4())
    stores.pools.epochs[offer_id] = 1
    stores.pools.pools = {(offer_id, "s1"): ["A1"]}
    stores.code_series.unissued_codes = {("s1", "A1")}
    await draw_code(stores, offer_id, ["s1"], 1, NOW_MS)

    early = await sweep_drawn_codes(None, [offer_id], 1, NOW_MS + limits.CODE_DRAW_TTL_MS - 1, stores)
    late = await sweep_drawn_codes(None, [offer_id], 1, NOW_MS + limits.CODE_DRAW_TTL_MS, stores)

    assert (early, late) == (0, 1) and stores.pools.pools[(offer_id, "s1")] == ["A1"]


async def test_an_issue_that_finds_every_pool_empty_releases_its_reservation():
    stores = fake_stores()
    engine = fake_engine(NOW, stores)
    offer_id = str(uuid.uuid4())
    stores.pools.epochs[offer_id] = 1
    held = HeldReservation(stores.pools, keys_of(offer_id, "acct", 1, CounterKind.ISSUED), "client:i1", 1)

    with pytest.raises(DomainError) as refused:
        await engine._issue_code(offer_id, ["s1"], held, "")

    assert refused.value.reason is ErrorReason.CODES_EXHAUSTED and stores.pools.released == ["client:i1"]
