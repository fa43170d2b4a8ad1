"""The domain search's queries are served by their indexes (migration 0034, and 0007's for
accounts). In a transaction that is rolled back, an organisation gets thousands of offers,
coupons, accounts and users (triggers off: only the planner's view matters), the tables are
analysed, sequential scans are disabled, and each search's plan must name its index (and a
coupon page be read in the index's order)."""

from __future__ import annotations

import pytest

from core.adapters.postgres import search

ORG = "org-plan"
ROWS = 5_000

FILL = [
    "SET LOCAL session_replication_role = replica",
    f"INSERT INTO offers (offer_id, org_id, program_id, state, definition, version, create_time, update_time)"
    f" SELECT gen_random_uuid(), '{ORG}', 'prog-' || (n % 3), 2,"
    "  jsonb_build_object('display_name', 'offer ' || md5(n::text), 'description', '',"
    "   'content', jsonb_build_object('texts', jsonb_build_array(jsonb_build_array('en', 'title ' || md5(n::text)))))"
    f", 1, now(), now() FROM generate_series(1, {ROWS}) n",
    f"INSERT INTO coupons (coupon_id, org_id, offer_id, code, account_id, issue_time, request_id, client_id, epoch,"
    " state_change_time)"
    f" SELECT gen_random_uuid(), '{ORG}', (SELECT offer_id FROM offers WHERE org_id = '{ORG}' LIMIT 1),"
    f"  upper(md5(n::text)), gen_random_uuid(), now(), md5(n::text), 'plan', 0, now()"
    f" FROM generate_series(1, {ROWS}) n",
    f"INSERT INTO accounts (account_id, org_id, program_id, status, create_time, update_time)"
    f" SELECT md5(n::text)::uuid, '{ORG}', 'prog-' || (n % 3), 1, now(), now() FROM generate_series(1, {ROWS}) n",
    f"INSERT INTO account_identifiers (org_id, program_id, identifier_type, value, account_id)"
    f" SELECT '{ORG}', 'prog-' || (n % 3), 2, md5(n::text), md5(n::text)::uuid FROM generate_series(1, {ROWS}) n",
    "INSERT INTO users (user_id, org_id, given_name, family_name, display_name, email, phone_number, address,"
    " properties, search_lexemes, create_time, update_time)"
    f" SELECT md5(n::text)::uuid, '{ORG}', md5(n::text), '', '', '', '', '{{}}', '{{}}', ARRAY[md5(n::text)], now(),"
    f" now() FROM generate_series(1, {ROWS}) n",
    "INSERT INTO memberships (account_id, user_id, org_id, role, marketing_opt_ins, partner_id, create_time,"
    f" update_time) SELECT md5(n::text)::uuid, md5(n::text)::uuid, '{ORG}', 1, '{{}}', '', now(), now()"
    f" FROM generate_series(1, {ROWS}) n",
    "ANALYZE offers", "ANALYZE coupons", "ANALYZE accounts", "ANALYZE account_identifiers", "ANALYZE users",
    "ANALYZE memberships",
    # A few thousand rows are still a small table: a whole-table scan would win on cost. With it
    # off, what remains shows which index each condition can use at all.
    "SET LOCAL enable_seqscan = off",
]


@pytest.fixture(scope="module")
async def planned(pool):
    """EXPLAIN in a connection holding the filled, analysed organisation (rolled back after)."""
    async with pool.connection() as connection:
        await connection.execute("BEGIN")
        try:
            for statement in FILL:
                await connection.execute(statement)

            async def explain(sql: str, params: dict) -> str:
                cursor = await connection.execute("EXPLAIN " + sql, params)
                return "\n".join(row[0] for row in await cursor.fetchall())
            yield explain
        finally:
            await connection.execute("ROLLBACK")


@pytest.mark.parametrize("builder, index", [
    (search.offers_sql, "offers_search_idx"),
    (search.coupons_sql, "coupons_code_search_idx"),
    (search.accounts_sql, "users_search_idx"),
    (search.accounts_sql, "account_identifiers_search_idx"),
])
@pytest.mark.parametrize("program_id", ["", "prog-1"])
async def test_each_search_uses_its_index(planned, builder, index, program_id):
    sql, params = builder(ORG, program_id, ("ab",), None, 51)

    assert index in await planned(sql, params)


async def test_a_coupon_page_is_read_in_index_order(planned):
    sql, params = search.coupons_sql(ORG, "", ("a",), "A0000", 51)

    found = await planned(sql, params)
    assert "coupons_code_search_idx" in found
    assert all("Incremental Sort" in line or "Sort" not in line for line in found.splitlines()
               if "Sort" in line and "Key" not in line), found
