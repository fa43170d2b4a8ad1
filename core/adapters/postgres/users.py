"""Users and memberships: the SQL, the typed rows it reads and the rows the ledger writer
inserts (`user_row`, `user_change_row`, `membership_row`).

A user changes through `user_changes` (each row the complete new data, applied by a trigger only
if the user still has the version it was decided against: USER_CHANGES_VERSION); memberships
change through the account's change log (core/adapters/postgres/accounts.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.pool import reading
from core.adapters.postgres.ledger_writer import Row
from core.domain.accounts import (Address, GenderCode, MarketingChannel, Membership, MembershipRole, User, UserData,
                                  user_search_lexemes)

USER_CHANGES_VERSION = "user_changes_version"
EXTERNAL_USER_ID_UNIQUE = "users_external_user_id_unique"
MEMBERSHIPS_PKEY = "memberships_pkey"
MEMBERSHIPS_ONE_OWNER = "memberships_one_owner"

_USER_DATA_COLUMNS = ("external_user_id", "given_name", "family_name", "display_name", "email", "phone_number",
                      "birth_date", "address", "properties", "search_lexemes", "gender_code", "language")
_USER_COLUMNS = ("user_id", "org_id") + _USER_DATA_COLUMNS + ("create_time", "update_time")
_USER_CHANGE_COLUMNS = ("user_id", "org_id", "version") + _USER_DATA_COLUMNS + (
    "change_time", "client_id", "request_id")
_MEMBERSHIP_COLUMNS = ("account_id", "user_id", "org_id", "role", "marketing_opt_ins", "partner_id",
                       "create_time", "update_time")
_USER_SELECT = ("SELECT user_id::text AS user_id, coalesce(external_user_id, '') AS external_user_id, given_name,"
                " family_name, display_name, email, phone_number, birth_date, address, properties, version,"
                " gender_code, language, create_time, update_time FROM users")
_MEMBERSHIP_SELECT = ("SELECT account_id::text AS account_id, user_id::text AS user_id, role, marketing_opt_ins,"
                      " partner_id, create_time, update_time FROM memberships")


class MembershipScope:
    """Whose memberships a list names: the column it filters by, and the one it pages by."""

    ACCOUNT = ("account_id", "user_id")
    USER = ("user_id", "account_id")


@dataclass(frozen=True, slots=True)
class VersionedUser:
    user: User
    version: int


# --- codecs -----------------------------------------------------------------------------------

def _data_values(data: UserData) -> tuple:
    address = data.address
    return (data.external_user_id or None, data.given_name, data.family_name, data.display_name, data.email,
            data.phone_number, dt.date.fromisoformat(data.birth_date) if data.birth_date else None,
            Jsonb({"lines": list(address.lines), "city": address.city, "postal_code": address.postal_code,
                   "region": address.region, "country_code": address.country_code}),
            Jsonb(dict(data.properties)), user_search_lexemes(data), int(data.gender_code or 0), data.language)


def user_row(*, user: User, org_id: str) -> Row:
    """The `users` row of a new user."""
    return Row("users", _USER_COLUMNS, (user.user_id, org_id, *_data_values(user.data), user.create_time,
                                        user.update_time))


def user_change_row(*, user_id: str, org_id: str, version: int, data: UserData, change_time: dt.datetime,
                    client_id: str, request_id: str) -> Row:
    """The user's complete new data, decided against `version`."""
    return Row("user_changes", _USER_CHANGE_COLUMNS, (user_id, org_id, version, *_data_values(data), change_time,
                                                      client_id, request_id))


def _json(value: object) -> dict:
    return value.obj if isinstance(value, Jsonb) else value  # type: ignore[return-value]


def user_from_row(row: Mapping[str, object]) -> User:
    """The user of a `users` row (columns by name; JSON as read, or the Jsonb written)."""
    address, properties, birth_date = _json(row["address"]), _json(row["properties"]), row["birth_date"]
    data = UserData(str(row["external_user_id"] or ""), str(row["given_name"]), str(row["family_name"]),
                    str(row["display_name"]), str(row["email"]), str(row["phone_number"]),
                    birth_date.isoformat() if birth_date else "",  # type: ignore[union-attr]
                    Address(tuple(address["lines"]), address["city"], address["postal_code"], address["region"],
                            address["country_code"]),
                    tuple(sorted(properties.items())),
                    GenderCode(row["gender_code"]) if row.get("gender_code") else None, str(row.get("language") or ""))
    return User(str(row["user_id"]), data, row["create_time"], row["update_time"])  # type: ignore[arg-type]


def membership_row(*, membership: Membership, org_id: str) -> Row:
    return Row("memberships", _MEMBERSHIP_COLUMNS, (
        membership.account_id, membership.user_id, org_id, int(membership.role),
        [int(c) for c in membership.marketing_opt_ins], membership.partner_id, membership.create_time,
        membership.update_time))


def membership_from_row(row: Mapping[str, object]) -> Membership:
    return Membership(str(row["account_id"]), str(row["user_id"]), MembershipRole(row["role"]),
                      tuple(MarketingChannel(c) for c in row["marketing_opt_ins"]),  # type: ignore[attr-defined]
                      str(row["partner_id"]), row["create_time"], row["update_time"])  # type: ignore[arg-type]


# --- reads ------------------------------------------------------------------------------------

class UserStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def _all(self, query: str, params) -> list[dict]:
        async with reading(self._pool) as connection:  # One statement: autocommit, one round trip.
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(query, params)
            return await cursor.fetchall()

    async def user(self, org_id: str, user_id: str) -> VersionedUser | None:
        found = await self._all(_USER_SELECT + " WHERE user_id = %s AND org_id = %s", (user_id, org_id))
        return VersionedUser(user_from_row(found[0]), found[0]["version"]) if found else None

    async def members(self, account_id: str) -> dict[str, MembershipRole]:
        """The account's members and their roles."""
        rows = await self._all("SELECT user_id::text AS user_id, role FROM memberships WHERE account_id = %s",
                               (account_id,))
        return {row["user_id"]: MembershipRole(row["role"]) for row in rows}

    async def memberships(self, org_id: str, scope: tuple[str, str], scope_id: str,
                          after: tuple[dt.datetime, str] | None, limit: int) -> list[Membership]:
        """The memberships of one account or one user (MembershipScope), by (create_time, the
        other id), after `after`, at most `limit`."""
        column, other = scope
        if scope not in (MembershipScope.ACCOUNT, MembershipScope.USER):
            raise ValueError(f"not a membership scope: {scope}")
        sql = f"{_MEMBERSHIP_SELECT} WHERE {column} = %s AND org_id = %s"
        params: list = [scope_id, org_id]
        if after is not None:
            sql += f" AND (create_time, {other}) > (%s, %s)"
            params += list(after)
        rows = await self._all(sql + f" ORDER BY create_time, {other} LIMIT %s", params + [limit])
        return [membership_from_row(row) for row in rows]
