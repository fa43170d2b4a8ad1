"""In-memory fakes of the coupon engine's stores (same method names as core/adapters, dict
storage), for service-layer unit tests of rules that need no real Redis or Postgres.

The fake Redis side applies the redemption-limit rule through its Python twin in the domain
(core.domain.coupons.applied_limits / limit_failures), as the Lua prelude does in Redis.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from types import SimpleNamespace

from core.adapters.postgres.offers import OfferRow, offer_definition
from core.adapters.postgres.redemptions import OfferRecount
from core.adapters.redis.coupons import (ConfirmOutcome, CounterKind, DealCounters, Drawn, DrawnCode, DrawOutcome,
                                         LimitRefusal, OfferKeys, PublishedLimits, Refused, ReleaseOutcome, Reserved,
                                         coupon_keys, keys_of)
from core.domain.clock import FixedClock
from core.domain.coupons import AppliedLimits, IssuedCoupon, Offer, limit_failures
from core.service.coupons import Coupons, CouponStores


class FakeGuard:
    def __init__(self, epoch: int = 1) -> None:
        self.epoch = epoch
        self.ensured = 0

    def require_ready(self) -> int:
        return self.epoch

    async def ensure(self) -> None:
        self.ensured += 1


class FakeOfferStore:
    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, OfferRow]] = {}
        """offer_id -> (org_id, row)."""

    @contextlib.asynccontextmanager
    async def _connection(self):
        yield object()  # Stands for a connection: the fakes ignore it.

    def connection(self):
        return self._connection()

    async def insert(self, offer: Offer, program_id: str, now: dt.datetime) -> None:
        self.rows[offer.offer_id] = (offer.org_id, OfferRow(
            offer_id=offer.offer_id, state=int(offer.state), definition=offer_definition(offer),
            common_code=offer.common_code, version=offer.version, create_time=now, update_time=now))

    async def by_id(self, offer_id: str, org_id: str | None = None, connection=None) -> OfferRow | None:
        found = self.rows.get(offer_id)
        if found is None or (org_id is not None and found[0] != org_id):
            return None
        return found[1]

    async def listed(self, offer_id: str, account_ids: Sequence[str]) -> set[str]:
        return set()


class FakeCouponStore:
    def __init__(self) -> None:
        self.coupons: list[IssuedCoupon] = []

    async def page(self, *, org_id: str, account_id: str, offer_id: str | None, limit: int, after=None):
        held = [c for c in self.coupons if c.account_id == account_id and offer_id in (None, c.offer_id)]
        return sorted(held, key=lambda c: (c.issue_time, c.coupon_id), reverse=True)[:limit]


class FakeRedemptionStore:
    async def recount(self, offer_id: str, connection) -> OfferRecount:
        return OfferRecount(redeemed=[], issued=[], coupons=[])


class FakeCodeSeriesStore:
    def __init__(self) -> None:
        self.unissued_codes: set[tuple[str, str]] = set()
        """(series_id, code) Postgres has unissued and unrevoked."""
        self.revoked: dict[str, list[tuple[str, str]]] = {}
        """revocation_id -> the (series_id, code) it revoked unissued."""

    async def unissued(self, *, series_id: str, code: str) -> bool:
        return (series_id, code) in self.unissued_codes

    async def revoked_unissued(self, revocation_id: str, chunk: int, each) -> int:
        rows = sorted(self.revoked.get(revocation_id, ()))
        total = 0
        for start in range(0, len(rows), chunk):
            by_series: dict[str, list[str]] = {}
            for series_id, code in rows[start:start + chunk]:
                by_series.setdefault(series_id, []).append(code)
            for series_id, codes in by_series.items():
                total += await each(series_id, codes)
        return total

    async def offer_series(self, offer_id: str, connection) -> list[str]:
        return []


class FakeCouponRedis:
    """The counters, reservations and pools of offers, as the scripts keep them."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}
        self.epochs: dict[str, int] = {}
        """offer_id -> the epoch its state is loaded under."""
        self.reservations: dict[str, dict[str, str]] = {}
        self.markers: dict[str, str] = {}
        """Idempotency markers claimed with a reservation: key -> 'P:<fingerprint>'."""
        self.published: dict[str, PublishedLimits] = {}
        self.pools: dict[tuple[str, str], list[str]] = {}
        """(offer_id, series_id) -> unissued codes, drawn from the front."""
        self.drawn_by: dict[tuple[str, int], dict[str, DrawnCode]] = {}
        self.released: list[str] = []

    async def loaded_epoch(self, offer_id: str) -> bytes | None:
        epoch = self.epochs.get(offer_id)
        return None if epoch is None else str(epoch).encode()

    async def load(self, *, offer_id: str, epoch: int, counters) -> bool:
        if self.epochs.get(offer_id) == epoch:
            return False
        for key, value in counters:
            self.values[key] = int(value)
        self.epochs[offer_id] = epoch
        return True

    async def publish_limits(self, *, offer_id: str, version: int, gap_ms: int, account_max: int, offer_max: int,
                             account_issues_max: int, issues_max: int, issue_gap_ms: int) -> bool:
        live = self.published.get(offer_id)
        if live is not None and live.version >= version:
            return False
        self.published[offer_id] = PublishedLimits(version, account_max, offer_max, gap_ms)
        return True

    def _failures(self, keys: OfferKeys, now_ms: int, applied: AppliedLimits) -> list[Refused]:
        return [Refused(LimitRefusal(check), detail) for check, detail in limit_failures(
            applied, now_ms=now_ms, last_ms=self.values.get(keys.account_last, 0),
            account_count=self.values.get(keys.account_count, 0), offer_count=self.values.get(keys.count, 0))]

    async def redeem(self, *, keys: OfferKeys, coupon_id: str | None, offer_id: str, epoch: int, request_key: str,
                     now_ms: int, gap_ms: int, account_max: int, offer_max: int, deadline_ms: int, account_id: str,
                     version: int, claim=None) -> Reserved | Refused:
        if claim is not None and claim.marker in self.markers:  # coupon_redeem.lua's claim rule
            held_by = self.markers[claim.marker]
            return Refused(LimitRefusal.CLAIM_TAKEN, 3 if held_by[2:] != claim.fingerprint else
                           1 if held_by.startswith("P:") else 2)
        if self.epochs.get(offer_id) != epoch:
            return Refused(LimitRefusal.NOT_LOADED, 0)
        held = self.reservations.setdefault(keys.reservations, {})
        if request_key in held:
            return Refused(LimitRefusal.IN_FLIGHT, 0)
        uses, reversals = coupon_keys(offer_id, coupon_id) if coupon_id else ("", "")
        if coupon_id and self.values.get(uses, 0) >= 1:
            return Refused(LimitRefusal.COUPON_USED, self.values.get(reversals, 0))
        failing = self._failures(keys, now_ms, AppliedLimits(account_max, offer_max, gap_ms))
        if failing:
            return failing[0]
        if coupon_id:
            self.values[uses] = self.values.get(uses, 0) + 1
        for key in (keys.count, keys.account_count):
            self.values[key] = self.values.get(key, 0) + 1
        self.values[keys.account_last] = now_ms
        held[request_key] = f"{account_id}|{deadline_ms}|{now_ms}|0"
        if claim is not None:
            self.markers[claim.marker] = "P:" + claim.fingerprint
        return Reserved(epoch=epoch, count=self.values[keys.count], reversals=self.values.get(reversals, 0),
                        account_count=self.values[keys.account_count], account_max=account_max, offer_max=offer_max)

    async def check(self, *, offer_id: str, account_id: str, epoch: int, now_ms: int, gap_ms: int, account_max: int,
                    offer_max: int, version: int) -> tuple[Refused, ...]:
        if self.epochs.get(offer_id) != epoch:
            return (Refused(LimitRefusal.NOT_LOADED, 0),)
        return tuple(self._failures(keys_of(offer_id, account_id, epoch), now_ms,
                                    AppliedLimits(account_max, offer_max, gap_ms)))

    async def confirm(self, *, keys: OfferKeys, request_key: str, epoch: int) -> ConfirmOutcome:
        return ConfirmOutcome.CONFIRMED if self.reservations.get(keys.reservations, {}).pop(
            request_key, None) else ConfirmOutcome.SWEPT

    async def recount(self, *, keys: OfferKeys, delta: int) -> None:
        for key in (keys.count, keys.account_count):
            self.values[key] = max(0, self.values.get(key, 0) + delta)

    async def release(self, *, keys: OfferKeys, request_key: str, epoch: int,
                      coupon_uses_key: str | None = None) -> ReleaseOutcome:
        self.released.append(request_key)
        if self.reservations.get(keys.reservations, {}).pop(request_key, None) is None:
            return ReleaseOutcome.NOTHING
        for key in (keys.count, keys.account_count) + ((coupon_uses_key,) if coupon_uses_key else ()):
            self.values[key] = max(0, self.values.get(key, 0) - 1)
        return ReleaseOutcome.RELEASED

    async def deal_counters(self, offer_ids: Sequence[str], account_id: str) -> list[DealCounters]:
        found = []
        for offer_id in offer_ids:
            keys = keys_of(offer_id, account_id, "-")
            found.append(DealCounters(self.values.get(keys.account_count, 0), self.values.get(keys.count, 0),
                                      self.values.get(keys.account_last, 0),
                                      self.published.get(offer_id, PublishedLimits(None))))
        return found

    async def draw(self, *, offer_id: str, series_ids: Sequence[str], epoch: int, deadline_ms: int) -> Drawn:
        if self.epochs.get(offer_id) != epoch:
            return Drawn(DrawOutcome.NOT_LOADED)
        for index, series_id in enumerate(series_ids):
            pool = self.pools.get((offer_id, series_id), [])
            if pool:
                code = pool.pop(0)
                self.drawn_by.setdefault((offer_id, epoch), {})[code] = DrawnCode(code, series_id, deadline_ms)
                return Drawn(DrawOutcome.DRAWN, code, index)
        return Drawn(DrawOutcome.EMPTY)

    async def settle(self, *, offer_id: str, series_id: str, code: str, epoch: int, give_back: bool) -> int:
        drawn = self.drawn_by.get((offer_id, epoch), {}).pop(code, None)
        if not give_back or drawn is None or self.epochs.get(offer_id) != epoch:
            return 0
        self.pools.setdefault((offer_id, series_id), []).append(code)
        return 1

    async def revoke(self, *, offer_id: str, series_id: str, epoch: int, codes: Sequence[str]) -> int:
        for code in codes:
            self.drawn_by.get((offer_id, epoch), {}).pop(code, None)
        pool = self.pools.get((offer_id, series_id), [])
        removed = [code for code in codes if code in pool]
        self.pools[(offer_id, series_id)] = [code for code in pool if code not in codes]
        return len(removed)

    async def drawn(self, offer_id: str, epoch: int) -> list[DrawnCode]:
        return list(self.drawn_by.get((offer_id, epoch), {}).values())


def fake_stores() -> CouponStores:
    return CouponStores(offers=FakeOfferStore(), coupons=FakeCouponStore(), redemptions=FakeRedemptionStore(),
                        code_series=FakeCodeSeriesStore(), pools=FakeCouponRedis())


def fake_engine(at: dt.datetime, stores: CouponStores | None = None, epoch: int = 1) -> Coupons:
    """A Coupons engine on fakes: no pool, no Redis; the clock fixed at `at`."""
    deps = SimpleNamespace(clock=FixedClock(at), pool=None, redis=None, scripts=None)
    return Coupons(deps, FakeGuard(epoch), stores=stores or fake_stores())


__all__ = ["CounterKind", "FakeCodeSeriesStore", "FakeCouponRedis", "FakeCouponStore", "FakeGuard",
           "FakeOfferStore", "FakeRedemptionStore", "fake_engine", "fake_stores"]
