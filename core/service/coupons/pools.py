"""Code pools at issue, revocation and rebuild (the story is told in core/service/coupons/series.py).

Postgres (org_codes) is the guard of every code; the Redis pool of a series is a cache of its
unissued codes that the issue draws from atomically (code_pool_draw.lua).
"""

from __future__ import annotations

from core.adapters.redis.coupons import POOL_CHUNK, DrawOutcome, pool_key, staging_pool_key
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.service.coupons.stores import CouponStores


async def pool_series(stores: CouponStores, org_id: str, offer_id: str, series_id: str = "") -> list[str]:
    """The series IssueCoupon draws from: `series_id` (CODE_SERIES_NOT_FOUND unless it is a
    generated or imported series of the offer), else the offer's such series, oldest first;
    empty for an offer without any (its coupons get a fresh random code)."""
    found = await stores.code_series.pool_series(org_id=org_id, offer_id=offer_id, series_id=series_id)
    if series_id and not found:
        raise DomainError(ErrorReason.CODE_SERIES_NOT_FOUND, metadata={"code_series_id": series_id})
    return found


async def draw_code(stores: CouponStores, offer_id: str, series_ids: list[str], epoch: int,
                    now_ms: int) -> tuple[str, str] | None:
    """One unissued code and its series, atomically taken out of the pools and noted as drawn
    until it is issued or given back; None if every pool is empty."""
    drawn = await stores.pools.draw(offer_id=offer_id, series_ids=series_ids, epoch=epoch,
                                    deadline_ms=now_ms + limits.CODE_DRAW_TTL_MS)
    if drawn.outcome is DrawOutcome.NOT_LOADED:
        raise DomainError(ErrorReason.STATE_REBUILDING)
    if drawn.outcome is DrawOutcome.EMPTY:
        return None
    return drawn.code, series_ids[drawn.series_index]


async def settle_code(stores: CouponStores, offer_id: str, series_id: str, code: str, epoch: int | str,
                      issued: bool = False) -> int:
    """A drawn code's end: forgotten as drawn once its coupon committed (`issued`); otherwise
    given back to its pool if Postgres still has it unissued in that series. 1 if given back."""
    unissued = not issued and await stores.code_series.unissued(series_id=series_id, code=code)
    return await stores.pools.settle(offer_id=offer_id, series_id=series_id, code=code, epoch=epoch,
                                     give_back=unissued)


async def take_named_code(stores: CouponStores, offer_id: str, series_id: str, code: str, epoch: int,
                          now_ms: int) -> None:
    """An unissued code of the offer's own pool, named by a bulk row: out of the pool now (no draw
    can take it) and noted as drawn, like a drawn code, until its issue settles it."""
    await stores.pools.take_named(offer_id=offer_id, series_id=series_id, code=code, epoch=epoch,
                                  deadline_ms=now_ms + limits.CODE_DRAW_TTL_MS)


async def unpool_revoked_codes(stores: CouponStores, offer_id: str, revocation_id: str, epoch: int) -> int:
    """Take the unissued codes a committed revocation revoked out of their Redis pools (and out
    of the drawn codes), POOL_CHUNK per script call. Returns how many were still pooled."""

    async def unpool(series_id: str, codes: list[str]) -> int:
        return await stores.pools.revoke(offer_id=offer_id, series_id=series_id, epoch=epoch, codes=codes)

    return await stores.code_series.revoked_unissued(revocation_id, POOL_CHUNK, unpool)


async def sweep_drawn_codes(deps, offer_ids: list[str], epoch: int, now_ms: int,
                            stores: CouponStores | None = None) -> int:
    """Give back the codes drawn by issues that died before settling them (past their deadline):
    those Postgres still has unissued return to their pools. Returns how many returned."""
    stores = stores or CouponStores.of(deps)
    returned = 0
    for offer_id in offer_ids:
        for drawn in await stores.pools.drawn(offer_id, epoch):
            if drawn.deadline_ms <= now_ms:
                returned += await settle_code(stores, offer_id, drawn.series_id, drawn.code, epoch)
    return returned


async def load_pools(stores: CouponStores, offer_id: str, epoch: int, connection) -> None:
    """Rebuild the pools of the offer's series from Postgres (before coupon_load sets the epoch):
    each is loaded into a staging set, then put in place unless the epoch is loaded already."""
    for series_id in await stores.code_series.offer_series(offer_id, connection):
        staging = staging_pool_key(offer_id, series_id, epoch)
        await stores.pools.drop(staging)

        async def stage(codes, staging=staging) -> None:
            await stores.pools.add_codes(staging, codes)

        await stores.code_series.pooled_codes(series_id, connection, stage)
        await stores.pools.put_pool(offer_id=offer_id, series_id=series_id, epoch=epoch)


def series_pool(offer_id: str, series_id: str) -> str:
    """The key of a series' pool (for filling it)."""
    return pool_key(offer_id, series_id)
