"""Account handlers, and the resolver every account-taking RPC of every context calls.

Reads are one indexed query each. Changes of an existing account are decided against the
account's version and appended to `account_changes` (whose trigger applies them only if that
version is still current), together with the request's idempotency record, through the ledger
writer; a change that lost a race is decided again (see `execute_change`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from core.adapters.postgres.ledger_writer import Row
from core.domain import limits
from core.domain.accounts import (Account, AccountStatus, Identifier, IdentifierType, check_transition,
                                  parse_search_query, validate_identifier, validate_identifiers,
                                  validate_program_id)
from core.domain.accounts import require_active as _require_active
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import EarnEvent
from core.service.account_states import AccountState, publish_state
from core.service.context import Caller, Deps
from core.service.events import EventHook, joined
from core.service.idempotent import Prepared, R, execute_once

_ACCOUNT_COLUMNS = ("account_id", "org_id", "program_id", "status", "create_time", "update_time")
_IDENTIFIER_COLUMNS = ("org_id", "program_id", "identifier_type", "value", "account_id")
CHANGE_COLUMNS = ("account_id", "org_id", "version", "kind", "status", "identifier_type", "value", "user_id",
                  "note", "change_time", "client_id", "request_id")
_SELECT = (
    "SELECT a.account_id::text, a.program_id, a.status, a.create_time, a.update_time, a.version,"
    " coalesce((SELECT jsonb_agg(jsonb_build_array(i.identifier_type, i.value)"
    " ORDER BY i.identifier_type, i.value COLLATE \"C\") FROM account_identifiers i"
    " WHERE i.account_id = a.account_id), '[]') FROM accounts a")


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


@dataclass(frozen=True, slots=True)
class Versioned:
    account: Account
    version: int


async def resolve_account(deps: Deps, org_id: str, ref: AccountRef, field: str = "account", *,
                          fields: RefFields | None = None) -> Account:
    """The account named by id or by (identifier type, value); ACCOUNT_NOT_FOUND if none or
    deleted; FIELD_REQUIRED / FIELD_INVALID (metadata field=<field>...) for a bad ref;
    IDENTIFIER_AMBIGUOUS if accounts of several programs hold the identifier and the ref names
    no program. Does NOT check status; callers decide (require_active). One indexed query."""
    return (await load_account(deps, org_id, validate_ref(ref, fields or ref_fields(field)))).account


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


async def load_account(deps: Deps, org_id: str, ref: AccountRef) -> Versioned:
    """The account (and its version) a validated ref names; one indexed query."""
    if ref.identifier is None:
        query, params = (_SELECT + " WHERE a.account_id = %s AND a.org_id = %s AND a.delete_time IS NULL",
                         (ref.account_id, org_id))
    else:
        query = (_SELECT + " JOIN account_identifiers r ON r.account_id = a.account_id"
                 " WHERE r.org_id = %s AND r.identifier_type = %s AND r.value = %s AND a.delete_time IS NULL")
        params = (org_id, int(ref.identifier.type), ref.identifier.value)
        if ref.program_id:
            query, params = query + " AND r.program_id = %s", params + (ref.program_id,)
        query += " LIMIT 2"
    async with deps.pool.connection() as connection:
        rows = await (await connection.execute(query, params)).fetchall()
    if not rows:
        raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata=_ref_metadata(ref))
    if len(rows) > 1:
        raise DomainError(ErrorReason.IDENTIFIER_AMBIGUOUS, metadata=_ref_metadata(ref))
    return _versioned(rows[0])


def _ref_metadata(ref: AccountRef) -> dict[str, str]:
    if ref.identifier is None:
        return {"account_id": ref.account_id}
    metadata = {"identifier_type": ref.identifier.type.name, "value": ref.identifier.value}
    return metadata | ({"program_id": ref.program_id} if ref.program_id else {})


def _versioned(row: tuple) -> Versioned:
    account_id, program_id, status, create_time, update_time, version, identifiers = row
    return Versioned(Account(account_id, program_id, AccountStatus(status),
                             tuple(Identifier(IdentifierType(t), v) for t, v in identifiers),
                             create_time, update_time), version)


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
    return Row("account_changes", CHANGE_COLUMNS, (
        current.account.account_id, caller.org_id, current.version, kind,
        None if status is None else int(status), None if identifier is None else int(identifier.type),
        None if identifier is None else identifier.value, user_id, note, now, caller.client_id, request_id))


# --- handlers ----------------------------------------------------------------------------------

async def create_account(command: CreateAccount, caller: Caller, deps: Deps, events: EventHook | None = None) -> Account:
    """`events`: pays the program's ACCOUNT_CREATED rules in the same commit (core/service/events.py)."""
    validate_request_id(command.request_id)
    validate_program_id(command.program_id)
    identifiers = validate_identifiers(command.identifiers)

    async def prepare() -> Prepared[Account]:
        await require_program(deps, caller.org_id, command.program_id)
        await _check_identifiers_free(deps, caller.org_id, command.program_id, identifiers)
        now = deps.clock.now()
        account = Account(str(uuid.uuid4()), command.program_id, AccountStatus.ACTIVE, identifiers, now, now)
        rows = (Row("accounts", _ACCOUNT_COLUMNS, (account.account_id, caller.org_id,
                                                    account.program_id, int(account.status), now, now)),)
        rows += tuple(Row("account_identifiers", _IDENTIFIER_COLUMNS,
                          (caller.org_id, account.program_id, int(i.type), i.value, account.account_id))
                      for i in account.identifiers)
        taken = DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS, metadata={"program_id": command.program_id})
        prepared = Prepared(account, rows, {"account_identifiers_unique": taken})
        if events is None:
            return prepared
        return joined(prepared, await events(caller, account.account_id, account.program_id,
                                             EarnEvent.ACCOUNT_CREATED, command.request_id, CHANGED_CONCURRENTLY))

    return await execute_once(deps, caller, "CreateAccount", command, prepare, Account.from_json)


async def require_program(deps: Deps, org_id: str, program_id: str) -> None:
    """PROGRAM_NOT_FOUND unless the organisation has this program (accounts and offers are
    opened only in programs that exist; programs are never deleted, so the check holds)."""
    async with deps.pool.connection() as connection:
        cursor = await connection.execute("SELECT 1 FROM programs WHERE org_id = %s AND program_id = %s",
                                          (org_id, program_id))
        if await cursor.fetchone() is None:
            raise DomainError(ErrorReason.PROGRAM_NOT_FOUND, metadata={"program_id": program_id})


async def _check_identifiers_free(deps: Deps, org_id: str, program_id: str,
                                  identifiers: tuple[Identifier, ...]) -> None:
    """IDENTIFIER_ALREADY_EXISTS naming the first taken identifier (the unique constraint is the
    guard against a concurrent request; this names the culprit)."""
    if not identifiers:
        return
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT identifier_type, value FROM account_identifiers WHERE org_id = %s AND program_id = %s"
            " AND (identifier_type, value) IN (SELECT * FROM unnest(%s::smallint[], %s::text[]))"
            " ORDER BY identifier_type, value COLLATE \"C\" LIMIT 1",
            (org_id, program_id, [int(i.type) for i in identifiers], [i.value for i in identifiers]))
        taken = await cursor.fetchone()
    if taken is not None:
        raise DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS, metadata={
            "program_id": program_id, "identifier_type": IdentifierType(taken[0]).name, "value": taken[1]})


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
        return Prepared(account, (row,), {"account_changes_version": CHANGED_CONCURRENTLY},
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
        return Prepared(Done(current.account.account_id), (row,), {"account_changes_version": CHANGED_CONCURRENTLY},
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
                        (row,), {"account_changes_version": CHANGED_CONCURRENTLY,
                                 "account_identifiers_unique": taken})

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
                        (row,), {"account_changes_version": CHANGED_CONCURRENTLY})

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


def page_size(value: int) -> int:
    if value < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, "page_size is negative.",
                          {"field": "page_size", "min": "0"})
    return min(value or limits.PAGE_SIZE_DEFAULT, limits.PAGE_SIZE_MAX)


def encode_page_token(key: tuple[dt.datetime, str], query_digest: str) -> str:
    raw = json.dumps([key[0].isoformat(), key[1], query_digest], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_page_token(token: str, query_digest: str) -> tuple[dt.datetime, str] | None:
    """The (create_time, id) after which the page starts; FIELD_INVALID unless the token came
    from a request with the same parameters."""
    if not token:
        return None
    try:
        created, last_id, digest = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        key = (dt.datetime.fromisoformat(created), str(uuid.UUID(last_id)))
    except (ValueError, TypeError):
        key, digest = None, None
    if key is None or digest != query_digest:
        raise field_invalid("page_token", "a next_page_token of a request with the same other fields")
    return key


def query_digest(query: object) -> str:
    fields = {name: getattr(query, name) for name in query.__slots__  # type: ignore[attr-defined]
              if name not in ("page_size", "page_token")}
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()[:16]


def tsquery_prefix(term: str) -> str:
    """A tsquery that matches lexemes starting with `term` (quoted: any character is data)."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "':*"


def like_prefix(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def search_accounts(query: SearchAccounts, caller: Caller, deps: Deps) -> Page:
    validate_program_id(query.program_id)
    terms = parse_search_query(query.query)
    if query.identifier_value_prefix and len(query.identifier_value_prefix) < 3:
        raise field_invalid("identifier_value_prefix", "at least 3 characters")
    if len(query.identifier_value_prefix) > limits.IDENTIFIER_VALUE_LENGTH_MAX:
        raise field_too_long("identifier_value_prefix", limits.IDENTIFIER_VALUE_LENGTH_MAX)
    user_id = parse_uuid(query.user_id, "user_id") if query.user_id else ""
    size = page_size(query.page_size)
    digest = query_digest(query)
    after = decode_page_token(query.page_token, digest)

    sql, params = _search_sql(query, caller.org_id, terms, user_id, after)
    async with deps.pool.connection() as connection:
        rows = await (await connection.execute(sql + " LIMIT %s", params + [size + 1])).fetchall()
    accounts = tuple(_versioned(row).account for row in rows[:size])
    token = ""
    if len(rows) > size:
        token = encode_page_token((accounts[-1].create_time, accounts[-1].account_id), digest)
    return Page(accounts, token)


def _search_sql(query: SearchAccounts, org_id: str, terms: tuple[str, ...], user_id: str,
                after: tuple[dt.datetime, str] | None) -> tuple[str, list]:
    where = ["a.org_id = %s", "a.program_id = %s", "a.delete_time IS NULL"]
    params: list = [org_id, query.program_id]
    if query.statuses:
        where.append("a.status = ANY(%s)")
        params.append([int(s) for s in query.statuses])
    if query.create_start_time is not None:
        where.append("a.create_time >= %s")
        params.append(query.create_start_time)
    if query.create_end_time is not None:
        where.append("a.create_time < %s")
        params.append(query.create_end_time)
    if query.identifier_type is not None or query.identifier_value_prefix:
        clause = "EXISTS (SELECT 1 FROM account_identifiers f WHERE f.account_id = a.account_id"
        if query.identifier_type is not None:
            clause += " AND f.identifier_type = %s"
            params.append(int(query.identifier_type))
        if query.identifier_value_prefix:
            clause += " AND f.value LIKE %s"
            params.append(like_prefix(query.identifier_value_prefix))
        where.append(clause + ")")
    if user_id:
        where.append("EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.account_id AND m.user_id = %s)")
        params.append(user_id)
    for term in terms:
        # The accounts one term matches: by an identifier (prefix, btree), or by a member (GIN).
        where.append(
            "a.account_id IN (SELECT i.account_id FROM account_identifiers i WHERE i.org_id = %s"
            " AND i.program_id = %s AND lower(i.value) LIKE %s"
            " UNION SELECT m.account_id FROM users u JOIN memberships m ON m.user_id = u.user_id"
            " WHERE u.org_id = %s AND u.search @@ %s::tsquery)")
        params += [org_id, query.program_id, like_prefix(term), org_id, tsquery_prefix(term)]
    if after is not None:
        where.append("(a.create_time, a.account_id) > (%s, %s)")
        params += [after[0], after[1]]
    return _SELECT + " WHERE " + " AND ".join(where) + " ORDER BY a.create_time, a.account_id", params
