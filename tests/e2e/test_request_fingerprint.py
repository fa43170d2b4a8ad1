"""The idempotency fingerprint of a mutating request comes from the request the server received
(core/domain/received.py): the SHA-256 of its deterministic serialization, not a re-encoding of
the command's fields. A retry that a client encodes differently (fields, map entries in another
order) is still the same request; a different payload under the same request_id is not."""

from __future__ import annotations

import hashlib
import uuid

import grpc
import psycopg
import pytest
from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import resources_pb2 as resources

from tests.e2e.inprocess import error_info_of

METHOD = "/rewards.accounts.v1.AccountService/CreateUser"


def create_user(channel):
    """CreateUser over `channel` with the request bytes as given (signed as sent)."""
    return channel.unary_unary(METHOD, request_serializer=None, response_deserializer=api.CreateUserResponse.FromString)


def request_of(request_id: str, **user) -> api.CreateUserRequest:
    return api.CreateUserRequest(request_id=request_id, user=resources.User(
        external_user_id="crm-" + request_id, given_name="Anna", family_name="Muster", **user))


def stored_fingerprint(stores, client_id: str, request_id: str) -> bytes:
    with psycopg.connect(stores.database_url) as connection:
        (found,) = connection.execute(
            "SELECT fingerprint FROM idempotency_keys WHERE client_id = %s AND request_id = %s AND method = %s",
            (client_id, request_id, "CreateUser")).fetchone()
    return bytes(found)


async def test_the_stored_fingerprint_is_the_digest_of_the_requests_deterministic_bytes(channel, stores,
                                                                                        credentials):
    request = request_of(uuid.uuid4().hex, properties={"tier": "gold", "source.channel": "app", "b": "2"})

    await create_user(channel)(request.SerializeToString())

    expected = hashlib.sha256(request.SerializeToString(deterministic=True)).digest()
    assert stored_fingerprint(stores, credentials.client_id, request.request_id) == expected


async def test_a_retry_encoded_in_another_order_replays_and_a_changed_payload_is_refused(channel):
    request_id = uuid.uuid4().hex
    base = request_of(request_id).SerializeToString()
    gold = api.CreateUserRequest(user=resources.User(properties={"tier": "gold"})).SerializeToString()
    app = api.CreateUserRequest(user=resources.User(properties={"source.channel": "app"})).SerializeToString()
    first_bytes, retry_bytes = base + gold + app, app + gold + base  # One message, two encodings.
    assert first_bytes != retry_bytes
    assert api.CreateUserRequest.FromString(first_bytes) == api.CreateUserRequest.FromString(retry_bytes)

    first = await create_user(channel)(first_bytes)
    retried = await create_user(channel)(retry_bytes)
    with pytest.raises(grpc.aio.AioRpcError) as reused:
        await create_user(channel)(request_of(request_id, properties={"tier": "silver"}).SerializeToString())

    assert retried == first
    assert error_info_of(reused.value)[:2] == (grpc.StatusCode.ALREADY_EXISTS, "IDEMPOTENCY_KEY_REUSED")
