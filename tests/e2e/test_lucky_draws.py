"""Lucky draws over gRPC (seed 004's `lucky_draw_point` and `lucky_draw_numbers`): a program's
LuckyDrawPolicy gives each EarnPoints purchase lucky-draw points (own ratio, split regular / bonus /
reward) and a contiguous, zero-padded range of the program's number sequence, taken in the earn's
own ledger transaction: concurrent earns get disjoint ranges covering 1..total, an earn that fails
at its commit takes no number, a refund or void voids its earn's range. ListLuckyDrawEntries by
account and by draw period. After each test the ledger balances."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from google.protobuf import field_mask_pb2

from core.domain.lucky_draws import NumberRange, contiguous_cover, period_key
from tests.e2e.test_points import earn, error_of, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


def policy(**fields) -> loyalty.LuckyDrawPolicy:
    """One lucky-draw point per full 10 EUR by default."""
    return loyalty.LuckyDrawPolicy(**{"points_numerator": 1, "amount_minor_denominator": 1_000, **fields})


async def lucky_program(client, **fields) -> str:
    return await new_program(client, lucky_draw=fields.pop("lucky_draw", policy()), **fields)


def this_month() -> str:
    return period_key(3, "Europe/Berlin", dt.datetime.now(dt.timezone.utc))


async def entries(client, **fields) -> api.ListLuckyDrawEntriesResponse:
    return await client.call(client.loyalty.ListLuckyDrawEntries, api.ListLuckyDrawEntriesRequest(**fields))


async def all_entries(client, page_size: int = 0, **fields) -> list[loyalty.LuckyDrawEntry]:
    found, token = [], ""
    while True:
        page = await entries(client, page_size=page_size, page_token=token, **fields)
        found.extend(page.entries)
        token = page.next_page_token
        if not token:
            return found


def numbers(entry: loyalty.LuckyDrawEntry) -> NumberRange:
    return NumberRange(int(entry.from_number), int(entry.to_number))


# --- the earn's points and numbers -------------------------------------------------------------


async def test_an_earn_gets_lucky_points_and_the_next_padded_range(client):
    program = await lucky_program(client)
    account = await new_account(client, program)

    first = await earn(client, account, 25_500)
    second = await earn(client, account, 5_099)

    lucky = first.transaction.lucky_draw
    assert first.transaction.regular_points == 255  # the redeemable points are untouched
    assert first.balance.available_points == 255
    assert (lucky.regular_points, lucky.bonus_points, lucky.reward_points, lucky.count) == (25, 0, 0, 25)
    assert (lucky.from_number, lucky.to_number) == ("0000000001", "0000000025")
    assert lucky.state == loyalty.LUCKY_DRAW_ENTRY_STATE_ACTIVE
    assert lucky.draw_period == this_month()
    assert lucky.points_transaction_id == first.transaction.points_transaction_id
    assert (lucky.account_id, lucky.program_id) == (account, program)
    assert (second.transaction.lucky_draw.from_number, second.transaction.lucky_draw.to_number) == (
        "0000000026", "0000000030")
    # Kept in the history.
    listed = (await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account))).transactions
    assert [t.lucky_draw.from_number for t in listed] == ["0000000026", "0000000001"]


async def test_a_retried_earn_answers_the_same_range_and_takes_no_other(client):
    program = await lucky_program(client, lucky_draw=policy(number_width=4))
    account = await new_account(client, program)
    request = dict(request_id=uuid.uuid4().hex, transaction_id=uuid.uuid4().hex)

    first = await earn(client, account, 3_000, **request)
    again = await earn(client, account, 3_000, **request)
    after = await earn(client, account, 1_000)

    assert (first.transaction.lucky_draw.from_number, first.transaction.lucky_draw.to_number) == ("0001", "0003")
    assert again.transaction.lucky_draw == first.transaction.lucky_draw
    assert after.transaction.lucky_draw.from_number == after.transaction.lucky_draw.to_number == "0004"


async def test_lucky_points_split_like_redeemable_points_by_their_own_ratio(client):
    program = await lucky_program(client, lucky_draw=policy(
        points_numerator=3, amount_minor_denominator=1_000, rounding_mode=loyalty.ROUNDING_MODE_HALF_UP))
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program, display_name="card", card_type=loyalty.CardTypeEarnRule(
            card_types=["COBRAND"], multiplier_bps=15_000))))
    account = await new_account(client, program)

    reply = await earn(client, account, 10_500, payment_card_type="COBRAND")

    # 105 EUR: 31.5 -> 32 regular; * 1.5 = 47.25 -> 47: 15 bonus. Redeemable: 105 + 52 (FLOOR).
    lucky = reply.transaction.lucky_draw
    assert (lucky.regular_points, lucky.bonus_points, lucky.reward_points) == (32, 15, 0)
    assert (reply.transaction.regular_points, reply.transaction.bonus_points) == (105, 52)
    assert (lucky.from_number, lucky.to_number, lucky.count) == ("0000000001", "0000000047", 47)


async def test_a_purchase_below_one_lucky_point_gets_no_range_and_a_program_without_draws_none(client):
    program = await lucky_program(client)
    account = await new_account(client, program)
    plain = await new_account(client, await new_program(client))

    small = await earn(client, account, 999)
    none = await earn(client, plain, 50_000)
    first = await earn(client, account, 1_000)

    assert small.transaction.regular_points == 9 and not small.transaction.HasField("lucky_draw")
    assert not none.transaction.HasField("lucky_draw")
    assert first.transaction.lucky_draw.from_number == "0000000001"


async def test_concurrent_earns_take_disjoint_ranges_covering_exactly_one_to_the_total(client):
    program = await lucky_program(client, lucky_draw=policy(number_width=6))
    accounts = [await new_account(client, program) for _ in range(4)]
    bills = [1_000 * (1 + n % 7) for n in range(40)]

    replies = await asyncio.gather(*(earn(client, accounts[n % 4], bill) for n, bill in enumerate(bills)))

    ranges = [numbers(r.transaction.lucky_draw) for r in replies]
    assert [r.count for r in ranges] == [bill // 1_000 for bill in bills]
    assert contiguous_cover(ranges)
    assert max(r.last for r in ranges) == sum(bills) // 1_000
    assert all(len(r.transaction.lucky_draw.from_number) == 6 for r in replies)
    # The draw's list (by period, in number order, paged) holds exactly these ranges.
    listed = await all_entries(client, page_size=7, program_id=program, draw_period=this_month())
    assert [numbers(e) for e in listed] == sorted(ranges, key=lambda r: r.first)


async def test_an_earn_refused_at_its_commit_takes_no_number(client):
    """Two requests for one purchase: the ledger refuses the second at its commit (one earn per
    purchase), after its range was taken in the same transaction: the range goes back with it."""
    program = await lucky_program(client)
    account = await new_account(client, program)
    purchase = uuid.uuid4().hex

    outcomes = await asyncio.gather(*(error_of(earn(client, account, 2_000, transaction_id=purchase))
                                      for _ in range(6)), return_exceptions=True)
    later = await earn(client, account, 1_000)

    assert sorted(str(getattr(o, "reason", o)) for o in outcomes) == ["None"] + ["PURCHASE_ALREADY_EARNED"] * 5
    assert (later.transaction.lucky_draw.from_number, later.transaction.lucky_draw.to_number) == (
        "0000000003", "0000000003")
    assert contiguous_cover([numbers(e) for e in await all_entries(client, account_id=account)])


async def test_a_refund_voids_the_earns_range_and_the_numbers_are_not_given_again(client):
    program = await lucky_program(client)
    account = await new_account(client, program)
    earned = (await earn(client, account, 4_000)).transaction

    refund = await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.points_transaction_id, points=10))
    later = (await earn(client, account, 2_000)).transaction

    listed = {e.points_transaction_id: e for e in await all_entries(client, account_id=account)}
    voided = listed[earned.points_transaction_id]
    assert voided.state == loyalty.LUCKY_DRAW_ENTRY_STATE_VOIDED
    assert voided.void_points_transaction_id == refund.transaction.points_transaction_id
    assert voided.void_time == refund.transaction.create_time
    assert (voided.from_number, voided.to_number) == ("0000000001", "0000000004")
    assert (later.lucky_draw.from_number, later.lucky_draw.to_number) == ("0000000005", "0000000006")
    active = await all_entries(client, account_id=account, active_only=True)
    assert [e.points_transaction_id for e in active] == [later.points_transaction_id]
    # A second refund leaves the first void recorded.
    await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.points_transaction_id, points=10))
    again = {e.points_transaction_id: e for e in await all_entries(client, account_id=account)}
    assert again[earned.points_transaction_id].void_points_transaction_id == refund.transaction.points_transaction_id


async def test_a_void_voids_the_earns_range(client):
    program = await lucky_program(client)
    account = await new_account(client, program)
    earned = (await earn(client, account, 3_000)).transaction

    void = await client.call(client.loyalty.VoidTransaction, api.VoidTransactionRequest(
        request_id=uuid.uuid4().hex, points_transaction_id=earned.points_transaction_id, operator="cashier"))

    assert void.voided_transaction.lucky_draw.state == loyalty.LUCKY_DRAW_ENTRY_STATE_VOIDED
    assert void.voided_transaction.lucky_draw.void_points_transaction_id == void.transaction.points_transaction_id
    listed = await all_entries(client, program_id=program, draw_period=this_month())
    assert [e.state for e in listed] == [loyalty.LUCKY_DRAW_ENTRY_STATE_VOIDED]


# --- ListLuckyDrawEntries --------------------------------------------------------------------


async def test_entries_are_listed_by_account_newest_first_and_by_period_in_number_order(client):
    program = await lucky_program(client)
    mine, other = await new_account(client, program), await new_account(client, program)
    for account, bill in ((mine, 1_000), (other, 2_000), (mine, 3_000), (mine, 1_000)):
        await earn(client, account, bill)

    by_account = await all_entries(client, page_size=2, account_id=mine)
    by_period = await all_entries(client, page_size=3, program_id=program, draw_period=this_month())
    elsewhere = await all_entries(client, account_id=mine, draw_period="1999-01")

    assert [(e.from_number, e.to_number) for e in by_account] == [
        ("0000000007", "0000000007"), ("0000000004", "0000000006"), ("0000000001", "0000000001")]
    assert [e.account_id for e in by_period] == [mine, other, mine, mine]
    assert [int(e.from_number) for e in by_period] == [1, 2, 4, 7]
    assert elsewhere == []


async def test_a_page_token_is_tied_to_its_query(client):
    program = await lucky_program(client)
    account = await new_account(client, program)
    for _ in range(3):
        await earn(client, account, 1_000)
    page = await entries(client, account_id=account, page_size=1)

    error = await error_of(entries(client, account_id=account, page_size=1, page_token=page.next_page_token,
                                   active_only=True))

    assert page.next_page_token
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "page_token")


@pytest.mark.parametrize("fields, reason, field", [
    ({}, "FIELD_REQUIRED", "account_id"),
    ({"program_id": "PROGRAM"}, "FIELD_REQUIRED", "draw_period"),
    ({"program_id": "PROGRAM", "draw_period": "x" * 17}, "FIELD_TOO_LONG", "draw_period"),
    ({"account_id": "ACCOUNT", "program_id": "PROGRAM"}, "FIELD_INVALID", "program_id"),
    ({"account_id": "ACCOUNT", "page_size": -1}, "FIELD_OUT_OF_RANGE", "page_size"),
])
async def test_bad_list_requests_name_their_field(client, fields, reason, field):
    program = await lucky_program(client)
    account = await new_account(client, program)
    fields = {k: (program if v == "PROGRAM" else account if v == "ACCOUNT" else v) for k, v in fields.items()}

    error = await error_of(entries(client, **fields))

    assert (error.reason, error.metadata.get("field")) == (reason, field)


async def test_listing_an_unknown_program_is_not_found_and_a_period_at_its_limit_is_fine(client):
    program = await lucky_program(client)

    error = await error_of(entries(client, program_id="p-none-" + uuid.uuid4().hex[:8], draw_period="2026-12"))
    fine = await entries(client, program_id=program, draw_period="x" * 16)

    assert error.reason == "PROGRAM_NOT_FOUND"
    assert list(fine.entries) == []


# --- the program's policy ------------------------------------------------------------------


async def test_the_policy_is_read_back_and_updated_by_its_mask(client):
    program = await lucky_program(client, lucky_draw=policy(number_width=8, draw_period=loyalty.CAP_PERIOD_WEEK))
    read = (await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(program_id=program))).program
    assert (read.lucky_draw.points_numerator, read.lucky_draw.amount_minor_denominator) == (1, 1_000)
    assert (read.lucky_draw.number_width, read.lucky_draw.draw_period) == (8, loyalty.CAP_PERIOD_WEEK)
    assert read.lucky_draw.rounding_mode == loyalty.ROUNDING_MODE_FLOOR

    await client.call(client.programs.UpdateProgram, programs_api.UpdateProgramRequest(
        program=loyalty.Program(program_id=program, lucky_draw=policy(number_width=3)),
        update_mask=field_mask_pb2.FieldMask(paths=["lucky_draw"])))
    account = await new_account(client, program)
    reply = await _earn_when_updated(client, account, lambda r: len(r.transaction.lucky_draw.from_number) == 3)

    reply, earns = reply
    assert reply.transaction.lucky_draw.from_number == str(earns).rjust(3, "0")
    assert reply.transaction.lucky_draw.draw_period == this_month()


async def _earn_when_updated(client, account: str, done):
    """Earn until the program's cached rules show the update (within the rules cache's seconds);
    every earn before takes numbers too, so the test reads the first range after."""
    for n in range(1, 101):
        reply = await earn(client, account, 1_000)
        if done(reply):
            return reply, n
        await asyncio.sleep(0.1)
    raise AssertionError("the update never applied")


@pytest.mark.parametrize("fields, field", [
    ({"points_numerator": 0}, "program.lucky_draw.points_numerator"),
    ({"points_numerator": 10**6 + 1}, "program.lucky_draw.points_numerator"),
    ({"amount_minor_denominator": 0}, "program.lucky_draw.amount_minor_denominator"),
    ({"amount_minor_denominator": 10**12 + 1}, "program.lucky_draw.amount_minor_denominator"),
    ({"number_width": 19}, "program.lucky_draw.number_width"),
    ({"number_width": -1}, "program.lucky_draw.number_width"),
])
async def test_a_policy_out_of_its_bounds_is_refused(client, fields, field):
    error = await error_of(lucky_program(client, lucky_draw=policy(**fields)))

    assert (error.reason, error.metadata["field"]) == ("FIELD_OUT_OF_RANGE", field)


async def test_a_policy_at_its_bounds_is_accepted(client):
    program = await lucky_program(client, lucky_draw=policy(points_numerator=10**6,
                                                            amount_minor_denominator=10**12, number_width=18))
    account = await new_account(client, program)

    reply = await earn(client, account, 1_000_000)

    assert reply.transaction.lucky_draw.from_number == "1".rjust(18, "0")

