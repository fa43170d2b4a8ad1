"""rewards.accounts.v1.AccountService: proto <-> command translation around core handlers."""

from __future__ import annotations

from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from core.domain.accounts import Account, AccountStatus, Identifier, IdentifierType
from core.domain.errors import field_invalid
from core.service import accounts
from core.service.context import Deps
from server.context import current_caller
from server.convert import timestamp


class AccountServicer(account_service_pb2_grpc.AccountServiceServicer):
    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    async def CreateAccount(self, request: api.CreateAccountRequest, context) -> api.CreateAccountResponse:
        command = accounts.CreateAccount(
            request_id=request.request_id, program_id=request.program_id,
            identifiers=tuple(identifier_from_proto(i, f"identifiers[{n}]")
                              for n, i in enumerate(request.identifiers)))
        account = await accounts.create_account(command, current_caller(), self._deps)
        return api.CreateAccountResponse(account=account_to_proto(account))

    async def GetAccount(self, request: api.GetAccountRequest, context) -> api.GetAccountResponse:
        account = await accounts.get_account(accounts.GetAccount(request.account_id),
                                             current_caller(), self._deps)
        return api.GetAccountResponse(account=account_to_proto(account))


def identifier_from_proto(identifier: resources.Identifier, field: str) -> Identifier:
    if identifier.type == resources.IDENTIFIER_TYPE_UNSPECIFIED:
        return Identifier(None, identifier.value)  # type: ignore[arg-type] - reported as required.
    try:
        kind = IdentifierType(identifier.type)
    except ValueError:
        raise field_invalid(f"{field}.type", "a known IdentifierType") from None
    return Identifier(kind, identifier.value)


def account_to_proto(account: Account) -> resources.Account:
    return resources.Account(
        account_id=account.account_id, program_id=account.program_id,
        status=_STATUS[account.status],
        identifiers=[resources.Identifier(type=int(i.type), value=i.value) for i in account.identifiers],
        create_time=timestamp(account.create_time), update_time=timestamp(account.update_time))


_STATUS = {AccountStatus.ACTIVE: resources.ACCOUNT_STATUS_ACTIVE,
           AccountStatus.LOCKED: resources.ACCOUNT_STATUS_LOCKED,
           AccountStatus.DEACTIVATED: resources.ACCOUNT_STATUS_DEACTIVATED}
