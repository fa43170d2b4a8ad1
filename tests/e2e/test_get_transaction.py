"""LoyaltyService.GetTransaction over gRPC (seed 002's "Get Reward Transaction Details"): one
transaction by id with its details — its double-entry legs, its lucky-draw range, the void and
adjust stamps, the refunds and voids that reversed it; an unknown id, another organisation's and a
malformed one answer precise reasons. After each test the ledger balances."""

from __future__ import annotations

import uuid

import pytest
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from rewards_client import Credentials, RewardsClient, errors
from tests.conftest import ALL_SCOPES
from tests.e2e.test_lucky_draws import lucky_program
from tests.e2e.test_points import earn, error_of, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


def get(client, points_transaction_id: str):
    return client.call(client.loyalty.GetTransaction, api.GetTransactionRequest(
        points_transaction_id=points_transaction_id))


async def test_an_earn_is_read_with_its_legs_lucky_numbers_and_refunds(client):
    program = await lucky_program(client)
    account = await new_account(client, program)
    earned = (await earn(client, account, 12_000)).transaction
    first = (await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.points_transaction_id, points=20, note="one item back"))).transaction
    second = (await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.points_transaction_id, points=30))).transaction

    reply = await get(client, earned.points_transaction_id)

    t = reply.transaction
    assert (t.points_transaction_id, t.type, t.points, t.refunded_points) == (
        earned.points_transaction_id, loyalty.POINTS_TRANSACTION_TYPE_EARN, 120, 50)
    assert (t.bill_amount.amount_minor, t.store_id, t.transaction_id) == (12_000, "store-1", earned.transaction_id)
    assert [(m.ledger_account, m.points) for m in reply.movements] == [
        (f"issuance:{program}", -120), (f"wallet:{account}", 120)]
    assert sum(m.points for m in reply.movements) == 0
    assert (t.lucky_draw.from_number, t.lucky_draw.to_number) == ("0000000001", "0000000012")
    assert t.lucky_draw.state == loyalty.LUCKY_DRAW_ENTRY_STATE_VOIDED
    assert t.lucky_draw.void_points_transaction_id == first.points_transaction_id
    assert [r.points_transaction_id for r in reply.refunds] == [first.points_transaction_id,
                                                                second.points_transaction_id]
    assert [(r.type, r.points, r.note) for r in reply.refunds] == [
        (loyalty.POINTS_TRANSACTION_TYPE_REFUND, -20, "one item back"), (loyalty.POINTS_TRANSACTION_TYPE_REFUND, -30, "")]
    assert not t.HasField("voided") and not t.HasField("adjusted")
    # A refund read by its own id: its legs the other way, naming its original.
    refund = await get(client, first.points_transaction_id)
    assert [(m.ledger_account, m.points) for m in refund.movements] == [
        (f"wallet:{account}", -20), (f"issuance:{program}", 20)]
    assert refund.transaction.refunded_points_transaction_id == earned.points_transaction_id
    assert list(refund.refunds) == []


async def test_a_voided_earn_shows_its_void_and_an_adjustment_its_operator(client):
    program = await new_program(client)
    account = await new_account(client, program)
    earned = (await earn(client, account, 5_000)).transaction
    void = (await client.call(client.loyalty.VoidTransaction, api.VoidTransactionRequest(
        request_id=uuid.uuid4().hex, points_transaction_id=earned.points_transaction_id,
        operator="cashier 3"))).transaction
    adjusted = (await client.call(client.loyalty.AdjustPoints, api.AdjustPointsRequest(
        request_id=uuid.uuid4().hex, account_id=account, points=7, reason="goodwill", operator="desk"))).transaction

    voided = await get(client, earned.points_transaction_id)
    adjustment = await get(client, adjusted.points_transaction_id)

    assert voided.transaction.voided.by == "cashier 3"
    assert voided.transaction.voided.points_transaction_id == void.points_transaction_id
    assert voided.transaction.voided.at == void.create_time
    assert [(r.type, r.points) for r in voided.refunds] == [(loyalty.POINTS_TRANSACTION_TYPE_VOID, -50)]
    assert not voided.transaction.HasField("lucky_draw")
    assert adjustment.transaction.adjusted.by == "desk"
    assert adjustment.transaction.note == "goodwill"
    assert [(m.ledger_account, m.points) for m in adjustment.movements] == [
        (f"adjustment:{program}", -7), (f"wallet:{account}", 7)]


async def test_an_unknown_id_is_not_found(client):
    missing = str(uuid.uuid4())

    with pytest.raises(errors.NotFound) as refused:
        await get(client, missing)

    assert refused.value.reason == "POINTS_TRANSACTION_NOT_FOUND"
    assert refused.value.metadata["points_transaction_id"] == missing


async def test_another_organisations_transaction_is_not_found(client, server, stores):
    from core.service.clients import create_client

    account = await new_account(client, await new_program(client))
    earned = (await earn(client, account, 1_000)).transaction
    org_id = "org-other-" + uuid.uuid4().hex[:8]
    client_id, secret = create_client(stores.database_url, org_id, ALL_SCOPES)
    async with RewardsClient.connect(server.target, Credentials(org_id, client_id, secret)) as other:
        with pytest.raises(errors.NotFound) as refused:
            await get(other, earned.points_transaction_id)

    assert refused.value.reason == "POINTS_TRANSACTION_NOT_FOUND"
    assert (await get(client, earned.points_transaction_id)).transaction.points == 10


@pytest.mark.parametrize("points_transaction_id, reason", [("", "FIELD_REQUIRED"), ("not-a-uuid", "FIELD_INVALID")])
async def test_a_bad_id_names_its_field(client, points_transaction_id, reason):
    error = await error_of(get(client, points_transaction_id))

    assert (error.reason, error.metadata["field"]) == (reason, "points_transaction_id")
