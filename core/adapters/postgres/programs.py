"""Programs, earn rules, tiers and one-time earn codes: the SQL, the typed rows it reads and the
rows the ledger writer inserts (`program_row`, `program_change_row`, `earn_rule_change_row`,
`tier_row`, `earn_code_batch_row`).

Earn rules are an append-only change log (`earn_rule_changes`, version 1, 2, ...); a trigger keeps
`earn_rules` current and enforces the per-program limit. Earn codes are created chunk by chunk:
each chunk is generated, COPYed into a temporary table and inserted (codes taken by another batch
are skipped and drawn again) in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.domain.lucky_draws import LuckyDrawPolicy
from core.domain.messages import PointsReminders
from core.domain.loyalty import (EarnRule, PointsExpiryMode, PointsValue, Program, ProgramRules, Tier,
                                 config_from_json,
                                 config_to_json)

PROGRAM_COLUMNS = ("org_id", "program_id", "display_name", "currency_code", "time_zone", "points_expiry",
                   "points_expiry_mode", "points_expiry_months", "min_redemption_balance_points",
                   "min_remaining_balance_points", "min_redeem_points", "allow_negative_refund", "create_time",
                   "update_time", "lucky_draw", "earn_requires_owner", "burn_requires_owner", "points_value",
                   "receipt_number_format", "points_reminders")
"""Program's fields, as the `programs` columns of the same names."""
_PROGRAM_CHANGE_COLUMNS = ("org_id", "program_id", "previous_update_time", "display_name", "time_zone",
                           "points_expiry", "points_expiry_mode", "points_expiry_months",
                           "min_redemption_balance_points", "min_remaining_balance_points", "min_redeem_points",
                           "allow_negative_refund", "update_time", "request_id", "client_id", "lucky_draw",
                           "earn_requires_owner", "burn_requires_owner", "points_value", "receipt_number_format",
                           "points_reminders")
_RULE_CHANGE_COLUMNS = ("earn_rule_id", "version", "org_id", "program_id", "display_name", "kind", "config", "etag",
                        "deleted", "change_time", "request_id", "client_id")
TIER_COLUMNS = ("tier_id", "org_id", "program_id", "display_name", "target_spend_minor", "min_spend_minor",
                "multiplier_bps", "evaluation_days", "create_time", "points_expiry_seconds",
                "level_up_evaluation_days", "level_down_evaluation_days", "default_tier", "active", "image_uri",
                "update_time")
_TIER_CHANGE_COLUMNS = ("tier_id", "org_id", "program_id", "previous_update_time", "display_name",
                        "target_spend_minor", "min_spend_minor", "multiplier_bps", "evaluation_days",
                        "points_expiry_seconds", "level_up_evaluation_days", "level_down_evaluation_days",
                        "default_tier", "active", "image_uri", "update_time", "request_id", "client_id")
_BATCH_COLUMNS = ("batch_id", "org_id", "program_id", "points", "code_count", "prefix", "code_length",
                  "expire_time", "create_time", "store_ids")
_RULE_SELECT = ("SELECT earn_rule_id::text AS earn_rule_id, program_id, display_name, config, etag, create_time,"
                " update_time, version FROM earn_rules")
_TIER_SELECT = ("SELECT tier_id::text AS tier_id, program_id, display_name, target_spend_minor, min_spend_minor,"
                " multiplier_bps, evaluation_days, create_time, points_expiry_seconds, level_up_evaluation_days,"
                " level_down_evaluation_days, default_tier, active, image_uri, update_time FROM tiers")

# The constraints whose violation a handler turns into a domain error.
PROGRAMS_PKEY = "programs_pkey"
PROGRAMS_CHANGED = "programs_changed"
PROGRAM_CHANGES_PKEY = "program_changes_pkey"
EARN_RULES_LIMIT = "earn_rules_limit"
EARN_RULE_CHANGES_PROGRAM_FKEY = "earn_rule_changes_program_fkey"
EARN_RULE_CHANGES_PKEY = "earn_rule_changes_pkey"
EARN_RULES_CHANGED = "earn_rules_changed"
TIERS_TARGET_SPEND_UNIQUE = "tiers_target_spend_unique"
TIERS_LIMIT = "tiers_limit"
TIERS_PROGRAM_FKEY = "tiers_program_fkey"
TIERS_CHANGED = "tiers_changed"
TIER_CHANGES_PKEY = "tier_changes_pkey"


@dataclass(frozen=True, slots=True)
class VersionedEarnRule:
    """A live earn rule, with the version its next change must follow."""

    rule: EarnRule
    version: int


# --- codecs -----------------------------------------------------------------------------------

def _lucky_draw(policy: LuckyDrawPolicy | None) -> Jsonb | None:
    return Jsonb(policy.to_json()) if policy is not None else None


def _points_value(value: PointsValue | None) -> Jsonb | None:
    return Jsonb(value.to_json()) if value is not None else None


def _reminders(settings: PointsReminders | None) -> Jsonb | None:
    return Jsonb(settings.to_json()) if settings is not None else None


def program_row(*, program: Program) -> Row:
    """The `programs` row of a new program (its org_id and times as set)."""
    return Row("programs", PROGRAM_COLUMNS, tuple(
        int(program.points_expiry_mode) if name == "points_expiry_mode"
        else _lucky_draw(program.lucky_draw) if name == "lucky_draw"
        else _points_value(program.points_value) if name == "points_value"
        else _reminders(program.points_reminders) if name == "points_reminders" else getattr(program, name)
        for name in PROGRAM_COLUMNS))


def program_from_row(row: Mapping[str, object]) -> Program:
    values = {name: row[name] for name in PROGRAM_COLUMNS}
    values["points_expiry_mode"] = PointsExpiryMode(values["points_expiry_mode"])
    lucky = values["lucky_draw"]
    values["lucky_draw"] = LuckyDrawPolicy.from_json(lucky.obj if isinstance(lucky, Jsonb) else lucky)
    value = values["points_value"]
    values["points_value"] = PointsValue.from_json(value.obj if isinstance(value, Jsonb) else value)
    reminders = values["points_reminders"]
    values["points_reminders"] = PointsReminders.from_json(reminders.obj if isinstance(reminders, Jsonb)
                                                           else reminders)
    return Program(**values)  # type: ignore[arg-type]


def program_change_row(*, program: Program, previous_update_time: dt.datetime, request_id: str,
                       client_id: str) -> Row:
    """A change of the program last updated at `previous_update_time` (applied only if it still is)."""
    return Row("program_changes", _PROGRAM_CHANGE_COLUMNS, (
        program.org_id, program.program_id, previous_update_time, program.display_name, program.time_zone,
        program.points_expiry, int(program.points_expiry_mode), program.points_expiry_months,
        program.min_redemption_balance_points, program.min_remaining_balance_points, program.min_redeem_points,
        program.allow_negative_refund, program.update_time, request_id, client_id, _lucky_draw(program.lucky_draw),
        program.earn_requires_owner, program.burn_requires_owner, _points_value(program.points_value),
        program.receipt_number_format, _reminders(program.points_reminders)))


def earn_rule_change_row(*, rule: EarnRule, version: int, org_id: str, change_time: dt.datetime, request_id: str,
                         client_id: str, deleted: bool = False) -> Row:
    return Row("earn_rule_changes", _RULE_CHANGE_COLUMNS, (
        rule.earn_rule_id, version, org_id, rule.program_id, rule.display_name, int(rule.kind),
        Jsonb(config_to_json(rule.config)), rule.etag, deleted, change_time, request_id, client_id))


def earn_rule_from_row(row: Mapping[str, object]) -> EarnRule:
    """The rule of an `earn_rules` row (config as stored: JSON, or a Jsonb wrapper of it)."""
    config = row["config"]
    return EarnRule(str(row["earn_rule_id"]), str(row["program_id"]), str(row["display_name"]),
                    config_from_json(config.obj if isinstance(config, Jsonb) else config),  # type: ignore[arg-type]
                    str(row["etag"]), row["create_time"], row["update_time"])  # type: ignore[arg-type]


def tier_row(*, tier: Tier, org_id: str) -> Row:
    return Row("tiers", TIER_COLUMNS, tuple(org_id if name == "org_id" else getattr(tier, name)
                                            for name in TIER_COLUMNS))


def tier_change_row(*, tier: Tier, org_id: str, previous_update_time: dt.datetime | None, request_id: str,
                    client_id: str) -> Row:
    """A change of the tier last updated at `previous_update_time` (applied only if it still is)."""
    values = {"org_id": org_id, "previous_update_time": previous_update_time, "request_id": request_id,
              "client_id": client_id}
    return Row("tier_changes", _TIER_CHANGE_COLUMNS, tuple(
        values[name] if name in values else getattr(tier, name) for name in _TIER_CHANGE_COLUMNS))


def tier_from_row(row: Mapping[str, object]) -> Tier:
    return Tier(**{name: row[name] for name in TIER_COLUMNS if name != "org_id"})  # type: ignore[arg-type]


def earn_code_batch_row(*, batch_id: str, org_id: str, program_id: str, points: int, count: int, prefix: str,
                        length: int, expire_time: dt.datetime, create_time: dt.datetime,
                        store_ids: tuple[str, ...] = ()) -> Row:
    return Row("earn_code_batches", _BATCH_COLUMNS, (batch_id, org_id, program_id, points, count, prefix, length,
                                                      expire_time, create_time, list(store_ids)))


# --- reads and the earn-code chunks -----------------------------------------------------------

_PROGRAM = f"SELECT {', '.join(PROGRAM_COLUMNS)} FROM programs WHERE org_id = %s AND program_id = %s"
_LIVE_RULES = (_RULE_SELECT + " WHERE org_id = %s AND program_id = %s AND delete_time IS NULL"
               " ORDER BY create_time, earn_rule_id")
_TIERS = _TIER_SELECT + " WHERE org_id = %s AND program_id = %s ORDER BY target_spend_minor"


async def _fetch(connection, query: str, params) -> list[dict]:
    cursor = connection.cursor(row_factory=dict_row)
    await cursor.execute(query, params)
    return await cursor.fetchall()


class ProgramStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def _all(self, query: str, params) -> list[dict]:
        async with self._pool.connection() as connection:
            return await _fetch(connection, query, params)

    async def exists(self, org_id: str, program_id: str) -> bool:
        async with self._pool.connection() as connection:
            cursor = await connection.execute("SELECT 1 FROM programs WHERE org_id = %s AND program_id = %s",
                                              (org_id, program_id))
            return await cursor.fetchone() is not None

    async def program(self, org_id: str, program_id: str) -> Program | None:
        found = await self._all(_PROGRAM, (org_id, program_id))
        return program_from_row(found[0]) if found else None

    async def earn_rule(self, org_id: str, earn_rule_id: str) -> VersionedEarnRule | None:
        """A live (not deleted) rule of the organisation."""
        found = await self._all(_RULE_SELECT + " WHERE earn_rule_id = %s AND org_id = %s AND delete_time IS NULL",
                                (earn_rule_id, org_id))
        return VersionedEarnRule(earn_rule_from_row(found[0]), found[0]["version"]) if found else None

    async def earn_rules(self, org_id: str, program_id: str, *, kind: int = 0,
                         after: tuple[dt.datetime, str] | None = None, limit: int | None = None) -> list[EarnRule]:
        """The program's live rules (of `kind`, when not 0), oldest first, after `after`."""
        sql = _RULE_SELECT + " WHERE org_id = %(org)s AND program_id = %(program)s AND delete_time IS NULL"
        if kind:
            sql += " AND kind = %(kind)s"
        if after is not None:
            sql += " AND (create_time, earn_rule_id) > (%(time)s, %(id)s)"
        sql += " ORDER BY create_time, earn_rule_id"
        if limit is not None:
            sql += " LIMIT %(limit)s"
        rows = await self._all(sql, {"org": org_id, "program": program_id, "kind": kind, "limit": limit,
                                     "time": after[0] if after else None, "id": after[1] if after else None})
        return [earn_rule_from_row(row) for row in rows]

    async def tier(self, org_id: str, tier_id: str) -> Tier | None:
        found = await self._all(_TIER_SELECT + " WHERE org_id = %s AND tier_id = %s", (org_id, tier_id))
        return tier_from_row(found[0]) if found else None

    async def tiers(self, org_id: str, program_id: str) -> tuple[Tier, ...]:
        """The program's tiers by target spend."""
        return tuple(tier_from_row(row) for row in await self._all(_TIERS, (org_id, program_id)))

    async def rules(self, org_id: str, program_id: str) -> ProgramRules | None:
        """The program with its live earn rules (oldest first) and tiers (by target spend), read on
        one connection; None if there is no such program."""
        async with self._pool.connection() as connection:
            found = await _fetch(connection, _PROGRAM, (org_id, program_id))
            if not found:
                return None
            rules = await _fetch(connection, _LIVE_RULES, (org_id, program_id))
            tiers = await _fetch(connection, _TIERS, (org_id, program_id))
        return ProgramRules(program_from_row(found[0]), tuple(earn_rule_from_row(row) for row in rules),
                            tuple(tier_from_row(row) for row in tiers))

    async def earn_code_chunk(self, *, batch_id: str, org_id: str, program_id: str, points: int,
                              expire_time: dt.datetime, create_time: dt.datetime, index: int, size: int,
                              generate: Callable[[int], Iterable[str]]) -> list[str]:
        """The codes of chunk `index` of the batch: read if it exists, else `size` codes drawn from
        `generate(n)` (n codes each time; taken ones drawn again) and inserted, atomically."""
        select = "SELECT code FROM earn_codes WHERE batch_id = %s AND chunk = %s"
        async with self._pool.connection() as connection, connection.transaction():
            codes = [code for (code,) in await (await connection.execute(select, (batch_id, index))).fetchall()]
            if codes:
                return codes
            # A concurrent retry of the same request waits here, then finds the chunk made.
            await connection.execute("SELECT 1 FROM earn_code_batches WHERE batch_id = %s FOR UPDATE", (batch_id,))
            codes = [code for (code,) in await (await connection.execute(select, (batch_id, index))).fetchall()]
            if codes:
                return codes
            await connection.execute("CREATE TEMPORARY TABLE IF NOT EXISTS earn_codes_new (code text NOT NULL)"
                                     " ON COMMIT DELETE ROWS")
            created: list[str] = []
            while len(created) < size:
                async with connection.cursor() as cursor:
                    async with cursor.copy("COPY earn_codes_new (code) FROM STDIN") as copy:
                        for code in generate(size - len(created)):
                            await copy.write_row((code,))
                    await cursor.execute(
                        "INSERT INTO earn_codes (org_id, program_id, code, batch_id, points, expire_time,"
                        " create_time, chunk) SELECT %s, %s, code, %s, %s, %s, %s, %s FROM earn_codes_new"
                        " ON CONFLICT DO NOTHING RETURNING code",
                        (org_id, program_id, batch_id, points, expire_time, create_time, index))
                    created += [code for (code,) in await cursor.fetchall()]
                    await cursor.execute("TRUNCATE earn_codes_new")
            return created
