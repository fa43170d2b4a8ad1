"""Account handlers: create and get."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.adapters.postgres.ledger_writer import Row
from core.domain import limits
from core.domain.accounts import (Account, AccountStatus, Identifier, IdentifierType,
                                  validate_identifiers, validate_program_id)
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.service.context import Caller, Deps
from core.service.idempotent import Prepared, execute_once

_ACCOUNT_COLUMNS = ("account_id", "org_id", "program_id", "status", "create_time", "update_time")
_IDENTIFIER_COLUMNS = ("org_id", "program_id", "identifier_type", "value", "account_id")


@dataclass(frozen=True, slots=True)
class CreateAccount:
    request_id: str
    program_id: str
    identifiers: tuple[Identifier, ...]


@dataclass(frozen=True, slots=True)
class GetAccount:
    account_id: str


def validate_request_id(request_id: str) -> None:
    if not request_id:
        raise field_required("request_id")
    if len(request_id) > limits.REQUEST_ID_LENGTH_MAX:
        raise field_too_long("request_id", limits.REQUEST_ID_LENGTH_MAX)
    if not request_id.isprintable():
        raise field_invalid("request_id", "printable characters only")


async def create_account(command: CreateAccount, caller: Caller, deps: Deps) -> Account:
    validate_request_id(command.request_id)
    validate_program_id(command.program_id)
    validate_identifiers(command.identifiers)

    async def prepare() -> Prepared[Account]:
        now = deps.clock.now()
        identifiers = tuple(sorted(command.identifiers, key=lambda i: (i.type, i.value)))
        account = Account(str(uuid.uuid4()), command.program_id, AccountStatus.ACTIVE,
                          identifiers, now, now)
        rows = (Row("accounts", _ACCOUNT_COLUMNS, (account.account_id, caller.org_id,
                                                    account.program_id, int(account.status), now, now)),)
        rows += tuple(Row("account_identifiers", _IDENTIFIER_COLUMNS,
                          (caller.org_id, account.program_id, int(i.type), i.value, account.account_id))
                      for i in account.identifiers)
        taken = DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS,
                            metadata={"program_id": command.program_id})
        return Prepared(account, rows, {"account_identifiers_unique": taken})

    return await execute_once(deps, caller, "CreateAccount", command, prepare, Account.from_json)


async def get_account(query: GetAccount, caller: Caller, deps: Deps) -> Account:
    try:
        account_id = str(uuid.UUID(query.account_id))
    except ValueError:
        if not query.account_id:
            raise field_required("account_id") from None
        raise field_invalid("account_id", "a UUID") from None
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT program_id, status, create_time, update_time FROM accounts"
            " WHERE account_id = %s AND org_id = %s", (account_id, caller.org_id))
        found = await cursor.fetchone()
        if found is None:
            raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata={"account_id": account_id})
        cursor = await connection.execute(
            "SELECT identifier_type, value FROM account_identifiers WHERE account_id = %s"
            " ORDER BY identifier_type, value", (account_id,))
        identifiers = tuple(Identifier(IdentifierType(t), v) for t, v in await cursor.fetchall())
    program_id, status, create_time, update_time = found
    return Account(account_id, program_id, AccountStatus(status), identifiers, create_time, update_time)
