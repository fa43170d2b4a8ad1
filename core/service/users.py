"""User and membership handlers: personal data, and who may use which account in which role.

A user changes through `user_changes` (each row the complete new data, applied by a trigger only
if the user still has the version it was decided against); memberships change through the
account's change log (core/service/accounts.py), so an account's members are decided against
the account's version too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from psycopg.types.json import Jsonb

from core.adapters.postgres.ledger_writer import Row
from core.domain import limits
from core.domain.accounts import (Address, AccountStatus, MarketingChannel, Membership, MembershipRole, User,
                                  UserData, require_active, user_search_lexemes, validate_user_data)
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.service.accounts import (CHANGED_CONCURRENTLY, REQUEST_FIELDS, AccountRef, Done, Page, Versioned,
                                   change_row, decode_page_token, encode_page_token, execute_change,
                                   load_account, page_size, parse_uuid, query_digest, validate_ref,
                                   validate_request_id)
from core.domain.loyalty import EarnEvent
from core.service.context import Caller, Deps
from core.service.events import EventHook, joined
from core.service.idempotent import Prepared

_USER_DATA_COLUMNS = ("external_user_id", "given_name", "family_name", "display_name", "email", "phone_number",
                      "birth_date", "address", "properties", "search_lexemes")
_USER_COLUMNS = ("user_id", "org_id") + _USER_DATA_COLUMNS + ("create_time", "update_time")
_USER_CHANGE_COLUMNS = ("user_id", "org_id", "version") + _USER_DATA_COLUMNS + (
    "change_time", "client_id", "request_id")
_MEMBERSHIP_COLUMNS = ("account_id", "user_id", "org_id", "role", "marketing_opt_ins", "partner_id",
                       "create_time", "update_time")
_MEMBERSHIP_SELECT = ("SELECT account_id::text, user_id::text, role, marketing_opt_ins, partner_id, create_time,"
                      " update_time FROM memberships")
USER_MASK_PATHS = ("external_user_id", "display_name", "email", "phone_number", "given_name", "family_name",
                   "birth_date", "address", "properties")
"""UpdateUser's update_mask names (User fields) and the UserData field each replaces."""


@dataclass(frozen=True, slots=True)
class CreateUser:
    request_id: str
    data: UserData


@dataclass(frozen=True, slots=True)
class UpdateUser:
    request_id: str
    user_id: str
    data: UserData
    update_mask: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AddMembership:
    request_id: str
    ref: AccountRef
    user_id: str
    role: MembershipRole | None
    marketing_opt_ins: tuple[MarketingChannel, ...] = ()
    partner_id: str = ""


@dataclass(frozen=True, slots=True)
class RemoveMembership:
    request_id: str
    ref: AccountRef
    user_id: str


@dataclass(frozen=True, slots=True)
class ListMemberships:
    ref: AccountRef | None = None
    """The account whose memberships to list; or None and `user_id`."""
    user_id: str = ""
    page_size: int = 0
    page_token: str = ""


# --- users -------------------------------------------------------------------------------------

async def create_user(command: CreateUser, caller: Caller, deps: Deps) -> User:
    validate_request_id(command.request_id)
    validate_user_data(command.data, deps.clock.now().date())

    async def prepare() -> Prepared[User]:
        now = deps.clock.now()
        user = User(str(uuid.uuid4()), command.data, now, now)
        row = Row("users", _USER_COLUMNS, (user.user_id, caller.org_id, *_data_values(command.data), now, now))
        return Prepared(user, (row,), {"users_external_user_id_unique": _external_id_taken(command.data)})

    return await execute_change(deps, caller, "CreateUser", command, prepare, User.from_json)


async def get_user(user_id: str, caller: Caller, deps: Deps) -> User:
    return (await _load_user(deps, caller.org_id, parse_uuid(user_id, "user_id")))[0]


async def update_user(command: UpdateUser, caller: Caller, deps: Deps) -> User:
    validate_request_id(command.request_id)
    user_id = parse_uuid(command.user_id, "user.user_id")
    for path in command.update_mask:
        if path not in USER_MASK_PATHS:
            raise field_invalid("update_mask", f"paths among {', '.join(USER_MASK_PATHS)}")
    paths = command.update_mask or USER_MASK_PATHS

    async def prepare() -> Prepared[User]:
        current, version = await _load_user(deps, caller.org_id, user_id)
        data = dataclasses.replace(current.data, **{path: getattr(command.data, path) for path in paths})
        validate_user_data(data, deps.clock.now().date())
        now = deps.clock.now()
        row = Row("user_changes", _USER_CHANGE_COLUMNS, (user_id, caller.org_id, version, *_data_values(data),
                                                         now, caller.client_id, command.request_id))
        return Prepared(User(user_id, data, current.create_time, now), (row,), {
            "user_changes_version": CHANGED_CONCURRENTLY,
            "users_external_user_id_unique": _external_id_taken(data)})

    return await execute_change(deps, caller, "UpdateUser", command, prepare, User.from_json)


def _external_id_taken(data: UserData) -> DomainError:
    return DomainError(ErrorReason.USER_ALREADY_EXISTS, metadata={"external_user_id": data.external_user_id})


def _data_values(data: UserData) -> tuple:
    address = data.address
    return (data.external_user_id or None, data.given_name, data.family_name, data.display_name, data.email,
            data.phone_number, dt.date.fromisoformat(data.birth_date) if data.birth_date else None,
            Jsonb({"lines": list(address.lines), "city": address.city, "postal_code": address.postal_code,
                   "region": address.region, "country_code": address.country_code}),
            Jsonb(dict(data.properties)), user_search_lexemes(data))


async def _load_user(deps: Deps, org_id: str, user_id: str) -> tuple[User, int]:
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT coalesce(external_user_id, ''), given_name, family_name, display_name, email, phone_number,"
            " birth_date, address, properties, version, create_time, update_time FROM users"
            " WHERE user_id = %s AND org_id = %s", (user_id, org_id))
        found = await cursor.fetchone()
    if found is None:
        raise DomainError(ErrorReason.USER_NOT_FOUND, metadata={"user_id": user_id})
    *data, birth_date, address, properties, version, create_time, update_time = found
    user_data = UserData(*data, birth_date.isoformat() if birth_date else "",
                         Address(tuple(address["lines"]), address["city"], address["postal_code"],
                                 address["region"], address["country_code"]),
                         tuple(sorted(properties.items())))
    return User(user_id, user_data, create_time, update_time), version


# --- memberships -------------------------------------------------------------------------------

def _validate_membership(command: AddMembership) -> AccountRef:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    parse_uuid(command.user_id, "user_id")
    if command.role is None:
        raise field_required("role")
    if len(set(command.marketing_opt_ins)) != len(command.marketing_opt_ins):
        raise field_invalid("marketing_opt_ins", "no duplicates")
    if len(command.partner_id) > limits.PARTNER_ID_LENGTH_MAX:
        raise field_too_long("partner_id", limits.PARTNER_ID_LENGTH_MAX)
    if command.partner_id and not all(c.isascii() and (c.isalnum() or c in "_.-") for c in command.partner_id):
        raise field_invalid("partner_id", "letters, digits, '_', '.', '-'")
    return ref


async def add_membership(command: AddMembership, caller: Caller, deps: Deps,
                         events: EventHook | None = None) -> Membership:
    """`events`: a membership that opts in to a marketing channel pays the program's
    MARKETING_OPT_IN rules (once per account) in the same commit (core/service/events.py)."""
    ref = _validate_membership(command)
    user_id = parse_uuid(command.user_id, "user_id")

    async def prepare() -> Prepared[Membership]:
        current = await load_account(deps, caller.org_id, ref)
        await _load_user(deps, caller.org_id, user_id)
        if current.account.status is AccountStatus.DEACTIVATED:
            require_active(current.account)
        members = await _members(deps, current.account.account_id)
        _check_can_join(current, members, user_id, command.role)
        now = deps.clock.now()
        membership = Membership(current.account.account_id, user_id, command.role,
                                tuple(sorted(set(command.marketing_opt_ins))), command.partner_id, now, now)
        rows = (change_row(caller, command.request_id, current, "membership_added", now, user_id=user_id),
                Row("memberships", _MEMBERSHIP_COLUMNS, (
                    membership.account_id, user_id, caller.org_id, int(membership.role),
                    [int(c) for c in membership.marketing_opt_ins], membership.partner_id, now, now)))
        prepared = Prepared(membership, rows, {"account_changes_version": CHANGED_CONCURRENTLY,
                                               "memberships_pkey": CHANGED_CONCURRENTLY,
                                               "memberships_one_owner": CHANGED_CONCURRENTLY})
        if events is None or not membership.marketing_opt_ins or current.account.status is not AccountStatus.ACTIVE:
            return prepared
        # A lost award race (a concurrent opt-in or AllocateEvent) is decided again by execute_change.
        return joined(prepared, await events(caller, membership.account_id, current.account.program_id,
                                             EarnEvent.MARKETING_OPT_IN, command.request_id, CHANGED_CONCURRENTLY))

    return await execute_change(deps, caller, "AddMembership", command, prepare, Membership.from_json)


def _check_can_join(current: Versioned, members: dict[str, MembershipRole], user_id: str,
                    role: MembershipRole) -> None:
    account_id = current.account.account_id
    if user_id in members:
        raise DomainError(ErrorReason.MEMBERSHIP_ALREADY_EXISTS, metadata={"account_id": account_id,
                                                                           "user_id": user_id})
    if role is MembershipRole.OWNER and MembershipRole.OWNER in members.values():
        raise DomainError(ErrorReason.ACCOUNT_OWNER_EXISTS, metadata={"account_id": account_id})
    if len(members) >= limits.ACCOUNT_MEMBERSHIPS_MAX:
        raise DomainError(ErrorReason.ACCOUNT_MEMBERSHIP_LIMIT_REACHED, metadata={
            "account_id": account_id, "membership_count_max": limits.ACCOUNT_MEMBERSHIPS_MAX})


async def _members(deps: Deps, account_id: str) -> dict[str, MembershipRole]:
    async with deps.pool.connection() as connection:
        cursor = await connection.execute("SELECT user_id::text, role FROM memberships WHERE account_id = %s",
                                          (account_id,))
        return {user_id: MembershipRole(role) for user_id, role in await cursor.fetchall()}


async def remove_membership(command: RemoveMembership, caller: Caller, deps: Deps) -> Done:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    user_id = parse_uuid(command.user_id, "user_id")

    async def prepare() -> Prepared[Done]:
        current = await load_account(deps, caller.org_id, ref)
        if user_id not in await _members(deps, current.account.account_id):
            raise DomainError(ErrorReason.MEMBERSHIP_NOT_FOUND, metadata={
                "account_id": current.account.account_id, "user_id": user_id})
        row = change_row(caller, command.request_id, current, "membership_removed", deps.clock.now(),
                         user_id=user_id)
        return Prepared(Done(f"{current.account.account_id}/{user_id}"), (row,),
                        {"account_changes_version": CHANGED_CONCURRENTLY})

    return await execute_change(deps, caller, "RemoveMembership", command, prepare, Done.from_json)


async def list_memberships(query: ListMemberships, caller: Caller, deps: Deps) -> Page:
    if query.ref is not None and query.user_id:
        raise field_invalid("scope", "exactly one of account_id, user_id, account_identifier")
    size = page_size(query.page_size)
    if query.ref is not None:
        account = (await load_account(deps, caller.org_id, validate_ref(query.ref, REQUEST_FIELDS))).account
        scope, scope_id, other = "account_id", account.account_id, "user_id"
    elif query.user_id:
        scope_id = parse_uuid(query.user_id, "user_id")
        await _load_user(deps, caller.org_id, scope_id)
        scope, other = "user_id", "account_id"
    else:
        raise field_required("scope")
    digest = query_digest(dataclasses.replace(query, ref=None, user_id=f"{scope}={scope_id}"))
    after = decode_page_token(query.page_token, digest)
    sql = f"{_MEMBERSHIP_SELECT} WHERE {scope} = %s AND org_id = %s"
    params: list = [scope_id, caller.org_id]
    if after is not None:
        sql += f" AND (create_time, {other}) > (%s, %s)"
        params += list(after)
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(sql + f" ORDER BY create_time, {other} LIMIT %s", params + [size + 1])
        rows = await cursor.fetchall()
    memberships = tuple(Membership(a, u, MembershipRole(role), tuple(MarketingChannel(c) for c in opt_ins),
                                   partner, created, updated)
                        for a, u, role, opt_ins, partner, created, updated in rows[:size])
    token = ""
    if len(rows) > size:
        last = memberships[-1]
        token = encode_page_token((last.create_time, getattr(last, other)), digest)
    return Page(memberships, token)
