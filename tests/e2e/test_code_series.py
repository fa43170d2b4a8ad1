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

from core.adapters.embedded import EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from core.service.clients import create_client
from rewards_client import Credentials, RewardsClient, errors
from tests.conftest import ALL_SCOPES
from tests.e2e.coupon_accounts import new_account, new_accounts
from tests.e2e.harness import ServerProcess
from tests.e2e.programs import ensure_program
from tests.e2e.builders import new_offer, reason_of

UNIQUE = resources.CODE_SERIES_TYPE_UNIQUE_GENERATED
IMPORTED = resources.CODE_SERIES_TYPE_IMPORTED
PREFIXED = resources.CODE_SERIES_TYPE_RANDOM_WITH_PREFIX


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
    """ImportCodes, one message per batch (the client signs a request stream over the empty body)."""
    request_id = request_id or uuid.uuid4().hex
    messages = [offers.ImportCodesRequest(request_id=request_id if index == 0 else "",
                                          code_series_id=series_id if index == 0 else later_series_id, codes=batch)
                for index, batch in enumerate(batches)]
    try:
        return await client.offers.ImportCodes(iter(messages), timeout=60)
    except grpc.aio.AioRpcError as error:
        raise errors.from_rpc_error(error) from None


async def issue(client: RewardsClient, offer_id: str, series_id: str = "") -> resources.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=await new_account(client), code_series_id=series_id))).coupon


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

    replies = await generate(client, series.code_series_id, 120_000)

    assert [reply.generated_count for reply in replies] == [0, 50_000, 100_000, 120_000]
    assert [reply.done for reply in replies] == [False, False, False, True]
    assert {reply.total_count for reply in replies} == {120_000}
    assert len({reply.job_id for reply in replies}) == 1 and replies[0].job_id
    codes = series_codes(stores, series.code_series_id)
    assert len(codes) == len({code for code, _ in codes}) == 120_000
    assert all(len(code) == 8 and set(code) <= set(series.alphabet) for code, _ in codes)
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 120_000


async def test_the_code_space_limit_is_one_percent_of_the_possible_codes(client, stores):
    series = await new_series(client, alphabet="ABCD", length=6)  # 4**6 = 4096 codes: 40 allowed

    too_many = await reason_of(generate(client, series.code_series_id, 41))
    replies = await generate(client, series.code_series_id, 40)
    one_more = await reason_of(generate(client, series.code_series_id, 1))

    assert too_many == one_more == "CODE_SPACE_TOO_SMALL"
    assert replies[-1].done and replies[-1].generated_count == 40
    assert len(series_codes(stores, series.code_series_id)) == 40


async def test_a_broken_generation_is_followed_again_with_the_same_request_id_and_never_exceeds_its_count(
        client, stores):
    series = await new_series(client)
    request = offers.GenerateCodesRequest(request_id=uuid.uuid4().hex, code_series_id=series.code_series_id,
                                          count=150_000)

    call = client.offers.GenerateCodes(request, timeout=120)
    async for reply in call:
        if reply.generated_count >= 50_000:
            call.cancel()  # The stream breaks after the first committed batch; the job goes on.
            break
    replies = await generate(client, series.code_series_id, 150_000, request.request_id)
    replayed = await generate(client, series.code_series_id, 150_000, request.request_id)
    reused = await reason_of(generate(client, series.code_series_id, 149_999, request.request_id))

    assert 50_000 <= replies[0].generated_count <= 150_000
    assert replies[-1].generated_count == 150_000 and replies[-1].done
    assert [(reply.generated_count, reply.done) for reply in replayed] == [(150_000, True)]
    assert replies[0].job_id == replayed[0].job_id == reply.job_id
    assert reused == "IDEMPOTENCY_KEY_REUSED"
    assert len(series_codes(stores, series.code_series_id)) == 150_000
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 150_000


async def test_concurrent_calls_of_one_generation_follow_one_job_and_never_generate_more_than_its_count(
        client, stores):
    series = await new_series(client)
    request_id = uuid.uuid4().hex

    followed = await asyncio.gather(*(generate(client, series.code_series_id, 120_000, request_id)
                                      for _ in range(3)))

    assert all(replies[-1].done and replies[-1].generated_count == 120_000 for replies in followed)
    assert len({reply.job_id for replies in followed for reply in replies}) == 1
    assert len(series_codes(stores, series.code_series_id)) == 120_000


async def test_generate_codes_refuses_bad_input_and_changes_nothing(client, stores):
    generated = await new_series(client)
    imported = await new_series(client, type=IMPORTED)

    assert await reason_of(generate(client, generated.code_series_id, 0)) == "FIELD_OUT_OF_RANGE"
    assert await reason_of(generate(client, generated.code_series_id, 100_000_001)) == "FIELD_OUT_OF_RANGE"
    assert await reason_of(generate(client, str(uuid.uuid4()), 10)) == "CODE_SERIES_NOT_FOUND"
    assert await reason_of(generate(client, "not-a-uuid", 10)) == "FIELD_INVALID"
    assert await reason_of(generate(client, imported.code_series_id, 10)) == "CODE_SERIES_TYPE_MISMATCH"
    assert series_codes(stores, generated.code_series_id) == []


# --- CreateCodeSeries ------------------------------------------------------------------------

async def test_a_sample_code_makes_a_prefix_series_whose_random_half_is_of_the_same_kind(client, stores):
    prefix = letters(5)

    digits = await new_series(client, type=PREFIXED, sample_code=prefix + "12345")
    mixed = await new_series(client, type=PREFIXED, sample_code=letters(3).lower() + "a1")
    taken = await reason_of(new_series(client, type=PREFIXED, sample_code=prefix + "99999"))
    replies = await generate(client, digits.code_series_id, 1_000)  # 1% of 10**5
    over = await reason_of(generate(client, digits.code_series_id, 1))

    assert (digits.prefix, digits.alphabet, digits.length) == (prefix, "0123456789", 5)
    assert (len(mixed.prefix), mixed.alphabet, mixed.length) == (2, string.digits + string.ascii_uppercase, 3)
    assert taken == "CODE_ALREADY_EXISTS" and over == "CODE_SPACE_TOO_SMALL"
    assert replies[-1].generated_count == 1_000
    codes = [code for code, _ in series_codes(stores, digits.code_series_id)]
    assert len(set(codes)) == 1_000 and all(code[:5] == prefix and code[5:].isdigit() and len(code) == 10
                                            for code in codes)


async def test_a_random_with_prefix_series_keeps_its_prefix_unique_in_the_organisation(client, stores):
    prefix = "P" + letters(6)

    series = await new_series(client, type=PREFIXED, prefix=prefix, length=6)
    taken = await reason_of(new_series(client, type=PREFIXED, prefix=prefix, length=7))
    await generate(client, series.code_series_id, 10)

    assert series.prefix == prefix and series.alphabet == "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    assert taken == "CODE_ALREADY_EXISTS"
    assert all(code.startswith(prefix) and len(code) == len(prefix) + 6
               for code, _ in series_codes(stores, series.code_series_id))


@pytest.mark.parametrize(("fields", "reason"), [
    ({"type": UNIQUE, "length": 5}, "FIELD_OUT_OF_RANGE"),
    ({"type": UNIQUE, "length": 33}, "FIELD_OUT_OF_RANGE"),
    ({"type": UNIQUE, "length": 8, "alphabet": "A"}, "FIELD_INVALID"),
    ({"type": UNIQUE, "length": 8, "alphabet": "ABCa"}, "FIELD_INVALID"),
    ({"type": UNIQUE, "length": 8, "alphabet": "ABCA"}, "FIELD_INVALID"),
    ({"type": UNIQUE, "length": 8, "prefix": "X"}, "FIELD_INVALID"),
    ({"type": PREFIXED, "length": 8}, "FIELD_REQUIRED"),
    ({"type": PREFIXED, "length": 8, "prefix": "bad prefix"}, "FIELD_INVALID"),
    ({"type": PREFIXED, "sample_code": "AB12"}, "FIELD_INVALID"),
    ({"type": PREFIXED, "sample_code": "ABCDE123456"}, "FIELD_INVALID"),
    ({"type": PREFIXED, "sample_code": "AB-123"}, "FIELD_INVALID"),
    ({"type": PREFIXED, "sample_code": "ABC123", "length": 8}, "FIELD_INVALID"),
    ({"type": UNIQUE, "sample_code": "ABC123"}, "FIELD_INVALID"),
    ({"type": IMPORTED, "length": 8}, "FIELD_INVALID"),
    ({"type": 0}, "FIELD_REQUIRED"),
    ({"type": 9}, "FIELD_INVALID"),
])
async def test_create_code_series_refuses_bad_input_and_changes_nothing(client, stores, fields, reason):
    offer_id = await new_offer(client)
    message = resources.CodeSeries(offer_id=offer_id, **fields)

    refused = await reason_of(client.call(client.offers.CreateCodeSeries,
                                          offers.CreateCodeSeriesRequest(code_series=message)))

    assert refused == reason
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM code_series WHERE offer_id = %s",
                                  (offer_id,)).fetchone()[0] == 0


async def test_a_series_of_an_unknown_offer_is_not_found_and_a_retry_returns_the_same_series(client):
    missing = await reason_of(new_series(client, str(uuid.uuid4())))
    offer_id = await new_offer(client)
    request = offers.CreateCodeSeriesRequest(request_id=uuid.uuid4().hex, code_series=resources.CodeSeries(
        offer_id=offer_id, type=UNIQUE, length=10))

    first = await client.call(client.offers.CreateCodeSeries, request)
    again = await client.call(client.offers.CreateCodeSeries, request)

    assert missing == "OFFER_NOT_FOUND"
    assert first.code_series == again.code_series and first.code_series.length == 10


# --- ImportCodes -----------------------------------------------------------------------------

async def test_import_reports_each_bad_row_precisely_and_imports_the_good_ones(client, credentials, stores):
    series = await new_series(client, type=IMPORTED)
    other = await new_series(client, type=IMPORTED)
    taken = "T-" + uuid.uuid4().hex
    await import_codes(client, credentials, [[taken]], other.code_series_id)
    first, second = "A-" + uuid.uuid4().hex, "b-" + uuid.uuid4().hex

    response = await import_codes(client, credentials, [
        [first, "x!", first.lower(), taken.lower()],          # rows 0..3
        ["ab", second, "C" * 65, first, second.upper()],      # rows 4..8
    ], series.code_series_id)

    assert (response.imported_count, response.rejected_count) == (2, 7)
    assert [(row.row_index, row.reason) for row in response.rejected_rows] == [
        (1, "CODE_INVALID"), (2, "DUPLICATE_CODE"), (3, "DUPLICATE_CODE"),
        (4, "CODE_INVALID"), (6, "CODE_INVALID"), (7, "DUPLICATE_CODE"), (8, "DUPLICATE_CODE")]
    assert response.rejected_rows[4].code == "C" * 64 and response.rejected_rows[1].code == first.lower()
    assert sorted(code for code, _ in series_codes(stores, series.code_series_id)) == sorted(
        [first.upper(), second.upper()])
    assert series_codes(stores, other.code_series_id) == [(taken.upper(), False)]
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 2


async def test_a_retried_import_replays_its_response_and_another_import_under_its_id_is_refused(
        client, credentials, stores):
    series = await new_series(client, type=IMPORTED)
    codes = [["R-" + uuid.uuid4().hex for _ in range(3)]]
    request_id = uuid.uuid4().hex

    first = await import_codes(client, credentials, codes, series.code_series_id, request_id)
    again = await import_codes(client, credentials, codes, series.code_series_id, request_id)
    other = await reason_of(import_codes(client, credentials, [codes[0][:2]], series.code_series_id, request_id))

    assert first == again and first.imported_count == 3 and first.rejected_count == 0
    assert other == "IDEMPOTENCY_KEY_REUSED"
    assert len(series_codes(stores, series.code_series_id)) == 3


async def test_import_refuses_a_bad_stream_as_a_whole_and_changes_nothing(client, credentials, stores):
    series = await new_series(client, type=IMPORTED)
    generated = await new_series(client)
    code = ["Z-" + uuid.uuid4().hex]

    switched = await reason_of(import_codes(client, credentials, [code, code], series.code_series_id,
                                            later_series_id=generated.code_series_id))
    too_long = await reason_of(import_codes(client, credentials, [code * 10_001], series.code_series_id))
    mismatch = await reason_of(import_codes(client, credentials, [code], generated.code_series_id))
    missing = await reason_of(import_codes(client, credentials, [code], str(uuid.uuid4())))

    assert (switched, too_long, mismatch, missing) == (
        "FIELD_INVALID", "FIELD_TOO_LONG", "CODE_SERIES_TYPE_MISMATCH", "CODE_SERIES_NOT_FOUND")
    assert series_codes(stores, series.code_series_id) == []
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 0


# --- IssueCoupon from the pools --------------------------------------------------------------

async def test_issue_draws_imported_codes_until_the_pool_is_exhausted(client, credentials, stores):
    series = await new_series(client, type=IMPORTED)
    codes = ["I-" + uuid.uuid4().hex.upper() for _ in range(3)]
    await import_codes(client, credentials, [codes], series.code_series_id)

    issued = [await issue(client, series.offer_id) for _ in range(3)]
    exhausted = await reason_of(issue(client, series.offer_id))
    unknown = await reason_of(issue(client, series.offer_id, str(uuid.uuid4())))

    assert sorted(coupon.code for coupon in issued) == sorted(codes)
    assert exhausted == "CODES_EXHAUSTED" and unknown == "CODE_SERIES_NOT_FOUND"
    assert all(issued for _, issued in series_codes(stores, series.code_series_id))


async def test_issue_takes_the_oldest_series_with_a_code_left_or_the_series_named(client, credentials):
    offer_id = await new_offer(client)
    older = await new_series(client, offer_id, type=IMPORTED)
    newer = await new_series(client, offer_id, type=IMPORTED)
    await import_codes(client, credentials, [["O-" + uuid.uuid4().hex]], older.code_series_id)
    await import_codes(client, credentials, [["N-" + uuid.uuid4().hex, "N-" + uuid.uuid4().hex]],
                       newer.code_series_id)

    named = await issue(client, offer_id, newer.code_series_id)
    oldest = await issue(client, offer_id)
    then = await issue(client, offer_id)

    assert named.code.startswith("N-") and oldest.code.startswith("O-") and then.code.startswith("N-")
    assert await reason_of(issue(client, offer_id, older.code_series_id)) == "CODES_EXHAUSTED"


@pytest.fixture
async def unlimited_client(server, stores):
    """A client of its own without a practical rate limit: a burst of 200 calls must not drain
    the token bucket the session's other tests share."""
    client_id, secret = create_client(stores.database_url, "org-test", ALL_SCOPES, rate_per_second=100_000,
                                      rate_burst=100_000)
    async with RewardsClient.connect(server.target, Credentials("org-test", client_id, secret),
                                     timeout_s=60) as client:
        yield client


async def test_200_concurrent_issues_over_a_pool_of_150_issue_each_code_exactly_once(unlimited_client, stores):
    client = unlimited_client
    series = await new_series(client)
    await generate(client, series.code_series_id, 150)

    results = await asyncio.gather(*(issue(client, series.offer_id) for _ in range(200)), return_exceptions=True)

    coupons_issued = [result for result in results if isinstance(result, resources.Coupon)]
    reasons = [result.reason for result in results if not isinstance(result, resources.Coupon)]
    assert len(coupons_issued) == 150 and reasons == ["CODES_EXHAUSTED"] * 50
    assert len({coupon.code for coupon in coupons_issued}) == 150
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute("SELECT code FROM coupons WHERE offer_id = %s", (series.offer_id,)).fetchall()
    assert len(rows) == len(set(rows)) == 150
    assert {code for code, issued in series_codes(stores, series.code_series_id) if issued} == {
        coupon.code for coupon in coupons_issued}
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 0
    with redis.Redis.from_url(stores.redis_url) as store:  # Every drawn code was settled.
        assert not any(store.hlen(key) for key in store.keys(f"rewards:{{o:{series.offer_id}}}:pool-drawn:*"))


async def test_an_issue_retried_with_its_request_id_gets_the_same_code(client):
    series = await new_series(client)
    await generate(client, series.code_series_id, 5)
    request = coupons.IssueCouponRequest(request_id=uuid.uuid4().hex, offer_id=series.offer_id,
                                         account_id=await new_account(client))

    first = await client.call(client.coupons.IssueCoupon, request)
    again = await client.call(client.coupons.IssueCoupon, request)

    assert first.coupon.code == again.coupon.code
    assert len({(await issue(client, series.offer_id)).code for _ in range(4)} | {first.coupon.code}) == 5


async def test_an_offer_without_series_still_gets_random_codes_and_they_are_org_unique(client, stores):
    offer_id = await new_offer(client)

    coupon = await issue(client, offer_id)

    assert len(coupon.code) == 10
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT coupon_id::text FROM org_codes WHERE org_id = 'org-test' AND code = %s",
                                  (coupon.code,)).fetchone() == (coupon.coupon_id,)


@pytest.fixture
def own_server(stores):
    """A server of its own on its own Redis and database (flushing Redis bumps the database's
    epoch, which must not disturb the session's server), with an API client of its own."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-codes-", dir="/tmp"))
    store = EmbeddedRedis(data_dir / "redis")
    redis_url, database_url = store.start(), stores.create_database()
    migrate(database_url)
    process = ServerProcess(data_dir, redis_url=redis_url, database_url=database_url)
    process.redis_url, process.database_url = redis_url, database_url
    process.credentials = Credentials("org-test", *create_client(database_url, "org-test", ALL_SCOPES))
    try:
        yield process.start()
    finally:
        process.kill()
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


async def test_after_a_redis_flush_the_pool_is_rebuilt_from_postgres_without_the_issued_codes(own_server):
    async with RewardsClient.connect(own_server.target, own_server.credentials, timeout_s=60) as client:
        await ensure_program(client, "prog")
        series = await new_series(client)
        await generate(client, series.code_series_id, 10)
        before = [await issue(client, series.offer_id) for _ in range(3)]

        with redis.Redis.from_url(own_server.redis_url) as flushed:
            flushed.flushall()
        after = [await issue(client, series.offer_id) for _ in range(7)]
        exhausted = await reason_of(issue(client, series.offer_id))

    codes = {coupon.code for coupon in before + after}
    assert len(codes) == 10 and exhausted == "CODES_EXHAUSTED"
    with psycopg.connect(own_server.database_url) as connection:
        assert {code for (code,) in connection.execute("SELECT code FROM org_codes WHERE code_series_id = %s",
                                                       (series.code_series_id,))} == codes


async def test_common_codes_and_series_codes_never_share_a_code_in_the_organisation(client, credentials):
    series = await new_series(client, type=IMPORTED)
    imported, common = "S-" + uuid.uuid4().hex.upper(), "C-" + uuid.uuid4().hex.upper()
    await import_codes(client, credentials, [[imported]], series.code_series_id)
    common_series = await new_series(client, type=resources.CODE_SERIES_TYPE_COMMON, common_code=common)

    taken = await reason_of(new_series(client, type=resources.CODE_SERIES_TYPE_COMMON, common_code=imported))
    again = await new_series(client, common_series.offer_id, type=resources.CODE_SERIES_TYPE_COMMON,
                             common_code=common)
    response = await import_codes(client, credentials, [[common]], series.code_series_id)

    assert taken == "CODE_ALREADY_EXISTS" and again.common_code == common
    assert [(row.row_index, row.reason) for row in response.rejected_rows] == [(0, "DUPLICATE_CODE")]


async def test_a_prefix_series_issues_its_codes(client):
    series = await new_series(client, type=PREFIXED, sample_code=letters(4) + "123")
    await generate(client, series.code_series_id, 10)  # 1% of 36**4

    coupon = await issue(client, series.offer_id)

    assert coupon.code.startswith(series.prefix) and len(coupon.code) == 7


async def test_bulk_issue_rows_draw_from_the_pool_too(client, credentials):
    series = await new_series(client, type=IMPORTED)
    codes = ["B-" + uuid.uuid4().hex.upper() for _ in range(2)]
    await import_codes(client, credentials, [codes], series.code_series_id)
    rows = [coupons.BulkIssueCouponsRequest.Row(account_id=account) for account in await new_accounts(client, 3)]

    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=series.offer_id, rows=rows)])

    assert sorted(row.coupon.code for row in reply.rows if row.coupon.code) == sorted(codes)
    # Rows of different accounts run concurrently: which one finds the pool empty is not ordered.
    assert sorted(row.reason for row in reply.rows) == ["", "", "CODES_EXHAUSTED"]


async def test_a_code_drawn_by_an_issue_that_died_returns_to_the_pool_after_its_deadline(stores, client):
    from core.service.coupons.pools import sweep_drawn_codes

    series = await new_series(client)
    await generate(client, series.code_series_id, 2)
    offer_id, series_id = series.offer_id, series.code_series_id
    with redis.Redis.from_url(stores.redis_url) as store:
        epoch = int(store.get(f"rewards:{{o:{offer_id}}}:epoch"))
        # An issue drew a code, then its worker died before committing or giving it back.
        code = store.spop(f"rewards:{{o:{offer_id}}}:pool:{series_id}").decode()
        store.hset(f"rewards:{{o:{offer_id}}}:pool-drawn:{epoch}", code, f"{series_id}|1")
    deps = await _sweep_deps(stores)
    try:
        returned = await sweep_drawn_codes(deps, [offer_id], epoch, now_ms=2)
    finally:
        await deps.redis.aclose()
        await deps.pool.close()

    assert returned == 1 and pool_size(stores.redis_url, offer_id, series_id) == 2
    issued = {(await issue(client, offer_id)).code for _ in range(2)}
    assert code in issued and len(issued) == 2


async def _sweep_deps(stores):
    """What the sweep needs of a worker: Postgres, Redis and the scripts."""
    from types import SimpleNamespace

    from psycopg_pool import AsyncConnectionPool

    from core.adapters.redis import connect
    from core.adapters.redis.scripts import Scripts

    pool = AsyncConnectionPool(stores.database_url, min_size=1, max_size=2, open=False)
    await pool.open()
    client = connect(stores.redis_url)
    return SimpleNamespace(pool=pool, redis=client, scripts=Scripts(client))


async def test_imported_codes_go_to_named_customers_by_bulk_issue_and_the_rest_to_issue(client, credentials, stores):
    series = await new_series(client, type=IMPORTED)
    codes = sorted("C-" + uuid.uuid4().hex.upper() for _ in range(3))
    await import_codes(client, credentials, [codes], series.code_series_id)
    Row = coupons.BulkIssueCouponsRequest.Row
    named = await new_account(client)

    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=series.offer_id,
        rows=[Row(account_id=named, code=codes[0].lower()), Row(account_id=await new_account(client), code=codes[0])])])
    drawn = [await issue(client, series.offer_id) for _ in range(2)]
    exhausted = await reason_of(issue(client, series.offer_id))

    assert [row.reason for row in reply.rows] == ["", "DUPLICATE_CODE"]
    assert (reply.rows[0].coupon.code, reply.rows[0].coupon.account_id) == (codes[0], named)
    assert sorted(coupon.code for coupon in drawn) == codes[1:]
    assert exhausted == "CODES_EXHAUSTED"
    assert all(issued for _, issued in series_codes(stores, series.code_series_id))
