"""Member wallets in Redis: the key layout under the account's hash tag {a:<account>} and one typed
call per wallet script (wallet_load, wallet_reserve, wallet_settle, wallet_apply, wallet_cap).

The keys (DESIGN.md section 4; every key of one account shares its hash tag, so each script runs on
one Redis Cluster slot):

    rewards:{a:<account>}:w                         the wallet hash: epoch, bal, nexp, rf:<earn id>
    rewards:{a:<account>}:res:<epoch>               its reservations under an epoch
    rewards:{a:<account>}:otp:<otp id>              an OTP: mac, exp, tries, used
    rewards:{a:<account>}:otp-count                 OTP requests in the rate window
    rewards:{a:<account>}:code-misses               unknown earn codes in the miss window
    rewards:{a:<account>}:cap:<rule>:<start ms>:<epoch>   an earn rule's cap counter this period
    rewards:{a:<account>}:void:<transaction id>     the request voiding a transaction
    rewards:{wr:<bucket>}:pending                   the reservation registry (sorted set by deadline)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import redis.asyncio as redis

from core.adapters.redis.scripts import Scripts

REGISTRY_BUCKETS = 16
"""Shards of the reservation registry (a sorted set each, its own hash tag)."""
REGISTRY_BATCH_MAX = 500
"""Due registry entries one sweep reads per shard."""
_ACCOUNT_PREFIX_HEX = 8
"""Hex digits of the account id that choose its registry shard."""


# --- keys -------------------------------------------------------------------------------------


def account_tag(account_id: str) -> str:
    return f"rewards:{{a:{account_id}}}"


def wallet_key(account_id: str) -> str:
    return f"{account_tag(account_id)}:w"


def reservations_key(account_id: str, epoch: int | str) -> str:
    return f"{account_tag(account_id)}:res:{epoch}"


def wallet_keys(account_id: str, epoch: int | str) -> list[str]:
    """The wallet hash and its reservations under `epoch` (one hash tag per account)."""
    return [wallet_key(account_id), reservations_key(account_id, epoch)]


def otp_key(account_id: str, otp_id: str) -> str:
    return f"{account_tag(account_id)}:otp:{otp_id}"


def otp_count_key(account_id: str) -> str:
    return f"{account_tag(account_id)}:otp-count"


def code_misses_key(account_id: str) -> str:
    return f"{account_tag(account_id)}:code-misses"


def cap_key(account_id: str, rule_id: str, period_start_ms: int | str, epoch: int) -> str:
    return f"{account_tag(account_id)}:cap:{rule_id}:{period_start_ms}:{epoch}"


def void_marker_key(account_id: str, points_transaction_id: str) -> str:
    return f"{account_tag(account_id)}:void:{points_transaction_id}"


def refund_field(earn_id: str) -> str:
    """The wallet hash's field of an earn's refunded points, reserved + posted."""
    return f"rf:{earn_id}"


def registry_bucket_key(bucket: int) -> str:
    return f"rewards:{{wr:{bucket}}}:pending"


def registry_key(account_id: str) -> str:
    return registry_bucket_key(int(account_id[:_ACCOUNT_PREFIX_HEX], 16) % REGISTRY_BUCKETS)


# --- replies ----------------------------------------------------------------------------------


class ReserveOutcome(enum.IntEnum):
    """wallet_reserve's first reply element."""

    RESERVED = 0
    NOT_LOADED = 1
    IN_FLIGHT = 2
    INSUFFICIENT = 3
    BELOW_MIN_AMOUNT = 4
    BELOW_BALANCE_BEFORE = 5
    BELOW_BALANCE_AFTER = 6
    OTP_NOT_FOUND = 7
    OTP_USED = 8
    OTP_LOCKED = 9
    OTP_WRONG = 10
    REFUND_EXCEEDED = 11


@dataclass(frozen=True, slots=True)
class Reservation:
    """wallet_reserve's reply: RESERVED with the balance after it, or a refusal with its figure
    (the balance, the threshold, the tries left, what is refundable; 0 when it has none)."""

    outcome: ReserveOutcome
    value: int = 0

    @classmethod
    def decode(cls, reply: list) -> Reservation:
        return cls(ReserveOutcome(int(reply[0])), int(reply[1]) if len(reply) > 1 else 0)


class Settlement(enum.Enum):
    CONFIRM = "confirm"
    RELEASE = "release"


KEEP = "keep"
"""wallet_apply: leave the next expiry as it is."""


@dataclass(frozen=True, slots=True)
class WalletState:
    """The loaded wallet's fields: epoch (None: not loaded), available balance, next expiry (ms)."""

    epoch: int | None
    balance: int
    next_expiry_ms: int | None

    @classmethod
    def decode(cls, fields: list) -> WalletState:
        epoch, balance, next_expiry = fields
        return cls(int(epoch) if epoch is not None else None, int(balance or 0),
                   int(next_expiry) if next_expiry else None)


@dataclass(frozen=True, slots=True)
class WalletHold:
    """One reservation of wallet_reserve, to settle after (or instead of) the commit. Baskets keep
    it in their row (dataclasses.asdict): the field names are stored."""

    account_id: str
    epoch: int
    request_key: str
    delta: int
    otp: str | None = None
    """The OTP hash the reservation used (a release makes it usable again)."""
    expire_ms: int | str = ""
    """A credit's expiry (ms), or ""."""
    refund: str = ""
    """A refund: its earn's refunded-so-far field in the wallet hash (refund_field)."""

    @property
    def member(self) -> str:
        """Its entry in the reservation registry."""
        return registry_member(self.account_id, self.epoch, self.request_key)


def registry_member(account_id: str, epoch: int | str, request_key: str) -> str:
    return f"{account_id}|{epoch}|{request_key}"


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """A due entry of the reservation registry."""

    bucket: int
    account_id: str
    epoch: str
    request_key: str

    @property
    def member(self) -> str:
        return registry_member(self.account_id, self.epoch, self.request_key)

    @classmethod
    def decode(cls, bucket: int, member: bytes) -> RegistryEntry:
        account_id, epoch, request_key = member.decode().split("|", 2)
        return cls(bucket, account_id, epoch, request_key)


def held_otp(reservation: bytes | None) -> str:
    """The OTP key of a reservation's value "delta|deadline|otp key|refund field" ("" if none)."""
    return reservation.decode().split("|")[2] if reservation else ""


# --- the calls --------------------------------------------------------------------------------


class WalletCache:
    """The wallet scripts and keys of member wallets, one typed method per call."""

    def __init__(self, client: redis.Redis, scripts: Scripts) -> None:
        self._redis = client
        self._scripts = scripts

    async def load(self, *, account_id: str, epoch: int, available: int, next_expiry_ms: int | str) -> bool:
        """wallet_load: True if loaded, False if this epoch was loaded already."""
        return bool(await self._scripts.run("wallet_load", wallet_keys(account_id, epoch),
                                            [epoch, available, next_expiry_ms]))

    async def reserve(self, *, hold: WalletHold, deadline_ms: int, before: int = 0, after: int = 0,
                      min_amount: int = 0, overdraft: bool = False, refund_points: int = 0,
                      refunded_points: int = 0, otp_mac: str = "", now_ms: int = 0,
                      otp_tries_max: int = 0) -> Reservation:
        """wallet_reserve for `hold` (its OTP and refund field, if any, are checked too)."""
        keys = wallet_keys(hold.account_id, hold.epoch)
        args: list[object] = [hold.epoch, hold.request_key, hold.delta, deadline_ms, before, after, min_amount,
                              int(overdraft), hold.refund, refund_points, refunded_points]
        if hold.otp is not None:
            keys.append(hold.otp)
            args += [otp_mac, now_ms, otp_tries_max]
        return Reservation.decode(await self._scripts.run("wallet_reserve", keys, args))

    async def settle(self, *, account_id: str, epoch: int | str, request_key: str, settlement: Settlement,
                     expire_ms: int | str = "", otp: str | None = None) -> bool:
        """wallet_settle: True if the reservation was settled, False if there was none."""
        keys = wallet_keys(account_id, epoch) + ([otp] if otp else [])
        return await self._scripts.run("wallet_settle", keys,
                                       [epoch, request_key, settlement.value, expire_ms]) == 1

    async def apply(self, *, account_id: str, epoch: int, delta: int, next_expiry_ms: int | str = KEEP,
                    refund: str | None = None) -> bool:
        """wallet_apply: move the loaded balance by `delta` and/or set its next expiry; False if the
        wallet is not loaded under `epoch`."""
        args: list[object] = [epoch, delta, next_expiry_ms] + ([refund] if refund is not None else [])
        return await self._scripts.run("wallet_apply", [wallet_key(account_id)], args) == 1

    async def take_cap(self, *, key: str, used: int, cap: int, wanted: int, life_ms: int) -> int:
        """wallet_cap: the points granted of `wanted` (a negative `wanted` gives points back)."""
        return int(await self._scripts.run("wallet_cap", [key], [used, cap, wanted, life_ms]))

    async def state(self, account_id: str) -> WalletState:
        # Plain commands of the hot path join the tick's pipeline (Scripts.command): no round trip of their own.
        return WalletState.decode(await self._scripts.command("HMGET", wallet_key(account_id), "epoch", "bal", "nexp"))

    async def refunded(self, account_id: str, earn_id: str) -> int | None:
        """The wallet's refunded-so-far count of an earn (None: not seeded)."""
        value = await self._scripts.command("HGET", wallet_key(account_id), refund_field(earn_id))
        return int(value) if value is not None else None

    # --- the registry of reservations ---------------------------------------------------

    async def register(self, hold: WalletHold, deadline_ms: int) -> bool:
        """Enter a reservation before it is made (NX: a retry never moves or removes an entry)."""
        return bool(await self._scripts.command("ZADD", registry_key(hold.account_id), "NX", deadline_ms, hold.member))

    async def unregister(self, hold: WalletHold) -> None:
        await self._scripts.command("ZREM", registry_key(hold.account_id), hold.member)

    async def due(self, bucket: int, now_ms: int) -> list[RegistryEntry]:
        members = await self._redis.zrangebyscore(registry_bucket_key(bucket), "-inf", now_ms,
                                                  start=0, num=REGISTRY_BATCH_MAX)
        return [RegistryEntry.decode(bucket, member) for member in members]

    async def drop_entry(self, entry: RegistryEntry) -> None:
        await self._redis.zrem(registry_bucket_key(entry.bucket), entry.member)

    async def held_otp(self, account_id: str, epoch: int | str, request_key: str) -> str:
        """The OTP key a reservation used ("" if none, or no such reservation)."""
        return held_otp(await self._redis.hget(reservations_key(account_id, epoch), request_key))

    # --- counters and markers -----------------------------------------------------------

    async def code_misses(self, account_id: str) -> int:
        return int(await self._redis.get(code_misses_key(account_id)) or 0)

    async def count_code_miss(self, account_id: str, window_s: int) -> None:
        key = code_misses_key(account_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            await pipe.set(key, 0, ex=window_s, nx=True).incr(key).execute()

    async def code_misses_ttl_s(self, account_id: str) -> int:
        return await self._redis.ttl(code_misses_key(account_id))

    async def count_otp_request(self, account_id: str, window_s: int) -> int:
        """Count an OTP request in the rate window; the count so far, this one included."""
        key = otp_count_key(account_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            _, count = await pipe.set(key, 0, ex=window_s, nx=True).incr(key).execute()
        return int(count)

    async def otp_window_ttl_s(self, account_id: str) -> int:
        return await self._redis.ttl(otp_count_key(account_id))

    async def store_otp(self, *, account_id: str, otp_id: str, mac: str, expire_ms: int, life_s: int) -> None:
        key = otp_key(account_id, otp_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            await (pipe.hset(key, mapping={"mac": mac, "exp": expire_ms, "tries": 0, "used": 0})
                   .expire(key, life_s).execute())

    async def claim_void(self, *, account_id: str, points_transaction_id: str, request_key: str,
                         life_ms: int) -> bool:
        """True if this request holds the transaction's void marker (claimed now or before)."""
        key = void_marker_key(account_id, points_transaction_id)
        if await self._redis.set(key, request_key, nx=True, px=life_ms):
            return True
        return (await self._redis.get(key) or b"").decode() == request_key

    async def drop_void(self, account_id: str, points_transaction_id: str) -> None:
        await self._redis.delete(void_marker_key(account_id, points_transaction_id))
