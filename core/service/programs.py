"""Program handlers (ProgramService): programs, earn rules, tiers, one-time earn codes; and
`load_rules`, the cached read of a program's rules that earning and redeeming use.

Mutations follow the usual path: validate -> claim request_id -> prepare (reads) -> rows and the
stored reply in one group commit. Earn rules are an append-only change log
(`earn_rule_changes`, version 1, 2, ...); a trigger keeps `earn_rules` current and enforces the
per-program limit, so concurrent changes cannot lose an update or exceed the limit.

CreateEarnCodes commits its batch (what to create) idempotently, then creates the codes chunk by
chunk: each chunk is generated, COPYed into a temporary table and inserted (codes taken by
another batch are skipped and drawn again) in one transaction, then streamed. A retry of the same
request streams the chunks that exist and creates the missing ones: constant memory, no
duplicates, whatever the count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from core.adapters.postgres import programs as store
from core.adapters.postgres.programs import ProgramStore
from core.codegen import DEFAULT_ALPHABET, CodeGenerator
from core.adapters.templates import check_points_reminders
from core.domain import limits
from core.domain.accounts import validate_program_id
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.masks import apply_mask, require_update_mask
from core.domain.loyalty import (EarnRule, EarnRuleKind, Program, ProgramRules, Tier, apply_program_update,
                                 apply_update, check_currency, check_range, validate_earn_rule, validate_program,
                                 validate_tier)
from core.service import paging
from core.service.accounts import validate_request_id
from core.service.context import Caller, Deps
from core.service.idempotent import Prepared, execute_once, execute_retrying

UNSET_TIME = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
"""Output-only times of a resource in a command (the server sets them)."""

_PREFIX = re.compile(r"^[0-9A-Z-]*$")


def _store(deps: Deps, programs: ProgramStore | None) -> ProgramStore:
    return programs or ProgramStore(deps.pool)


# --- commands and results --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CreateProgram:
    request_id: str
    program: Program
    """Its org_id and times are ignored."""


@dataclass(frozen=True, slots=True)
class CreateEarnRule:
    request_id: str
    earn_rule: EarnRule
    """Its id, etag and times are ignored."""


@dataclass(frozen=True, slots=True)
class UpdateEarnRule:
    request_id: str
    earn_rule: EarnRule
    """earn_rule_id names the rule; a non-empty etag must match its current etag."""
    update_mask: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeleteEarnRule:
    request_id: str
    earn_rule_id: str


@dataclass(frozen=True, slots=True)
class ListEarnRules:
    program_id: str
    kind: int = 0
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class CreateTier:
    request_id: str
    tier: Tier
    """Its tier_id and create_time are ignored."""
    target_spend_currency_code: str
    min_spend_currency_code: str
    """Empty when min_spend is unset."""


@dataclass(frozen=True, slots=True)
class CreateEarnCodes:
    request_id: str
    program_id: str
    points: int
    count: int
    expire_time: dt.datetime | None
    prefix: str = ""
    length: int = 0
    store_ids: tuple[str, ...] = ()
    """The stores where the codes may be used; empty: any."""


@dataclass(frozen=True, slots=True)
class EarnCodeBatch:
    batch_id: str
    org_id: str
    program_id: str
    points: int
    count: int
    prefix: str
    length: int
    expire_time: dt.datetime
    create_time: dt.datetime
    store_ids: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self), "expire_time": self.expire_time.isoformat(),
                "create_time": self.create_time.isoformat(), "store_ids": list(self.store_ids)}

    @classmethod
    def from_json(cls, data: dict) -> EarnCodeBatch:
        return cls(**{**data, "expire_time": dt.datetime.fromisoformat(data["expire_time"]),
                      "create_time": dt.datetime.fromisoformat(data["create_time"]),
                      "store_ids": tuple(data.get("store_ids", ()))})


@dataclass(frozen=True, slots=True)
class EarnCodesChunk:
    """One streamed message of CreateEarnCodes."""

    batch_id: str
    codes: list[str]
    created_count: int
    total_count: int
    done: bool


@dataclass(frozen=True, slots=True)
class _Deleted:
    earn_rule_id: str

    def to_json(self) -> dict:
        return {"earn_rule_id": self.earn_rule_id}

    @classmethod
    def from_json(cls, data: dict) -> _Deleted:
        return cls(data["earn_rule_id"])


# --- programs --------------------------------------------------------------------------------


async def create_program(command: CreateProgram, caller: Caller, deps: Deps) -> Program:
    validate_request_id(command.request_id)
    validate_program(command.program)
    check_points_reminders(command.program.points_reminders, command.program.display_name)

    async def prepare() -> Prepared[Program]:
        now = deps.clock.now()
        program = dataclasses.replace(command.program, org_id=caller.org_id, create_time=now, update_time=now)
        return Prepared(program, (store.program_row(program=program),), {store.PROGRAMS_PKEY: DomainError(
            ErrorReason.PROGRAM_ALREADY_EXISTS, metadata={"program_id": program.program_id})})

    return await execute_once(deps, caller, "CreateProgram", command, prepare, Program.from_json)


@dataclass(frozen=True, slots=True)
class UpdateProgram:
    request_id: str
    program: Program
    """program_id names the program; the fields named by update_mask are taken from here."""
    update_mask: tuple[str, ...]


async def update_program(command: UpdateProgram, caller: Caller, deps: Deps) -> Program:
    """UpdateProgram; a change that lost a race with another is computed again from the new
    state, up to CONCURRENT_CHANGE_ATTEMPTS_MAX times."""
    validate_request_id(command.request_id)
    validate_program_id(command.program.program_id, "program.program_id")
    require_update_mask(command.update_mask)

    async def prepare() -> Prepared[Program]:
        current = await get_program(command.program.program_id, caller, deps, "program.program_id")
        updated = apply_program_update(current, command.program, command.update_mask)
        validate_program(updated)
        check_points_reminders(updated.points_reminders, updated.display_name)
        updated = dataclasses.replace(updated, update_time=max(deps.clock.now(), current.update_time
                                                               + dt.timedelta(microseconds=1)))
        row = store.program_change_row(program=dataclasses.replace(updated, org_id=caller.org_id),
                                       previous_update_time=current.update_time, request_id=command.request_id,
                                       client_id=caller.client_id)
        lost = DomainError(ErrorReason.PROGRAM_CHANGED_CONCURRENTLY, metadata={"program_id": updated.program_id})
        return Prepared(updated, (row,), {store.PROGRAMS_CHANGED: lost, store.PROGRAM_CHANGES_PKEY: lost},
                        on_commit=_forget_after(caller, updated.program_id))

    return await execute_retrying(deps, caller, "UpdateProgram", command, prepare, Program.from_json,
                                  ErrorReason.PROGRAM_CHANGED_CONCURRENTLY)


async def get_program(program_id: str, caller: Caller, deps: Deps, field_name: str = "program_id", *,
                      programs: ProgramStore | None = None) -> Program:
    validate_program_id(program_id, field_name)
    return _found(await _store(deps, programs).program(caller.org_id, program_id), program_id)


def _found(program: Program | None, program_id: str) -> Program:
    if program is None:
        raise DomainError(ErrorReason.PROGRAM_NOT_FOUND, metadata={"program_id": program_id})
    return program


# --- rules cache (the hot path) --------------------------------------------------------------

_rules_cache: dict[tuple[str, str], tuple[float, ProgramRules]] = {}


async def load_rules(deps: Deps, org_id: str, program_id: str, *,
                     programs: ProgramStore | None = None) -> ProgramRules:
    """The program with its live earn rules (oldest first) and tiers (by target spend), read at
    most every PROGRAM_RULES_CACHE_SECONDS per worker. PROGRAM_NOT_FOUND if there is none (a
    missing program is not cached: it may be created any moment)."""
    key = (org_id, program_id)
    cached = _rules_cache.get(key)
    if cached is not None and time.monotonic() - cached[0] < limits.PROGRAM_RULES_CACHE_SECONDS:
        return cached[1]
    loaded = await _store(deps, programs).rules(org_id, program_id)
    if loaded is None:
        raise DomainError(ErrorReason.PROGRAM_NOT_FOUND, metadata={"program_id": program_id})
    if len(_rules_cache) >= limits.PROGRAM_RULES_CACHE_ENTRIES_MAX:
        _rules_cache.clear()  # Rare (that many programs in one worker): start over, stay bounded.
    _rules_cache[key] = (time.monotonic(), loaded)
    return loaded


def forget_rules(org_id: str, program_id: str) -> None:
    """Drop this worker's cached rules of a program (after changing them here)."""
    _rules_cache.pop((org_id, program_id), None)


# --- earn rules ------------------------------------------------------------------------------


def _change_row(command_request_id: str, caller: Caller, rule: EarnRule, version: int, now: dt.datetime,
                deleted: bool = False):
    return store.earn_rule_change_row(rule=rule, version=version, org_id=caller.org_id, change_time=now,
                                      request_id=command_request_id, client_id=caller.client_id, deleted=deleted)


def _new_etag() -> str:
    return uuid.uuid4().hex[:16]


async def create_earn_rule(command: CreateEarnRule, caller: Caller, deps: Deps) -> EarnRule:
    validate_request_id(command.request_id)
    validate_program_id(command.earn_rule.program_id, "earn_rule.program_id")
    validate_earn_rule(command.earn_rule, None)

    async def prepare() -> Prepared[EarnRule]:
        program = await get_program(command.earn_rule.program_id, caller, deps, "earn_rule.program_id")
        validate_earn_rule(command.earn_rule, program.currency_code)
        now = deps.clock.now()
        rule = dataclasses.replace(command.earn_rule, earn_rule_id=str(uuid.uuid4()), etag=_new_etag(),
                                   create_time=now, update_time=now)
        return Prepared(rule, (_change_row(command.request_id, caller, rule, 1, now),), {
            store.EARN_RULES_LIMIT: DomainError(ErrorReason.EARN_RULES_LIMIT, metadata={
                "program_id": program.program_id, "earn_rules_max": limits.EARN_RULES_MAX}),
            store.EARN_RULE_CHANGES_PROGRAM_FKEY: DomainError(ErrorReason.PROGRAM_NOT_FOUND, metadata={
                "program_id": program.program_id})},
            on_commit=_forget_after(caller, rule.program_id))

    return await execute_once(deps, caller, "CreateEarnRule", command, prepare, EarnRule.from_json)


def _forget_after(caller: Caller, program_id: str):
    async def forget() -> None:
        forget_rules(caller.org_id, program_id)
    return forget


async def _read_rule(deps: Deps, caller: Caller, earn_rule_id: str,
                     programs: ProgramStore | None = None) -> tuple[EarnRule, int]:
    found = await _store(deps, programs).earn_rule(caller.org_id, earn_rule_id)
    if found is None:
        raise DomainError(ErrorReason.EARN_RULE_NOT_FOUND, metadata={"earn_rule_id": earn_rule_id})
    return found.rule, found.version


def _earn_rule_id(value: str, field_name: str) -> str:
    if not value:
        raise field_required(field_name)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise field_invalid(field_name, "a UUID") from None


async def get_earn_rule(earn_rule_id: str, caller: Caller, deps: Deps, *,
                        programs: ProgramStore | None = None) -> EarnRule:
    """One earn rule of the caller's organisation; EARN_RULE_NOT_FOUND if deleted or another's."""
    rule, _ = await _read_rule(deps, caller, _earn_rule_id(earn_rule_id, "earn_rule_id"), programs)
    return rule


async def update_earn_rule(command: UpdateEarnRule, caller: Caller, deps: Deps) -> EarnRule:
    validate_request_id(command.request_id)
    earn_rule_id = _earn_rule_id(command.earn_rule.earn_rule_id, "earn_rule.earn_rule_id")
    require_update_mask(command.update_mask)

    async def prepare() -> Prepared[EarnRule]:
        current, version = await _read_rule(deps, caller, earn_rule_id)
        if command.earn_rule.etag and command.earn_rule.etag != current.etag:
            raise DomainError(ErrorReason.EARN_RULE_ETAG_MISMATCH, metadata={
                "earn_rule_id": earn_rule_id, "etag": current.etag})
        updated = apply_update(current, command.earn_rule, command.update_mask)
        program = await get_program(current.program_id, caller, deps)
        validate_earn_rule(updated, program.currency_code)
        now = deps.clock.now()
        updated = dataclasses.replace(updated, etag=_new_etag(), update_time=now)
        changed = DomainError(ErrorReason.EARN_RULE_ETAG_MISMATCH, metadata={"earn_rule_id": earn_rule_id})
        return Prepared(updated, (_change_row(command.request_id, caller, updated, version + 1, now),),
                        {store.EARN_RULE_CHANGES_PKEY: changed, store.EARN_RULES_CHANGED: changed},
                        on_commit=_forget_after(caller, current.program_id))

    return await execute_once(deps, caller, "UpdateEarnRule", command, prepare, EarnRule.from_json)


async def delete_earn_rule(command: DeleteEarnRule, caller: Caller, deps: Deps) -> None:
    validate_request_id(command.request_id)
    earn_rule_id = _earn_rule_id(command.earn_rule_id, "earn_rule_id")

    async def prepare() -> Prepared[_Deleted]:
        current, version = await _read_rule(deps, caller, earn_rule_id)
        now = deps.clock.now()
        gone = DomainError(ErrorReason.EARN_RULE_NOT_FOUND, metadata={"earn_rule_id": earn_rule_id})
        row = _change_row(command.request_id, caller, dataclasses.replace(current, etag=_new_etag()), version + 1,
                          now, deleted=True)
        return Prepared(_Deleted(earn_rule_id), (row,), {store.EARN_RULE_CHANGES_PKEY: gone,
                                                                    store.EARN_RULES_CHANGED: gone},
                        on_commit=_forget_after(caller, current.program_id))

    await execute_once(deps, caller, "DeleteEarnRule", command, prepare, _Deleted.from_json)


async def list_earn_rules(query: ListEarnRules, caller: Caller, deps: Deps, *,
                          programs: ProgramStore | None = None) -> tuple[list[EarnRule], str]:
    """The program's live rules (of `kind`, when set), oldest first; PROGRAM_NOT_FOUND unless the
    caller's organisation has the program."""
    validate_program_id(query.program_id)
    if query.kind not in (0, *EarnRuleKind._value2member_map_):
        raise field_invalid("kind", "an EarnRuleKind")
    size = paging.page_size(query.page_size)
    scope = paging.query_scope(query)
    after = paging.decode(query.page_token, scope)
    programs = _store(deps, programs)
    _found(await programs.program(caller.org_id, query.program_id), query.program_id)
    rows = await programs.earn_rules(caller.org_id, query.program_id, kind=query.kind, after=after,  # type: ignore[arg-type]
                                     limit=size + 1)
    rules = rows[:size]
    token = paging.encode((rules[-1].create_time, rules[-1].earn_rule_id), scope) if len(rows) > size else ""
    return rules, token


# --- tiers -----------------------------------------------------------------------------------


async def create_tier(command: CreateTier, caller: Caller, deps: Deps) -> Tier:
    validate_request_id(command.request_id)
    tier = command.tier
    validate_program_id(tier.program_id, "tier.program_id")
    validate_tier(tier)
    check_currency("tier.target_spend.currency_code", command.target_spend_currency_code, None)

    async def prepare() -> Prepared[Tier]:
        program = await get_program(tier.program_id, caller, deps, "tier.program_id")
        check_currency("tier.target_spend.currency_code", command.target_spend_currency_code, program.currency_code)
        if command.min_spend_currency_code or tier.min_spend_minor:
            check_currency("tier.min_spend.currency_code", command.min_spend_currency_code, program.currency_code)
        created = dataclasses.replace(tier, tier_id=str(uuid.uuid4()), create_time=deps.clock.now())
        return Prepared(created, (store.tier_row(tier=created, org_id=caller.org_id),), {
            store.TIERS_TARGET_SPEND_UNIQUE: DomainError(ErrorReason.TIER_ALREADY_EXISTS, metadata={
                "program_id": tier.program_id, "target_spend_minor": tier.target_spend_minor}),
            store.TIERS_LIMIT: DomainError(ErrorReason.TIERS_LIMIT, metadata={
                "program_id": tier.program_id, "tiers_max": limits.TIERS_MAX}),
            store.TIERS_PROGRAM_FKEY: DomainError(ErrorReason.PROGRAM_NOT_FOUND,
                                                  metadata={"program_id": tier.program_id})},
            on_commit=_forget_after(caller, tier.program_id))

    return await execute_once(deps, caller, "CreateTier", command, prepare, Tier.from_json)


@dataclass(frozen=True, slots=True)
class UpdateTier:
    request_id: str
    tier: Tier
    """tier_id names the tier; the fields named by update_mask are taken from here."""
    update_mask: tuple[str, ...]
    target_spend_currency_code: str = ""
    min_spend_currency_code: str = ""


TIER_UPDATABLE_PATHS = {
    "display_name": "display_name", "target_spend": "target_spend_minor", "min_spend": "min_spend_minor",
    "multiplier_bps": "multiplier_bps", "evaluation_days": "evaluation_days", "points_expiry": "points_expiry_seconds",
    "level_up_evaluation_days": "level_up_evaluation_days", "level_down_evaluation_days": "level_down_evaluation_days",
    "default_tier": "default_tier", "active": "active", "image_uri": "image_uri"}
"""Tier fields (as in an update mask) -> Tier attribute."""


async def update_tier(command: UpdateTier, caller: Caller, deps: Deps, *,
                      programs: ProgramStore | None = None) -> Tier:
    """UpdateTier (card types: level windows, default, active, image); a change that lost a race
    with another is computed again from the new state."""
    validate_request_id(command.request_id)
    tier_id = _uuid(command.tier.tier_id, "tier.tier_id")
    require_update_mask(command.update_mask)
    programs = _store(deps, programs)

    async def prepare() -> Prepared[Tier]:
        current = await programs.tier(caller.org_id, tier_id)
        if current is None:
            raise DomainError(ErrorReason.TIER_NOT_FOUND, metadata={"tier_id": tier_id})
        updated = apply_mask(current, dataclasses.replace(command.tier, tier_id=tier_id), command.update_mask,
                             updatable=TIER_UPDATABLE_PATHS, immutable=("tier_id", "program_id"),
                             output_only=("create_time", "update_time"), resource="tier")
        validate_tier(updated)
        program = await get_program(current.program_id, caller, deps)
        if "target_spend" in command.update_mask:
            check_currency("tier.target_spend.currency_code", command.target_spend_currency_code,
                           program.currency_code)
        if "min_spend" in command.update_mask and (command.min_spend_currency_code or updated.min_spend_minor):
            check_currency("tier.min_spend.currency_code", command.min_spend_currency_code, program.currency_code)
        now = deps.clock.now()
        if current.update_time is not None:
            now = max(now, current.update_time + dt.timedelta(microseconds=1))
        updated = dataclasses.replace(updated, update_time=now)
        row = store.tier_change_row(tier=updated, org_id=caller.org_id, previous_update_time=current.update_time,
                                    request_id=command.request_id, client_id=caller.client_id)
        lost = DomainError(ErrorReason.TIER_CHANGED_CONCURRENTLY, metadata={"tier_id": tier_id})
        return Prepared(updated, (row,), {
            store.TIERS_CHANGED: lost, store.TIER_CHANGES_PKEY: lost,
            store.TIERS_TARGET_SPEND_UNIQUE: DomainError(ErrorReason.TIER_ALREADY_EXISTS, metadata={
                "program_id": updated.program_id, "target_spend_minor": updated.target_spend_minor})},
            on_commit=_forget_after(caller, updated.program_id))

    return await execute_retrying(deps, caller, "UpdateTier", command, prepare, Tier.from_json,
                                  ErrorReason.TIER_CHANGED_CONCURRENTLY)


def _uuid(value: str, field_name: str) -> str:
    if not value:
        raise field_required(field_name)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise field_invalid(field_name, "a UUID") from None


async def list_tiers(program_id: str, caller: Caller, deps: Deps, *,
                     programs: ProgramStore | None = None) -> tuple[Program, tuple[Tier, ...]]:
    """The program (whose currency the tiers' amounts are in) and its tiers by target spend."""
    validate_program_id(program_id)
    programs = _store(deps, programs)
    program = _found(await programs.program(caller.org_id, program_id), program_id)
    return program, await programs.tiers(caller.org_id, program_id)


# --- earn codes ------------------------------------------------------------------------------


def validate_earn_codes(command: CreateEarnCodes) -> int:
    """The first rule the request breaks; returns the random part's length."""
    validate_request_id(command.request_id)
    validate_program_id(command.program_id)
    check_range("points", command.points, 1, limits.EARN_POINTS_MAX)
    check_range("count", command.count, 1, limits.EARN_CODES_COUNT_MAX)
    if command.expire_time is None:
        raise field_required("expire_time")
    if len(command.prefix) > limits.EARN_CODE_PREFIX_LENGTH_MAX:
        raise field_too_long("prefix", limits.EARN_CODE_PREFIX_LENGTH_MAX)
    if not _PREFIX.match(command.prefix):
        raise field_invalid("prefix", "characters of [0-9A-Z-]")
    length = command.length or limits.EARN_CODE_RANDOM_LENGTH_DEFAULT
    check_range("length", length, limits.EARN_CODE_RANDOM_LENGTH_MIN, limits.EARN_CODE_RANDOM_LENGTH_MAX)
    if len(command.store_ids) > limits.EARN_CODE_STORE_IDS_MAX:
        raise field_too_long("store_ids", limits.EARN_CODE_STORE_IDS_MAX)
    for n, store_id in enumerate(command.store_ids):
        if not store_id:
            raise field_required(f"store_ids[{n}]")
        if len(store_id) > limits.STORE_ID_LENGTH_MAX:
            raise field_too_long(f"store_ids[{n}]", limits.STORE_ID_LENGTH_MAX)
        if not store_id.isprintable():
            raise field_invalid(f"store_ids[{n}]", "printable characters only")
    if len(set(command.store_ids)) != len(command.store_ids):
        raise field_invalid("store_ids", "each store once")
    return length


async def create_earn_codes(command: CreateEarnCodes, caller: Caller, deps: Deps) -> AsyncIterator[EarnCodesChunk]:
    """Commit the batch once (idempotent), then stream its chunks, creating those missing."""
    length = validate_earn_codes(command)

    async def prepare() -> Prepared[EarnCodeBatch]:
        await get_program(command.program_id, caller, deps)
        now = deps.clock.now()
        if command.expire_time <= now:
            raise field_invalid("expire_time", "in the future")
        batch = EarnCodeBatch(str(uuid.uuid4()), caller.org_id, command.program_id, command.points, command.count,
                              command.prefix, length, command.expire_time, now, command.store_ids)
        row = store.earn_code_batch_row(
            batch_id=batch.batch_id, org_id=caller.org_id, program_id=batch.program_id, points=batch.points,
            count=batch.count, prefix=batch.prefix, length=batch.length, expire_time=batch.expire_time,
            create_time=batch.create_time, store_ids=batch.store_ids)
        return Prepared(batch, (row,))

    batch = await execute_once(deps, caller, "CreateEarnCodes", command, prepare, EarnCodeBatch.from_json)
    return _stream_codes(deps, batch)


async def _stream_codes(deps: Deps, batch: EarnCodeBatch) -> AsyncIterator[EarnCodesChunk]:
    chunk_size = limits.EARN_CODES_CHUNK_MAX
    chunks = -(-batch.count // chunk_size)
    for index in range(chunks):
        codes = await _chunk(deps, batch, index, min(chunk_size, batch.count - index * chunk_size))
        created = min((index + 1) * chunk_size, batch.count)
        yield EarnCodesChunk(batch.batch_id, codes, created, batch.count, index == chunks - 1)


async def _chunk(deps: Deps, batch: EarnCodeBatch, index: int, size: int) -> list[str]:
    """The codes of chunk `index`: read if it exists, else generated and inserted, atomically."""
    generator = CodeGenerator(DEFAULT_ALPHABET, batch.length, batch.prefix)
    return await ProgramStore(deps.pool).earn_code_chunk(
        batch_id=batch.batch_id, org_id=batch.org_id, program_id=batch.program_id, points=batch.points,
        expire_time=batch.expire_time, create_time=batch.create_time, index=index, size=size,
        generate=generator.generate)
