"""BatchEarnPoints over gRPC: up to 1,000 earns in one call, each exactly as EarnPoints (its own
request_id, its own answer or ErrorInfo-like error, in order), not atomic across items, a retried
batch replays every item, the batch bounds at their boundary, the ledger balanced after each test."""

from __future__ import annotations

import uuid

import pytest
from rewards.loyalty.v1 import loyalty_service_pb2 as api

from rewards_client import errors
from tests.e2e.test_points import balance, eur, ledger_invariants, new_account, new_program

__all__ = ["ledger_invariants"]


def item(account_id: str, bill_minor: int, request_id: str | None = None, **fields) -> api.EarnPointsRequest:
    return api.EarnPointsRequest(**{"request_id": uuid.uuid4().hex if request_id is None else request_id,
                                    "account_id": account_id, "store_id": "store-1",
                                    "transaction_id": uuid.uuid4().hex, "bill_amount": eur(bill_minor), **fields})


def batch(*items: api.EarnPointsRequest) -> api.BatchEarnPointsRequest:
    return api.BatchEarnPointsRequest(requests=list(items))


def outcome(result: api.BatchEarnPointsResult) -> str:
    return "OK" if result.WhichOneof("outcome") == "response" else result.error.reason


async def test_each_item_is_earned_or_refused_on_its_own_in_order(client):
    program = await new_program(client)
    first, second = await new_account(client, program), await new_account(client, program)
    dollars = api.EarnPointsRequest(request_id=uuid.uuid4().hex, account_id=second, store_id="store-1",
                                    transaction_id=uuid.uuid4().hex, bill_amount=eur(100))
    dollars.bill_amount.currency_code = "USD"

    reply = await client.call(client.loyalty.BatchEarnPoints, batch(
        item(first, 12_399), dollars, item(second, 5_000), item(second, 100, request_id="")))

    assert [outcome(result) for result in reply.results] == ["OK", "CURRENCY_MISMATCH", "OK", "FIELD_REQUIRED"]
    mismatch = reply.results[1].error
    assert mismatch.code == 3 and mismatch.domain == "rewards.loyalty"
    assert reply.results[3].error.metadata["field"] == "requests[3].request_id"
    assert reply.results[0].response.transaction.points == 123
    assert (await balance(client, first)).available_points == 123
    assert (await balance(client, second)).available_points == 50


async def test_a_retried_batch_replays_each_item_and_credits_once(client):
    program = await new_program(client)
    accounts = [await new_account(client, program) for _ in range(5)]
    request = batch(*(item(account, 1_000) for account in accounts), *(item(account, 2_000) for account in accounts))

    first = await client.call(client.loyalty.BatchEarnPoints, request)
    again = await client.call(client.loyalty.BatchEarnPoints, request)

    assert {outcome(result) for result in first.results} == {"OK"}
    assert again == first
    assert [(await balance(client, account)).available_points for account in accounts] == [30] * 5


async def test_one_purchase_twice_in_a_batch_earns_once(client):
    program = await new_program(client)
    account = await new_account(client, program)
    purchase = uuid.uuid4().hex

    reply = await client.call(client.loyalty.BatchEarnPoints, batch(
        item(account, 1_000, transaction_id=purchase), item(account, 1_000, transaction_id=purchase)))

    assert sorted(outcome(result) for result in reply.results) == ["OK", "PURCHASE_ALREADY_EARNED"]
    assert (await balance(client, account)).available_points == 10


async def test_a_request_id_used_twice_in_a_batch_is_refused_for_both(client):
    program = await new_program(client)
    account = await new_account(client, program)
    shared = uuid.uuid4().hex

    reply = await client.call(client.loyalty.BatchEarnPoints, batch(item(account, 1_000, request_id=shared),
                                                                    item(account, 1_000, request_id=shared)))

    assert [outcome(result) for result in reply.results] == ["FIELD_INVALID", "FIELD_INVALID"]
    assert (await balance(client, account)).available_points == 0


async def test_the_batch_holds_1000_items_and_not_1001(client):
    one = item(str(uuid.uuid4()), 100, request_id="")  # No request_id: each item refused at once.

    full = await client.call(client.loyalty.BatchEarnPoints, batch(*([one] * 1000)))
    assert len(full.results) == 1000 and {outcome(result) for result in full.results} == {"FIELD_REQUIRED"}

    with pytest.raises(errors.InvalidArgument) as over:
        await client.call(client.loyalty.BatchEarnPoints, batch(*([one] * 1001)))
    assert over.value.reason == "FIELD_OUT_OF_RANGE" and over.value.metadata["field"] == "requests"
    with pytest.raises(errors.InvalidArgument) as empty:
        await client.call(client.loyalty.BatchEarnPoints, batch())
    assert empty.value.reason == "FIELD_REQUIRED"


async def test_items_naming_unknown_interaction_points_are_refused_each_and_the_call_answers(client):
    program = await new_program(client)
    account = await new_account(client, program)

    reply = await client.call(client.loyalty.BatchEarnPoints, batch(
        item(account, 1_000, interaction_point_id="no-such-till"), item(account, 1_000, interaction_point_id="gone")))

    assert [outcome(result) for result in reply.results] == ["INTERACTION_POINT_NOT_FOUND"] * 2
    assert (await balance(client, account)).available_points == 0
