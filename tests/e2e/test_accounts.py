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


# --- identifiers: EMAIL and PHONE forms, lookup, references by identifier ---------------------

def ident(kind: int, value: str) -> resources.Identifier:
    return resources.Identifier(type=kind, value=value)


PHONE, EMAIL = resources.IDENTIFIER_TYPE_PHONE, resources.IDENTIFIER_TYPE_EMAIL


def phone_number(digits: int) -> str:
    """A unique E.164 number of `digits` digits (the first is 4)."""
    return "+4" + str(uuid.uuid4().int)[:digits - 1]


@pytest.mark.parametrize("value", [
    phone_number(limits.PHONE_DIGITS_MIN), phone_number(limits.PHONE_DIGITS_MAX)])
async def test_phone_numbers_at_the_digit_limits_are_accepted(stub, value):
    account = (await stub.CreateAccount(create(identifiers=[ident(PHONE, value)]))).account

    assert account.identifiers[0].value == value


@pytest.mark.parametrize("value", [
    "+4" + "1" * (limits.PHONE_DIGITS_MIN - 2), "+4" + "1" * limits.PHONE_DIGITS_MAX,
    "4915112345678", "+0915112345678", "+49 151 1234567", "+49-151-1234567"])
async def test_a_phone_identifier_not_in_e164_form_is_invalid(stub, value):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.CreateAccount(create(identifiers=[card(), ident(PHONE, value)]))

    assert invalid.value.reason == "FIELD_INVALID"
    assert invalid.value.metadata["field"] == "identifiers[1].value"
    assert invalid.value.metadata["rule"].startswith("E.164")


@pytest.mark.parametrize("value", [
    "plain", "@example.com", "anna@", "anna@example", "anna@@example.com", "anna..b@example.com",
    ".anna@example.com", "anna@-example.com", "anna@example.123", "an na@example.com"])
async def test_an_email_identifier_not_in_address_form_is_invalid(stub, value):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.CreateAccount(create(identifiers=[ident(EMAIL, value)]))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == ("FIELD_INVALID", "identifiers[0].value")
    assert "local@domain" in invalid.value.metadata["rule"]


async def test_an_email_identifier_is_stored_and_found_lower_cased(stub):
    address = f"Anna.{uuid.uuid4().hex[:8]}@Example.COM"
    account = (await stub.CreateAccount(create(identifiers=[ident(EMAIL, address)]))).account

    found = (await stub.LookupAccount(api.LookupAccountRequest(
        program_id="e2e-program", identifier=ident(EMAIL, address.upper())))).account

    assert account.identifiers[0].value == address.lower()
    assert found.account_id == account.account_id


async def test_an_account_is_found_by_any_of_its_identifiers(stub):
    phone, code = ident(PHONE, phone_number(12)), card()
    account = (await stub.CreateAccount(create(identifiers=[code, phone]))).account

    by_phone = await stub.LookupAccount(api.LookupAccountRequest(program_id="e2e-program", identifier=phone))
    by_card = await stub.GetAccount(api.GetAccountRequest(account_identifier=code))

    assert by_phone.account == by_card.account == account


async def test_lookup_of_an_unknown_identifier_or_in_another_program_is_not_found(stub):
    code = card()
    await stub.CreateAccount(create(identifiers=[code]))

    for program in ("other-program", "e2e-program"):
        wanted = code if program == "other-program" else card()
        with pytest.raises(errors.NotFound) as missing:
            await stub.LookupAccount(api.LookupAccountRequest(program_id=program, identifier=wanted))
        assert missing.value.reason == "ACCOUNT_NOT_FOUND"
        assert missing.value.metadata["value"] == wanted.value


@pytest.mark.parametrize("request_fields, reason, field", [
    ({"program_id": "e2e-program"}, "FIELD_REQUIRED", "identifier"),
    ({"identifier": card()}, "FIELD_REQUIRED", "program_id"),
    ({"program_id": "e2e-program", "identifier": resources.Identifier(value="x")}, "FIELD_REQUIRED", "identifier.type"),
    ({"program_id": "e2e-program", "identifier": card("")}, "FIELD_REQUIRED", "identifier.value"),
    ({"program_id": "e2e-program", "identifier": ident(PHONE, "12345")}, "FIELD_INVALID", "identifier.value"),
])
async def test_lookup_with_bad_input_names_the_field(stub, request_fields, reason, field):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.LookupAccount(api.LookupAccountRequest(**request_fields))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


async def test_an_identifier_held_in_two_programs_is_ambiguous_without_a_program(stub):
    code = card()
    first = (await stub.CreateAccount(create(identifiers=[code]))).account
    second = (await stub.CreateAccount(create(program_id="e2e-other", identifiers=[code]))).account

    with pytest.raises(errors.FailedPrecondition) as ambiguous:
        await stub.GetAccount(api.GetAccountRequest(account_identifier=code))
    in_other = await stub.LookupAccount(api.LookupAccountRequest(program_id="e2e-other", identifier=code))

    assert ambiguous.value.reason == "IDENTIFIER_AMBIGUOUS"
    assert ambiguous.value.metadata == {"identifier_type": "CARDCODE", "value": code.value}
    assert in_other.account == second != first


async def test_an_account_named_by_both_id_and_identifier_is_invalid(stub):
    account = (await stub.CreateAccount(create())).account

    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id,
                                                    account_identifier=account.identifiers[0]))
    with pytest.raises(errors.InvalidArgument) as missing:
        await stub.GetAccount(api.GetAccountRequest())

    assert (invalid.value.reason, invalid.value.metadata["field"]) == ("FIELD_INVALID", "account_id")
    assert (missing.value.reason, missing.value.metadata["field"]) == ("FIELD_REQUIRED", "account_id")


# --- status --------------------------------------------------------------------------------------

def status_request(account_id: str, status: int, **fields) -> api.UpdateAccountStatusRequest:
    fields.setdefault("request_id", uuid.uuid4().hex)
    return api.UpdateAccountStatusRequest(account_id=account_id, status=status, **fields)


ACTIVE, LOCKED, DEACTIVATED = (resources.ACCOUNT_STATUS_ACTIVE, resources.ACCOUNT_STATUS_LOCKED,
                               resources.ACCOUNT_STATUS_DEACTIVATED)


async def test_an_account_moves_between_active_and_locked_then_is_deactivated(stub):
    account = (await stub.CreateAccount(create())).account
    seen = []
    for status in (LOCKED, ACTIVE, LOCKED, DEACTIVATED):
        changed = (await stub.UpdateAccountStatus(status_request(account.account_id, status, note="why"))).account
        read = (await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id))).account
        assert changed == read
        seen.append(read.status)

    assert seen == [LOCKED, ACTIVE, LOCKED, DEACTIVATED]


@pytest.mark.parametrize("target", [ACTIVE, LOCKED])
async def test_a_deactivated_account_cannot_change_status(stub, target):
    account = (await stub.CreateAccount(create())).account
    await stub.UpdateAccountStatus(status_request(account.account_id, DEACTIVATED))

    with pytest.raises(errors.FailedPrecondition) as refused:
        await stub.UpdateAccountStatus(status_request(account.account_id, target))

    assert refused.value.reason == "ACCOUNT_STATUS_TRANSITION_INVALID"
    assert refused.value.metadata == {"account_id": account.account_id, "from": "DEACTIVATED",
                                      "to": resources.AccountStatus.Name(target).removeprefix("ACCOUNT_STATUS_")}


async def test_setting_the_current_status_changes_nothing(stub):
    account = (await stub.CreateAccount(create())).account

    same = (await stub.UpdateAccountStatus(status_request(account.account_id, ACTIVE))).account

    assert same == account


async def test_a_retried_status_change_returns_the_first_response(stub):
    account = (await stub.CreateAccount(create())).account
    request = status_request(account.account_id, LOCKED)
    first = await stub.UpdateAccountStatus(request)
    await stub.UpdateAccountStatus(status_request(account.account_id, ACTIVE))

    again = await stub.UpdateAccountStatus(request)
    with pytest.raises(errors.AlreadyExists) as reused:
        await stub.UpdateAccountStatus(status_request(account.account_id, DEACTIVATED, request_id=request.request_id))

    assert again == first
    assert reused.value.reason == "IDEMPOTENCY_KEY_REUSED"


@pytest.mark.parametrize("fields, reason, field", [
    ({"status": resources.ACCOUNT_STATUS_UNSPECIFIED}, "FIELD_REQUIRED", "status"),
    ({"status": 9}, "FIELD_INVALID", "status"),
    ({"note": "n" * (limits.STATUS_NOTE_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "note"),
    ({"account_id": "nope"}, "FIELD_INVALID", "account_id"),
    ({"account_id": ""}, "FIELD_REQUIRED", "account_id"),
    ({"request_id": ""}, "FIELD_REQUIRED", "request_id"),
])
async def test_a_bad_status_change_names_the_field_and_changes_nothing(stub, fields, reason, field):
    account = (await stub.CreateAccount(create())).account
    request = {"account_id": account.account_id, "status": LOCKED, **fields}

    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.UpdateAccountStatus(status_request(**request))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)
    assert (await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id))).account == account


async def test_a_note_at_its_length_limit_is_accepted(stub):
    account = (await stub.CreateAccount(create())).account

    changed = await stub.UpdateAccountStatus(status_request(account.account_id, LOCKED,
                                                            note="n" * limits.STATUS_NOTE_LENGTH_MAX))

    assert changed.account.status == LOCKED


async def test_status_changes_by_identifier(stub):
    account = (await stub.CreateAccount(create())).account

    changed = await stub.UpdateAccountStatus(api.UpdateAccountStatusRequest(
        request_id=uuid.uuid4().hex, account_identifier=account.identifiers[0], status=LOCKED))

    assert (changed.account.account_id, changed.account.status) == (account.account_id, LOCKED)


# --- deletion ------------------------------------------------------------------------------------

def delete_request(account_id: str, **fields) -> api.DeleteAccountRequest:
    fields.setdefault("request_id", uuid.uuid4().hex)
    return api.DeleteAccountRequest(account_id=account_id, **fields)


async def test_a_deleted_account_is_never_returned_and_frees_its_identifiers(stub):
    code = card()
    account = (await stub.CreateAccount(create(identifiers=[code]))).account
    request = delete_request(account.account_id, note="customer asked")

    await stub.DeleteAccount(request)
    again = await stub.DeleteAccount(request)

    assert again == api.DeleteAccountResponse()
    for call, message in ((stub.GetAccount, api.GetAccountRequest(account_id=account.account_id)),
                          (stub.GetAccount, api.GetAccountRequest(account_identifier=code)),
                          (stub.LookupAccount, api.LookupAccountRequest(program_id="e2e-program", identifier=code)),
                          (stub.UpdateAccountStatus, status_request(account.account_id, LOCKED)),
                          (stub.DeleteAccount, delete_request(account.account_id))):
        with pytest.raises(errors.NotFound) as gone:
            await call(message)
        assert gone.value.reason == "ACCOUNT_NOT_FOUND"
    reused = (await stub.CreateAccount(create(identifiers=[code]))).account
    assert reused.account_id != account.account_id


async def test_a_deactivated_account_can_be_deleted(stub):
    account = (await stub.CreateAccount(create())).account
    await stub.UpdateAccountStatus(status_request(account.account_id, DEACTIVATED))

    await stub.DeleteAccount(delete_request(account.account_id))

    with pytest.raises(errors.NotFound):
        await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id))


# --- AddIdentifier / RemoveIdentifier ----------------------------------------------------------

def add_request(account_id: str, identifier: resources.Identifier, **fields) -> api.AddIdentifierRequest:
    fields.setdefault("request_id", uuid.uuid4().hex)
    return api.AddIdentifierRequest(account_id=account_id, identifier=identifier, **fields)


def remove_request(account_id: str, identifier: resources.Identifier, **fields) -> api.RemoveIdentifierRequest:
    fields.setdefault("request_id", uuid.uuid4().hex)
    return api.RemoveIdentifierRequest(account_id=account_id, identifier=identifier, **fields)


async def test_identifiers_are_added_in_order_and_removed(stub):
    account = (await stub.CreateAccount(create(identifiers=[card("B-" + uuid.uuid4().hex)]))).account
    phone, other_card = ident(PHONE, phone_number(11)), card("A-" + uuid.uuid4().hex)

    await stub.AddIdentifier(add_request(account.account_id, phone))
    added = (await stub.AddIdentifier(add_request(account.account_id, other_card))).account
    removed = (await stub.RemoveIdentifier(remove_request(account.account_id, phone))).account

    assert [(i.type, i.value) for i in added.identifiers] == sorted(
        [(i.type, i.value) for i in (*account.identifiers, phone, other_card)])
    assert list(removed.identifiers) == [i for i in added.identifiers if i != phone]
    assert removed.update_time.ToDatetime() >= added.update_time.ToDatetime() >= account.update_time.ToDatetime()
    assert (await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id))).account == removed


async def test_adding_an_identifier_the_account_holds_changes_nothing(stub):
    account = (await stub.CreateAccount(create())).account

    same = (await stub.AddIdentifier(add_request(account.account_id, account.identifiers[0]))).account

    assert same == account


async def test_an_identifier_of_another_account_cannot_be_added(stub):
    holder = (await stub.CreateAccount(create())).account
    account = (await stub.CreateAccount(create())).account

    with pytest.raises(errors.AlreadyExists) as taken:
        await stub.AddIdentifier(add_request(account.account_id, holder.identifiers[0]))

    assert taken.value.reason == "IDENTIFIER_ALREADY_EXISTS"
    assert taken.value.metadata["value"] == holder.identifiers[0].value
    assert (await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id))).account == account


async def test_an_account_holds_at_most_the_identifier_limit(stub):
    account = (await stub.CreateAccount(create(identifiers=[card() for _ in range(limits.ACCOUNT_IDENTIFIERS_MAX - 1)]))).account

    full = (await stub.AddIdentifier(add_request(account.account_id, card()))).account
    with pytest.raises(errors.FailedPrecondition) as over:
        await stub.AddIdentifier(add_request(account.account_id, card()))

    assert len(full.identifiers) == limits.ACCOUNT_IDENTIFIERS_MAX
    assert over.value.reason == "ACCOUNT_IDENTIFIER_LIMIT_REACHED"
    assert over.value.metadata["identifier_count_max"] == str(limits.ACCOUNT_IDENTIFIERS_MAX)


async def test_concurrent_adds_never_pass_the_identifier_limit(stub):
    account = (await stub.CreateAccount(create(identifiers=[card() for _ in range(limits.ACCOUNT_IDENTIFIERS_MAX - 2)]))).account

    outcomes = await asyncio.gather(*(stub.AddIdentifier(add_request(account.account_id, card())) for _ in range(6)),
                                    return_exceptions=True)

    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(outcomes) - len(refused) == 2
    assert {o.reason for o in refused} == {"ACCOUNT_IDENTIFIER_LIMIT_REACHED"}
    final = (await stub.GetAccount(api.GetAccountRequest(account_id=account.account_id))).account
    assert len(final.identifiers) == limits.ACCOUNT_IDENTIFIERS_MAX


async def test_a_deactivated_account_gets_no_identifiers_but_a_locked_one_does(stub):
    locked = (await stub.CreateAccount(create())).account
    deactivated = (await stub.CreateAccount(create())).account
    await stub.UpdateAccountStatus(status_request(locked.account_id, LOCKED))
    await stub.UpdateAccountStatus(status_request(deactivated.account_id, DEACTIVATED))

    added = await stub.AddIdentifier(add_request(locked.account_id, card()))
    with pytest.raises(errors.FailedPrecondition) as refused:
        await stub.AddIdentifier(add_request(deactivated.account_id, card()))

    assert len(added.account.identifiers) == 2
    assert (refused.value.reason, refused.value.metadata["status"]) == ("ACCOUNT_NOT_ACTIVE", "DEACTIVATED")


async def test_removing_an_identifier_the_account_does_not_hold_is_not_found(stub):
    account = (await stub.CreateAccount(create())).account

    with pytest.raises(errors.NotFound) as missing:
        await stub.RemoveIdentifier(remove_request(account.account_id, card()))

    assert missing.value.reason == "IDENTIFIER_NOT_FOUND"


async def test_the_last_identifier_can_be_removed_and_is_then_free(stub):
    account = (await stub.CreateAccount(create())).account
    code = account.identifiers[0]

    bare = (await stub.RemoveIdentifier(remove_request(account.account_id, code))).account
    taken = (await stub.CreateAccount(create(identifiers=[code]))).account

    assert list(bare.identifiers) == []
    assert (await stub.GetAccount(api.GetAccountRequest(account_identifier=code))).account == taken


async def test_a_retried_add_returns_the_first_response(stub):
    account = (await stub.CreateAccount(create())).account
    request = add_request(account.account_id, card())

    first = await stub.AddIdentifier(request)
    retries = await asyncio.gather(*(stub.AddIdentifier(request) for _ in range(5)))

    assert all(r == first for r in retries)
    assert len(first.account.identifiers) == 2


@pytest.mark.parametrize("identifier, reason, field", [
    (None, "FIELD_REQUIRED", "identifier"),
    (resources.Identifier(value="x"), "FIELD_REQUIRED", "identifier.type"),
    (resources.Identifier(type=77, value="x"), "FIELD_INVALID", "identifier.type"),
    (card(""), "FIELD_REQUIRED", "identifier.value"),
    (card("v" * (limits.IDENTIFIER_VALUE_LENGTH_MAX + 1)), "FIELD_TOO_LONG", "identifier.value"),
    (ident(EMAIL, "not-an-email"), "FIELD_INVALID", "identifier.value"),
])
@pytest.mark.parametrize("call", ["AddIdentifier", "RemoveIdentifier"])
async def test_a_bad_identifier_change_names_the_field(stub, call, identifier, reason, field):
    account = (await stub.CreateAccount(create())).account
    build = add_request if call == "AddIdentifier" else remove_request

    with pytest.raises(errors.InvalidArgument) as invalid:
        await getattr(stub, call)(build(account.account_id, identifier))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)
