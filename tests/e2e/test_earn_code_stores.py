"""Earn codes restricted to stores over gRPC (seed 004: "where the code will be applied"): a batch
of CreateEarnCodes may name stores; EarnByCode elsewhere (or without a store) is refused with
EARN_CODE_NOT_FOR_STORE and changes nothing, so the code stays usable where it belongs. After each
test the ledger balances."""

from __future__ import annotations

import time
import uuid

import pytest
from google.protobuf import timestamp_pb2
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api

from tests.e2e.test_points import balance, error_of, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


def create(program: str, count: int = 2, **fields) -> programs_api.CreateEarnCodesRequest:
    return programs_api.CreateEarnCodesRequest(
        program_id=program, points=100, count=count, expire_time=timestamp_pb2.Timestamp(
            seconds=int(time.time()) + 86_400), **fields)


async def codes(client, program: str, **fields) -> list[str]:
    replies = await client.stream(client.programs.CreateEarnCodes, create(program, **fields))
    return [code for reply in replies for code in reply.codes]


async def use(client, account: str, code: str, store_id: str = "", request_id: str = "") -> api.EarnByCodeResponse:
    return await client.call(client.loyalty.EarnByCode, api.EarnByCodeRequest(
        request_id=request_id, account_id=account, code=code, store_id=store_id))


async def test_a_code_restricted_to_stores_earns_only_in_them(client):
    program = await new_program(client)
    account = await new_account(client, program)
    first, second = await codes(client, program, store_ids=["mall-1", "mall-2"])

    elsewhere = await error_of(use(client, account, first, "kiosk-9"))
    nowhere = await error_of(use(client, account, first))
    earned = await use(client, account, first, "mall-2")

    assert (elsewhere.reason, elsewhere.metadata["store_id"]) == ("EARN_CODE_NOT_FOR_STORE", "kiosk-9")
    assert elsewhere.code.name == "FAILED_PRECONDITION"
    assert (nowhere.reason, nowhere.metadata["store_id"]) == ("EARN_CODE_NOT_FOR_STORE", "")
    assert (earned.transaction.points, earned.transaction.store_id) == (100, "mall-2")
    assert (await use(client, account, second, "mall-1")).transaction.points == 100
    assert (await balance(client, account)).available_points == 200
    history = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(account_id=account))
    assert [t.store_id for t in history.transactions] == ["mall-1", "mall-2"]


async def test_an_unrestricted_code_earns_in_any_store_or_none(client):
    program = await new_program(client)
    account = await new_account(client, program)
    first, second = await codes(client, program)

    assert (await use(client, account, first, "anywhere")).transaction.store_id == "anywhere"
    assert (await use(client, account, second)).transaction.points == 100


async def test_a_refusal_for_the_store_replays_and_leaves_the_code_usable_where_it_belongs(client):
    program = await new_program(client)
    account = await new_account(client, program)
    (code,) = await codes(client, program, count=1, store_ids=["mall-1"])
    request_id = uuid.uuid4().hex

    refused = await error_of(use(client, account, code, "kiosk", request_id))
    replayed = await error_of(use(client, account, code, "kiosk", request_id))
    earned = await use(client, account, code, "mall-1")

    assert refused.reason == replayed.reason == "EARN_CODE_NOT_FOR_STORE"
    assert earned.transaction.points == 100


@pytest.mark.parametrize("store_ids, reason, field", [
    (["a", "a"], "FIELD_INVALID", "store_ids"),
    (["a", ""], "FIELD_REQUIRED", "store_ids[1]"),
    (["s" * 65], "FIELD_TOO_LONG", "store_ids[0]"),
    ([f"s{n}" for n in range(1_001)], "FIELD_TOO_LONG", "store_ids")])
async def test_bad_store_lists_are_refused(client, store_ids, reason, field):
    program = await new_program(client)
    error = await error_of(codes(client, program, store_ids=store_ids))
    assert (error.reason, error.metadata["field"]) == (reason, field)


async def test_a_thousand_stores_and_a_64_character_store_are_allowed(client):
    program = await new_program(client)
    account = await new_account(client, program)
    longest = "s" * 64
    (code,) = await codes(client, program, count=1, store_ids=[longest] + [f"s{n}" for n in range(999)])

    assert (await use(client, account, code, longest)).transaction.store_id == longest


async def test_an_earn_by_code_store_over_64_characters_is_refused(client):
    program = await new_program(client)
    account = await new_account(client, program)
    (code,) = await codes(client, program, count=1)
    error = await error_of(use(client, account, code, "s" * 65))
    assert (error.reason, error.metadata["field"]) == ("FIELD_TOO_LONG", "store_id")
    assert (await use(client, account, code, "s" * 64)).transaction.points == 100
