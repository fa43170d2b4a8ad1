"""The shared resolver other contexts call on every account-taking RPC: by id, by identifier,
field names in errors, deleted accounts, status left to the caller."""

from __future__ import annotations

import uuid

import pytest

from core.domain.accounts import AccountStatus, Identifier, IdentifierType
from core.domain.errors import DomainError, ErrorReason
from core.service.accounts import (AccountRef, CreateAccount, DeleteAccount, UpdateAccountStatus, create_account,
                                   delete_account, require_active, resolve_account, update_account_status)
from tests.integration.conftest import ensure_program


pytestmark = pytest.mark.usefixtures("known_programs")

def card() -> Identifier:
    return Identifier(IdentifierType.CARDCODE, uuid.uuid4().hex)


async def new_account(deps, caller, *identifiers: Identifier, program: str = "resolver"):
    return await create_account(CreateAccount(uuid.uuid4().hex, program, identifiers or (card(),)), caller, deps)


async def test_an_account_resolves_by_id_and_by_each_identifier(deps, caller):
    phone = Identifier(IdentifierType.PHONE, "+4" + str(uuid.uuid4().int)[:11])
    account = await new_account(deps, caller, card(), phone)

    by_id = await resolve_account(deps, caller.org_id, AccountRef(account_id=account.account_id.upper()))
    by_phone = await resolve_account(deps, caller.org_id, AccountRef(identifier=phone))
    in_program = await resolve_account(deps, caller.org_id, AccountRef(identifier=phone, program_id="resolver"))

    assert by_id == by_phone == in_program == account


async def test_an_email_resolves_whatever_its_case(deps, caller):
    email = Identifier(IdentifierType.EMAIL, f"Max.{uuid.uuid4().hex[:6]}@Example.org")
    account = await new_account(deps, caller, email)

    assert await resolve_account(deps, caller.org_id, AccountRef(identifier=Identifier(
        IdentifierType.EMAIL, email.value.upper()))) == account


@pytest.mark.parametrize("ref, reason, field", [
    (AccountRef(), ErrorReason.FIELD_REQUIRED, "payer"),
    (AccountRef(account_id=str(uuid.uuid4()), identifier=Identifier(IdentifierType.ID, "x")),
     ErrorReason.FIELD_INVALID, "payer"),
    (AccountRef(account_id="not-a-uuid"), ErrorReason.FIELD_INVALID, "payer.account_id"),
    (AccountRef(identifier=Identifier(None, "x")), ErrorReason.FIELD_REQUIRED, "payer.identifier.type"),
    (AccountRef(identifier=Identifier(IdentifierType.ID, "")), ErrorReason.FIELD_REQUIRED, "payer.identifier.value"),
    (AccountRef(identifier=Identifier(IdentifierType.PHONE, "0151")), ErrorReason.FIELD_INVALID,
     "payer.identifier.value"),
    (AccountRef(identifier=Identifier(IdentifierType.ID, "x"), program_id="bad program"), ErrorReason.FIELD_INVALID,
     "program_id"),
])
async def test_a_bad_reference_names_the_field(deps, caller, ref, reason, field):
    with pytest.raises(DomainError) as bad:
        await resolve_account(deps, caller.org_id, ref, "payer")

    assert (bad.value.reason, bad.value.metadata["field"]) == (reason, field)


async def test_unknown_deleted_and_foreign_accounts_are_not_found(deps, caller):
    deleted = await new_account(deps, caller)
    await delete_account(DeleteAccount(uuid.uuid4().hex, AccountRef(account_id=deleted.account_id)), caller, deps)
    await ensure_program(deps, "org-other", "resolver")
    foreign = await new_account(deps, type(caller)(caller.client_id, "org-other"))

    for ref in (AccountRef(account_id=str(uuid.uuid4())), AccountRef(identifier=card()),
                AccountRef(account_id=deleted.account_id), AccountRef(identifier=deleted.identifiers[0]),
                AccountRef(account_id=foreign.account_id), AccountRef(identifier=foreign.identifiers[0])):
        with pytest.raises(DomainError) as missing:
            await resolve_account(deps, caller.org_id, ref)
        assert missing.value.reason is ErrorReason.ACCOUNT_NOT_FOUND


async def test_an_identifier_of_two_programs_needs_the_program(deps, caller):
    shared = card()
    first = await new_account(deps, caller, shared, program="resolver-a")
    second = await new_account(deps, caller, shared, program="resolver-b")

    with pytest.raises(DomainError) as ambiguous:
        await resolve_account(deps, caller.org_id, AccountRef(identifier=shared))

    assert ambiguous.value.reason is ErrorReason.IDENTIFIER_AMBIGUOUS
    assert await resolve_account(deps, caller.org_id, AccountRef(identifier=shared, program_id="resolver-a")) == first
    assert await resolve_account(deps, caller.org_id, AccountRef(identifier=shared, program_id="resolver-b")) == second


@pytest.mark.parametrize("status", [AccountStatus.LOCKED, AccountStatus.DEACTIVATED])
async def test_resolving_ignores_status_and_require_active_refuses_the_inactive(deps, caller, status):
    account = await new_account(deps, caller)
    require_active(account)
    await update_account_status(UpdateAccountStatus(uuid.uuid4().hex, AccountRef(account_id=account.account_id),
                                                    status), caller, deps)

    resolved = await resolve_account(deps, caller.org_id, AccountRef(identifier=account.identifiers[0]))
    with pytest.raises(DomainError) as inactive:
        require_active(resolved)

    assert resolved.status is status
    assert inactive.value.reason is ErrorReason.ACCOUNT_NOT_ACTIVE
    assert inactive.value.metadata == {"account_id": account.account_id, "status": status.name}
