"""Operator movements of points over gRPC: VoidTransaction (an earn or a redemption cancelled as if
it never happened, within the void window), AdjustPoints (an operator's credit or debit with a
reason) and BatchAllocatePoints (up to 1,000 credits, each its own request and result); history
shows `voided {by, at}` and `adjusted {by, at}`; after each test the ledger balances and Redis
agrees with Postgres."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import grpc
import psycopg
import pytest
from google.protobuf import duration_pb2
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import loyalty_service_pb2_grpc
from rewards.loyalty.v1 import resources_pb2 as loyalty

from core.domain import limits
from tests.e2e.inprocess import error_info_of
from tests.e2e.test_points import balance, earn, error_of, new_account, new_program, otp, reason_of, redeem
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture
async def program(client):
    return await new_program(client, points_expiry=duration_pb2.Duration(seconds=90 * 86_400))


@pytest.fixture
async def account(client, program):
    return await new_account(client, program)


def void(client, points_transaction_id: str, request_id: str = "", **fields):
    return client.call(client.loyalty.VoidTransaction, api.VoidTransactionRequest(
        request_id=request_id or uuid.uuid4().hex, points_transaction_id=points_transaction_id, **fields))


def adjust(client, account_id: str, points: int, reason: str = "goodwill", request_id: str = "", **fields):
    return client.call(client.loyalty.AdjustPoints, api.AdjustPointsRequest(
        request_id=request_id or uuid.uuid4().hex, account_id=account_id, points=points, reason=reason, **fields))


async def burn(client, server, account_id: str, points: int) -> loyalty.PointsTransaction:
    otp_id, code = await otp(client, server, account_id, points)
    return (await client.call(client.loyalty.RedeemPoints, redeem(account_id, points, otp_id, code))).transaction


async def history(client, account_id: str) -> list[loyalty.PointsTransaction]:
    return list((await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account_id))).transactions)


def backdate(stores, points_transaction_id: str, seconds: int) -> None:
    """Move a transaction's create_time `seconds` into the past (as if it had been posted then)."""
    with psycopg.connect(stores.database_url) as connection:
        connection.execute("UPDATE points_transactions SET create_time = create_time - make_interval(secs => %s)"
                           " WHERE points_transaction_id = %s", (seconds, points_transaction_id))


def lots(stores, account_id: str) -> list[tuple]:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(
            "SELECT points, remaining, expire_time FROM points_lots WHERE account_id = %s AND remaining > 0"
            " ORDER BY expire_time, earn_time, lot_id", (account_id,)).fetchall()


def ledger_rows(stores, points_transaction_id: str) -> tuple:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(
            "SELECT debit_account, credit_account, amount, operator, client_id FROM points_transactions"
            " WHERE points_transaction_id = %s", (points_transaction_id,)).fetchone()


# --- VoidTransaction ------------------------------------------------------------------------


async def test_a_voided_earn_is_gone_and_shown_voided_by_the_operator(client, stores, program, account):
    earned = (await earn(client, account, 10_000)).transaction
    await earn(client, account, 5_000)

    reply = await void(client, earned.points_transaction_id, operator="cashier 7", note="wrong card")

    assert reply.transaction.type == loyalty.POINTS_TRANSACTION_TYPE_VOID
    assert reply.transaction.points == -100
    assert reply.transaction.refunded_points_transaction_id == earned.points_transaction_id
    assert reply.transaction.note == "wrong card"
    assert reply.balance.available_points == 50
    assert (await balance(client, account)).posted_points == 50
    assert reply.voided_transaction.voided.by == "cashier 7"
    debit, credit, amount, operator, client_id = ledger_rows(stores, reply.transaction.points_transaction_id)
    assert (debit, credit, amount, operator) == (f"wallet:{account}", f"issuance:{program}", 100, "cashier 7")
    # The history shows the earn voided {by, at}, and the void itself.
    listed = {t.points_transaction_id: t for t in await history(client, account)}
    original = listed[earned.points_transaction_id]
    assert original.voided.by == "cashier 7"
    assert original.voided.operator == "cashier 7"
    assert original.voided.client_id == client_id
    assert original.voided.points_transaction_id == reply.transaction.points_transaction_id
    assert original.voided.at == reply.transaction.create_time
    assert not listed[reply.transaction.points_transaction_id].HasField("voided")
    # Only the other earn's lot is left.
    assert [points for points, *_ in lots(stores, account)] == [50]


async def test_a_void_without_operator_is_by_the_api_client(client, stores, account):
    earned = (await earn(client, account, 2_000)).transaction

    reply = await void(client, earned.points_transaction_id)

    client_id = ledger_rows(stores, reply.transaction.points_transaction_id)[4]
    assert reply.voided_transaction.voided.by == client_id
    assert reply.voided_transaction.voided.operator == ""


async def test_a_voided_redemption_gives_the_points_back_with_the_spent_lots_expiry(client, server, stores, account):
    await earn(client, account, 10_000)
    await earn(client, account, 5_000)
    before = lots(stores, account)
    burned = await burn(client, server, account, 120)

    reply = await void(client, burned.points_transaction_id)

    assert reply.transaction.points == 120
    assert reply.balance.available_points == 150
    assert (await balance(client, account)).posted_points == 150
    early, late = before[0][2], before[1][2]
    assert early < late
    # 100 came back with the first lot's expiry, 20 with the second's; 30 of the second were left.
    assert sorted((r, e) for _, r, e in lots(stores, account)) == [(20, late), (30, late), (100, early)]
    listed = {t.points_transaction_id: t for t in await history(client, account)}
    assert listed[burned.points_transaction_id].HasField("voided")


async def test_a_void_is_idempotent_and_a_second_void_is_refused(client, account):
    earned = (await earn(client, account, 3_000)).transaction
    request_id = uuid.uuid4().hex

    first = await void(client, earned.points_transaction_id, request_id)
    again = await void(client, earned.points_transaction_id, request_id)

    assert again == first
    refused = await error_of(void(client, earned.points_transaction_id))
    assert refused.reason == "POINTS_TRANSACTION_ALREADY_VOIDED"
    assert refused.metadata["void_points_transaction_id"] == first.transaction.points_transaction_id
    assert (await balance(client, account)).posted_points == 0


async def test_concurrent_voids_of_one_earn_let_one_through(client, account):
    earned = (await earn(client, account, 4_000)).transaction

    reasons = await asyncio.gather(*(reason_of(void(client, earned.points_transaction_id)) for _ in range(10)))

    assert reasons.count(None) == 1
    assert set(reasons) == {None, "POINTS_TRANSACTION_ALREADY_VOIDED"}
    assert (await balance(client, account)).posted_points == 0


async def test_a_voided_transaction_cannot_be_refunded(client, account):
    earned = (await earn(client, account, 4_000)).transaction
    await void(client, earned.points_transaction_id)

    refused = await error_of(client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.points_transaction_id, points=1)))

    assert refused.reason == "POINTS_TRANSACTION_ALREADY_VOIDED"


async def test_a_refunded_transaction_cannot_be_voided(client, account):
    earned = (await earn(client, account, 4_000)).transaction
    await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.points_transaction_id, points=10))

    refused = await error_of(void(client, earned.points_transaction_id))

    assert (refused.reason, refused.metadata["refunded_points"]) == ("POINTS_TRANSACTION_REFUNDED", "10")
    assert (await balance(client, account)).posted_points == 30


async def test_concurrent_refunds_and_voids_of_one_earn_never_both_pass(client, account):
    earned = (await earn(client, account, 5_000)).transaction
    refund = lambda: client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(  # noqa: E731
        points_transaction_id=earned.points_transaction_id, points=50))

    reasons = await asyncio.gather(*[reason_of(void(client, earned.points_transaction_id)) for _ in range(5)],
                                   *[reason_of(refund()) for _ in range(5)])

    voided = reasons[:5].count(None)
    refunded = reasons[5:].count(None)
    assert (voided, refunded) in ((1, 0), (0, 1))
    assert set(reasons[:5]) <= {None, "POINTS_TRANSACTION_ALREADY_VOIDED", "POINTS_TRANSACTION_REFUNDED"}
    assert set(reasons[5:]) <= {None, "REFUND_EXCEEDS_TRANSACTION", "POINTS_TRANSACTION_ALREADY_VOIDED"}
    assert (await balance(client, account)).posted_points == 0


async def test_only_earns_and_redemptions_can_be_voided(client, account):
    await adjust(client, account, 10)
    adjusted = (await history(client, account))[0]
    earned = (await earn(client, account, 4_000)).transaction
    voided = await void(client, earned.points_transaction_id)

    for transaction_id in (adjusted.points_transaction_id, voided.transaction.points_transaction_id):
        refused = await error_of(void(client, transaction_id))
        assert refused.reason == "POINTS_TRANSACTION_NOT_VOIDABLE"
        assert refused.code.name == "FAILED_PRECONDITION"
    assert (await error_of(void(client, str(uuid.uuid4())))).reason == "POINTS_TRANSACTION_NOT_FOUND"


async def test_a_void_is_allowed_until_the_end_of_the_window(client, stores, account):
    inside = (await earn(client, account, 1_000)).transaction
    outside = (await earn(client, account, 2_000)).transaction
    # A minute before the window closes, and a minute after.
    backdate(stores, inside.points_transaction_id, limits.VOID_WINDOW_SECONDS - 60)
    backdate(stores, outside.points_transaction_id, limits.VOID_WINDOW_SECONDS + 60)

    await void(client, inside.points_transaction_id)
    refused = await error_of(void(client, outside.points_transaction_id))

    assert refused.reason == "VOID_WINDOW_PASSED"
    deadline = dt.datetime.fromisoformat(refused.metadata["void_deadline"])
    created = outside.create_time.ToDatetime(tzinfo=dt.timezone.utc)
    assert deadline == created - dt.timedelta(seconds=60)
    assert (await balance(client, account)).posted_points == 20


async def test_a_void_of_spent_points_follows_the_overdraft_policy(client, server):
    for policy, expected in ((loyalty.REFUND_OVERDRAFT_POLICY_REJECT, "INSUFFICIENT_POINTS"),
                             (loyalty.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE, None)):
        program = await new_program(client, refund_overdraft=policy)
        account = await new_account(client, program)
        earned = (await earn(client, account, 10_000)).transaction
        await burn(client, server, account, 80)

        assert await reason_of(void(client, earned.points_transaction_id)) == expected
        assert (await balance(client, account)).posted_points == (20 if expected else -80)


@pytest.mark.parametrize(("fields", "reason", "field"), [
    ({"request_id": "x" * 129}, "FIELD_TOO_LONG", "request_id"),
    ({"points_transaction_id": ""}, "FIELD_REQUIRED", "points_transaction_id"),
    ({"points_transaction_id": "not-a-uuid"}, "FIELD_INVALID", "points_transaction_id"),
    ({"operator": "o" * (limits.OPERATOR_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "operator"),
    ({"note": "n" * (limits.NOTE_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "note"),
])
async def test_bad_voids_are_invalid_argument(client, account, fields, reason, field):
    earned = (await earn(client, account, 1_000)).transaction
    request = {"request_id": uuid.uuid4().hex, "points_transaction_id": earned.points_transaction_id, **fields}

    refused = await error_of(client.call(client.loyalty.VoidTransaction, api.VoidTransactionRequest(**request)))

    assert (refused.code.name, refused.reason, refused.metadata["field"]) == ("INVALID_ARGUMENT", reason, field)
    assert (await balance(client, account)).posted_points == 10


async def test_operator_and_note_at_their_length_limits_are_accepted(client, account):
    earned = (await earn(client, account, 1_000)).transaction

    note = "two\nlines" + "n" * (limits.NOTE_LENGTH_MAX - 9)  # free text keeps its line breaks
    reply = await void(client, earned.points_transaction_id, operator="o" * limits.OPERATOR_LENGTH_MAX, note=note)

    assert reply.voided_transaction.voided.operator == "o" * limits.OPERATOR_LENGTH_MAX
    assert reply.transaction.note == note
    assert await reason_of(adjust(client, account, 1, "two\nlines")) == "FIELD_INVALID"  # a reason is one line


# --- AdjustPoints ---------------------------------------------------------------------------


async def test_an_adjustment_credits_and_debits_with_its_reason_and_operator(client, stores, program, account):
    credit = await adjust(client, account, 70, "lost receipt", operator="back office: ana")
    debit = await adjust(client, account, -20, "double credit")

    assert (credit.transaction.type, credit.transaction.points) == (loyalty.POINTS_TRANSACTION_TYPE_ADJUST, 70)
    assert credit.transaction.note == "lost receipt"
    assert credit.transaction.HasField("expire_time")  # a credit expires like any credit
    assert credit.transaction.adjusted.by == "back office: ana"
    assert credit.transaction.adjusted.at == credit.transaction.create_time
    assert debit.balance.available_points == 50
    assert (await balance(client, account)).posted_points == 50
    assert ledger_rows(stores, credit.transaction.points_transaction_id)[:3] == (
        f"adjustment:{program}", f"wallet:{account}", 70)
    assert ledger_rows(stores, debit.transaction.points_transaction_id)[:3] == (
        f"wallet:{account}", f"adjustment:{program}", 20)
    listed = await history(client, account)
    assert [t.points for t in listed] == [-20, 70]
    client_id = ledger_rows(stores, debit.transaction.points_transaction_id)[4]
    assert listed[0].adjusted.by == client_id and listed[1].adjusted.by == "back office: ana"


async def test_an_adjustment_is_idempotent(client, account):
    request_id = uuid.uuid4().hex
    first = await adjust(client, account, 5, request_id=request_id)

    assert await adjust(client, account, 5, request_id=request_id) == first
    assert await reason_of(adjust(client, account, 6, request_id=request_id)) == "IDEMPOTENCY_KEY_REUSED"
    assert (await balance(client, account)).posted_points == 5


async def test_an_adjustment_by_identifier(client, program):
    value = "C" + uuid.uuid4().hex[:12].upper()
    from rewards.accounts.v1 import account_service_pb2 as accounts_api
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=value)]))

    reply = await client.call(client.loyalty.AdjustPoints, api.AdjustPointsRequest(
        account_identifier=accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=value),
        points=9, reason="welcome"))

    assert reply.transaction.account_id == created.account.account_id


async def test_a_debit_below_zero_follows_the_overdraft_policy(client):
    for policy, expected in ((loyalty.REFUND_OVERDRAFT_POLICY_REJECT, "INSUFFICIENT_POINTS"),
                             (loyalty.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE, None)):
        account = await new_account(client, await new_program(client, refund_overdraft=policy))
        await adjust(client, account, 10)

        refused = await error_of(adjust(client, account, -11))

        assert (refused.reason if refused else None) == expected
        assert (await balance(client, account)).posted_points == (10 if expected else -1)


@pytest.mark.parametrize(("fields", "reason", "field"), [
    ({"points": 0}, "FIELD_OUT_OF_RANGE", "points"),
    ({"points": limits.POINTS_MAX + 1}, "FIELD_OUT_OF_RANGE", "points"),
    ({"points": -limits.POINTS_MAX - 1}, "FIELD_OUT_OF_RANGE", "points"),
    ({"reason": ""}, "FIELD_REQUIRED", "reason"),
    ({"reason": "r" * (limits.ADJUST_REASON_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "reason"),
    ({"reason": "tab\there"}, "FIELD_INVALID", "reason"),
    ({"operator": "o" * (limits.OPERATOR_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "operator"),
    ({"account_id": ""}, "FIELD_REQUIRED", "account_id"),
])
async def test_bad_adjustments_are_invalid_argument(client, account, fields, reason, field):
    request = {"request_id": uuid.uuid4().hex, "account_id": account, "points": 5, "reason": "ok", **fields}

    refused = await error_of(client.call(client.loyalty.AdjustPoints, api.AdjustPointsRequest(**request)))

    assert (refused.code.name, refused.reason, refused.metadata["field"]) == ("INVALID_ARGUMENT", reason, field)
    assert (await balance(client, account)).posted_points == 0


async def test_adjustments_at_their_limits_are_accepted(client):
    account = await new_account(client, await new_program(
        client, refund_overdraft=loyalty.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE))

    await adjust(client, account, limits.POINTS_MAX, "r" * limits.ADJUST_REASON_LENGTH_MAX)
    await adjust(client, account, -limits.POINTS_MAX, "back")

    assert (await balance(client, account)).posted_points == 0


async def test_an_unknown_account_is_not_found(client):
    assert await reason_of(adjust(client, str(uuid.uuid4()), 5)) == "ACCOUNT_NOT_FOUND"


# --- BatchAllocatePoints --------------------------------------------------------------------


def row(account_id: str = "", points: int = 10, reason: str = "campaign", request_id: str = "", **fields):
    return api.BatchAllocatePointsRequest.Row(request_id=request_id or uuid.uuid4().hex, account_id=account_id,
                                              points=points, reason=reason, **fields)


def allocate(client, rows, operator: str = "", request_id: str = ""):
    return client.call(client.loyalty.BatchAllocatePoints, api.BatchAllocatePointsRequest(
        request_id=request_id or uuid.uuid4().hex, rows=rows, operator=operator))


async def test_a_batch_credits_each_row_and_reports_each_result(client, program):
    first, second = await new_account(client, program), await new_account(client, program)
    card = "C" + uuid.uuid4().hex[:12].upper()
    from rewards.accounts.v1 import account_service_pb2 as accounts_api
    third = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE,
                                                             value=card)]))).account.account_id
    rows = [row(first, 10), row(second, 20), row(first, 5),
            row(account_identifier=accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card), points=7),
            row(str(uuid.uuid4()), 1), row(second, 0), row(second, 3, reason="")]

    reply = await allocate(client, rows, operator="crm import")

    assert (reply.posted_count, reply.failed_count) == (4, 3)
    assert [r.row_index for r in reply.rows] == list(range(7))
    assert [r.request_id for r in reply.rows] == [r.request_id for r in rows]
    assert [r.WhichOneof("result") for r in reply.rows] == ["transaction"] * 4 + ["error"] * 3
    assert reply.rows[3].transaction.account_id == third
    assert reply.rows[0].transaction.adjusted.by == "crm import"
    assert reply.rows[0].transaction.type == loyalty.POINTS_TRANSACTION_TYPE_ADJUST
    assert reply.rows[4].error.reason == "ACCOUNT_NOT_FOUND"
    assert (reply.rows[5].error.reason, reply.rows[5].error.metadata["field"]) == (
        "FIELD_OUT_OF_RANGE", "rows[5].points")
    assert (reply.rows[6].error.reason, reply.rows[6].error.metadata["field"]) == (
        "FIELD_REQUIRED", "rows[6].reason")
    assert [(await balance(client, a)).posted_points for a in (first, second, third)] == [15, 20, 7]
    # Rows of one account are posted in row order.
    assert [t.points for t in await history(client, first)] == [5, 10]

    # Sent again as a whole (another call request_id; each row has its own): the posted rows
    # replay, nothing is credited twice.
    again = await allocate(client, rows, operator="crm import")
    assert [r.transaction for r in again.rows[:4]] == [r.transaction for r in reply.rows[:4]]
    assert [(await balance(client, a)).posted_points for a in (first, second, third)] == [15, 20, 7]


async def test_a_row_request_id_reused_with_other_points_fails_that_row_only(client, account):
    request_id = uuid.uuid4().hex
    await allocate(client, [row(account, 10, request_id=request_id)])

    reply = await allocate(client, [row(account, 11, request_id=request_id), row(account, 1)])

    assert reply.rows[0].error.reason == "IDEMPOTENCY_KEY_REUSED"
    assert reply.rows[1].WhichOneof("result") == "transaction"
    assert (await balance(client, account)).posted_points == 11


async def test_a_batch_of_1000_rows_is_accepted_and_1001_refused(client, program):
    accounts_ = [await new_account(client, program) for _ in range(20)]
    rows = [row(accounts_[n % 20], 1) for n in range(limits.BATCH_ALLOCATE_ROWS_MAX)]

    too_many = await error_of(allocate(client, rows + [row(accounts_[0], 1)]))
    assert (too_many.code.name, too_many.reason, too_many.metadata["field"]) == (
        "INVALID_ARGUMENT", "FIELD_TOO_LONG", "rows")
    assert (await balance(client, accounts_[0])).posted_points == 0

    reply = await allocate(client, rows)
    assert (reply.posted_count, reply.failed_count) == (limits.BATCH_ALLOCATE_ROWS_MAX, 0)
    assert {(await balance(client, a)).posted_points for a in accounts_} == {50}


async def test_bad_batches_are_refused_as_a_whole(client, account):
    assert (await error_of(allocate(client, []))).metadata["field"] == "rows"
    twice = uuid.uuid4().hex
    refused = await error_of(allocate(client, [row(account, request_id=twice), row(account, request_id=twice)]))
    assert (refused.reason, refused.metadata["field"]) == ("FIELD_INVALID", "rows[1].request_id")
    refused = await error_of(allocate(client, [row(account)], operator="o" * (limits.OPERATOR_LENGTH_MAX + 1)))
    assert (refused.reason, refused.metadata["field"]) == ("FIELD_TOO_LONG", "operator")
    assert (await balance(client, account)).posted_points == 0


async def test_rows_without_request_id_are_keyed_by_the_call_and_replay_with_it(client, account):
    request_id = uuid.uuid4().hex
    rows = [api.BatchAllocatePointsRequest.Row(account_id=account, points=1, reason="r"), row(""),
            api.BatchAllocatePointsRequest.Row(account_id=account, points=2, reason="r")]

    reply = await allocate(client, rows, request_id=request_id)
    again = await allocate(client, rows, request_id=request_id)

    assert [r.request_id for r in reply.rows] == [f"{request_id}/0", rows[1].request_id, f"{request_id}/2"]
    assert reply.rows[1].error.reason == "FIELD_REQUIRED"
    assert reply.rows[1].error.metadata["field"].startswith("rows[1]")
    assert [r.transaction for r in again.rows] == [r.transaction for r in reply.rows]
    assert (await balance(client, account)).posted_points == 3


async def test_a_call_without_request_id_is_refused(channel, client, account):
    # The raw channel: the Python client would fill the request_id in.
    stub = loyalty_service_pb2_grpc.LoyaltyServiceStub(channel)

    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.BatchAllocatePoints(api.BatchAllocatePointsRequest(rows=[row(account)]))

    assert error_info_of(raised.value) == (grpc.StatusCode.INVALID_ARGUMENT, "FIELD_REQUIRED",
                                           {"field": "request_id"})
    assert (await balance(client, account)).posted_points == 0


async def test_adjustments_need_the_admin_scope(client, account):
    from server.authz import POLICIES
    assert POLICIES["/rewards.loyalty.v1.LoyaltyService/AdjustPoints"].scope == "loyalty:admin"
    assert POLICIES["/rewards.loyalty.v1.LoyaltyService/BatchAllocatePoints"].scope == "loyalty:admin"
    assert POLICIES["/rewards.loyalty.v1.LoyaltyService/BatchAllocatePoints"].mutating
