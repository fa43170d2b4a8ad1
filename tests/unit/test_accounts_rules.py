"""Account validation rules at their boundaries (no I/O)."""

from __future__ import annotations

import pytest

from core.domain import limits
from core.domain.accounts import Identifier, IdentifierType, validate_identifiers, validate_program_id
from core.domain.errors import DomainError, ErrorReason
from core.service.accounts import validate_request_id


def reason_of(call, *args) -> ErrorReason | None:
    try:
        call(*args)
    except DomainError as error:
        return error.reason
    return None


@pytest.mark.parametrize("program_id, reason", [
    ("", ErrorReason.FIELD_REQUIRED),
    ("p", None),
    ("p" * limits.PROGRAM_ID_LENGTH_MAX, None),
    ("p" * (limits.PROGRAM_ID_LENGTH_MAX + 1), ErrorReason.FIELD_TOO_LONG),
    ("-leading-dash", ErrorReason.FIELD_INVALID),
    ("has space", ErrorReason.FIELD_INVALID),
    ("shop_1.eu-west", None),
])
def test_program_id_rules(program_id, reason):
    assert reason_of(validate_program_id, program_id) is reason


def card(value: str) -> Identifier:
    return Identifier(IdentifierType.CARDCODE, value)


@pytest.mark.parametrize("identifiers, reason", [
    ((), None),
    (tuple(card(str(i)) for i in range(limits.ACCOUNT_IDENTIFIERS_MAX)), None),
    (tuple(card(str(i)) for i in range(limits.ACCOUNT_IDENTIFIERS_MAX + 1)), ErrorReason.FIELD_TOO_LONG),
    ((card(""),), ErrorReason.FIELD_REQUIRED),
    ((Identifier(None, "x"),), ErrorReason.FIELD_REQUIRED),
    ((card("v" * limits.IDENTIFIER_VALUE_LENGTH_MAX),), None),
    ((card("v" * (limits.IDENTIFIER_VALUE_LENGTH_MAX + 1)),), ErrorReason.FIELD_TOO_LONG),
    ((card(" padded"),), ErrorReason.FIELD_INVALID),
    ((card("tab\there"),), ErrorReason.FIELD_INVALID),
    ((card("same"), card("same")), ErrorReason.FIELD_INVALID),
    ((card("same"), Identifier(IdentifierType.EXTERNALCODE, "same")), None),
])
def test_identifier_rules(identifiers, reason):
    assert reason_of(validate_identifiers, identifiers) is reason


@pytest.mark.parametrize("request_id, reason", [
    ("", ErrorReason.FIELD_REQUIRED),
    ("r" * limits.REQUEST_ID_LENGTH_MAX, None),
    ("r" * (limits.REQUEST_ID_LENGTH_MAX + 1), ErrorReason.FIELD_TOO_LONG),
    ("new\nline", ErrorReason.FIELD_INVALID),
])
def test_request_id_rules(request_id, reason):
    assert reason_of(validate_request_id, request_id) is reason
