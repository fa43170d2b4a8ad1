"""Refunds of a points redemption over gRPC (an order cancelled after the burn): the points come
back as new lots with the expiry of the lots the redemption spent, in the order it spent them
(soonest-expiring first); partial refunds add up to at most the burn, decided atomically (also
under concurrency); a retry replays; the ledger balances and Redis agrees with it after each test."""

from __future__ import annotations

import asyncio
import uuid

import psycopg
import pytest
from google.protobuf import duration_pb2
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from tests.e2e.test_points import balance, earn, error_of, new_account, new_program, otp, reason_of, redeem
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture
async def program(client):
    return await new_program(client, points_expiry=duration_pb2.Duration(seconds=90 * 86_400))


def lots(stores, account_id: str) -> list[tuple]:
    """(points, remaining, expire_time, source transaction) of the account's lots, by expiry."""
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(
            "SELECT points, remaining, expire_time, source_transaction_id::text FROM points_lots"
            " WHERE account_id = %s ORDER BY expire_time, earn_time, lot_id", (account_id,)).fetchall()


def lot_expiry(stores, lot_id: str):
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT expire_time FROM points_lots WHERE lot_id = %s", (lot_id,)).fetchone()[0]


async def burn(client, server, account_id: str, points: int) -> loyalty.PointsTransaction:
    otp_id, code = await otp(client, server, account_id, points)
    return (await client.call(client.loyalty.RedeemPoints, redeem(account_id, points, otp_id, code))).transaction


def refund(client, transaction_id: str, points: int = 0, request_id: str = ""):
    return client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        request_id=request_id or uuid.uuid4().hex, points_transaction_id=transaction_id, points=points))


async def two_lots(client, stores, account_id: str):
    """A lot of 100 points and a later-expiring one of 50; their expiries."""
    first = await earn(client, account_id, 10_000)
    second = await earn(client, account_id, 5_000)
    early = lot_expiry(stores, first.transaction.points_transaction_id)
    late = lot_expiry(stores, second.transaction.points_transaction_id)
    assert early < late
    return early, late


async def test_a_full_refund_gives_the_points_back_with_the_spent_lots_expiry(client, server, stores, program):
    account_id = await new_account(client, program)
    early, late = await two_lots(client, stores, account_id)
    burned = await burn(client, server, account_id, 120)  # 100 of the first lot, 20 of the second
    assert (await balance(client, account_id)).posted_points == 30

    reply = await refund(client, burned.points_transaction_id)

    assert reply.transaction.type == loyalty.POINTS_TRANSACTION_TYPE_REFUND
    assert reply.transaction.points == 120
    assert reply.transaction.refunded_points_transaction_id == burned.points_transaction_id
    assert reply.balance.available_points == 150
    got = await balance(client, account_id)
    assert (got.posted_points, got.available_points) == (150, 150)
    restored = [(p, r, e) for p, r, e, source in lots(stores, account_id)
                if source == reply.transaction.points_transaction_id]
    assert restored == [(100, 100, early), (20, 20, late)]
    assert got.next_expire_time.ToDatetime().replace(tzinfo=early.tzinfo) == early
    # Nothing is left to refund.
    refused = await error_of(refund(client, burned.points_transaction_id, 1))
    assert (refused.reason, refused.metadata["refundable_points"]) == ("REFUND_EXCEEDS_TRANSACTION", "0")
    listed = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account_id, types=[loyalty.POINTS_TRANSACTION_TYPE_REDEEM]))
    assert listed.transactions[0].refunded_points == 120


async def test_partial_refunds_add_up_to_the_burn_soonest_expiring_first(client, server, stores, program):
    account_id = await new_account(client, program)
    early, late = await two_lots(client, stores, account_id)
    burned = await burn(client, server, account_id, 120)
    request_id = uuid.uuid4().hex

    first = await refund(client, burned.points_transaction_id, 30, request_id)
    assert await refund(client, burned.points_transaction_id, 30, request_id) == first  # a retry
    second = await refund(client, burned.points_transaction_id, 80)
    refused = await error_of(refund(client, burned.points_transaction_id, 11))
    third = await refund(client, burned.points_transaction_id, 10)

    assert (refused.reason, refused.metadata["refundable_points"]) == ("REFUND_EXCEEDS_TRANSACTION", "10")
    by_refund = {}
    for points, _remaining, expire_time, source in lots(stores, account_id):
        by_refund.setdefault(source, []).append((points, expire_time))
    assert by_refund[first.transaction.points_transaction_id] == [(30, early)]
    assert by_refund[second.transaction.points_transaction_id] == [(70, early), (10, late)]
    assert by_refund[third.transaction.points_transaction_id] == [(10, late)]
    assert (await balance(client, account_id)).posted_points == 150
    assert await reason_of(refund(client, burned.points_transaction_id)) == "REFUND_EXCEEDS_TRANSACTION"


async def test_concurrent_partial_refunds_never_exceed_the_burn(client, server, stores, program):
    account_id = await new_account(client, program)
    await earn(client, account_id, 20_000)
    burned = await burn(client, server, account_id, 100)

    reasons = await asyncio.gather(*(reason_of(refund(client, burned.points_transaction_id, 30))
                                     for _ in range(12)))

    assert reasons.count(None) == 3
    assert reasons.count("REFUND_EXCEEDS_TRANSACTION") == 9
    assert (await balance(client, account_id)).posted_points == 190
    # What is left (10) can still be refunded, and then nothing.
    await refund(client, burned.points_transaction_id, 10)
    assert (await balance(client, account_id)).posted_points == 200
    assert await reason_of(refund(client, burned.points_transaction_id)) == "REFUND_EXCEEDS_TRANSACTION"


async def test_concurrent_full_refunds_of_one_redemption_let_one_through(client, server, stores, program):
    account_id = await new_account(client, program)
    await earn(client, account_id, 10_000)
    burned = await burn(client, server, account_id, 60)

    reasons = await asyncio.gather(*(reason_of(refund(client, burned.points_transaction_id)) for _ in range(20)))

    assert reasons.count(None) == 1
    assert set(reasons) == {None, "REFUND_EXCEEDS_TRANSACTION"}
    assert (await balance(client, account_id)).posted_points == 100


async def test_refunded_points_can_be_redeemed_again_and_that_redemption_refunded(client, server, stores, program):
    account_id = await new_account(client, program)
    await earn(client, account_id, 10_000)
    burned = await burn(client, server, account_id, 100)
    await refund(client, burned.points_transaction_id)

    again = await burn(client, server, account_id, 70)
    await refund(client, again.points_transaction_id, 70)

    assert (await balance(client, account_id)).posted_points == 100
