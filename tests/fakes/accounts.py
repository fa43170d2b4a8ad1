"""Fakes of core/adapters/postgres/accounts.py AccountStore, programs.py ProgramStore and
core/adapters/redis/accounts.py AccountStates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.adapters.postgres.accounts import AccountStateRecord, VersionedAccount
from core.adapters.postgres.programs import VersionedEarnRule
from core.adapters.redis.accounts import AccountState, Published
from core.domain.accounts import Account, Identifier
from core.domain.loyalty import EarnRule, Program, ProgramRules, Tier


@dataclass
class _StoredAccount:
    org_id: str
    account: Account
    version: int = 1
    deleted: bool = False


class FakeAccountStore:
    def __init__(self) -> None:
        self.accounts: dict[str, _StoredAccount] = {}

    def add(self, org_id: str, account: Account, *, version: int = 1, deleted: bool = False) -> Account:
        self.accounts[account.account_id] = _StoredAccount(org_id, account, version, deleted)
        return account

    def _live(self, org_id: str):
        return [s for s in self.accounts.values() if s.org_id == org_id and not s.deleted]

    async def by_id(self, org_id: str, account_id: str) -> VersionedAccount | None:
        found = [s for s in self._live(org_id) if s.account.account_id == account_id]
        return VersionedAccount(found[0].account, found[0].version) if found else None

    async def by_identifier(self, org_id: str, identifier: Identifier,
                            program_id: str = "") -> tuple[VersionedAccount, ...]:
        found = [VersionedAccount(s.account, s.version) for s in self._live(org_id)
                 if identifier in s.account.identifiers and (not program_id or s.account.program_id == program_id)]
        return tuple(found[:2])

    async def first_taken(self, org_id: str, program_id: str, identifiers: tuple[Identifier, ...]) -> Identifier | None:
        held = {i for s in self.accounts.values() if s.org_id == org_id and s.account.program_id == program_id
                for i in s.account.identifiers}
        taken = sorted((i for i in identifiers if i in held), key=lambda i: (i.type, i.value))
        return taken[0] if taken else None

    async def state(self, account_id: str) -> AccountStateRecord | None:
        stored = self.accounts.get(account_id)
        if stored is None:
            return None
        return AccountStateRecord(stored.org_id, stored.account.program_id, int(stored.account.status), stored.version,
                                  stored.deleted)


class FakeAccountStates:
    def __init__(self) -> None:
        self.states: dict[str, AccountState] = {}
        self.published: list[AccountState] = []

    async def get(self, account_id: str) -> AccountState | None:
        return self.states.get(account_id)

    async def publish(self, state: AccountState, *, ttl_ms: int = 0) -> Published:
        self.published.append(state)
        current = self.states.get(state.account_id)
        if current is not None and current.version > state.version:
            return Published.NEWER_KEPT
        self.states[state.account_id] = state
        return Published.WRITTEN

    async def drop(self, account_id: str) -> None:
        self.states.pop(account_id, None)


@dataclass
class _StoredRule:
    org_id: str
    rule: EarnRule
    version: int = 1
    deleted: bool = False


@dataclass
class FakeProgramStore:
    programs: dict[tuple[str, str], Program] = field(default_factory=dict)
    stored_rules: dict[str, _StoredRule] = field(default_factory=dict)
    tier_list: dict[tuple[str, str], list[Tier]] = field(default_factory=dict)

    def add_program(self, program: Program) -> Program:
        self.programs[(program.org_id, program.program_id)] = program
        return program

    def add_rule(self, org_id: str, rule: EarnRule, *, deleted: bool = False) -> EarnRule:
        self.stored_rules[rule.earn_rule_id] = _StoredRule(org_id, rule, 1, deleted)
        return rule

    async def exists(self, org_id: str, program_id: str) -> bool:
        return (org_id, program_id) in self.programs

    async def program(self, org_id: str, program_id: str) -> Program | None:
        return self.programs.get((org_id, program_id))

    async def earn_rule(self, org_id: str, earn_rule_id: str) -> VersionedEarnRule | None:
        stored = self.stored_rules.get(earn_rule_id)
        if stored is None or stored.org_id != org_id or stored.deleted:
            return None
        return VersionedEarnRule(stored.rule, stored.version)

    async def earn_rules(self, org_id: str, program_id: str, *, kind: int = 0,
                         after: tuple[dt.datetime, str] | None = None, limit: int | None = None) -> list[EarnRule]:
        found = sorted((s.rule for s in self.stored_rules.values()
                        if s.org_id == org_id and s.rule.program_id == program_id and not s.deleted
                        and (not kind or int(s.rule.kind) == kind)),
                       key=lambda r: (r.create_time, r.earn_rule_id))
        if after is not None:
            found = [r for r in found if (r.create_time, r.earn_rule_id) > after]
        return found if limit is None else found[:limit]

    async def tiers(self, org_id: str, program_id: str) -> tuple[Tier, ...]:
        return tuple(sorted(self.tier_list.get((org_id, program_id), ()), key=lambda t: t.target_spend_minor))

    async def rules(self, org_id: str, program_id: str) -> ProgramRules | None:
        program = await self.program(org_id, program_id)
        if program is None:
            return None
        return ProgramRules(program, tuple(await self.earn_rules(org_id, program_id)),
                            await self.tiers(org_id, program_id))
