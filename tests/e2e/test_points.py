"""Points over gRPC: earning, OTP-verified redemption with thresholds, refunds, events, earn
codes, balances and history, races and retries; after each test the ledger balances and Redis
agrees with Postgres."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import uuid

import psycopg
import pytest
from core.adapters.redis.client import connect_sync
from google.protobuf import duration_pb2, timestamp_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from rewards_client import RewardsClient, errors
from tests.ledger import check_ledger



@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    """After every test of this module (and, in tests/conftest.py, after every session)."""
    yield
    check_ledger(stores.database_url, stores.redis_url)


def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


async def new_program(client: RewardsClient, **fields) -> str:
    program_id = "p-" + uuid.uuid4().hex[:10]
    await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
        program_id=program_id, display_name="Points", currency_code="EUR", time_zone="Europe/Berlin", **fields)))
    # One point per full euro.
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program_id, display_name="1 point per EUR",
        ratio=loyalty.RatioEarnRule(points_numerator=1, amount_minor_denominator=100))))
    return program_id


async def new_account(client: RewardsClient, program_id: str) -> str:
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(
            type=accounts.IDENTIFIER_TYPE_CARDCODE, value="C" + uuid.uuid4().hex[:12].upper())]))
    return created.account.account_id


async def earn(client: RewardsClient, account_id: str, bill_minor: int, **fields) -> api.EarnPointsResponse:
    return await client.call(client.loyalty.EarnPoints, api.EarnPointsRequest(
        account_id=account_id, store_id="store-1", transaction_id=fields.pop("transaction_id", uuid.uuid4().hex),
        bill_amount=eur(bill_minor), **fields))


def otp_code(server, otp_id: str) -> str:
    for line in server.otp_file.read_text().splitlines():
        message = json.loads(line)
        if message["otp_id"] == otp_id:
            return message["code"]
    raise AssertionError(f"no OTP {otp_id} was sent")


async def otp(client: RewardsClient, server, account_id: str, points: int) -> tuple[str, str]:
    ticket = await client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
        account_id=account_id, points=points))
    return ticket.otp_id, otp_code(server, ticket.otp_id)


def redeem(account_id: str, points: int, otp_id: str, code: str, request_id: str = "") -> api.RedeemPointsRequest:
    return api.RedeemPointsRequest(request_id=request_id, account_id=account_id, points=points, otp_id=otp_id,
                                   otp_code=code, store_id="store-1")


async def balance(client: RewardsClient, account_id: str) -> loyalty.Balance:
    return (await client.call(client.loyalty.GetBalance, api.GetBalanceRequest(account_id=account_id))).balance


async def error_of(awaitable) -> errors.RewardsError | None:
    try:
        await awaitable
    except errors.RewardsError as error:
        return error
    return None


async def reason_of(awaitable) -> str | None:
    error = await error_of(awaitable)
    return error.reason if error is not None else None


@pytest.fixture
async def program(client):
    return await new_program(client)


@pytest.fixture
async def account(client, program):
    return await new_account(client, program)


async def test_a_purchase_earns_points_by_the_ratio_floored(client, account):
    response = await earn(client, account, 12_399)

    assert (response.transaction.points, response.transaction.regular_points) == (123, 123)
    assert response.transaction.type == loyalty.POINTS_TRANSACTION_TYPE_EARN
    assert response.balance.available_points == 123
    assert (await balance(client, account)).available_points == 123


async def test_an_account_named_by_identifier_earns(client, program):
    card = "C" + uuid.uuid4().hex[:12].upper()
    await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card)]))

    response = await client.call(client.loyalty.EarnPoints, api.EarnPointsRequest(
        account_identifier=accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card),
        store_id="s", transaction_id="t-1", bill_amount=eur(1_000)))

    assert response.transaction.points == 10


async def test_the_same_request_id_100_times_earns_once(client, account):
    request = api.EarnPointsRequest(request_id=uuid.uuid4().hex, account_id=account, store_id="s",
                                    transaction_id="receipt-1", bill_amount=eur(5_000))

    replies = await asyncio.gather(*(client.call(client.loyalty.EarnPoints, request) for _ in range(100)),
                                   return_exceptions=True)

    answered = [r for r in replies if not isinstance(r, Exception)]
    assert answered and all(r.transaction == answered[0].transaction for r in answered)
    assert all(isinstance(r, errors.RewardsError) and r.reason == "REQUEST_IN_FLIGHT"
               for r in replies if isinstance(r, Exception))
    assert (await balance(client, account)).posted_points == 50


async def test_a_second_earn_on_one_receipt_is_already_earned(client, account):
    await earn(client, account, 1_000, transaction_id="r-1")

    assert await reason_of(earn(client, account, 1_000, transaction_id="r-1")) == "PURCHASE_ALREADY_EARNED"
    assert (await balance(client, account)).posted_points == 10


async def test_a_bill_in_another_currency_is_refused(client, account):
    request = api.EarnPointsRequest(account_id=account, store_id="s", transaction_id="x",
                                    bill_amount=money_pb2.Money(amount_minor=100, currency_code="USD"))

    assert await reason_of(client.call(client.loyalty.EarnPoints, request)) == "CURRENCY_MISMATCH"


async def test_redeeming_with_the_otp_debits_the_points(client, server, account):
    await earn(client, account, 100_000)
    otp_id, code = await otp(client, server, account, 300)

    response = await client.call(client.loyalty.RedeemPoints, redeem(account, 300, otp_id, code))

    assert (response.transaction.points, response.balance.available_points) == (-300, 700)
    assert (await balance(client, account)).posted_points == 700


async def test_an_otp_is_single_use(client, server, account):
    await earn(client, account, 100_000)
    otp_id, code = await otp(client, server, account, 100)
    await client.call(client.loyalty.RedeemPoints, redeem(account, 100, otp_id, code))

    assert await reason_of(client.call(client.loyalty.RedeemPoints, redeem(account, 100, otp_id, code))) == \
        "OTP_ALREADY_USED"


async def test_five_wrong_codes_lock_the_otp(client, server, account):
    await earn(client, account, 100_000)
    otp_id, code = await otp(client, server, account, 100)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    reasons = [await reason_of(client.call(client.loyalty.RedeemPoints, redeem(account, 100, otp_id, wrong)))
               for _ in range(5)]

    assert reasons == ["OTP_INVALID"] * 4 + ["OTP_LOCKED"]
    assert await reason_of(client.call(client.loyalty.RedeemPoints, redeem(account, 100, otp_id, code))) == \
        "OTP_LOCKED"
    assert (await balance(client, account)).posted_points == 1_000


async def test_an_otp_is_bound_to_its_points_and_its_account(client, server, program, account):
    other = await new_account(client, program)
    await earn(client, account, 100_000)
    await earn(client, other, 100_000)
    otp_id, code = await otp(client, server, account, 100)

    assert await reason_of(client.call(client.loyalty.RedeemPoints, redeem(account, 101, otp_id, code))) == \
        "OTP_INVALID"
    assert await reason_of(client.call(client.loyalty.RedeemPoints, redeem(other, 100, otp_id, code))) == \
        "OTP_NOT_FOUND"
    await client.call(client.loyalty.RedeemPoints, redeem(account, 100, otp_id, code))


async def test_no_plain_otp_is_stored_in_redis_or_postgres(client, server, stores, account):
    await earn(client, account, 10_000)
    _, fresh = await otp(client, server, account, 10)  # one outstanding, whatever ran before
    codes = {fresh} | {json.loads(line)["code"] for line in server.otp_file.read_text().splitlines()}
    store = connect_sync(stores.redis_url)
    try:
        stored = b" ".join(b" ".join(map(bytes, store.hgetall(key).values()))
                           for key in store.scan_iter("rewards:{a:*}:otp:*"))
    finally:
        store.close()
    with psycopg.connect(stores.database_url) as connection:
        dump = " ".join(str(row) for table in ("idempotency_keys", "points_transactions")
                        for row in connection.execute(f"SELECT * FROM {table}").fetchall())
    assert stored  # the OTP hashes are there ...
    for code in codes:  # ... but no code in clear
        assert code.encode() not in stored.split() and f"'{code}'" not in dump


async def test_thresholds_are_enforced_at_their_boundaries(client, server):
    program = await new_program(client, min_redemption_balance_points=500, min_remaining_balance_points=100,
                                min_redeem_points=50)
    account = await new_account(client, program)
    await earn(client, account, 49_900)  # 499 points: one below the redemption threshold
    assert await reason_of(client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
        account_id=account, points=50))) == "REDEMPTION_THRESHOLD_NOT_MET"
    await earn(client, account, 100)  # 500: at the threshold
    assert await reason_of(client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
        account_id=account, points=49))) == "REDEEM_AMOUNT_TOO_LOW"
    assert await reason_of(client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
        account_id=account, points=401))) == "REDEMPTION_THRESHOLD_NOT_MET"  # would leave 99

    otp_id, code = await otp(client, server, account, 400)  # leaves exactly 100
    response = await client.call(client.loyalty.RedeemPoints, redeem(account, 400, otp_id, code))

    assert response.balance.available_points == 100


async def test_300_concurrent_redemptions_of_10_from_1000_let_exactly_100_through(client, server, account):
    await earn(client, account, 100_000)
    tickets = [await otp(client, server, account, 10) for _ in range(300)]

    reasons = await asyncio.gather(*(reason_of(client.call(client.loyalty.RedeemPoints, redeem(account, 10, *t)))
                                     for t in tickets))

    assert reasons.count(None) == 100
    assert set(reasons) == {None, "INSUFFICIENT_POINTS"}
    assert (await balance(client, account)).posted_points == 0


async def test_a_full_refund_takes_the_points_back_once(client, account):
    earned = await earn(client, account, 10_000)
    refund = api.RefundPointsRequest(points_transaction_id=earned.transaction.points_transaction_id)

    response = await client.call(client.loyalty.RefundPoints, refund)

    assert response.transaction.points == -100
    assert response.transaction.type == loyalty.POINTS_TRANSACTION_TYPE_REFUND
    assert await reason_of(client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.transaction.points_transaction_id))) == "REFUND_EXCEEDS_TRANSACTION"
    assert (await balance(client, account)).posted_points == 0


async def test_partial_refunds_never_exceed_the_earn(client, account):
    earned = await earn(client, account, 10_000)
    refund = lambda points: client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(  # noqa: E731
        points_transaction_id=earned.transaction.points_transaction_id, points=points))

    await refund(60)
    assert await reason_of(refund(41)) == "REFUND_EXCEEDS_TRANSACTION"
    await refund(40)
    assert (await balance(client, account)).posted_points == 0


async def test_100_concurrent_full_refunds_of_one_earn_let_one_through_and_refuse_the_rest_precisely(
        client, account):
    earned = await earn(client, account, 10_000)
    refund = lambda: api.RefundPointsRequest(  # noqa: E731 - a request (and request_id) per refund
        points_transaction_id=earned.transaction.points_transaction_id)

    errors_ = await asyncio.gather(*(error_of(client.call(client.loyalty.RefundPoints, refund()))
                                     for _ in range(100)))

    assert errors_.count(None) == 1
    # The losers never see INSUFFICIENT_POINTS, whether the winner's refund is reserved or posted.
    refused = [error for error in errors_ if error is not None]
    assert {(error.reason, error.metadata["refundable_points"]) for error in refused} == {
        ("REFUND_EXCEEDS_TRANSACTION", "0")}
    assert (await balance(client, account)).posted_points == 0


async def test_20_concurrent_refunds_of_10_points_of_a_100_point_earn_let_exactly_10_through(client, account):
    earned = await earn(client, account, 10_000)
    refund = lambda: api.RefundPointsRequest(  # noqa: E731 - a request (and request_id) per refund
        points_transaction_id=earned.transaction.points_transaction_id, points=10)

    reasons = await asyncio.gather(*(reason_of(client.call(client.loyalty.RefundPoints, refund()))
                                     for _ in range(20)))

    assert reasons.count(None) == 10
    assert reasons.count("REFUND_EXCEEDS_TRANSACTION") == 10
    assert (await balance(client, account)).posted_points == 0


async def test_a_refund_is_refused_for_spent_points_only_when_the_earn_still_covers_it(client, server):
    program = await new_program(client, refund_overdraft=loyalty.REFUND_OVERDRAFT_POLICY_REJECT)
    account = await new_account(client, program)
    earned = await earn(client, account, 10_000)
    otp_id, code = await otp(client, server, account, 80)
    await client.call(client.loyalty.RedeemPoints, redeem(account, 80, otp_id, code))
    refund = lambda points: client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(  # noqa: E731
        points_transaction_id=earned.transaction.points_transaction_id, points=points))

    await refund(20)  # the 20 points left
    assert await reason_of(refund(81)) == "REFUND_EXCEEDS_TRANSACTION"  # 80 left of the earn
    assert await reason_of(refund(80)) == "INSUFFICIENT_POINTS"  # spent


async def test_refunding_spent_points_is_refused_unless_the_program_allows_a_negative_balance(client, server):
    for policy, expected in ((loyalty.REFUND_OVERDRAFT_POLICY_REJECT, "INSUFFICIENT_POINTS"),
                             (loyalty.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE, None)):
        program = await new_program(client, refund_overdraft=policy)
        account = await new_account(client, program)
        earned = await earn(client, account, 10_000)
        otp_id, code = await otp(client, server, account, 80)
        await client.call(client.loyalty.RedeemPoints, redeem(account, 80, otp_id, code))

        assert await reason_of(client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
            points_transaction_id=earned.transaction.points_transaction_id))) == expected
        assert (await balance(client, account)).posted_points == (20 if expected else -80)


async def test_a_refund_cannot_be_refunded(client, server, account):
    # A redemption can (tests/e2e/test_redemption_refund.py); a refund of it cannot.
    await earn(client, account, 10_000)
    otp_id, code = await otp(client, server, account, 10)
    redeemed = await client.call(client.loyalty.RedeemPoints, redeem(account, 10, otp_id, code))
    refund = await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=redeemed.transaction.points_transaction_id))

    assert await reason_of(client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=refund.transaction.points_transaction_id))) == "POINTS_TRANSACTION_NOT_REFUNDABLE"


async def test_history_is_newest_first_and_paginated(client, server, account):
    for bill in (1_000, 2_000, 3_000):
        await earn(client, account, bill)
    otp_id, code = await otp(client, server, account, 5)
    await client.call(client.loyalty.RedeemPoints, redeem(account, 5, otp_id, code))

    first = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account, page_size=3))
    second = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account, page_size=3, page_token=first.next_page_token))
    earns = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account, types=[loyalty.POINTS_TRANSACTION_TYPE_EARN]))

    assert [t.points for t in first.transactions] == [-5, 30, 20]
    assert [t.points for t in second.transactions] == [10] and not second.next_page_token
    assert [t.points for t in earns.transactions] == [30, 20, 10]
    assert await reason_of(client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(
        account_id=account, page_size=3, page_token=first.next_page_token,
        types=[loyalty.POINTS_TRANSACTION_TYPE_EARN]))) == "FIELD_INVALID"


async def test_a_one_time_code_earns_once(client, program, account):
    other = await new_account(client, program)
    replies = await client.stream(client.programs.CreateEarnCodes, programs_api.CreateEarnCodesRequest(
        program_id=program, points=250, count=2, length=12,
        expire_time=timestamp_pb2.Timestamp(seconds=int(time.time()) + 86_400)))
    codes = [code for reply in replies for code in reply.codes]

    response = await client.call(client.loyalty.EarnByCode, api.EarnByCodeRequest(account_id=account, code=codes[0]))

    assert response.transaction.points == 250
    assert response.transaction.type == loyalty.POINTS_TRANSACTION_TYPE_EARN_BY_CODE
    assert await reason_of(client.call(client.loyalty.EarnByCode, api.EarnByCodeRequest(
        account_id=other, code=codes[0]))) == "EARN_CODE_ALREADY_USED"
    assert await reason_of(client.call(client.loyalty.EarnByCode, api.EarnByCodeRequest(
        account_id=account, code="NOSUCHCODE"))) == "EARN_CODE_NOT_FOUND"


async def test_a_referral_credits_both_accounts_once_per_pair(client, program):
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program, display_name="Referral",
        referral=loyalty.ReferralEarnRule(referrer_points=500, referred_points=200))))
    referrer, referred = await new_account(client, program), await new_account(client, program)
    request = lambda: api.AllocateEventRequest(account_id=referred, referrer_account_id=referrer)  # noqa: E731

    response = await client.call(client.loyalty.AllocateEvent, request())

    assert sorted(t.points for t in response.transactions) == [200, 500]
    assert await reason_of(client.call(client.loyalty.AllocateEvent, request())) == "EVENT_ALREADY_AWARDED"
    assert (await balance(client, referrer)).posted_points == 500
    assert (await balance(client, referred)).posted_points == 200


async def test_a_once_per_account_event_is_awarded_once(client, program, account):
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program, display_name="Welcome", event=loyalty.EventEarnRule(
            event=loyalty.EARN_EVENT_ACCOUNT_CREATED, points=100, once_per_account=True))))
    request = lambda: api.AllocateEventRequest(account_id=account, event=loyalty.EARN_EVENT_ACCOUNT_CREATED)  # noqa

    response = await client.call(client.loyalty.AllocateEvent, request())

    assert [t.points for t in response.transactions] == [100]
    assert await reason_of(client.call(client.loyalty.AllocateEvent, request())) == "EVENT_ALREADY_AWARDED"
    assert await reason_of(client.call(client.loyalty.AllocateEvent, api.AllocateEventRequest(
        account_id=account, event=loyalty.EARN_EVENT_MARKETING_OPT_IN))) == "EVENT_NOT_CONFIGURED"


async def test_balance_counts_points_expiring_in_the_window(client, server):
    program = await new_program(client, points_expiry=duration_pb2.Duration(seconds=10 * 86_400))
    account = await new_account(client, program)
    await earn(client, account, 1_000)

    inside = await client.call(client.loyalty.GetBalance, api.GetBalanceRequest(
        account_id=account, expiry_window=duration_pb2.Duration(seconds=10 * 86_400)))
    outside = await client.call(client.loyalty.GetBalance, api.GetBalanceRequest(
        account_id=account, expiry_window=duration_pb2.Duration(seconds=9 * 86_400)))

    assert (inside.balance.expiring_points, outside.balance.expiring_points) == (10, 0)
    assert inside.balance.HasField("next_expire_time")


@pytest.mark.parametrize("request_, reason, field", [
    (api.RedeemPointsRequest(account_id=str(uuid.uuid4()), points=0, otp_id=str(uuid.uuid4()), otp_code="123456"),
     "FIELD_OUT_OF_RANGE", "points"),
    (api.RedeemPointsRequest(account_id=str(uuid.uuid4()), points=1, otp_id="nope", otp_code="123456"),
     "FIELD_INVALID", "otp_id"),
    (api.RedeemPointsRequest(account_id=str(uuid.uuid4()), points=1, otp_id=str(uuid.uuid4()), otp_code="12345"),
     "FIELD_INVALID", "otp_code"),
])
async def test_bad_redemptions_are_invalid_argument(client, request_, reason, field):
    with pytest.raises(errors.RewardsError) as invalid:
        await client.call(client.loyalty.RedeemPoints, request_)

    assert (invalid.value.reason, invalid.value.metadata.get("field")) == (reason, field)


async def test_an_unknown_account_is_not_found(client):
    assert await reason_of(earn(client, str(uuid.uuid4()), 100)) == "ACCOUNT_NOT_FOUND"


async def test_expired_points_move_to_the_expiry_account_by_the_job_and_the_command(client, server, stores):
    program = await new_program(client, points_expiry=duration_pb2.Duration(seconds=1))
    account = await new_account(client, program)
    await earn(client, account, 1_000)
    await asyncio.sleep(1.1)

    command = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server.cli", "expire", stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "REDIS_URL": stores.redis_url, "DATABASE_URL": stores.database_url})
    output, _ = await command.communicate()
    assert command.returncode == 0 and json.loads(output)["expired_lots"] >= 0
    for _ in range(50):  # the command, or the server's timer (every second here), expired the lot
        history = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(account_id=account))
        if history.transactions[0].type == loyalty.POINTS_TRANSACTION_TYPE_EXPIRE:
            break
        await asyncio.sleep(0.1)

    assert [(t.type, t.points) for t in history.transactions] == [
        (loyalty.POINTS_TRANSACTION_TYPE_EXPIRE, -10), (loyalty.POINTS_TRANSACTION_TYPE_EARN, 10)]
    assert (await balance(client, account)).posted_points == 0


async def tier_ids(client: RewardsClient, program_id: str) -> dict[str, str]:
    """The program's tiers: display name -> tier_id."""
    listed = await client.call(client.programs.ListTiers, programs_api.ListTiersRequest(program_id=program_id))
    return {t.display_name: t.tier_id for t in listed.tiers}


async def tier_of(client: RewardsClient, account_id: str, names: dict[str, str]) -> str:
    tier_id = (await balance(client, account_id)).tier_id
    return next(name for name, known in names.items() if known == tier_id)


async def test_the_tier_reached_before_a_purchase_multiplies_its_points(client):
    program = await new_program(client)
    for name, target, multiplier in (("Silver", 0, 10_000), ("Gold", 10_000, 20_000)):
        await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(tier=loyalty.Tier(
            program_id=program, display_name=name, target_spend=eur(target), multiplier_bps=multiplier,
            evaluation_days=30)))
    tiers = await tier_ids(client, program)
    account = await new_account(client, program)

    first = await earn(client, account, 9_999)  # Silver; spend now one cent below Gold
    assert (first.transaction.points, (await balance(client, account)).tier_id) == (99, tiers["Silver"])
    second = await earn(client, account, 1)  # still earned as Silver; reaches Gold
    assert (second.transaction.points, (await balance(client, account)).tier_id) == (0, tiers["Gold"])
    third = await earn(client, account, 1_000)  # earned as Gold: twice the points
    assert (third.transaction.regular_points, third.transaction.bonus_points) == (10, 10)


async def test_a_refund_of_one_point_worth_moves_an_account_at_the_tier_minimum_down(client):
    program = await new_program(client)
    for name, target, minimum, multiplier in (("Silver", 0, 0, 10_000), ("Gold", 10_000, 10_000, 20_000)):
        await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(tier=loyalty.Tier(
            program_id=program, display_name=name, target_spend=eur(target), min_spend=eur(minimum),
            multiplier_bps=multiplier, evaluation_days=30)))
    names = await tier_ids(client, program)
    account = await new_account(client, program)
    earned = await earn(client, account, 10_000)  # 100 points; the spend is exactly Gold's min_spend
    for _ in range(100):  # the server evaluates tiers every second: poll, bounded at 10 s
        if await tier_of(client, account, names) == "Gold":
            break
        await asyncio.sleep(0.1)
    assert await tier_of(client, account, names) == "Gold"

    # 1 of 100 points refunded: 1/100 of the bill (100) leaves the spend, now 9_900.
    await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.transaction.points_transaction_id, points=1))
    for _ in range(50):
        if await tier_of(client, account, names) == "Silver":
            break
        await asyncio.sleep(0.1)
    assert await tier_of(client, account, names) == "Silver"

    await earn(client, account, 99)  # net spend 9_999 (10_099 without the refund): still Silver
    assert await tier_of(client, account, names) == "Silver"
    silver = await earn(client, account, 1_000)  # earned as Silver; the net spend reaches Gold
    assert (silver.transaction.bonus_points, await tier_of(client, account, names)) == (0, "Gold")
    gold = await earn(client, account, 1_000)  # earned as Gold: twice the points
    assert (gold.transaction.regular_points, gold.transaction.bonus_points) == (10, 10)


async def test_a_fully_refunded_purchase_no_longer_counts_toward_a_tier(client):
    program = await new_program(client)
    for name, target in (("Silver", 0), ("Gold", 10_000)):
        await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(tier=loyalty.Tier(
            program_id=program, display_name=name, target_spend=eur(target), multiplier_bps=10_000,
            evaluation_days=30)))
    names = await tier_ids(client, program)
    account = await new_account(client, program)
    earned = await earn(client, account, 9_000)
    await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.transaction.points_transaction_id))

    await earn(client, account, 9_999)  # net spend 9_999 (18_999 without the refund)

    assert await tier_of(client, account, names) == "Silver"


async def earn_coupon_offer(client: RewardsClient, max_redemptions: int = 0, **reward) -> tuple[str, str]:
    """An active offer whose common code applies at earn (EXTRAPOINT or MULTIPLIER)."""
    from rewards.coupons.v1 import offer_service_pb2 as offers
    from rewards.coupons.v1 import resources_pb2 as coupons

    kind = coupons.REWARD_KIND_EXTRAPOINT if "extra_points" in reward else coupons.REWARD_KIND_MULTIPLIER
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=coupons.Offer(
        program_id="prog", display_name="earn coupon", state=coupons.OFFER_STATE_ACTIVE,
        reward=coupons.Reward(kind=kind, **reward),
        rules=coupons.OfferRules(max_redemption_count=max_redemptions))))
    code = "EARN" + uuid.uuid4().hex[:10].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=coupons.CodeSeries(
        offer_id=created.offer.offer_id, type=coupons.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return created.offer.offer_id, code


async def redeemed_count(client: RewardsClient, offer_id: str) -> int:
    from rewards.coupons.v1 import offer_service_pb2 as offers

    return (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer.redeemed_count


async def test_extrapoint_and_multiplier_coupons_apply_to_the_earn_and_are_redeemed_with_it(client, account):
    extra_offer, extra = await earn_coupon_offer(client, extra_points=50)
    multiplier_offer, multiplier = await earn_coupon_offer(client, points_multiplier_bps=15_000)

    response = await earn(client, account, 10_000, coupon_codes=[extra, multiplier])

    # 100 regular; x1.5 gives 50 more; +50 extra: the coupons' 100 are reward points.
    t = response.transaction
    assert (t.regular_points, t.bonus_points, t.reward_points, t.points) == (100, 0, 100, 200)
    assert (await redeemed_count(client, extra_offer), await redeemed_count(client, multiplier_offer)) == (1, 1)


async def test_a_full_refund_of_the_earn_gives_its_coupons_back(client, account):
    offer_id, code = await earn_coupon_offer(client, extra_points=50)
    earned = await earn(client, account, 10_000, coupon_codes=[code])

    await client.call(client.loyalty.RefundPoints, api.RefundPointsRequest(
        points_transaction_id=earned.transaction.points_transaction_id))

    assert await redeemed_count(client, offer_id) == 0
    assert (await balance(client, account)).posted_points == 0


async def test_an_earn_coupon_over_its_limit_fails_the_earn_and_changes_nothing(client, program, account):
    other = await new_account(client, program)
    offer_id, code = await earn_coupon_offer(client, extra_points=50, max_redemptions=1)
    await earn(client, other, 1_000, coupon_codes=[code])

    assert await reason_of(earn(client, account, 1_000, coupon_codes=[code])) == "REDEMPTION_LIMIT_REACHED"
    assert (await balance(client, account)).posted_points == 0
    assert await redeemed_count(client, offer_id) == 1


async def test_earn_coupons_are_not_redeemed_by_hand_and_discounts_do_not_apply_at_earn(client, account):
    from rewards.coupons.v1 import coupon_service_pb2 as coupon_api

    _, extra = await earn_coupon_offer(client, extra_points=50)
    by_hand = coupon_api.RedeemCouponRequest(code=extra, account_id=account, store_id="store-1", bill_amount=eur(100))
    assert await reason_of(client.call(client.coupons.RedeemCoupon, by_hand)) == "COUPON_APPLIES_AT_EARN"

    from tests.e2e.builders import offer_with_code

    _, discount_code = await offer_with_code(client)
    assert await reason_of(earn(client, account, 1_000, coupon_codes=[discount_code])) == "COUPON_NOT_FOR_EARN"
    assert await reason_of(earn(client, account, 1_000, coupon_codes=[extra, extra])) == "FIELD_INVALID"


async def test_a_reward_coupon_is_bought_with_points_at_issue(client, program, account):
    from rewards.coupons.v1 import coupon_service_pb2 as coupon_api
    from rewards.coupons.v1 import offer_service_pb2 as offers
    from rewards.coupons.v1 import resources_pb2 as coupons

    await earn(client, account, 100_000)  # 1,000 points
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=coupons.Offer(
        display_name="5 EUR for 300 points", program_id=program, state=coupons.OFFER_STATE_ACTIVE,
        reward=coupons.Reward(kind=coupons.REWARD_KIND_REWARD, price_points=300, discount_amount=eur(500)))))
    offer = created.offer
    issue = lambda: client.call(client.coupons.IssueCoupon, coupon_api.IssueCouponRequest(  # noqa: E731
        offer_id=offer.offer_id, account_id=account))

    coupon = (await issue()).coupon
    assert offer.reward.kind == coupons.REWARD_KIND_REWARD and offer.reward.price_points == 300
    assert (await balance(client, account)).posted_points == 700
    history = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(account_id=account))
    assert (history.transactions[0].type, history.transactions[0].points) == (
        loyalty.POINTS_TRANSACTION_TYPE_COUPON_PURCHASE, -300)
    redeemed = await client.call(client.coupons.RedeemCoupon, coupon_api.RedeemCouponRequest(
        code=coupon.code, account_id=account, store_id="store-1", bill_amount=eur(2_000)))
    assert redeemed.reward.discount_amount == eur(500)

    await issue()
    await issue()  # 100 points left
    assert await reason_of(issue()) == "INSUFFICIENT_POINTS"
    listed = await client.call(client.coupons.ListAccountCoupons, coupon_api.ListAccountCouponsRequest(
        account_id=account))
    assert len(listed.coupons) == 3 and (await balance(client, account)).posted_points == 100


async def test_the_otp_goes_to_the_named_member_or_the_owner(client, server, account):
    await earn(client, account, 10_000)

    async def member(role: int, **contact) -> str:
        user = await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(user=accounts.User(
            given_name="Ada", family_name="Lovelace", display_name="Ada", **contact)))
        await client.call(client.accounts.AddMembership, accounts_api.AddMembershipRequest(
            account_id=account, user_id=user.user.user_id, role=role))
        return user.user.user_id

    def sent_to(otp_id: str) -> str:
        lines = [json.loads(line) for line in server.otp_file.read_text().splitlines()]
        return next(line["destination"] for line in lines if line["otp_id"] == otp_id)

    request = lambda user_id="": api.RequestRedemptionOtpRequest(  # noqa: E731
        account_id=account, points=10, user_id=user_id)
    await member(accounts.MEMBERSHIP_ROLE_OWNER, phone_number="+4915112345678")
    coowner = await member(accounts.MEMBERSHIP_ROLE_COOWNER, email="ada@example.com")
    silent = await member(accounts.MEMBERSHIP_ROLE_COOWNER)
    collector = await member(accounts.MEMBERSHIP_ROLE_COLLECTOR, email="c@example.com")

    owner_otp = await client.call(client.loyalty.RequestRedemptionOtp, request())
    coowner_otp = await client.call(client.loyalty.RequestRedemptionOtp, request(coowner))

    assert (sent_to(owner_otp.otp_id), sent_to(coowner_otp.otp_id)) == ("+4915112345678", "ada@example.com")
    assert await reason_of(client.call(client.loyalty.RequestRedemptionOtp, request(silent))) == \
        "OTP_DESTINATION_MISSING"
    assert await reason_of(client.call(client.loyalty.RequestRedemptionOtp, request(collector))) == "FIELD_INVALID"
    assert await reason_of(client.call(client.loyalty.RequestRedemptionOtp, request(str(uuid.uuid4())))) == \
        "MEMBERSHIP_NOT_FOUND"


async def test_an_event_cap_per_day_awards_what_is_left_then_refuses(client, program, account):
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program, display_name="Review", event=loyalty.EventEarnRule(
            event=loyalty.EARN_EVENT_CUSTOM, custom_event="review", points=40, max_points_per_period=100,
            cap_period=loyalty.CAP_PERIOD_DAY))))
    review = lambda: client.call(client.loyalty.AllocateEvent, api.AllocateEventRequest(  # noqa: E731
        account_id=account, event=loyalty.EARN_EVENT_CUSTOM, custom_event="review"))

    awarded = [(await review()).transactions[0].points for _ in range(3)]

    assert awarded == [40, 40, 20]
    assert await reason_of(review()) == "EVENT_CAP_REACHED"
    assert (await balance(client, account)).posted_points == 100


async def test_concurrent_capped_events_never_pass_the_cap(client, program, account):
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program, display_name="Check-in", event=loyalty.EventEarnRule(
            event=loyalty.EARN_EVENT_CUSTOM, custom_event="checkin", points=10, max_points_per_period=95,
            cap_period=loyalty.CAP_PERIOD_WEEK))))

    await asyncio.gather(*(reason_of(client.call(client.loyalty.AllocateEvent, api.AllocateEventRequest(
        account_id=account, event=loyalty.EARN_EVENT_CUSTOM, custom_event="checkin"))) for _ in range(30)))

    assert (await balance(client, account)).posted_points == 95


async def test_a_tier_may_set_its_own_points_expiry(client):
    program = await new_program(client, points_expiry=duration_pb2.Duration(seconds=365 * 86_400))
    await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(tier=loyalty.Tier(
        program_id=program, display_name="Base", target_spend=eur(0), multiplier_bps=10_000, evaluation_days=30,
        points_expiry=duration_pb2.Duration(seconds=7 * 86_400))))
    account = await new_account(client, program)

    earned = (await earn(client, account, 1_000)).transaction

    assert earned.expire_time.seconds - earned.create_time.seconds == 7 * 86_400
    tiers = await client.call(client.programs.ListTiers, programs_api.ListTiersRequest(program_id=program))
    assert tiers.tiers[0].points_expiry.seconds == 7 * 86_400


async def test_purchase_lines_are_kept_with_the_earn(client, account):
    lines = [loyalty.PurchaseLine(sku="A-1", quantity=2, amount=eur(600)),
             loyalty.PurchaseLine(sku="B-2", quantity=1, amount=eur(400))]

    earned = await earn(client, account, 1_000, lines=lines)
    history = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(account_id=account))

    assert list(earned.transaction.lines) == lines == list(history.transactions[0].lines)
    over = lines + [loyalty.PurchaseLine(sku="C-3", quantity=1, amount=eur(1))]
    assert await reason_of(earn(client, account, 1_000, lines=over)) == "FIELD_INVALID"
    zero = [loyalty.PurchaseLine(sku="A-1", quantity=0, amount=eur(1))]
    assert await reason_of(earn(client, account, 1_000, lines=zero)) == "FIELD_OUT_OF_RANGE"
