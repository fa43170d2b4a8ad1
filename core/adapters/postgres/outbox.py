"""Outbox rows: a domain event, inserted with the change it reports (one ledger transaction).

A handler appends `event_row(...)` to its Prepared rows; the ledger writer commits it with the
change and the request's idempotency record, so an event exists exactly when its change does
(none after a rollback, none twice for a replayed request). The event id is chosen here, once,
and is the id every delivery of the event carries (receivers de-duplicate on it).
"""

from __future__ import annotations

import datetime as dt
import uuid

from psycopg.types.json import Jsonb

from core.adapters.postgres.ledger_writer import Row
from core.domain.outbox import EVENT_TYPES

_COLUMNS = ("event_id", "org_id", "type", "aggregate_type", "aggregate_id", "payload", "occurred_at")


def event_row(org_id: str, type: str, aggregate_type: str, aggregate_id: str, payload: dict,
              occurred_at: dt.datetime) -> Row:
    """The outbox row of one event (a new, stable event id)."""
    assert type in EVENT_TYPES, type
    return Row("outbox_events", _COLUMNS, (str(uuid.uuid4()), org_id, type, aggregate_type, str(aggregate_id),
                                           Jsonb(payload), occurred_at))
