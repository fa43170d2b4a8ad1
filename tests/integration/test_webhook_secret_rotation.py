"""A master key rotation re-wraps webhook secrets too (issue 15: they are sealed under the master
key, so a rotation that skipped them would leave every webhook unable to sign its deliveries once
the old key is dropped)."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest

from core.adapters.postgres.migrations import migrate
from core.adapters.postgres.outbox import webhook_change_row
from core.adapters.sealing import (MAGIC, MasterKeyError, MasterKeys, ensure_key_file, rotate_master_key,
                                   seal_stored_keys, webhook_secret_context)


def _insert(database_url: str, row) -> None:
    columns = ", ".join(row.columns)
    with psycopg.connect(database_url) as connection:
        connection.execute(f"INSERT INTO {row.table} ({columns}) VALUES ({', '.join(['%s'] * len(row.values))})",
                           row.values)


@pytest.fixture
def webhook_database(stores, tmp_path):
    database_url = stores.create_database()
    migrate(database_url)
    path = ensure_key_file(tmp_path / "master.key")
    old = MasterKeys.from_file(path)
    webhook_id = str(uuid.uuid4())
    sealed = old.seal(b"whsec-plain", webhook_secret_context(webhook_id))
    _insert(database_url, webhook_change_row(
        webhook_id=webhook_id, version=1, org_id="org-rotate", url="https://example.test/hook",
        event_types=("points.earned",), secret_sealed=sealed, deleted=False,
        change_time=dt.datetime.now(dt.timezone.utc), request_id="r1", client_id="cl_x"))
    return database_url, path, old, webhook_id


def test_rotating_the_master_key_rewraps_webhook_secrets(webhook_database):
    database_url, path, old, webhook_id = webhook_database

    new_id, rewrapped = rotate_master_key(database_url, path)

    rotated = MasterKeys.from_file(path)
    assert rotated.ids == [new_id] and rewrapped == 1
    with psycopg.connect(database_url) as connection:
        sealed = bytes(connection.execute("SELECT secret_sealed FROM webhooks WHERE webhook_id = %s",
                                          (webhook_id,)).fetchone()[0])
    assert sealed[len(MAGIC) + 1:].startswith(new_id.encode())
    assert rotated.open(sealed, webhook_secret_context(webhook_id)) == b"whsec-plain"
    only_old = MasterKeys([(old.active_id, old._keys[old.active_id])])  # Not re-read from the file.
    with pytest.raises(MasterKeyError, match="does not hold"):
        only_old.open(sealed, webhook_secret_context(webhook_id))


def test_a_webhook_secret_the_master_key_cannot_open_stops_the_rotation_before_it_starts(webhook_database, tmp_path):
    database_url, path, _, _ = webhook_database
    wrong = MasterKeys.from_file(ensure_key_file(tmp_path / "wrong.key"))

    with pytest.raises(MasterKeyError):
        seal_stored_keys(database_url, wrong)
