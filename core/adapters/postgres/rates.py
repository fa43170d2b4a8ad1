"""Exchange rates per organisation (`currency_rates`), set by an operator on its own connection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import psycopg


def upsert_rate(database_url: str, *, org_id: str, from_currency: str, to_currency: str, rate: Decimal,
                update_time: dt.datetime) -> None:
    """Set (or replace) the rate of one currency pair of the organisation."""
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO currency_rates (org_id, from_currency, to_currency, rate, update_time)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (org_id, from_currency, to_currency)"
            " DO UPDATE SET rate = EXCLUDED.rate, update_time = EXCLUDED.update_time",
            (org_id, from_currency, to_currency, rate, update_time))
