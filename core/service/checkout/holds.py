"""What a basket keeps of the coupon reservations it holds (in its row's `holds`, so that any
worker settles them later): the reservation's keys, request key and epoch, and its redemption row
as the capture commits it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from core.adapters.postgres.ledger_writer import Row
from core.adapters.redis.state import StateGuard
from core.adapters.redis.wallets import WalletHold
from core.domain.errors import ErrorReason
from core.service.coupons import _REDEMPTION_COLUMNS, coupon_keys, offer_keys

COUPON_REJECTIONS = {
    "coupon_redemptions_epoch_fence": ErrorReason.STATE_REBUILDING,
    "coupon_redemptions_coupon_use_unique": ErrorReason.COUPON_ALREADY_REDEEMED,
    "coupon_redemptions_coupon_revoked": ErrorReason.COUPON_REVOKED,
    "coupon_redemptions_coupon_not_activated": ErrorReason.COUPON_NOT_ACTIVATED,
}
TRANSITION_REJECTIONS = {
    "baskets_captured": ErrorReason.BASKET_ALREADY_CAPTURED,
    "baskets_voided": ErrorReason.BASKET_VOIDED,
    "baskets_expired": ErrorReason.BASKET_EXPIRED,
    "basket_events_pkey": ErrorReason.BASKET_ALREADY_CAPTURED,
    "points_transactions_epoch_fence": ErrorReason.STATE_REBUILDING,
    "points_wallets_floor": ErrorReason.INSUFFICIENT_POINTS,
}
REFUND_REJECTIONS = {
    "basket_refunds_pkey": ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
    "basket_refunds_sequence": ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
    "basket_refunds_exceed": ErrorReason.REFUND_EXCEEDS_CAPTURED,
    "basket_refunds_not_captured": ErrorReason.BASKET_NOT_CAPTURED,
    "points_transactions_refund_limit": ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
}


@dataclass(frozen=True, slots=True)
class CouponRef:
    """An issued coupon as coupon_redeem needs it: its id (its use count is under the offer's tag)."""

    coupon_id: str


def reservation_keys(offer_id: str, account_id: str, coupon_id: str | None, epoch: int) -> list[str]:
    """The keys coupon_release settles a coupon reservation by."""
    keys = offer_keys(offer_id, account_id, epoch)
    if coupon_id:
        keys += coupon_keys(offer_id, coupon_id)[:1]
    return keys


@dataclass(frozen=True, slots=True)
class CouponHold:
    """One coupon reservation of a basket: its place among the basket's coupons, the keys,
    request key and epoch coupon_release/coupon_confirm settle it by, and the values of its
    coupon_redemptions row (the columns of core.service.coupons._REDEMPTION_COLUMNS, the
    redeem time in ISO 8601)."""

    index: int
    keys: tuple[str, ...]
    request_key: str
    epoch: int
    row: dict

    def to_json(self) -> dict:
        return {"index": self.index, "keys": list(self.keys), "request_key": self.request_key, "epoch": self.epoch,
                "row": self.row}

    @classmethod
    def from_json(cls, data: dict) -> CouponHold:
        return cls(data["index"], tuple(data["keys"]), data["request_key"], data["epoch"], data["row"])


@dataclass(frozen=True, slots=True)
class BasketHolds:
    """What a basket holds (its row's `holds`, as JSON): the coupon reservations, the burn's wallet
    reservation, whether the capture earns and with which card, and the checkout's location."""

    coupons: tuple[CouponHold, ...]
    wallet: WalletHold | None
    earn: bool
    card: str
    location: tuple[str, ...] | None
    """(store, zone, interaction point[, concept]); None in baskets authorized before it was kept."""
    burn_transaction_id: str = ""
    """The REDEEM a capture posts (the row's burn_transaction_id; not part of the JSON)."""

    def to_json(self) -> dict:
        return {"coupons": [hold.to_json() for hold in self.coupons],
                "wallet": dataclasses.asdict(self.wallet) if self.wallet else None, "earn": self.earn,
                "card": self.card, "location": list(self.location) if self.location is not None else None}

    @classmethod
    def from_json(cls, data: dict, burn_transaction_id: str = "") -> BasketHolds:
        location = data.get("location")
        return cls(tuple(CouponHold.from_json(hold) for hold in data["coupons"]),
                   WalletHold(**data["wallet"]) if data["wallet"] else None, data["earn"], data["card"],
                   tuple(location) if location else None, burn_transaction_id)


def coupon_hold(row: Row, index: int) -> CouponHold:
    """What settles a coupon's reservation later (in any worker), and its ledger row."""
    values = dict(zip(row.columns, row.values))
    epoch = values["epoch"]
    return CouponHold(index, tuple(reservation_keys(values["offer_id"], values["account_id"], values["coupon_id"],
                                                    epoch)),
                      f"{values['client_id']}:{values['request_id']}", epoch,
                      {**values, "redeem_time": values["redeem_time"].isoformat()})


def redemption_row(values: dict, points_transaction_id: str | None) -> Row:
    """The coupon_redemptions row of a held coupon, as the capture commits it."""
    values = {"interaction_point_id": None,  # Not held by baskets authorized before it was recorded.
              **values, "redeem_time": dt.datetime.fromisoformat(values["redeem_time"]),
              "points_transaction_id": points_transaction_id}
    return Row("coupon_redemptions", _REDEMPTION_COLUMNS, tuple(values[column] for column in _REDEMPTION_COLUMNS))


def admitted_epoch(wallet_hold: WalletHold | None, coupon_holds: list[CouponHold], guard: StateGuard) -> int:
    """The Redis epoch the basket's reservations were made under (its row is fenced by it)."""
    if coupon_holds:
        return coupon_holds[0].epoch
    return wallet_hold.epoch if wallet_hold else guard.require_ready()
