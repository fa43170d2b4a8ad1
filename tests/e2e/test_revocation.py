"""RevokeCoupons with code series over gRPC: UNISSUED_ONLY and ALL_UNREDEEMED revoke the offer's
unissued pooled codes too (exact counts, nothing left to issue, never brought back by a pool
rebuild, never issued while issues race the revocation), redeemed coupons are never revoked, and
a revoked coupon's code is transferred to another customer by uploading it again."""

from __future__ import annotations

import asyncio
import uuid

import psycopg
import pytest
import redis
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient
from tests.e2e.test_code_series import IMPORTED, generate, import_codes, new_series
from tests.e2e.builders import reason_of, redeem

Row = coupons.BulkIssueCouponsRequest.Row
UNISSUED_ONLY = offers.REVOCATION_MODE_UNISSUED_ONLY
ALL_UNREDEEMED = offers.REVOCATION_MODE_ALL_UNREDEEMED


async def new_account(client: RewardsClient) -> str:
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(program_id="prog"))
    return created.account.account_id


async def issue(client: RewardsClient, offer_id: str, account_id: str | None = None) -> resources.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account_id or await new_account(client)))).coupon


async def get(client: RewardsClient, code: str, account_id: str) -> resources.Coupon:
    return (await client.call(client.coupons.GetCoupon, coupons.GetCouponRequest(
        code=code, account_id=account_id))).coupon


def revoke(offer_id: str, mode: int, request_id: str = "") -> offers.RevokeCouponsRequest:
    return offers.RevokeCouponsRequest(request_id=request_id or uuid.uuid4().hex, offer_id=offer_id, mode=mode)


def codes(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{uuid.uuid4().hex[:12].upper()}" for _ in range(count)]


def pooled(stores, offer_id: str, series_ids: list[str]) -> set[str]:
    """The codes the Redis pools of the series hold."""
    with redis.Redis.from_url(stores.redis_url) as store:
        return {code.decode() for series_id in series_ids
                for code in store.smembers(f"rewards:{{o:{offer_id}}}:pool:{series_id}")}


def revoked_codes(stores, offer_id: str) -> set[str]:
    """The unissued codes of the offer Postgres holds revoked."""
    with psycopg.connect(stores.database_url) as connection:
        return {code for (code,) in connection.execute(
            "SELECT code FROM org_codes o JOIN code_series s USING (code_series_id) WHERE s.offer_id = %s"
            " AND o.coupon_id IS NULL AND o.revoke_time IS NOT NULL", (offer_id,))}


async def filled_offer(client: RewardsClient, credentials, imported: int, generated: int):
    """An ACTIVE offer with an IMPORTED series (the older: drawn first) and a generated one."""
    first = await new_series(client, type=IMPORTED)
    sent = codes("RV", imported)
    reply = await import_codes(client, credentials, [sent], first.code_series_id)
    assert reply.imported_count == imported
    second = await new_series(client, first.offer_id)
    if generated:
        await generate(client, second.code_series_id, generated)
    return first.offer_id, [first.code_series_id, second.code_series_id], set(sent)


async def test_unissued_only_revokes_exactly_the_pooled_codes_and_leaves_issued_coupons_alone(client, credentials,
                                                                                            stores):
    offer_id, series_ids, imported = await filled_offer(client, credentials, imported=5, generated=3)
    redeemed, kept = await issue(client, offer_id), await issue(client, offer_id)
    await client.call(client.coupons.RedeemCoupon, redeem(redeemed.code, redeemed.account_id))
    request = revoke(offer_id, UNISSUED_ONLY)

    first, retry = [await client.call(client.offers.RevokeCoupons, request) for _ in range(2)]
    exhausted = await reason_of(issue(client, offer_id))

    assert {redeemed.code, kept.code} <= imported  # The imported series is drawn first.
    assert (first.revoked_count, first.redeemed_count) == (6, 0) and retry == first
    assert exhausted == "CODES_EXHAUSTED"
    assert pooled(stores, offer_id, series_ids) == set()
    revoked = revoked_codes(stores, offer_id)
    assert len(revoked) == 6 and revoked >= imported - {redeemed.code, kept.code}
    assert (await get(client, redeemed.code, redeemed.account_id)).state == resources.COUPON_STATE_REDEEMED
    assert (await get(client, kept.code, kept.account_id)).state == resources.COUPON_STATE_ACTIVE
    # Nothing is left to revoke.
    again = await client.call(client.offers.RevokeCoupons, revoke(offer_id, UNISSUED_ONLY))
    assert (again.revoked_count, again.redeemed_count) == (0, 0)


async def test_all_unredeemed_revokes_issued_coupons_and_unissued_codes_but_never_a_redeemed_one(client, credentials,
                                                                                              stores):
    offer_id, series_ids, _ = await filled_offer(client, credentials, imported=4, generated=2)
    redeemed, held = await issue(client, offer_id), await issue(client, offer_id)
    await client.call(client.coupons.RedeemCoupon, redeem(redeemed.code, redeemed.account_id))

    result = await client.call(client.offers.RevokeCoupons, revoke(offer_id, ALL_UNREDEEMED))
    exhausted = await reason_of(issue(client, offer_id))
    refused = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(held.code, held.account_id)))

    assert (result.revoked_count, result.redeemed_count) == (1 + 4, 1)  # The held coupon and 2 + 2 codes.
    assert exhausted == "CODES_EXHAUSTED" and refused == "COUPON_REVOKED"
    assert pooled(stores, offer_id, series_ids) == set() and len(revoked_codes(stores, offer_id)) == 4
    kept = await get(client, redeemed.code, redeemed.account_id)
    assert kept.state == resources.COUPON_STATE_REDEEMED and not kept.HasField("revoke_time")
    assert (await get(client, held.code, held.account_id)).state == resources.COUPON_STATE_REVOKED


async def test_a_pool_reloaded_from_postgres_never_brings_revoked_codes_back(client, credentials, stores):
    offer_id, series_ids, imported = await filled_offer(client, credentials, imported=3, generated=0)
    await client.call(client.offers.RevokeCoupons, revoke(offer_id, UNISSUED_ONLY))
    with redis.Redis.from_url(stores.redis_url) as store:
        # As if the worker died between the commit and taking the codes out of Redis: the pool
        # still holds one (Postgres refuses it to the issue, which draws again) ...
        store.sadd(f"rewards:{{o:{offer_id}}}:pool:{series_ids[0]}", sorted(imported)[0])
        stale = await reason_of(issue(client, offer_id))
        # ... and the offer's state is reloaded from Postgres.
        store.delete(f"rewards:{{o:{offer_id}}}:epoch")
    reloaded = await reason_of(issue(client, offer_id))

    assert (stale, reloaded) == ("CODES_EXHAUSTED", "CODES_EXHAUSTED")
    assert pooled(stores, offer_id, series_ids) == set()
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM coupons WHERE offer_id = %s", (offer_id,)).fetchone()[0] == 0


async def test_a_revocation_racing_issues_never_lets_a_revoked_code_be_issued(client, stores):
    series = await new_series(client)
    await generate(client, series.code_series_id, 120)
    accounts = [await new_account(client) for _ in range(60)]

    async def one(account_id: str):
        try:
            return await issue(client, series.offer_id, account_id)
        except Exception as error:  # noqa: BLE001 - the reason is checked below
            return getattr(error, "reason", repr(error))

    issues = [asyncio.create_task(one(account_id)) for account_id in accounts]
    await asyncio.sleep(0.05)
    revocation = await client.call(client.offers.RevokeCoupons, revoke(series.offer_id, UNISSUED_ONLY))
    results = await asyncio.gather(*issues)
    after = await reason_of(issue(client, series.offer_id))

    issued = [result for result in results if isinstance(result, resources.Coupon)]
    assert {result for result in results if not isinstance(result, resources.Coupon)} <= {"CODES_EXHAUSTED"}
    issued_codes = {coupon.code for coupon in issued}
    revoked = revoked_codes(stores, series.offer_id)
    assert len(issued_codes) == len(issued) and not issued_codes & revoked
    assert len(issued) + revocation.revoked_count == 120 and len(revoked) == revocation.revoked_count
    assert after == "CODES_EXHAUSTED" and pooled(stores, series.offer_id, [series.code_series_id]) == set()
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute("SELECT code, revoke_time IS NULL FROM coupons WHERE offer_id = %s",
                                  (series.offer_id,)).fetchall()
    assert {code for code, _ in rows} == issued_codes and all(live for _, live in rows)


# --- transfer: revoke, then upload the same code for the intended customer --------------------


async def revoked_coupon(client: RewardsClient, credentials) -> tuple[str, str, resources.Coupon]:
    """An offer whose one imported code was issued to an account and then revoked."""
    series = await new_series(client, type=IMPORTED)
    [code] = codes("TR", 1)
    await import_codes(client, credentials, [[code]], series.code_series_id)
    coupon = await issue(client, series.offer_id)
    await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(code=code, account_id=coupon.account_id))
    return series.offer_id, series.code_series_id, coupon


async def test_a_revoked_code_uploaded_in_a_bulk_row_is_transferred_to_the_new_customer(client, credentials):
    offer_id, _, old = await revoked_coupon(client, credentials)
    new_holder = await new_account(client)

    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=offer_id, rows=[Row(account_id=new_holder, code=old.code)])])
    [row] = reply.rows
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(old.code, new_holder))
    old_holder_redeems = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(old.code, old.account_id)))

    assert row.reason == "" and row.coupon.code == old.code and row.coupon.account_id == new_holder
    assert row.coupon.coupon_id != old.coupon_id and redeemed.reward.discount_amount.amount_minor == 500
    assert old_holder_redeems == "COUPON_REVOKED"
    assert (await get(client, old.code, old.account_id)).state == resources.COUPON_STATE_REVOKED
    assert (await get(client, old.code, new_holder)).state == resources.COUPON_STATE_REDEEMED
    # Now redeemed, the code cannot be transferred again.
    [again] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=offer_id, rows=[Row(account_id=await new_account(client),
                                                                  code=old.code)])])
    assert again.rows[0].reason == "DUPLICATE_CODE"


async def test_a_revoked_code_imported_again_is_issued_to_the_next_customer(client, credentials):
    offer_id, series_id, old = await revoked_coupon(client, credentials)
    exhausted = await reason_of(issue(client, offer_id))

    reply = await import_codes(client, credentials, [[old.code]], series_id)
    new_holder = await new_account(client)
    transferred = await issue(client, offer_id, new_holder)

    assert exhausted == "CODES_EXHAUSTED"
    assert (reply.imported_count, reply.rejected_count) == (1, 0)
    assert transferred.code == old.code and transferred.account_id == new_holder
    assert (await get(client, old.code, old.account_id)).state == resources.COUPON_STATE_REVOKED
    assert (await get(client, old.code, new_holder)).state == resources.COUPON_STATE_ACTIVE
    # Uploading a code that is issued (not revoked) again is still a duplicate.
    duplicate = await import_codes(client, credentials, [[old.code]], series_id)
    assert (duplicate.imported_count, [row.reason for row in duplicate.rejected_rows]) == (0, ["DUPLICATE_CODE"])


async def test_a_redeemed_code_is_never_revoked_nor_uploaded_again(client, credentials):
    series = await new_series(client, type=IMPORTED)
    [code] = codes("RD", 1)
    await import_codes(client, credentials, [[code]], series.code_series_id)
    coupon = await issue(client, series.offer_id)
    await client.call(client.coupons.RedeemCoupon, redeem(code, coupon.account_id))

    refused = await reason_of(client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(
        code=code, account_id=coupon.account_id)))
    imported = await import_codes(client, credentials, [[code]], series.code_series_id)
    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=series.offer_id,
        rows=[Row(account_id=await new_account(client), code=code)])])

    assert refused == "COUPON_ALREADY_REDEEMED"
    assert [row.reason for row in imported.rejected_rows] == ["DUPLICATE_CODE"]
    assert reply.rows[0].reason == "DUPLICATE_CODE"


@pytest.mark.parametrize("upload", ["import", "bulk"])
async def test_an_unissued_code_revoked_in_its_pool_may_be_uploaded_again(client, credentials, upload):
    series = await new_series(client, type=IMPORTED)
    [code] = codes("UP", 1)
    await import_codes(client, credentials, [[code]], series.code_series_id)
    revoked = await client.call(client.offers.RevokeCoupons, revoke(series.offer_id, UNISSUED_ONLY))
    holder = await new_account(client)

    if upload == "import":
        assert (await import_codes(client, credentials, [[code]], series.code_series_id)).imported_count == 1
        coupon = await issue(client, series.offer_id, holder)
    else:
        [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
            request_id=uuid.uuid4().hex, offer_id=series.offer_id, rows=[Row(account_id=holder, code=code)])])
        assert reply.rows[0].reason == ""
        coupon = reply.rows[0].coupon

    assert revoked.revoked_count == 1
    assert coupon.code == code and coupon.account_id == holder
    assert (await get(client, code, holder)).state == resources.COUPON_STATE_ACTIVE


async def test_a_code_drawn_by_an_issue_in_flight_and_revoked_meanwhile_never_returns_to_the_pool(client, stores):
    from core.service.coupons.pools import sweep_drawn_codes
    from tests.e2e.test_code_series import _sweep_deps

    series = await new_series(client)
    await generate(client, series.code_series_id, 2)
    offer_id, series_id = series.offer_id, series.code_series_id
    with redis.Redis.from_url(stores.redis_url) as store:
        epoch = int(store.get(f"rewards:{{o:{offer_id}}}:epoch"))
        # An issue drew a code (it is noted as drawn), then its worker died before settling it.
        code = store.spop(f"rewards:{{o:{offer_id}}}:pool:{series_id}").decode()
        store.hset(f"rewards:{{o:{offer_id}}}:pool-drawn:{epoch}", code, f"{series_id}|1")
    revocation = await client.call(client.offers.RevokeCoupons, revoke(offer_id, UNISSUED_ONLY))
    deps = await _sweep_deps(stores)
    try:
        returned = await sweep_drawn_codes(deps, [offer_id], epoch, now_ms=2)
        # Even a settlement that read the code as unissued before the revocation committed
        # (give it back: "1") finds it no longer drawn, and leaves it out of the pool.
        late = await deps.scripts.run("code_pool_release", [
            f"rewards:{{o:{offer_id}}}:epoch", f"rewards:{{o:{offer_id}}}:pool-drawn:{epoch}",
            f"rewards:{{o:{offer_id}}}:pool:{series_id}"], [epoch, code, 1])
    finally:
        await deps.redis.aclose()
        await deps.pool.close()

    assert revocation.revoked_count == 2 and code in revoked_codes(stores, offer_id)
    assert (returned, late) == (0, 0) and pooled(stores, offer_id, [series_id]) == set()
    assert await reason_of(issue(client, offer_id)) == "CODES_EXHAUSTED"
