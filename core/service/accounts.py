"""Account handlers, and the resolver every account-taking RPC of every context calls.

Reads are one indexed query each. Changes of an existing account are decided against the
account's version and appended to `account_changes` (whose trigger applies them only if that
version is still current), together with the request's idempotency record, through the ledger
writer; a change that lost a race is decided again (see `execute_change`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from core.adapters.postgres import accounts as store
from core.adapters.postgres.accounts import AccountFilter, AccountStore, VersionedAccount, like_prefix, tsquery_prefix
from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.programs import ProgramStore
from core.domain import limits
from core.domain.accounts import (Account, AccountStatus, Identifier, IdentifierType, check_transition,
                                  parse_search_query, validate_identifier, validate_identifiers,
                                  validate_program_id)
from core.domain.accounts import require_active as _require_active
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import EarnEvent
from core.service import paging
from core.service.account_states import AccountState, publish_state
from core.service.context import Caller, Deps
from core.service.events import EventHook, joined
from core.service.idempotent import Prepared, R, execute_once

__all__ = [
    "REQUEST_FIELDS", "AccountRef", "RefFields", "Versioned", "ref_fields", "resolve_account", "require_active",
    "validate_ref", "parse_uuid", "load_account", "require_program", "validate_request_id", "validate_note",
    "execute_change", "CHANGED_CONCURRENTLY", "change_row", "Done", "Page", "like_prefix", "tsquery_prefix",
]

Versioned = VersionedAccount
"""An account as read, with the version a change of it is decided against."""


def _accounts(deps: Deps, accounts: AccountStore | None) -> AccountStore:
    return accounts or AccountStore(deps.pool)


# --- the resolver ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AccountRef:
    """What a caller names: an id, or an identifier (optionally narrowed to one program)."""

    account_id: str = ""
    identifier: Identifier | None = None
    program_id: str = ""
    """With `identifier`: the program whose account holds it; empty: any program of the org."""


@dataclass(frozen=True, slots=True)
class RefFields:
    """The request field names reported for a bad reference."""

    whole: str
    account_id: str
    identifier: str


def ref_fields(field: str) -> RefFields:
    """Names for an AccountRef message in field `field`: field, field.account_id, field.identifier."""
    return RefFields(field, f"{field}.account_id", f"{field}.identifier")


REQUEST_FIELDS = RefFields("account_id", "account_id", "account_identifier")
"""Names for the `account_id` + `account_identifier` pair of a request."""


async def resolve_account(deps: Deps, org_id: str, ref: AccountRef, field: str = "account", *,
                          fields: RefFields | None = None, accounts: AccountStore | None = None) -> Account:
    """The account named by id or by (identifier type, value); ACCOUNT_NOT_FOUND if none or
    deleted; FIELD_REQUIRED / FIELD_INVALID (metadata field=<field>...) for a bad ref;
    IDENTIFIER_AMBIGUOUS if accounts of several programs hold the identifier and the ref names
    no program. Does NOT check status; callers decide (require_active). One indexed query."""
    return (await load_account(deps, org_id, validate_ref(ref, fields or ref_fields(field)),
                               accounts=accounts)).account


def require_active(account: Account) -> None:
    """ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION) unless the account is ACTIVE."""
    _require_active(account)


def validate_ref(ref: AccountRef, fields: RefFields) -> AccountRef:
    """The ref in canonical form (lower-case UUID, stored identifier form) or the rule it breaks."""
    if ref.account_id and ref.identifier is not None:
        raise field_invalid(fields.whole, f"exactly one of {fields.account_id} and {fields.identifier}")
    if ref.identifier is not None:
        if ref.program_id:
            validate_program_id(ref.program_id, "program_id")
        return AccountRef("", validate_identifier(ref.identifier, fields.identifier), ref.program_id)
    if not ref.account_id:
        raise field_required(fields.whole)
    return AccountRef(parse_uuid(ref.account_id, fields.account_id))


def parse_uuid(value: str, field: str) -> str:
    if not value:
        raise field_required(field)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise field_invalid(field, "a UUID") from None


async def load_account(deps: Deps, org_id: str, ref: AccountRef, *,
                       accounts: AccountStore | None = None) -> Versioned:
    """The account (and its version) a validated ref names: by id when the ref has no
    identifier; else by identifier, in the ref's program or (none named) in any program of the
    organisation. ACCOUNT_NOT_FOUND if none; IDENTIFIER_AMBIGUOUS if several. One indexed query."""
    accounts = _accounts(deps, accounts)
    if ref.identifier is None:
        found = await accounts.by_id(org_id, ref.account_id)
        matches: tuple[Versioned, ...] = () if found is None else (found,)
    else:
        matches = await accounts.by_identifier(org_id, ref.identifier, ref.program_id)
    if not matches:
        raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata=_ref_metadata(ref))
    if len(matches) > 1:
        raise DomainError(ErrorReason.IDENTIFIER_AMBIGUOUS, metadata=_ref_metadata(ref))
    return matches[0]


def _ref_metadata(ref: AccountRef) -> dict[str, str]:
    if ref.identifier is None:
        return {"account_id": ref.account_id}
    metadata = {"identifier_type": ref.identifier.type.name, "value": ref.identifier.value}
    return metadata | ({"program_id": ref.program_id} if ref.program_id else {})


# --- commands ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CreateAccount:
    request_id: str
    program_id: str
    identifiers: tuple[Identifier, ...]


@dataclass(frozen=True, slots=True)
class GetAccount:
    ref: AccountRef


@dataclass(frozen=True, slots=True)
class LookupAccount:
    program_id: str
    identifier: Identifier | None


@dataclass(frozen=True, slots=True)
class UpdateAccountStatus:
    request_id: str
    ref: AccountRef
    status: AccountStatus | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class DeleteAccount:
    request_id: str
    ref: AccountRef
    note: str = ""


@dataclass(frozen=True, slots=True)
class AddIdentifier:
    request_id: str
    ref: AccountRef
    identifier: Identifier | None


@dataclass(frozen=True, slots=True)
class RemoveIdentifier:
    request_id: str
    ref: AccountRef
    identifier: Identifier | None


@dataclass(frozen=True, slots=True)
class Done:
    """The result of a change that answers nothing but success (DeleteAccount, RemoveMembership)."""

    id: str

    def to_json(self) -> dict:
        return {"id": self.id}

    @classmethod
    def from_json(cls, data: dict) -> Done:
        return cls(data["id"])


def validate_request_id(request_id: str) -> None:
    if not request_id:
        raise field_required("request_id")
    if len(request_id) > limits.REQUEST_ID_LENGTH_MAX:
        raise field_too_long("request_id", limits.REQUEST_ID_LENGTH_MAX)
    if not request_id.isprintable():
        raise field_invalid("request_id", "printable characters only")


def validate_note(note: str) -> None:
    if len(note) > limits.STATUS_NOTE_LENGTH_MAX:
        raise field_too_long("note", limits.STATUS_NOTE_LENGTH_MAX)
    if not note.isprintable():
        raise field_invalid("note", "printable characters only")


async def execute_change(deps: Deps, caller: Caller, method: str, command: object,
                         prepare: Callable[[], Awaitable[Prepared[R]]], decode: Callable[[dict], R]) -> R:
    """execute_once, re-deciding a change whose account or user changed in between (its version
    check refused it) up to CONCURRENT_CHANGE_ATTEMPTS_MAX times."""
    for attempt in range(1, limits.CONCURRENT_CHANGE_ATTEMPTS_MAX + 1):
        try:
            return await execute_once(deps, caller, method, command, prepare, decode)
        except DomainError as error:
            if error.reason is not ErrorReason.ACCOUNT_CHANGED_CONCURRENTLY or \
                    attempt == limits.CONCURRENT_CHANGE_ATTEMPTS_MAX:
                raise
    raise AssertionError("unreachable")


CHANGED_CONCURRENTLY = DomainError(ErrorReason.ACCOUNT_CHANGED_CONCURRENTLY)


def change_row(caller: Caller, request_id: str, current: Versioned, kind: str, now: dt.datetime, *,
               status: AccountStatus | None = None, identifier: Identifier | None = None,
               user_id: str | None = None, note: str = "") -> Row:
    return store.account_change_row(
        account_id=current.account.account_id, org_id=caller.org_id, version=current.version, kind=kind,
        change_time=now, client_id=caller.client_id, request_id=request_id, status=status, identifier=identifier,
        user_id=user_id, note=note)


# --- handlers ----------------------------------------------------------------------------------

async def create_account(command: CreateAccount, caller: Caller, deps: Deps,
                         events: EventHook | None = None) -> Account:
    """`events`: pays the program's ACCOUNT_CREATED rules in the same commit (core/service/events.py)."""
    validate_request_id(command.request_id)
    validate_program_id(command.program_id)
    identifiers = validate_identifiers(command.identifiers)

    async def prepare() -> Prepared[Account]:
        await require_program(deps, caller.org_id, command.program_id)
        await _check_identifiers_free(deps, caller.org_id, command.program_id, identifiers)
        now = deps.clock.now()
        account = Account(str(uuid.uuid4()), command.program_id, AccountStatus.ACTIVE, identifiers, now, now)
        rows = (store.account_row(account_id=account.account_id, org_id=caller.org_id, program_id=account.program_id,
                                  status=account.status, create_time=now, update_time=now),)
        rows += tuple(store.identifier_row(org_id=caller.org_id, program_id=account.program_id, identifier=i,
                                           account_id=account.account_id) for i in account.identifiers)
        taken = DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS, metadata={"program_id": command.program_id})
        prepared = Prepared(account, rows, {store.IDENTIFIERS_UNIQUE: taken})
        if events is None:
            return prepared
        return joined(prepared, await events(caller, account.account_id, account.program_id,
                                             EarnEvent.ACCOUNT_CREATED, command.request_id, CHANGED_CONCURRENTLY))

    return await execute_once(deps, caller, "CreateAccount", command, prepare, Account.from_json)


async def require_program(deps: Deps, org_id: str, program_id: str, *, programs: ProgramStore | None = None) -> None:
    """PROGRAM_NOT_FOUND unless the organisation has this program (accounts and offers are
    opened only in programs that exist; programs are never deleted, so the check holds)."""
    if not await (programs or ProgramStore(deps.pool)).exists(org_id, program_id):
        raise DomainError(ErrorReason.PROGRAM_NOT_FOUND, metadata={"program_id": program_id})


async def _check_identifiers_free(deps: Deps, org_id: str, program_id: str,
                                  identifiers: tuple[Identifier, ...]) -> None:
    """IDENTIFIER_ALREADY_EXISTS naming the first taken identifier (the unique constraint is the
    guard against a concurrent request; this names the culprit)."""
    taken = await AccountStore(deps.pool).first_taken(org_id, program_id, identifiers)
    if taken is not None:
        raise DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS, metadata={
            "program_id": program_id, "identifier_type": taken.type.name, "value": taken.value})


async def get_account(query: GetAccount, caller: Caller, deps: Deps) -> Account:
    return await resolve_account(deps, caller.org_id, query.ref, fields=REQUEST_FIELDS)


async def lookup_account(query: LookupAccount, caller: Caller, deps: Deps) -> Account:
    validate_program_id(query.program_id)
    if query.identifier is None:
        raise field_required("identifier")
    ref = AccountRef(identifier=query.identifier, program_id=query.program_id)
    return await resolve_account(deps, caller.org_id, ref, fields=RefFields("identifier", "", "identifier"))


async def update_account_status(command: UpdateAccountStatus, caller: Caller, deps: Deps) -> Account:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    if command.status is None:
        raise field_required("status")
    validate_note(command.note)

    async def prepare() -> Prepared[Account]:
        current = await load_account(deps, caller.org_id, ref)
        check_transition(current.account, command.status)
        if current.account.status is command.status:
            return Prepared(current.account, ())
        now = deps.clock.now()
        row = change_row(caller, command.request_id, current, "status", now, status=command.status,
                         note=command.note)
        account = Account(current.account.account_id, current.account.program_id, command.status,
                          current.account.identifiers, current.account.create_time, now)
        # Published once committed, before the reply: the coupon path sees it at once.
        state = AccountState(account.account_id, caller.org_id, account.program_id, command.status,
                             current.version + 1)
        return Prepared(account, (row,), {store.CHANGES_VERSION: CHANGED_CONCURRENTLY},
                        on_commit=lambda: publish_state(deps, state))

    return await execute_change(deps, caller, "UpdateAccountStatus", command, prepare, Account.from_json)


async def delete_account(command: DeleteAccount, caller: Caller, deps: Deps) -> Done:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    validate_note(command.note)

    async def prepare() -> Prepared[Done]:
        current = await load_account(deps, caller.org_id, ref)
        row = change_row(caller, command.request_id, current, "deleted", deps.clock.now(), note=command.note)
        state = AccountState(current.account.account_id, caller.org_id, current.account.program_id, None,
                             current.version + 1)
        return Prepared(Done(current.account.account_id), (row,), {store.CHANGES_VERSION: CHANGED_CONCURRENTLY},
                        on_commit=lambda: publish_state(deps, state))

    return await execute_change(deps, caller, "DeleteAccount", command, prepare, Done.from_json)


async def add_identifier(command: AddIdentifier, caller: Caller, deps: Deps) -> Account:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    if command.identifier is None:
        raise field_required("identifier")
    identifier = validate_identifier(command.identifier, "identifier")

    async def prepare() -> Prepared[Account]:
        current = await load_account(deps, caller.org_id, ref)
        account = current.account
        if account.status is AccountStatus.DEACTIVATED:
            _require_active(account)
        if identifier in account.identifiers:
            return Prepared(account, ())
        if len(account.identifiers) >= limits.ACCOUNT_IDENTIFIERS_MAX:
            raise DomainError(ErrorReason.ACCOUNT_IDENTIFIER_LIMIT_REACHED, metadata={
                "account_id": account.account_id, "identifier_count_max": limits.ACCOUNT_IDENTIFIERS_MAX})
        now = deps.clock.now()
        row = change_row(caller, command.request_id, current, "identifier_added", now, identifier=identifier)
        identifiers = tuple(sorted(account.identifiers + (identifier,), key=lambda i: (i.type, i.value)))
        taken = DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS, metadata={
            "program_id": account.program_id, "identifier_type": identifier.type.name, "value": identifier.value})
        return Prepared(Account(account.account_id, account.program_id, account.status, identifiers,
                                account.create_time, now),
                        (row,), {store.CHANGES_VERSION: CHANGED_CONCURRENTLY,
                                 store.IDENTIFIERS_UNIQUE: taken})

    return await execute_change(deps, caller, "AddIdentifier", command, prepare, Account.from_json)


async def remove_identifier(command: RemoveIdentifier, caller: Caller, deps: Deps) -> Account:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    if command.identifier is None:
        raise field_required("identifier")
    identifier = validate_identifier(command.identifier, "identifier")

    async def prepare() -> Prepared[Account]:
        current = await load_account(deps, caller.org_id, ref)
        account = current.account
        if identifier not in account.identifiers:
            raise DomainError(ErrorReason.IDENTIFIER_NOT_FOUND, metadata={
                "account_id": account.account_id, "identifier_type": identifier.type.name,
                "value": identifier.value})
        now = deps.clock.now()
        row = change_row(caller, command.request_id, current, "identifier_removed", now, identifier=identifier)
        identifiers = tuple(i for i in account.identifiers if i != identifier)
        return Prepared(Account(account.account_id, account.program_id, account.status, identifiers,
                                account.create_time, now),
                        (row,), {store.CHANGES_VERSION: CHANGED_CONCURRENTLY})

    return await execute_change(deps, caller, "RemoveIdentifier", command, prepare, Account.from_json)


# --- search ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SearchAccounts:
    program_id: str
    query: str = ""
    statuses: tuple[AccountStatus, ...] = ()
    identifier_type: IdentifierType | None = None
    identifier_value_prefix: str = ""
    user_id: str = ""
    create_start_time: dt.datetime | None = None
    create_end_time: dt.datetime | None = None
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple
    next_page_token: str


async def search_accounts(query: SearchAccounts, caller: Caller, deps: Deps) -> Page:
    validate_program_id(query.program_id)
    terms = parse_search_query(query.query)
    if query.identifier_value_prefix and len(query.identifier_value_prefix) < 3:
        raise field_invalid("identifier_value_prefix", "at least 3 characters")
    if len(query.identifier_value_prefix) > limits.IDENTIFIER_VALUE_LENGTH_MAX:
        raise field_too_long("identifier_value_prefix", limits.IDENTIFIER_VALUE_LENGTH_MAX)
    user_id = parse_uuid(query.user_id, "user_id") if query.user_id else ""
    size = paging.page_size(query.page_size)
    digest = paging.query_scope(query)
    after = paging.decode(query.page_token, digest)

    where = AccountFilter(caller.org_id, query.program_id, query.statuses, query.identifier_type,
                          query.identifier_value_prefix, user_id, terms, query.create_start_time,
                          query.create_end_time)
    rows = await AccountStore(deps.pool).search(where, after, size + 1)
    accounts = tuple(row.account for row in rows[:size])
    token = ""
    if len(rows) > size:
        token = paging.encode((accounts[-1].create_time, accounts[-1].account_id), digest)
    return Page(accounts, token)
