"""Round trips of the points and checkout codecs: wallet script replies and registry entries
(core/adapters/redis/wallets.py), wallet holds as baskets store them, the ledger and basket rows
the writer commits (by column name), and the stored replies of points movements."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid

from hypothesis import given
from hypothesis import strategies as st

from core.adapters.postgres.baskets import basket_refund_row
from core.adapters.postgres.points_ledger import award_row, referral_row, transaction_row
from core.adapters.redis.wallets import (RegistryEntry, Reservation, ReserveOutcome, WalletHold, WalletState,
                                         held_otp, otp_key, refund_field, registry_bucket_key, registry_key,
                                         registry_member, wallet_keys)
from core.domain.checkout import BasketRefund, ReturnedLine
from core.service.checkout.holds import BasketHolds, CouponHold
from core.domain.loyalty import TransactionState, TransactionType
from core.service.points.results import Movement, PointsTransaction
from core.service.points.wallets import Wallets

ids = st.uuids().map(str)
points = st.integers(-10**12, 10**12)
epochs = st.integers(1, 10**9)
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="|"), max_size=40)
times = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                     timezones=st.just(dt.timezone.utc))
maybe_times = st.none() | times


@given(st.sampled_from(ReserveOutcome), st.integers(-10**12, 10**12))
def test_a_reserve_reply_decodes_to_its_outcome_and_figure(outcome, value):
    assert Reservation.decode([int(outcome), value]) == Reservation(outcome, value)
    assert Reservation.decode([str(int(outcome)).encode()]) == Reservation(outcome, 0)


@given(st.none() | epochs, st.integers(-10**12, 10**12), st.none() | st.integers(0, 10**13))
def test_a_wallet_hash_decodes_from_its_redis_fields(epoch, balance, next_expiry):
    fields = [str(epoch).encode() if epoch is not None else None, str(balance).encode(),
              str(next_expiry).encode() if next_expiry is not None else b""]
    assert WalletState.decode(fields) == WalletState(epoch, balance, next_expiry)


@given(ids, epochs, st.text(min_size=1, max_size=30), texts)
def test_a_registry_member_round_trips_and_keeps_its_shard(account_id, epoch, client_id, request_id):
    request_key = f"{client_id}:{request_id}"
    hold = WalletHold(account_id, epoch, request_key, -5)
    member = hold.member.encode()
    bucket = int(account_id[:8], 16) % 16

    entry = RegistryEntry.decode(bucket, member)

    assert (entry.account_id, entry.epoch, entry.request_key) == (account_id, str(epoch), request_key)
    assert entry.member == hold.member == registry_member(account_id, epoch, request_key)
    assert registry_key(account_id) == registry_bucket_key(entry.bucket)


@given(points, st.integers(0, 10**13), st.booleans(), ids, ids)
def test_the_otp_of_a_reservation_is_read_back_from_the_value_wallet_reserve_stores(delta, deadline, with_otp,
                                                                                   account_id, earn_id):
    otp = otp_key(account_id, str(uuid.uuid4())) if with_otp else ""
    # wallet_reserve.lua: ARGV[3] .. '|' .. ARGV[4] .. '|' .. (otp or '') .. '|' .. refund
    value = f"{delta}|{deadline}|{otp}|{refund_field(earn_id)}".encode()
    assert held_otp(value) == otp
    assert held_otp(None) == ""


def test_the_key_layout_is_unchanged():
    account = "0f0e0d0c-0000-0000-0000-000000000000"
    assert wallet_keys(account, 3) == [f"rewards:{{a:{account}}}:w", f"rewards:{{a:{account}}}:res:3"]
    assert otp_key(account, "o") == f"rewards:{{a:{account}}}:otp:o"
    assert registry_key(account) == f"rewards:{{wr:{0x0f0e0d0c % 16}}}:pending"
    assert refund_field("e") == "rf:e"


@given(ids, epochs, texts, points, st.none() | st.text(max_size=60), st.none() | st.integers(0, 10**13), texts)
def test_a_wallet_hold_round_trips_through_a_baskets_stored_holds(account_id, epoch, request_key, delta, otp,
                                                                 expire_ms, refund):
    hold = WalletHold(account_id, epoch, request_key, delta, otp, expire_ms if expire_ms is not None else "", refund)
    stored = json.loads(json.dumps({"wallet": dataclasses.asdict(hold)}))
    assert Wallets.hold_of(stored["wallet"]) == hold


transactions = st.builds(
    PointsTransaction, points_transaction_id=ids, account_id=ids, type=st.sampled_from(TransactionType).map(int),
    points=points, create_time=times, regular_points=points, bonus_points=points, reward_points=points,
    store_id=texts, transaction_id=texts, bill_minor=st.none() | st.integers(0, 10**12), currency_code=texts,
    refunded_transaction_id=texts, refunded_points=st.integers(0, 10**12), note=texts, expire_time=maybe_times,
    state=st.sampled_from(TransactionState).map(int),
    lines=st.lists(st.tuples(texts, st.integers(1, 999), st.integers(0, 10**9)), max_size=3).map(tuple),
    client_id=texts, operator=texts, voided_id=texts, voided_client_id=texts, voided_operator=texts,
    voided_time=maybe_times)


@given(st.lists(transactions, min_size=1, max_size=3), st.integers(-10**12, 10**12))
def test_a_movement_round_trips_through_its_stored_reply(posted, available):
    movement = Movement(tuple(posted), available)
    assert Movement.from_json(json.loads(json.dumps(movement.to_json()))) == movement


@given(transactions, ids, epochs, texts, texts, st.booleans(), st.none() | ids, st.none() | ids)
def test_a_ledger_row_holds_each_field_under_its_own_column(t, org_id, epoch, debit, credit, overdraft, tier_id,
                                                           rule_id):
    row = transaction_row(
        points_transaction_id=t.points_transaction_id, org_id=org_id, program_id="p", account_id=t.account_id,
        type=t.type, state=t.state, debit_account=debit, credit_account=credit, points=t.points,
        create_time=t.create_time, request_id="r", client_id=t.client_id, epoch=epoch,
        regular_points=t.regular_points, bonus_points=t.bonus_points, reward_points=t.reward_points,
        store_id=t.store_id, transaction_id=t.transaction_id, bill_minor=t.bill_minor, currency_code=t.currency_code,
        refunded_transaction_id=t.refunded_transaction_id, overdraft=overdraft, note=t.note,
        expire_time=t.expire_time, tier_id=tier_id, earn_rule_id=rule_id, lines=t.lines, operator=t.operator)
    values = dict(zip(row.columns, row.values, strict=True))

    assert row.table == "points_transactions" and len(set(row.columns)) == len(row.columns)
    assert (values["points_transaction_id"], values["account_id"], values["org_id"]) == (
        t.points_transaction_id, t.account_id, org_id)
    assert (values["type"], values["state"], values["points"], values["amount"]) == (
        t.type, t.state, t.points, abs(t.points))
    assert (values["debit_account"], values["credit_account"], values["epoch"]) == (debit, credit, epoch)
    assert (values["regular_points"], values["bonus_points"], values["reward_points"]) == (
        t.regular_points, t.bonus_points, t.reward_points)
    assert (values["store_id"], values["transaction_id"], values["currency_code"], values["note"],
            values["operator"], values["refunded_transaction_id"]) == (
        t.store_id or None, t.transaction_id or None, t.currency_code or None, t.note or None, t.operator or None,
        t.refunded_transaction_id or None)
    assert (values["bill_minor"], values["expire_time"], values["create_time"]) == (
        t.bill_minor, t.expire_time, t.create_time)
    assert (values["overdraft"], values["tier_id"], values["earn_rule_id"], values["client_id"]) == (
        overdraft, tier_id, rule_id, t.client_id)
    assert (values["lines"].obj if t.lines else values["lines"]) == ([list(line) for line in t.lines] or None)


@given(ids, ids, texts, ids, times)
def test_award_and_referral_rows_hold_each_field_under_its_own_column(program_id, tx, key, other, when):
    award = award_row(org_id="o", program_id=program_id, award_key=key, points_transaction_id=tx)
    assert dict(zip(award.columns, award.values)) == {"org_id": "o", "program_id": program_id, "award_key": key,
                                                      "points_transaction_id": tx}
    referral = referral_row(org_id="o", program_id=program_id, referee_account_id=tx, referrer_account_id=other,
                            points_transaction_id=key, create_time=when)
    assert dict(zip(referral.columns, referral.values)) == {
        "org_id": "o", "program_id": program_id, "referee_account_id": tx, "referrer_account_id": other,
        "points_transaction_id": key, "create_time": when}


@given(ids, st.integers(1, 50), st.lists(st.tuples(st.integers(0, 99), st.integers(1, 9)), max_size=4),
       st.integers(0, 10**9), st.integers(0, 10**9), st.none() | ids, st.lists(ids, max_size=3), times)
def test_a_basket_refund_row_holds_the_refund_it_was_built_from(basket_id, seq, lines, returned, refunded, tx,
                                                                reversed_ids, when):
    refund = BasketRefund(str(uuid.uuid4()), tuple(ReturnedLine(*line) for line in lines), returned, refunded,
                          tx or "", tuple(reversed_ids), when)
    row = basket_refund_row(basket_id=basket_id, refund_seq=seq, refund=refund, request_id="r", client_id="c")
    values = dict(zip(row.columns, row.values, strict=True))

    assert (values["basket_id"], values["refund_seq"], values["refund_id"]) == (basket_id, seq, refund.refund_id)
    assert values["lines"].obj == [{"line_index": i, "item_count": n} for i, n in lines]
    assert (values["returned_minor"], values["refunded_points"], values["refund_time"]) == (returned, refunded, when)
    assert values["refund_points_transaction_id"] == (tx or None)
    assert [str(rid) for rid in values["reversed_redemption_ids"]] == reversed_ids


coupon_holds = st.builds(CouponHold, index=st.integers(0, 9), keys=st.lists(texts, max_size=4).map(tuple),
                         request_key=texts, epoch=epochs,
                         row=st.dictionaries(st.sampled_from(["code", "offer_id", "epoch"]), texts | epochs))
wallet_holds = st.builds(WalletHold, account_id=ids, epoch=epochs, request_key=texts, delta=points,
                         otp=st.none() | texts, expire_ms=st.just("") | st.integers(0, 10**13), refund=texts)


@given(st.lists(coupon_holds, max_size=3).map(tuple), st.none() | wallet_holds, st.booleans(), texts,
       st.none() | st.tuples(texts, texts, texts), st.none() | ids)
def test_a_baskets_holds_round_trip_through_its_stored_json(coupons, wallet, earn, card, location, burn_id):
    holds = BasketHolds(coupons, wallet, earn, card, location, burn_id or "")
    stored = json.loads(json.dumps(holds.to_json()))

    assert BasketHolds.from_json(stored, burn_id or "") == holds
    assert set(stored) == {"coupons", "wallet", "earn", "card", "location"}  # the burn id is the row's own column
