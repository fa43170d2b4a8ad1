import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.coupons.v1 import resources_pb2 as _resources_pb2
from rewards.type.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BasketState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BASKET_STATE_UNSPECIFIED: _ClassVar[BasketState]
    BASKET_STATE_AUTHORIZED: _ClassVar[BasketState]
    BASKET_STATE_CAPTURED: _ClassVar[BasketState]
    BASKET_STATE_VOIDED: _ClassVar[BasketState]
    BASKET_STATE_EXPIRED: _ClassVar[BasketState]
BASKET_STATE_UNSPECIFIED: BasketState
BASKET_STATE_AUTHORIZED: BasketState
BASKET_STATE_CAPTURED: BasketState
BASKET_STATE_VOIDED: BasketState
BASKET_STATE_EXPIRED: BasketState

class BasketLine(_message.Message):
    __slots__ = ("sku", "item_count", "line_amount", "category")
    SKU_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    LINE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    sku: str
    item_count: int
    line_amount: _money_pb2.Money
    category: str
    def __init__(self, sku: _Optional[str] = ..., item_count: _Optional[int] = ..., line_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., category: _Optional[str] = ...) -> None: ...

class PointsBurn(_message.Message):
    __slots__ = ("points", "otp_id", "otp_code", "amount")
    POINTS_FIELD_NUMBER: _ClassVar[int]
    OTP_ID_FIELD_NUMBER: _ClassVar[int]
    OTP_CODE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    points: int
    otp_id: str
    otp_code: str
    amount: _money_pb2.Money
    def __init__(self, points: _Optional[int] = ..., otp_id: _Optional[str] = ..., otp_code: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class CouponResult(_message.Message):
    __slots__ = ("code", "applied", "reason", "reward", "redemption_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    REDEMPTION_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    applied: bool
    reason: str
    reward: _resources_pb2.AppliedReward
    redemption_id: str
    def __init__(self, code: _Optional[str] = ..., applied: _Optional[bool] = ..., reason: _Optional[str] = ..., reward: _Optional[_Union[_resources_pb2.AppliedReward, _Mapping]] = ..., redemption_id: _Optional[str] = ...) -> None: ...

class Basket(_message.Message):
    __slots__ = ("basket_id", "state", "account_id", "store_id", "transaction_id", "lines", "total_amount", "coupon_results", "discount_amount", "payable_amount", "burned_points", "earned_points", "authorize_time", "expire_time", "capture_time", "void_time", "earn_points_transaction_id", "burn_points_transaction_id", "refunds", "burned_points_value")
    BASKET_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    COUPON_RESULTS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    PAYABLE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    BURNED_POINTS_FIELD_NUMBER: _ClassVar[int]
    EARNED_POINTS_FIELD_NUMBER: _ClassVar[int]
    AUTHORIZE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_TIME_FIELD_NUMBER: _ClassVar[int]
    VOID_TIME_FIELD_NUMBER: _ClassVar[int]
    EARN_POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    BURN_POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    REFUNDS_FIELD_NUMBER: _ClassVar[int]
    BURNED_POINTS_VALUE_FIELD_NUMBER: _ClassVar[int]
    basket_id: str
    state: BasketState
    account_id: str
    store_id: str
    transaction_id: str
    lines: _containers.RepeatedCompositeFieldContainer[BasketLine]
    total_amount: _money_pb2.Money
    coupon_results: _containers.RepeatedCompositeFieldContainer[CouponResult]
    discount_amount: _money_pb2.Money
    payable_amount: _money_pb2.Money
    burned_points: int
    earned_points: int
    authorize_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    capture_time: _timestamp_pb2.Timestamp
    void_time: _timestamp_pb2.Timestamp
    earn_points_transaction_id: str
    burn_points_transaction_id: str
    refunds: _containers.RepeatedCompositeFieldContainer[BasketRefund]
    burned_points_value: _money_pb2.Money
    def __init__(self, basket_id: _Optional[str] = ..., state: _Optional[_Union[BasketState, str]] = ..., account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., transaction_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[BasketLine, _Mapping]]] = ..., total_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., coupon_results: _Optional[_Iterable[_Union[CouponResult, _Mapping]]] = ..., discount_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., payable_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., burned_points: _Optional[int] = ..., earned_points: _Optional[int] = ..., authorize_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., capture_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., void_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., earn_points_transaction_id: _Optional[str] = ..., burn_points_transaction_id: _Optional[str] = ..., refunds: _Optional[_Iterable[_Union[BasketRefund, _Mapping]]] = ..., burned_points_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class ReturnedLine(_message.Message):
    __slots__ = ("line_index", "item_count")
    LINE_INDEX_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    line_index: int
    item_count: int
    def __init__(self, line_index: _Optional[int] = ..., item_count: _Optional[int] = ...) -> None: ...

class BasketRefund(_message.Message):
    __slots__ = ("refund_id", "lines", "returned_amount", "refunded_points", "refund_points_transaction_id", "reversed_redemption_ids", "refund_time")
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RETURNED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REFUNDED_POINTS_FIELD_NUMBER: _ClassVar[int]
    REFUND_POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    REVERSED_REDEMPTION_IDS_FIELD_NUMBER: _ClassVar[int]
    REFUND_TIME_FIELD_NUMBER: _ClassVar[int]
    refund_id: str
    lines: _containers.RepeatedCompositeFieldContainer[ReturnedLine]
    returned_amount: _money_pb2.Money
    refunded_points: int
    refund_points_transaction_id: str
    reversed_redemption_ids: _containers.RepeatedScalarFieldContainer[str]
    refund_time: _timestamp_pb2.Timestamp
    def __init__(self, refund_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[ReturnedLine, _Mapping]]] = ..., returned_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., refunded_points: _Optional[int] = ..., refund_points_transaction_id: _Optional[str] = ..., reversed_redemption_ids: _Optional[_Iterable[str]] = ..., refund_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
