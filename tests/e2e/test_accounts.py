"""AccountService over gRPC: happy path, idempotent retries, bad input per field, not found."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from core.domain import limits
from rewards_client import errors


@pytest.fixture
def stub(typed_channel):
    return account_service_pb2_grpc.AccountServiceStub(typed_channel)


def card(value: str | None = None) -> resources.Identifier:
    return resources.Identifier(type=resources.IDENTIFIER_TYPE_CARDCODE,
                                value=uuid.uuid4().hex if value is None else value)


def create(**fields) -> api.CreateAccountRequest:
    fields.setdefault("request_id", uuid.uuid4().hex)
    fields.setdefault("program_id", "e2e-program")
    fields.setdefault("identifiers", [card()])
    return api.CreateAccountRequest(**fields)


async def test_a_created_account_can_be_read_back(stub):
    request = create(identifiers=[card("CARD-1-" + uuid.uuid4().hex),
                                  resources.Identifier(type=resources.IDENTIFIER_TYPE_PHONE, value="+4915100000")])

    created = (await stub.CreateAccount(request)).account
    read = (await stub.GetAccount(api.GetAccountRequest(account_id=created.account_id))).account

    assert uuid.UUID(created.account_id)
    assert created.status == resources.ACCOUNT_STATUS_ACTIVE
    assert created.create_time.seconds > 0
    assert read == created


async def test_a_retried_create_returns_the_first_response(stub):
    request = create()

    first = await stub.CreateAccount(request)
    retries = await asyncio.gather(*(stub.CreateAccount(request) for _ in range(10)))

    assert all(r == first for r in retries)


async def test_a_reused_request_id_with_other_parameters_is_already_exists(stub):
    request = create()
    await stub.CreateAccount(request)

    with pytest.raises(errors.AlreadyExists) as reused:
        await stub.CreateAccount(create(request_id=request.request_id))

    assert (reused.value.reason, reused.value.domain) == ("IDEMPOTENCY_KEY_REUSED", "rewards.accounts")
    assert reused.value.metadata["request_id"] == request.request_id
    assert not reused.value.retryable


async def test_an_identifier_held_by_another_account_is_already_exists(stub):
    taken = card()
    await stub.CreateAccount(create(identifiers=[taken]))

    with pytest.raises(errors.AlreadyExists) as conflict:
        await stub.CreateAccount(create(identifiers=[taken]))

    assert conflict.value.reason == "IDENTIFIER_ALREADY_EXISTS"


@pytest.mark.parametrize("fields, reason, field", [
    ({"request_id": ""}, "FIELD_REQUIRED", "request_id"),
    ({"request_id": "r" * (limits.REQUEST_ID_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "request_id"),
    ({"program_id": ""}, "FIELD_REQUIRED", "program_id"),
    ({"program_id": "p" * (limits.PROGRAM_ID_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "program_id"),
    ({"program_id": "bad id"}, "FIELD_INVALID", "program_id"),
    ({"identifiers": [resources.Identifier(value="x")]}, "FIELD_REQUIRED", "identifiers[0].type"),
    ({"identifiers": [resources.Identifier(type=42, value="x")]}, "FIELD_INVALID", "identifiers[0].type"),
    ({"identifiers": [card("")]}, "FIELD_REQUIRED", "identifiers[0].value"),
    ({"identifiers": [card("v" * (limits.IDENTIFIER_VALUE_LENGTH_MAX + 1))]}, "FIELD_TOO_LONG", "identifiers[0].value"),
    ({"identifiers": [card() for _ in range(limits.ACCOUNT_IDENTIFIERS_MAX + 1)]}, "FIELD_TOO_LONG", "identifiers"),
])
async def test_bad_input_is_invalid_argument_naming_the_field(stub, fields, reason, field):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.CreateAccount(create(**fields))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)
    assert invalid.value.code is grpc.StatusCode.INVALID_ARGUMENT


async def test_the_identifier_limit_is_inclusive(stub):
    request = create(identifiers=[card() for _ in range(limits.ACCOUNT_IDENTIFIERS_MAX)])

    account = (await stub.CreateAccount(request)).account

    assert len(account.identifiers) == limits.ACCOUNT_IDENTIFIERS_MAX


async def test_bad_input_changes_nothing(stub):
    request = create(program_id="bad id")
    with pytest.raises(errors.InvalidArgument):
        await stub.CreateAccount(request)

    fixed = await stub.CreateAccount(create(request_id=request.request_id, identifiers=request.identifiers))

    assert fixed.account.program_id == "e2e-program"


@pytest.mark.parametrize("account_id, reason", [
    ("", "FIELD_REQUIRED"), ("not-a-uuid", "FIELD_INVALID")])
async def test_get_account_with_a_bad_id_is_invalid_argument(stub, account_id, reason):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.GetAccount(api.GetAccountRequest(account_id=account_id))

    assert invalid.value.reason == reason


async def test_an_unknown_account_is_not_found(stub):
    missing = str(uuid.uuid4())

    with pytest.raises(errors.NotFound) as not_found:
        await stub.GetAccount(api.GetAccountRequest(account_id=missing))

    assert (not_found.value.reason, not_found.value.metadata) == ("ACCOUNT_NOT_FOUND", {"account_id": missing})
