"""Built-in events fire by themselves over gRPC: ACCOUNT_CREATED on CreateAccount, FIRST_PURCHASE
on the first EarnPoints, MARKETING_OPT_IN on a membership that opts in, each once per account, in
the commit of the request that triggered it (a retry of that request pays nothing twice), and an
explicit AllocateEvent of the same event afterwards (or before) pays nothing twice. The ledger
balances and Redis agrees with it after each test."""

from __future__ import annotations

import asyncio
import uuid

import psycopg
import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from tests.e2e.test_points import balance, earn, new_account, new_program, reason_of
from tests.e2e.test_accounts_users import person
from tests.ledger import check_ledger

EVENT = loyalty.POINTS_TRANSACTION_TYPE_EVENT


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


async def event_rule(client, program_id: str, event, points: int, **fields) -> loyalty.EarnRule:
    reply = await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(
        earn_rule=loyalty.EarnRule(program_id=program_id, display_name=f"event {event}",
                                   event=loyalty.EventEarnRule(event=event, points=points, **fields))))
    return reply.earn_rule


async def events_of(client, account_id: str) -> list[loyalty.PointsTransaction]:
    listed = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account_id, types=[EVENT]))
    return list(listed.transactions)


def create_request(program_id: str, request_id: str = "") -> accounts_api.CreateAccountRequest:
    return accounts_api.CreateAccountRequest(request_id=request_id or uuid.uuid4().hex, program_id=program_id,
                                             identifiers=[accounts.Identifier(
                                                 type=accounts.IDENTIFIER_TYPE_CARDCODE,
                                                 value="C" + uuid.uuid4().hex[:12].upper())])


def allocate(client, account_id: str, event):
    return client.call(client.loyalty.AllocateEvent, api.AllocateEventRequest(account_id=account_id, event=event))


# --- ACCOUNT_CREATED --------------------------------------------------------------------------

async def test_creating_an_account_pays_the_account_created_rules_once(client):
    program_id = await new_program(client)
    rule = await event_rule(client, program_id, loyalty.EARN_EVENT_ACCOUNT_CREATED, 100)
    await event_rule(client, program_id, loyalty.EARN_EVENT_ACCOUNT_CREATED, 25, once_per_account=True)
    request = create_request(program_id)

    created = await client.call(client.accounts.CreateAccount, request)
    retried = await client.call(client.accounts.CreateAccount, request)

    account_id = created.account.account_id
    assert retried.account.account_id == account_id
    got = await balance(client, account_id)
    assert (got.posted_points, got.available_points) == (125, 125)
    paid = await events_of(client, account_id)
    assert sorted(t.points for t in paid) == [25, 100]
    assert {t.note for t in paid} == {"ACCOUNT_CREATED"}
    # An explicit allocation of the same event afterwards pays nothing more.
    assert await reason_of(allocate(client, account_id, loyalty.EARN_EVENT_ACCOUNT_CREATED)) == \
        "EVENT_ALREADY_AWARDED"
    assert (await balance(client, account_id)).posted_points == 125
    assert rule.earn_rule_id


async def test_an_account_of_a_program_without_the_rule_gets_nothing(client):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_FIRST_PURCHASE, 100)

    account_id = (await client.call(client.accounts.CreateAccount, create_request(program_id))).account.account_id

    assert (await balance(client, account_id)).posted_points == 0
    assert await events_of(client, account_id) == []


async def test_an_account_whose_identifier_is_taken_is_not_created_and_pays_nothing(client, stores):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_ACCOUNT_CREATED, 100)
    first = create_request(program_id)
    await client.call(client.accounts.CreateAccount, first)
    again = accounts_api.CreateAccountRequest(request_id=uuid.uuid4().hex, program_id=program_id,
                                              identifiers=first.identifiers)

    assert await reason_of(client.call(client.accounts.CreateAccount, again)) == "IDENTIFIER_ALREADY_EXISTS"
    with psycopg.connect(stores.database_url) as connection:
        paid = connection.execute("SELECT count(*) FROM points_transactions WHERE program_id = %s AND type = 3",
                                  (program_id,)).fetchone()[0]
    assert paid == 1


# --- FIRST_PURCHASE ---------------------------------------------------------------------------

async def test_the_first_purchase_pays_the_first_purchase_rule_once(client):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_FIRST_PURCHASE, 300)
    account_id = await new_account(client, program_id)
    request_id = uuid.uuid4().hex

    first = await earn(client, account_id, 1_000, request_id=request_id, transaction_id="t-1")
    retried = await earn(client, account_id, 1_000, request_id=request_id, transaction_id="t-1")
    second = await earn(client, account_id, 500)

    assert [(t.type, t.points, t.note) for t in first.event_transactions] == [(EVENT, 300, "FIRST_PURCHASE")]
    assert first.transaction.points == 10
    assert first.balance.available_points == 310
    assert retried == first
    assert list(second.event_transactions) == []
    assert (await balance(client, account_id)).posted_points == 315
    assert await reason_of(allocate(client, account_id, loyalty.EARN_EVENT_FIRST_PURCHASE)) == \
        "EVENT_ALREADY_AWARDED"
    assert (await balance(client, account_id)).posted_points == 315


async def test_an_explicit_first_purchase_allocation_before_is_not_paid_again(client):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_FIRST_PURCHASE, 300)
    account_id = await new_account(client, program_id)
    await allocate(client, account_id, loyalty.EARN_EVENT_FIRST_PURCHASE)

    first = await earn(client, account_id, 1_000)

    assert list(first.event_transactions) == []
    assert (await balance(client, account_id)).posted_points == 310


async def test_an_account_that_purchased_before_the_rule_existed_is_not_paid(client):
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    await earn(client, account_id, 1_000)
    await event_rule(client, program_id, loyalty.EARN_EVENT_FIRST_PURCHASE, 300)

    later = await earn(client, account_id, 1_000)

    assert list(later.event_transactions) == []
    assert (await balance(client, account_id)).posted_points == 20


async def test_concurrent_first_purchases_pay_the_event_once(client):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_FIRST_PURCHASE, 300)
    accounts_ = [await new_account(client, program_id) for _ in range(3)]

    replies = await asyncio.gather(*(earn(client, a, 100, transaction_id=f"t-{n}")
                                     for a in accounts_ for n in range(6)))

    assert sum(len(reply.event_transactions) for reply in replies) == 3
    for account_id in accounts_:
        assert [t.points for t in await events_of(client, account_id)] == [300]
        assert (await balance(client, account_id)).posted_points == 306


# --- MARKETING_OPT_IN -------------------------------------------------------------------------

async def new_user(client) -> str:
    return (await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(
        user=person()))).user.user_id


def join(account_id: str, user_id: str, *channels, request_id: str = "") -> accounts_api.AddMembershipRequest:
    return accounts_api.AddMembershipRequest(request_id=request_id or uuid.uuid4().hex, account_id=account_id,
                                             user_id=user_id, role=accounts.MEMBERSHIP_ROLE_COOWNER,
                                             marketing_opt_ins=list(channels))


async def test_a_marketing_opt_in_pays_once_per_account(client):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_MARKETING_OPT_IN, 50)
    account_id = await new_account(client, program_id)
    no_opt_in, opted, opted_too = await new_user(client), await new_user(client), await new_user(client)

    await client.call(client.accounts.AddMembership, join(account_id, no_opt_in))
    assert (await balance(client, account_id)).posted_points == 0

    request = join(account_id, opted, accounts.MARKETING_CHANNEL_EMAIL, accounts.MARKETING_CHANNEL_SMS)
    await client.call(client.accounts.AddMembership, request)
    await client.call(client.accounts.AddMembership, request)  # a retry
    await client.call(client.accounts.AddMembership, join(account_id, opted_too, accounts.MARKETING_CHANNEL_SMS))

    assert (await balance(client, account_id)).posted_points == 50
    assert [(t.points, t.note) for t in await events_of(client, account_id)] == [(50, "MARKETING_OPT_IN")]
    assert await reason_of(allocate(client, account_id, loyalty.EARN_EVENT_MARKETING_OPT_IN)) == \
        "EVENT_ALREADY_AWARDED"
    assert (await balance(client, account_id)).posted_points == 50


async def test_concurrent_opt_ins_of_one_account_pay_once(client):
    program_id = await new_program(client)
    await event_rule(client, program_id, loyalty.EARN_EVENT_MARKETING_OPT_IN, 50)
    account_id = await new_account(client, program_id)
    users = [await new_user(client) for _ in range(4)]

    await asyncio.gather(*(client.call(client.accounts.AddMembership, join(account_id, u,
                                                                           accounts.MARKETING_CHANNEL_PUSH))
                           for u in users), allocate(client, account_id, loyalty.EARN_EVENT_MARKETING_OPT_IN),
                         return_exceptions=True)

    assert (await balance(client, account_id)).posted_points == 50
    assert len(await events_of(client, account_id)) == 1
