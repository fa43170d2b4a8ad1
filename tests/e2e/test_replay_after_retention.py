"""A request_id sent again after its idempotency record is past retention (README "Postgres
growth") is a new request, over gRPC on the shared server: where the ledger row of the first one
still holds the request id (`points_transactions_request_idx`), the new one answers
IDEMPOTENCY_KEY_REUSED (final, stored: its retries answer the same), changes nothing, and never an
INTERNAL error."""

from __future__ import annotations

import uuid

import psycopg
import redis

from core.adapters.idempotency import IdempotencyKey
from tests.e2e.test_points import balance, error_of, new_account, new_program
from tests.e2e.test_points_admin import adjust
from tests.ledger import check_ledger


def expire_record(stores, client_id: str, request_id: str, method: str) -> None:
    """What the retention job does to a record past retention: its row and its marker are gone."""
    with psycopg.connect(stores.database_url) as connection:
        deleted = connection.execute("DELETE FROM idempotency_keys WHERE client_id = %s AND request_id = %s",
                                     (client_id, request_id)).rowcount
    assert deleted == 1
    redis.Redis.from_url(stores.redis_url).delete(IdempotencyKey(client_id, request_id, method).marker)


async def test_a_request_id_sent_again_after_its_retention_is_refused_as_reused_and_changes_nothing(
        client, credentials, stores):
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    request_id = uuid.uuid4().hex
    await adjust(client, account_id, 50, request_id=request_id)
    expire_record(stores, credentials.client_id, request_id, "AdjustPoints")

    again = await error_of(adjust(client, account_id, 50, request_id=request_id))
    retried = await error_of(adjust(client, account_id, 50, request_id=request_id))

    assert again is not None and again.reason == "IDEMPOTENCY_KEY_REUSED"
    assert again.metadata.get("request_id") == request_id
    assert retried is not None and retried.reason == "IDEMPOTENCY_KEY_REUSED"  # Stored: the same answer.
    assert (await balance(client, account_id)).posted_points == 50
    check_ledger(stores.database_url, stores.redis_url)
