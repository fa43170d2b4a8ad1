"""The domain search in Postgres: one keyset page of accounts, issued coupons or offers matching
every term. Each term is a prefix (pg_trgm is not in the embedded Postgres): of an identifier
(account_identifiers_search_idx) or a member's lexeme (users_search_idx, GIN); of a coupon's
lower-cased code (coupons_code_search_idx); of a word of an offer's name, description or content
titles (offers_search_idx, GIN over offer_search_document). Migration 0034.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.accounts import like_prefix, tsquery_prefix
from core.adapters.postgres.offers import OFFER_SELECT, OfferRow, _offer_row


@dataclass(frozen=True, slots=True)
class AccountHit:
    account_id: str
    program_id: str
    given_name: str
    family_name: str
    display_name: str
    email: str
    identifier: str


@dataclass(frozen=True, slots=True)
class CouponHit:
    code: str
    account_id: str
    program_id: str
    offer_name: str


def _programs(org_param: str = "%(org)s") -> str:
    """The program condition: the one asked, or every program of the organisation (so the
    (org_id, program_id, ...) identifier index is used with either)."""
    return (f"(CASE WHEN %(program)s = '' THEN ARRAY(SELECT p.program_id FROM programs p WHERE p.org_id = {org_param})"
            " ELSE ARRAY[%(program)s] END)")


class SearchStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def _rows(self, sql: str, params: dict) -> list[dict]:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(sql, params)
            return await cursor.fetchall()

    async def accounts(self, org_id: str, program_id: str, terms: tuple[str, ...], after: str | None,
                       limit: int) -> list[AccountHit]:
        """Live accounts matching every term, by account_id, after `after`; with the owner's (else
        a member's) name and e-mail, and the first identifier."""
        return [AccountHit(**row) for row in await self._rows(*accounts_sql(org_id, program_id, terms, after, limit))]

    async def coupons(self, org_id: str, program_id: str, terms: tuple[str, ...], after: str | None,
                      limit: int) -> list[CouponHit]:
        """Issued coupons whose code starts with every term (case-insensitive), by lower-cased
        code then code (byte order; the index order), after the code `after`."""
        return [CouponHit(**row) for row in await self._rows(*coupons_sql(org_id, program_id, terms, after, limit))]

    async def offers(self, org_id: str, program_id: str, terms: tuple[str, ...], after: str | None,
                     limit: int) -> list[tuple[OfferRow, str]]:
        """Offers with a word starting with every term, by offer_id, after `after`; with their program."""
        return [(_offer_row(row), row["program_id"])
                for row in await self._rows(*offers_sql(org_id, program_id, terms, after, limit))]


def accounts_sql(org_id: str, program_id: str, terms: tuple[str, ...], after: str | None,
                 limit: int) -> tuple[str, dict]:
    params: dict = {"org": org_id, "program": program_id, "after": after, "limit": limit}
    where = ["a.org_id = %(org)s", "a.delete_time IS NULL", f"a.program_id = ANY({_programs()})",
             "(%(after)s::uuid IS NULL OR a.account_id > %(after)s::uuid)"]
    for n, term in enumerate(terms):
        params[f"like{n}"], params[f"ts{n}"] = like_prefix(term), tsquery_prefix(term)
        where.append(
            "a.account_id IN (SELECT i.account_id FROM account_identifiers i WHERE i.org_id = %(org)s"
            f" AND i.program_id = ANY({_programs()}) AND lower(i.value) LIKE %(like{n})s"
            " UNION SELECT m.account_id FROM users u JOIN memberships m ON m.user_id = u.user_id"
            f" WHERE u.org_id = %(org)s AND u.search @@ %(ts{n})s::tsquery)")
    sql = ("SELECT a.account_id::text AS account_id, a.program_id,"
           " coalesce(u.given_name, '') AS given_name, coalesce(u.family_name, '') AS family_name,"
           " coalesce(u.display_name, '') AS display_name, coalesce(u.email, '') AS email,"
           " coalesce((SELECT i.value FROM account_identifiers i WHERE i.account_id = a.account_id"
           "  ORDER BY i.identifier_type, i.value COLLATE \"C\" LIMIT 1), '') AS identifier"
           " FROM accounts a LEFT JOIN LATERAL (SELECT u.given_name, u.family_name, u.display_name, u.email"
           "  FROM memberships m JOIN users u ON u.user_id = m.user_id WHERE m.account_id = a.account_id"
           "  ORDER BY m.role, m.create_time LIMIT 1) u ON true"
           " WHERE " + " AND ".join(where) + " ORDER BY a.account_id LIMIT %(limit)s")
    return sql, params


def coupons_sql(org_id: str, program_id: str, terms: tuple[str, ...], after: str | None,
                limit: int) -> tuple[str, dict]:
    params: dict = {"org": org_id, "program": program_id, "after": after, "limit": limit}
    where = ["c.org_id = %(org)s", "(%(program)s = '' OR o.program_id = %(program)s)",
             "(%(after)s::text IS NULL OR (lower(c.code) COLLATE \"C\", c.code COLLATE \"C\")"
             " > (lower(%(after)s) COLLATE \"C\", %(after)s COLLATE \"C\"))"]
    for n, term in enumerate(terms):
        params[f"like{n}"] = like_prefix(term)
        where.append(f"lower(c.code) COLLATE \"C\" LIKE %(like{n})s")
    sql = ("SELECT c.code, c.account_id::text AS account_id, o.program_id,"
           " coalesce(o.definition ->> 'display_name', '') AS offer_name"
           " FROM coupons c JOIN offers o ON o.offer_id = c.offer_id"
           " WHERE " + " AND ".join(where)
           + " ORDER BY lower(c.code) COLLATE \"C\", c.code COLLATE \"C\" LIMIT %(limit)s")
    return sql, params


def offers_sql(org_id: str, program_id: str, terms: tuple[str, ...], after: str | None,
               limit: int) -> tuple[str, dict]:
    params: dict = {"org": org_id, "program": program_id, "after": after, "limit": limit}
    where = ["o.org_id = %(org)s", "(%(program)s = '' OR o.program_id = %(program)s)",
             "(%(after)s::uuid IS NULL OR o.offer_id > %(after)s::uuid)"]
    for n, term in enumerate(terms):
        params[f"ts{n}"] = tsquery_prefix(term)
        where.append(f"offer_search_document(o.definition) @@ %(ts{n})s::tsquery")
    sql = (f"SELECT {OFFER_SELECT}, o.program_id FROM offers o WHERE " + " AND ".join(where)
           + " ORDER BY o.offer_id LIMIT %(limit)s")
    return sql, params
