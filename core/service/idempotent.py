"""Run a mutating command exactly once per (client, request_id).

    validate (pure) -> claim the request id -> prepare (reads, Redis) -> commit rows + stored
    outcome in one ledger transaction -> mark done -> reply

A replay returns the stored outcome: the same result, or the same final error. Validation errors
are not stored (nothing started executing). A transient failure releases the claim so that the
client's retry runs again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from core.adapters.idempotency import PRIMARY_KEY, IdempotencyKey, key_reused
from core.adapters.postgres.ledger_writer import LedgerWrite, Row, WriteRejected
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Caller, Deps

R = TypeVar("R")


class Result(Protocol):
    def to_json(self) -> dict: ...


@dataclass(frozen=True, slots=True)
class Prepared(Generic[R]):
    """What a handler decided: its result and the rows that make it durable.

    `rejections` maps a constraint name to the final error a violation of it means (for example
    a unique identifier taken by a concurrent request).
    """

    result: R
    rows: tuple[Row, ...]
    rejections: Mapping[str, DomainError] = field(default_factory=dict)
    on_commit: Callable[[], Awaitable[None]] | None = None
    """Runs after the rows are committed (e.g. confirm a Redis reservation)."""
    on_abort: Callable[[], Awaitable[None]] | None = None
    """Runs when the rows will not be committed (e.g. release a Redis reservation)."""


def fingerprint(command: object) -> bytes:
    """SHA-256 over the command's canonical JSON, request_id excluded."""
    fields = dataclasses.asdict(command)
    fields.pop("request_id", None)
    canonical = json.dumps([type(command).__name__, fields], sort_keys=True, default=str,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).digest()


async def execute_once(deps: Deps, caller: Caller, method: str, command: object,
                       prepare: Callable[[], Awaitable[Prepared[R]]],
                       decode: Callable[[dict], R]) -> R:
    request_id = command.request_id  # type: ignore[attr-defined]
    key = IdempotencyKey(caller.client_id, request_id, method)
    digest = fingerprint(command)
    stored = await deps.idempotency.claim(key, digest)
    if stored is not None:
        return _replay(stored, decode)
    try:
        prepared = await prepare()
        try:
            await _commit(deps, key, digest, prepared.rows, {"result": prepared.result.to_json()},
                          prepared.rejections)
        except BaseException:
            if prepared.on_abort is not None:
                await prepared.on_abort()
            raise
        if prepared.on_commit is not None:
            await prepared.on_commit()
    except DomainError as error:
        if error.transient:
            await deps.idempotency.release(key, digest)
            raise
        try:
            stored = await _store_final_error(deps, key, digest, error)
        except DomainError:
            # The error could not be stored: answer it unstored; a retry runs afresh.
            await deps.idempotency.release(key, digest)
            raise error from None
        return _replay(stored, decode)
    except BaseException:
        await deps.idempotency.release(key, digest)
        raise
    await deps.idempotency.finish(key, digest)
    return prepared.result


async def execute_retrying(deps: Deps, caller: Caller, method: str, command: object,
                           prepare: Callable[[], Awaitable[Prepared[R]]], decode: Callable[[dict], R],
                           lost: ErrorReason) -> R:
    """execute_once for an optimistic change: while it loses the race to another change (the
    transient reason `lost`; its claim was released), compute it again from the new state, up
    to CONCURRENT_CHANGE_ATTEMPTS_MAX times in all."""
    for _ in range(limits.CONCURRENT_CHANGE_ATTEMPTS_MAX - 1):
        try:
            return await execute_once(deps, caller, method, command, prepare, decode)
        except DomainError as error:
            if error.reason is not lost:
                raise
    return await execute_once(deps, caller, method, command, prepare, decode)


async def _commit(deps: Deps, key: IdempotencyKey, digest: bytes, rows: tuple[Row, ...],
                  outcome: dict, rejections: Mapping[str, DomainError]) -> None:
    record = deps.idempotency.record(key, digest, outcome)
    try:
        # The record goes first: when a crashed worker committed this request already, its
        # primary key is the violation Postgres reports (a replay), not a row's own unique
        # (client, request) index (which would read as an unexpected failure).
        await deps.writer.submit(LedgerWrite((record,) + rows))
    except WriteRejected as rejected:
        if rejected.constraint == PRIMARY_KEY:
            raise _AlreadyCommitted() from rejected
        error = rejections.get(rejected.constraint or "")
        if error is None:
            raise
        raise error from rejected


class _AlreadyCommitted(DomainError):
    """The Redis marker was lost but Postgres holds the outcome: replay it."""

    def __init__(self) -> None:
        super().__init__(ErrorReason.IDEMPOTENCY_KEY_REUSED)


async def _store_final_error(deps: Deps, key: IdempotencyKey, digest: bytes,
                             error: DomainError) -> dict:
    """Store a final error as the request's outcome (so a retry gets the same), return it."""
    if not isinstance(error, _AlreadyCommitted):
        try:
            await _commit(deps, key, digest, (), {"error": error.to_json()}, {})
        except _AlreadyCommitted:
            pass
        else:
            await deps.idempotency.finish(key, digest)
            return {"error": error.to_json()}
    stored = await deps.idempotency.load(key, digest)
    if stored is None:  # Cannot happen: the primary key said the row exists.
        raise key_reused(key)
    await deps.idempotency.finish(key, digest)
    return stored


def _replay(stored: dict, decode: Callable[[dict], R]) -> R:
    if "error" in stored:
        raise DomainError.from_json(stored["error"])
    return decode(stored["result"])
