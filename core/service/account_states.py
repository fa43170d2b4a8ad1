"""What the coupon path knows of an account, without a Postgres read per redemption.

The state of an account (organisation, program, status, version) is kept in Redis under the
account's hash tag (`rewards:{a:<account_id>}:state`), so every worker reads it with one GET. It
is loaded from Postgres on a miss (a new account, a flushed Redis, an expired entry) and
published by every status change and deletion right after its commit, before the reply
(`account_state_set.lua`: the newest version wins, so a reader that loaded the account before
the change never overwrites what the change published). A change is therefore seen by the next
redemption in every worker at once; only when a process dies between the commit and the
publication is the old state served, until the entry expires (STATE_TTL_MS).

A redemption already past its account check when a lock commits may still complete: the
account is checked when the redemption starts, not when it commits.

Redis Cluster: the coupon scripts' keys are tagged by offer, so this key is read beside them,
never inside them (a script may only touch keys of one slot).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.domain.accounts import AccountStatus
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Deps

STATE_TTL_MS = 60_000
"""How long a published state is kept; the bound on a change whose publication was lost."""
_DELETED = 0

log = logging.getLogger(__name__)


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


async def publish_state(deps: Deps, state: AccountState) -> None:
    """Publish the state (after the change that made it committed). Never raises: if Redis
    cannot take it, the entry is dropped if possible (the next read loads it from Postgres),
    else it expires within STATE_TTL_MS."""
    key = state_key(state.account_id)
    try:
        await deps.scripts.run("account_state_set", [key], [state.version, state.encode(), STATE_TTL_MS])
    except Exception:  # noqa: BLE001 - the change is committed; its publication is best effort
        log.warning("account state not published", extra={"account_id": state.account_id})
        try:
            await deps.redis.delete(key)
        except Exception:  # noqa: BLE001
            pass


async def account_state(deps: Deps, account_id: str) -> AccountState:
    """The account's state: from Redis, or (on a miss) from Postgres, then published."""
    cached = await deps.redis.get(state_key(account_id))
    if cached is not None:
        return AccountState.decode(account_id, cached)
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT org_id, program_id, status, version, delete_time IS NOT NULL FROM accounts"
            " WHERE account_id = %s", (account_id,))
        found = await cursor.fetchone()
    if found is None:
        state = AccountState(account_id, "", "", None, 0)
    else:
        org_id, program_id, status, version, deleted = found
        state = AccountState(account_id, org_id, program_id or "", None if deleted else AccountStatus(status),
                             version)
    await deps.scripts.run("account_state_set", [state_key(account_id)], [state.version, state.encode(),
                                                                           STATE_TTL_MS])
    return state


def check_state(state: AccountState, org_id: str, program_id: str, *, active: bool = True) -> None:
    """ACCOUNT_NOT_FOUND for an account that does not exist in the caller's organisation (never
    created, deleted, another organisation's) or is of another program than `program_id` (when
    set); then, with `active`, ACCOUNT_NOT_ACTIVE unless it is ACTIVE."""
    if state.status is None or state.org_id != org_id or (program_id and state.program_id != program_id):
        metadata = {"account_id": state.account_id}
        if program_id and state.status is not None and state.org_id == org_id:
            metadata["program_id"] = program_id
        raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata=metadata)
    if active and state.status is not AccountStatus.ACTIVE:
        raise DomainError(ErrorReason.ACCOUNT_NOT_ACTIVE, metadata={
            "account_id": state.account_id, "status": state.status.name})
