"""The points engine against real Redis and Postgres with a clock the test moves: expiry at the
boundary second in the program's time zone, FIFO spending across lots, OTP expiry and rate
limit, the recovery sweep, and a Redis loss between two movements."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from core.adapters.redis.state import GENERATION_KEY
from core.domain.accounts import Identifier, IdentifierType
from core.domain.clock import FixedClock
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import PointsExpiryMode, Program
from core.service import accounts, programs
from core.service.context import Caller
from core.service.points import (AccountRef, EarnPoints, RedeemPoints, RefundPoints, RequestOtp, TxType,
                                 refund_field, wallet_keys)
from server import bootstrap

BERLIN = "Europe/Berlin"


class Inbox:
    """An OTP sender that keeps what it sent, as a member's phone would."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    async def send(self, message) -> None:
        self.codes[message.otp_id] = message.code


@pytest.fixture
def clock():
    # A month's end a year ahead: lots expire after the real clock's now, so the expiry timer of a
    # server sharing the database (the e2e suite's, on the real clock) never takes them.
    return FixedClock(dt.datetime(dt.datetime.now(dt.timezone.utc).year + 1, 1, 31, 12, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
async def engine(deps, clock):
    timed = dataclasses.replace(deps, clock=clock)
    guard = bootstrap.state_guard(timed, coupon_counters=False)
    await guard.ensure()
    inbox = Inbox()
    points = bootstrap.Engines(timed, guard, otp_sender=inbox, otp_rate_max=5).points
    points.inbox = inbox
    points.guard = guard
    points.deps = timed
    return points


@pytest.fixture
def caller():
    return Caller(client_id=f"cl-{uuid.uuid4().hex[:8]}", org_id=f"org-{uuid.uuid4().hex[:8]}")


async def program_of(engine, caller, **fields) -> str:
    program_id = "p-" + uuid.uuid4().hex[:8]
    now = engine.deps.clock.now()
    defaults = dict(org_id=caller.org_id, program_id=program_id, display_name="P", currency_code="EUR",
                    time_zone=BERLIN, points_expiry=None, points_expiry_mode=PointsExpiryMode.DURATION,
                    points_expiry_months=0, min_redemption_balance_points=0, min_remaining_balance_points=0,
                    min_redeem_points=0, allow_negative_refund=False, create_time=now, update_time=now)
    await programs.create_program(programs.CreateProgram(uuid.uuid4().hex, Program(**{**defaults, **fields})),
                                  caller, engine.deps)
    from core.domain.loyalty import EarnRule, RatioRule
    await programs.create_earn_rule(programs.CreateEarnRule(uuid.uuid4().hex, EarnRule(
        "", program_id, "1 per EUR", RatioRule(1, 100))), caller, engine.deps)
    return program_id


async def account_of(engine, caller, program_id: str) -> str:
    account = await accounts.create_account(accounts.CreateAccount(
        uuid.uuid4().hex, program_id, (Identifier(IdentifierType.CARDCODE, "C" + uuid.uuid4().hex[:10].upper()),)),
        caller, engine.deps)
    return account.account_id


async def earn(engine, caller, account_id: str, bill_minor: int):
    return await engine.earn(EarnPoints(uuid.uuid4().hex, AccountRef(account_id), "s", uuid.uuid4().hex, bill_minor,
                                        "EUR"), caller)


async def redeem(engine, caller, account_id: str, points: int):
    ticket = await engine.request_otp(RequestOtp(uuid.uuid4().hex, AccountRef(account_id), points), caller)
    return await engine.redeem(RedeemPoints(uuid.uuid4().hex, AccountRef(account_id), points, ticket.otp_id,
                                            engine.inbox.codes[ticket.otp_id]), caller)


async def available(engine, caller, account_id: str) -> int:
    return (await engine.balance(AccountRef(account_id), None, caller)).available_points


async def reason_of(awaitable):
    try:
        await awaitable
    except DomainError as error:
        return error.reason
    return None


async def test_month_end_expiry_happens_at_the_boundary_second_in_the_program_time_zone(engine, caller, clock):
    program = await program_of(engine, caller, points_expiry_mode=PointsExpiryMode.MONTH_END, points_expiry_months=0)
    account = await account_of(engine, caller, program)
    clock.at = dt.datetime(2026, 1, 31, 22, 30, tzinfo=dt.timezone.utc)  # 23:30 on 31 January in Berlin
    earned = await earn(engine, caller, account, 10_000)
    boundary = dt.datetime(2026, 1, 31, 23, 0, tzinfo=dt.timezone.utc)  # midnight in Berlin

    assert earned.transactions[0].expire_time == boundary
    clock.at = boundary - dt.timedelta(microseconds=1)
    assert await engine.expire_due() == 0 and await available(engine, caller, account) == 100
    clock.at = boundary
    assert await available(engine, caller, account) == 0  # gone as of the boundary, job or not
    assert await engine.expire_due() >= 1  # (the shared database's other due lots count too)
    assert await available(engine, caller, account) == 0
    history, _ = await engine.transactions(__import__("core.service.points", fromlist=["x"]).ListTransactions(
        AccountRef(account)), caller)
    assert [(t.type, t.points) for t in history] == [(TxType.EXPIRE, -100), (TxType.EARN, 100)]


async def test_redemptions_spend_the_soonest_expiring_points_first(engine, caller, clock):
    program = await program_of(engine, caller, points_expiry=dt.timedelta(days=30))
    account = await account_of(engine, caller, program)
    start = clock.at
    await earn(engine, caller, account, 10_000)  # 100 expiring at start + 30 d
    clock.at = start + dt.timedelta(days=1)
    await earn(engine, caller, account, 10_000)  # 100 expiring at start + 31 d

    await redeem(engine, caller, account, 150)  # all of the first lot, half of the second

    clock.at = start + dt.timedelta(days=30)
    await engine.expire_due()  # the first lot is spent: nothing of this account's left to expire
    assert await available(engine, caller, account) == 50
    clock.at = start + dt.timedelta(days=31)
    assert await engine.expire_due() >= 1  # (the shared database's other due lots count too)
    assert await available(engine, caller, account) == 0


async def test_a_redemption_after_the_expiry_instant_cannot_spend_the_expired_points(engine, caller, clock):
    program = await program_of(engine, caller, points_expiry=dt.timedelta(hours=1))
    account = await account_of(engine, caller, program)
    await earn(engine, caller, account, 10_000)
    clock.advance(dt.timedelta(minutes=58))
    ticket = await engine.request_otp(RequestOtp(uuid.uuid4().hex, AccountRef(account), 100), caller)
    clock.advance(dt.timedelta(minutes=2))  # the OTP still lives; the points do not

    assert await reason_of(engine.redeem(RedeemPoints(uuid.uuid4().hex, AccountRef(account), 100, ticket.otp_id,
                                                      engine.inbox.codes[ticket.otp_id]), caller)) == \
        ErrorReason.INSUFFICIENT_POINTS


async def test_an_otp_expires_after_its_ttl(engine, caller, clock):
    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    await earn(engine, caller, account, 10_000)
    ticket = await engine.request_otp(RequestOtp(uuid.uuid4().hex, AccountRef(account), 10), caller)
    attempt = lambda: engine.redeem(RedeemPoints(uuid.uuid4().hex, AccountRef(account), 10, ticket.otp_id,  # noqa
                                                 engine.inbox.codes[ticket.otp_id]), caller)

    clock.at = ticket.expire_time
    assert await reason_of(attempt()) == ErrorReason.OTP_NOT_FOUND
    clock.at = ticket.expire_time - dt.timedelta(milliseconds=1)
    assert await reason_of(attempt()) is None


async def test_otp_requests_are_limited_per_account(engine, caller):
    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    await earn(engine, caller, account, 10_000)
    request = lambda: engine.request_otp(RequestOtp(uuid.uuid4().hex, AccountRef(account), 10), caller)  # noqa

    reasons = [await reason_of(request()) for _ in range(6)]

    assert reasons == [None] * 5 + [ErrorReason.OTP_RATE_LIMITED]


async def test_an_abandoned_reservation_is_released_by_the_sweep(engine, caller, clock):
    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    await earn(engine, caller, account, 10_000)
    await engine.wallets.reserve(account, "crashed:request", -60)  # a worker died right after this
    assert await available(engine, caller, account) == 100  # Postgres never saw it ...
    assert int(await engine.deps.redis.hget(wallet_keys(account, engine.guard.epoch)[0], "bal")) == 40  # Redis did

    clock.advance(dt.timedelta(seconds=31))
    assert (await engine.wallets.sweep())[1] >= 1

    assert int(await engine.deps.redis.hget(wallet_keys(account, engine.guard.epoch)[0], "bal")) == 100
    await redeem(engine, caller, account, 100)


async def refund(engine, caller, earned, points: int = 0):
    return await engine.refund(RefundPoints(uuid.uuid4().hex, earned.transactions[0].points_transaction_id, points),
                               caller)


async def test_an_abandoned_refund_holds_its_part_of_the_earn_until_the_sweep_releases_it(engine, caller, clock):
    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    earned = await earn(engine, caller, account, 10_000)
    earn_id = earned.transactions[0].points_transaction_id
    await engine.wallets.reserve(account, "crashed:refund", -60, refund=(earn_id, 100, 0))  # a worker died here

    assert await reason_of(refund(engine, caller, earned, 41)) == ErrorReason.REFUND_EXCEEDS_TRANSACTION
    clock.advance(dt.timedelta(seconds=31))
    assert (await engine.wallets.sweep())[1] >= 1

    await refund(engine, caller, earned, 100)
    assert await available(engine, caller, account) == 0


async def test_redis_lost_between_two_refunds_counts_the_first_from_the_ledger(engine, caller):
    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    earned = await earn(engine, caller, account, 10_000)
    await refund(engine, caller, earned, 60)

    await engine.deps.redis.delete(GENERATION_KEY, wallet_keys(account, engine.guard.epoch)[0])
    await engine.guard.ensure()

    assert await reason_of(refund(engine, caller, earned, 41)) == ErrorReason.REFUND_EXCEEDS_TRANSACTION
    await refund(engine, caller, earned, 40)
    assert await available(engine, caller, account) == 0
    refunded = await engine.deps.redis.hget(wallet_keys(account, engine.guard.epoch)[0],
                                            refund_field(earned.transactions[0].points_transaction_id))
    assert int(refunded) == 100  # seeded with the ledger's 60


async def test_a_partial_refund_takes_its_share_of_the_bill_off_the_spend_rounded_down(engine, caller):
    from core.domain.loyalty import Tier
    from core.adapters.postgres.points_ledger import PointsLedgerStore
    from core.service.points.earning import tier_window_start
    from core.service.programs import load_rules

    program = await program_of(engine, caller)
    await programs.create_tier(programs.CreateTier(uuid.uuid4().hex, Tier(
        "", program, "Silver", 0, 0, 10_000, 30), "EUR", "EUR"), caller, engine.deps)
    account = await account_of(engine, caller, program)
    earned = await earn(engine, caller, account, 10_099)  # 100 points
    await refund(engine, caller, earned, 3)  # 10_099 * 3 / 100 = 302.97: 302 leave the spend
    rules = await load_rules(engine.deps, caller.org_id, program)

    spend = (await PointsLedgerStore(engine.deps.pool).tier_and_spend(
        account, tier_window_start(rules, engine.deps.clock.now()))).spend

    assert spend == 10_099 - 302


async def test_redis_lost_between_two_redemptions_is_rebuilt_and_no_point_is_spent_twice(engine, caller):
    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    await earn(engine, caller, account, 10_000)
    await redeem(engine, caller, account, 60)
    old_epoch = engine.guard.epoch

    await engine.deps.redis.delete(GENERATION_KEY, wallet_keys(account, old_epoch)[0])
    await engine.guard.ensure()

    assert engine.guard.epoch > old_epoch
    assert await reason_of(redeem(engine, caller, account, 41)) == ErrorReason.INSUFFICIENT_POINTS
    await redeem(engine, caller, account, 40)
    assert await available(engine, caller, account) == 0


async def test_an_evaluation_moves_an_account_down_when_its_spend_falls_below_the_tier_minimum(engine, caller, clock):
    from core.domain.loyalty import Tier

    program = await program_of(engine, caller)
    for name, target, minimum in (("Silver", 0, 0), ("Gold", 10_000, 5_000)):
        await programs.create_tier(programs.CreateTier(uuid.uuid4().hex, Tier(
            "", program, name, target, minimum, 15_000 if name == "Gold" else 10_000, 30), "EUR", "EUR"),
            caller, engine.deps)
    account = await account_of(engine, caller, program)
    start = clock.at
    await earn(engine, caller, account, 10_000)  # reaches Gold
    tier_of = lambda: engine.balance(AccountRef(account), None, caller)  # noqa: E731
    gold = (await tier_of()).tier_id

    clock.at = start + dt.timedelta(days=30) - dt.timedelta(seconds=1)  # the spend is still in the window
    await engine.evaluate_tiers()  # (the shared database's other accounts are evaluated too)
    assert (await tier_of()).tier_id == gold
    clock.at = start + dt.timedelta(days=30)
    assert await engine.evaluate_tiers() >= 1
    assert (await tier_of()).tier_id not in (gold, "")


async def test_unknown_earn_codes_lock_the_account_out_of_code_earning_for_a_while(engine, caller):
    from core.service.points import EarnByCode

    program = await program_of(engine, caller)
    account = await account_of(engine, caller, program)
    attempt = lambda code: engine.earn_by_code(EarnByCode(uuid.uuid4().hex, AccountRef(account), code), caller)  # noqa

    misses = [await reason_of(attempt(f"GUESS{n:04d}")) for n in range(10)]

    assert misses == [ErrorReason.EARN_CODE_NOT_FOUND] * 10
    assert await reason_of(attempt("GUESS9999")) == ErrorReason.EARN_CODE_ATTEMPTS_EXCEEDED


async def test_an_event_cap_starts_afresh_at_local_midnight(engine, caller, clock):
    from core.domain.loyalty import CapPeriod, EarnEvent, EarnRule, EventRule
    from core.service.points import AllocateEvent

    program = await program_of(engine, caller)
    await programs.create_earn_rule(programs.CreateEarnRule(uuid.uuid4().hex, EarnRule(
        "", program, "daily", EventRule(int(EarnEvent.CUSTOM), 60, "visit", False, 100, int(CapPeriod.DAY)))),
        caller, engine.deps)
    programs.forget_rules(caller.org_id, program)
    account = await account_of(engine, caller, program)
    visit = lambda: engine.allocate_event(AllocateEvent(uuid.uuid4().hex, AccountRef(account),  # noqa: E731
                                                        int(EarnEvent.CUSTOM), "visit"), caller)
    midnight = dt.datetime(2026, 1, 31, 23, 0, tzinfo=dt.timezone.utc)  # 1 February in Berlin

    clock.at = midnight - dt.timedelta(minutes=2)
    assert [(await visit()).transactions[0].points for _ in range(2)] == [60, 40]
    clock.at = midnight - dt.timedelta(microseconds=1)
    assert await reason_of(visit()) == ErrorReason.EVENT_CAP_REACHED
    clock.at = midnight
    assert (await visit()).transactions[0].points == 60
