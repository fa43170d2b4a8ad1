import datetime

from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.accounts.v1 import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateAccountRequest(_message.Message):
    __slots__ = ("request_id", "program_id", "identifiers")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    program_id: str
    identifiers: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Identifier]
    def __init__(self, request_id: _Optional[str] = ..., program_id: _Optional[str] = ..., identifiers: _Optional[_Iterable[_Union[_resources_pb2.Identifier, _Mapping]]] = ...) -> None: ...

class CreateAccountResponse(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _resources_pb2.Account
    def __init__(self, account: _Optional[_Union[_resources_pb2.Account, _Mapping]] = ...) -> None: ...

class GetAccountRequest(_message.Message):
    __slots__ = ("account_id", "account_identifier")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class GetAccountResponse(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _resources_pb2.Account
    def __init__(self, account: _Optional[_Union[_resources_pb2.Account, _Mapping]] = ...) -> None: ...

class LookupAccountRequest(_message.Message):
    __slots__ = ("program_id", "identifier")
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    identifier: _resources_pb2.Identifier
    def __init__(self, program_id: _Optional[str] = ..., identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class LookupAccountResponse(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _resources_pb2.Account
    def __init__(self, account: _Optional[_Union[_resources_pb2.Account, _Mapping]] = ...) -> None: ...

class SearchAccountsRequest(_message.Message):
    __slots__ = ("program_id", "statuses", "identifier_type", "identifier_value_prefix", "user_id", "create_start_time", "create_end_time", "page_size", "page_token", "query")
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_TYPE_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_VALUE_PREFIX_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_START_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    statuses: _containers.RepeatedScalarFieldContainer[_resources_pb2.AccountStatus]
    identifier_type: _resources_pb2.IdentifierType
    identifier_value_prefix: str
    user_id: str
    create_start_time: _timestamp_pb2.Timestamp
    create_end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    query: str
    def __init__(self, program_id: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[_resources_pb2.AccountStatus, str]]] = ..., identifier_type: _Optional[_Union[_resources_pb2.IdentifierType, str]] = ..., identifier_value_prefix: _Optional[str] = ..., user_id: _Optional[str] = ..., create_start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., query: _Optional[str] = ...) -> None: ...

class SearchAccountsResponse(_message.Message):
    __slots__ = ("accounts", "next_page_token")
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Account]
    next_page_token: str
    def __init__(self, accounts: _Optional[_Iterable[_Union[_resources_pb2.Account, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateAccountStatusRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "status", "note", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    status: _resources_pb2.AccountStatus
    note: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., status: _Optional[_Union[_resources_pb2.AccountStatus, str]] = ..., note: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class UpdateAccountStatusResponse(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _resources_pb2.Account
    def __init__(self, account: _Optional[_Union[_resources_pb2.Account, _Mapping]] = ...) -> None: ...

class DeleteAccountRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "account_identifier", "note")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    account_identifier: _resources_pb2.Identifier
    note: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., note: _Optional[str] = ...) -> None: ...

class DeleteAccountResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AddIdentifierRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "identifier", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    identifier: _resources_pb2.Identifier
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class AddIdentifierResponse(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _resources_pb2.Account
    def __init__(self, account: _Optional[_Union[_resources_pb2.Account, _Mapping]] = ...) -> None: ...

class RemoveIdentifierRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "identifier", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    identifier: _resources_pb2.Identifier
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class RemoveIdentifierResponse(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _resources_pb2.Account
    def __init__(self, account: _Optional[_Union[_resources_pb2.Account, _Mapping]] = ...) -> None: ...

class CreateUserRequest(_message.Message):
    __slots__ = ("request_id", "user")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    user: _resources_pb2.User
    def __init__(self, request_id: _Optional[str] = ..., user: _Optional[_Union[_resources_pb2.User, _Mapping]] = ...) -> None: ...

class CreateUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _resources_pb2.User
    def __init__(self, user: _Optional[_Union[_resources_pb2.User, _Mapping]] = ...) -> None: ...

class GetUserRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class GetUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _resources_pb2.User
    def __init__(self, user: _Optional[_Union[_resources_pb2.User, _Mapping]] = ...) -> None: ...

class UpdateUserRequest(_message.Message):
    __slots__ = ("request_id", "user", "update_mask")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    user: _resources_pb2.User
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, request_id: _Optional[str] = ..., user: _Optional[_Union[_resources_pb2.User, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _resources_pb2.User
    def __init__(self, user: _Optional[_Union[_resources_pb2.User, _Mapping]] = ...) -> None: ...

class AddMembershipRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "user_id", "role", "marketing_opt_ins", "account_identifier", "partner_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    MARKETING_OPT_INS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    user_id: str
    role: _resources_pb2.MembershipRole
    marketing_opt_ins: _containers.RepeatedScalarFieldContainer[_resources_pb2.MarketingChannel]
    account_identifier: _resources_pb2.Identifier
    partner_id: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., role: _Optional[_Union[_resources_pb2.MembershipRole, str]] = ..., marketing_opt_ins: _Optional[_Iterable[_Union[_resources_pb2.MarketingChannel, str]]] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., partner_id: _Optional[str] = ...) -> None: ...

class AddMembershipResponse(_message.Message):
    __slots__ = ("membership",)
    MEMBERSHIP_FIELD_NUMBER: _ClassVar[int]
    membership: _resources_pb2.Membership
    def __init__(self, membership: _Optional[_Union[_resources_pb2.Membership, _Mapping]] = ...) -> None: ...

class RemoveMembershipRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "user_id", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    user_id: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class RemoveMembershipResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListMembershipsRequest(_message.Message):
    __slots__ = ("account_id", "user_id", "account_identifier", "page_size", "page_token")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    user_id: str
    account_identifier: _resources_pb2.Identifier
    page_size: int
    page_token: str
    def __init__(self, account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListMembershipsResponse(_message.Message):
    __slots__ = ("memberships", "next_page_token")
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    memberships: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Membership]
    next_page_token: str
    def __init__(self, memberships: _Optional[_Iterable[_Union[_resources_pb2.Membership, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
