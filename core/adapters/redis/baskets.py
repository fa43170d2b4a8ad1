"""Checkout baskets in Redis: a basket holds no keys of its own; it settles the coupon reservations
it holds (coupon_redeem's, under each offer's hash tag {o:<offer>}) by their stored keys."""

from __future__ import annotations

from collections.abc import Sequence

from core.adapters.redis.scripts import Scripts


class BasketCache:
    def __init__(self, scripts: Scripts) -> None:
        self._scripts = scripts

    async def release_coupon(self, *, keys: Sequence[str], request_key: str, epoch: int) -> None:
        """coupon_release of one coupon reservation a basket held (its keys as stored with it)."""
        await self._scripts.run("coupon_release", list(keys), [request_key, epoch])
