"""How a reservation ends once its rows are committed or not: confirmed, or released (and the
code an issue drew settled with it). Named objects instead of chained closures."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from core.adapters.redis.coupons import ConfirmOutcome, CouponRedis, OfferKeys
from core.service.coupons.pools import settle_code
from core.service.coupons.stores import CouponStores

Step = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class HeldReservation:
    """A reservation made by coupon_redeem (a redemption, or an issue on the issue keys)."""

    pools: CouponRedis
    keys: OfferKeys
    request_key: str
    epoch: int
    coupon_uses_key: str | None = None
    """A redemption of an issued coupon: its use is given back on release."""

    async def confirm(self) -> None:
        outcome = await self.pools.confirm(keys=self.keys, request_key=self.request_key, epoch=self.epoch)
        if outcome is ConfirmOutcome.SWEPT:
            # The sweep released it before the commit landed: count the use again.
            await self.pools.recount(keys=self.keys, delta=1)

    async def release(self) -> None:
        await self.pools.release(keys=self.keys, request_key=self.request_key, epoch=self.epoch,
                                 coupon_uses_key=self.coupon_uses_key)


@dataclass(frozen=True, slots=True)
class DrawnCodeSettlement:
    """An issue's reservation and the code it drew from a series' pool: forgotten as drawn once
    issued, or given back to its pool (if Postgres has it unissued) with the release."""

    reservation: HeldReservation
    stores: CouponStores
    offer_id: str
    series_id: str
    code: str

    async def confirm(self) -> None:
        await self.reservation.confirm()
        await settle_code(self.stores, self.offer_id, self.series_id, self.code, self.reservation.epoch, issued=True)

    async def release(self) -> None:
        await self.reservation.release()
        await settle_code(self.stores, self.offer_id, self.series_id, self.code, self.reservation.epoch)


@dataclass(frozen=True, slots=True)
class Both:
    """Two steps run in order (a coupon's reservation, then its points payment)."""

    first: Step
    second: Step

    async def __call__(self) -> None:
        await self.first()
        await self.second()
