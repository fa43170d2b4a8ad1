"""Registered members only (seed 001: "these users may not be allowed to earn and/or burn their
points if they are not registered"), over gRPC: Program.earn_requires_owner and
burn_requires_owner refuse an account without an OWNER membership with MEMBERSHIP_REQUIRED
(metadata "action"), change nothing, and allow it once an OWNER is added (a COOWNER is not
enough); the two flags are separate. After each test the ledger balances."""

from __future__ import annotations

import time
import uuid

import pytest
from google.protobuf import timestamp_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api

from rewards_client import errors
from tests.e2e.test_points import balance, earn, new_account, new_program, otp, redeem
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


async def add_member(client, account_id: str, role=accounts.MEMBERSHIP_ROLE_OWNER) -> None:
    user = (await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(user=accounts.User(
        external_user_id="crm-" + uuid.uuid4().hex, given_name="Ana", email=f"a{uuid.uuid4().hex[:8]}@example.com",
        phone_number="+4915112345678")))).user
    await client.call(client.accounts.AddMembership, accounts_api.AddMembershipRequest(
        account_id=account_id, user_id=user.user_id, role=role))


async def refusal(awaitable) -> errors.RewardsError:
    with pytest.raises(errors.FailedPrecondition) as refused:
        await awaitable
    return refused.value


async def credit(client, account_id: str, points: int) -> None:
    """Points by an operator (AdjustPoints is not an earn: the policy does not apply)."""
    await client.call(client.loyalty.AdjustPoints, api.AdjustPointsRequest(
        request_id=uuid.uuid4().hex, account_id=account_id, points=points, reason="opening balance"))


async def test_an_unregistered_account_may_not_earn_until_an_owner_is_added(client):
    program = await new_program(client, earn_requires_owner=True)
    account = await new_account(client, program)

    refused = await refusal(earn(client, account, 5_000))
    await add_member(client, account, accounts.MEMBERSHIP_ROLE_COOWNER)
    still = await refusal(earn(client, account, 5_000))
    assert (await balance(client, account)).posted_points == 0
    await add_member(client, account)
    earned = await earn(client, account, 5_000)

    assert refused.reason == still.reason == "MEMBERSHIP_REQUIRED"
    assert refused.metadata["action"] == "earn"
    assert refused.metadata["program_id"] == program
    assert earned.transaction.points == 50


async def test_an_earn_code_is_refused_to_an_unregistered_account_and_stays_unused(client):
    program = await new_program(client, earn_requires_owner=True)
    account = await new_account(client, program)
    replies = await client.stream(client.programs.CreateEarnCodes, programs_api.CreateEarnCodesRequest(
        program_id=program, points=40, count=1, length=12,
        expire_time=timestamp_pb2.Timestamp(seconds=int(time.time()) + 86_400)))
    code = [c for reply in replies for c in reply.codes][0]

    refused = await refusal(client.call(client.loyalty.EarnByCode, api.EarnByCodeRequest(account_id=account, code=code)))
    await add_member(client, account)
    earned = await client.call(client.loyalty.EarnByCode, api.EarnByCodeRequest(account_id=account, code=code))

    assert (refused.reason, refused.metadata["action"]) == ("MEMBERSHIP_REQUIRED", "earn")
    assert earned.transaction.points == 40


async def test_an_unregistered_account_may_earn_but_not_burn_when_only_burning_needs_an_owner(client, server):
    program = await new_program(client, burn_requires_owner=True)
    account = await new_account(client, program)

    await earn(client, account, 10_000)
    refused = await refusal(client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
        account_id=account, points=30)))
    await add_member(client, account)
    otp_id, code = await otp(client, server, account, 30)
    redeemed = await client.call(client.loyalty.RedeemPoints, redeem(account, 30, otp_id, code))

    assert (refused.reason, refused.metadata["action"]) == ("MEMBERSHIP_REQUIRED", "burn")
    assert redeemed.balance.available_points == 70


async def test_a_redemption_is_refused_when_the_owner_left_after_the_otp(client, server):
    program = await new_program(client, burn_requires_owner=True)
    account = await new_account(client, program)
    await credit(client, account, 100)
    user = (await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(user=accounts.User(
        external_user_id="crm-" + uuid.uuid4().hex, given_name="Ana", phone_number="+4915112345678")))).user
    await client.call(client.accounts.AddMembership, accounts_api.AddMembershipRequest(
        account_id=account, user_id=user.user_id, role=accounts.MEMBERSHIP_ROLE_OWNER))
    otp_id, code = await otp(client, server, account, 30)

    await client.call(client.accounts.RemoveMembership, accounts_api.RemoveMembershipRequest(
        account_id=account, user_id=user.user_id))
    refused = await refusal(client.call(client.loyalty.RedeemPoints, redeem(account, 30, otp_id, code)))

    assert (refused.reason, refused.metadata["action"]) == ("MEMBERSHIP_REQUIRED", "burn")
    assert (await balance(client, account)).available_points == 100


async def test_an_unregistered_account_may_burn_when_only_earning_needs_an_owner(client, server):
    program = await new_program(client, earn_requires_owner=True)
    account = await new_account(client, program)
    await credit(client, account, 100)

    otp_id, code = await otp(client, server, account, 40)
    redeemed = await client.call(client.loyalty.RedeemPoints, redeem(account, 40, otp_id, code))

    assert redeemed.balance.available_points == 60


async def test_the_flags_are_read_back_and_off_by_default(client):
    both = await new_program(client, earn_requires_owner=True, burn_requires_owner=True)
    neither = await new_program(client)

    read = (await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(program_id=both))).program
    default = (await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(program_id=neither))).program

    assert (read.earn_requires_owner, read.burn_requires_owner) == (True, True)
    assert (default.earn_requires_owner, default.burn_requires_owner) == (False, False)
    assert (await earn(client, await new_account(client, neither), 1_000)).transaction.points == 10


async def test_a_basket_of_an_unregistered_account_may_not_earn_when_earning_needs_an_owner(client):
    from rewards.checkout.v1 import checkout_service_pb2 as checkout_api

    from tests.e2e.test_checkout import authorize

    program = await new_program(client, earn_requires_owner=True)
    account = await new_account(client, program)

    refused = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(account, earn_points=True)))
    plain = await client.call(client.checkout.AuthorizeBasket, authorize(account))
    await add_member(client, account)
    earning = await client.call(client.checkout.AuthorizeBasket, authorize(account, earn_points=True))

    assert (refused.reason, refused.metadata["action"]) == ("MEMBERSHIP_REQUIRED", "earn")
    assert plain.basket.earned_points == 0
    assert earning.basket.earned_points == 100
    for basket in (plain.basket, earning.basket):
        await client.call(client.checkout.VoidBasket, checkout_api.VoidBasketRequest(basket_id=basket.basket_id))
