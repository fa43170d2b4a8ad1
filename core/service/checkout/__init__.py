"""Checkout baskets (CheckoutService): the service is `Checkout` (service.py); the requests are in
commands.py, what a basket keeps of its coupon reservations in holds.py."""

from core.service.checkout.commands import (AuthorizeBasket, CaptureBasket, ListBaskets, RefundBasket, Refunded,
                                            VoidBasket)
from core.service.checkout.service import Checkout

__all__ = ["AuthorizeBasket", "CaptureBasket", "Checkout", "ListBaskets", "RefundBasket", "Refunded", "VoidBasket"]
