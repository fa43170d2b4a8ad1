"""Points as money over gRPC (seed 002's coins-to-currency ratio on the burn side): a program's
points_value states what points are worth; RedeemPoints, the OTP request and the checkout basket
answer the money value of the points burned (rounded down), and a burn may be asked in money,
converted to the most points not worth more than asked. After each test the ledger balances."""

from __future__ import annotations

import uuid

import pytest
from rewards.checkout.v1 import checkout_service_pb2 as checkout_api
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from tests.e2e.test_checkout import authorize, burn
from tests.e2e.test_points import balance, earn, error_of, eur, new_account, new_program, otp_code
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


def worth(points: int, value_minor: int) -> loyalty.PointsValue:
    return loyalty.PointsValue(points=points, value=eur(value_minor))


async def member(client, points_value: loyalty.PointsValue | None = None, balance_points: int = 10_000) -> str:
    """An account of a new program (1 point per EUR) holding `balance_points`."""
    fields = {"points_value": points_value} if points_value is not None else {}
    account = await new_account(client, await new_program(client, **fields))
    await earn(client, account, balance_points * 100)
    return account


async def ask(client, account: str, **fields) -> api.RequestRedemptionOtpResponse:
    return await client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
        account_id=account, **fields))


async def redeem(client, server, account: str, request_id: str = "", **fields) -> api.RedeemPointsResponse:
    ticket = await ask(client, account, **fields)
    return await client.call(client.loyalty.RedeemPoints, api.RedeemPointsRequest(
        request_id=request_id, account_id=account, otp_id=ticket.otp_id, otp_code=otp_code(server, ticket.otp_id),
        store_id="store-1", **fields))


async def test_a_burn_answers_the_money_value_of_its_points_rounded_down(client, server):
    account = await member(client, worth(3, 2))  # 3 points are worth 0.02 EUR

    redeemed = await redeem(client, server, account, points=10)  # 10 * 2 / 3 = 6.67 cents

    assert redeemed.transaction.points == -10
    assert (redeemed.points_value.amount_minor, redeemed.points_value.currency_code) == (6, "EUR")
    assert redeemed.transaction.points_value == redeemed.points_value
    read = await client.call(client.loyalty.GetTransaction, api.GetTransactionRequest(
        points_transaction_id=redeemed.transaction.points_transaction_id))
    assert read.transaction.points_value.amount_minor == 6
    history = await client.call(client.loyalty.ListTransactions, api.ListTransactionsRequest(account_id=account))
    assert history.transactions[0].points_value.amount_minor == 6


async def test_a_burn_asked_in_money_burns_the_most_points_not_worth_more_than_asked(client, server):
    account = await member(client, worth(3, 2))

    ticket = await ask(client, account, amount=eur(501))  # 501 * 3 / 2 = 751.5 -> 751 points, worth 500.67 -> 500
    assert (ticket.points, ticket.points_value.amount_minor) == (751, 500)
    redeemed = await client.call(client.loyalty.RedeemPoints, api.RedeemPointsRequest(
        account_id=account, amount=eur(501), otp_id=ticket.otp_id, otp_code=otp_code(server, ticket.otp_id)))

    assert (redeemed.transaction.points, redeemed.points_value.amount_minor) == (-751, 500)
    assert (await balance(client, account)).available_points == 10_000 - 751


async def test_a_money_burn_is_at_least_one_points_worth(client, server):
    account = await member(client, worth(1, 3))  # one point is worth 0.03 EUR

    too_little = await error_of(ask(client, account, amount=eur(2)))
    nothing = await error_of(ask(client, account, amount=eur(0)))
    one = await ask(client, account, amount=eur(3))

    assert (too_little.reason, too_little.metadata["field"], too_little.metadata["min"]) == (
        "FIELD_OUT_OF_RANGE", "amount.amount_minor", "3")
    assert nothing.reason == "FIELD_OUT_OF_RANGE"
    assert (one.points, one.points_value.amount_minor) == (1, 3)


async def test_a_money_burn_needs_a_points_value_one_currency_and_no_points_beside(client, server):
    plain = await member(client)
    valued = await member(client, worth(100, 100))

    assert (await error_of(ask(client, plain, amount=eur(500)))).reason == "POINTS_VALUE_NOT_CONFIGURED"
    mismatch = await error_of(ask(client, valued, amount=money_pb2.Money(amount_minor=500, currency_code="USD")))
    assert (mismatch.reason, mismatch.metadata["field"]) == ("CURRENCY_MISMATCH", "amount.currency_code")
    both = await error_of(ask(client, valued, amount=eur(500), points=500))
    assert (both.reason, both.metadata["field"]) == ("FIELD_INVALID", "amount")
    plain_burn = await redeem(client, server, plain, points=10)  # no stated value: none answered
    assert not plain_burn.HasField("points_value") and not plain_burn.transaction.HasField("points_value")
    assert (await balance(client, valued)).available_points == 10_000  # the refusals changed nothing


async def test_a_money_burn_retried_with_its_request_id_answers_the_first_burn(client, server):
    account = await member(client, worth(100, 100))
    request_id = uuid.uuid4().hex
    ticket = await ask(client, account, amount=eur(250))
    request = api.RedeemPointsRequest(request_id=request_id, account_id=account, amount=eur(250),
                                      otp_id=ticket.otp_id, otp_code=otp_code(server, ticket.otp_id))

    first = await client.call(client.loyalty.RedeemPoints, request)
    again = await client.call(client.loyalty.RedeemPoints, request)

    assert first == again
    assert (first.transaction.points, first.points_value.amount_minor) == (-250, 250)
    assert (await balance(client, account)).available_points == 10_000 - 250


async def test_a_basket_answers_the_money_value_of_its_burn(client, server):
    account = await member(client, worth(3, 2), balance_points=1_000)

    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account, points_burn=await burn(client, server, account, 300)))).basket

    assert (basket.burned_points, basket.burned_points_value.amount_minor) == (300, 200)
    read = await client.call(client.checkout.GetBasket, checkout_api.GetBasketRequest(basket_id=basket.basket_id))
    assert read.basket.burned_points_value.amount_minor == 200
    await client.call(client.checkout.VoidBasket, checkout_api.VoidBasketRequest(basket_id=basket.basket_id))


async def test_a_basket_burn_asked_in_money_burns_the_most_points_not_worth_more_than_asked(client, server):
    from rewards.checkout.v1 import resources_pb2 as baskets

    account = await member(client, worth(3, 2), balance_points=1_000)
    ticket = await ask(client, account, amount=eur(201))  # 201 * 3 / 2 = 301.5 -> 301 points, worth 200
    money_burn = baskets.PointsBurn(amount=eur(201), otp_id=ticket.otp_id, otp_code=otp_code(server, ticket.otp_id))

    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(account, points_burn=money_burn))).basket
    both = await error_of(client.call(client.checkout.AuthorizeBasket, authorize(account, points_burn=baskets.PointsBurn(
        points=5, amount=eur(201), otp_id=ticket.otp_id, otp_code="000000"))))
    captured = (await client.call(client.checkout.CaptureBasket, checkout_api.CaptureBasketRequest(
        basket_id=basket.basket_id))).basket

    assert (ticket.points, basket.burned_points, basket.burned_points_value.amount_minor) == (301, 301, 200)
    assert (both.reason, both.metadata["field"]) == ("FIELD_INVALID", "points_burn.amount")
    assert captured.burned_points == 301
    assert (await balance(client, account)).available_points == 1_000 - 301


async def test_a_basket_burn_in_money_needs_a_points_value(client, server):
    from rewards.checkout.v1 import resources_pb2 as baskets

    account = await member(client, balance_points=1_000)
    refused = await error_of(client.call(client.checkout.AuthorizeBasket, authorize(account, points_burn=baskets.PointsBurn(
        amount=eur(100), otp_id=str(uuid.uuid4()), otp_code="123456"))))

    assert refused.reason == "POINTS_VALUE_NOT_CONFIGURED"
    assert (await balance(client, account)).available_points == 1_000


@pytest.mark.parametrize("points_value, field", [
    (worth(0, 100), "program.points_value.points"),
    (worth(10**9 + 1, 100), "program.points_value.points"),
    (worth(1, 0), "program.points_value.value.amount_minor"),
    (worth(1, 10**12 + 1), "program.points_value.value.amount_minor"),
    (loyalty.PointsValue(points=1, value=money_pb2.Money(amount_minor=1, currency_code="USD")),
     "program.points_value.value.currency_code")])
async def test_a_points_value_out_of_its_bounds_is_refused(client, points_value, field):
    error = await error_of(client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(
        program=loyalty.Program(program_id="pv-" + uuid.uuid4().hex[:8], display_name="P", currency_code="EUR",
                                time_zone="Europe/Berlin", points_value=points_value))))
    assert error.metadata["field"] == field


async def test_the_points_value_bounds_themselves_are_allowed_and_updatable(client, server):
    program = await new_program(client, points_value=worth(10**9, 10**12))
    account = await new_account(client, program)
    await earn(client, account, 100_000)

    await client.call(client.programs.UpdateProgram, programs_api.UpdateProgramRequest(
        program=loyalty.Program(program_id=program, points_value=worth(1, 1)),
        update_mask={"paths": ["points_value"]}))
    read = await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(program_id=program))
    redeemed = await redeem(client, server, account, points=7)

    assert (read.program.points_value.points, read.program.points_value.value.amount_minor) == (1, 1)
    assert redeemed.points_value.amount_minor == 7
