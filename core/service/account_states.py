"""What the coupon path knows of an account, without a Postgres read per redemption.

The state of an account (organisation, program, status, version) is kept in Redis under the
account's hash tag (`rewards:{a:<account_id>}:state`, core/adapters/redis/accounts.py), so every
worker reads it with one GET. It is loaded from Postgres on a miss (a new account, a flushed
Redis, an expired entry) and published by every status change and deletion right after its
commit, before the reply (`account_state_set.lua`: the newest version wins, so a reader that
loaded the account before the change never overwrites what the change published). A change is
therefore seen by the next redemption in every worker at once; only when a process dies between
the commit and the publication is the old state served, until the entry expires (STATE_TTL_MS).

A redemption already past its account check when a lock commits may still complete: the
account is checked when the redemption starts, not when it commits.
"""

from __future__ import annotations

import logging

from core.adapters.postgres.accounts import AccountStore
from core.adapters.redis.accounts import STATE_TTL_MS, AccountState, AccountStates, state_key
from core.domain.accounts import AccountStatus
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Deps

__all__ = ["STATE_TTL_MS", "AccountState", "account_state", "check_state", "publish_state", "state_key"]

log = logging.getLogger(__name__)


async def publish_state(deps: Deps, state: AccountState, *, states: AccountStates | None = None) -> None:
    """Publish the state (after the change that made it committed). Never raises: if Redis
    cannot take it, the entry is dropped if possible (the next read loads it from Postgres),
    else it expires within STATE_TTL_MS."""
    states = states or AccountStates(deps.redis, deps.scripts)
    try:
        await states.publish(state)
    except Exception:  # noqa: BLE001 - the change is committed; its publication is best effort
        log.warning("account state not published", extra={"account_id": state.account_id})
        try:
            await states.drop(state.account_id)
        except Exception:  # noqa: BLE001
            pass


async def account_state(deps: Deps, account_id: str, *, states: AccountStates | None = None,
                        store: AccountStore | None = None) -> AccountState:
    """The account's state: from Redis, or (on a miss) from Postgres, then published."""
    states = states or AccountStates(deps.redis, deps.scripts)
    cached = await states.get(account_id)
    if cached is not None:
        return cached
    found = await (store or AccountStore(deps.pool)).state(account_id)
    if found is None:
        state = AccountState(account_id, "", "", None, 0)
    else:
        state = AccountState(account_id, found.org_id, found.program_id or "",
                             None if found.deleted else AccountStatus(found.status), found.version)
    await states.publish(state)
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
