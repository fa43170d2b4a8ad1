"""The README's "First points" walkthrough with the Python client (asyncio): a program whose
purchase rule gives a point per full euro, an account, a purchase of 120 EUR, the balance, a
redemption of 50 points proved by the one-time password sent to the member, and a refund of 20 of
the points earned.

    .venv/bin/python clients/python/examples/first_points.py

against a running server (`make run`), with the target and credentials as in first_coupon.py.
Scopes: loyalty:admin, accounts:write, loyalty:earn, loyalty:read, loyalty:redeem. When it asks for
the OTP (on stderr, naming its otp_id), type the 6 digits the member received: `make run` writes
them to its log ("redemption OTP <otp_id> for account ...: <6 digits>"). It prints
(tests/e2e/test_client_walkthroughs.py checks it):

    earned 120 points
    balance: 120 points available
    redeemed 50 points: 70 left
    refunded 20 points: 50 left
    balance: 50 points available
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import Awaitable, Callable

from first_coupon import credentials_from_env
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from rewards_client import RewardsClient, errors


async def first_points(client: RewardsClient, read_otp: Callable[[str], Awaitable[str]], out=sys.stdout) -> None:
    """`read_otp(otp_id)` returns the 6 digits the member received for that OTP."""
    # A program with one purchase rule: a point per full euro (100 minor units, floored).
    program_id = "demo-" + uuid.uuid4().hex[:8]
    await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
        program_id=program_id, display_name="Demo", currency_code="EUR", time_zone="Europe/Berlin")))
    await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program_id, display_name="1 point per EUR",
        ratio=loyalty.RatioEarnRule(points_numerator=1, amount_minor_denominator=100))))
    member = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(
            type=accounts.IDENTIFIER_TYPE_CARDCODE, value="CARD-" + uuid.uuid4().hex[:8])]))).account.account_id

    # A purchase of 120 EUR earns 120 points; the balance shows them. The receipt's transaction_id
    # makes a second earn for it PURCHASE_ALREADY_EARNED.
    earned = await client.call(client.loyalty.EarnPoints, loyalty_api.EarnPointsRequest(
        account_id=member, store_id="store-1", transaction_id="receipt-" + uuid.uuid4().hex[:8],
        bill_amount=money_pb2.Money(amount_minor=12000, currency_code="EUR")))
    print(f"earned {earned.transaction.points} points", file=out)
    balance = (await client.call(client.loyalty.GetBalance, loyalty_api.GetBalanceRequest(account_id=member))).balance
    print(f"balance: {balance.available_points} points available", file=out)

    # Burning points needs a one-time password sent to the customer.
    ticket = await client.call(client.loyalty.RequestRedemptionOtp,
                               loyalty_api.RequestRedemptionOtpRequest(account_id=member, points=50))
    try:
        redeemed = await client.call(client.loyalty.RedeemPoints, loyalty_api.RedeemPointsRequest(
            account_id=member, points=50, otp_id=ticket.otp_id, otp_code=await read_otp(ticket.otp_id),
            store_id="store-1"))
    except errors.RewardsError as error:
        if error.reason == "OTP_INVALID":  # ask again, with the same otp_id
            print(f"wrong code, {error.metadata.get('tries_left')} tries left", file=out)
            return
        raise  # OTP_LOCKED (too many wrong codes), OTP_NOT_FOUND (expired): request a new one
    print(f"redeemed 50 points: {redeemed.balance.available_points} left", file=out)

    # The order is cancelled: refund 20 of the 120 points earned.
    refunded = await client.call(client.loyalty.RefundPoints, loyalty_api.RefundPointsRequest(
        points_transaction_id=earned.transaction.points_transaction_id, points=20))
    print(f"refunded 20 points: {refunded.balance.available_points} left", file=out)
    balance = (await client.call(client.loyalty.GetBalance, loyalty_api.GetBalanceRequest(account_id=member))).balance
    print(f"balance: {balance.available_points} points available", file=out)


async def otp_from_stdin(otp_id: str) -> str:
    print(f"OTP {otp_id} was sent to the member: type its 6 digits", file=sys.stderr, flush=True)
    return (await asyncio.to_thread(sys.stdin.readline)).strip()


async def main() -> None:
    target = os.environ.get("REWARDS_TARGET", "localhost:50051")
    async with RewardsClient.connect(target, credentials_from_env()) as client:
        await first_points(client, otp_from_stdin)


if __name__ == "__main__":
    asyncio.run(main())
