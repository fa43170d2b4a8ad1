import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AccountStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACCOUNT_STATUS_UNSPECIFIED: _ClassVar[AccountStatus]
    ACCOUNT_STATUS_ACTIVE: _ClassVar[AccountStatus]
    ACCOUNT_STATUS_LOCKED: _ClassVar[AccountStatus]
    ACCOUNT_STATUS_DEACTIVATED: _ClassVar[AccountStatus]

class IdentifierType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    IDENTIFIER_TYPE_UNSPECIFIED: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_APPCODE: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_CARDCODE: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_EXTERNALCODE: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_PHONE: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_ID: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_EMAIL: _ClassVar[IdentifierType]

class GenderCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENDER_CODE_UNSPECIFIED: _ClassVar[GenderCode]
    GENDER_CODE_MALE: _ClassVar[GenderCode]
    GENDER_CODE_FEMALE: _ClassVar[GenderCode]
    GENDER_CODE_DIVERSE: _ClassVar[GenderCode]

class MembershipRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MEMBERSHIP_ROLE_UNSPECIFIED: _ClassVar[MembershipRole]
    MEMBERSHIP_ROLE_OWNER: _ClassVar[MembershipRole]
    MEMBERSHIP_ROLE_COOWNER: _ClassVar[MembershipRole]
    MEMBERSHIP_ROLE_COLLECTOR: _ClassVar[MembershipRole]

class MarketingChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MARKETING_CHANNEL_UNSPECIFIED: _ClassVar[MarketingChannel]
    MARKETING_CHANNEL_EMAIL: _ClassVar[MarketingChannel]
    MARKETING_CHANNEL_SMS: _ClassVar[MarketingChannel]
    MARKETING_CHANNEL_PUSH: _ClassVar[MarketingChannel]
    MARKETING_CHANNEL_POST: _ClassVar[MarketingChannel]
    MARKETING_CHANNEL_PHONE: _ClassVar[MarketingChannel]

class InteractionPointKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INTERACTION_POINT_KIND_UNSPECIFIED: _ClassVar[InteractionPointKind]
    INTERACTION_POINT_KIND_TILL: _ClassVar[InteractionPointKind]
    INTERACTION_POINT_KIND_ESHOP: _ClassVar[InteractionPointKind]
    INTERACTION_POINT_KIND_APP: _ClassVar[InteractionPointKind]
    INTERACTION_POINT_KIND_KIOSK: _ClassVar[InteractionPointKind]
ACCOUNT_STATUS_UNSPECIFIED: AccountStatus
ACCOUNT_STATUS_ACTIVE: AccountStatus
ACCOUNT_STATUS_LOCKED: AccountStatus
ACCOUNT_STATUS_DEACTIVATED: AccountStatus
IDENTIFIER_TYPE_UNSPECIFIED: IdentifierType
IDENTIFIER_TYPE_APPCODE: IdentifierType
IDENTIFIER_TYPE_CARDCODE: IdentifierType
IDENTIFIER_TYPE_EXTERNALCODE: IdentifierType
IDENTIFIER_TYPE_PHONE: IdentifierType
IDENTIFIER_TYPE_ID: IdentifierType
IDENTIFIER_TYPE_EMAIL: IdentifierType
GENDER_CODE_UNSPECIFIED: GenderCode
GENDER_CODE_MALE: GenderCode
GENDER_CODE_FEMALE: GenderCode
GENDER_CODE_DIVERSE: GenderCode
MEMBERSHIP_ROLE_UNSPECIFIED: MembershipRole
MEMBERSHIP_ROLE_OWNER: MembershipRole
MEMBERSHIP_ROLE_COOWNER: MembershipRole
MEMBERSHIP_ROLE_COLLECTOR: MembershipRole
MARKETING_CHANNEL_UNSPECIFIED: MarketingChannel
MARKETING_CHANNEL_EMAIL: MarketingChannel
MARKETING_CHANNEL_SMS: MarketingChannel
MARKETING_CHANNEL_PUSH: MarketingChannel
MARKETING_CHANNEL_POST: MarketingChannel
MARKETING_CHANNEL_PHONE: MarketingChannel
INTERACTION_POINT_KIND_UNSPECIFIED: InteractionPointKind
INTERACTION_POINT_KIND_TILL: InteractionPointKind
INTERACTION_POINT_KIND_ESHOP: InteractionPointKind
INTERACTION_POINT_KIND_APP: InteractionPointKind
INTERACTION_POINT_KIND_KIOSK: InteractionPointKind

class Identifier(_message.Message):
    __slots__ = ("type", "value")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    type: IdentifierType
    value: str
    def __init__(self, type: _Optional[_Union[IdentifierType, str]] = ..., value: _Optional[str] = ...) -> None: ...

class AccountRef(_message.Message):
    __slots__ = ("account_id", "identifier", "program_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    identifier: Identifier
    program_id: str
    def __init__(self, account_id: _Optional[str] = ..., identifier: _Optional[_Union[Identifier, _Mapping]] = ..., program_id: _Optional[str] = ...) -> None: ...

class Account(_message.Message):
    __slots__ = ("account_id", "program_id", "status", "identifiers", "create_time", "update_time")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    program_id: str
    status: AccountStatus
    identifiers: _containers.RepeatedCompositeFieldContainer[Identifier]
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, account_id: _Optional[str] = ..., program_id: _Optional[str] = ..., status: _Optional[_Union[AccountStatus, str]] = ..., identifiers: _Optional[_Iterable[_Union[Identifier, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class User(_message.Message):
    __slots__ = ("user_id", "external_user_id", "display_name", "email", "phone_number", "create_time", "update_time", "given_name", "family_name", "birth_date", "address", "properties", "gender_code", "language")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_USER_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    GIVEN_NAME_FIELD_NUMBER: _ClassVar[int]
    FAMILY_NAME_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    GENDER_CODE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    external_user_id: str
    display_name: str
    email: str
    phone_number: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    given_name: str
    family_name: str
    birth_date: str
    address: PostalAddress
    properties: _containers.ScalarMap[str, str]
    gender_code: GenderCode
    language: str
    def __init__(self, user_id: _Optional[str] = ..., external_user_id: _Optional[str] = ..., display_name: _Optional[str] = ..., email: _Optional[str] = ..., phone_number: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., given_name: _Optional[str] = ..., family_name: _Optional[str] = ..., birth_date: _Optional[str] = ..., address: _Optional[_Union[PostalAddress, _Mapping]] = ..., properties: _Optional[_Mapping[str, str]] = ..., gender_code: _Optional[_Union[GenderCode, str]] = ..., language: _Optional[str] = ...) -> None: ...

class PostalAddress(_message.Message):
    __slots__ = ("lines", "city", "postal_code", "region", "country_code")
    LINES_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedScalarFieldContainer[str]
    city: str
    postal_code: str
    region: str
    country_code: str
    def __init__(self, lines: _Optional[_Iterable[str]] = ..., city: _Optional[str] = ..., postal_code: _Optional[str] = ..., region: _Optional[str] = ..., country_code: _Optional[str] = ...) -> None: ...

class Membership(_message.Message):
    __slots__ = ("account_id", "user_id", "role", "marketing_opt_ins", "create_time", "update_time", "partner_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    MARKETING_OPT_INS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    user_id: str
    role: MembershipRole
    marketing_opt_ins: _containers.RepeatedScalarFieldContainer[MarketingChannel]
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    partner_id: str
    def __init__(self, account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., role: _Optional[_Union[MembershipRole, str]] = ..., marketing_opt_ins: _Optional[_Iterable[_Union[MarketingChannel, str]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., partner_id: _Optional[str] = ...) -> None: ...

class InteractionPoint(_message.Message):
    __slots__ = ("interaction_point_id", "kind", "store_id", "zone_id", "concept_id", "display_name", "create_time")
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    interaction_point_id: str
    kind: InteractionPointKind
    store_id: str
    zone_id: str
    concept_id: str
    display_name: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, interaction_point_id: _Optional[str] = ..., kind: _Optional[_Union[InteractionPointKind, str]] = ..., store_id: _Optional[str] = ..., zone_id: _Optional[str] = ..., concept_id: _Optional[str] = ..., display_name: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
