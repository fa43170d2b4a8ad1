"""Real accounts for the coupon engine tests: the coupon path checks the account (it exists in
the caller's organisation and the offer's program, is not deleted, is ACTIVE)."""

from __future__ import annotations

import asyncio
import uuid

from core.domain.accounts import AccountStatus
from core.service.accounts import AccountRef, CreateAccount, DeleteAccount, UpdateAccountStatus, create_account
from core.service.accounts import delete_account as _delete_account
from core.service.accounts import update_account_status
from core.service.context import Caller, Deps


def _caller(org: str) -> Caller:
    return Caller(client_id="accounts-setup", org_id=org)


_PROGRAMS: set[tuple[int, str, str]] = set()
"""(deps, org, program) of the programs created here already (accounts need a program that exists)."""


async def _ensure_program(deps: Deps, org: str, program: str) -> None:
    from tests.integration.conftest import ensure_program

    if (id(deps), org, program) not in _PROGRAMS:
        await ensure_program(deps, org, program)
        _PROGRAMS.add((id(deps), org, program))


async def new_account(deps: Deps, org: str, program: str = "prog") -> str:
    """A new ACTIVE account of `program` in `org` (the program is created first if need be)."""
    await _ensure_program(deps, org, program)
    account = await create_account(CreateAccount(uuid.uuid4().hex, program, ()), _caller(org), deps)
    return account.account_id


async def new_accounts(deps: Deps, org: str, count: int, program: str = "prog") -> list[str]:
    await _ensure_program(deps, org, program)
    return list(await asyncio.gather(*(new_account(deps, org, program) for _ in range(count))))


async def set_status(deps: Deps, org: str, account_id: str, status: AccountStatus) -> None:
    await update_account_status(UpdateAccountStatus(uuid.uuid4().hex, AccountRef(account_id), status),
                                _caller(org), deps)


async def delete_account(deps: Deps, org: str, account_id: str) -> None:
    await _delete_account(DeleteAccount(uuid.uuid4().hex, AccountRef(account_id)), _caller(org), deps)
