"""Exchange rates per organisation, set by an operator (`rewards-core rates set`): a reward in
one currency is converted into a bill's with them (core.domain.coupons.convert, rounded down)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from core.adapters.postgres.rates import upsert_rate
from core.domain.currencies import is_currency_code


def set_currency_rate(database_url: str, org_id: str, from_currency: str, to_currency: str, rate: str) -> Decimal:
    """Set (or replace) one rate: 1 unit of from_currency = `rate` units of to_currency, an exact
    decimal (e.g. "0.9234"). Returns the rate stored; ValueError for a bad pair or rate."""
    for code in (from_currency, to_currency):
        if not is_currency_code(code):
            raise ValueError(f"not an ISO-4217 currency code: {code!r}")
    if from_currency == to_currency:
        raise ValueError("the two currencies must differ")
    try:
        value = Decimal(rate)
    except InvalidOperation:
        raise ValueError(f"not a decimal rate: {rate!r}") from None
    if not value.is_finite() or value <= 0:
        raise ValueError(f"the rate must be positive: {rate!r}")
    upsert_rate(database_url, org_id=org_id, from_currency=from_currency, to_currency=to_currency, rate=value,
                update_time=dt.datetime.now(dt.timezone.utc))
    return value
