"""User and membership handlers: personal data, and who may use which account in which role.

A user changes through `user_changes` (each row the complete new data, applied by a trigger only
if the user still has the version it was decided against); memberships change through the
account's change log (core/service/accounts.py), so an account's members are decided against
the account's version too.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass

from core.adapters.postgres import users as store
from core.adapters.postgres.accounts import AccountStore
from core.adapters.postgres.accounts import CHANGES_VERSION as ACCOUNT_CHANGES_VERSION
from core.adapters.postgres.users import MembershipScope, UserStore
from core.domain import limits
from core.domain.accounts import (AccountStatus, MarketingChannel, Membership, MembershipRole, User, UserData,
                                  require_active, validate_user_data)
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import EarnEvent
from core.service import paging
from core.service.accounts import (CHANGED_CONCURRENTLY, REQUEST_FIELDS, AccountRef, Done, Page, Versioned,
                                   change_row, execute_change, load_account, parse_uuid, validate_ref,
                                   validate_request_id)
from core.service.context import Caller, Deps
from core.service.events import EventHook, joined
from core.service.idempotent import Prepared


def _users(deps: Deps, users: UserStore | None) -> UserStore:
    return users or UserStore(deps.pool)


USER_MASK_PATHS = ("external_user_id", "display_name", "email", "phone_number", "given_name", "family_name",
                   "birth_date", "address", "properties", "gender_code", "language")
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
        row = store.user_row(user=user, org_id=caller.org_id)
        return Prepared(user, (row,), {store.EXTERNAL_USER_ID_UNIQUE: _external_id_taken(command.data)})

    return await execute_change(deps, caller, "CreateUser", command, prepare, User.from_json)


async def get_user(user_id: str, caller: Caller, deps: Deps, *, users: UserStore | None = None) -> User:
    return (await _load_user(deps, caller.org_id, parse_uuid(user_id, "user_id"), users))[0]


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
        row = store.user_change_row(user_id=user_id, org_id=caller.org_id, version=version, data=data,
                                    change_time=now, client_id=caller.client_id, request_id=command.request_id)
        return Prepared(User(user_id, data, current.create_time, now), (row,), {
            store.USER_CHANGES_VERSION: CHANGED_CONCURRENTLY,
            store.EXTERNAL_USER_ID_UNIQUE: _external_id_taken(data)})

    return await execute_change(deps, caller, "UpdateUser", command, prepare, User.from_json)


def _external_id_taken(data: UserData) -> DomainError:
    return DomainError(ErrorReason.USER_ALREADY_EXISTS, metadata={"external_user_id": data.external_user_id})


async def _load_user(deps: Deps, org_id: str, user_id: str, users: UserStore | None = None) -> tuple[User, int]:
    found = await _users(deps, users).user(org_id, user_id)
    if found is None:
        raise DomainError(ErrorReason.USER_NOT_FOUND, metadata={"user_id": user_id})
    return found.user, found.version


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
        members = await UserStore(deps.pool).members(current.account.account_id)
        _check_can_join(current, members, user_id, command.role)
        now = deps.clock.now()
        membership = Membership(current.account.account_id, user_id, command.role,
                                tuple(sorted(set(command.marketing_opt_ins))), command.partner_id, now, now)
        rows = (change_row(caller, command.request_id, current, "membership_added", now, user_id=user_id),
                store.membership_row(membership=membership, org_id=caller.org_id))
        prepared = Prepared(membership, rows, {ACCOUNT_CHANGES_VERSION: CHANGED_CONCURRENTLY,
                                               store.MEMBERSHIPS_PKEY: CHANGED_CONCURRENTLY,
                                               store.MEMBERSHIPS_ONE_OWNER: CHANGED_CONCURRENTLY})
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


async def remove_membership(command: RemoveMembership, caller: Caller, deps: Deps) -> Done:
    validate_request_id(command.request_id)
    ref = validate_ref(command.ref, REQUEST_FIELDS)
    user_id = parse_uuid(command.user_id, "user_id")

    async def prepare() -> Prepared[Done]:
        current = await load_account(deps, caller.org_id, ref)
        if user_id not in await UserStore(deps.pool).members(current.account.account_id):
            raise DomainError(ErrorReason.MEMBERSHIP_NOT_FOUND, metadata={
                "account_id": current.account.account_id, "user_id": user_id})
        row = change_row(caller, command.request_id, current, "membership_removed", deps.clock.now(),
                         user_id=user_id)
        return Prepared(Done(f"{current.account.account_id}/{user_id}"), (row,),
                        {ACCOUNT_CHANGES_VERSION: CHANGED_CONCURRENTLY})

    return await execute_change(deps, caller, "RemoveMembership", command, prepare, Done.from_json)


async def list_memberships(query: ListMemberships, caller: Caller, deps: Deps, *, users: UserStore | None = None,
                           accounts: AccountStore | None = None) -> Page:
    """The memberships of one account (by ref) or of one user, exactly one of them; the account
    or user must exist in the caller's organisation."""
    if query.ref is not None and query.user_id:
        raise field_invalid("scope", "exactly one of account_id, user_id, account_identifier")
    size = paging.page_size(query.page_size)
    if query.ref is not None:
        account = (await load_account(deps, caller.org_id, validate_ref(query.ref, REQUEST_FIELDS),
                                      accounts=accounts)).account
        scope, scope_id, name = MembershipScope.ACCOUNT, account.account_id, "account_id"
    elif query.user_id:
        scope_id = parse_uuid(query.user_id, "user_id")
        await _load_user(deps, caller.org_id, scope_id, users)
        scope, name = MembershipScope.USER, "user_id"
    else:
        raise field_required("scope")
    digest = paging.query_scope(dataclasses.replace(query, ref=None, user_id=f"{name}={scope_id}"))
    after = paging.decode(query.page_token, digest)
    rows = await _users(deps, users).memberships(caller.org_id, scope, scope_id, after, size + 1)  # type: ignore[arg-type]
    memberships = tuple(rows[:size])
    token = ""
    if len(rows) > size:
        last = memberships[-1]
        token = paging.encode((last.create_time, getattr(last, scope[1])), digest)
    return Page(memberships, token)
