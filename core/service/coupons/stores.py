"""The stores the coupon engine runs on, built from the process's deps or given (fakes in tests)."""

from __future__ import annotations

from dataclasses import dataclass

from core.adapters.postgres.code_series import CodeSeriesStore
from core.adapters.postgres.coupons import CouponStore
from core.adapters.postgres.offers import OfferStore
from core.adapters.postgres.redemptions import RedemptionStore
from core.adapters.redis.coupons import CouponRedis
from core.service.context import Deps


@dataclass(frozen=True, slots=True)
class CouponStores:
    offers: OfferStore
    coupons: CouponStore
    redemptions: RedemptionStore
    code_series: CodeSeriesStore
    pools: CouponRedis
    """Redis: the offers' counters, reservations and code pools."""

    @classmethod
    def of(cls, deps: Deps) -> CouponStores:
        return cls(offers=OfferStore(deps.pool), coupons=CouponStore(deps.pool), redemptions=RedemptionStore(deps.pool),
                   code_series=CodeSeriesStore(deps.pool), pools=CouponRedis(deps.redis, deps.scripts))
