"""In-memory fakes of the points and checkout adapters (core/adapters/postgres/points_ledger.py,
wallets.py, baskets.py; core/adapters/redis/wallets.py, baskets.py) and of the wallet component:
the same method names, dict storage, and a record of the calls a test asserts on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from core.adapters.postgres.baskets import BasketRecord
from core.adapters.postgres.points_ledger import LedgerTransaction, SpentLots
from core.adapters.redis.wallets import WalletHold
from core.domain.clock import FixedClock
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import PointsExpiryMode, Program, ProgramRules, TransactionState, TransactionType
from core.service.context import Deps

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.timezone.utc)


def fake_deps(now: dt.datetime = NOW) -> Deps:
    """Deps with only a clock: a service under test reaches its stores through its fakes."""
    return Deps(None, None, None, None, None, FixedClock(now))  # type: ignore[arg-type]


def program(**fields) -> Program:
    defaults = dict(org_id="org", program_id="p", display_name="P", currency_code="EUR", time_zone="Europe/Berlin",
                    points_expiry=None, points_expiry_mode=PointsExpiryMode.DURATION, points_expiry_months=0,
                    min_redemption_balance_points=0, min_remaining_balance_points=0, min_redeem_points=0,
                    allow_negative_refund=False, create_time=NOW, update_time=NOW)
    return Program(**{**defaults, **fields})


def rules_source(rules: ProgramRules):
    """A RulesSource (core/service/points/common.py) that answers `rules` for every program."""

    async def load(deps, org_id: str, program_id: str) -> ProgramRules:
        return rules

    return load


def ledger_transaction(**fields) -> LedgerTransaction:
    defaults = dict(points_transaction_id=str(uuid.uuid4()), account_id=str(uuid.uuid4()), program_id="p",
                    type=int(TransactionType.EARN), state=int(TransactionState.POSTED), amount=100, points=100,
                    regular_points=100, bonus_points=0, reward_points=0, store_id="s", transaction_id="t",
                    bill_minor=10_000, currency_code="EUR", refunded_transaction_id=None, refunded_points=0,
                    note=None, expire_time=None, create_time=NOW, lines=None, client_id="cl", operator=None,
                    void_id=None, void_client_id=None, void_operator=None, void_time=None)
    return LedgerTransaction(**{**defaults, **fields})


class FakeLedger:
    """PointsLedgerStore: transactions by (org, id), spent lots by redemption."""

    def __init__(self, *transactions: LedgerTransaction, org_id: str = "org") -> None:
        self.transactions = {(org_id, t.points_transaction_id): t for t in transactions}
        self.spent: dict[str, SpentLots] = {}

    async def transaction(self, org_id: str, points_transaction_id: str) -> LedgerTransaction | None:
        return self.transactions.get((org_id, points_transaction_id))

    async def spent_lots(self, points_transaction_id: str) -> SpentLots:
        return self.spent.get(points_transaction_id, SpentLots(None, None, 0))


class FakeWallets:
    """The wallet component (core/service/points/wallets.py): a balance per account; reserve
    records its arguments and takes debits at once, as wallet_reserve does."""

    def __init__(self, balances: dict[str, int] | None = None, epoch: int = 7) -> None:
        self.balances = dict(balances or {})
        self._epoch = epoch
        self.reserved: list[dict] = []
        self.confirmed: list[WalletHold] = []
        self.released: list[WalletHold] = []

    def epoch(self) -> int:
        return self._epoch

    async def reserve(self, account_id: str, request_key: str, delta: int, **options) -> tuple[WalletHold, int]:
        self.reserved.append({"account_id": account_id, "request_key": request_key, "delta": delta, **options})
        balance = self.balances.get(account_id, 0)
        if delta < 0 and not options.get("overdraft") and balance < -delta:
            raise DomainError(ErrorReason.INSUFFICIENT_POINTS, metadata={"available_points": balance})
        if delta < 0:
            self.balances[account_id] = balance + delta
        return WalletHold(account_id, self._epoch, request_key, delta), self.balances.get(account_id, 0)

    async def confirm(self, hold: WalletHold) -> None:
        self.confirmed.append(hold)

    async def release(self, hold: WalletHold) -> None:
        self.released.append(hold)

    async def available(self, account_id: str) -> tuple[int, int | None]:
        return self.balances.get(account_id, 0), None

    async def expire_if_due(self, account_id: str, now: dt.datetime) -> None:
        return None


class FakeWalletCache:
    """WalletCache's counters and markers: void markers, OTP request counts, stored OTPs."""

    def __init__(self) -> None:
        self.voids: dict[tuple[str, str], str] = {}
        self.otp_requests: dict[str, int] = {}
        self.otps: dict[tuple[str, str], dict] = {}

    async def claim_void(self, *, account_id: str, points_transaction_id: str, request_key: str,
                         life_ms: int) -> bool:
        holder = self.voids.setdefault((account_id, points_transaction_id), request_key)
        return holder == request_key

    async def drop_void(self, account_id: str, points_transaction_id: str) -> None:
        self.voids.pop((account_id, points_transaction_id), None)

    async def count_otp_request(self, account_id: str, window_s: int) -> int:
        self.otp_requests[account_id] = self.otp_requests.get(account_id, 0) + 1
        return self.otp_requests[account_id]

    async def otp_window_ttl_s(self, account_id: str) -> int:
        return 30

    async def store_otp(self, *, account_id: str, otp_id: str, mac: str, expire_ms: int, life_s: int) -> None:
        self.otps[(account_id, otp_id)] = {"mac": mac, "exp": expire_ms}


class FakeContacts:
    """OtpContactStore for accounts without members."""

    async def member(self, account_id: str, user_id: str):
        return None

    async def with_role(self, account_id: str, role: int):
        return None


class FakeSender:
    def __init__(self) -> None:
        self.sent: list = []

    async def send(self, message) -> None:
        self.sent.append(message)


class FakeBasketStore:
    """BasketStore: baskets by (org, id)."""

    def __init__(self, org_id: str = "org") -> None:
        self._org_id = org_id
        self.records: dict[tuple[str, str], BasketRecord] = {}

    def put(self, record: BasketRecord) -> None:
        self.records[(self._org_id, record.basket_id)] = record

    async def basket(self, basket_id: str, org_id: str) -> BasketRecord | None:
        return self.records.get((org_id, basket_id))

    def with_state(self, basket_id: str, state: int) -> None:
        key = (self._org_id, basket_id)
        self.records[key] = dataclasses.replace(self.records[key], state=state)


class FakeBasketCache:
    """BasketCache: records the coupon reservations released."""

    def __init__(self) -> None:
        self.released: list[tuple[tuple[str, ...], str, int]] = []

    async def release_coupon(self, *, keys, request_key: str, epoch: int) -> None:
        self.released.append((tuple(keys), request_key, epoch))


class FakePoints:
    """What the checkout uses of the points engine when no burn or earn is involved."""

    def __init__(self, wallets: FakeWallets) -> None:
        self.wallets = wallets


class FakeCoupons:
    """What the points engine asks of the coupons engine on a refund or void: the reversals of the
    coupons an earn used (none here), counted."""

    def __init__(self) -> None:
        self.reversals_asked: list[str] = []

    async def earn_reversals(self, points_transaction_id: str, request_id: str, caller):
        self.reversals_asked.append(points_transaction_id)
        return (), None
