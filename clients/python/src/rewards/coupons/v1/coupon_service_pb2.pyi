import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.accounts.v1 import resources_pb2 as _resources_pb2
from rewards.coupons.v1 import resources_pb2 as _resources_pb2_1
from rewards.type.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class IssueCouponRequest(_message.Message):
    __slots__ = ("request_id", "offer_id", "account_id", "code_series_id", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer_id: str
    account_id: str
    code_series_id: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., account_id: _Optional[str] = ..., code_series_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class IssueCouponResponse(_message.Message):
    __slots__ = ("coupon", "resent", "offer")
    COUPON_FIELD_NUMBER: _ClassVar[int]
    RESENT_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    resent: bool
    offer: _resources_pb2_1.Offer
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ..., resent: _Optional[bool] = ..., offer: _Optional[_Union[_resources_pb2_1.Offer, _Mapping]] = ...) -> None: ...

class BulkIssueCouponsRequest(_message.Message):
    __slots__ = ("request_id", "offer_id", "rows")
    class Row(_message.Message):
        __slots__ = ("account_id", "external_id", "mobile", "email", "code")
        ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
        EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
        MOBILE_FIELD_NUMBER: _ClassVar[int]
        EMAIL_FIELD_NUMBER: _ClassVar[int]
        CODE_FIELD_NUMBER: _ClassVar[int]
        account_id: str
        external_id: str
        mobile: str
        email: str
        code: str
        def __init__(self, account_id: _Optional[str] = ..., external_id: _Optional[str] = ..., mobile: _Optional[str] = ..., email: _Optional[str] = ..., code: _Optional[str] = ...) -> None: ...
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    offer_id: str
    rows: _containers.RepeatedCompositeFieldContainer[BulkIssueCouponsRequest.Row]
    def __init__(self, request_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[BulkIssueCouponsRequest.Row, _Mapping]]] = ...) -> None: ...

class BulkIssueCouponsResponse(_message.Message):
    __slots__ = ("request_id", "issued_count", "failed_count", "rows")
    class Row(_message.Message):
        __slots__ = ("row_index", "account_id", "coupon", "reason")
        ROW_INDEX_FIELD_NUMBER: _ClassVar[int]
        ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
        COUPON_FIELD_NUMBER: _ClassVar[int]
        REASON_FIELD_NUMBER: _ClassVar[int]
        row_index: int
        account_id: str
        coupon: _resources_pb2_1.Coupon
        reason: str
        def __init__(self, row_index: _Optional[int] = ..., account_id: _Optional[str] = ..., coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUED_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    issued_count: int
    failed_count: int
    rows: _containers.RepeatedCompositeFieldContainer[BulkIssueCouponsResponse.Row]
    def __init__(self, request_id: _Optional[str] = ..., issued_count: _Optional[int] = ..., failed_count: _Optional[int] = ..., rows: _Optional[_Iterable[_Union[BulkIssueCouponsResponse.Row, _Mapping]]] = ...) -> None: ...

class GetCouponRequest(_message.Message):
    __slots__ = ("code", "account_id", "account_identifier")
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    code: str
    account_id: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, code: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class GetCouponResponse(_message.Message):
    __slots__ = ("coupon", "content")
    COUPON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    content: _resources_pb2_1.OfferContent
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ..., content: _Optional[_Union[_resources_pb2_1.OfferContent, _Mapping]] = ...) -> None: ...

class GetAccountCouponRequest(_message.Message):
    __slots__ = ("account_coupon_id",)
    ACCOUNT_COUPON_ID_FIELD_NUMBER: _ClassVar[int]
    account_coupon_id: str
    def __init__(self, account_coupon_id: _Optional[str] = ...) -> None: ...

class GetAccountCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ...) -> None: ...

class ActivateCouponRequest(_message.Message):
    __slots__ = ("request_id", "code", "account_id", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code: str
    account_id: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., code: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class ActivateCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ...) -> None: ...

class DeactivateCouponRequest(_message.Message):
    __slots__ = ("request_id", "code", "account_id", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code: str
    account_id: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., code: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class DeactivateCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ...) -> None: ...

class ValidateCouponRequest(_message.Message):
    __slots__ = ("code", "account_id", "store_id", "bill_amount", "zone_id", "interaction_point_id", "account_coupon_id", "account_identifier", "bill_lines", "concept_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_COUPON_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    BILL_LINES_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    account_id: str
    store_id: str
    bill_amount: _money_pb2.Money
    zone_id: str
    interaction_point_id: str
    account_coupon_id: str
    account_identifier: _resources_pb2.Identifier
    bill_lines: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.BillLine]
    concept_id: str
    def __init__(self, code: _Optional[str] = ..., account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., zone_id: _Optional[str] = ..., interaction_point_id: _Optional[str] = ..., account_coupon_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., bill_lines: _Optional[_Iterable[_Union[_resources_pb2_1.BillLine, _Mapping]]] = ..., concept_id: _Optional[str] = ...) -> None: ...

class ValidateCouponResponse(_message.Message):
    __slots__ = ("redeemable", "reason", "reward", "coupon", "validate_time", "reasons", "content")
    REDEEMABLE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    redeemable: bool
    reason: str
    reward: _resources_pb2_1.AppliedReward
    coupon: _resources_pb2_1.Coupon
    validate_time: _timestamp_pb2.Timestamp
    reasons: _containers.RepeatedScalarFieldContainer[str]
    content: _resources_pb2_1.OfferContent
    def __init__(self, redeemable: _Optional[bool] = ..., reason: _Optional[str] = ..., reward: _Optional[_Union[_resources_pb2_1.AppliedReward, _Mapping]] = ..., coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ..., validate_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reasons: _Optional[_Iterable[str]] = ..., content: _Optional[_Union[_resources_pb2_1.OfferContent, _Mapping]] = ...) -> None: ...

class RedeemCouponRequest(_message.Message):
    __slots__ = ("request_id", "code", "account_id", "store_id", "bill_amount", "transaction_id", "zone_id", "interaction_point_id", "account_coupon_id", "account_identifier", "bill_lines", "concept_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_COUPON_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    BILL_LINES_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code: str
    account_id: str
    store_id: str
    bill_amount: _money_pb2.Money
    transaction_id: str
    zone_id: str
    interaction_point_id: str
    account_coupon_id: str
    account_identifier: _resources_pb2.Identifier
    bill_lines: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.BillLine]
    concept_id: str
    def __init__(self, request_id: _Optional[str] = ..., code: _Optional[str] = ..., account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., transaction_id: _Optional[str] = ..., zone_id: _Optional[str] = ..., interaction_point_id: _Optional[str] = ..., account_coupon_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., bill_lines: _Optional[_Iterable[_Union[_resources_pb2_1.BillLine, _Mapping]]] = ..., concept_id: _Optional[str] = ...) -> None: ...

class BatchRedeemCouponsRequest(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[RedeemCouponRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[RedeemCouponRequest, _Mapping]]] = ...) -> None: ...

class BatchRedeemCouponsResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BatchRedeemCouponResult]
    def __init__(self, results: _Optional[_Iterable[_Union[BatchRedeemCouponResult, _Mapping]]] = ...) -> None: ...

class BatchRedeemCouponResult(_message.Message):
    __slots__ = ("response", "error")
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    response: RedeemCouponResponse
    error: ItemError
    def __init__(self, response: _Optional[_Union[RedeemCouponResponse, _Mapping]] = ..., error: _Optional[_Union[ItemError, _Mapping]] = ...) -> None: ...

class ItemError(_message.Message):
    __slots__ = ("code", "message", "reason", "domain", "metadata", "retry_delay")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    RETRY_DELAY_FIELD_NUMBER: _ClassVar[int]
    code: int
    message: str
    reason: str
    domain: str
    metadata: _containers.ScalarMap[str, str]
    retry_delay: _duration_pb2.Duration
    def __init__(self, code: _Optional[int] = ..., message: _Optional[str] = ..., reason: _Optional[str] = ..., domain: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ..., retry_delay: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class RedeemCouponResponse(_message.Message):
    __slots__ = ("redemption_id", "reward", "coupon", "redeem_time", "remaining_account_redemption_count", "remaining_redemption_count")
    REDEMPTION_ID_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    REDEEM_TIME_FIELD_NUMBER: _ClassVar[int]
    REMAINING_ACCOUNT_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    redemption_id: str
    reward: _resources_pb2_1.AppliedReward
    coupon: _resources_pb2_1.Coupon
    redeem_time: _timestamp_pb2.Timestamp
    remaining_account_redemption_count: int
    remaining_redemption_count: int
    def __init__(self, redemption_id: _Optional[str] = ..., reward: _Optional[_Union[_resources_pb2_1.AppliedReward, _Mapping]] = ..., coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ..., redeem_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., remaining_account_redemption_count: _Optional[int] = ..., remaining_redemption_count: _Optional[int] = ...) -> None: ...

class ReverseRedemptionRequest(_message.Message):
    __slots__ = ("request_id", "redemption_id", "note")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    REDEMPTION_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    redemption_id: str
    note: str
    def __init__(self, request_id: _Optional[str] = ..., redemption_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ReverseRedemptionResponse(_message.Message):
    __slots__ = ("coupon", "reverse_time")
    COUPON_FIELD_NUMBER: _ClassVar[int]
    REVERSE_TIME_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    reverse_time: _timestamp_pb2.Timestamp
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ..., reverse_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RevokeCouponRequest(_message.Message):
    __slots__ = ("request_id", "code", "account_id", "note", "account_identifier")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code: str
    account_id: str
    note: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, request_id: _Optional[str] = ..., code: _Optional[str] = ..., account_id: _Optional[str] = ..., note: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class RevokeCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: _resources_pb2_1.Coupon
    def __init__(self, coupon: _Optional[_Union[_resources_pb2_1.Coupon, _Mapping]] = ...) -> None: ...

class ListAccountCouponsRequest(_message.Message):
    __slots__ = ("account_id", "offer_id", "account_identifier", "page_size", "page_token")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    offer_id: str
    account_identifier: _resources_pb2.Identifier
    page_size: int
    page_token: str
    def __init__(self, account_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAccountCouponsResponse(_message.Message):
    __slots__ = ("coupons", "next_page_token")
    COUPONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    coupons: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.Coupon]
    next_page_token: str
    def __init__(self, coupons: _Optional[_Iterable[_Union[_resources_pb2_1.Coupon, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListDealsRequest(_message.Message):
    __slots__ = ("account_id", "store_id", "page_size", "page_token", "zone_id", "interaction_point_id", "account_identifier", "concept_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    store_id: str
    page_size: int
    page_token: str
    zone_id: str
    interaction_point_id: str
    account_identifier: _resources_pb2.Identifier
    concept_id: str
    def __init__(self, account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., zone_id: _Optional[str] = ..., interaction_point_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., concept_id: _Optional[str] = ...) -> None: ...

class ListDealsResponse(_message.Message):
    __slots__ = ("deals", "next_page_token")
    DEALS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    deals: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.Deal]
    next_page_token: str
    def __init__(self, deals: _Optional[_Iterable[_Union[_resources_pb2_1.Deal, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ResendCouponRequest(_message.Message):
    __slots__ = ("request_id", "code", "account_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code: str
    account_id: str
    def __init__(self, request_id: _Optional[str] = ..., code: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...

class ResendCouponResponse(_message.Message):
    __slots__ = ("message_id", "channel")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    channel: _resources_pb2_1.DeliveryChannel
    def __init__(self, message_id: _Optional[str] = ..., channel: _Optional[_Union[_resources_pb2_1.DeliveryChannel, str]] = ...) -> None: ...
