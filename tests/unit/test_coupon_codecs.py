"""Round trips of the coupon adapters' codecs (hypothesis): the stored offer definition, the
redemption row, the script replies, and the Redis key layout (byte for byte as before)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from core.adapters.postgres.offers import offer_definition, offer_from_definition, offer_from_row
from core.adapters.postgres.redemptions import REDEMPTION_COLUMNS, RedemptionRow
from core.adapters.redis.coupons import (DrawOutcome, LimitRefusal, OfferKeys, Refused, Reserved, check_reply,
                                         coupon_keys, draw_reply, drawn_key, keys_of, offer_keys, pool_key,
                                         reserve_reply, staging_pool_key)
from core.domain.coupons import (ExpiryMode, IssuanceRules, IssuedCoupon, Money, Offer, OfferContent, OfferState,
                                 OfferText, RedemptionRules, RematchPolicy)
from core.service.coupons.commands import Redemption, _OfferResult

TIMES = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                     timezones=st.just(dt.timezone.utc))
TEXT = st.text(max_size=12)
IDS = st.uuids().map(str)
MONEY = st.builds(Money, st.integers(0, 10**9), st.sampled_from(["EUR", "USD", "JPY"]))
SMALL = st.integers(0, 10**6)
HOURS = st.lists(st.tuples(st.integers(0, 23), st.integers(1, 24)), max_size=3).map(tuple)

RULES = st.builds(
    RedemptionRules, start_time=st.none() | TIMES, end_time=st.none() | TIMES,
    redemption_start_time=st.none() | TIMES, store_ids=st.frozensets(TEXT, max_size=3),
    min_bill=st.none() | MONEY, max_bill=st.none() | MONEY, days_of_week=st.frozensets(st.integers(1, 7)),
    hours=HOURS, min_gap_seconds=SMALL, max_account_redemptions=SMALL, max_redemptions=SMALL,
    time_zone=st.sampled_from(["UTC", "Europe/Berlin"]), max_account_issues=SMALL, max_issues=SMALL,
    expiry_mode=st.sampled_from(ExpiryMode), coupon_validity_seconds=SMALL, coupon_validity_months=SMALL,
    activation_required=st.booleans(), zone_ids=st.frozensets(TEXT, max_size=3),
    interaction_point_ids=st.frozensets(TEXT, max_size=3), days_of_month=st.frozensets(st.integers(1, 31)),
    registration_start_time=st.none() | TIMES, registration_end_time=st.none() | TIMES,
    max_prior_transactions=st.none() | SMALL, new_customers_only=st.booleans(), redemption_start_days=SMALL,
    anyone_may_redeem=st.booleans())
CONTENT = st.builds(
    OfferContent, texts=st.lists(st.builds(OfferText, TEXT, TEXT, TEXT, TEXT, TEXT), max_size=2).map(tuple),
    image_uris=st.lists(TEXT, max_size=2).map(tuple),
    custom_properties=st.dictionaries(TEXT, TEXT, max_size=3).map(lambda d: tuple(sorted(d.items()))),
    external_reference=TEXT, external_code=TEXT)
OFFERS = st.builds(
    Offer, offer_id=IDS, org_id=IDS, state=st.sampled_from(OfferState), rules=RULES,
    discount_amount=st.none() | MONEY, discount_percent_bps=SMALL, discount_max=st.none() | MONEY,
    common_code=st.none() | TEXT, program_id=TEXT, display_name=TEXT, description=TEXT, extra_points=SMALL,
    points_multiplier_bps=SMALL, price_points=SMALL,
    issuance=st.builds(IssuanceRules, SMALL, st.sampled_from(RematchPolicy), st.booleans(), SMALL),
    free_item_sku=TEXT, content=CONTENT, version=SMALL, create_time=st.none() | TIMES, update_time=st.none() | TIMES)


@settings(max_examples=200)
@given(OFFERS)
def test_an_offer_survives_its_stored_definition(offer):
    stored = json.loads(json.dumps(offer_definition(offer)))  # As JSONB gives it back.

    assert offer_from_definition(org_id=offer.org_id, offer_id=offer.offer_id, state=int(offer.state),
                                 definition=stored, common_code=offer.common_code, version=offer.version,
                                 create_time=offer.create_time, update_time=offer.update_time) == offer
    assert offer_from_row(offer.org_id, offer.common_code, offer.offer_id, int(offer.state), json.dumps(stored),
                          offer.version, offer.create_time, offer.update_time) == offer


@given(OFFERS)
def test_an_offer_survives_its_stored_reply(offer):
    reply = _OfferResult.from_json(json.loads(json.dumps(_OfferResult.of(offer).to_json())))

    assert reply.offer() == offer


def test_a_definition_stored_before_later_fields_reads_with_their_defaults():
    old = {"rules": {"start_time": None, "end_time": None, "redemption_start_time": None, "store_ids": ["s1"],
                     "min_bill": None, "max_bill": None, "days_of_week": [], "hours": [9, 17], "min_gap_seconds": 0,
                     "max_account_redemptions": 1, "max_redemptions": 0, "time_zone": "UTC"},
           "discount_amount": [500, "EUR"], "discount_percent_bps": 0, "discount_max": None}

    offer = offer_from_definition(org_id="org", offer_id="o", state=2, definition=old)

    assert offer.rules == RedemptionRules(store_ids=frozenset({"s1"}), hours=((9, 17),), max_account_redemptions=1)
    assert (offer.discount_amount, offer.issuance, offer.content) == (Money(500, "EUR"), IssuanceRules(),
                                                                      OfferContent())


REDEMPTION_ROWS = st.builds(
    RedemptionRow, redemption_id=IDS, org_id=IDS, offer_id=IDS, code=TEXT, account_id=IDS, store_id=TEXT,
    bill_minor=SMALL, currency_code=st.just("EUR"), discount_minor=SMALL, request_id=TEXT, client_id=TEXT,
    epoch=SMALL, redeem_time=TIMES, coupon_id=st.none() | IDS, coupon_use=st.none() | TEXT,
    points_transaction_id=st.none() | IDS)


@given(REDEMPTION_ROWS)
def test_a_redemption_row_survives_its_ledger_row(row):
    ledger = row.row()

    assert ledger.table == "coupon_redemptions" and ledger.columns == REDEMPTION_COLUMNS
    assert dict(zip(ledger.columns, ledger.values))["code"] == row.code
    assert RedemptionRow.of(ledger) == row


@given(st.builds(Redemption, IDS, IDS, IDS, SMALL, st.just("EUR"), TIMES, SMALL, st.integers(-1, 9),
                 st.integers(-1, 9), st.integers(0, 6), TEXT))
def test_a_redemption_survives_its_stored_reply(redemption):
    assert Redemption.from_json(json.loads(json.dumps(redemption.to_json()))) == redemption
    # to_json is written field by field: a field added to Redemption must be added there too.
    assert set(redemption.to_json()) == {field.name for field in dataclasses.fields(Redemption)}


@given(st.builds(IssuedCoupon, IDS, TEXT, IDS, IDS, TIMES, st.none() | TIMES, st.booleans(), st.none() | TIMES,
                 st.none() | TIMES, SMALL, SMALL, st.none() | TIMES, st.none() | TIMES, st.booleans()))
def test_an_issued_coupon_survives_its_stored_reply(coupon):
    assert IssuedCoupon.from_json(json.loads(json.dumps(coupon.to_json()))) == coupon


@given(st.builds(Reserved, epoch=SMALL, count=SMALL, reversals=SMALL, account_count=SMALL, account_max=SMALL,
                 offer_max=SMALL))
def test_a_reservation_reply_decodes_to_what_the_script_reserved(reserved):
    reply = [0, reserved.count, reserved.reversals, reserved.account_count, reserved.account_max, reserved.offer_max]

    assert reserve_reply(reserved.epoch, reply) == reserved


@given(st.sampled_from([code for code in LimitRefusal if code is not LimitRefusal.RESERVED]), SMALL)
def test_a_refusal_reply_decodes_to_its_reason(reason, detail):
    assert reserve_reply(1, [int(reason), detail]) == Refused(reason, detail)


@given(st.lists(st.tuples(st.sampled_from([LimitRefusal.GAP, LimitRefusal.ACCOUNT_LIMIT, LimitRefusal.OFFER_LIMIT]),
                          SMALL), max_size=3))
def test_a_check_reply_decodes_every_pair(pairs):
    flat = [value for code, detail in pairs for value in (int(code), detail)]

    assert check_reply(flat) == tuple(Refused(code, detail) for code, detail in pairs)


@given(TEXT.filter(bool), st.integers(1, 5))
def test_a_draw_reply_names_its_code_and_series(code, index):
    drawn = draw_reply([0, code.encode(), index])

    assert (drawn.outcome, drawn.code, drawn.series_index) == (DrawOutcome.DRAWN, code, index - 1)
    assert draw_reply([2]).outcome is DrawOutcome.EMPTY and draw_reply([1]).outcome is DrawOutcome.NOT_LOADED


@given(IDS, IDS, st.integers(0, 10**6), st.sampled_from(["redeemed", "issued"]))
def test_offer_keys_round_trip_through_their_list(offer_id, account_id, epoch, kind):
    keys = offer_keys(offer_id, account_id, epoch, kind)

    assert OfferKeys.of_list(keys).as_list() == keys


def test_the_key_layout_is_unchanged():
    offer_id, account_id, coupon_id = (str(uuid.UUID(int=n)) for n in (1, 2, 3))
    tag = f"rewards:{{o:{offer_id}}}"

    assert offer_keys(offer_id, account_id, 7) == [
        f"{tag}:epoch", f"{tag}:redeemed", f"{tag}:acct:{account_id}:redeemed", f"{tag}:acct:{account_id}:last",
        f"{tag}:reservations:7", f"{tag}:limits:redeemed"]
    assert offer_keys(offer_id, account_id, 7, "issued") == [
        f"{tag}:epoch", f"{tag}:issued", f"{tag}:acct:{account_id}:issued", f"{tag}:acct:{account_id}:issued-last",
        f"{tag}:issue-reservations:7", f"{tag}:limits:issued"]
    assert coupon_keys(offer_id, coupon_id) == [f"{tag}:coupon:{coupon_id}:uses", f"{tag}:coupon:{coupon_id}:reversals"]
    assert keys_of(offer_id, account_id, 7).reservations == f"{tag}:reservations:7"
    assert (pool_key(offer_id, "s"), drawn_key(offer_id, 7), staging_pool_key(offer_id, "s", 7)) == (
        f"{tag}:pool:s", f"{tag}:pool-drawn:7", f"{tag}:pool:s:load:7")
