"""A fake of core/adapters/postgres/users.py UserStore."""

from __future__ import annotations

import datetime as dt

from core.adapters.postgres.users import MembershipScope, VersionedUser
from core.domain.accounts import Membership, MembershipRole, User


class FakeUserStore:
    def __init__(self) -> None:
        self.users: dict[str, tuple[str, User, int]] = {}
        self.membership_list: list[tuple[str, Membership]] = []

    def add_user(self, org_id: str, user: User, version: int = 1) -> User:
        self.users[user.user_id] = (org_id, user, version)
        return user

    def add_membership(self, org_id: str, membership: Membership) -> Membership:
        self.membership_list.append((org_id, membership))
        return membership

    async def user(self, org_id: str, user_id: str) -> VersionedUser | None:
        found = self.users.get(user_id)
        if found is None or found[0] != org_id:
            return None
        return VersionedUser(found[1], found[2])

    async def members(self, account_id: str) -> dict[str, MembershipRole]:
        return {m.user_id: m.role for _, m in self.membership_list if m.account_id == account_id}

    async def memberships(self, org_id: str, scope: tuple[str, str], scope_id: str,
                          after: tuple[dt.datetime, str] | None, limit: int) -> list[Membership]:
        column, other = scope
        assert scope in (MembershipScope.ACCOUNT, MembershipScope.USER)
        found = sorted((m for org, m in self.membership_list if org == org_id and getattr(m, column) == scope_id),
                       key=lambda m: (m.create_time, getattr(m, other)))
        if after is not None:
            found = [m for m in found if (m.create_time, getattr(m, other)) > after]
        return found[:limit]
