"""Points and checkout rules at the service layer, against in-memory fakes of the stores
(tests/fakes/points.py): refund bounds against what is left of a transaction, void eligibility and
its marker, the OTP threshold and rate decisions, and basket state transitions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from core.adapters.postgres.baskets import BasketRecord
from core.adapters.postgres.points_ledger import SpentLots
from core.domain import limits
from core.domain.checkout import Basket, BasketState
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import ProgramRules, TransactionType
from core.service.checkout import CaptureBasket, Checkout, VoidBasket
from core.service.context import Caller
from core.service.points.admin import PointsAdmin
from core.service.points.commands import RefundPoints, RequestOtp, VoidTransaction
from core.service.points.redemption import Redemption
from core.service.points.refunds import Refunds
from core.service.accounts import AccountRef
from tests.fakes.points import (NOW, FakeBasketCache, FakeBasketStore, FakeContacts, FakeCoupons, FakeLedger,
                                FakePoints, FakeSender, FakeWalletCache, FakeWallets, fake_deps, ledger_transaction,
                                program, rules_source)

CALLER = Caller(client_id="cl", org_id="org")


async def reason_of(awaitable) -> ErrorReason:
    with pytest.raises(DomainError) as raised:
        await awaitable
    return raised.value.reason


# --- refunds ------------------------------------------------------------------------------------


def refunds(*transactions, rules: ProgramRules | None = None, balances=None):
    ledger, wallets, coupons = FakeLedger(*transactions), FakeWallets(balances), FakeCoupons()
    engine = Refunds(fake_deps(), wallets, coupons, ledger=ledger,  # type: ignore[arg-type]
                     rules=rules_source(rules or ProgramRules(program())))
    return engine, ledger, wallets, coupons


def refund(engine, original, points: int = 0):
    command = RefundPoints(uuid.uuid4().hex, original.points_transaction_id, points)
    return engine.prepare_refund(command, CALLER, original.points_transaction_id)


async def test_a_refund_is_bounded_by_what_is_left_of_the_earn():
    earn = ledger_transaction(amount=100, points=100, refunded_points=60)
    engine, _, wallets, coupons = refunds(earn, balances={earn.account_id: 100})

    with pytest.raises(DomainError) as raised:
        await refund(engine, earn, 41)
    assert raised.value.reason is ErrorReason.REFUND_EXCEEDS_TRANSACTION
    assert raised.value.metadata["refundable_points"] == "40"
    assert wallets.reserved == []

    prepared = await refund(engine, earn)  # 0: everything left, 40 points
    assert prepared.result.transactions[0].points == -40
    assert prepared.result.transactions[0].type == TransactionType.REFUND
    (reserved,) = wallets.reserved
    assert reserved["delta"] == -40 and reserved["refund"] == (earn.points_transaction_id, 100, 60)
    assert coupons.reversals_asked == [earn.points_transaction_id]  # The rest in full: the coupons go back.


async def test_a_partial_refund_keeps_the_earns_coupons():
    earn = ledger_transaction(amount=100, points=100)
    engine, _, wallets, coupons = refunds(earn, balances={earn.account_id: 100})

    await refund(engine, earn, 99)

    assert wallets.reserved[0]["delta"] == -99
    assert coupons.reversals_asked == []


async def test_nothing_is_refunded_of_a_fully_refunded_voided_or_unrefundable_transaction():
    done = ledger_transaction(amount=100, refunded_points=100)
    voided = ledger_transaction(void_id=str(uuid.uuid4()))
    expiry = ledger_transaction(type=int(TransactionType.EXPIRE), amount=5, points=-5)
    engine, *_ = refunds(done, voided, expiry)

    assert await reason_of(refund(engine, done)) is ErrorReason.REFUND_EXCEEDS_TRANSACTION
    assert await reason_of(refund(engine, voided)) is ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED
    assert await reason_of(refund(engine, expiry)) is ErrorReason.POINTS_TRANSACTION_NOT_REFUNDABLE
    assert await reason_of(refund(engine, ledger_transaction())) is ErrorReason.POINTS_TRANSACTION_NOT_FOUND


async def test_a_redemptions_refund_is_a_credit_expiring_with_the_soonest_lot_still_to_give_back():
    redemption = ledger_transaction(type=int(TransactionType.REDEEM), amount=50, points=-50, refunded_points=10)
    engine, ledger, wallets, _ = refunds(redemption)
    soonest = NOW + dt.timedelta(days=3)
    ledger.spent[redemption.points_transaction_id] = SpentLots(soonest, NOW, 2)

    prepared = await refund(engine, redemption, 40)

    (reserved,) = wallets.reserved
    assert reserved["delta"] == 40 and reserved["expire_time"] == soonest
    assert reserved["refund"] == (redemption.points_transaction_id, 50, 10)
    assert prepared.result.transactions[0].points == 40
    assert await reason_of(refund(engine, redemption, 41)) is ErrorReason.REFUND_EXCEEDS_TRANSACTION


# --- voids --------------------------------------------------------------------------------------


def admin(*transactions, balances=None):
    ledger, wallets, cache = FakeLedger(*transactions), FakeWallets(balances), FakeWalletCache()
    engine = PointsAdmin(fake_deps(), FakePoints(wallets), FakeCoupons(), ledger=ledger,  # type: ignore[arg-type]
                         cache=cache, rules=rules_source(ProgramRules(program())))
    return engine, wallets, cache


def void(engine, original, request_id: str = "v1"):
    command = VoidTransaction(request_id, original.points_transaction_id, "op")
    return engine._prepare_void(command, CALLER, original.points_transaction_id)


async def test_a_void_cancels_the_whole_earn_and_holds_the_transactions_marker():
    earn = ledger_transaction(amount=100, points=100)
    engine, wallets, cache = admin(earn, balances={earn.account_id: 150})

    prepared = await void(engine, earn)

    cancel, voided = prepared.result.transactions
    assert cancel.type == TransactionType.VOID and cancel.points == -100
    assert voided.voided_id == cancel.points_transaction_id and voided.refunded_points == 100
    assert prepared.result.available_points == 50
    assert wallets.reserved[0]["refund"] == (earn.points_transaction_id, 100, 0)
    assert cache.voids == {(earn.account_id, earn.points_transaction_id): "cl:v1"}
    # Another void of it while this one holds the marker is refused before reserving anything.
    assert await reason_of(void(engine, earn, "v2")) is ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED
    assert len(wallets.reserved) == 1
    # Not committed: the reservation and the marker go.
    await prepared.on_abort()
    assert wallets.released and cache.voids == {}


async def test_a_void_is_refused_past_its_window_or_after_a_refund_and_claims_nothing():
    late = ledger_transaction(create_time=NOW - dt.timedelta(seconds=limits.VOID_WINDOW_SECONDS + 1))
    refunded = ledger_transaction(refunded_points=1)
    engine, wallets, cache = admin(late, refunded)

    assert await reason_of(void(engine, late)) is ErrorReason.VOID_WINDOW_PASSED
    assert await reason_of(void(engine, refunded)) is ErrorReason.POINTS_TRANSACTION_REFUNDED
    assert cache.voids == {} and wallets.reserved == []


async def test_a_refund_in_flight_refuses_the_void_and_frees_its_marker():
    earn = ledger_transaction(amount=100, points=100)
    engine, wallets, cache = admin(earn, balances={earn.account_id: 100})

    async def refund_in_flight(*args, **kwargs):
        raise DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"refundable_points": 70})

    wallets.reserve = refund_in_flight  # type: ignore[method-assign]

    with pytest.raises(DomainError) as raised:
        await void(engine, earn)
    assert raised.value.reason is ErrorReason.POINTS_TRANSACTION_REFUNDED
    assert raised.value.metadata["refunded_points"] == "70"
    assert cache.voids == {}


# --- OTP requests -------------------------------------------------------------------------------


@dataclasses.dataclass
class _Account:
    account_id: str
    program_id: str = "p"


def redemption(balance: int, otp_rate_max: int = 5):
    account = _Account(str(uuid.uuid4()))
    wallets, cache, sender = FakeWallets({account.account_id: balance}), FakeWalletCache(), FakeSender()
    engine = Redemption(fake_deps(), wallets, sender, otp_rate_max=otp_rate_max,  # type: ignore[arg-type]
                        cache=cache, contacts=FakeContacts(), otp_secret=b"k" * 32)
    return engine, account, cache, sender


def request_otp(engine, account, points: int, **program_fields):
    return engine._send_otp(RequestOtp(uuid.uuid4().hex, AccountRef(account.account_id), points), account,
                            ProgramRules(program(**program_fields)))


async def test_an_otp_is_sent_only_when_the_redemption_would_pass_its_thresholds():
    engine, account, cache, sender = redemption(balance=100)

    with pytest.raises(DomainError) as raised:
        await request_otp(engine, account, 30, min_remaining_balance_points=71)
    assert raised.value.reason is ErrorReason.REDEMPTION_THRESHOLD_NOT_MET
    assert raised.value.metadata == {"min_remaining_balance_points": "71"}
    assert await reason_of(request_otp(engine, account, 30, min_redemption_balance_points=101)
                           ) is ErrorReason.REDEMPTION_THRESHOLD_NOT_MET
    assert await reason_of(request_otp(engine, account, 9, min_redeem_points=10)) is ErrorReason.REDEEM_AMOUNT_TOO_LOW
    assert await reason_of(request_otp(engine, account, 101)) is ErrorReason.INSUFFICIENT_POINTS
    assert sender.sent == [] and cache.otps == {}

    ticket = await request_otp(engine, account, 30, min_remaining_balance_points=70)  # exactly at the threshold

    (message,) = sender.sent
    assert message.otp_id == ticket.otp_id and message.points == 30 and len(message.code) == 6
    assert cache.otps[(account.account_id, ticket.otp_id)]["mac"] != message.code  # stored as a MAC only


async def test_otp_requests_beyond_the_rate_are_refused_with_a_retry_time():
    engine, account, _, sender = redemption(balance=100, otp_rate_max=2)
    await request_otp(engine, account, 10)
    await request_otp(engine, account, 10)

    with pytest.raises(DomainError) as raised:
        await request_otp(engine, account, 10)
    assert raised.value.reason is ErrorReason.OTP_RATE_LIMITED
    assert raised.value.retry_after_ms == 30_000
    assert len(sender.sent) == 2


# --- basket transitions -------------------------------------------------------------------------


def checkout(state: BasketState = BasketState.AUTHORIZED, expire_in: dt.timedelta = dt.timedelta(minutes=5)):
    store, cache, wallets = FakeBasketStore(), FakeBasketCache(), FakeWallets()
    basket = Basket(str(uuid.uuid4()), int(BasketState.AUTHORIZED), str(uuid.uuid4()), "s", "t", (), 2_000, "EUR",
                    (), 40, 0, NOW - dt.timedelta(minutes=1), NOW + expire_in)
    wallet_hold = {"account_id": basket.account_id, "epoch": 3, "request_key": "cl:r#burn", "delta": -40,
                   "otp": None, "expire_ms": "", "refund": ""}
    holds = {"coupons": [{"index": 0, "keys": ["k1", "k2"], "request_key": "cl:r#coupon0", "epoch": 3, "row": {}}],
             "wallet": wallet_hold, "earn": False, "card": "", "location": ["s", "", ""]}
    store.put(BasketRecord(basket.basket_id, basket.to_json(), holds, "p", int(state), None, None, None,
                           basket.authorize_time))
    engine = Checkout(fake_deps(), None, None, FakePoints(wallets), store=store, cache=cache)  # type: ignore[arg-type]
    return engine, basket, store, cache, wallets


async def test_voiding_an_authorized_basket_releases_every_reservation_once_committed():
    engine, basket, _, cache, wallets = checkout()

    prepared = await engine._prepare_void(VoidBasket("v", basket.basket_id), CALLER, basket.basket_id)

    assert prepared.result.state == BasketState.VOIDED and prepared.result.void_time == NOW
    assert len(prepared.rows) == 1 and cache.released == [] and wallets.released == []
    await prepared.on_commit()
    assert cache.released == [(("k1", "k2"), "cl:r#coupon0", 3)]
    assert [(h.request_key, h.delta) for h in wallets.released] == [("cl:r#burn", -40)]


@pytest.mark.parametrize("state", [BasketState.VOIDED, BasketState.EXPIRED])
async def test_voiding_a_released_basket_changes_nothing(state):
    engine, basket, *_ = checkout(state)

    prepared = await engine._prepare_void(VoidBasket("v", basket.basket_id), CALLER, basket.basket_id)

    assert prepared.rows == () and prepared.result.state == state and prepared.on_commit is None


async def test_a_captured_basket_is_neither_voided_nor_captured_again():
    engine, basket, *_ = checkout(BasketState.CAPTURED)

    assert await reason_of(engine._prepare_void(VoidBasket("v", basket.basket_id), CALLER, basket.basket_id)
                           ) is ErrorReason.BASKET_ALREADY_CAPTURED
    assert await reason_of(engine._prepare_capture(CaptureBasket("c", basket.basket_id), CALLER, basket.basket_id)
                           ) is ErrorReason.BASKET_ALREADY_CAPTURED


async def test_a_basket_is_not_captured_from_its_expire_time_on_nor_after_a_void():
    engine, basket, store, *_ = checkout(expire_in=dt.timedelta(0))  # expires exactly now

    capture = lambda: engine._prepare_capture(CaptureBasket("c", basket.basket_id), CALLER,  # noqa: E731
                                              basket.basket_id)
    assert await reason_of(capture()) is ErrorReason.BASKET_EXPIRED
    store.with_state(basket.basket_id, int(BasketState.VOIDED))
    assert await reason_of(capture()) is ErrorReason.BASKET_VOIDED
    assert await reason_of(engine.get(str(uuid.uuid4()), CALLER)) is ErrorReason.BASKET_NOT_FOUND
