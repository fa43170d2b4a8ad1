"""Where a redemption OTP goes: a member of the account (memberships joined with users) and how to
reach them."""

from __future__ import annotations

from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool


@dataclass(frozen=True, slots=True)
class OtpContact:
    role: int
    phone_number: str | None
    email: str | None


class OtpContactStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def member(self, account_id: str, user_id: str) -> OtpContact | None:
        """The membership of `user_id` in the account, with the user's phone number and e-mail."""
        return await self._one("m.user_id = %s", account_id, user_id)

    async def with_role(self, account_id: str, role: int) -> OtpContact | None:
        """A member of the account in `role` (the OWNER: there is one)."""
        return await self._one("m.role = %s", account_id, role)

    async def _one(self, condition: str, account_id: str, value: object) -> OtpContact | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(OtpContact))
            await cursor.execute("SELECT m.role, u.phone_number, u.email FROM memberships m"
                                 " JOIN users u USING (user_id) WHERE m.account_id = %s AND " + condition,
                                 (account_id, value))
            return await cursor.fetchone()
