"""Recovery: rebuild an offer's Redis state from the ledger, publish its live limits, and settle
the reservations (and drawn codes) of requests that died.

A reservation left behind by a crash is settled by `sweep_reservations`: confirmed if its request
is in the ledger, released otherwise. Counters are rebuilt from the ledger per offer
(`load_offer_state`) whenever an offer's epoch key is missing or stale.
"""

from __future__ import annotations

from core.adapters.postgres.redemptions import LedgerTable, OfferRecount
from core.adapters.redis.coupons import ConfirmOutcome, CounterKind, CouponRedis, ReleaseOutcome, keys_of, offer_tag
from core.adapters.redis.state import StateGuard
from core.domain.coupons import Offer
from core.service.context import Deps
from core.service.coupons.base import EngineBase, now_ms
from core.service.coupons.pools import load_pools, sweep_drawn_codes
from core.service.coupons.stores import CouponStores


async def publish_limits(pools: CouponRedis, offer: Offer) -> None:
    """Publish the offer's limits (per account, in all, gaps) to its live-limits hashes, unless
    those hold a newer version already (offer_limits.lua)."""
    rules = offer.rules
    await pools.publish_limits(
        offer_id=offer.offer_id, version=offer.version, gap_ms=rules.min_gap_seconds * 1000,
        account_max=rules.max_account_redemptions, offer_max=rules.max_redemptions,
        account_issues_max=rules.max_account_issues, issues_max=rules.max_issues,
        issue_gap_ms=offer.issuance.min_gap_seconds * 1000)


def counter_values(offer_id: str, recount: OfferRecount) -> list[tuple[str, object]]:
    """The (key, value) of every counter coupon_load sets for an offer, from its recount."""
    tag = offer_tag(offer_id)
    values: list[tuple[str, object]] = []
    for kind, counts in ((CounterKind.REDEEMED, recount.redeemed), (CounterKind.ISSUED, recount.issued)):
        values.append((keys_of(offer_id, "-", "-", kind).count, sum(count.count for count in counts)))
        for count in counts:
            keys = keys_of(offer_id, count.account_id, "-", kind)
            values.append((keys.account_count, count.count))
            values.append((keys.account_last, int(count.last.timestamp() * 1000) if count.last else 0))
    for coupon in recount.coupons:
        values.append((f"{tag}:coupon:{coupon.coupon_id}:uses", coupon.uses))
        values.append((f"{tag}:coupon:{coupon.coupon_id}:reversals", coupon.reversals))
    return values


async def load_offer_state(stores: CouponStores, offer_id: str, epoch: int, connection=None) -> bool:
    """Recount one offer's counters from the ledger and load them under `epoch`, and publish its
    limits as Postgres holds them (so a rebuilt Redis never applies an older copy's)."""
    if connection is None:
        async with stores.offers.connection() as own:
            return await load_offer_state(stores, offer_id, epoch, own)
    found = await stores.offers.by_id(offer_id, connection=connection)
    if found is not None:
        await publish_limits(stores.pools, found.offer(""))
    recount = await stores.redemptions.recount(offer_id, connection)
    await load_pools(stores, offer_id, epoch, connection)
    return await stores.pools.load(offer_id=offer_id, epoch=epoch, counters=counter_values(offer_id, recount))


async def rebuild_coupon_counters(redis, connection, epoch: int, deps: Deps) -> None:
    """StateGuard rebuilder: reload every offer's counters under the new epoch, inside the
    transaction that bumped the epoch (so the counts include every redemption that passed the fence)."""
    stores = CouponStores.of(deps)
    for offer_id in await stores.offers.all_ids(connection):
        await load_offer_state(stores, offer_id, epoch, connection)


async def ensure_offer_loaded(stores: CouponStores, guard: StateGuard, offer_id: str) -> int:
    """The epoch the offer's Redis state (counters and pools) is loaded under, loading it now if
    it is not."""
    epoch = guard.require_ready()
    if await stores.pools.loaded_epoch(offer_id) != str(epoch).encode():
        await load_offer_state(stores, offer_id, epoch)
    return epoch


class RecoveryPart(EngineBase):
    async def ensure_offer_loaded(self, offer_id: str) -> int:
        """The epoch the offer's Redis state (counters and pools) is loaded under, loading it now
        if it is not."""
        return await ensure_offer_loaded(self._stores, self._guard, offer_id)

    async def _reload(self, offer_id: str) -> None:
        """The offer's state was not loaded under the epoch: rebuild if needed, then load it."""
        await self._guard.ensure()
        await load_offer_state(self._stores, offer_id, self._guard.require_ready())

    async def sweep_reservations(self, offer_ids: list[str]) -> tuple[int, int]:
        """Settle reservations past their deadline, and give back the codes drawn by issues that
        died: (confirmed, released)."""
        confirmed = released = 0
        epoch = self._guard.require_ready()
        now = now_ms(self._deps)
        for offer_id in offer_ids:
            # Redemptions land in coupon_redemptions, issues in coupons: both by (client, request).
            for kind, table in ((CounterKind.REDEEMED, LedgerTable.REDEMPTIONS),
                                (CounterKind.ISSUED, LedgerTable.COUPONS)):
                for reservation in await self._pools.reservations(offer_id, kind, epoch):
                    if reservation.deadline_ms > now:
                        continue
                    keys = keys_of(offer_id, reservation.account_id, epoch, kind)
                    # Fence first: after it, no write of this request can commit, so the ledger's
                    # answer is final (a write still committing is waited for by the fence).
                    await self._deps.idempotency.fence_request(reservation.request_key, now)
                    client_id, _, request_id = reservation.request_key.partition(":")
                    if await self._redemptions.landed(table, client_id, request_id):
                        outcome = await self._pools.confirm(keys=keys, request_key=reservation.request_key,
                                                            epoch=epoch)
                        confirmed += outcome is ConfirmOutcome.CONFIRMED
                    else:
                        released += await self._pools.release(keys=keys, request_key=reservation.request_key,
                                                               epoch=epoch) is ReleaseOutcome.RELEASED
        released += await sweep_drawn_codes(self._deps, offer_ids, epoch, now, self._stores)
        return confirmed, released
