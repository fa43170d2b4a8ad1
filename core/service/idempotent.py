"""Run a mutating command exactly once per (client, request_id).

    validate (pure) -> claim the request id -> prepare (reads, Redis) -> commit rows + stored
    outcome in one ledger transaction -> reply -> confirm reservations, mark done

A replay returns the stored outcome: the same result, or the same final error. Validation errors
are not stored (nothing started executing). A transient failure releases the claim so that the
client's retry runs again.

A reservation's fate is its commit's (DESIGN.md section 5). Once `prepare` has returned, its rows
are handed to the ledger writer and a settlement task, detached from the call, owns the outcome:
committed -> `on_commit` (confirm) and mark done; known not committed -> `on_abort` (release) and
release the claim (or store the final error). The caller waits for that outcome for as long as
its deadline allows (or CALL_WAIT_S_MAX); a cancelled or timed-out caller changes none of it, and
its retry meets the committed answer or REQUEST_IN_FLIGHT.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from core.adapters.idempotency import (LEDGER_REQUEST_KEYS, ClaimTaken, ClaimTicket, IdempotencyKey,
                                       expired_key_reused, is_record_conflict, key_reused)
from core.adapters.postgres.ledger_writer import LedgerWrite, Row, WriteRejected
from core.domain import deadline, limits
from core.domain.received import received
from core.domain.errors import DomainError, ErrorReason
from core.service.context import Caller, Deps

R = TypeVar("R")
log = logging.getLogger(__name__)

_SETTLING: set[asyncio.Task] = set()
"""Settlement tasks in flight (asyncio keeps only weak references to tasks)."""


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
    result_json: tuple[object, dict] | None = None
    """(result, result.to_json()) when that was computed already (for the event the request
    reports): used only while `result` is still that very object."""
    reply_before_settling: bool = False
    """Answer as soon as the rows are committed, and run `on_commit` and the idempotency finish
    after the reply. Only for a settlement nothing the caller may do next depends on (a coupon
    reservation's confirm only drops its hold: the counts include it already), never for one that
    makes the change visible (a wallet's credit posted by wallet_settle)."""


def fingerprint(command: object, method: str | None = None) -> bytes:
    """The SHA-256 of the request as received (core/domain/received.py) when it is `method`'s
    request for this command's request_id; else SHA-256 over the command's canonical JSON,
    request_id excluded."""
    if method is not None:
        digest = received(method, getattr(command, "request_id", ""))
        if digest is not None:
            return digest
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
    digest = fingerprint(command, method)
    stored = await deps.idempotency.claim(key, digest)
    if stored is not None:
        return _replay(stored, decode)
    return await _execute_claimed(deps, key, digest, prepare, decode)


async def execute_claiming(deps: Deps, caller: Caller, method: str, command: object,
                           prepare: Callable[[ClaimTicket | None], Awaitable[Prepared[R]]],
                           decode: Callable[[dict], R], slot_tag: str) -> R:
    """execute_once whose claim of the request id travels with the request's reservation: one
    Redis call before the commit instead of two. `prepare(ticket)` hands the ticket to its
    reservation script (the marker lives under `slot_tag`, the script's hash tag), which claims
    the request id only when it reserves, after checking it first; a held id raises ClaimTaken
    with nothing reserved. A refusal raised before anything is claimed (a rule, a limit) takes
    the id as execute_once does (a committed earlier attempt replays instead) and is stored;
    a held id goes the way of IdempotencyStore.claim (replay, wait, or IDEMPOTENCY_KEY_REUSED),
    and if the id turns out free, `prepare(None)` runs with the id claimed already."""
    request_id = command.request_id  # type: ignore[attr-defined]
    key = IdempotencyKey(caller.client_id, request_id, method, slot_tag)
    digest = fingerprint(command, method)
    started_ms = _now_ms(deps)  # Before the reservation: see _commit's fence check.
    try:
        prepared = await prepare(key.ticket(digest))
    except (ClaimTaken, DomainError) as stopped:
        # Nothing reserved, nothing claimed: an earlier attempt's committed answer comes first.
        stored = await deps.idempotency.claim(key, digest)
        if stored is not None:
            return _replay(stored, decode)
        if isinstance(stopped, ClaimTaken):  # Held a moment ago, free now (and ours): run.
            return await _execute_claimed(deps, key, digest, lambda: prepare(None), decode)
        return await _refused(deps, key, digest, stopped, decode)
    # BaseException: whether the script ran is unknown (a cancelled caller): its marker expires
    # after IDEMPOTENCY_IN_FLIGHT_TTL_MS and its reservation is the sweep's, as after a crash.
    return await _settled_answer(deps, key, digest, prepared, started_ms, decode)


async def _execute_claimed(deps: Deps, key: IdempotencyKey, digest: bytes,
                           prepare: Callable[[], Awaitable[Prepared[R]]], decode: Callable[[dict], R]) -> R:
    """The rest of execute_once, once `key` is claimed: prepare, commit, settle, answer."""
    started_ms = _now_ms(deps)
    try:
        prepared = await prepare()
    except DomainError as error:
        return await _refused(deps, key, digest, error, decode)
    except BaseException:
        # Nothing was handed to the writer: nothing of this request can commit.
        await deps.idempotency.release(key, digest)
        raise
    return await _settled_answer(deps, key, digest, prepared, started_ms, decode)


def _now_ms(deps: Deps) -> int:
    return int(deps.clock.now().timestamp() * 1000)


async def _settled_answer(deps: Deps, key: IdempotencyKey, digest: bytes, prepared: Prepared[R], started_ms: int,
                          decode: Callable[[dict], R]) -> R:
    """Hand `prepared` to its settlement and answer with its commit's outcome (bounded wait)."""
    # From here on the commit decides. The settlement runs without the call's deadline and is
    # not cancelled with the call; it answers through `answer` (as soon as the commit decided,
    # when the reservations may be settled after the reply).
    loop = asyncio.get_running_loop()
    answer: asyncio.Future = loop.create_future()
    answer.add_done_callback(_retrieved)
    settling = loop.create_task(_settle(deps, key, digest, prepared, started_ms, decode, answer),
                                context=deadline.detached())
    _SETTLING.add(settling)
    settling.add_done_callback(_settled)
    try:
        return await asyncio.wait_for(asyncio.shield(answer), deadline.bounded(limits.CALL_WAIT_S_MAX))
    except TimeoutError:
        # The outcome is not known yet: answer before the caller's deadline; its retry meets the
        # committed answer or REQUEST_IN_FLIGHT.
        raise DomainError(ErrorReason.STORE_UNAVAILABLE, metadata={"store": "postgres"}) from None


async def _settle(deps: Deps, key: IdempotencyKey, digest: bytes, prepared: Prepared[R], started_ms: int,
                  decode: Callable[[dict], R], answer: asyncio.Future) -> None:
    try:
        try:
            known = prepared.result_json
            result_json = known[1] if known is not None and known[0] is prepared.result else prepared.result.to_json()
            committed_at = await _commit(deps, key, digest, prepared.rows, {"result": result_json},
                                         prepared.rejections, started_ms)
        except BaseException:
            if prepared.on_abort is not None:
                await prepared.on_abort()
            raise
    except DomainError as error:
        try:
            _answer(answer, await _refused(deps, key, digest, error, decode))
        except Exception as refused:  # noqa: BLE001 - the answer of this request, whatever it is
            _fail(answer, refused)
        return
    except BaseException as error:
        try:
            await deps.idempotency.release(key, digest)
        finally:
            _fail(answer, error)
        if not isinstance(error, Exception):
            raise
        return
    # Committed: whatever fails from here is the sweep's to finish, never the caller's answer.
    if prepared.reply_before_settling:
        _answer(answer, prepared.result)
    # The reservations' settlement and the done marker in one go (one pipeline of the tick).
    steps = [deps.idempotency.finish(key, digest, committed_at)]
    if prepared.on_commit is not None:
        steps.append(prepared.on_commit())
    for outcome in await asyncio.gather(*steps, return_exceptions=True):
        if isinstance(outcome, Exception):  # The reply is the committed one.
            log.warning("committed %s %s, but settling it in Redis failed (left to the sweep): %s",
                        key.method, key.request_id, outcome)
        elif isinstance(outcome, BaseException):
            raise outcome
    _answer(answer, prepared.result)


def _answer(answer: asyncio.Future, result: object) -> None:
    if not answer.done():
        answer.set_result(result)


def _fail(answer: asyncio.Future, error: BaseException) -> None:
    if not answer.done():
        answer.set_exception(error)


def _retrieved(answer: asyncio.Future) -> None:
    if not answer.cancelled():
        answer.exception()  # Retrieved: the caller (if still waiting) got it.


async def _refused(deps: Deps, key: IdempotencyKey, digest: bytes, error: DomainError,
                   decode: Callable[[dict], R]) -> R:
    """Answer `error`: transient ones release the claim (a retry runs again); final ones are
    stored as the request's outcome, so a retry gets the same."""
    if error.transient:
        await deps.idempotency.release(key, digest)
        raise error
    try:
        stored = await _store_final_error(deps, key, digest, error)
    except DomainError:
        # The error could not be stored: answer it unstored; a retry runs afresh.
        await deps.idempotency.release(key, digest)
        raise error from None
    return _replay(stored, decode)


def _settled(task: asyncio.Task) -> None:
    _SETTLING.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("settlement failed", exc_info=task.exception())


async def settle_all(timeout_s: float) -> None:
    """Wait (bounded) for every settlement in flight: at shutdown, before the writer closes."""
    if _SETTLING:
        await asyncio.wait(list(_SETTLING), timeout=timeout_s)


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
                  outcome: dict, rejections: Mapping[str, DomainError], started_ms: int | None = None) -> dt.datetime:
    """Commit `rows` with the request's record; return the record's create_time (its partition)."""
    at = deps.clock.now()
    record = deps.idempotency.record(key, digest, outcome, at)
    # The record goes first: when a crashed worker committed this request already, its
    # one-record guard is the violation Postgres reports (a replay), not a row's own unique
    # (client, request) index (which would read as an unexpected failure).
    write = LedgerWrite((record,) + rows)
    for attempt in range(2):
        try:
            await deps.writer.submit(write)
            return at
        except WriteRejected as rejected:
            if is_record_conflict(rejected.constraint):
                if attempt == 0:
                    fenced_ms = await deps.idempotency.abandoned(key)
                    if fenced_ms is not None:
                        if started_ms is None or fenced_ms >= started_ms:
                            # The sweep fenced this very attempt: its reservation may be gone.
                            raise DomainError(ErrorReason.STORE_UNAVAILABLE,
                                              metadata={"store": "postgres"}) from rejected
                        # An earlier attempt was abandoned and fenced: take its place.
                        write = LedgerWrite(write.rows, replaces=(key.client_id, key.request_id))
                        continue
                raise _AlreadyCommitted() from rejected
            error = rejections.get(rejected.constraint or "")
            if error is None and rejected.constraint in LEDGER_REQUEST_KEYS:
                # A request id reused after its record's retention (README "Postgres growth").
                error = expired_key_reused(key)
            if error is None:
                raise
            raise error from rejected


_ANY_ATTEMPT_MS = 2**62
"""As `started_ms`: every abandoned record predates this write."""


class _AlreadyCommitted(DomainError):
    """The Redis marker was lost but Postgres holds the outcome: replay it."""

    def __init__(self) -> None:
        super().__init__(ErrorReason.IDEMPOTENCY_KEY_REUSED)


async def _store_final_error(deps: Deps, key: IdempotencyKey, digest: bytes,
                             error: DomainError) -> dict:
    """Store a final error as the request's outcome (so a retry gets the same), return it."""
    if not isinstance(error, _AlreadyCommitted):
        try:
            # No reservation stands behind a final error: it may take an abandoned record's place.
            committed_at = await _commit(deps, key, digest, (), {"error": error.to_json()}, {}, _ANY_ATTEMPT_MS)
        except _AlreadyCommitted:
            pass
        else:
            await deps.idempotency.finish(key, digest, committed_at)
            return {"error": error.to_json()}
    stored = await deps.idempotency.load(key, digest)
    if stored is None:  # Cannot happen: the one-record guard said the row exists.
        raise key_reused(key)
    await deps.idempotency.finish(key, digest)
    return stored


def _replay(stored: dict, decode: Callable[[dict], R]) -> R:
    if "error" in stored:
        raise DomainError.from_json(stored["error"])
    return decode(stored["result"])
