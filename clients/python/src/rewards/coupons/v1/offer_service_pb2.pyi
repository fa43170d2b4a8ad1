import datetime

from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.coupons.v1 import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RevocationMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVOCATION_MODE_UNSPECIFIED: _ClassVar[RevocationMode]
    REVOCATION_MODE_ALL_UNREDEEMED: _ClassVar[RevocationMode]
    REVOCATION_MODE_UNISSUED_ONLY: _ClassVar[RevocationMode]
    REVOCATION_MODE_CUSTOMERS: _ClassVar[RevocationMode]
REVOCATION_MODE_UNSPECIFIED: RevocationMode
REVOCATION_MODE_ALL_UNREDEEMED: RevocationMode
REVOCATION_MODE_UNISSUED_ONLY: RevocationMode
REVOCATION_MODE_CUSTOMERS: RevocationMode

class CreateOfferRequest(_message.Message):
    __slots__ = ("request_id", "offer")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer: _resources_pb2.Offer
    def __init__(self, request_id: _Optional[str] = ..., offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ...) -> None: ...

class CreateOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: _resources_pb2.Offer
    def __init__(self, offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ...) -> None: ...

class GetOfferRequest(_message.Message):
    __slots__ = ("offer_id",)
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    def __init__(self, offer_id: _Optional[str] = ...) -> None: ...

class GetOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: _resources_pb2.Offer
    def __init__(self, offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ...) -> None: ...

class UpdateOfferRequest(_message.Message):
    __slots__ = ("request_id", "offer", "update_mask")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer: _resources_pb2.Offer
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, request_id: _Optional[str] = ..., offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: _resources_pb2.Offer
    def __init__(self, offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ...) -> None: ...

class ListOffersRequest(_message.Message):
    __slots__ = ("program_id", "states", "page_size", "page_token", "store_id", "zone_id", "concept_id")
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    STATES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_ID_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    states: _containers.RepeatedScalarFieldContainer[_resources_pb2.OfferState]
    page_size: int
    page_token: str
    store_id: str
    zone_id: str
    concept_id: str
    def __init__(self, program_id: _Optional[str] = ..., states: _Optional[_Iterable[_Union[_resources_pb2.OfferState, str]]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., store_id: _Optional[str] = ..., zone_id: _Optional[str] = ..., concept_id: _Optional[str] = ...) -> None: ...

class ListOffersResponse(_message.Message):
    __slots__ = ("offers", "next_page_token")
    OFFERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    offers: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Offer]
    next_page_token: str
    def __init__(self, offers: _Optional[_Iterable[_Union[_resources_pb2.Offer, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ActivateOfferRequest(_message.Message):
    __slots__ = ("request_id", "offer_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer_id: str
    def __init__(self, request_id: _Optional[str] = ..., offer_id: _Optional[str] = ...) -> None: ...

class ActivateOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: _resources_pb2.Offer
    def __init__(self, offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ...) -> None: ...

class DeactivateOfferRequest(_message.Message):
    __slots__ = ("request_id", "offer_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer_id: str
    def __init__(self, request_id: _Optional[str] = ..., offer_id: _Optional[str] = ...) -> None: ...

class DeactivateOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: _resources_pb2.Offer
    def __init__(self, offer: _Optional[_Union[_resources_pb2.Offer, _Mapping]] = ...) -> None: ...

class CreateCodeSeriesRequest(_message.Message):
    __slots__ = ("request_id", "code_series")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_SERIES_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code_series: _resources_pb2.CodeSeries
    def __init__(self, request_id: _Optional[str] = ..., code_series: _Optional[_Union[_resources_pb2.CodeSeries, _Mapping]] = ...) -> None: ...

class CreateCodeSeriesResponse(_message.Message):
    __slots__ = ("code_series",)
    CODE_SERIES_FIELD_NUMBER: _ClassVar[int]
    code_series: _resources_pb2.CodeSeries
    def __init__(self, code_series: _Optional[_Union[_resources_pb2.CodeSeries, _Mapping]] = ...) -> None: ...

class GenerateCodesRequest(_message.Message):
    __slots__ = ("request_id", "code_series_id", "count")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code_series_id: str
    count: int
    def __init__(self, request_id: _Optional[str] = ..., code_series_id: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class GenerateCodesResponse(_message.Message):
    __slots__ = ("generated_count", "total_count", "done")
    GENERATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    generated_count: int
    total_count: int
    done: bool
    def __init__(self, generated_count: _Optional[int] = ..., total_count: _Optional[int] = ..., done: _Optional[bool] = ...) -> None: ...

class ImportCodesRequest(_message.Message):
    __slots__ = ("request_id", "code_series_id", "codes")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    CODES_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code_series_id: str
    codes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, request_id: _Optional[str] = ..., code_series_id: _Optional[str] = ..., codes: _Optional[_Iterable[str]] = ...) -> None: ...

class ImportCodesResponse(_message.Message):
    __slots__ = ("imported_count", "rejected_count", "rejected_rows")
    class RejectedRow(_message.Message):
        __slots__ = ("row_index", "code", "reason")
        ROW_INDEX_FIELD_NUMBER: _ClassVar[int]
        CODE_FIELD_NUMBER: _ClassVar[int]
        REASON_FIELD_NUMBER: _ClassVar[int]
        row_index: int
        code: str
        reason: str
        def __init__(self, row_index: _Optional[int] = ..., code: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
    IMPORTED_COUNT_FIELD_NUMBER: _ClassVar[int]
    REJECTED_COUNT_FIELD_NUMBER: _ClassVar[int]
    REJECTED_ROWS_FIELD_NUMBER: _ClassVar[int]
    imported_count: int
    rejected_count: int
    rejected_rows: _containers.RepeatedCompositeFieldContainer[ImportCodesResponse.RejectedRow]
    def __init__(self, imported_count: _Optional[int] = ..., rejected_count: _Optional[int] = ..., rejected_rows: _Optional[_Iterable[_Union[ImportCodesResponse.RejectedRow, _Mapping]]] = ...) -> None: ...

class RevokeCouponsRequest(_message.Message):
    __slots__ = ("request_id", "offer_id", "mode", "account_ids", "note")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer_id: str
    mode: RevocationMode
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    note: str
    def __init__(self, request_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., mode: _Optional[_Union[RevocationMode, str]] = ..., account_ids: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ...) -> None: ...

class RevokeCouponsResponse(_message.Message):
    __slots__ = ("revocation_id", "revoked_count", "redeemed_count", "revoke_time")
    REVOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_COUNT_FIELD_NUMBER: _ClassVar[int]
    REDEEMED_COUNT_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    revocation_id: str
    revoked_count: int
    redeemed_count: int
    revoke_time: _timestamp_pb2.Timestamp
    def __init__(self, revocation_id: _Optional[str] = ..., revoked_count: _Optional[int] = ..., redeemed_count: _Optional[int] = ..., revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AddOfferCustomersRequest(_message.Message):
    __slots__ = ("request_id", "offer_id", "account_ids")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer_id: str
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, request_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., account_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class AddOfferCustomersResponse(_message.Message):
    __slots__ = ("added_count",)
    ADDED_COUNT_FIELD_NUMBER: _ClassVar[int]
    added_count: int
    def __init__(self, added_count: _Optional[int] = ...) -> None: ...
