"""rewards.accounts.v1.AccountService: proto <-> command translation around core handlers.

`account_ref_from_proto` and `request_account_ref` are shared with the servicers of other
contexts: they turn an AccountRef message, or a request's account_id + account_identifier pair,
into the core AccountRef that core.service.accounts.resolve_account takes.
"""

from __future__ import annotations

import datetime as dt

from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from core.domain.accounts import (Account, AccountStatus, Address, Identifier, IdentifierType, MarketingChannel,
                                  Membership, MembershipRole, User, UserData)
from core.domain.accounts import GenderCode
from core.domain.errors import field_invalid
from core.service import accounts, users
from core.service.accounts import AccountRef
from core.service.context import Deps
from core.service.events import EventHook
from server.context import current_caller
from server.convert import datetime_of, timestamp


class AccountServicer(account_service_pb2_grpc.AccountServiceServicer):
    def __init__(self, deps: Deps, events: EventHook | None = None) -> None:
        self._deps = deps
        self._events = events
        """Pays the built-in events CreateAccount and AddMembership trigger (Points.built_in_event)."""

    async def CreateAccount(self, request: api.CreateAccountRequest, context) -> api.CreateAccountResponse:
        command = accounts.CreateAccount(
            request_id=request.request_id, program_id=request.program_id,
            identifiers=tuple(identifier_from_proto(i, f"identifiers[{n}]")
                              for n, i in enumerate(request.identifiers)))
        account = await accounts.create_account(command, current_caller(), self._deps, self._events)
        return api.CreateAccountResponse(account=account_to_proto(account))

    async def GetAccount(self, request: api.GetAccountRequest, context) -> api.GetAccountResponse:
        account = await accounts.get_account(accounts.GetAccount(request_account_ref(request)),
                                             current_caller(), self._deps)
        return api.GetAccountResponse(account=account_to_proto(account))

    async def LookupAccount(self, request: api.LookupAccountRequest, context) -> api.LookupAccountResponse:
        identifier = (identifier_from_proto(request.identifier, "identifier")
                      if request.HasField("identifier") else None)
        account = await accounts.lookup_account(accounts.LookupAccount(request.program_id, identifier),
                                                current_caller(), self._deps)
        return api.LookupAccountResponse(account=account_to_proto(account))

    async def SearchAccounts(self, request: api.SearchAccountsRequest, context) -> api.SearchAccountsResponse:
        query = accounts.SearchAccounts(
            program_id=request.program_id, query=request.query,
            statuses=tuple(_status(s, f"statuses[{n}]") for n, s in enumerate(request.statuses)),
            identifier_type=(_enum(IdentifierType, request.identifier_type, "identifier_type")
                             if request.identifier_type else None),
            identifier_value_prefix=request.identifier_value_prefix, user_id=request.user_id,
            create_start_time=_time(request, "create_start_time"), create_end_time=_time(request, "create_end_time"),
            page_size=request.page_size, page_token=request.page_token)
        page = await accounts.search_accounts(query, current_caller(), self._deps)
        return api.SearchAccountsResponse(accounts=[account_to_proto(a) for a in page.items],
                                          next_page_token=page.next_page_token)

    async def UpdateAccountStatus(self, request: api.UpdateAccountStatusRequest,
                                  context) -> api.UpdateAccountStatusResponse:
        command = accounts.UpdateAccountStatus(
            request.request_id, request_account_ref(request),
            _status(request.status, "status") if request.status else None, request.note)
        account = await accounts.update_account_status(command, current_caller(), self._deps)
        return api.UpdateAccountStatusResponse(account=account_to_proto(account))

    async def DeleteAccount(self, request: api.DeleteAccountRequest, context) -> api.DeleteAccountResponse:
        command = accounts.DeleteAccount(request.request_id, request_account_ref(request), request.note)
        await accounts.delete_account(command, current_caller(), self._deps)
        return api.DeleteAccountResponse()

    async def AddIdentifier(self, request: api.AddIdentifierRequest, context) -> api.AddIdentifierResponse:
        command = accounts.AddIdentifier(request.request_id, request_account_ref(request),
                                         _optional_identifier(request, "identifier"))
        account = await accounts.add_identifier(command, current_caller(), self._deps)
        return api.AddIdentifierResponse(account=account_to_proto(account))

    async def RemoveIdentifier(self, request: api.RemoveIdentifierRequest,
                               context) -> api.RemoveIdentifierResponse:
        command = accounts.RemoveIdentifier(request.request_id, request_account_ref(request),
                                            _optional_identifier(request, "identifier"))
        account = await accounts.remove_identifier(command, current_caller(), self._deps)
        return api.RemoveIdentifierResponse(account=account_to_proto(account))

    async def CreateUser(self, request: api.CreateUserRequest, context) -> api.CreateUserResponse:
        command = users.CreateUser(request.request_id, user_data_from_proto(request.user))
        user = await users.create_user(command, current_caller(), self._deps)
        return api.CreateUserResponse(user=user_to_proto(user))

    async def GetUser(self, request: api.GetUserRequest, context) -> api.GetUserResponse:
        user = await users.get_user(request.user_id, current_caller(), self._deps)
        return api.GetUserResponse(user=user_to_proto(user))

    async def UpdateUser(self, request: api.UpdateUserRequest, context) -> api.UpdateUserResponse:
        command = users.UpdateUser(request.request_id, request.user.user_id, user_data_from_proto(request.user),
                                   tuple(request.update_mask.paths))
        user = await users.update_user(command, current_caller(), self._deps)
        return api.UpdateUserResponse(user=user_to_proto(user))

    async def AddMembership(self, request: api.AddMembershipRequest, context) -> api.AddMembershipResponse:
        command = users.AddMembership(
            request.request_id, request_account_ref(request), request.user_id,
            _enum(MembershipRole, request.role, "role") if request.role else None,
            tuple(_enum(MarketingChannel, c, f"marketing_opt_ins[{n}]") if c else _unset(f"marketing_opt_ins[{n}]")
                  for n, c in enumerate(request.marketing_opt_ins)),
            request.partner_id)
        membership = await users.add_membership(command, current_caller(), self._deps, self._events)
        return api.AddMembershipResponse(membership=membership_to_proto(membership))

    async def RemoveMembership(self, request: api.RemoveMembershipRequest,
                               context) -> api.RemoveMembershipResponse:
        command = users.RemoveMembership(request.request_id, request_account_ref(request), request.user_id)
        await users.remove_membership(command, current_caller(), self._deps)
        return api.RemoveMembershipResponse()

    async def ListMemberships(self, request: api.ListMembershipsRequest, context) -> api.ListMembershipsResponse:
        scope = request.WhichOneof("scope")
        ref = None
        if scope == "account_id":
            ref = AccountRef(account_id=request.account_id)
        elif scope == "account_identifier":
            ref = AccountRef(identifier=identifier_from_proto(request.account_identifier, "account_identifier"))
        query = users.ListMemberships(ref, request.user_id if scope == "user_id" else "",
                                      request.page_size, request.page_token)
        page = await users.list_memberships(query, current_caller(), self._deps)
        return api.ListMembershipsResponse(memberships=[membership_to_proto(m) for m in page.items],
                                           next_page_token=page.next_page_token)


# --- shared converters -------------------------------------------------------------------------

def account_ref_from_proto(message: resources.AccountRef, field: str = "account") -> AccountRef:
    """A rewards.accounts.v1.AccountRef as the core AccountRef; resolve it with
    `resolve_account(deps, org_id, ref, field)` so that errors name `field`."""
    which = message.WhichOneof("account")
    if which == "identifier":
        return AccountRef(identifier=identifier_from_proto(message.identifier, f"{field}.identifier"),
                          program_id=message.program_id)
    return AccountRef(account_id=message.account_id)


def request_account_ref(request) -> AccountRef:
    """A request's `account_id` + `account_identifier` pair as the core AccountRef; resolve it with
    `resolve_account(..., fields=core.service.accounts.REQUEST_FIELDS)`."""
    identifier = (identifier_from_proto(request.account_identifier, "account_identifier")
                  if request.HasField("account_identifier") else None)
    return AccountRef(account_id=request.account_id, identifier=identifier)


def identifier_from_proto(identifier: resources.Identifier, field: str) -> Identifier:
    if identifier.type == resources.IDENTIFIER_TYPE_UNSPECIFIED:
        return Identifier(None, identifier.value)  # type: ignore[arg-type] - reported as required.
    return Identifier(_enum(IdentifierType, identifier.type, f"{field}.type"), identifier.value)


def account_to_proto(account: Account) -> resources.Account:
    return resources.Account(
        account_id=account.account_id, program_id=account.program_id,
        status=int(account.status),
        identifiers=[resources.Identifier(type=int(i.type), value=i.value) for i in account.identifiers],
        create_time=timestamp(account.create_time), update_time=timestamp(account.update_time))


def user_data_from_proto(user: resources.User) -> UserData:
    address = user.address
    return UserData(
        external_user_id=user.external_user_id, given_name=user.given_name, family_name=user.family_name,
        display_name=user.display_name, email=user.email, phone_number=user.phone_number,
        birth_date=user.birth_date,
        address=Address(tuple(address.lines), address.city, address.postal_code, address.region,
                        address.country_code),
        properties=tuple(sorted(user.properties.items())),
        gender_code=_enum(GenderCode, user.gender_code, "user.gender_code") if user.gender_code else None,
        language=user.language)


def user_to_proto(user: User) -> resources.User:
    data, address = user.data, user.data.address
    return resources.User(
        user_id=user.user_id, external_user_id=data.external_user_id, display_name=data.display_name,
        email=data.email, phone_number=data.phone_number, given_name=data.given_name,
        family_name=data.family_name, birth_date=data.birth_date,
        address=resources.PostalAddress(lines=address.lines, city=address.city, postal_code=address.postal_code,
                                        region=address.region, country_code=address.country_code),
        properties=dict(data.properties), gender_code=int(data.gender_code or 0), language=data.language,
        create_time=timestamp(user.create_time), update_time=timestamp(user.update_time))


def membership_to_proto(membership: Membership) -> resources.Membership:
    return resources.Membership(
        account_id=membership.account_id, user_id=membership.user_id, role=int(membership.role),
        marketing_opt_ins=[int(c) for c in membership.marketing_opt_ins], partner_id=membership.partner_id,
        create_time=timestamp(membership.create_time), update_time=timestamp(membership.update_time))


def _enum(kind, value: int, field: str):
    try:
        return kind(value)
    except ValueError:
        raise field_invalid(field, f"a known {kind.__name__}") from None


def _unset(field: str):
    raise field_invalid(field, "not UNSPECIFIED")


def _status(value: int, field: str) -> AccountStatus:
    if value == resources.ACCOUNT_STATUS_UNSPECIFIED:
        _unset(field)
    return _enum(AccountStatus, value, field)


def _optional_identifier(request, name: str) -> Identifier | None:
    return identifier_from_proto(getattr(request, name), name) if request.HasField(name) else None


def _time(request, name: str) -> dt.datetime | None:
    return datetime_of(request, name)
