"""Issue 16's coupon rules over gRPC on real stores: the past-issue restriction (seed 003's
"Restrict based on past coupon issuals"), redemption until N days before expiry, products
applicable (bill lines in ValidateCoupon, RedeemCoupon, BatchRedeemCoupons and the checkout
basket), and account coupons with their offer's terms (seed 001's account coupon).

The boundaries run on the real worker with a FixedClock (tests/e2e/inprocess.py), so that "now" is
known to the microsecond; the rest on the shared server."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest
from google.protobuf import duration_pb2, timestamp_pb2
from rewards.checkout.v1 import checkout_service_pb2 as checkout_api
from rewards.checkout.v1 import resources_pb2 as baskets
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from core.domain.coupons import add_months
from rewards_client import RewardsClient, errors
from tests.e2e import builders, inprocess
from tests.e2e.builders import eur
from tests.e2e.coupon_accounts import new_account
from tests.ledger import check_ledger

PROGRAM = "prog"
MICROSECOND = dt.timedelta(microseconds=1)


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture(scope="module")
async def clocked(stores):
    """The real worker on the session's stores with a FixedClock."""
    async with inprocess.worker(stores, clock=inprocess.fixed_clock()) as worker:
        yield worker


@pytest.fixture
async def frozen(clocked, credentials, known_programs):
    """A client of the clocked worker, its clock set to the current second for this test."""
    clocked.clock.at = inprocess.fixed_clock().at
    async with RewardsClient.connect(clocked.target, credentials, timeout_s=60) as client:
        client.clock = clocked.clock
        yield client


async def refused(awaitable) -> errors.RewardsError:
    with pytest.raises(errors.RewardsError) as failure:
        await awaitable
    return failure.value


async def create(client: RewardsClient, reward: resources.Reward | None = None, content=None, **rules) -> str:
    message = builders.offer(PROGRAM, content=content, **rules)
    if reward is not None:
        message.reward.CopyFrom(reward)
    return (await builders.create_offer(client, message)).offer_id


async def issue(client: RewardsClient, offer_id: str, account_id: str) -> resources.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        request_id=uuid.uuid4().hex, offer_id=offer_id, account_id=account_id))).coupon


def set_issue_time(stores, coupon_id: str, when: dt.datetime) -> None:
    """Move an issued coupon's issue_time (as if it had been issued then)."""
    with psycopg.connect(stores.database_url) as connection:
        connection.execute("UPDATE coupons SET issue_time = %s WHERE coupon_id = %s", (when, coupon_id))


def timestamp(when: dt.datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(when)
    return stamp


def percent(bps: int) -> resources.Reward:
    return resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=bps)


def fixed(amount_minor: int) -> resources.Reward:
    return resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(amount_minor))


# --- restrict based on past coupon issuals ------------------------------------------------

async def test_an_account_issued_a_listed_offer_is_not_issued_the_restricting_one(client):
    earlier = await builders.new_offer(client, PROGRAM)
    other = await builders.new_offer(client, PROGRAM)
    restricted = await create(client, past_issue_offer_ids=[earlier, other], past_issue_months=6)
    stored = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=restricted))).offer
    assert (sorted(stored.rules.past_issue_offer_ids), stored.rules.past_issue_months) == (sorted([earlier, other]), 6)
    holder, fresh = await new_account(client), await new_account(client)
    past = await issue(client, earlier, holder)

    failure = await refused(issue(client, restricted, holder))
    assert failure.reason == "PAST_COUPON_ISSUED"
    assert failure.metadata["past_offer_id"] == earlier
    issued = past.issue_time.ToDatetime(dt.timezone.utc)
    assert dt.datetime.fromisoformat(failure.metadata["allowed_time"]) == add_months(issued, 6, "UTC")
    assert isinstance(failure, errors.FailedPrecondition)
    # Nothing was issued; an account never issued a listed offer gets its coupon.
    listed = await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
        account_id=holder, offer_id=restricted))
    assert list(listed.coupons) == []
    assert (await issue(client, restricted, fresh)).offer_id == restricted


async def test_a_revoked_past_coupon_still_counts(client):
    earlier = await builders.new_offer(client, PROGRAM)
    restricted = await create(client, past_issue_offer_ids=[earlier], past_issue_months=1)
    holder = await new_account(client)
    past = await issue(client, earlier, holder)
    await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(
        request_id=uuid.uuid4().hex, code=past.code, account_id=holder))
    assert (await refused(issue(client, restricted, holder))).reason == "PAST_COUPON_ISSUED"


async def test_past_issue_rules_are_refused_precisely_when_malformed(client):
    earlier = await builders.new_offer(client, PROGRAM)
    for rules, reason, field in (
            ({"past_issue_offer_ids": [earlier]}, "FIELD_REQUIRED", "offer.rules.past_issue_months"),
            ({"past_issue_offer_ids": [earlier], "past_issue_months": 121}, "FIELD_OUT_OF_RANGE",
             "offer.rules.past_issue_months"),
            ({"past_issue_months": 6}, "FIELD_INVALID", "offer.rules.past_issue_months"),
            ({"past_issue_offer_ids": ["nope"], "past_issue_months": 6}, "FIELD_INVALID",
             "offer.rules.past_issue_offer_ids"),
            ({"past_issue_offer_ids": [earlier, earlier], "past_issue_months": 6}, "FIELD_INVALID",
             "offer.rules.past_issue_offer_ids")):
        failure = await refused(create(client, **rules))
        assert (failure.reason, failure.metadata["field"]) == (reason, field), rules


def months_without_clamp(now: dt.datetime) -> int:
    """Months back from `now` to a month that has now's day (6 when it can be), so that an issue
    exactly that many months back is allowed again exactly at `now`."""
    for months in (6, *range(1, 13)):
        if add_months(add_months(now, -months, "UTC"), months, "UTC") == now:
            return months
    raise AssertionError(now)


async def test_the_restriction_ends_exactly_the_period_after_the_past_issue(frozen, stores):
    now = frozen.clock.at
    months = months_without_clamp(now)
    earlier = await builders.new_offer(frozen, PROGRAM)
    restricted = await create(frozen, past_issue_offer_ids=[earlier], past_issue_months=months)
    at_edge, inside = await new_account(frozen), await new_account(frozen)
    edge = add_months(now, -months, "UTC")
    set_issue_time(stores, (await issue(frozen, earlier, at_edge)).coupon_id, edge)
    set_issue_time(stores, (await issue(frozen, earlier, inside)).coupon_id, edge + MICROSECOND)

    failure = await refused(issue(frozen, restricted, inside))
    assert failure.reason == "PAST_COUPON_ISSUED"
    assert dt.datetime.fromisoformat(failure.metadata["allowed_time"]) == now + MICROSECOND
    assert (await issue(frozen, restricted, at_edge)).offer_id == restricted
    # One microsecond later the other account may be issued too.
    frozen.clock.at = now + MICROSECOND
    assert (await issue(frozen, restricted, inside)).offer_id == restricted


# --- redeemable until N days before expiry ------------------------------------------------

async def test_redemption_closes_exactly_n_days_before_the_coupons_expiry(frozen):
    now = frozen.clock.at
    offer_id = await create(frozen, expiry_mode=resources.EXPIRY_MODE_RELATIVE_TO_ISSUE,
                            coupon_validity=duration_pb2.Duration(seconds=3 * 86_400 + 60),
                            redeemable_until_days_before_expiry=3)
    stored = (await frozen.call(frozen.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer
    assert stored.rules.redeemable_until_days_before_expiry == 3
    first, second = await new_account(frozen), await new_account(frozen)
    one, two = await issue(frozen, offer_id, first), await issue(frozen, offer_id, second)
    end = now + dt.timedelta(seconds=60)

    listed = await frozen.call(frozen.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(account_id=first))
    assert listed.coupons[0].redeemable_until_time.ToDatetime(dt.timezone.utc) == end

    frozen.clock.at = end - MICROSECOND
    valid = await frozen.call(frozen.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=one.code, account_id=first, store_id="store-1", bill_amount=eur(2_000)))
    assert valid.redeemable, valid.reasons
    redeemed = await frozen.call(frozen.coupons.RedeemCoupon, builders.redeem(one.code, first, request_id="r1"))
    assert redeemed.reward.discount_amount.amount_minor == 500

    frozen.clock.at = end
    valid = await frozen.call(frozen.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=two.code, account_id=second, store_id="store-1", bill_amount=eur(2_000)))
    assert (valid.redeemable, list(valid.reasons)) == (False, ["REDEMPTION_CLOSED_BEFORE_EXPIRY"])
    failure = await refused(frozen.call(frozen.coupons.RedeemCoupon, builders.redeem(
        two.code, second, request_id=uuid.uuid4().hex)))
    assert failure.reason == "REDEMPTION_CLOSED_BEFORE_EXPIRY"
    assert dt.datetime.fromisoformat(failure.metadata["redemption_end_time"]) == end
    assert dt.datetime.fromisoformat(failure.metadata["expire_time"]) == two.expire_time.ToDatetime(dt.timezone.utc)


async def test_redeemable_until_days_is_bounded(client):
    assert await create(client, redeemable_until_days_before_expiry=3660)
    failure = await refused(create(client, redeemable_until_days_before_expiry=3661))
    assert (failure.reason, failure.metadata["field"]) == ("FIELD_OUT_OF_RANGE",
                                                           "offer.rules.redeemable_until_days_before_expiry")


# --- products applicable -------------------------------------------------------------------

def line(sku: str, amount_minor: int, category: str = "", count: int = 1) -> resources.BillLine:
    return resources.BillLine(sku=sku, category=category, item_count=count, line_amount=eur(amount_minor))


BILL = [line("MILK-1", 300, "dairy", 2), line("BREAD-1", 500, "bakery"), line("CHEESE-1", 1_200, "dairy")]


def redeem(code: str, account_id: str, lines=BILL, total: int = 2_000, **fields) -> coupons.RedeemCouponRequest:
    return coupons.RedeemCouponRequest(request_id=fields.pop("request_id", uuid.uuid4().hex), code=code,
                                       account_id=account_id, store_id="store-1", bill_amount=eur(total),
                                       bill_lines=lines, **fields)


async def product_offer(client, reward: resources.Reward, **rules) -> str:
    offer_id = await create(client, reward, **rules)
    return await builders.add_common_code(client, offer_id)


async def test_a_percent_discount_applies_to_the_matching_lines_only(client):
    code = await product_offer(client, percent(1_000), applicable_categories=["dairy"])
    account_id = await new_account(client)
    valid = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=code, account_id=account_id, store_id="store-1", bill_amount=eur(2_000), bill_lines=BILL))
    assert valid.redeemable and valid.reward.discount_amount.amount_minor == 150
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(code, account_id))
    assert redeemed.reward.discount_amount.amount_minor == 150  # 10% of 300 + 1200


async def test_a_fixed_discount_is_capped_at_the_matching_lines(client):
    code = await product_offer(client, fixed(800), applicable_skus=["BREAD-1"], applicable_categories=["wine"])
    account_id = await new_account(client)
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(code, account_id))
    assert redeemed.reward.discount_amount.amount_minor == 500


async def test_no_matching_line_is_a_precise_reason_and_changes_nothing(client, stores):
    offer_id = await create(client, fixed(200), applicable_skus=["WINE-1"], max_redemption_count=1)
    code = await builders.add_common_code(client, offer_id)
    account_id = await new_account(client)
    for lines, total in ((BILL, 2_000), ([], 2_000)):
        failure = await refused(client.call(client.coupons.RedeemCoupon, redeem(code, account_id, lines, total)))
        assert (failure.reason, failure.metadata["line_count"]) == ("NO_APPLICABLE_PRODUCT", str(len(lines)))
        assert isinstance(failure, errors.FailedPrecondition)
    valid = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=code, account_id=account_id, store_id="store-1", bill_amount=eur(2_000), bill_lines=BILL))
    assert list(valid.reasons) == ["NO_APPLICABLE_PRODUCT"]
    # The refusals took nothing: the only redemption the offer allows is still there.
    wine = await client.call(client.coupons.RedeemCoupon, redeem(code, account_id, [*BILL, line("WINE-1", 900)],
                                                                 2_900))
    assert wine.reward.discount_amount.amount_minor == 200


async def test_bill_lines_must_add_up_to_the_bill_in_its_currency(client):
    code = await product_offer(client, fixed(200), applicable_skus=["BREAD-1"])
    account_id = await new_account(client)
    mismatch = await refused(client.call(client.coupons.RedeemCoupon, redeem(code, account_id, BILL, 1_999)))
    assert mismatch.reason == "TOTAL_AMOUNT_MISMATCH" and isinstance(mismatch, errors.InvalidArgument)
    other = resources.BillLine(sku="BREAD-1", item_count=1, line_amount=resources.BillLine().line_amount)
    other.line_amount.amount_minor, other.line_amount.currency_code = 2_000, "USD"
    currency = await refused(client.call(client.coupons.RedeemCoupon, redeem(code, account_id, [other])))
    assert (currency.reason, currency.metadata["field"]) == ("FIELD_INVALID", "bill_lines[0].line_amount.currency_code")
    count = await refused(client.call(client.coupons.RedeemCoupon, redeem(
        code, account_id, [line("BREAD-1", 2_000, count=0)])))
    assert (count.reason, count.metadata["field"]) == ("FIELD_OUT_OF_RANGE", "bill_lines[0].item_count")


async def test_batch_redeem_prices_each_item_on_its_own_lines(client):
    code = await product_offer(client, percent(5_000), applicable_skus=["BREAD-1"])
    first, second = await new_account(client), await new_account(client)
    answer = await client.call(client.coupons.BatchRedeemCoupons, coupons.BatchRedeemCouponsRequest(requests=[
        redeem(code, first), redeem(code, second, [line("MILK-1", 2_000, "dairy")])]))
    assert answer.results[0].response.reward.discount_amount.amount_minor == 250
    assert answer.results[1].error.reason == "NO_APPLICABLE_PRODUCT"


async def test_a_basket_discounts_a_product_coupon_on_its_lines_and_a_refund_of_them_gives_it_back(client, stores):
    offer_id = await create(client, percent(1_000), applicable_categories=["dairy"])
    code = await builders.add_common_code(client, offer_id)
    account_id = await new_account(client)
    lines = [baskets.BasketLine(sku="MILK-1", item_count=2, line_amount=eur(300), category="dairy"),
             baskets.BasketLine(sku="BREAD-1", item_count=1, line_amount=eur(500), category="bakery"),
             baskets.BasketLine(sku="CHEESE-1", item_count=1, line_amount=eur(1_200), category="dairy")]
    basket = (await client.call(client.checkout.AuthorizeBasket, checkout_api.AuthorizeBasketRequest(
        request_id=uuid.uuid4().hex, account_id=account_id, store_id="store-1", transaction_id=uuid.uuid4().hex,
        lines=lines, total_amount=eur(2_000), coupon_codes=[code]))).basket
    assert [line.category for line in basket.lines] == ["dairy", "bakery", "dairy"]
    assert basket.coupon_results[0].reward.discount_amount.amount_minor == 150
    assert basket.discount_amount.amount_minor == 150
    captured = (await client.call(client.checkout.CaptureBasket, checkout_api.CaptureBasketRequest(
        request_id=uuid.uuid4().hex, basket_id=basket.basket_id))).basket
    assert captured.discount_amount.amount_minor == 150
    # Returning the bread keeps the coupon; returning every dairy line gives it back.
    kept = await client.call(client.checkout.RefundBasket, checkout_api.RefundBasketRequest(
        request_id=uuid.uuid4().hex, basket_id=basket.basket_id, lines=[baskets.ReturnedLine(line_index=1,
                                                                                             item_count=1)]))
    assert list(kept.refund.reversed_redemption_ids) == []
    back = await client.call(client.checkout.RefundBasket, checkout_api.RefundBasketRequest(
        request_id=uuid.uuid4().hex, basket_id=basket.basket_id, lines=[
            baskets.ReturnedLine(line_index=0, item_count=2), baskets.ReturnedLine(line_index=2, item_count=1)]))
    assert list(back.refund.reversed_redemption_ids) == [captured.coupon_results[0].redemption_id]


async def test_a_basket_without_a_matching_line_refuses_or_skips_the_product_coupon(client):
    code = await product_offer(client, fixed(100), applicable_skus=["WINE-1"])
    account_id = await new_account(client)
    request = checkout_api.AuthorizeBasketRequest(
        request_id=uuid.uuid4().hex, account_id=account_id, store_id="store-1", transaction_id=uuid.uuid4().hex,
        lines=[baskets.BasketLine(sku="BREAD-1", item_count=1, line_amount=eur(500))], total_amount=eur(500),
        coupon_codes=[code])
    failure = await refused(client.call(client.checkout.AuthorizeBasket, request))
    assert (failure.reason, failure.metadata["coupon_code"]) == ("NO_APPLICABLE_PRODUCT", code)
    request.request_id, request.skip_invalid_coupons = uuid.uuid4().hex, True
    basket = (await client.call(client.checkout.AuthorizeBasket, request)).basket
    assert (basket.coupon_results[0].applied, basket.coupon_results[0].reason) == (False, "NO_APPLICABLE_PRODUCT")


async def test_offer_products_are_bounded(client):
    assert await create(client, applicable_skus=[f"S-{n}" for n in range(1000)])
    failure = await refused(create(client, applicable_skus=[f"S-{n}" for n in range(1001)]))
    assert (failure.reason, failure.metadata["field"]) == ("FIELD_TOO_LONG", "offer.rules.applicable_skus")
    failure = await refused(create(client, applicable_categories=["C" * 65]))
    assert (failure.reason, failure.metadata["field"]) == ("FIELD_INVALID", "offer.rules.applicable_categories")


# --- account coupons with their terms -------------------------------------------------------

async def test_account_coupons_carry_their_offers_terms(client):
    content = resources.OfferContent(
        texts=[resources.OfferText(language_code="de", title="Beispiel", subtitle="Untertitel",
                                   description="Beschreibung", booking_text="Buchungstext")],
        image_uris=["https://images.example.com/coupon.jpg"], custom_properties={"CustomProperty1": "Example"},
        external_reference="ExternalReferenceExample", external_code="EXCODE")
    start = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=2)
    offer_id = await create(client, percent(1_500), content=content, max_account_redemption_count=2,
                            max_redemption_count=50, redemption_start_time=timestamp(start))
    plain = await builders.new_offer(client, PROGRAM)
    account_id = await new_account(client)
    await issue(client, offer_id, account_id)
    await issue(client, plain, account_id)

    listed = await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
        account_id=account_id))
    by_offer = {coupon.offer_id: coupon for coupon in listed.coupons}
    termed = by_offer[offer_id]
    assert (termed.max_account_redemption_count, termed.max_redemption_count) == (2, 50)
    assert (termed.reward.kind, termed.reward.discount_percent_bps) == (resources.REWARD_KIND_DISCOUNT_PERCENT, 1_500)
    assert termed.content == content
    assert termed.redeemable_from_time.ToDatetime(dt.timezone.utc) == start
    assert not termed.HasField("redeemable_until_time")
    untermed = by_offer[plain]
    assert (untermed.max_account_redemption_count, untermed.max_redemption_count) == (0, 0)
    assert untermed.reward.discount_amount.amount_minor == 500
    assert not untermed.HasField("redeemable_from_time")
    # GetAccountCoupon answers the same terms.
    one = (await client.call(client.coupons.GetAccountCoupon, coupons.GetAccountCouponRequest(
        account_coupon_id=termed.account_coupon_id))).coupon
    assert (one.max_account_redemption_count, one.reward, one.content) == (2, termed.reward, content)
