"""Redis: what the coupon path knows of an account (DESIGN.md section 4).

One key per account under its hash tag, `rewards:{a:<account_id>}:state`, holding
"<version>|<org_id>|<status>|<program_id>" (status 0: deleted or never created), written only by
`account_state_set.lua` (the newest version wins). Read beside the coupon scripts, never inside
them: their keys are tagged by offer (a script may only touch keys of one slot).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import redis.asyncio as redis

from core.adapters.redis.scripts import Scripts
from core.domain.accounts import AccountStatus

STATE_TTL_MS = 60_000
"""How long a published state is kept; the bound on a change whose publication was lost."""
_DELETED = 0


def state_key(account_id: str) -> str:
    return f"rewards:{{a:{account_id}}}:state"


@dataclass(frozen=True, slots=True)
class AccountState:
    account_id: str
    org_id: str
    program_id: str
    status: AccountStatus | None
    """None: deleted (or never created: version 0)."""
    version: int

    def encode(self) -> str:
        return f"{self.version}|{self.org_id}|{int(self.status) if self.status else _DELETED}|{self.program_id}"

    @classmethod
    def decode(cls, account_id: str, value: bytes | str) -> AccountState:
        text = value.decode() if isinstance(value, bytes) else value
        version, org_id, status, program_id = text.split("|", 3)
        return cls(account_id, org_id, program_id, AccountStatus(int(status)) if int(status) else None, int(version))


class Published(enum.IntEnum):
    """account_state_set's reply."""

    NEWER_KEPT = 0
    """A newer version was there; nothing written."""
    WRITTEN = 1


class AccountStates:
    """The account state keys: read, published (account_state_set), dropped."""

    def __init__(self, client: redis.Redis, scripts: Scripts) -> None:
        self._redis = client
        self._scripts = scripts

    async def get(self, account_id: str) -> AccountState | None:
        cached = await self._scripts.command("GET", state_key(account_id))
        return None if cached is None else AccountState.decode(account_id, cached)

    async def publish(self, state: AccountState, *, ttl_ms: int = STATE_TTL_MS) -> Published:
        """Write `state` unless a newer version is there (account_state_set.lua)."""
        reply = await self._scripts.run("account_state_set", [state_key(state.account_id)],
                                        [state.version, state.encode(), ttl_ms])
        return Published(int(reply))

    async def drop(self, account_id: str) -> None:
        await self._redis.delete(state_key(account_id))
