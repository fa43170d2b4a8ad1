"""The requests of the points engine (LoyaltyService), as the servicer builds them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.domain.errors import DomainError
from core.domain.receipts import ReceiptDetail
from core.service.accounts import AccountRef
from core.service.points.results import PointsTransaction


@dataclass(frozen=True, slots=True)
class EarnPoints:
    request_id: str
    account: AccountRef
    store_id: str
    transaction_id: str
    bill_minor: int
    currency_code: str
    coupon_codes: tuple[str, ...] = ()
    payment_card_type: str = ""
    lines: tuple[tuple[str, int, int, str], ...] = ()
    """(sku, quantity, amount in minor units, its currency)."""
    receipt_details: tuple[ReceiptDetail, ...] = ()
    receipt_type: int = 0
    """A ReceiptType value; 0: by the number of details."""
    posted_by: str = ""
    interaction_point_id: str = ""
    """The interaction point the request named (store_id is then its store)."""


@dataclass(frozen=True, slots=True)
class EarnByCode:
    request_id: str
    account: AccountRef
    code: str
    store_id: str = ""


@dataclass(frozen=True, slots=True)
class AllocateEvent:
    request_id: str
    account: AccountRef
    event: int
    custom_event: str = ""
    referrer_account_id: str = ""


@dataclass(frozen=True, slots=True)
class RequestOtp:
    request_id: str
    account: AccountRef
    points: int
    user_id: str = ""
    amount: tuple[int, str] | None = None
    """The burn in money instead of points: (minor units, currency code)."""


@dataclass(frozen=True, slots=True)
class RedeemPoints:
    request_id: str
    account: AccountRef
    points: int
    otp_id: str
    otp_code: str
    store_id: str = ""
    transaction_id: str = ""
    amount: tuple[int, str] | None = None
    """The burn in money instead of points: (minor units, currency code)."""
    interaction_point_id: str = ""


@dataclass(frozen=True, slots=True)
class RefundPoints:
    request_id: str
    points_transaction_id: str
    points: int = 0
    note: str = ""


@dataclass(frozen=True, slots=True)
class ListTransactions:
    account: AccountRef
    types: tuple[int, ...] = ()
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class ListLuckyDrawEntries:
    """By account (`account` names one) or by program and draw period (`program_id`)."""

    account: AccountRef
    program_id: str = ""
    draw_period: str = ""
    active_only: bool = False
    page_size: int = 0
    page_token: str = ""


# --- operators (core/service/points/admin.py) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class VoidTransaction:
    request_id: str
    points_transaction_id: str
    operator: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class AdjustPoints:
    request_id: str
    account: AccountRef
    points: int
    reason: str
    operator: str = ""


@dataclass(frozen=True, slots=True)
class AllocateRow:
    request_id: str
    account: AccountRef
    points: int
    reason: str


@dataclass(frozen=True, slots=True)
class RowResult:
    index: int
    request_id: str
    transaction: PointsTransaction | None = None
    error: DomainError | None = None
