"""load_rules against real Postgres: what it returns, and its per-worker cache of at most
PROGRAM_RULES_CACHE_SECONDS."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from psycopg.types.json import Jsonb

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import EarnRule, PointsExpiryMode, Program, RatioRule, ReferralRule, Tier, config_to_json
from core.service import programs


def new_program() -> Program:
    return Program("", "p-" + uuid.uuid4().hex[:12], "Club", "EUR", "Europe/Berlin", dt.timedelta(days=30),
                   PointsExpiryMode.DURATION, 0, 0, 0, 0, False, programs.UNSET_TIME, programs.UNSET_TIME)


async def create(deps, caller) -> Program:
    return await programs.create_program(programs.CreateProgram(uuid.uuid4().hex, new_program()), caller, deps)


async def add_rule(deps, caller, program_id: str, config) -> EarnRule:
    return await programs.create_earn_rule(programs.CreateEarnRule(
        uuid.uuid4().hex, EarnRule("", program_id, "rule", config)), caller, deps)


async def add_tier(deps, caller, program_id: str, target: int) -> Tier:
    return await programs.create_tier(programs.CreateTier(
        uuid.uuid4().hex, Tier("", program_id, f"t{target}", target, 0, 10_000, 30), "EUR", ""), caller, deps)


async def test_rules_are_the_program_its_live_rules_oldest_first_and_its_tiers_by_target(deps, caller):
    program = await create(deps, caller)
    first = await add_rule(deps, caller, program.program_id, RatioRule(1, 100))
    deleted = await add_rule(deps, caller, program.program_id, RatioRule(2, 100))
    second = await add_rule(deps, caller, program.program_id, ReferralRule(5, 6))
    await programs.delete_earn_rule(programs.DeleteEarnRule(uuid.uuid4().hex, deleted.earn_rule_id), caller, deps)
    gold = await add_tier(deps, caller, program.program_id, 9_000)
    basic = await add_tier(deps, caller, program.program_id, 0)

    rules = await programs.load_rules(deps, caller.org_id, program.program_id)

    assert rules.program == program
    assert [rule.earn_rule_id for rule in rules.earn_rules] == [first.earn_rule_id, second.earn_rule_id]
    assert rules.earn_rules[0] == first and rules.tiers == (basic, gold)
    assert rules.referral()[1:] == (5, 6)


async def test_a_missing_program_is_program_not_found_and_is_found_once_created(deps, caller):
    program = new_program()
    with pytest.raises(DomainError) as missing:
        await programs.load_rules(deps, caller.org_id, program.program_id)

    await programs.create_program(programs.CreateProgram(uuid.uuid4().hex, program), caller, deps)

    assert missing.value.reason is ErrorReason.PROGRAM_NOT_FOUND
    assert (await programs.load_rules(deps, caller.org_id, program.program_id)).program.program_id == program.program_id


async def test_a_change_by_another_worker_is_seen_within_the_cache_time(deps, caller):
    program = await create(deps, caller)
    assert (await programs.load_rules(deps, caller.org_id, program.program_id)).earn_rules == ()
    now = dt.datetime.now(dt.timezone.utc)
    async with deps.pool.connection() as connection:  # As another worker's commit: this cache is not told.
        await connection.execute(
            "INSERT INTO earn_rule_changes (earn_rule_id, version, org_id, program_id, display_name, kind, config,"
            " etag, change_time, request_id, client_id) VALUES (%s, 1, %s, %s, 'r', 2, %s, 'e', %s, 'x', 'y')",
            (uuid.uuid4(), caller.org_id, program.program_id, Jsonb(config_to_json(RatioRule(1, 1))), now))

    cached = await programs.load_rules(deps, caller.org_id, program.program_id)
    await asyncio.sleep(limits.PROGRAM_RULES_CACHE_SECONDS + 0.05)
    fresh = await programs.load_rules(deps, caller.org_id, program.program_id)

    assert cached.earn_rules == () and len(fresh.earn_rules) == 1


async def test_a_change_made_in_this_worker_is_seen_at_once(deps, caller):
    program = await create(deps, caller)
    assert (await programs.load_rules(deps, caller.org_id, program.program_id)).tiers == ()

    tier = await add_tier(deps, caller, program.program_id, 0)

    assert (await programs.load_rules(deps, caller.org_id, program.program_id)).tiers == (tier,)
