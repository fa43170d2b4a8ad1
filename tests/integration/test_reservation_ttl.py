"""coupon_redeem.lua keeps an offer's reservations hash alive for its longest reservation: a short
reservation after a long one (a checkout basket's hold) never shortens the hash's life."""

from __future__ import annotations

import time
import uuid

from core.service.coupons import offer_keys


async def test_a_short_reservation_never_shortens_the_hash_a_long_one_needs(deps):
    offer_id, epoch = str(uuid.uuid4()), 1
    now_ms = int(time.time() * 1000)
    await deps.redis.set(offer_keys(offer_id, "-", epoch)[0], epoch)

    async def reserve(account: str, deadline_ms: int):
        keys = offer_keys(offer_id, account, epoch)
        return await deps.scripts.run("coupon_redeem", keys, [epoch, f"c:{uuid.uuid4().hex}", now_ms, 0, 0, 0,
                                                              deadline_ms, account])

    long_hold_ms = 3_600_000
    assert (await reserve("a", now_ms + long_hold_ms))[0] == 0
    assert (await reserve("b", now_ms + 30_000))[0] == 0

    reservations = offer_keys(offer_id, "-", epoch)[4]
    assert await deps.redis.pttl(reservations) > long_hold_ms
