"""Issued coupons in Postgres: the coupons table, the organisation's code register (org_codes) as
an issue reads it, and the rows of activations and revocations.

Every coupon read is built by keyword into core.domain.coupons.IssuedCoupon from columns named
as its fields (COUPON_SELECT).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from psycopg.rows import dict_row

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.offers import EARN_KIND, OfferRow
from core.domain.coupons import IssuedCoupon, OfferState

COUPON_FIELDS = ("coupon_id", "code", "offer_id", "account_id", "issue_time", "expire_time", "activation_required",
                 "activate_time", "revoke_time", "use_count", "reversal_count", "last_redeem_time",
                 "state_change_time")
"""The IssuedCoupon fields a coupons row holds."""
_CASTS = {"coupon_id": "::text", "offer_id": "::text", "account_id": "::text"}
COUPON_SELECT = ", ".join(f"c.{name}{_CASTS.get(name, '')} AS {name}" for name in COUPON_FIELDS)
"""The columns of an IssuedCoupon, named as its fields (prefix `c` = coupons)."""
LEGACY_COUPON_SELECT = ("c.coupon_id::text, c.code, c.offer_id::text, c.account_id::text, c.issue_time, c.expire_time,"
                        " c.activation_required, c.activate_time, c.revoke_time, c.use_count, c.reversal_count,"
                        " c.last_redeem_time, c.state_change_time")
"""COUPON_SELECT without the names (the string core.service.coupons._COUPON_SELECT always was)."""


def coupon_of(found: Mapping) -> IssuedCoupon:
    return IssuedCoupon(**{name: found[name] for name in COUPON_FIELDS})


_COUPON_COLUMNS = ("coupon_id", "org_id", "offer_id", "code", "account_id", "issue_time", "expire_time",
                   "request_id", "client_id", "epoch", "activation_required", "state_change_time", "common",
                   "code_series_id")
_REVOCATION_COLUMNS = ("revocation_id", "org_id", "offer_id", "mode", "account_ids", "coupon_id", "note",
                       "revoke_time", "request_id", "client_id")
_ACTIVATION_COLUMNS = ("coupon_id", "org_id", "activate_time", "request_id", "client_id", "active")


def _row(table: str, columns: tuple[str, ...], values: Mapping) -> Row:
    return Row(table, columns, tuple(values[column] for column in columns))


def coupon_row(*, coupon: IssuedCoupon, org_id: str, request_id: str, client_id: str, epoch: int, common: bool,
               code_series_id: str | None) -> Row:
    """An issue's row (its triggers take the code out of the pool and fence the epoch)."""
    return _row("coupons", _COUPON_COLUMNS, {
        "coupon_id": coupon.coupon_id, "org_id": org_id, "offer_id": coupon.offer_id, "code": coupon.code,
        "account_id": coupon.account_id, "issue_time": coupon.issue_time, "expire_time": coupon.expire_time,
        "request_id": request_id, "client_id": client_id, "epoch": epoch,
        "activation_required": coupon.activation_required, "state_change_time": coupon.issue_time,
        "common": common, "code_series_id": code_series_id})


def activation_row(*, coupon_id: str, org_id: str, activate_time: dt.datetime, request_id: str, client_id: str,
                   active: bool) -> Row:
    return _row("coupon_activations", _ACTIVATION_COLUMNS, {
        "coupon_id": coupon_id, "org_id": org_id, "activate_time": activate_time, "request_id": request_id,
        "client_id": client_id, "active": active})


def revocation_row(*, revocation_id: str, org_id: str, offer_id: str, mode: int, account_ids: list[str] | None,
                   coupon_id: str | None, note: str, revoke_time: dt.datetime, request_id: str,
                   client_id: str) -> Row:
    return _row("coupon_revocations", _REVOCATION_COLUMNS, {
        "revocation_id": revocation_id, "org_id": org_id, "offer_id": offer_id, "mode": mode,
        "account_ids": account_ids, "coupon_id": coupon_id, "note": note, "revoke_time": revoke_time,
        "request_id": request_id, "client_id": client_id})


@dataclass(frozen=True, slots=True)
class CodeMatch:
    """What a code names: a common code's offer (coupon None), or an issued coupon and its offer."""

    offer: OfferRow
    coupon: IssuedCoupon | None


@dataclass(frozen=True, slots=True)
class OrgCode:
    """A code's entry in the organisation's register."""

    offer_id: str
    code_series_id: str | None
    unissued: bool
    revoked: bool


_NULL_COUPON = ", ".join(f"NULL::{kind} AS {name}" for name, kind in zip(COUPON_FIELDS, (
    "text", "text", "text", "text", "timestamptz", "timestamptz", "boolean", "timestamptz", "timestamptz", "int",
    "int", "timestamptz", "timestamptz")))
_FIND_CODE = (
    "SELECT o.offer_id::text AS o_offer_id, o.state AS o_state, o.definition AS o_definition, o.version AS o_version,"
    f" false AS issued, {_NULL_COUPON}, 0 AS rank"
    " FROM offers o WHERE o.org_id = %(org)s AND o.common_code = %(code)s"
    " UNION ALL SELECT o.offer_id::text, o.state, o.definition, o.version, true,"
    f" {LEGACY_COUPON_SELECT},"
    " CASE WHEN c.account_id::text = %(account)s THEN 1 WHEN c.revoke_time IS NULL THEN 2 ELSE 3 END"
    " FROM coupons c JOIN offers o USING (offer_id)"
    " WHERE c.org_id = %(org)s AND c.code = %(code)s AND NOT c.common"
    " ORDER BY rank, issue_time DESC NULLS LAST LIMIT 1")
"""One round trip: the offer of a common code, or the issued coupon of a unique one (of several
coupons of a transferred code: the account's, else the live one, else the newest)."""

_LIST_ACCOUNT_COUPONS = (
    f"SELECT {COUPON_SELECT} FROM coupons c WHERE c.org_id = %(org)s AND c.account_id = %(account)s"
    " AND (%(offer)s::uuid IS NULL OR c.offer_id = %(offer)s::uuid)"
    " AND (%(after_time)s::timestamptz IS NULL OR (c.issue_time, c.coupon_id) < (%(after_time)s, %(after_id)s::uuid))"
    " ORDER BY c.issue_time DESC, c.coupon_id DESC LIMIT %(limit)s")

_EARN_CANDIDATES = (
    f"SELECT o.offer_id::text AS o_offer_id, o.state AS o_state, o.definition AS o_definition,"
    f" o.version AS o_version, {COUPON_SELECT}"
    " FROM coupons c JOIN offers o USING (offer_id)"
    " WHERE c.org_id = %(org)s AND c.account_id = %(account)s AND o.program_id IN (%(program)s, '')"
    f" AND o.state = %(active)s AND {EARN_KIND} AND c.revoke_time IS NULL AND c.use_count = 0"
    " AND (c.expire_time IS NULL OR c.expire_time > %(now)s)"
    " AND (NOT c.activation_required OR c.activate_time IS NOT NULL)"
    " ORDER BY coalesce((o.definition->>'extra_points')::bigint, 0) > 0 DESC,"
    " c.expire_time NULLS LAST, c.issue_time, c.coupon_id LIMIT %(limit)s")


def _joined_offer(found: Mapping, common_code: str | None) -> OfferRow:
    return OfferRow(offer_id=found["o_offer_id"], state=found["o_state"], definition=found["o_definition"],
                    common_code=common_code, version=found["o_version"], create_time=None, update_time=None)


class CouponStore:
    def __init__(self, pool) -> None:
        self._pool = pool

    async def _all(self, sql: str, params) -> list[dict]:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(sql, params)
            return await cursor.fetchall()

    async def find_code(self, *, org_id: str, code: str, account_id: str = "") -> CodeMatch | None:
        found = await self._all(_FIND_CODE, {"org": org_id, "code": code, "account": account_id})
        if not found:
            return None
        match = found[0]
        if not match["issued"]:
            return CodeMatch(_joined_offer(match, code), None)
        return CodeMatch(_joined_offer(match, None), coupon_of(match))

    async def page(self, *, org_id: str, account_id: str, offer_id: str | None, limit: int,
                   after: tuple[dt.datetime, str] | None = None) -> list[IssuedCoupon]:
        """An account's coupons (of one offer, if given), newest issue first."""
        return [coupon_of(found) for found in await self._all(_LIST_ACCOUNT_COUPONS, {
            "org": org_id, "account": account_id, "offer": offer_id, "limit": limit,
            "after_time": after[0] if after else None, "after_id": after[1] if after else None})]

    async def held(self, *, org_id: str, account_id: str, offer_ids: Sequence[str]) -> list[IssuedCoupon]:
        """An account's coupons of these offers, oldest issue first."""
        return [coupon_of(found) for found in await self._all(
            f"SELECT {COUPON_SELECT} FROM coupons c WHERE c.org_id = %s AND c.account_id = %s"
            " AND c.offer_id = ANY(%s::uuid[]) ORDER BY c.issue_time, c.coupon_id",
            (org_id, account_id, list(offer_ids)))]

    async def newest_issue(self, *, org_id: str, account_id: str, offer_ids: Sequence[str],
                           since: dt.datetime) -> tuple[str, dt.datetime] | None:
        """(offer id, issue time) of the account's newest coupon of these offers issued at or
        after `since` (revoked and redeemed ones included), or None (OfferRules.past_issue_*)."""
        found = await self._all(
            "SELECT c.offer_id::text AS offer_id, c.issue_time FROM coupons c WHERE c.org_id = %s"
            " AND c.account_id = %s AND c.offer_id = ANY(%s::uuid[]) AND c.issue_time >= %s"
            " ORDER BY c.issue_time DESC LIMIT 1", (org_id, account_id, list(offer_ids), since))
        return (found[0]["offer_id"], found[0]["issue_time"]) if found else None

    async def org_code(self, *, org_id: str, code: str) -> OrgCode | None:
        found = await self._all(
            "SELECT offer_id::text AS offer_id, code_series_id::text AS code_series_id, coupon_id IS NULL AS unissued,"
            " revoke_time IS NOT NULL AS revoked FROM org_codes WHERE org_id = %s AND code = %s", (org_id, code))
        return OrgCode(**found[0]) if found else None

    async def resolve_identifiers(self, *, org_id: str, program_id: str,
                                  names: Sequence[tuple[int, str]]) -> dict[tuple[int, str], str]:
        """(identifier type, value) -> account id, for values exactly one live account holds (in
        the program, or in any program of the organisation for an empty one)."""
        found = await self._all(
            "SELECT r.identifier_type, r.value, min(r.account_id::text) AS account_id, count(*) AS holders"
            " FROM account_identifiers r"
            " JOIN accounts a ON a.account_id = r.account_id AND a.delete_time IS NULL"
            " WHERE r.org_id = %s AND (%s = '' OR r.program_id = %s)"
            " AND (r.identifier_type, r.value) IN (SELECT * FROM unnest(%s::int[], %s::text[]))"
            " GROUP BY r.identifier_type, r.value",
            (org_id, program_id, program_id, [kind for kind, _ in names], [value for _, value in names]))
        return {(row["identifier_type"], row["value"]): row["account_id"] for row in found if row["holders"] == 1}

    async def revocation_counts(self, revocation_id: str) -> tuple[int, int]:
        """(revoked, redeemed) coupons of a committed revocation."""
        found = await self._all("SELECT revoked_count, redeemed_count FROM coupon_revocations"
                                " WHERE revocation_id = %s", (revocation_id,))
        return found[0]["revoked_count"], found[0]["redeemed_count"]

    async def earn_candidates(self, *, org_id: str, program_id: str, account_id: str, now: dt.datetime,
                              limit: int) -> list[tuple[OfferRow, IssuedCoupon]]:
        """The account's unused earn-time coupons of ACTIVE offers, in the order they apply."""
        found = await self._all(_EARN_CANDIDATES, {
            "org": org_id, "account": account_id, "program": program_id, "active": int(OfferState.ACTIVE),
            "now": now, "limit": limit})
        return [(_joined_offer(row, None), coupon_of(row)) for row in found]
