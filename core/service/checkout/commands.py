"""The requests of CheckoutService, and RefundBasket's stored answer."""

from __future__ import annotations

from dataclasses import dataclass

from core.domain.checkout import Basket, BasketInput, BasketRefund, ReturnedLine
from core.service.accounts import AccountRef


@dataclass(frozen=True, slots=True)
class AuthorizeBasket:
    request_id: str
    account: AccountRef
    basket: BasketInput
    otp_id: str = ""
    otp_code: str = ""
    earn_points: bool = False
    skip_invalid_coupons: bool = False
    burn_amount: tuple[int, str] | None = None
    """A points burn asked in money (minor units, currency): converted by the program's
    points_value (core/service/points/points_money.py); then basket.burn_points is None."""
    burn_points_asked: int = 0
    """With burn_amount: the points the request named as well (any but 0 is refused)."""


@dataclass(frozen=True, slots=True)
class CaptureBasket:
    request_id: str
    basket_id: str
    final_total_minor: int | None = None
    final_currency_code: str = ""


@dataclass(frozen=True, slots=True)
class VoidBasket:
    request_id: str
    basket_id: str


@dataclass(frozen=True, slots=True)
class RefundBasket:
    request_id: str
    basket_id: str
    lines: tuple[ReturnedLine, ...] = ()
    """Empty: everything not returned yet."""


@dataclass(frozen=True, slots=True)
class ListBaskets:
    account: AccountRef
    states: tuple[int, ...] = ()
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class Refunded:
    """RefundBasket's answer, as stored for its retries."""

    refund: BasketRefund
    basket: Basket

    def to_json(self) -> dict:
        return {"refund": self.refund.to_json(), "basket": self.basket.to_json()}

    @classmethod
    def from_json(cls, data: dict) -> Refunded:
        return cls(BasketRefund.from_json(data["refund"]), Basket.from_json(data["basket"]))
