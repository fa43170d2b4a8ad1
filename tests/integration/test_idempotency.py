"""Idempotency through a real mutating handler (CreateAccount): replay, concurrent replay,
mismatched parameters, a lost Redis marker, stored final errors."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from core.adapters.idempotency import IdempotencyKey
from core.domain.accounts import Identifier, IdentifierType
from core.domain.errors import DomainError, ErrorReason
from core.service.accounts import CreateAccount, create_account


pytestmark = pytest.mark.usefixtures("known_programs")

def command(request_id: str | None = None, card: str | None = None, program: str = "prog-1") -> CreateAccount:
    card = card or uuid.uuid4().hex
    return CreateAccount(request_id or uuid.uuid4().hex, program,
                         (Identifier(IdentifierType.CARDCODE, card),))


async def count(deps, sql: str, *params) -> int:
    async with deps.pool.connection() as connection:
        return (await (await connection.execute(sql, params)).fetchone())[0]


async def test_a_replay_returns_the_identical_response(deps, caller):
    request = command()

    first = await create_account(request, caller, deps)
    again = await create_account(request, caller, deps)

    assert again == first
    assert await count(deps, "SELECT count(*) FROM accounts WHERE account_id = %s", first.account_id) == 1


async def test_concurrent_replays_execute_once(deps, caller):
    request = command()

    results = await asyncio.gather(*(create_account(request, caller, deps) for _ in range(25)))

    assert len({r.account_id for r in results}) == 1
    assert await count(deps, "SELECT count(*) FROM account_identifiers WHERE value = %s",
                       request.identifiers[0].value) == 1
    assert await count(deps, "SELECT count(*) FROM idempotency_keys WHERE client_id = %s AND request_id = %s",
                       caller.client_id, request.request_id) == 1


async def test_the_same_request_id_with_other_parameters_is_refused(deps, caller):
    request = command()
    await create_account(request, caller, deps)

    with pytest.raises(DomainError) as reused:
        await create_account(command(request.request_id), caller, deps)

    assert reused.value.reason is ErrorReason.IDEMPOTENCY_KEY_REUSED
    assert reused.value.metadata["request_id"] == request.request_id


async def test_the_same_request_id_from_another_client_is_another_request(deps, caller):
    from core.service.context import Caller

    request = command()
    other = Caller(client_id=caller.client_id + "-other", org_id=caller.org_id)

    mine = await create_account(request, caller, deps)
    with pytest.raises(DomainError) as taken:  # Same card in the same org and program.
        await create_account(request, other, deps)

    assert taken.value.reason is ErrorReason.IDENTIFIER_ALREADY_EXISTS
    assert mine.account_id


async def test_a_replay_after_redis_lost_its_marker_is_answered_from_postgres(deps, caller):
    request = command()
    first = await create_account(request, caller, deps)
    await deps.redis.delete(IdempotencyKey(caller.client_id, request.request_id, "CreateAccount").marker)

    again = await create_account(request, caller, deps)

    assert again == first
    assert await count(deps, "SELECT count(*) FROM account_identifiers WHERE value = %s",
                       request.identifiers[0].value) == 1


async def test_a_final_error_is_stored_and_replayed(deps, caller):
    taken_card = uuid.uuid4().hex
    await create_account(command(card=taken_card), caller, deps)
    request = command(card=taken_card)

    with pytest.raises(DomainError) as first:
        await create_account(request, caller, deps)
    await deps.redis.delete(IdempotencyKey(caller.client_id, request.request_id, "CreateAccount").marker)
    with pytest.raises(DomainError) as again:
        await create_account(request, caller, deps)

    assert first.value.reason is again.value.reason is ErrorReason.IDENTIFIER_ALREADY_EXISTS
    assert again.value.metadata == first.value.metadata


async def test_a_request_in_flight_too_long_answers_request_in_flight(deps, caller, monkeypatch):
    from core.domain import limits

    request = command()
    key = IdempotencyKey(caller.client_id, request.request_id, "CreateAccount")
    from core.service.idempotent import fingerprint

    assert await deps.idempotency.claim(key, fingerprint(request)) is None  # Someone else's.
    monkeypatch.setattr(limits, "IDEMPOTENCY_WAIT_MS_MAX", 50)

    with pytest.raises(DomainError) as busy:
        await create_account(request, caller, deps)

    assert busy.value.reason is ErrorReason.REQUEST_IN_FLIGHT and busy.value.transient


async def test_validation_errors_are_not_stored(deps, caller):
    request = CreateAccount(uuid.uuid4().hex, "", ())

    with pytest.raises(DomainError) as invalid:
        await create_account(request, caller, deps)

    assert invalid.value.reason is ErrorReason.FIELD_REQUIRED
    assert await count(deps, "SELECT count(*) FROM idempotency_keys WHERE request_id = %s",
                       request.request_id) == 0
