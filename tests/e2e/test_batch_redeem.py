"""BatchRedeemCoupons over gRPC: up to 1,000 redemptions in one call, each exactly as RedeemCoupon
(its own request_id, its own answer or ErrorInfo-like error, in order), not atomic across items,
limits kept, a retried batch replays every item, the batch bounds at their boundary."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupons

from rewards_client import errors
from tests.e2e.coupon_accounts import new_accounts
from tests.e2e.builders import eur, offer_with_code, redeem
from tests.e2e.test_coupons import ledger_rows


def batch(*items: coupons.RedeemCouponRequest) -> coupons.BatchRedeemCouponsRequest:
    return coupons.BatchRedeemCouponsRequest(requests=list(items))


def outcome(result: coupons.BatchRedeemCouponResult) -> str:
    return "OK" if result.WhichOneof("outcome") == "response" else result.error.reason


async def test_each_item_is_redeemed_or_refused_on_its_own_in_order(client, stores):
    offer_id, code = await offer_with_code(client)
    first, second = await new_accounts(client, 2)
    request = batch(redeem(code, first, request_id=uuid.uuid4().hex),
                    redeem("NO-SUCH-CODE", first, request_id=uuid.uuid4().hex),
                    redeem(code, second, request_id=uuid.uuid4().hex),
                    redeem(code, second, request_id=""))

    reply = await client.call(client.coupons.BatchRedeemCoupons, request)

    assert [outcome(result) for result in reply.results] == ["OK", "COUPON_NOT_FOUND", "OK", "FIELD_REQUIRED"]
    missing = reply.results[1].error
    assert missing.code == 5 and missing.domain == "rewards.coupons" and missing.metadata["code"] == "NO-SUCH-CODE"
    assert reply.results[3].error.metadata["field"] == "requests[3].request_id"
    assert reply.results[0].response.reward.discount_amount == eur(500)
    assert reply.results[0].response.coupon.offer_id == offer_id
    assert ledger_rows(stores, offer_id) == 2


async def test_a_limit_holds_across_the_items_and_a_retried_batch_replays_each(client, stores):
    offer_id, code = await offer_with_code(client, max_redemption_count=5)
    accounts = await new_accounts(client, 10)
    request = batch(*(redeem(code, account, request_id=uuid.uuid4().hex) for account in accounts))

    first = await client.call(client.coupons.BatchRedeemCoupons, request)
    again = await client.call(client.coupons.BatchRedeemCoupons, request)

    outcomes = [outcome(result) for result in first.results]
    assert outcomes.count("OK") == 5 and outcomes.count("REDEMPTION_LIMIT_REACHED") == 5
    assert again == first
    assert ledger_rows(stores, offer_id) == 5
    with psycopg.connect(stores.database_url) as connection:
        committed = {request_id for (request_id,) in connection.execute(
            "SELECT request_id FROM coupon_redemptions WHERE offer_id = %s", (offer_id,))}
    assert committed == {item.request_id for item, result in zip(request.requests, first.results)
                         if outcome(result) == "OK"}


async def test_a_request_id_used_twice_in_a_batch_is_refused_for_both(client, stores):
    offer_id, code = await offer_with_code(client)
    account, = await new_accounts(client, 1)
    shared = uuid.uuid4().hex

    reply = await client.call(client.coupons.BatchRedeemCoupons, batch(
        redeem(code, account, request_id=shared), redeem(code, account, request_id=shared)))

    assert [outcome(result) for result in reply.results] == ["FIELD_INVALID", "FIELD_INVALID"]
    assert ledger_rows(stores, offer_id) == 0


async def test_the_batch_holds_1000_items_and_not_1001(client):
    item = redeem("NO-SUCH-CODE", str(uuid.uuid4()))  # No request_id: each item refused at once.

    full = await client.call(client.coupons.BatchRedeemCoupons, batch(*([item] * 1000)))
    assert len(full.results) == 1000 and {outcome(result) for result in full.results} == {"FIELD_REQUIRED"}

    with pytest.raises(errors.InvalidArgument) as over:
        await client.call(client.coupons.BatchRedeemCoupons, batch(*([item] * 1001)))
    assert over.value.reason == "FIELD_OUT_OF_RANGE" and over.value.metadata["field"] == "requests"
    with pytest.raises(errors.InvalidArgument) as empty:
        await client.call(client.coupons.BatchRedeemCoupons, batch())
    assert empty.value.reason == "FIELD_REQUIRED"
