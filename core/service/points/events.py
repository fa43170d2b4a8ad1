"""Event and referral awards: AllocateEvent, the built-in events the server sees by itself
(core/service/events.py: ACCOUNT_CREATED, FIRST_PURCHASE, MARKETING_OPT_IN) and the per-period
caps of event rules (wallet_cap.lua)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from core.adapters.postgres.points_ledger import PointsLedgerStore, award_row, referral_row
from core.adapters.redis.wallets import WalletCache, cap_key
from core.domain.accounts import Account
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required
from core.domain.loyalty import CapPeriod, EarnEvent, EventRule, ProgramRules, TransactionType, cap_period_bounds, \
    points_expire_time
from core.service.accounts import AccountRef, validate_request_id
from core.service.context import Caller, Deps
from core.service.events import EventAward
from core.service.events_outbox import evented
from core.service.idempotent import Prepared, execute_once
from core.service.points.commands import AllocateEvent
from core.service.points.common import (BUILT_IN_EVENTS, MS_PER_S, Action, account_of, all_of, event_award_key,
                                        ms)
from core.service.points.credits import Credit, Credits
from core.service.points.results import Movement, PointsTransaction, movement_account
from core.service.points.wallets import Wallets
from core.service.programs import load_rules



@dataclass(frozen=True, slots=True)
class _Payee:
    """One credit of an allocation: who, how many points, and the event rule behind it (if any)."""

    account: Account
    points: int
    rule: tuple | None = None
    """(EarnRule, EventRule) of an event rule; None for a referral."""


@dataclass(frozen=True, slots=True)
class _Allocation:
    """What an AllocateEvent pays, decided before its request is claimed."""

    payees: tuple[_Payee, ...]
    awards: tuple[str, ...]
    tx_type: TransactionType
    note: str
    referral: tuple[str, str] | None = None
    """(referrer, referee) account ids of a referral."""


class EventAwards:
    def __init__(self, deps: Deps, wallets: Wallets, credits: Credits, *, cache: WalletCache | None = None,
                 ledger: PointsLedgerStore | None = None) -> None:
        self._deps = deps
        self._wallets = wallets
        self._credits = credits
        self._cache = cache or WalletCache(deps.redis, deps.scripts)
        self._ledger = ledger or PointsLedgerStore(deps.pool)

    async def allocate_event(self, command: AllocateEvent, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        account = await account_of(self._deps, caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        if command.referrer_account_id:
            allocation = await self._referral(caller, account, rules, command.referrer_account_id)
        else:
            allocation = _event_allocation(command, account, rules)

        async def prepare() -> Prepared[Movement]:
            return await self._prepare_allocation(command, caller, account, rules, allocation)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.earned", "account", movement_account)
        return await execute_once(self._deps, caller, "AllocateEvent", command, prepare, Movement.from_json)

    async def _referral(self, caller: Caller, account: Account, rules: ProgramRules,
                        referrer_account_id: str) -> _Allocation:
        referrer = await account_of(self._deps, caller, AccountRef(account_id=referrer_account_id))
        if referrer.account_id == account.account_id:
            raise field_invalid("referrer_account_id", "another account than account_id")
        if referrer.program_id != account.program_id:
            raise DomainError(ErrorReason.ACCOUNT_PROGRAM_MISMATCH, metadata={"field": "referrer_account_id"})
        referral = rules.referral()
        if referral is None:
            raise DomainError(ErrorReason.EVENT_NOT_CONFIGURED, metadata={"event": "REFERRAL"})
        _, referrer_points, referred_points = referral
        return _Allocation((_Payee(referrer, referrer_points), _Payee(account, referred_points)),
                           (f"referral:{referrer.account_id}:{account.account_id}",), TransactionType.REFERRAL,
                           "referral", (referrer.account_id, account.account_id))

    async def _prepare_allocation(self, command: AllocateEvent, caller: Caller, account: Account,
                                  rules: ProgramRules, allocation: _Allocation) -> Prepared[Movement]:
        now = self._deps.clock.now()
        if allocation.referral is not None:
            await self._check_referral(caller.org_id, account.program_id, *allocation.referral)
        entries: list[Credit] = []
        caps: list[Action] = []
        try:
            for n, payee in enumerate(allocation.payees):
                request_id = command.request_id if n == 0 else f"{command.request_id}#{n}"
                points = payee.points
                if payee.rule is not None and payee.rule[1].max_points_per_period:
                    points, give_back = await self._take_cap(payee.account.account_id, payee.rule[0].earn_rule_id,
                                                             payee.rule[1], rules.program.time_zone, points, now)
                    caps.append(give_back)
                if points > 0:
                    entries.append(Credit(PointsTransaction(
                        str(uuid.uuid4()), payee.account.account_id, allocation.tx_type, points, now,
                        bonus_points=points, note=allocation.note,
                        expire_time=points_expire_time(rules.program, now)),
                        request_id, payee.rule[0].earn_rule_id if payee.rule else None))
            if not entries:
                raise DomainError(ErrorReason.EVENT_CAP_REACHED if caps else ErrorReason.EVENT_NOT_CONFIGURED,
                                  metadata={"event": allocation.note})
            prepared = await self._credits.credits(caller, rules, entries, allocation.awards, {
                "points_awards_unique": DomainError(ErrorReason.EVENT_ALREADY_AWARDED,
                                                    metadata={"event": allocation.note})})
        except BaseException:
            await asyncio.gather(*(give_back() for give_back in caps))
            raise
        rows, rejections = prepared.rows, prepared.rejections
        if allocation.referral is not None:
            # After the award row: a concurrent attempt of the same pair fails on that first
            # (EVENT_ALREADY_AWARDED), another referrer on the referee, the reverse on the pair.
            referrer_id, referee_id = allocation.referral
            rows += (referral_row(org_id=caller.org_id, program_id=account.program_id,
                                  referee_account_id=referee_id, referrer_account_id=referrer_id,
                                  points_transaction_id=prepared.result.transactions[0].points_transaction_id,
                                  create_time=now),)
            rejections = {**rejections, "points_referrals_referee_unique": DomainError(
                ErrorReason.REFERRAL_ALREADY_REFERRED, metadata={"account_id": referee_id}),
                "points_referrals_pair_unique": DomainError(ErrorReason.REFERRAL_REVERSE_PAIR, metadata={
                    "account_id": referee_id, "referrer_account_id": referrer_id})}
        return Prepared(prepared.result, rows, rejections, on_commit=prepared.on_commit,
                        on_abort=all_of([prepared.on_abort, *caps]))

    async def built_in_event(self, caller: Caller, account_id: str, program_id: str, event: int, request_id: str,
                             lost: DomainError) -> EventAward | None:
        """The award of a built-in event that just happened to the account, to commit with the
        request that triggered it (core/service/events.py); None if the program pays nothing
        for it: no rule for the event, each rule paid to the account before, or (FIRST_PURCHASE)
        the account earned on a purchase before. Costs nothing beyond the cached rules when the
        program has no rule for the event."""
        try:
            rules = await load_rules(self._deps, caller.org_id, program_id)
        except DomainError as error:
            if error.reason is ErrorReason.PROGRAM_NOT_FOUND:
                return None
            raise
        event = EarnEvent(event)
        matching = rules.event_rules(event)
        if not matching:
            return None
        keys = [event_award_key(rule.earn_rule_id, account_id) for rule, _ in matching]
        made = await self._ledger.awards_made(caller.org_id, program_id, keys, account_id,
                                              ask_purchased=event is EarnEvent.FIRST_PURCHASE)
        if made.purchased_before:
            return None
        pending = [(rule, config) for (rule, config), key in zip(matching, keys) if key not in made.awarded]
        if not pending:
            return None
        now = self._deps.clock.now()
        entries: list[Credit] = []
        caps: list[Action] = []
        try:
            for rule, config in pending:
                points = config.points
                if config.max_points_per_period:
                    points, give_back = await self._take_cap(account_id, rule.earn_rule_id, config,
                                                             rules.program.time_zone, points, now)
                    caps.append(give_back)
                if points > 0:
                    entries.append(Credit(PointsTransaction(
                        str(uuid.uuid4()), account_id, TransactionType.EVENT, points, now, bonus_points=points,
                        note=event.name, expire_time=points_expire_time(rules.program, now)),
                        f"{request_id}#event:{rule.earn_rule_id}", rule.earn_rule_id))
            if not entries:
                await asyncio.gather(*(give_back() for give_back in caps))
                return None
            prepared = await self._credits.credits(caller, rules, entries, (), {})
        except BaseException:
            await asyncio.gather(*(give_back() for give_back in caps))
            raise
        # Each paid rule's award row names its own transaction.
        awards = tuple(award_row(org_id=caller.org_id, program_id=program_id,
                                 award_key=event_award_key(entry.earn_rule_id, account_id),
                                 points_transaction_id=entry.transaction.points_transaction_id)
                       for entry in entries)
        transactions = tuple(entry.transaction for entry in entries)
        return EventAward(prepared.rows + awards, {**prepared.rejections, "points_awards_unique": lost},
                          on_commit=prepared.on_commit, on_abort=all_of([prepared.on_abort, *caps]),
                          transactions=transactions, points=sum(t.points for t in transactions))

    async def _check_referral(self, org_id: str, program_id: str, referrer_id: str, referee_id: str) -> None:
        """An account is referred once, and a pair refers one way only (the same pair again is
        EVENT_ALREADY_AWARDED, as before). points_referrals' constraints decide a race."""
        found = await self._ledger.referrals(org_id, program_id, referee_id, referrer_id)
        for referral in found:
            if referral.referee_account_id == referee_id and referral.referrer_account_id == referrer_id:
                raise DomainError(ErrorReason.EVENT_ALREADY_AWARDED, metadata={"event": "referral"})
        for referral in found:
            if referral.referee_account_id == referee_id:
                raise DomainError(ErrorReason.REFERRAL_ALREADY_REFERRED, metadata={
                    "account_id": referee_id, "referrer_account_id": referral.referrer_account_id})
            raise DomainError(ErrorReason.REFERRAL_REVERSE_PAIR, metadata={
                "account_id": referee_id, "referrer_account_id": referrer_id})

    async def _take_cap(self, account_id: str, rule_id: str, config: EventRule, time_zone: str, points: int,
                        now: dt.datetime) -> tuple[int, Callable[[], Awaitable[None]]]:
        """Take up to `points` of what is left of a rule's cap this period (wallet_cap.lua);
        returns the points granted and the means to give them back if the award fails."""
        start, end = cap_period_bounds(CapPeriod(config.cap_period), time_zone, now)
        key = cap_key(account_id, rule_id, ms(start), self._wallets.epoch())
        used = await self._ledger.rule_points(account_id, rule_id, start, end)
        life_ms = max(int((end - now).total_seconds() * MS_PER_S), 1)
        granted = await self._cache.take_cap(key=key, used=used, cap=config.max_points_per_period, wanted=points,
                                             life_ms=life_ms)

        async def give_back() -> None:
            if granted:
                await self._cache.take_cap(key=key, used=0, cap=0, wanted=-granted, life_ms=life_ms)

        return granted, give_back


def _event_allocation(command: AllocateEvent, account: Account, rules: ProgramRules) -> _Allocation:
    if not command.event:
        raise field_required("event")
    try:
        event = EarnEvent(command.event)
    except ValueError:
        raise field_invalid("event", "a known EarnEvent") from None
    if event == EarnEvent.CUSTOM and not command.custom_event:
        raise field_required("custom_event")
    matching = rules.event_rules(event, command.custom_event)
    if not matching:
        raise DomainError(ErrorReason.EVENT_NOT_CONFIGURED, metadata={"event": command.custom_event or event.name})
    # One transaction per rule: each rule's cap counts its own points. A built-in event happens once
    # to an account: it also fires by itself (built_in_event), under the same award key, so neither
    # pays after the other.
    return _Allocation(tuple(_Payee(account, config.points, (rule, config)) for rule, config in matching),
                       tuple(event_award_key(rule.earn_rule_id, account.account_id) for rule, config in matching
                             if config.once_per_account or event in BUILT_IN_EVENTS),
                       TransactionType.EVENT, command.custom_event or event.name)
