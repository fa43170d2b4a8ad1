"""Redis side of coupons: the key layout of an offer's state and one typed wrapper per script.

Every key of an offer shares its hash tag `{o:<offer_id>}` (DESIGN.md section 4, Redis Cluster):
the epoch, the redemption and issue counters (offer, per account, last time), the reservation
hashes per epoch, the live limits, the coupon use and reversal counters, the code pools of its
series and the codes drawn from them. The key strings below are the contract between the
workers and the scripts: they are never built anywhere else.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import redis.asyncio as redis

from core.adapters.redis.scripts import Scripts
from core.domain import limits

if TYPE_CHECKING:
    from core.adapters.idempotency import ClaimTicket

POOL_CHUNK = 1_000
"""Codes per SADD / SREM / script call of a pipelined pool change."""


class CounterKind(enum.Enum):
    """What an offer's counters count: redemptions, or issued coupons (the same scripts enforce
    the issue limits on their own keys)."""

    REDEEMED = "redeemed"
    ISSUED = "issued"


def offer_tag(offer_id: str) -> str:
    return f"rewards:{{o:{offer_id}}}"


def epoch_key(offer_id: str) -> str:
    return f"{offer_tag(offer_id)}:epoch"


@dataclass(frozen=True, slots=True)
class OfferKeys:
    """KEYS[1..6] of coupon_redeem and coupon_release, in that order."""

    epoch: str
    count: str
    account_count: str
    account_last: str
    reservations: str
    live_limits: str

    def as_list(self) -> list[str]:
        return [self.epoch, self.count, self.account_count, self.account_last, self.reservations, self.live_limits]

    @classmethod
    def of_list(cls, keys: Sequence[str]) -> OfferKeys:
        """The keys as `offer_keys` lists them (held in a basket's stored holds)."""
        return cls(*keys[:6])


def keys_of(offer_id: str, account_id: str, epoch: int | str,
            kind: CounterKind = CounterKind.REDEEMED) -> OfferKeys:
    tag = offer_tag(offer_id)
    if kind is CounterKind.ISSUED:
        return OfferKeys(f"{tag}:epoch", f"{tag}:issued", f"{tag}:acct:{account_id}:issued",
                         f"{tag}:acct:{account_id}:issued-last", f"{tag}:issue-reservations:{epoch}",
                         f"{tag}:limits:issued")
    return OfferKeys(f"{tag}:epoch", f"{tag}:redeemed", f"{tag}:acct:{account_id}:redeemed",
                     f"{tag}:acct:{account_id}:last", f"{tag}:reservations:{epoch}", f"{tag}:limits:redeemed")


def offer_keys(offer_id: str, account_id: str, epoch: int | str, kind: str = "redeemed") -> list[str]:
    """KEYS of coupon_redeem / coupon_release as a list: epoch, offer count, account count, last,
    reservations, the offer's live limits. `kind` "redeemed" counts redemptions; "issued"
    counts issued coupons."""
    return keys_of(offer_id, account_id, epoch, CounterKind(kind)).as_list()


def coupon_keys(offer_id: str, coupon_id: str) -> list[str]:
    """The coupon's use count and reversal count (KEYS[7..8] of coupon_redeem)."""
    tag = offer_tag(offer_id)
    return [f"{tag}:coupon:{coupon_id}:uses", f"{tag}:coupon:{coupon_id}:reversals"]


def pool_key(offer_id: str, series_id: str) -> str:
    """The Redis set of a series' unissued codes, under its offer's hash tag."""
    return f"{offer_tag(offer_id)}:pool:{series_id}"


def drawn_key(offer_id: str, epoch: int | str) -> str:
    return f"{offer_tag(offer_id)}:pool-drawn:{epoch}"


def staging_pool_key(offer_id: str, series_id: str, epoch: int) -> str:
    return f"{pool_key(offer_id, series_id)}:load:{epoch}"


# --- replies -------------------------------------------------------------------------------

class LimitRefusal(enum.IntEnum):
    """coupon_redeem's and coupon_check's reply codes (0: reserved)."""

    RESERVED = 0
    NOT_LOADED = 1
    IN_FLIGHT = 2
    GAP = 3
    ACCOUNT_LIMIT = 4
    OFFER_LIMIT = 5
    COUPON_USED = 6
    CLAIM_TAKEN = 7
    """coupon_redeem with a claim: the request id is held already (detail: the Claim code)."""


@dataclass(frozen=True, slots=True)
class Refused:
    """A refusal and its detail (the time allowed again in ms, the limit, the reversals)."""

    reason: LimitRefusal
    detail: int


@dataclass(frozen=True, slots=True)
class Reserved:
    """What coupon_redeem reserved: the counts include this use; the limits are those applied."""

    epoch: int
    count: int
    reversals: int
    account_count: int
    account_max: int
    offer_max: int

    @property
    def remaining_account(self) -> int:
        return max(0, self.account_max - self.account_count) if self.account_max else -1

    @property
    def remaining(self) -> int:
        return max(0, self.offer_max - self.count) if self.offer_max else -1


def reserve_reply(epoch: int, reply: Sequence) -> Reserved | Refused:
    """coupon_redeem's reply, decoded."""
    code = LimitRefusal(int(reply[0]))
    if code is LimitRefusal.RESERVED:
        count, reversals, account_count, account_max, offer_max = (int(value) for value in reply[1:6])
        return Reserved(epoch=epoch, count=count, reversals=reversals, account_count=account_count,
                        account_max=account_max, offer_max=offer_max)
    return Refused(code, int(reply[1]))


def check_reply(reply: Sequence) -> tuple[Refused, ...]:
    """coupon_check's reply: the failing (code, detail) pairs, in order."""
    return tuple(Refused(LimitRefusal(int(code)), int(detail)) for code, detail in zip(reply[::2], reply[1::2]))


class ConfirmOutcome(enum.IntEnum):
    """coupon_confirm's reply."""

    SWEPT = 0
    """The sweep released it before the commit landed: count the redemption again."""
    CONFIRMED = 1
    REBUILT = 2


class ReleaseOutcome(enum.IntEnum):
    """coupon_release's reply."""

    NOTHING = 0
    RELEASED = 1
    DROPPED = 2


class DrawOutcome(enum.IntEnum):
    DRAWN = 0
    NOT_LOADED = 1
    EMPTY = 2


@dataclass(frozen=True, slots=True)
class Drawn:
    """code_pool_draw's reply: the code and the index (0-based) of the series it came from."""

    outcome: DrawOutcome
    code: str = ""
    series_index: int = -1


def draw_reply(reply: Sequence) -> Drawn:
    outcome = DrawOutcome(int(reply[0]))
    if outcome is not DrawOutcome.DRAWN:
        return Drawn(outcome)
    code = reply[1].decode() if isinstance(reply[1], bytes) else str(reply[1])
    return Drawn(outcome, code, int(reply[2]) - 1)


@dataclass(frozen=True, slots=True)
class PublishedLimits:
    """An offer's live redemption limits as offer_limits.lua published them (None: never)."""

    version: int | None
    account_max: int = 0
    offer_max: int = 0
    gap_ms: int = 0


@dataclass(frozen=True, slots=True)
class DealCounters:
    """What ListDeals reads per offer: the account's and the offer's redemption counts, the
    account's last redemption (ms, 0 = none) and the published limits."""

    account_count: int
    offer_count: int
    last_ms: int
    published: PublishedLimits


@dataclass(frozen=True, slots=True)
class Reservation:
    """One entry of a reservations hash: "account|deadline_ms|now_ms|previous_last_ms"."""

    request_key: str
    account_id: str
    deadline_ms: int


@dataclass(frozen=True, slots=True)
class DrawnCode:
    code: str
    series_id: str
    deadline_ms: int


def _int(value) -> int:
    return int(value or 0)


# --- the wrappers --------------------------------------------------------------------------

class CouponRedis:
    """One typed method per coupon and code-pool script, and the few plain reads the coupon
    engine makes (its counters for ListDeals and ListAccountCoupons, the sweeps' hashes)."""

    def __init__(self, client: redis.Redis, scripts: Scripts) -> None:
        self._redis = client
        self._scripts = scripts

    async def loaded_epoch(self, offer_id: str) -> bytes | None:
        return await self._redis.get(epoch_key(offer_id))

    async def check(self, *, offer_id: str, account_id: str, epoch: int, now_ms: int, gap_ms: int,
                    account_max: int, offer_max: int, version: int) -> tuple[Refused, ...]:
        """coupon_check (read only): the failing shared-state rules; (NOT_LOADED,) alone when
        the offer's state is not loaded under `epoch`."""
        keys = keys_of(offer_id, account_id, epoch)
        reply = await self._scripts.run(
            "coupon_check", [keys.epoch, keys.count, keys.account_count, keys.account_last, keys.live_limits],
            [epoch, now_ms, gap_ms, account_max, offer_max, version])
        return check_reply(reply)

    async def redeem(self, *, keys: OfferKeys, coupon_id: str | None, offer_id: str, epoch: int, request_key: str,
                     now_ms: int, gap_ms: int, account_max: int, offer_max: int, deadline_ms: int,
                     account_id: str, version: int, claim: ClaimTicket | None = None) -> Reserved | Refused:
        """coupon_redeem: check the gap and limits and reserve (an issued coupon: single use);
        with `claim`, claim the request id in the same call (its marker is under the offer's tag)."""
        script_keys = keys.as_list() + (coupon_keys(offer_id, coupon_id) if coupon_id is not None else [])
        args = [epoch, request_key, now_ms, gap_ms, account_max, offer_max, deadline_ms, account_id,
                1 if coupon_id is not None else 0, version]
        if claim is not None:
            script_keys.append(claim.marker)
            args += [claim.fingerprint, claim.ttl_ms]
        reply = await self._scripts.run("coupon_redeem", script_keys, args)
        return reserve_reply(epoch, reply)

    async def confirm(self, *, keys: OfferKeys, request_key: str, epoch: int) -> ConfirmOutcome:
        return ConfirmOutcome(int(await self._scripts.run("coupon_confirm", [keys.epoch, keys.reservations],
                                                          [request_key, epoch])))

    async def release(self, *, keys: OfferKeys, request_key: str, epoch: int,
                      coupon_uses_key: str | None = None) -> ReleaseOutcome:
        script_keys = keys.as_list() + ([coupon_uses_key] if coupon_uses_key else [])
        return ReleaseOutcome(int(await self._scripts.run("coupon_release", script_keys, [request_key, epoch])))

    async def unredeem(self, *, offer_id: str, account_id: str, delta: int, coupon_id: str | None = None) -> None:
        """coupon_unredeem: move the offer's and account's counts by `delta` (-1 a reversal, +1
        a released redemption that landed after all), and the coupon's use (and, on a reversal,
        its reversal count) with them."""
        keys = keys_of(offer_id, account_id, "-")
        coupon = coupon_keys(offer_id, coupon_id) if coupon_id else []
        await self._scripts.run("coupon_unredeem", [keys.count, keys.account_count] + coupon, [delta])

    async def recount(self, *, keys: OfferKeys, delta: int) -> None:
        """coupon_unredeem on the counts of `keys` only (a confirm that found its reservation swept)."""
        await self._scripts.run("coupon_unredeem", [keys.count, keys.account_count], [delta])

    async def publish_limits(self, *, offer_id: str, version: int, gap_ms: int, account_max: int, offer_max: int,
                             account_issues_max: int, issues_max: int, issue_gap_ms: int) -> bool:
        """offer_limits: publish the offer's live limits unless newer ones are there."""
        redeemed, issued = keys_of(offer_id, "-", "-"), keys_of(offer_id, "-", "-", CounterKind.ISSUED)
        return bool(await self._scripts.run("offer_limits", [redeemed.live_limits, issued.live_limits], [
            version, gap_ms, account_max, offer_max, account_issues_max, issues_max, issue_gap_ms]))

    async def load(self, *, offer_id: str, epoch: int, counters: Sequence[tuple[str, object]]) -> bool:
        """coupon_load: the offer's counters (key, value) under `epoch`, unless loaded already."""
        tag = offer_tag(offer_id)
        keys = [epoch_key(offer_id), f"{tag}:reservations:{epoch}", f"{tag}:issue-reservations:{epoch}"]
        return bool(await self._scripts.run("coupon_load", keys + [key for key, _ in counters],
                                            [epoch, *(value for _, value in counters)]))

    async def deal_counters(self, offer_ids: Sequence[str], account_id: str) -> list[DealCounters]:
        async with self._redis.pipeline(transaction=False) as pipe:
            for offer_id in offer_ids:
                keys = keys_of(offer_id, account_id, "-")
                pipe.get(keys.account_count)
                pipe.get(keys.count)
                pipe.get(keys.account_last)
                pipe.hmget(keys.live_limits, "version", "account_max", "max", "gap")
            replies = await pipe.execute()
        found = []
        for index in range(len(offer_ids)):
            account_count, count, last, (version, account_max, offer_max, gap) = replies[4 * index:4 * index + 4]
            published = PublishedLimits(None) if version is None else PublishedLimits(
                int(version), _int(account_max), _int(offer_max), _int(gap))
            found.append(DealCounters(_int(account_count), _int(count), _int(last), published))
        return found

    async def redemption_counts(self, pairs: Sequence[tuple[str, str]], epoch: int) -> list[tuple[int, int]]:
        """(the account's, the offer's) redemption counts of each (offer, account)."""
        async with self._redis.pipeline(transaction=False) as pipe:
            for offer_id, account_id in pairs:
                keys = keys_of(offer_id, account_id, epoch)
                pipe.get(keys.account_count)
                pipe.get(keys.count)
            values = [_int(value) for value in await pipe.execute()]
        return list(zip(values[::2], values[1::2]))

    async def reservations(self, offer_id: str, kind: CounterKind, epoch: int) -> list[Reservation]:
        found = await self._redis.hgetall(keys_of(offer_id, "-", epoch, kind).reservations)
        result = []
        for request_key, value in found.items():
            account_id, deadline, *_ = value.decode().split("|")
            result.append(Reservation(request_key.decode(), account_id, int(deadline)))
        return result

    # --- code pools ------------------------------------------------------------------------

    async def draw(self, *, offer_id: str, series_ids: Sequence[str], epoch: int, deadline_ms: int) -> Drawn:
        """code_pool_draw: one unissued code, taken out of the pools (in order) and noted as drawn."""
        reply = await self._scripts.run(
            "code_pool_draw", [epoch_key(offer_id), drawn_key(offer_id, epoch)] + [
                pool_key(offer_id, series_id) for series_id in series_ids],
            [epoch, deadline_ms, 2 * limits.CODE_DRAW_TTL_MS, *series_ids])
        return draw_reply(reply)

    async def settle(self, *, offer_id: str, series_id: str, code: str, epoch: int | str, give_back: bool) -> int:
        """code_pool_release: forget a drawn code, giving it back to its pool if `give_back`."""
        return int(await self._scripts.run(
            "code_pool_release", [epoch_key(offer_id), drawn_key(offer_id, epoch), pool_key(offer_id, series_id)],
            [epoch, code, int(give_back)]))

    async def revoke(self, *, offer_id: str, series_id: str, epoch: int, codes: Sequence[str]) -> int:
        """code_pool_revoke: take revoked codes out of the pool and the drawn codes."""
        return int(await self._scripts.run("code_pool_revoke", [pool_key(offer_id, series_id),
                                                                drawn_key(offer_id, epoch)], list(codes)))

    async def put_pool(self, *, offer_id: str, series_id: str, epoch: int) -> bool:
        """code_pool_load: the staging set in place of the pool, unless the epoch is loaded."""
        return bool(await self._scripts.run("code_pool_load", [
            epoch_key(offer_id), staging_pool_key(offer_id, series_id, epoch), pool_key(offer_id, series_id)],
            [epoch]))

    async def take_named(self, *, offer_id: str, series_id: str, code: str, epoch: int, deadline_ms: int) -> None:
        """A code named by a bulk row: out of the pool and noted as drawn, until its issue settles it."""
        drawn = drawn_key(offer_id, epoch)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.srem(pool_key(offer_id, series_id), code)
            pipe.hset(drawn, code, f"{series_id}|{deadline_ms}")
            pipe.pexpire(drawn, 2 * limits.CODE_DRAW_TTL_MS)
            await pipe.execute()

    async def drawn(self, offer_id: str, epoch: int) -> list[DrawnCode]:
        found = await self._redis.hgetall(drawn_key(offer_id, epoch))
        result = []
        for code, value in found.items():
            series_id, _, deadline = value.decode().partition("|")
            result.append(DrawnCode(code.decode(), series_id, int(deadline)))
        return result

    async def add_codes(self, key: str, codes: Sequence[str], *, remove: bool = False) -> None:
        """SADD (or SREM) codes to a pool or staging set, pipelined, POOL_CHUNK per command."""
        async with self._redis.pipeline(transaction=False) as pipe:
            for start in range(0, len(codes), POOL_CHUNK):
                chunk = codes[start:start + POOL_CHUNK]
                if remove:
                    pipe.srem(key, *chunk)
                else:
                    pipe.sadd(key, *chunk)
            await pipe.execute()

    async def drop(self, key: str) -> None:
        await self._redis.delete(key)
