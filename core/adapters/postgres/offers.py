"""Offers in Postgres: the offers table, its stored definition (JSON) and the rows an offer's
changes, customer list and events add.

The definition codec (`offer_definition`, `offer_from_definition`) is the one place that knows
how an Offer is stored; every row type here is built by keyword from a named mapping.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import typing
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from psycopg.errors import UniqueViolation
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.outbox import insert_events
from core.domain.messages import OfferDelivery
from core.domain.coupons import (IssuanceRules, Money, Offer, OfferContent, OfferState, RedemptionRules,
                                 RematchPolicy)

OFFER_SELECT = ("o.offer_id::text AS offer_id, o.state, o.definition, o.common_code, o.version, o.create_time,"
                " o.update_time")
"""The columns of an OfferRow (prefix `o` = offers)."""


# --- the stored definition ---------------------------------------------------------------------

def _money(value: Money | None) -> list | None:
    return [value.amount_minor, value.currency_code] if value else None


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _money_of(stored: list | None) -> Money | None:
    return Money(stored[0], stored[1]) if stored else None


def _time_of(stored: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(stored) if stored else None


def offer_definition(offer: Offer) -> dict:
    """The offer as stored in offers.definition (and offer_changes.definition)."""
    return {"rules": rules_definition(offer.rules),
        "discount_amount": _money(offer.discount_amount), "discount_percent_bps": offer.discount_percent_bps,
        "discount_max": _money(offer.discount_max), "program_id": offer.program_id,
        "display_name": offer.display_name, "description": offer.description,
        "extra_points": offer.extra_points, "points_multiplier_bps": offer.points_multiplier_bps,
        "price_points": offer.price_points, "free_item_sku": offer.free_item_sku,
        "content": offer.content.to_json(), "delivery": offer.delivery.to_json(), "issuance": {
            "min_gap_seconds": offer.issuance.min_gap_seconds, "rematch": int(offer.issuance.rematch),
            "listed_only": offer.issuance.listed_only, "notify_remaining": offer.issuance.notify_remaining,
            "past_offer_ids": sorted(offer.issuance.past_offer_ids), "past_months": offer.issuance.past_months}}


_RULE_TYPES = typing.get_type_hints(RedemptionRules)


def rules_definition(rules: RedemptionRules) -> dict:
    """RedemptionRules as stored: every field under its own name, by its type (times as ISO 8601,
    money as [amount, currency], sets sorted, enums as numbers): a new rule field needs no edit."""
    return {field.name: _stored_value(field.name, getattr(rules, field.name)) for field in dataclasses.fields(rules)}


def _stored_value(name: str, value: object) -> object:
    if name == "hours":
        return [list(window) for window in value] or None  # type: ignore[attr-defined]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, Money):
        return _money(value)
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def rules_from_definition(stored: Mapping) -> RedemptionRules:
    """RedemptionRules of a stored definition's "rules", by keyword; a field stored before it
    existed takes its default."""
    return RedemptionRules(**{field.name: _rule_value(field.name, stored[field.name])
                              for field in dataclasses.fields(RedemptionRules) if field.name in stored})


def _rule_value(name: str, stored: object) -> object:
    kind = _RULE_TYPES[name]
    if name == "hours":
        return _hour_windows(stored)  # type: ignore[arg-type]
    if kind == dt.datetime | None:
        return _time_of(stored)  # type: ignore[arg-type]
    if kind == Money | None:
        return _money_of(stored)  # type: ignore[arg-type]
    if typing.get_origin(kind) is frozenset:
        return frozenset(stored or ())  # type: ignore[arg-type]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(stored)
    return stored


def _hour_windows(stored: list | None) -> tuple[tuple[int, int], ...]:
    """Stored hour windows: a list of [start, end] pairs, or (offers stored before several
    windows were allowed) one flat [start, end] pair."""
    if not stored:
        return ()
    if isinstance(stored[0], int):
        return ((stored[0], stored[1]),)
    return tuple((start, end) for start, end in stored)


def _issuance_from_json(data: Mapping | None) -> IssuanceRules:
    if not data:
        return IssuanceRules()
    return IssuanceRules(min_gap_seconds=data["min_gap_seconds"], rematch=RematchPolicy(data["rematch"]),
                         listed_only=data["listed_only"], notify_remaining=data["notify_remaining"],
                         past_offer_ids=frozenset(data.get("past_offer_ids", ())), past_months=data.get("past_months", 0))


def offer_from_definition(*, org_id: str, offer_id: str, state: int, definition: Mapping | str,
                          common_code: str | None = None, version: int = 0, create_time: dt.datetime | None = None,
                          update_time: dt.datetime | None = None) -> Offer:
    """The Offer a stored definition and the row's other columns describe."""
    if isinstance(definition, str):
        definition = json.loads(definition)
    return Offer(
        offer_id=str(offer_id), org_id=org_id, state=OfferState(state), rules=rules_from_definition(definition["rules"]),
        discount_amount=_money_of(definition["discount_amount"]),
        discount_percent_bps=definition["discount_percent_bps"], discount_max=_money_of(definition["discount_max"]),
        common_code=common_code, program_id=definition.get("program_id", ""),
        display_name=definition.get("display_name", ""), description=definition.get("description", ""),
        extra_points=definition.get("extra_points", 0),
        points_multiplier_bps=definition.get("points_multiplier_bps", 0),
        price_points=definition.get("price_points", 0), issuance=_issuance_from_json(definition.get("issuance")),
        free_item_sku=definition.get("free_item_sku", ""), content=OfferContent.from_json(definition.get("content")),
        delivery=OfferDelivery.from_json(definition.get("delivery")), version=version, create_time=create_time,
        update_time=update_time)


def offer_from_row(org_id: str, code: str | None, offer_id, state: int, definition: dict, version: int = 0,
                   create_time: dt.datetime | None = None, update_time: dt.datetime | None = None) -> Offer:
    """offer_from_definition with positional arguments (kept for callers of the old name)."""
    return offer_from_definition(org_id=org_id, offer_id=str(offer_id), state=state, definition=definition,
                                 common_code=code, version=version, create_time=create_time,
                                 update_time=update_time)


# --- rows ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class OfferRow:
    """One row of offers (OFFER_SELECT)."""

    offer_id: str
    state: int
    definition: Mapping
    common_code: str | None
    version: int
    create_time: dt.datetime | None
    update_time: dt.datetime | None

    def offer(self, org_id: str) -> Offer:
        return offer_from_definition(org_id=org_id, offer_id=self.offer_id, state=self.state,
                                     definition=self.definition, common_code=self.common_code,
                                     version=self.version, create_time=self.create_time,
                                     update_time=self.update_time)


_OFFER_FIELDS = OfferRow.__slots__


def _offer_row(found: Mapping) -> OfferRow:
    return OfferRow(**{name: found[name] for name in _OFFER_FIELDS})


@dataclass(frozen=True, slots=True)
class OfferCounts:
    """An offer's counters: coupons issued, redemptions in effect, when the issue notification
    threshold was first reached."""

    issued_count: int
    redeemed_count: int
    issue_threshold_reach_time: dt.datetime | None


_OFFER_COUNTS = (
    "(SELECT count(*) FROM coupons c WHERE c.offer_id = o.offer_id) AS issued_count,"
    " (SELECT count(*) FROM coupon_redemptions r WHERE r.offer_id = o.offer_id AND NOT EXISTS"
    " (SELECT 1 FROM coupon_reversals v WHERE v.redemption_id = r.redemption_id)) AS redeemed_count,"
    " (SELECT min(event_time) FROM offer_events e WHERE e.offer_id = o.offer_id AND e.kind = 'issue_threshold')"
    " AS issue_threshold_reach_time")


def _counts(found: Mapping) -> OfferCounts:
    return OfferCounts(issued_count=found["issued_count"], redeemed_count=found["redeemed_count"],
                       issue_threshold_reach_time=found["issue_threshold_reach_time"])


_LIST_OFFERS = (
    f"SELECT {OFFER_SELECT}, {_OFFER_COUNTS}"
    " FROM offers o WHERE o.org_id = %(org)s AND o.program_id = %(program)s"
    " AND (cardinality(%(states)s::smallint[]) = 0 OR o.state = ANY(%(states)s::smallint[]))"
    " AND (%(store)s = '' OR o.definition -> 'rules' -> 'store_ids' ? %(store)s)"
    " AND (%(zone)s = '' OR o.definition -> 'rules' -> 'zone_ids' ? %(zone)s)"
    " AND (%(concept)s = '' OR o.definition -> 'rules' -> 'concept_ids' ? %(concept)s)"
    " AND (%(after_time)s::timestamptz IS NULL OR (o.create_time, o.offer_id) < (%(after_time)s, %(after_id)s::uuid))"
    " ORDER BY o.create_time DESC, o.offer_id DESC LIMIT %(limit)s")

_LIST_DEAL_OFFERS = (
    f"SELECT {OFFER_SELECT}, o.end_key FROM (SELECT *, COALESCE((definition -> 'rules' ->> 'end_time')::timestamptz,"
    " '9999-12-31T00:00:00Z'::timestamptz) AS end_key FROM offers WHERE org_id = %(org)s"
    " AND program_id = %(program)s AND state = %(active)s) o"
    " WHERE %(after_end)s::timestamptz IS NULL OR (o.end_key, o.offer_id) > (%(after_end)s, %(after_id)s::uuid)"
    " ORDER BY o.end_key, o.offer_id LIMIT %(limit)s")
"""A program's ACTIVE offers by end (none: last), then offer_id; keyset pages."""

_OFFER_CHANGE_COLUMNS = ("offer_id", "version", "org_id", "previous_version", "definition", "update_time",
                         "request_id", "client_id")
_EVENT_COLUMNS = ("event_id", "org_id", "offer_id", "kind", "event_time", "detail")


def offer_row(*, offer_id: str, org_id: str, program_id: str, state: int, definition: dict,
              now: dt.datetime) -> Row:
    """CreateOffer's row."""
    return Row("offers", ("offer_id", "org_id", "program_id", "state", "definition", "create_time", "update_time"),
               (offer_id, org_id, program_id, state, Jsonb(definition), now, now))


def offer_change_row(*, offer_id: str, version: int, org_id: str, previous_version: int, definition: dict,
                     update_time: dt.datetime, request_id: str, client_id: str) -> Row:
    """UpdateOffer's row: its trigger applies it to the offer only at `previous_version`."""
    values = {"offer_id": offer_id, "version": version, "org_id": org_id, "previous_version": previous_version,
              "definition": Jsonb(definition), "update_time": update_time, "request_id": request_id,
              "client_id": client_id}
    return Row("offer_changes", _OFFER_CHANGE_COLUMNS, tuple(values[column] for column in _OFFER_CHANGE_COLUMNS))


def offer_customer_row(*, offer_id: str, account_id: str, org_id: str, add_time: dt.datetime) -> Row:
    return Row("offer_customers", ("offer_id", "account_id", "org_id", "add_time"),
               (offer_id, account_id, org_id, add_time))


def offer_event_row(*, org_id: str, offer_id: str, kind: str, event_time: dt.datetime, detail: dict) -> Row:
    values = {"event_id": str(uuid.uuid4()), "org_id": org_id, "offer_id": offer_id, "kind": kind,
              "event_time": event_time, "detail": Jsonb(detail)}
    return Row("offer_events", _EVENT_COLUMNS, tuple(values[column] for column in _EVENT_COLUMNS))


class CommonCodeOutcome(enum.Enum):
    SET = "set"
    OFFER_NOT_FOUND = "offer_not_found"
    CODE_TAKEN = "code_taken"


async def register_common_code(connection, org_id: str, code: str, offer_id: str) -> bool:
    """Enter an offer's common code in org_codes (so that no series or coupon can take it);
    False if the organisation holds it already for anything else."""
    cursor = await connection.execute(
        "INSERT INTO org_codes (org_id, code, offer_id) VALUES (%s, %s, %s) ON CONFLICT (org_id, code) DO UPDATE"
        " SET offer_id = org_codes.offer_id WHERE org_codes.offer_id = EXCLUDED.offer_id"
        " AND org_codes.code_series_id IS NULL AND org_codes.coupon_id IS NULL RETURNING 1", (org_id, code, offer_id))
    return await cursor.fetchone() is not None


class OfferStore:
    """Reads and direct writes of offers (the ledger writer commits the rows built above)."""

    def __init__(self, pool) -> None:
        self._pool = pool

    def connection(self):
        """A pooled connection, for reads several stores make together (an offer's reload)."""
        return self._pool.connection()

    async def insert(self, offer: Offer, program_id: str, now: dt.datetime) -> None:
        """Store an offer directly (tests and tools), with its common code."""
        async with self._pool.connection() as connection:
            await connection.execute(
                "INSERT INTO offers (offer_id, org_id, program_id, state, definition, common_code, create_time,"
                " update_time) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (offer.offer_id, offer.org_id, program_id, int(offer.state), Jsonb(offer_definition(offer)),
                 offer.common_code, now, now))
            if offer.common_code:
                await register_common_code(connection, offer.org_id, offer.common_code, offer.offer_id)

    async def set_common_code(self, *, org_id: str, offer_id: str, code: str) -> CommonCodeOutcome:
        async with self._pool.connection() as connection, connection.transaction():
            try:
                cursor = await connection.execute(
                    "UPDATE offers SET common_code = %s, version = version + 1 WHERE offer_id = %s AND org_id = %s"
                    " AND (common_code IS NULL OR common_code = %s)", (code, offer_id, org_id, code))
            except UniqueViolation:
                return CommonCodeOutcome.CODE_TAKEN
            if cursor.rowcount == 0:
                return CommonCodeOutcome.OFFER_NOT_FOUND
            if not await register_common_code(connection, org_id, code, offer_id):
                return CommonCodeOutcome.CODE_TAKEN
        return CommonCodeOutcome.SET

    async def by_id(self, offer_id: str, org_id: str | None = None, connection=None) -> OfferRow | None:
        """The offer (of `org_id`, if given)."""
        if connection is None:
            async with self._pool.connection() as own:
                return await self.by_id(offer_id, org_id, own)
        cursor = connection.cursor(row_factory=dict_row)
        await cursor.execute(f"SELECT {OFFER_SELECT} FROM offers o WHERE o.offer_id = %s"
                             " AND (%s::text IS NULL OR o.org_id = %s)", (offer_id, org_id, org_id))
        found = await cursor.fetchone()
        return None if found is None else _offer_row(found)

    async def page(self, *, org_id: str, program_id: str, states: Sequence[int], store_id: str, zone_id: str,
                   limit: int, after: tuple[dt.datetime, str] | None,
                   concept_id: str = "") -> list[tuple[OfferRow, OfferCounts]]:
        """ListOffers' rows, newest first, with their counters."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(_LIST_OFFERS, {
                "org": org_id, "program": program_id, "states": list(states), "store": store_id, "zone": zone_id,
                "concept": concept_id, "limit": limit, "after_time": after[0] if after else None,
                "after_id": after[1] if after else None})
            return [(_offer_row(found), _counts(found)) for found in await cursor.fetchall()]

    async def deal_offers(self, *, org_id: str, program_id: str, limit: int,
                          after: tuple[dt.datetime, str] | None) -> list[tuple[OfferRow, dt.datetime]]:
        """A program's ACTIVE offers after `after` in (end, offer_id) order, with their end key."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(_LIST_DEAL_OFFERS, {
                "org": org_id, "program": program_id, "active": int(OfferState.ACTIVE), "limit": limit,
                "after_end": after[0] if after else None, "after_id": after[1] if after else None})
            return [(_offer_row(found), found["end_key"]) for found in await cursor.fetchall()]

    async def counts(self, offer_id: str) -> OfferCounts:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(f"SELECT {_OFFER_COUNTS} FROM offers o WHERE o.offer_id = %s", (offer_id,))
            return _counts(await cursor.fetchone())

    async def set_state(self, *, offer_id: str, org_id: str, state: int, now: dt.datetime,
                        ended_events: tuple[Row, ...] = ()) -> tuple[bool, str | None]:
        """(found, its common code): the state set; the version grows only with a change.
        `ended_events` (the offer.ended outbox row) commit with it when an ACTIVE offer leaves
        ACTIVE, and only then."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(
                "SELECT state FROM offers WHERE offer_id = %s AND org_id = %s FOR UPDATE", (offer_id, org_id))
            before = await cursor.fetchone()
            cursor = await connection.execute(
                "UPDATE offers SET state = %s, version = version + (state <> %s)::int, update_time = %s"
                " WHERE offer_id = %s AND org_id = %s RETURNING common_code",
                (state, state, now, offer_id, org_id))
            found = await cursor.fetchone()
            if found is not None and before is not None and before[0] == 2 and state != 2:
                await insert_events(connection, ended_events)
        return (False, None) if found is None else (True, found[0])

    async def listed(self, offer_id: str, account_ids: Sequence[str]) -> set[str]:
        """Which of the accounts are on the offer's customer list."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT account_id::text FROM offer_customers WHERE offer_id = %s AND account_id = ANY(%s::uuid[])",
                (offer_id, list(account_ids)))
            return {account_id for (account_id,) in await cursor.fetchall()}

    async def all_ids(self, connection) -> list[str]:
        """Every offer (the rebuild reloads each, inside its own transaction)."""
        cursor = await connection.execute("SELECT offer_id::text FROM offers")
        return [offer_id for (offer_id,) in await cursor.fetchall()]

    async def program_has_earn_offers(self, *, org_id: str, program_id: str) -> bool:
        """Whether the program (or no program) has an ACTIVE EXTRAPOINT or MULTIPLIER offer."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT EXISTS (SELECT 1 FROM offers o WHERE o.org_id = %s AND o.program_id IN (%s, '')"
                f" AND o.state = %s AND {EARN_KIND})", (org_id, program_id, int(OfferState.ACTIVE)))
            (live,) = await cursor.fetchone()
        return live


EARN_KIND = ("(coalesce((o.definition->>'extra_points')::bigint, 0) > 0"
             " OR coalesce((o.definition->>'points_multiplier_bps')::bigint, 0) > 0)")
"""An offer whose coupons apply at an earn (prefix `o` = offers)."""
