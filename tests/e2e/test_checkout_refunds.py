"""CheckoutService.ListBaskets and RefundBasket over gRPC: an account's baskets page newest first;
a captured basket's returned lines take back their part of the earn and the coupons the kept
lines no longer carry, never more than was captured, and retries replay. The points ledger
balances and Redis agrees with Postgres after each test."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from rewards.accounts.v1 import resources_pb2 as account_resources
from rewards.checkout.v1 import checkout_service_pb2 as api
from rewards.checkout.v1 import resources_pb2 as baskets

from tests.e2e.test_checkout import (authorize, balance, burn, capture, off, offer, percent, redemptions,
                                     redis_count, refusal, void)
from tests.e2e.test_points import earn, eur, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture
async def member(client):
    """A program (1 point per EUR) and an account holding 1000 points."""
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    await earn(client, account_id, 100_000)
    return program_id, account_id


async def refund(client, basket_id: str, *lines: tuple[int, int], request_id: str = "") -> api.RefundBasketResponse:
    return await client.call(client.checkout.RefundBasket, api.RefundBasketRequest(
        request_id=request_id, basket_id=basket_id,
        lines=[baskets.ReturnedLine(line_index=index, item_count=count) for index, count in lines]))


def reversals(stores, offer_id: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM coupon_reversals JOIN coupon_redemptions USING (redemption_id)"
                                  " WHERE offer_id = %s", (offer_id,)).fetchone()[0]


# --- ListBaskets ----------------------------------------------------------------------------


async def test_list_baskets_pages_an_account_s_baskets_newest_first_by_state(client, member):
    program_id, account_id = member
    other = await new_account(client, program_id)
    made = []
    for _n in range(5):
        made.append((await client.call(client.checkout.AuthorizeBasket, authorize(account_id))).basket)
    await client.call(client.checkout.AuthorizeBasket, authorize(other))
    await capture(client, made[1].basket_id)
    await void(client, made[3].basket_id)

    seen, token = [], ""
    while True:
        page = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
            account_id=account_id, page_size=2, page_token=token))
        assert len(page.baskets) <= 2
        seen += page.baskets
        token = page.next_page_token
        if not token:
            break
    assert [b.basket_id for b in seen] == [b.basket_id for b in reversed(made)]
    assert {b.basket_id: b.state for b in seen}[made[1].basket_id] == baskets.BASKET_STATE_CAPTURED

    authorized = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_id=account_id, states=[baskets.BASKET_STATE_AUTHORIZED]))
    assert [b.basket_id for b in authorized.baskets] == [made[4].basket_id, made[2].basket_id, made[0].basket_id]
    assert authorized.next_page_token == ""
    done = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_id=account_id, states=[baskets.BASKET_STATE_VOIDED, baskets.BASKET_STATE_CAPTURED]))
    assert [b.basket_id for b in done.baskets] == [made[3].basket_id, made[1].basket_id]
    for basket in (await client.call(client.checkout.AuthorizeBasket, authorize(other)),):
        assert basket.basket.account_id == other


async def test_list_baskets_by_identifier_and_its_bad_input(client, member):
    from rewards.accounts.v1 import account_service_pb2 as accounts_api

    program_id, account_id = member
    card = "C" + uuid.uuid4().hex[:12].upper()
    carded = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[account_resources.Identifier(
            type=account_resources.IDENTIFIER_TYPE_CARDCODE, value=card)]))).account.account_id
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(carded))).basket
    by_card = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_identifier=account_resources.Identifier(type=account_resources.IDENTIFIER_TYPE_CARDCODE, value=card)))
    assert [b.basket_id for b in by_card.baskets] == [basket.basket_id]

    for request, reason, field in (
            (api.ListBasketsRequest(account_id=account_id, page_size=-1), "FIELD_OUT_OF_RANGE", "page_size"),
            (api.ListBasketsRequest(account_id=account_id, page_token="bm9wZQ"), "FIELD_INVALID", "page_token"),
            (api.ListBasketsRequest(account_id=account_id, states=[7]), "FIELD_OUT_OF_RANGE", "states[0]"),
            (api.ListBasketsRequest(account_id=account_id, states=[1, 1]), "FIELD_INVALID", "states")):
        refused = await refusal(client.call(client.checkout.ListBaskets, request))
        assert (refused.reason, refused.metadata["field"], refused.code.name) == (reason, field, "INVALID_ARGUMENT")
    missing = await refusal(client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_id=str(uuid.uuid4()))))
    assert missing.reason == "ACCOUNT_NOT_FOUND"
    # A token of another query (another state filter) is refused.
    for _ in range(2):
        await client.call(client.checkout.AuthorizeBasket, authorize(account_id))
    first = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(account_id=account_id, page_size=1))
    other = await refusal(client.call(client.checkout.ListBaskets, api.ListBasketsRequest(
        account_id=account_id, page_size=1, page_token=first.next_page_token, states=[1])))
    assert (other.reason, other.metadata["field"]) == ("FIELD_INVALID", "page_token")
    # The largest page is bounded (500): a larger page_size is served as 500.
    big = await client.call(client.checkout.ListBaskets, api.ListBasketsRequest(account_id=account_id,
                                                                                page_size=100_000))
    assert len(big.baskets) == 2 and big.next_page_token == ""


# --- RefundBasket ---------------------------------------------------------------------------


async def test_a_lower_capture_then_a_partial_then_the_rest_refund_the_earn_in_proportion(client, server, stores,
                                                                                        member):
    program_id, account_id = member
    big_id, big = await offer(client, program_id, off(500), min_bill_amount=eur(6_000))
    share_id, share = await offer(client, program_id, percent(1_000))
    # Lines: SKU-1 75 EUR x1, SKU-2 25 EUR x2; captured at 90 EUR (a 10 EUR item dropped at the till):
    # 5 EUR off 90, then 10% of 85 (8.50): payable 76.50 -> 76 points.
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, big, share, points_burn=await burn(client, server, account_id, 100), earn_points=True))).basket
    captured = await capture(client, basket.basket_id, final_total_amount=eur(9_000))
    assert (captured.discount_amount.amount_minor, captured.earned_points) == (1_350, 76)
    assert (await balance(client, account_id)).posted_points == 1_000 - 100 + 76
    check_ledger(stores.database_url, stores.redis_url)

    # One of the two SKU-2 units (12.50 EUR): floor(76 * 1250 / 9000) = 10 points back; 77.50 EUR kept
    # still carries both coupons.
    first = await refund(client, captured.basket_id, (1, 1))
    assert (first.refund.returned_amount.amount_minor, first.refund.refunded_points,
            list(first.refund.reversed_redemption_ids)) == (1_250, 10, [])
    assert first.refund.refund_points_transaction_id
    assert (await balance(client, account_id)).posted_points == 976 - 10
    check_ledger(stores.database_url, stores.redis_url)

    # SKU-1 (75 EUR): 87.50 returned in all, 2.50 EUR kept: the 60 EUR minimum of the first coupon
    # fails, it is reversed; the share coupon stays (no bill rule). floor(76 * 8750 / 9000) = 73 in all.
    second = await refund(client, captured.basket_id, (0, 1))
    assert (second.refund.returned_amount.amount_minor, second.refund.refunded_points) == (7_500, 63)
    assert [r for r in second.refund.reversed_redemption_ids] == [captured.coupon_results[0].redemption_id]
    assert (reversals(stores, big_id), redis_count(stores, big_id)) == (1, 0)
    assert (reversals(stores, share_id), redis_count(stores, share_id)) == (0, 1)
    check_ledger(stores.database_url, stores.redis_url)

    # The rest (the other SKU-2 unit): everything is back, the whole earn and every coupon.
    rest = await refund(client, captured.basket_id)
    assert [(line.line_index, line.item_count) for line in rest.refund.lines] == [(1, 1)]
    assert (rest.refund.returned_amount.amount_minor, rest.refund.refunded_points) == (250, 3)
    assert list(rest.refund.reversed_redemption_ids) == [captured.coupon_results[1].redemption_id]
    assert (reversals(stores, share_id), redis_count(stores, share_id)) == (1, 0)
    assert sum(r.returned_amount.amount_minor for r in rest.basket.refunds) == 9_000
    assert sum(r.refunded_points for r in rest.basket.refunds) == 76
    # The burn stays (it was tender): 1000 - 100.
    assert (await balance(client, account_id)).posted_points == 900
    got = (await client.call(client.checkout.GetBasket, api.GetBasketRequest(basket_id=basket.basket_id))).basket
    assert got == rest.basket and len(got.refunds) == 3 and got.state == baskets.BASKET_STATE_CAPTURED
    check_ledger(stores.database_url, stores.redis_url)

    # Nothing is left: a refund of anything is refused and changes nothing.
    for lines in ((), ((0, 1),), ((1, 1),)):
        refused = await refusal(refund(client, basket.basket_id, *lines))
        assert (refused.reason, refused.code.name) == ("REFUND_EXCEEDS_CAPTURED", "FAILED_PRECONDITION")
    assert (await balance(client, account_id)).posted_points == 900
    assert len((await client.call(client.checkout.GetBasket, api.GetBasketRequest(
        basket_id=basket.basket_id))).basket.refunds) == 3
    assert (redemptions(stores, big_id), redemptions(stores, share_id)) == (1, 1)


async def test_a_refund_beyond_what_is_left_is_refused_and_a_retry_replays(client, stores, member):
    program_id, account_id = member
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(account_id, earn_points=True))).basket
    captured = await capture(client, basket.basket_id)
    assert captured.earned_points == 100

    beyond = await refusal(refund(client, basket.basket_id, (1, 3)))
    assert (beyond.reason, beyond.metadata["line_index"], beyond.metadata["returnable_item_count"]) == (
        "REFUND_EXCEEDS_CAPTURED", "1", "2")
    request_id = uuid.uuid4().hex
    first = await refund(client, basket.basket_id, (1, 2), request_id=request_id)
    retry = await refund(client, basket.basket_id, (1, 2), request_id=request_id)
    assert first == retry and first.refund.refunded_points == 25
    reused = await refusal(refund(client, basket.basket_id, (0, 1), request_id=request_id))
    assert reused.reason == "IDEMPOTENCY_KEY_REUSED"
    again = await refusal(refund(client, basket.basket_id, (1, 1)))
    assert (again.reason, again.metadata["returnable_item_count"]) == ("REFUND_EXCEEDS_CAPTURED", "0")
    assert (await balance(client, account_id)).posted_points == 1_000 + 100 - 25
    check_ledger(stores.database_url, stores.redis_url)

    for lines, reason, field in ((((2, 1),), "FIELD_OUT_OF_RANGE", "lines[0].line_index"),
                                 (((0, 0),), "FIELD_OUT_OF_RANGE", "lines[0].item_count"),
                                 (((0, 1), (0, 1)), "FIELD_INVALID", "lines")):
        refused = await refusal(refund(client, basket.basket_id, *lines))
        assert (refused.reason, refused.metadata["field"]) == (reason, field)
    missing = await refusal(refund(client, str(uuid.uuid4())))
    assert missing.reason == "BASKET_NOT_FOUND"
    assert len((await client.call(client.checkout.GetBasket, api.GetBasketRequest(
        basket_id=basket.basket_id))).basket.refunds) == 1


async def test_only_a_captured_basket_is_refunded(client, member):
    authorized = (await client.call(client.checkout.AuthorizeBasket, authorize(member[1]))).basket
    refused = await refusal(refund(client, authorized.basket_id))
    assert (refused.reason, refused.code.name) == ("BASKET_NOT_CAPTURED", "FAILED_PRECONDITION")
    await void(client, authorized.basket_id)
    assert (await refusal(refund(client, authorized.basket_id))).reason == "BASKET_NOT_CAPTURED"


async def test_concurrent_refunds_of_one_basket_never_return_a_line_twice(client, stores, member):
    import asyncio
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(member[1], earn_points=True))).basket
    await capture(client, basket.basket_id)

    results = await asyncio.gather(*(refund(client, basket.basket_id, (0, 1)) for _ in range(6)),
                                   return_exceptions=True)

    done = [r for r in results if isinstance(r, api.RefundBasketResponse)]
    assert len(done) == 1 and done[0].refund.refunded_points == 75
    assert {r.reason for r in results if not isinstance(r, api.RefundBasketResponse)} <= {
        "REFUND_EXCEEDS_CAPTURED", "BASKET_REFUNDED_CONCURRENTLY"}
    got = (await client.call(client.checkout.GetBasket, api.GetBasketRequest(basket_id=basket.basket_id))).basket
    assert len(got.refunds) == 1
    assert (await balance(client, member[1])).posted_points == 1_000 + 100 - 75


async def test_a_free_item_coupon_goes_back_with_its_item_and_a_basket_without_lines_is_refunded_whole(
        client, stores, member):
    program_id, account_id = member
    from rewards.coupons.v1 import resources_pb2 as resources
    free_id, free = await offer(client, program_id, resources.Reward(kind=resources.REWARD_KIND_FREE_ITEM,
                                                                     free_item_sku="SKU-2"))
    share_id, share = await offer(client, program_id, percent(1_000))
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(account_id, free, share))).basket
    await capture(client, basket.basket_id)

    # One of the two SKU-2 units: the free item stays; both: it goes back, the share coupon stays.
    one = await refund(client, basket.basket_id, (1, 1))
    assert list(one.refund.reversed_redemption_ids) == [] and one.refund.refunded_points == 0
    both = await refund(client, basket.basket_id, (1, 1))
    assert list(both.refund.reversed_redemption_ids) == [basket.coupon_results[0].redemption_id]
    assert (reversals(stores, free_id), redis_count(stores, free_id)) == (1, 0)
    assert (reversals(stores, share_id), redis_count(stores, share_id)) == (0, 1)
    too_many = await refusal(client.call(client.checkout.RefundBasket, api.RefundBasketRequest(
        basket_id=basket.basket_id, lines=[baskets.ReturnedLine(line_index=0, item_count=1)] * 1_001)))
    assert (too_many.reason, too_many.metadata["field"]) == ("FIELD_TOO_LONG", "lines")

    # A basket sent without lines is returned whole, once.
    bare = authorize(account_id, earn_points=True)
    del bare.lines[:]
    bare_basket = (await client.call(client.checkout.AuthorizeBasket, bare)).basket
    await capture(client, bare_basket.basket_id)
    whole = await refund(client, bare_basket.basket_id)
    assert (whole.refund.returned_amount.amount_minor, whole.refund.refunded_points) == (10_000, 100)
    assert (await refusal(refund(client, bare_basket.basket_id))).reason == "REFUND_EXCEEDS_CAPTURED"
