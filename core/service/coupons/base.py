"""What every part of the coupon engine holds: its dependencies and stores (see engine.Coupons)."""

from __future__ import annotations

import time

from core.adapters.postgres.code_series import CodeSeriesStore
from core.adapters.postgres.coupons import CouponStore
from core.adapters.postgres.offers import OfferStore
from core.adapters.postgres.redemptions import RedemptionStore
from core.adapters.redis.coupons import CouponRedis
from core.adapters.redis.state import StateGuard
from core.domain.coupons import Offer
from core.service.context import Deps
from core.service.coupons.ports import PointsPayer
from core.service.coupons.stores import CouponStores

RESERVATION_TTL_MS = 30_000
"""A reservation not confirmed or released by then is settled by the recovery sweep."""
OFFER_CACHE_SECONDS = 2.0
"""How long a worker serves a common code's offer from its cache."""
CODE_LENGTH = 10
"""The length of a code made at issue for an offer without series."""


class OfferCodeCache:
    """A worker's cache of the offers of common codes (OFFER_CACHE_SECONDS), shared by the parts
    that change a common code or an offer."""

    def __init__(self) -> None:
        self._by_code: dict[tuple[str, str], tuple[Offer, float]] = {}

    def get(self, org_id: str, code: str) -> Offer | None:
        cached = self._by_code.get((org_id, code))
        if cached is not None and time.monotonic() - cached[1] < OFFER_CACHE_SECONDS:
            return cached[0]
        return None

    def put(self, org_id: str, code: str, offer: Offer) -> None:
        self._by_code[(org_id, code)] = (offer, time.monotonic())

    def forget(self, org_id: str, code: str) -> None:
        self._by_code.pop((org_id, code), None)


def now_ms(deps: Deps) -> int:
    return int(deps.clock.now().timestamp() * 1000)


class EngineBase:
    """The attributes the parts (offers, issuance, lifecycle, queries, redemption, recovery) share."""

    _deps: Deps
    _stores: CouponStores
    _guard: StateGuard
    _offers: OfferStore
    _coupon_store: CouponStore
    _redemptions: RedemptionStore
    _code_series: CodeSeriesStore
    _pools: CouponRedis
    _payer: PointsPayer | None
    _codes: OfferCodeCache
