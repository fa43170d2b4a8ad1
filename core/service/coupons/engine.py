"""The coupon engine of one worker: offer cache, Redis scripts, ledger writes (Coupons)."""

from __future__ import annotations

from core.adapters.redis.state import StateGuard
from core.service.context import Deps
from core.service.coupons.base import OfferCodeCache
from core.service.coupons.issuance import IssuancePart
from core.service.coupons.lifecycle import LifecyclePart
from core.service.coupons.offers import OfferPart
from core.service.coupons.ports import PointsPayer
from core.service.coupons.queries import QueryPart
from core.service.coupons.recovery import RecoveryPart
from core.service.coupons.redemption import RedemptionPart
from core.service.coupons.series import CodeSeriesBook
from core.service.coupons.stores import CouponStores


class Coupons(OfferPart, IssuancePart, LifecyclePart, QueryPart, RedemptionPart, RecoveryPart):
    """The coupon engine: offers, issuance, lifecycle, reads, redemption, recovery (one module
    each), on the stores given or built from `deps`."""

    def __init__(self, deps: Deps, guard: StateGuard, *, stores: CouponStores | None = None,
                 payer: PointsPayer | None = None) -> None:
        self._deps = deps
        self._guard = guard
        self._stores = stores or CouponStores.of(deps)
        self._offers = self._stores.offers
        self._coupon_store = self._stores.coupons
        self._redemptions = self._stores.redemptions
        self._code_series = self._stores.code_series
        self._pools = self._stores.pools
        self._payer = payer
        """Debits the points price of REWARD coupons (the loyalty context's wallet)."""
        self._codes = OfferCodeCache()
        self.series = CodeSeriesBook(deps, guard, self._stores, self._codes)
        """Code series: CreateCodeSeries, GenerateCodes, ImportCodes."""

