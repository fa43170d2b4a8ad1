import datetime

from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.loyalty.v1 import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateProgramRequest(_message.Message):
    __slots__ = ("request_id", "program")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    program: _resources_pb2.Program
    def __init__(self, request_id: _Optional[str] = ..., program: _Optional[_Union[_resources_pb2.Program, _Mapping]] = ...) -> None: ...

class CreateProgramResponse(_message.Message):
    __slots__ = ("program",)
    PROGRAM_FIELD_NUMBER: _ClassVar[int]
    program: _resources_pb2.Program
    def __init__(self, program: _Optional[_Union[_resources_pb2.Program, _Mapping]] = ...) -> None: ...

class GetProgramRequest(_message.Message):
    __slots__ = ("program_id",)
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    def __init__(self, program_id: _Optional[str] = ...) -> None: ...

class GetProgramResponse(_message.Message):
    __slots__ = ("program",)
    PROGRAM_FIELD_NUMBER: _ClassVar[int]
    program: _resources_pb2.Program
    def __init__(self, program: _Optional[_Union[_resources_pb2.Program, _Mapping]] = ...) -> None: ...

class UpdateProgramRequest(_message.Message):
    __slots__ = ("request_id", "program", "update_mask")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    program: _resources_pb2.Program
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, request_id: _Optional[str] = ..., program: _Optional[_Union[_resources_pb2.Program, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateProgramResponse(_message.Message):
    __slots__ = ("program",)
    PROGRAM_FIELD_NUMBER: _ClassVar[int]
    program: _resources_pb2.Program
    def __init__(self, program: _Optional[_Union[_resources_pb2.Program, _Mapping]] = ...) -> None: ...

class CreateEarnRuleRequest(_message.Message):
    __slots__ = ("request_id", "earn_rule")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    EARN_RULE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    earn_rule: _resources_pb2.EarnRule
    def __init__(self, request_id: _Optional[str] = ..., earn_rule: _Optional[_Union[_resources_pb2.EarnRule, _Mapping]] = ...) -> None: ...

class CreateEarnRuleResponse(_message.Message):
    __slots__ = ("earn_rule",)
    EARN_RULE_FIELD_NUMBER: _ClassVar[int]
    earn_rule: _resources_pb2.EarnRule
    def __init__(self, earn_rule: _Optional[_Union[_resources_pb2.EarnRule, _Mapping]] = ...) -> None: ...

class UpdateEarnRuleRequest(_message.Message):
    __slots__ = ("request_id", "earn_rule", "update_mask")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    EARN_RULE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    earn_rule: _resources_pb2.EarnRule
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, request_id: _Optional[str] = ..., earn_rule: _Optional[_Union[_resources_pb2.EarnRule, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateEarnRuleResponse(_message.Message):
    __slots__ = ("earn_rule",)
    EARN_RULE_FIELD_NUMBER: _ClassVar[int]
    earn_rule: _resources_pb2.EarnRule
    def __init__(self, earn_rule: _Optional[_Union[_resources_pb2.EarnRule, _Mapping]] = ...) -> None: ...

class GetEarnRuleRequest(_message.Message):
    __slots__ = ("earn_rule_id",)
    EARN_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    earn_rule_id: str
    def __init__(self, earn_rule_id: _Optional[str] = ...) -> None: ...

class GetEarnRuleResponse(_message.Message):
    __slots__ = ("earn_rule",)
    EARN_RULE_FIELD_NUMBER: _ClassVar[int]
    earn_rule: _resources_pb2.EarnRule
    def __init__(self, earn_rule: _Optional[_Union[_resources_pb2.EarnRule, _Mapping]] = ...) -> None: ...

class ListEarnRulesRequest(_message.Message):
    __slots__ = ("program_id", "kind", "page_size", "page_token")
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    kind: _resources_pb2.EarnRuleKind
    page_size: int
    page_token: str
    def __init__(self, program_id: _Optional[str] = ..., kind: _Optional[_Union[_resources_pb2.EarnRuleKind, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListEarnRulesResponse(_message.Message):
    __slots__ = ("earn_rules", "next_page_token")
    EARN_RULES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    earn_rules: _containers.RepeatedCompositeFieldContainer[_resources_pb2.EarnRule]
    next_page_token: str
    def __init__(self, earn_rules: _Optional[_Iterable[_Union[_resources_pb2.EarnRule, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteEarnRuleRequest(_message.Message):
    __slots__ = ("request_id", "earn_rule_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    EARN_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    earn_rule_id: str
    def __init__(self, request_id: _Optional[str] = ..., earn_rule_id: _Optional[str] = ...) -> None: ...

class DeleteEarnRuleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateEarnCodesRequest(_message.Message):
    __slots__ = ("request_id", "program_id", "points", "count", "expire_time", "prefix", "length", "store_ids")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    STORE_IDS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    program_id: str
    points: int
    count: int
    expire_time: _timestamp_pb2.Timestamp
    prefix: str
    length: int
    store_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, request_id: _Optional[str] = ..., program_id: _Optional[str] = ..., points: _Optional[int] = ..., count: _Optional[int] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., prefix: _Optional[str] = ..., length: _Optional[int] = ..., store_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateEarnCodesResponse(_message.Message):
    __slots__ = ("earn_code_batch_id", "codes", "created_count", "total_count", "done")
    EARN_CODE_BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CODES_FIELD_NUMBER: _ClassVar[int]
    CREATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    earn_code_batch_id: str
    codes: _containers.RepeatedScalarFieldContainer[str]
    created_count: int
    total_count: int
    done: bool
    def __init__(self, earn_code_batch_id: _Optional[str] = ..., codes: _Optional[_Iterable[str]] = ..., created_count: _Optional[int] = ..., total_count: _Optional[int] = ..., done: _Optional[bool] = ...) -> None: ...

class CreateTierRequest(_message.Message):
    __slots__ = ("request_id", "tier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    tier: _resources_pb2.Tier
    def __init__(self, request_id: _Optional[str] = ..., tier: _Optional[_Union[_resources_pb2.Tier, _Mapping]] = ...) -> None: ...

class CreateTierResponse(_message.Message):
    __slots__ = ("tier",)
    TIER_FIELD_NUMBER: _ClassVar[int]
    tier: _resources_pb2.Tier
    def __init__(self, tier: _Optional[_Union[_resources_pb2.Tier, _Mapping]] = ...) -> None: ...

class ListTiersRequest(_message.Message):
    __slots__ = ("program_id",)
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    def __init__(self, program_id: _Optional[str] = ...) -> None: ...

class ListTiersResponse(_message.Message):
    __slots__ = ("tiers",)
    TIERS_FIELD_NUMBER: _ClassVar[int]
    tiers: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Tier]
    def __init__(self, tiers: _Optional[_Iterable[_Union[_resources_pb2.Tier, _Mapping]]] = ...) -> None: ...

class UpdateTierRequest(_message.Message):
    __slots__ = ("request_id", "tier", "update_mask")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    tier: _resources_pb2.Tier
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, request_id: _Optional[str] = ..., tier: _Optional[_Union[_resources_pb2.Tier, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateTierResponse(_message.Message):
    __slots__ = ("tier",)
    TIER_FIELD_NUMBER: _ClassVar[int]
    tier: _resources_pb2.Tier
    def __init__(self, tier: _Optional[_Union[_resources_pb2.Tier, _Mapping]] = ...) -> None: ...
