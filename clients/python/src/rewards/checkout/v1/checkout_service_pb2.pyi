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
    __slots__ = ("request_id", "account_id", "store_id", "transaction_id", "lines", "total_amount", "coupon_codes", "points_burn", "earn_points", "payment_card_type", "skip_invalid_coupons", "account_identifier", "zone_id", "interaction_point_id", "hold_duration", "concept_id", "account_coupon_ids")
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
    CONCEPT_ID_FIELD_NUMBER: _ClassVar[int]
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
    concept_id: str
    account_coupon_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., transaction_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_resources_pb2_1.BasketLine, _Mapping]]] = ..., total_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., coupon_codes: _Optional[_Iterable[str]] = ..., points_burn: _Optional[_Union[_resources_pb2_1.PointsBurn, _Mapping]] = ..., earn_points: _Optional[bool] = ..., payment_card_type: _Optional[str] = ..., skip_invalid_coupons: _Optional[bool] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., zone_id: _Optional[str] = ..., interaction_point_id: _Optional[str] = ..., hold_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., concept_id: _Optional[str] = ..., account_coupon_ids: _Optional[_Iterable[str]] = ...) -> None: ...

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

class ListBasketsRequest(_message.Message):
    __slots__ = ("account_id", "account_identifier", "states", "page_size", "page_token")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    STATES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    account_identifier: _resources_pb2.Identifier
    states: _containers.RepeatedScalarFieldContainer[_resources_pb2_1.BasketState]
    page_size: int
    page_token: str
    def __init__(self, account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., states: _Optional[_Iterable[_Union[_resources_pb2_1.BasketState, str]]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListBasketsResponse(_message.Message):
    __slots__ = ("baskets", "next_page_token")
    BASKETS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    baskets: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.Basket]
    next_page_token: str
    def __init__(self, baskets: _Optional[_Iterable[_Union[_resources_pb2_1.Basket, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RefundBasketRequest(_message.Message):
    __slots__ = ("request_id", "basket_id", "lines")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    BASKET_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    basket_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.ReturnedLine]
    def __init__(self, request_id: _Optional[str] = ..., basket_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_resources_pb2_1.ReturnedLine, _Mapping]]] = ...) -> None: ...

class RefundBasketResponse(_message.Message):
    __slots__ = ("refund", "basket")
    REFUND_FIELD_NUMBER: _ClassVar[int]
    BASKET_FIELD_NUMBER: _ClassVar[int]
    refund: _resources_pb2_1.BasketRefund
    basket: _resources_pb2_1.Basket
    def __init__(self, refund: _Optional[_Union[_resources_pb2_1.BasketRefund, _Mapping]] = ..., basket: _Optional[_Union[_resources_pb2_1.Basket, _Mapping]] = ...) -> None: ...
