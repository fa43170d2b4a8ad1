"""What the points engine answers: transactions, movements, OTP tickets and balances (their JSON
forms are the stored replies of idempotent requests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import asdict, dataclass

from core.adapters.postgres.points_ledger import LedgerTransaction, LuckyDrawRow
from core.adapters.postgres.receipts import ReceiptRow
from core.domain import limits
from core.domain.loyalty import Tier, TransactionState
from core.domain.receipts import Receipt, ReceiptDetail
from core.domain.lucky_draws import EntryState
from core.service.coupons.earn import AppliedCoupon


@dataclass(frozen=True, slots=True)
class LuckyDrawEntry:
    """The lucky-draw points and numbers of one EARN. The numbers are given where the earn
    commits: before that (the prepared reply) first_number and last_number are 0."""

    points_transaction_id: str
    account_id: str
    program_id: str
    draw_period: str
    regular_points: int
    bonus_points: int
    reward_points: int
    create_time: dt.datetime
    first_number: int = 0
    last_number: int = 0
    number_width: int = limits.LUCKY_DRAW_NUMBER_WIDTH_DEFAULT
    state: int = EntryState.ACTIVE
    void_transaction_id: str = ""
    void_time: dt.datetime | None = None

    @property
    def count(self) -> int:
        return self.regular_points + self.bonus_points + self.reward_points

    @property
    def allocated(self) -> bool:
        return self.first_number > 0

    def to_json(self) -> dict:
        """Its JSON form (a stored reply, an event's payload): the numbers are null until given."""
        data = asdict(self)
        data["create_time"] = self.create_time.isoformat()
        data["void_time"] = self.void_time.isoformat() if self.void_time else None
        if not self.allocated:
            data["first_number"] = data["last_number"] = None
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> LuckyDrawEntry | None:
        if not data:
            return None
        return cls(**{**data, "create_time": dt.datetime.fromisoformat(data["create_time"]),
                      "void_time": dt.datetime.fromisoformat(data["void_time"]) if data["void_time"] else None,
                      "first_number": data["first_number"] or 0, "last_number": data["last_number"] or 0})

    @classmethod
    def of(cls, row: LuckyDrawRow) -> LuckyDrawEntry:
        return cls(row.points_transaction_id, row.account_id, row.program_id, row.draw_period, row.regular_points,
                   row.bonus_points, row.reward_points, row.create_time, row.first_number, row.last_number,
                   row.number_width, row.state, row.void_transaction_id or "", row.void_time)


@dataclass(frozen=True, slots=True)
class PointsTransaction:
    points_transaction_id: str
    account_id: str
    type: int
    points: int
    create_time: dt.datetime
    regular_points: int = 0
    bonus_points: int = 0
    reward_points: int = 0
    store_id: str = ""
    transaction_id: str = ""
    bill_minor: int | None = None
    currency_code: str = ""
    refunded_transaction_id: str = ""
    refunded_points: int = 0
    note: str = ""
    expire_time: dt.datetime | None = None
    state: int = TransactionState.POSTED
    lines: tuple[tuple[str, int, int], ...] = ()
    """EARN: the purchase's lines, (sku, quantity, amount in minor units)."""
    client_id: str = ""
    """The API client that posted it (shown as ADJUST's `adjusted`)."""
    operator: str = ""
    """VOID, ADJUST: the operator named in the request."""
    voided_id: str = ""
    """EARN, REDEEM: the VOID transaction that cancelled it, if any (with its client, operator
    and time below)."""
    voided_client_id: str = ""
    voided_operator: str = ""
    voided_time: dt.datetime | None = None
    lucky_draw: LuckyDrawEntry | None = None
    """EARN of a program with lucky draws: its lucky-draw points and numbers."""
    receipt: Receipt | None = None
    """EarnPoints EARN: its receipt (core/domain/receipts.py)."""
    card_type_id: str = ""
    """EarnPoints EARN: the tier it earned in, and that tier's multiplier (BPS when none)."""
    card_type_multiplier_bps: int = 0
    points_value_minor: int | None = None
    """REDEEM: the money value of the points burned (Program.points_value), in currency_code."""
    interaction_point_id: str = ""
    """The interaction point (seed 001 interaction-id) the request named; store_id is its store."""

    def to_json(self) -> dict:
        # Shallow (dataclasses.asdict deep-copies every value, a tenth of an earn's CPU): the
        # nested values are converted below, the rest are plain values and tuples.
        data = {name: getattr(self, name) for name in _TRANSACTION_FIELDS}
        data["lucky_draw"] = self.lucky_draw.to_json() if self.lucky_draw is not None else None
        data["receipt"] = self.receipt.to_json() if self.receipt is not None else None
        data["create_time"] = self.create_time.isoformat()
        data["expire_time"] = self.expire_time.isoformat() if self.expire_time else None
        data["voided_time"] = self.voided_time.isoformat() if self.voided_time else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> PointsTransaction:
        return cls(**{**data, "create_time": dt.datetime.fromisoformat(data["create_time"]),
                      "expire_time": dt.datetime.fromisoformat(data["expire_time"]) if data["expire_time"] else None,
                      "voided_time": (dt.datetime.fromisoformat(data["voided_time"]) if data.get("voided_time")
                                      else None),
                      "lines": tuple(tuple(line) for line in data.get("lines", ())),
                      "lucky_draw": LuckyDrawEntry.from_json(data.get("lucky_draw")),
                      "receipt": Receipt.from_json(data.get("receipt"))})

    @classmethod
    def of(cls, row: LedgerTransaction) -> PointsTransaction:
        """The transaction as the ledger holds it."""
        return cls(
            points_transaction_id=row.points_transaction_id, account_id=row.account_id, type=row.type,
            points=row.points, create_time=row.create_time, regular_points=row.regular_points,
            bonus_points=row.bonus_points, reward_points=row.reward_points, store_id=row.store_id or "",
            transaction_id=row.transaction_id or "", bill_minor=row.bill_minor,
            currency_code=row.currency_code or "", refunded_transaction_id=row.refunded_transaction_id or "",
            refunded_points=row.refunded_points, note=row.note or "", expire_time=row.expire_time,
            state=row.state, lines=tuple(tuple(line) for line in row.lines or ()), client_id=row.client_id,
            operator=row.operator or "", voided_id=row.void_id or "", voided_client_id=row.void_client_id or "",
            voided_operator=row.void_operator or "", voided_time=row.void_time,
            lucky_draw=LuckyDrawEntry.of(row.lucky) if row.lucky is not None else None,
            receipt=_receipt_of(row.receipt), card_type_id=(row.receipt.card_type_id or "") if row.receipt else "",
            card_type_multiplier_bps=row.receipt.card_type_multiplier_bps if row.receipt else 0,
            points_value_minor=row.points_value_minor,
            interaction_point_id=row.interaction_point_id or "")


def _receipt_of(row: ReceiptRow | None) -> Receipt | None:
    if row is None:
        return None
    return Receipt(row.receipt_number or "", row.receipt_sequence, row.receipt_type, row.posted_by,
                   tuple(ReceiptDetail.from_json(detail) for detail in row.details))


@dataclass(frozen=True, slots=True)
class TransactionDetails:
    """GetTransaction: one transaction with its ledger legs and what reversed it."""

    transaction: PointsTransaction
    movements: tuple[tuple[str, int], ...]
    """(ledger account, points): the debited account (negative), then the credited one."""
    reversals: tuple[PointsTransaction, ...]
    """Its REFUND and VOID transactions, oldest first."""


_TRANSACTION_FIELDS = tuple(field.name for field in dataclasses.fields(PointsTransaction))


@dataclass(frozen=True, slots=True)
class Movement:
    """The transactions a command posted, and the account's available balance right after it
    (as the atomic reservation saw it)."""

    transactions: tuple[PointsTransaction, ...]
    available_points: int
    coupons: tuple[AppliedCoupon, ...] = ()
    """EARN: the EXTRAPOINT and MULTIPLIER coupons applied, listed ones first."""
    card_type: Tier | None = None
    """EarnPoints: the tier (card type) the purchase earned in."""

    def to_json(self) -> dict:
        return {"transactions": [t.to_json() for t in self.transactions], "available_points": self.available_points,
                "coupons": [asdict(c) for c in self.coupons],
                "card_type": self.card_type.to_json() if self.card_type is not None else None}

    @classmethod
    def from_json(cls, data: dict) -> Movement:
        card_type = data.get("card_type")
        return cls(tuple(PointsTransaction.from_json(t) for t in data["transactions"]), data["available_points"],
                   tuple(AppliedCoupon(**c) for c in data.get("coupons", ())),
                   Tier.from_json(card_type) if card_type else None)


@dataclass(frozen=True, slots=True)
class OtpTicket:
    otp_id: str
    expire_time: dt.datetime
    points: int = 0
    """The points the OTP allows to redeem (asked, or converted from money)."""
    points_value_minor: int | None = None
    """Their money value (Program.points_value), in currency_code; None if not stated."""
    currency_code: str = ""

    def to_json(self) -> dict:
        return {"otp_id": self.otp_id, "expire_time": self.expire_time.isoformat(), "points": self.points,
                "points_value_minor": self.points_value_minor, "currency_code": self.currency_code}

    @classmethod
    def from_json(cls, data: dict) -> OtpTicket:
        return cls(data["otp_id"], dt.datetime.fromisoformat(data["expire_time"]), data.get("points", 0),
                   data.get("points_value_minor"), data.get("currency_code", ""))


@dataclass(frozen=True, slots=True)
class Balance:
    account_id: str
    posted_points: int
    pending_points: int
    available_points: int
    expiring_points: int
    next_expire_time: dt.datetime | None
    balance_time: dt.datetime
    tier_id: str


def movement_account(movement: Movement) -> str:
    """The account an outbox event of a points movement is about (its first transaction's)."""
    return movement.transactions[0].account_id
