"""The points ledger's invariants, checked after tests that move points and after every session."""

from __future__ import annotations

import psycopg

from core.adapters.redis.client import connect_sync


def check_ledger(database_url: str, redis_url: str) -> None:
    """The ledger sums to zero; every wallet row equals its transfers and its lots; each redemption's
    spent lot parts equal its points and their restored parts its refunds; every Redis
    wallet loaded under the current epoch has no reservation left and equals Postgres, its
    balance and each earn's refunded points."""
    with psycopg.connect(database_url) as connection:
        (total,) = connection.execute(
            "SELECT coalesce(sum(balance), 0) FROM (SELECT credit_account, amount AS balance"
            " FROM points_transactions WHERE state = 2 UNION ALL"
            " SELECT debit_account, -amount FROM points_transactions WHERE state = 2) ledger").fetchone()
        assert total == 0
        mismatched = connection.execute(
            "SELECT w.account_id, w.posted, t.sum FROM points_wallets w JOIN (SELECT account_id, sum(points) AS sum"
            " FROM points_transactions WHERE state = 2 GROUP BY account_id) t USING (account_id)"
            " WHERE w.posted <> t.sum").fetchall()
        assert mismatched == []
        lots = connection.execute(
            "SELECT w.account_id FROM points_wallets w LEFT JOIN (SELECT account_id, sum(remaining) AS r"
            " FROM points_lots GROUP BY account_id) l USING (account_id)"
            " WHERE coalesce(l.r, 0) <> greatest(w.posted, 0)").fetchall()
        assert lots == []
        # A redemption's recorded lot parts (0022) add up to its points, and what its refunds gave
        # back of them to its refunded points.
        parts = connection.execute(
            "SELECT t.points_transaction_id FROM points_transactions t JOIN (SELECT points_transaction_id,"
            " sum(points) AS taken, sum(restored) AS restored FROM points_lot_spends GROUP BY 1) s"
            " USING (points_transaction_id) WHERE s.taken <> t.amount OR s.restored <> t.refunded_points").fetchall()
        assert parts == []
        wallets = connection.execute("SELECT account_id::text, posted - pending FROM points_wallets").fetchall()
        refunded = dict(connection.execute(
            "SELECT points_transaction_id::text, refunded_points FROM points_transactions WHERE refunded_points > 0"
        ).fetchall())
        (epoch,) = connection.execute("SELECT epoch FROM redis_epoch").fetchone()
    client = connect_sync(redis_url)
    try:
        for account_id, available in wallets:
            state = client.hmget(f"rewards:{{a:{account_id}}}:w", "epoch", "bal")
            if state[0] is not None and int(state[0]) == epoch:
                assert client.hlen(f"rewards:{{a:{account_id}}}:res:{epoch}") == 0, account_id
                assert int(state[1]) == available, account_id
                # Each earn's refunded-so-far count (reserved + posted; nothing is reserved now).
                counts = {field.decode()[3:]: int(value) for field, value
                          in client.hgetall(f"rewards:{{a:{account_id}}}:w").items() if field.startswith(b"rf:")}
                assert all(refunded.get(earn, 0) == count for earn, count in counts.items()), (account_id, counts)
    finally:
        client.close()
