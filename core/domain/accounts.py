"""Accounts and their identifiers: dataclasses and the rules that need no I/O."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from core.domain import limits
from core.domain.errors import field_invalid, field_required, field_too_long

_PROGRAM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class AccountStatus(enum.IntEnum):
    ACTIVE = 1
    SUSPENDED = 2
    CLOSED = 3


class IdentifierType(enum.IntEnum):
    APPCODE = 1
    CARDCODE = 2
    EXTERNALCODE = 3
    PHONE = 4
    ID = 5


@dataclass(frozen=True, slots=True)
class Identifier:
    type: IdentifierType
    value: str


@dataclass(frozen=True, slots=True)
class Account:
    account_id: str
    program_id: str
    status: AccountStatus
    identifiers: tuple[Identifier, ...]
    create_time: dt.datetime
    update_time: dt.datetime

    def to_json(self) -> dict:
        return {
            "account_id": self.account_id,
            "program_id": self.program_id,
            "status": int(self.status),
            "identifiers": [[int(i.type), i.value] for i in self.identifiers],
            "create_time": self.create_time.isoformat(),
            "update_time": self.update_time.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict) -> Account:
        return cls(
            account_id=data["account_id"],
            program_id=data["program_id"],
            status=AccountStatus(data["status"]),
            identifiers=tuple(Identifier(IdentifierType(t), v) for t, v in data["identifiers"]),
            create_time=dt.datetime.fromisoformat(data["create_time"]),
            update_time=dt.datetime.fromisoformat(data["update_time"]),
        )


def validate_program_id(program_id: str) -> None:
    if not program_id:
        raise field_required("program_id")
    if len(program_id) > limits.PROGRAM_ID_LENGTH_MAX:
        raise field_too_long("program_id", limits.PROGRAM_ID_LENGTH_MAX)
    if not _PROGRAM_ID.match(program_id):
        raise field_invalid("program_id", "letters, digits, '_', '.', '-'; starts with a letter or digit")


def validate_identifiers(identifiers: tuple[Identifier, ...]) -> None:
    if len(identifiers) > limits.ACCOUNT_IDENTIFIERS_MAX:
        raise field_too_long("identifiers", limits.ACCOUNT_IDENTIFIERS_MAX)
    seen = set()
    for index, identifier in enumerate(identifiers):
        field = f"identifiers[{index}]"
        if identifier.type is None:
            raise field_required(f"{field}.type")
        if not identifier.value:
            raise field_required(f"{field}.value")
        if len(identifier.value) > limits.IDENTIFIER_VALUE_LENGTH_MAX:
            raise field_too_long(f"{field}.value", limits.IDENTIFIER_VALUE_LENGTH_MAX)
        if not identifier.value.isprintable() or identifier.value.strip() != identifier.value:
            raise field_invalid(f"{field}.value", "printable, without leading or trailing spaces")
        if (identifier.type, identifier.value) in seen:
            raise field_invalid(field, "duplicate identifier")
        seen.add((identifier.type, identifier.value))
