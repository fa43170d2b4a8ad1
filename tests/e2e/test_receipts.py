"""Receipts over gRPC (seed 004's earning response): an EarnPoints may carry several receipt
details (store, payment method, amount, note, invoice photo); its points are computed per detail
where the rules depend on the store or the payment method; it gets a receipt number from the
program's sequence in the program's format (never twice, also under concurrency), a receipt type
and posted_by; the history (GetTransaction, ListTransactions) keeps the receipt. After each test
the ledger balances."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
import zoneinfo

import pytest
from google.protobuf import field_mask_pb2, timestamp_pb2
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from tests.e2e.test_points import balance, error_of, eur, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


async def earn(client, account_id: str, bill_minor: int, **fields) -> api.EarnPointsResponse:
    return await client.call(client.loyalty.EarnPoints, api.EarnPointsRequest(**{
        "account_id": account_id, "store_id": "store-1", "transaction_id": uuid.uuid4().hex,
        "bill_amount": eur(bill_minor), **fields}))


def year() -> str:
    return f"{dt.datetime.now(zoneinfo.ZoneInfo('Europe/Berlin')).year % 100:02d}"


def detail(amount: int, store_id: str = "", code: str = "", name: str = "", **fields) -> loyalty.ReceiptDetail:
    method = {"payment_method": loyalty.PaymentMethod(code=code, name=name)} if code or name else {}
    return loyalty.ReceiptDetail(store_id=store_id, amount=eur(amount), **method, **fields)


async def seed_program(client) -> str:
    """The seed's mall: 1 point per EUR everywhere, twice the points at McD ("002") in a running
    promotion, 1.5 times paid by Credit BCA ("003"); receipts numbered EA/<yy>/<8 digits>."""
    program = await new_program(client, receipt_number_format="EA/{YY}/{SEQ:8}")
    now = int(dt.datetime.now(dt.timezone.utc).timestamp())
    for rule in (loyalty.EarnRule(program_id=program, display_name="McD double", promotion=loyalty.PromotionEarnRule(
                     start_time=timestamp_pb2.Timestamp(seconds=now - 3_600),
                     end_time=timestamp_pb2.Timestamp(seconds=now + 86_400), multiplier_bps=20_000,
                     store_ids=["002"])),
                 loyalty.EarnRule(program_id=program, display_name="Credit BCA", card_type=loyalty.CardTypeEarnRule(
                     card_types=["003"], multiplier_bps=15_000))):
        await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=rule))
    return program


SEED_DETAILS = [
    detail(150_000, "001", "001", "Cash", note="Example Note",
           invoice_photo_uri="http://localhost/uploads/earning/invoice-photo/JHJH8NV08L-1540445900.png",
           transaction_time=timestamp_pb2.Timestamp(seconds=1_534_736_280)),
    detail(5_000, "002", "003", "Credit BCA", note="Example Note"),
    detail(100_000, "003", "002", "Debit BCA", note="Example Note")]


async def test_an_earn_of_the_seeds_three_receipts_earns_per_store_and_payment_method(client):
    account = await new_account(client, await seed_program(client))

    earned = await earn(client, account, 255_000, store_id="001", receipt_details=SEED_DETAILS, posted_by="admin")

    # 1500 + 50 + 1000 regular; McD's 50 twice and again 1.5 times (Credit BCA) is 150: bonus 100.
    t = earned.transaction
    assert (t.regular_points, t.bonus_points, t.points) == (2_550, 100, 2_650)
    assert earned.balance.available_points == 2_650
    assert (t.receipt.receipt_number, t.receipt.receipt_type, t.receipt.posted_by) == (
        f"EA/{year()}/00000001", loyalty.RECEIPT_TYPE_COMBINE, "admin")
    assert list(t.receipt.details) == SEED_DETAILS

    read = await client.call(client.loyalty.GetTransaction, api.GetTransactionRequest(
        points_transaction_id=t.points_transaction_id))
    history = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(account_id=account))
    assert read.transaction.receipt == t.receipt == history.transactions[0].receipt
    assert read.transaction.receipt.details[0].payment_method.name == "Cash"


async def test_one_detail_in_the_earns_own_store_earns_as_a_plain_earn(client):
    account = await new_account(client, await seed_program(client))

    plain = await earn(client, account, 5_099, store_id="002", payment_card_type="003")
    detailed = await earn(client, account, 5_099, store_id="002", payment_card_type="003",
                          receipt_details=[detail(5_099)])  # the detail's store and card: the earn's

    assert (plain.transaction.regular_points, plain.transaction.bonus_points) == (50, 102)  # floor(50.99 * 3)
    assert (detailed.transaction.regular_points, detailed.transaction.bonus_points) == (50, 102)
    assert detailed.transaction.receipt.receipt_type == loyalty.RECEIPT_TYPE_SINGLE


async def test_fractions_of_the_details_are_summed_before_rounding(client):
    account = await new_account(client, await new_program(client))
    earned = await earn(client, account, 300, receipt_details=[detail(150, "a"), detail(150, "b")])
    assert earned.transaction.regular_points == 3  # 1.5 + 1.5; rounding each detail would give 2


async def test_every_earn_of_a_numbered_program_gets_the_next_number_and_a_retry_the_same(client):
    account = await new_account(client, await seed_program(client))
    request_id = uuid.uuid4().hex
    transaction_id = uuid.uuid4().hex

    first = await earn(client, account, 1_000, request_id=request_id, transaction_id=transaction_id)
    retried = await earn(client, account, 1_000, request_id=request_id, transaction_id=transaction_id)
    second = await earn(client, account, 1_000)

    assert first == retried
    assert (first.transaction.receipt.receipt_number, second.transaction.receipt.receipt_number) == (
        f"EA/{year()}/00000001", f"EA/{year()}/00000002")
    assert first.transaction.receipt.receipt_type == loyalty.RECEIPT_TYPE_SINGLE
    assert first.transaction.receipt.posted_by  # the API client's id
    assert not first.transaction.receipt.details


async def test_concurrent_earns_never_share_a_receipt_number(client):
    program = await new_program(client, receipt_number_format="R{SEQ:4}")
    accounts = [await new_account(client, program) for _ in range(5)]

    earned = await asyncio.gather(*(earn(client, accounts[n % 5], 100) for n in range(60)))

    numbers = [e.transaction.receipt.receipt_number for e in earned]
    assert len(set(numbers)) == 60
    assert all(number.startswith("R") and len(number) == 5 for number in numbers)


async def test_a_program_without_a_format_numbers_no_receipts_until_it_is_given_one(client):
    program = await new_program(client)
    account = await new_account(client, program)
    before = await earn(client, account, 1_000, posted_by="till-7")

    await client.call(client.programs.UpdateProgram, programs_api.UpdateProgramRequest(
        program=loyalty.Program(program_id=program, receipt_number_format="{YYYY}-{SEQ:1}"),
        update_mask=field_mask_pb2.FieldMask(paths=["receipt_number_format"])))
    after = await earn(client, account, 1_000)

    assert (before.transaction.receipt.receipt_number, before.transaction.receipt.posted_by) == ("", "till-7")
    assert after.transaction.receipt.receipt_number == f"{dt.datetime.now(zoneinfo.ZoneInfo('Europe/Berlin')).year}-1"


@pytest.mark.parametrize("pattern", ["EA", "{SEQ:0}", "{SEQ:19}", "{SEQ:2}{SEQ:2}", "A{B}{SEQ:3}",
                                     "x" * 60 + "{SEQ:1}"])
async def test_bad_receipt_number_formats_are_refused(client, pattern):
    error = await error_of(new_program(client, receipt_number_format=pattern))
    assert error.metadata["field"] == "program.receipt_number_format"


async def test_fifty_details_are_allowed(client):
    account = await new_account(client, await new_program(client))
    earned = await earn(client, account, 5_000, receipt_details=[detail(100, f"s{n}") for n in range(50)])
    assert (earned.transaction.points, len(earned.transaction.receipt.details)) == (50, 50)


@pytest.mark.parametrize("fields, reason, field", [
    ({"receipt_details": [detail(100)] * 51}, "FIELD_TOO_LONG", "receipt_details"),
    ({"receipt_details": [detail(600), detail(300)]}, "FIELD_INVALID", "receipt_details"),
    ({"receipt_details": [detail(1_000, invoice_photo_uri="file:///etc/passwd")]}, "FIELD_INVALID",
     "receipt_details[0].invoice_photo_uri"),
    ({"receipt_details": [loyalty.ReceiptDetail(amount=money_pb2.Money(amount_minor=1_000, currency_code="USD"))]},
     "FIELD_INVALID", "receipt_details[0].amount.currency_code"),
    ({"receipt_details": [detail(1_000, name="Cash")]}, "FIELD_REQUIRED", "receipt_details[0].payment_method.code"),
    ({"receipt_details": [detail(1_000, "s" * 65)]}, "FIELD_TOO_LONG", "receipt_details[0].store_id"),
    ({"receipt_details": [detail(1_000, note="n" * 257)]}, "FIELD_TOO_LONG", "receipt_details[0].note"),
    ({"posted_by": "p" * 129}, "FIELD_TOO_LONG", "posted_by"),
    ({"receipt_type": 7}, "FIELD_INVALID", "receipt_type")])
async def test_bad_receipts_are_refused_and_change_nothing(client, fields, reason, field):
    program = await new_program(client, receipt_number_format="N{SEQ:3}")
    account = await new_account(client, program)
    error = await error_of(earn(client, account, 1_000, **fields))
    assert (error.reason, error.metadata["field"]) == (reason, field)
    assert (await balance(client, account)).posted_points == 0
    assert (await earn(client, account, 1_000)).transaction.receipt.receipt_number == "N001"


async def test_lucky_draw_points_of_receipts_take_each_stores_promotion(client):
    program = await new_program(client, lucky_draw=loyalty.LuckyDrawPolicy(points_numerator=1,
                                                                            amount_minor_denominator=1_000))
    now = int(dt.datetime.now(dt.timezone.utc).timestamp())
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program, display_name="McD double", promotion=loyalty.PromotionEarnRule(
            start_time=timestamp_pb2.Timestamp(seconds=now - 3_600),
            end_time=timestamp_pb2.Timestamp(seconds=now + 86_400), multiplier_bps=20_000, store_ids=["mcd"]))))
    account = await new_account(client, program)

    earned = await earn(client, account, 30_000, receipt_details=[detail(20_000, "kfc"), detail(10_000, "mcd")])

    t = earned.transaction
    assert (t.regular_points, t.bonus_points) == (300, 100)  # McD's 100 twice
    assert (t.lucky_draw.regular_points, t.lucky_draw.bonus_points, t.lucky_draw.count) == (30, 10, 40)
    assert (t.lucky_draw.from_number, t.lucky_draw.to_number) == ("0000000001", "0000000040")
