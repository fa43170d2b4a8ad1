"""Interaction points (seed 001's interaction-id) over gRPC: registered per organisation and
mapped to a store (create, get, list, delete); a call names one in the `interaction-id` header
or its interaction_point_id field; an unknown one is refused and changes nothing; the store (zone,
concept) comes from the point ("bon-to-store") and the point is recorded on the redemption and
points transaction rows."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from rewards.accounts.v1 import interaction_point_service_pb2 as api
from rewards.accounts.v1 import resources_pb2 as resources
from rewards.coupons.v1 import coupon_service_pb2 as coupons

from rewards_client import RewardsClient, errors
from tests.e2e import builders
from tests.e2e.builders import eur, reason_of, redeem
from tests.e2e.coupon_accounts import new_account as coupon_account
from tests.e2e.programs import ensure_program
from tests.e2e.test_points import earn, new_account, new_program, otp


def rid() -> str:
    return uuid.uuid4().hex


def point(point_id: str = "", store_id: str = "store-1", **fields) -> resources.InteractionPoint:
    return resources.InteractionPoint(interaction_point_id=point_id or "till-" + rid()[:10],
                                      kind=fields.pop("kind", resources.INTERACTION_POINT_KIND_TILL), store_id=store_id,
                                      **fields)


async def create(client: RewardsClient, message: resources.InteractionPoint, request_id: str = ""):
    return (await client.call(client.interaction_points.CreateInteractionPoint, api.CreateInteractionPointRequest(
        request_id=request_id, interaction_point=message))).interaction_point


def rows(stores, sql: str, *args) -> list[tuple]:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(sql, args).fetchall()


async def coupon_code(client: RewardsClient, program_id: str = "prog", **rules) -> tuple[str, str]:
    created = await builders.create_offer(client, builders.offer(program_id, **rules))
    return created.offer_id, await builders.add_common_code(client, created.offer_id, prefix="IPT")


# --- CRUD ----------------------------------------------------------------------------------------

async def test_a_point_is_created_read_listed_and_deleted(client):
    store_id = "st-" + rid()[:8]
    created = await create(client, point(store_id=store_id, zone_id="north", concept_id="outlet",
                                         display_name="Till 1", kind=resources.INTERACTION_POINT_KIND_ESHOP))
    other = await create(client, point(store_id=store_id))
    read = (await client.call(client.interaction_points.GetInteractionPoint, api.GetInteractionPointRequest(
        interaction_point_id=created.interaction_point_id))).interaction_point
    listed = (await client.call(client.interaction_points.ListInteractionPoints, api.ListInteractionPointsRequest(
        store_id=store_id))).interaction_points

    assert read == created and created.create_time.seconds > 0
    assert (read.store_id, read.zone_id, read.concept_id, read.display_name, read.kind) == (
        store_id, "north", "outlet", "Till 1", resources.INTERACTION_POINT_KIND_ESHOP)
    assert [p.interaction_point_id for p in listed] == sorted([created.interaction_point_id,
                                                               other.interaction_point_id])

    await client.call(client.interaction_points.DeleteInteractionPoint, api.DeleteInteractionPointRequest(
        interaction_point_id=created.interaction_point_id))

    assert await reason_of(client.call(client.interaction_points.GetInteractionPoint, api.GetInteractionPointRequest(
        interaction_point_id=created.interaction_point_id))) == "INTERACTION_POINT_NOT_FOUND"
    assert await reason_of(client.call(client.interaction_points.DeleteInteractionPoint,
                                       api.DeleteInteractionPointRequest(
                                           interaction_point_id=created.interaction_point_id))) == \
        "INTERACTION_POINT_NOT_FOUND"
    listed = (await client.call(client.interaction_points.ListInteractionPoints, api.ListInteractionPointsRequest(
        store_id=store_id))).interaction_points
    assert [p.interaction_point_id for p in listed] == [other.interaction_point_id]
    again = await create(client, point(created.interaction_point_id, store_id="elsewhere"))  # The id is free again.
    assert again.store_id == "elsewhere"


async def test_an_id_is_unique_in_the_organisation_and_a_retry_replays(client):
    message = point()
    request_id = rid()
    first = await create(client, message, request_id)

    assert await create(client, message, request_id) == first
    with pytest.raises(errors.RewardsError) as taken:
        await create(client, point(message.interaction_point_id, store_id="store-2"))
    assert (taken.value.reason, taken.value.metadata["interaction_point_id"]) == (
        "INTERACTION_POINT_ALREADY_EXISTS", message.interaction_point_id)


async def test_list_pages_by_id_and_refuses_a_token_of_another_query(client):
    store_id = "st-" + rid()[:8]
    ids = sorted([(await create(client, point(store_id=store_id))).interaction_point_id for _ in range(5)])
    seen, token, pages = [], "", 0
    while True:
        page = await client.call(client.interaction_points.ListInteractionPoints, api.ListInteractionPointsRequest(
            store_id=store_id, page_size=2, page_token=token))
        seen += [p.interaction_point_id for p in page.interaction_points]
        pages += 1
        token = page.next_page_token
        if not token:
            break
        other = await reason_of(client.call(client.interaction_points.ListInteractionPoints,
                                            api.ListInteractionPointsRequest(store_id="x", page_token=token)))
        assert other == "FIELD_INVALID"

    assert (seen, pages) == (ids, 3)


@pytest.mark.parametrize("fields, field", [
    ({"interaction_point_id": ""}, "interaction_point.interaction_point_id"),
    ({"interaction_point_id": "has space"}, "interaction_point.interaction_point_id"),
    ({"interaction_point_id": "-leading"}, "interaction_point.interaction_point_id"),
    ({"interaction_point_id": "t" * 65}, "interaction_point.interaction_point_id"),
    ({"store_id": ""}, "interaction_point.store_id"),
    ({"store_id": "s" * 65}, "interaction_point.store_id"),
    ({"zone_id": "z" * 65}, "interaction_point.zone_id"),
    ({"concept_id": "c" * 65}, "interaction_point.concept_id"),
    ({"display_name": "n" * 257}, "interaction_point.display_name"),
    ({"kind": resources.INTERACTION_POINT_KIND_UNSPECIFIED}, "interaction_point.kind"),
    ({"kind": 99}, "interaction_point.kind"),
])
async def test_bad_points_are_refused_naming_the_field_and_create_nothing(client, fields, field):
    message = point()
    for name, value in fields.items():
        setattr(message, name, value)

    with pytest.raises(errors.RewardsError) as refused:
        await create(client, message)

    assert refused.value.reason.startswith("FIELD_") and refused.value.metadata["field"] == field
    if message.interaction_point_id and len(message.interaction_point_id) <= 64:
        assert await reason_of(client.call(client.interaction_points.GetInteractionPoint,
                                           api.GetInteractionPointRequest(
                                               interaction_point_id=message.interaction_point_id))) in (
            "INTERACTION_POINT_NOT_FOUND", "FIELD_INVALID")


async def test_limits_at_their_boundaries_are_accepted(client):
    message = point("t" + rid()[:63], store_id="s" * 64, zone_id="z" * 64, concept_id="c" * 64,
                    display_name="n" * 256)

    assert (await create(client, message)).interaction_point_id == message.interaction_point_id


# --- calls at a point ---------------------------------------------------------------------------

async def test_a_redemption_at_a_point_named_by_header_takes_its_store_and_records_the_point(client, stores):
    store_id = "st-" + rid()[:8]
    till = await builders.ensure_interaction_point(client, store_id=store_id)
    offer_id, code = await coupon_code(client, store_ids=[store_id])
    request = redeem(code, await coupon_account(client))
    request.ClearField("store_id")

    reply = await client.call(client.coupons.RedeemCoupon, request, interaction_id=till)

    assert rows(stores, "SELECT store_id, interaction_point_id FROM coupon_redemptions WHERE redemption_id = %s",
                reply.redemption_id) == [(store_id, till)]


async def test_the_field_names_a_point_as_the_header_does_and_they_must_agree(client, stores):
    till, other = [await builders.ensure_interaction_point(client) for _ in range(2)]
    _, code = await coupon_code(client)
    account = await coupon_account(client)

    by_field = redeem(code, account)
    by_field.interaction_point_id = till
    reply = await client.call(client.coupons.RedeemCoupon, by_field)
    both = redeem(code, account)
    both.interaction_point_id = till
    mismatch = await reason_of(client.call(client.coupons.RedeemCoupon, both, interaction_id=other))

    assert rows(stores, "SELECT interaction_point_id FROM coupon_redemptions WHERE redemption_id = %s",
                reply.redemption_id) == [(till,)]
    assert mismatch == "INTERACTION_POINT_MISMATCH"


async def test_an_unknown_or_deleted_point_is_refused_and_redeems_nothing(client, stores):
    offer_id, code = await coupon_code(client)
    till = await builders.ensure_interaction_point(client)
    await client.call(client.interaction_points.DeleteInteractionPoint, api.DeleteInteractionPointRequest(
        interaction_point_id=till))
    request = redeem(code, await coupon_account(client))

    with pytest.raises(errors.RewardsError) as unknown:
        await client.call(client.coupons.RedeemCoupon, request, interaction_id="never-registered")
    deleted = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await coupon_account(client)),
                                          interaction_id=till))
    bad_header = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await coupon_account(client)),
                                             interaction_id="bad header"))

    assert (unknown.value.reason, unknown.value.metadata["interaction_point_id"]) == (
        "INTERACTION_POINT_NOT_FOUND", "never-registered")
    assert (deleted, bad_header) == ("INTERACTION_POINT_NOT_FOUND", "FIELD_INVALID")
    assert rows(stores, "SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s", offer_id) == [(0,)]


async def test_a_request_naming_another_store_than_its_points_is_refused(client):
    till = await builders.ensure_interaction_point(client, store_id="st-" + rid()[:8])
    _, code = await coupon_code(client)

    with pytest.raises(errors.RewardsError) as refused:
        await client.call(client.coupons.RedeemCoupon, redeem(code, await coupon_account(client)), interaction_id=till)

    assert (refused.value.reason, refused.value.metadata["field"]) == ("INTERACTION_POINT_STORE_MISMATCH", "store_id")


async def test_the_points_zone_and_concept_locate_the_call(client):
    till = await builders.ensure_interaction_point(client, store_id="st-" + rid()[:8], zone_id="z-" + rid()[:6],
                                                   concept_id="outlet-" + rid()[:6])
    found = (await client.call(client.interaction_points.GetInteractionPoint, api.GetInteractionPointRequest(
        interaction_point_id=till))).interaction_point
    program_id = await ensure_program(client)
    concept_offer, in_concept = await coupon_code(client, program_id, concept_ids=[found.concept_id])
    zone_offer, in_zone = await coupon_code(client, program_id, zone_ids=[found.zone_id])
    other_offer, elsewhere = await coupon_code(client, program_id, concept_ids=["other"])
    account = await coupon_account(client, program_id)

    async def validate(code: str) -> list[str]:
        request = coupons.ValidateCouponRequest(code=code, account_id=account, bill_amount=eur(2_000))
        return list((await client.call(client.coupons.ValidateCoupon, request, interaction_id=till)).reasons)

    assert (await validate(in_concept), await validate(in_zone), await validate(elsewhere)) == (
        [], [], ["OFFER_CONCEPT_NOT_ALLOWED"])
    deals = (await client.call(client.coupons.ListDeals, coupons.ListDealsRequest(account_id=account),
                               interaction_id=till)).deals
    listed = {deal.offer_id for deal in deals}
    assert {concept_offer, zone_offer} <= listed and other_offer not in listed


async def test_a_batch_refuses_only_the_items_at_an_unknown_point(client, stores):
    till = await builders.ensure_interaction_point(client)
    _, code = await coupon_code(client)
    items = [redeem(code, await coupon_account(client), request_id=rid()) for _ in range(3)]
    items[1].interaction_point_id = "never-registered"
    items[2].interaction_point_id = till

    results = (await client.call(client.coupons.BatchRedeemCoupons, coupons.BatchRedeemCouponsRequest(
        requests=items))).results

    assert [r.error.reason for r in results] == ["", "INTERACTION_POINT_NOT_FOUND", ""]
    assert rows(stores, "SELECT interaction_point_id FROM coupon_redemptions WHERE redemption_id = %s",
                results[2].response.redemption_id) == [(till,)]
    assert rows(stores, "SELECT interaction_point_id FROM coupon_redemptions WHERE redemption_id = %s",
                results[0].response.redemption_id) == [(None,)]


async def test_an_earn_and_a_burn_at_a_point_record_it_with_its_store(client, server, stores):
    store_id = "st-" + rid()[:8]
    till = await builders.ensure_interaction_point(client, store_id=store_id)
    program_id = await new_program(client)
    account = await new_account(client, program_id)

    from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api
    earned = await client.call(client.loyalty.EarnPoints, loyalty_api.EarnPointsRequest(
        account_id=account, transaction_id=rid(), bill_amount=eur(5_000), interaction_point_id=till))
    otp_id, code = await otp(client, server, account, 10)
    burned = await client.call(client.loyalty.RedeemPoints, loyalty_api.RedeemPointsRequest(
        account_id=account, points=10, otp_id=otp_id, otp_code=code), interaction_id=till)

    assert (earned.transaction.store_id, earned.transaction.interaction_point_id) == (store_id, till)
    assert (burned.transaction.store_id, burned.transaction.interaction_point_id) == (store_id, till)
    assert sorted(rows(stores, "SELECT type, store_id, interaction_point_id FROM points_transactions"
                               " WHERE account_id = %s", account)) == sorted([
        (earned.transaction.type, store_id, till), (burned.transaction.type, store_id, till)])
    assert await reason_of(earn(client, account, 5_000, interaction_point_id="never-registered")) == \
        "INTERACTION_POINT_NOT_FOUND"
    read = (await client.call(client.loyalty.GetTransaction, loyalty_api.GetTransactionRequest(
        points_transaction_id=earned.transaction.points_transaction_id))).transaction
    history = (await client.call(client.loyalty.ListTransactions, loyalty_api.ListTransactionsRequest(
        account_id=account))).transactions
    assert (read.store_id, read.interaction_point_id) == (store_id, till)
    assert {(t.store_id, t.interaction_point_id) for t in history} == {(store_id, till)}


async def test_the_coupons_an_earn_applies_record_its_point_on_their_redemption_rows(client, stores):
    from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api

    from tests.e2e.test_points import earn_coupon_offer

    store_id = "st-" + rid()[:8]
    till = await builders.ensure_interaction_point(client, store_id=store_id)
    account = await new_account(client, await new_program(client))
    offer_id, code = await earn_coupon_offer(client, extra_points=50)

    earned = await client.call(client.loyalty.EarnPoints, loyalty_api.EarnPointsRequest(
        account_id=account, transaction_id=rid(), bill_amount=eur(5_000), coupon_codes=[code]), interaction_id=till)

    assert earned.transaction.reward_points == 50
    assert rows(stores, "SELECT store_id, interaction_point_id FROM coupon_redemptions WHERE offer_id = %s",
                offer_id) == [(store_id, till)]
