"""Code series over gRPC: CreateCodeSeries of every type, GenerateCodes (progress, resume, the
1% code space limit), ImportCodes (per-row results), and IssueCoupon drawing from the pools
(never a code twice, under concurrency and after Redis loses its state)."""

from __future__ import annotations

import asyncio
import random
import shutil
import string
import tempfile
import uuid
from pathlib import Path

import grpc
import psycopg
import pytest
import redis
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from core.adapters.embedded import EmbeddedRedis
from rewards_client import RewardsClient, errors
from rewards_client.auth import signature_metadata, signing_key
from tests.e2e.harness import ServerProcess

UNIQUE = resources.CODE_SERIES_TYPE_UNIQUE_GENERATED
IMPORTED = resources.CODE_SERIES_TYPE_IMPORTED
PREFIXED = resources.CODE_SERIES_TYPE_RANDOM_WITH_PREFIX
IMPORT_CODES = "/rewards.coupons.v1.OfferService/ImportCodes"


@pytest.fixture
async def client(server, credentials):
    async with RewardsClient.connect(server.target, credentials, timeout_s=60) as client:
        yield client


async def reason_of(awaitable):
    try:
        await awaitable
    except errors.RewardsError as error:
        return error.reason
    return None


async def new_offer(client: RewardsClient) -> str:
    offer = resources.Offer(
        program_id="prog", display_name="5 EUR off", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT,
                                discount_amount=money_pb2.Money(amount_minor=500, currency_code="EUR")))
    return (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer))).offer.offer_id


async def new_series(client: RewardsClient, offer_id: str | None = None, **fields) -> resources.CodeSeries:
    fields.setdefault("type", UNIQUE)
    if fields["type"] in (UNIQUE, PREFIXED) and "sample_code" not in fields:
        fields.setdefault("length", 8)
    series = resources.CodeSeries(offer_id=offer_id or await new_offer(client), **fields)
    return (await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=series))
            ).code_series


async def generate(client: RewardsClient, series_id: str, count: int, request_id: str = "") -> list:
    return await client.stream(client.offers.GenerateCodes, offers.GenerateCodesRequest(
        request_id=request_id or uuid.uuid4().hex, code_series_id=series_id, count=count), timeout_s=120)


async def import_codes(client: RewardsClient, credentials, batches: list[list[str]], series_id: str,
                       request_id: str = "", later_series_id: str = "") -> offers.ImportCodesResponse:
    """ImportCodes, one message per batch (a client stream is signed over the empty body)."""
    request_id = request_id or uuid.uuid4().hex
    messages = [offers.ImportCodesRequest(request_id=request_id if index == 0 else "",
                                          code_series_id=series_id if index == 0 else later_series_id, codes=batch)
                for index, batch in enumerate(batches)]
    token = await client.tokens.access_token()
    metadata = (("authorization", f"Bearer {token}"),) + signature_metadata(
        signing_key(credentials.client_secret), IMPORT_CODES, b"")
    try:
        return await client.offers.ImportCodes(iter(messages), metadata=metadata, timeout=60)
    except grpc.aio.AioRpcError as error:
        raise errors.from_rpc_error(error) from None


async def issue(client: RewardsClient, offer_id: str, series_id: str = "") -> resources.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=str(uuid.uuid4()), code_series_id=series_id))).coupon


def series_codes(stores, series_id: str) -> list[tuple[str, bool]]:
    """(code, issued) of every code of the series, in Postgres."""
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT code, coupon_id IS NOT NULL FROM org_codes WHERE code_series_id = %s",
                                  (series_id,)).fetchall()


def pool_size(redis_url: str, offer_id: str, series_id: str) -> int:
    with redis.Redis.from_url(redis_url) as client:
        return client.scard(f"rewards:{{o:{offer_id}}}:pool:{series_id}")


def letters(count: int) -> str:
    return "".join(random.choices(string.ascii_uppercase, k=count))


# --- GenerateCodes ---------------------------------------------------------------------------

async def test_generate_codes_streams_progress_per_batch_and_fills_postgres_and_the_redis_pool(client, stores):
    series = await new_series(client)

    replies = await generate(client, series.code_series_id, 25_000)

    assert [reply.generated_count for reply in replies] == [0, 10_000, 20_000, 25_000]
    assert [reply.done for reply in replies] == [False, False, False, True]
    assert {reply.total_count for reply in replies} == {25_000}
    codes = series_codes(stores, series.code_series_id)
    assert len(codes) == len({code for code, _ in codes}) == 25_000
    assert all(len(code) == 8 and set(code) <= set(series.alphabet) for code, _ in codes)
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 25_000
