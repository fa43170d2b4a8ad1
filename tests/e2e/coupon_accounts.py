"""Real accounts for the coupon tests: the coupon path checks the account (it exists in the
offer's program, is not deleted, is ACTIVE), so a test names an account it created."""

from __future__ import annotations

import asyncio
import uuid

from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from rewards_client import RewardsClient, errors

PROGRAM = "prog"
"""The program the coupon tests' offers belong to."""
_programs: set[str] = set()


async def ensure_program(client: RewardsClient, program_id: str = PROGRAM) -> str:
    """The program, created if it does not exist yet."""
    if program_id not in _programs:
        try:
            await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
                program_id=program_id, display_name=program_id, currency_code="EUR", time_zone="UTC")))
        except errors.AlreadyExists:
            pass
        _programs.add(program_id)
    return program_id


def card(value: str = "") -> accounts.Identifier:
    """A CARDCODE identifier (a fresh one unless `value` is given)."""
    return accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=value or "C" + uuid.uuid4().hex[:14].upper())


async def new_account(client: RewardsClient, program_id: str = PROGRAM, *identifiers: accounts.Identifier) -> str:
    """A new ACTIVE account of the program (created with it if need be)."""
    await ensure_program(client, program_id)
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=list(identifiers)))
    return created.account.account_id


async def new_accounts(client: RewardsClient, count: int, program_id: str = PROGRAM) -> list[str]:
    """`count` new accounts of the program, created concurrently (64 at a time)."""
    await ensure_program(client, program_id)
    gate = asyncio.Semaphore(64)

    async def one() -> str:
        async with gate:
            return await new_account(client, program_id)

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def set_status(client: RewardsClient, account_id: str, status: int) -> None:
    await client.call(client.accounts.UpdateAccountStatus, accounts_api.UpdateAccountStatusRequest(
        account_id=account_id, status=status))


async def lock(client: RewardsClient, account_id: str) -> None:
    await set_status(client, account_id, accounts.ACCOUNT_STATUS_LOCKED)


async def unlock(client: RewardsClient, account_id: str) -> None:
    await set_status(client, account_id, accounts.ACCOUNT_STATUS_ACTIVE)


async def delete(client: RewardsClient, account_id: str) -> None:
    await client.call(client.accounts.DeleteAccount, accounts_api.DeleteAccountRequest(account_id=account_id))
