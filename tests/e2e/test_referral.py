"""Referrals over gRPC: an account is referred once (a second referrer is refused), a pair refers
one way only (the reverse is refused), each with its own reason, and concurrent attempts pay at
most one of them (points_referrals' constraints decide). The ledger balances after each test."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from tests.e2e.test_points import balance, error_of, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture
async def program(client):
    program_id = await new_program(client)
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program_id, display_name="Referral",
        referral=loyalty.ReferralEarnRule(referrer_points=500, referred_points=200))))
    return program_id


def refer(client, referee: str, referrer: str, request_id: str = ""):
    return client.call(client.loyalty.AllocateEvent, api.AllocateEventRequest(
        request_id=request_id or str(uuid.uuid4()), account_id=referee, referrer_account_id=referrer))


async def test_a_second_referrer_of_the_same_referee_is_refused(client, program):
    a, b, c = [await new_account(client, program) for _ in range(3)]
    await refer(client, b, a)

    refused = await error_of(refer(client, b, c))

    assert refused.reason == "REFERRAL_ALREADY_REFERRED"
    assert refused.metadata["account_id"] == b
    assert refused.metadata["referrer_account_id"] == a
    assert (await balance(client, c)).posted_points == 0
    assert (await balance(client, b)).posted_points == 200


async def test_the_reverse_pair_is_refused(client, program):
    a, b = [await new_account(client, program) for _ in range(2)]
    await refer(client, b, a)  # a referred b

    refused = await error_of(refer(client, a, b))  # b refers a

    assert refused.reason == "REFERRAL_REVERSE_PAIR"
    assert (refused.metadata["account_id"], refused.metadata["referrer_account_id"]) == (a, b)
    assert ((await balance(client, a)).posted_points, (await balance(client, b)).posted_points) == (500, 200)


async def test_the_same_pair_again_is_already_awarded_and_a_retry_replays(client, program):
    a, b = [await new_account(client, program) for _ in range(2)]
    request_id = str(uuid.uuid4())
    first = await refer(client, b, a, request_id)

    assert await refer(client, b, a, request_id) == first
    assert (await error_of(refer(client, b, a))).reason == "EVENT_ALREADY_AWARDED"
    assert (await balance(client, b)).posted_points == 200


async def test_a_referee_may_refer_others_and_a_referrer_refer_many(client, program):
    a, b, c, d = [await new_account(client, program) for _ in range(4)]
    await refer(client, b, a)
    await refer(client, c, a)
    await refer(client, d, b)

    assert (await balance(client, a)).posted_points == 1000
    assert (await balance(client, b)).posted_points == 200 + 500


async def test_concurrent_referrers_of_one_referee_pay_once(client, program):
    referee = await new_account(client, program)
    referrers = [await new_account(client, program) for _ in range(8)]

    outcomes = await asyncio.gather(*(error_of(refer(client, referee, r)) for r in referrers))

    assert sum(outcome is None for outcome in outcomes) == 1
    assert {outcome.reason for outcome in outcomes if outcome is not None} == {"REFERRAL_ALREADY_REFERRED"}
    assert (await balance(client, referee)).posted_points == 200
    paid = [(await balance(client, r)).posted_points for r in referrers]
    assert sorted(paid) == [0] * 7 + [500]


async def test_concurrent_reverse_pairs_pay_one_way_only(client, program):
    for _ in range(5):
        a, b = [await new_account(client, program) for _ in range(2)]

        outcomes = await asyncio.gather(error_of(refer(client, b, a)), error_of(refer(client, a, b)))

        assert sum(outcome is None for outcome in outcomes) == 1
        assert [o.reason for o in outcomes if o is not None] == ["REFERRAL_REVERSE_PAIR"]
        assert sorted([(await balance(client, a)).posted_points, (await balance(client, b)).posted_points]) == [200, 500]
