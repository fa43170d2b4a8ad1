"""Idempotency over gRPC across a day partition boundary (README "Postgres growth"), against the
real worker with a FixedClock (tests/e2e/inprocess.py) a moment before a UTC midnight: the
worker's partition timer made the coming days' partitions at start; a request committed before
midnight replays after it, from its one partition (its done marker carries the record's time and
still tells a changed payload apart), and still replays when Redis lost the marker (the
one-record guard holds across partitions); a changed payload under the same request_id is refused
on the other side of midnight too."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import grpc
import psycopg
import pytest
import redis
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from core.adapters.idempotency import IdempotencyKey
from core.adapters.postgres import partitions
from core.domain.clock import FixedClock
from core.service.clients import create_client
from rewards_client import Credentials
from tests.e2e import inprocess

CREATE_PROGRAM = "/rewards.loyalty.v1.ProgramService/CreateProgram"
ORG = "org-partitions"
AHEAD_DAYS = 6
"""More days ahead than the shared server's default (3): these partitions are this worker's."""


def before_next_midnight() -> FixedClock:
    now = dt.datetime.now(dt.timezone.utc)
    return FixedClock(partitions.day_of(now) + partitions.DAY - dt.timedelta(milliseconds=400))


@pytest.fixture
async def served(stores):
    clock = before_next_midnight()
    async with inprocess.worker(stores, clock=clock, partitions_ahead_days=AHEAD_DAYS) as worker, \
            grpc.aio.insecure_channel(worker.target) as channel:
        worker.channel, worker.clock = channel, clock
        credentials = Credentials(ORG, *create_client(stores.database_url, ORG, ["loyalty:admin"]))
        worker.credentials = credentials
        worker.token = await inprocess.access_token(channel, credentials)
        yield worker


def partition_names(stores) -> set[str]:
    with psycopg.connect(stores.database_url) as connection:
        return {row[0] for row in connection.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            " WHERE i.inhparent = 'idempotency_keys'::regclass")}


def stored(stores, client_id: str, request_id: str) -> list[tuple[str, dt.datetime]]:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT tableoid::regclass::text, create_time FROM idempotency_keys"
                                  " WHERE client_id = %s AND request_id = %s", (client_id, request_id)).fetchall()


def programs_named(stores, program_id: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM programs WHERE org_id = %s AND program_id = %s",
                                  (ORG, program_id)).fetchone()[0]


async def create_program(served, body: bytes) -> programs_api.CreateProgramResponse:
    timestamp = str(int(served.clock.now().timestamp()))
    metadata = inprocess.signed_metadata(served.credentials, served.token, CREATE_PROGRAM, body, timestamp)
    call = served.channel.unary_unary(CREATE_PROGRAM, response_deserializer=programs_api.CreateProgramResponse.FromString)
    return await call(body, metadata=metadata, timeout=30)


def program_request(request_id: str, program_id: str, name: str = "Midnight") -> bytes:
    return programs_api.CreateProgramRequest(request_id=request_id, program=loyalty.Program(
        program_id=program_id, display_name=name, currency_code="EUR", time_zone="UTC")).SerializeToString()


async def test_the_worker_creates_the_coming_days_partitions_at_start(served, stores):
    today = partitions.day_of(served.clock.now())
    wanted = {partitions.day_partition_name(partitions.IDEMPOTENCY_KEYS, today + day * partitions.DAY)
              for day in range(1, AHEAD_DAYS + 1)}
    for _ in range(300):  # The timer's first round runs as the worker starts serving.
        if wanted <= partition_names(stores):
            break
        await asyncio.sleep(0.1)
    assert wanted <= partition_names(stores)


async def test_a_request_committed_before_midnight_replays_after_it_from_its_partition(served, stores):
    request_id, program_id = uuid.uuid4().hex, "p-" + uuid.uuid4().hex[:12]
    body = program_request(request_id, program_id)
    first = await create_program(served, body)
    [(partition, create_time)] = stored(stores, served.credentials.client_id, request_id)
    assert create_time == served.clock.now()  # The record is dated by the server clock.
    marker = redis.Redis.from_url(stores.redis_url).get(
        IdempotencyKey(served.credentials.client_id, request_id, "CreateProgram").marker)
    micros = (create_time - dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)) // dt.timedelta(microseconds=1)
    assert marker.decode().rsplit(":", 1)[1] == str(micros)  # It tells the replay the partition.

    served.clock.advance(dt.timedelta(seconds=1))  # Past midnight: today's records go elsewhere.
    next_day = partitions.day_partition_name(partitions.IDEMPOTENCY_KEYS, partitions.day_of(served.clock.now()))
    assert partition != next_day
    replayed = await create_program(served, body)
    with pytest.raises(grpc.aio.AioRpcError) as reused:  # Against the marker that carries the time.
        await create_program(served, program_request(request_id, program_id, name="Changed"))

    assert replayed == first
    assert inprocess.error_info_of(reused.value)[:2] == (grpc.StatusCode.ALREADY_EXISTS, "IDEMPOTENCY_KEY_REUSED")
    assert stored(stores, served.credentials.client_id, request_id) == [(partition, create_time)]
    assert programs_named(stores, program_id) == 1


async def test_without_its_marker_a_retry_after_midnight_still_replays_and_a_changed_one_is_refused(served, stores):
    request_id, program_id = uuid.uuid4().hex, "p-" + uuid.uuid4().hex[:12]
    body = program_request(request_id, program_id)
    first = await create_program(served, body)
    [record] = stored(stores, served.credentials.client_id, request_id)
    served.clock.advance(dt.timedelta(seconds=1))
    key = IdempotencyKey(served.credentials.client_id, request_id, "CreateProgram")
    redis.Redis.from_url(stores.redis_url).delete(key.marker)  # As if Redis lost it.

    replayed = await create_program(served, body)
    with pytest.raises(grpc.aio.AioRpcError) as reused:
        await create_program(served, program_request(request_id, program_id, name="Changed"))

    assert replayed == first
    assert inprocess.error_info_of(reused.value)[:2] == (grpc.StatusCode.ALREADY_EXISTS, "IDEMPOTENCY_KEY_REUSED")
    assert stored(stores, served.credentials.client_id, request_id) == [record]  # No second record.
    assert programs_named(stores, program_id) == 1
