"""Accounts and their identifiers: the SQL, the typed rows it reads, the rows the ledger writer
inserts (`account_row`, `identifier_row`, `account_change_row`).

Reads are one indexed query each. A change of an existing account is an `account_changes` row
decided against the account's version; its trigger applies it only if that version is still
current (violation: CHANGES_VERSION).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.pool import reading
from core.domain.accounts import Account, AccountStatus, Identifier, IdentifierType

IDENTIFIERS_UNIQUE = "account_identifiers_unique"
"""The constraint a taken identifier violates."""
CHANGES_VERSION = "account_changes_version"
"""The constraint a change decided against a stale account version violates."""
IDENTIFIER_LOOKUP_MAX = 2
"""Accounts read for an identifier: two tell an ambiguous identifier."""

_ACCOUNT_COLUMNS = ("account_id", "org_id", "program_id", "status", "create_time", "update_time")
_IDENTIFIER_COLUMNS = ("org_id", "program_id", "identifier_type", "value", "account_id")
_CHANGE_COLUMNS = ("account_id", "org_id", "version", "kind", "status", "identifier_type", "value", "user_id",
                   "note", "change_time", "client_id", "request_id")
_SELECT = (
    "SELECT a.account_id::text AS account_id, a.program_id, a.status, a.create_time, a.update_time, a.version,"
    " coalesce((SELECT jsonb_agg(jsonb_build_array(i.identifier_type, i.value)"
    " ORDER BY i.identifier_type, i.value COLLATE \"C\") FROM account_identifiers i"
    " WHERE i.account_id = a.account_id), '[]') AS identifiers FROM accounts a")


@dataclass(frozen=True, slots=True)
class VersionedAccount:
    """An account as read, with the version a change of it is decided against."""

    account: Account
    version: int


@dataclass(frozen=True, slots=True)
class AccountRecord:
    """One row of the account SELECT (identifiers as the JSON array of [type, value] pairs)."""

    account_id: str
    program_id: str
    status: int
    create_time: dt.datetime
    update_time: dt.datetime
    version: int
    identifiers: list

    def versioned(self) -> VersionedAccount:
        return VersionedAccount(Account(self.account_id, self.program_id, AccountStatus(self.status),
                                        tuple(Identifier(IdentifierType(t), v) for t, v in self.identifiers),
                                        self.create_time, self.update_time), self.version)


@dataclass(frozen=True, slots=True)
class AccountStateRecord:
    """What the coupon path's account state is loaded from."""

    org_id: str
    program_id: str | None
    status: int
    version: int
    deleted: bool


@dataclass(frozen=True, slots=True)
class AccountFilter:
    """SearchAccounts' conditions, validated (identifier prefixes and terms as given)."""

    org_id: str
    program_id: str
    statuses: tuple[AccountStatus, ...] = ()
    identifier_type: IdentifierType | None = None
    identifier_value_prefix: str = ""
    user_id: str = ""
    terms: tuple[str, ...] = ()
    create_start_time: dt.datetime | None = None
    create_end_time: dt.datetime | None = None


# --- rows for the ledger writer ---------------------------------------------------------------

def account_row(*, account_id: str, org_id: str, program_id: str, status: AccountStatus,
                create_time: dt.datetime, update_time: dt.datetime) -> Row:
    return Row("accounts", _ACCOUNT_COLUMNS, (account_id, org_id, program_id, int(status), create_time, update_time))


def identifier_row(*, org_id: str, program_id: str, identifier: Identifier, account_id: str) -> Row:
    return Row("account_identifiers", _IDENTIFIER_COLUMNS,
               (org_id, program_id, int(identifier.type), identifier.value, account_id))


def account_change_row(*, account_id: str, org_id: str, version: int, kind: str, change_time: dt.datetime,
                       client_id: str, request_id: str, status: AccountStatus | None = None,
                       identifier: Identifier | None = None, user_id: str | None = None, note: str = "") -> Row:
    """A change of the account at `version` (its trigger applies it only at that version)."""
    return Row("account_changes", _CHANGE_COLUMNS, (
        account_id, org_id, version, kind, None if status is None else int(status),
        None if identifier is None else int(identifier.type), None if identifier is None else identifier.value,
        user_id, note, change_time, client_id, request_id))


def account_from_rows(account: Mapping[str, object], identifiers: Iterable[Mapping[str, object]]) -> Account:
    """The account that an `account_row` and its `identifier_row`s describe (their columns by name)."""
    return Account(str(account["account_id"]), str(account["program_id"]), AccountStatus(account["status"]),
                   tuple(sorted((Identifier(IdentifierType(i["identifier_type"]), str(i["value"]))
                                 for i in identifiers), key=lambda i: (i.type, i.value.encode()))),
                   account["create_time"], account["update_time"])  # type: ignore[arg-type]


# --- reads ------------------------------------------------------------------------------------

def like_prefix(term: str) -> str:
    """A LIKE pattern matching values that start with `term` (its wildcards escaped)."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def tsquery_prefix(term: str) -> str:
    """A tsquery that matches lexemes starting with `term` (quoted: any character is data)."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "':*"


class AccountStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def _records(self, query: str, params) -> list[AccountRecord]:
        async with reading(self._pool) as connection:  # One statement: autocommit, one round trip.
            cursor = connection.cursor(row_factory=class_row(AccountRecord))
            await cursor.execute(query, params)
            return await cursor.fetchall()

    async def by_id(self, org_id: str, account_id: str) -> VersionedAccount | None:
        """The live (not deleted) account of the organisation with this id."""
        found = await self._records(_SELECT + " WHERE a.account_id = %s AND a.org_id = %s AND a.delete_time IS NULL",
                                    (account_id, org_id))
        return found[0].versioned() if found else None

    async def by_identifier(self, org_id: str, identifier: Identifier,
                            program_id: str = "") -> tuple[VersionedAccount, ...]:
        """The live accounts holding the identifier (in `program_id`, or in any program of the
        organisation); at most IDENTIFIER_LOOKUP_MAX."""
        query = (_SELECT + " JOIN account_identifiers r ON r.account_id = a.account_id"
                 " WHERE r.org_id = %s AND r.identifier_type = %s AND r.value = %s AND a.delete_time IS NULL")
        params: tuple = (org_id, int(identifier.type), identifier.value)
        if program_id:
            query, params = query + " AND r.program_id = %s", params + (program_id,)
        found = await self._records(query + " LIMIT %s", params + (IDENTIFIER_LOOKUP_MAX,))
        return tuple(record.versioned() for record in found)

    async def first_taken(self, org_id: str, program_id: str, identifiers: tuple[Identifier, ...]) -> Identifier | None:
        """The first of `identifiers` (by type, then value) an account of the program holds."""
        if not identifiers:
            return None
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT identifier_type, value FROM account_identifiers WHERE org_id = %s AND program_id = %s"
                " AND (identifier_type, value) IN (SELECT * FROM unnest(%s::smallint[], %s::text[]))"
                " ORDER BY identifier_type, value COLLATE \"C\" LIMIT 1",
                (org_id, program_id, [int(i.type) for i in identifiers], [i.value for i in identifiers]))
            taken = await cursor.fetchone()
        return None if taken is None else Identifier(IdentifierType(taken[0]), taken[1])

    async def search(self, where: AccountFilter, after: tuple[dt.datetime, str] | None,
                     limit: int) -> list[VersionedAccount]:
        """Accounts matching `where`, by (create_time, account_id), after `after`, at most `limit`."""
        sql, params = _search_sql(where, after)
        return [record.versioned() for record in await self._records(sql + " LIMIT %s", params + [limit])]

    async def state(self, account_id: str) -> AccountStateRecord | None:
        """The account's organisation, program, status and version, deleted or not."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(AccountStateRecord))
            await cursor.execute(
                "SELECT org_id, program_id, status, version, delete_time IS NOT NULL AS deleted FROM accounts"
                " WHERE account_id = %s", (account_id,))
            return await cursor.fetchone()


def _search_sql(query: AccountFilter, after: tuple[dt.datetime, str] | None) -> tuple[str, list]:
    org_id = query.org_id
    where = ["a.org_id = %s", "a.program_id = %s", "a.delete_time IS NULL"]
    params: list = [org_id, query.program_id]
    if query.statuses:
        where.append("a.status = ANY(%s)")
        params.append([int(s) for s in query.statuses])
    if query.create_start_time is not None:
        where.append("a.create_time >= %s")
        params.append(query.create_start_time)
    if query.create_end_time is not None:
        where.append("a.create_time < %s")
        params.append(query.create_end_time)
    if query.identifier_type is not None or query.identifier_value_prefix:
        clause = "EXISTS (SELECT 1 FROM account_identifiers f WHERE f.account_id = a.account_id"
        if query.identifier_type is not None:
            clause += " AND f.identifier_type = %s"
            params.append(int(query.identifier_type))
        if query.identifier_value_prefix:
            clause += " AND f.value LIKE %s"
            params.append(like_prefix(query.identifier_value_prefix))
        where.append(clause + ")")
    if query.user_id:
        where.append("EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.account_id AND m.user_id = %s)")
        params.append(query.user_id)
    for term in query.terms:
        # The accounts one term matches: by an identifier (prefix, btree), or by a member (GIN).
        where.append(
            "a.account_id IN (SELECT i.account_id FROM account_identifiers i WHERE i.org_id = %s"
            " AND i.program_id = %s AND lower(i.value) LIKE %s"
            " UNION SELECT m.account_id FROM users u JOIN memberships m ON m.user_id = u.user_id"
            " WHERE u.org_id = %s AND u.search @@ %s::tsquery)")
        params += [org_id, query.program_id, like_prefix(term), org_id, tsquery_prefix(term)]
    if after is not None:
        where.append("(a.create_time, a.account_id) > (%s, %s)")
        params += [after[0], after[1]]
    return _SELECT + " WHERE " + " AND ".join(where) + " ORDER BY a.create_time, a.account_id", params
