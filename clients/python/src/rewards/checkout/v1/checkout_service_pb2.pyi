import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from rewards.accounts.v1 import resources_pb2 as _resources_pb2
from rewards.checkout.v1 import resources_pb2 as _resources_pb2_1
from rewards.type.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AuthorizeBasketRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "store_id", "transaction_id", "lines", "total_amount", "coupon_codes", "points_burn", "earn_points", "payment_card_type", "skip_invalid_coupons", "account_identifier", "zone_id", "interaction_point_id", "hold_duration", "account_coupon_ids")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    COUPON_CODES_FIELD_NUMBER: _ClassVar[int]
    POINTS_BURN_FIELD_NUMBER: _ClassVar[int]
    EARN_POINTS_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_CARD_TYPE_FIELD_NUMBER: _ClassVar[int]
    SKIP_INVALID_COUPONS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    HOLD_DURATION_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_COUPON_IDS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    store_id: str
    transaction_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.BasketLine]
    total_amount: _money_pb2.Money
    coupon_codes: _containers.RepeatedScalarFieldContainer[str]
    points_burn: _resources_pb2_1.PointsBurn
    earn_points: bool
    payment_card_type: str
    skip_invalid_coupons: bool
    account_identifier: _resources_pb2.Identifier
    zone_id: str
    interaction_point_id: str
    hold_duration: _duration_pb2.Duration
    account_coupon_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., transaction_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_resources_pb2_1.BasketLine, _Mapping]]] = ..., total_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., coupon_codes: _Optional[_Iterable[str]] = ..., points_burn: _Optional[_Union[_resources_pb2_1.PointsBurn, _Mapping]] = ..., earn_points: _Optional[bool] = ..., payment_card_type: _Optional[str] = ..., skip_invalid_coupons: _Optional[bool] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., zone_id: _Optional[str] = ..., interaction_point_id: _Optional[str] = ..., hold_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., account_coupon_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class AuthorizeBasketResponse(_message.Message):
    __slots__ = ("basket",)
    BASKET_FIELD_NUMBER: _ClassVar[int]
    basket: _resources_pb2_1.Basket
    def __init__(self, basket: _Optional[_Union[_resources_pb2_1.Basket, _Mapping]] = ...) -> None: ...

class CaptureBasketRequest(_message.Message):
    __slots__ = ("request_id", "basket_id", "final_total_amount")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    BASKET_ID_FIELD_NUMBER: _ClassVar[int]
    FINAL_TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    basket_id: str
    final_total_amount: _money_pb2.Money
    def __init__(self, request_id: _Optional[str] = ..., basket_id: _Optional[str] = ..., final_total_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class CaptureBasketResponse(_message.Message):
    __slots__ = ("basket",)
    BASKET_FIELD_NUMBER: _ClassVar[int]
    basket: _resources_pb2_1.Basket
    def __init__(self, basket: _Optional[_Union[_resources_pb2_1.Basket, _Mapping]] = ...) -> None: ...

class VoidBasketRequest(_message.Message):
    __slots__ = ("request_id", "basket_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    BASKET_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    basket_id: str
    def __init__(self, request_id: _Optional[str] = ..., basket_id: _Optional[str] = ...) -> None: ...

class VoidBasketResponse(_message.Message):
    __slots__ = ("basket",)
    BASKET_FIELD_NUMBER: _ClassVar[int]
    basket: _resources_pb2_1.Basket
    def __init__(self, basket: _Optional[_Union[_resources_pb2_1.Basket, _Mapping]] = ...) -> None: ...

class GetBasketRequest(_message.Message):
    __slots__ = ("basket_id",)
    BASKET_ID_FIELD_NUMBER: _ClassVar[int]
    basket_id: str
    def __init__(self, basket_id: _Optional[str] = ...) -> None: ...

class GetBasketResponse(_message.Message):
    __slots__ = ("basket",)
    BASKET_FIELD_NUMBER: _ClassVar[int]
    basket: _resources_pb2_1.Basket
    def __init__(self, basket: _Optional[_Union[_resources_pb2_1.Basket, _Mapping]] = ...) -> None: ...
