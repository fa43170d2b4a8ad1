"""Round trips through the real stores: a ledger row built by transaction_row, committed by the
ledger writer, reads back through PointsLedgerStore as the transaction it was built from; a basket
row reads back through BasketStore; a wallet loaded by WalletCache reads back as it was loaded.
(PENDING transactions: the ledger trigger moves no balance for them, so any field values fit.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.adapters.postgres.baskets import BasketStore, basket_row
from core.adapters.postgres.ledger_writer import LedgerWrite
from core.adapters.postgres.points_ledger import PointsLedgerStore
from core.adapters.redis.wallets import WalletCache
from core.domain.loyalty import TransactionState, TransactionType
from core.service.points.credits import posted_row
from core.service.context import Caller
from core.service.points.results import PointsTransaction

EXAMPLES = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
times = st.datetimes(min_value=dt.datetime(2001, 1, 1), max_value=dt.datetime(2099, 1, 1),
                     timezones=st.just(dt.timezone.utc))
amounts = st.integers(0, 10**12)

pending = st.builds(
    PointsTransaction, points_transaction_id=st.just(""), account_id=st.just(""),
    type=st.sampled_from(TransactionType).map(int), points=st.integers(-10**12, 10**12), create_time=times,
    regular_points=amounts, bonus_points=amounts, reward_points=amounts, store_id=texts, transaction_id=texts,
    bill_minor=st.none() | amounts, currency_code=texts, note=texts, expire_time=st.none() | times,
    state=st.just(int(TransactionState.PENDING)),
    lines=st.lists(st.tuples(texts, st.integers(1, 999), amounts), max_size=3).map(tuple),
    client_id=st.text("abcdef0123456789", min_size=1, max_size=12), operator=texts)


async def epoch_of(deps) -> int:
    async with deps.pool.connection() as connection:
        (epoch,) = await (await connection.execute("SELECT epoch FROM redis_epoch")).fetchone()
    return epoch


@EXAMPLES
@given(pending)
async def test_a_ledger_row_reads_back_as_the_transaction_it_was_built_from(deps, transaction):
    # Fresh ids each time: a shrinking run replays examples in the same database.
    transaction = dataclasses.replace(transaction, points_transaction_id=str(uuid.uuid4()),
                                      account_id=str(uuid.uuid4()))
    caller = Caller(client_id=transaction.client_id, org_id="org-" + uuid.uuid4().hex[:8])
    row = posted_row(caller, uuid.uuid4().hex, "p", transaction, await epoch_of(deps), debit="a", credit="b")

    await deps.writer.submit(LedgerWrite((row,)))
    found = await PointsLedgerStore(deps.pool).transaction(caller.org_id, transaction.points_transaction_id)

    assert found is not None and found.program_id == "p" and found.amount == abs(transaction.points)
    assert PointsTransaction.of(found) == transaction


@EXAMPLES
@given(texts, texts, st.booleans(), times, st.dictionaries(st.text(st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=5), st.integers(), max_size=3))  # jsonb has no NUL
async def test_a_basket_row_reads_back_as_it_was_stored(deps, store_id, transaction_id, earn, when, extra):
    basket_id, org_id = str(uuid.uuid4()), "org-" + uuid.uuid4().hex[:8]
    detail = {"basket_id": basket_id, "extra": extra}
    holds = {"coupons": [], "wallet": None, "earn": earn, "card": "", "location": [store_id, "", ""]}
    row = basket_row(basket_id=basket_id, org_id=org_id, program_id="p", account_id=str(uuid.uuid4()),
                     store_id=store_id, transaction_id=transaction_id, burned_points=0, burn_transaction_id=None,
                     burn_request_id=None, detail=detail, holds=holds, authorize_time=when,
                     expire_time=when + dt.timedelta(minutes=5), request_id="r", client_id="c",
                     epoch=await epoch_of(deps))

    await deps.writer.submit(LedgerWrite((row,)))
    found = await BasketStore(deps.pool).basket(basket_id, org_id)

    assert (found.basket_id, found.detail, found.holds, found.program_id, found.state) == (
        basket_id, detail, holds, "p", 1)
    assert (found.authorize_time, found.capture_time, found.burn_transaction_id, found.refunds) == (
        when, None, None, ())
    assert await BasketStore(deps.pool).basket(basket_id, "another-org") is None


@EXAMPLES
@given(st.integers(-10**12, 10**12), st.none() | st.integers(0, 10**13), st.integers(1, 10**6))
async def test_a_loaded_wallet_reads_back_as_it_was_loaded(deps, available, next_expiry_ms, epoch):
    cache, account_id = WalletCache(deps.redis, deps.scripts), str(uuid.uuid4())

    assert await cache.load(account_id=account_id, epoch=epoch, available=available,
                            next_expiry_ms=next_expiry_ms if next_expiry_ms is not None else "")
    assert not await cache.load(account_id=account_id, epoch=epoch, available=available + 1, next_expiry_ms="")

    state = await cache.state(account_id)
    assert (state.epoch, state.balance, state.next_expiry_ms) == (epoch, available, next_expiry_ms)
