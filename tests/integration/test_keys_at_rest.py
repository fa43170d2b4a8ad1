"""Keys at rest, read straight from Postgres: the JWT private keys, the request-signing keys and
the OTP HMAC key are stored sealed (AES-256-GCM envelope under the master key), never in plain
form; keys stored plain before the migration are sealed on the first start with a master key; a
wrong master key changes nothing and says so."""

from __future__ import annotations

import secrets

import psycopg
import pytest

from core.adapters.otp import otp_hmac_key
from core.adapters.postgres.migrations import migrate
from core.adapters.sealing import (MAGIC, OTP_KEY_CONTEXT, MasterKeyError, MasterKeys, client_signing_context,
                                   ensure_key_file, jwt_private_context, new_key_line, rotate_master_key,
                                   seal_stored_keys, write_keys)
from core.adapters.tokens import KeyRing
from core.domain.auth import signing_key
from core.service.clients import create_client


async def test_no_plain_key_material_is_stored(stores, pool):
    keys = MasterKeys.from_env()
    client_id, secret = create_client(stores.database_url, "org-rest", ["coupons:read"])
    await KeyRing(pool).ensure_active()
    otp_key = await otp_hmac_key(pool)

    with psycopg.connect(stores.database_url) as connection:
        jwt_rows = connection.execute("SELECT kid, private_pem, private_sealed FROM signing_keys").fetchall()
        client_rows = connection.execute("SELECT client_id, signing_key, signing_key_sealed FROM api_clients").fetchall()
        otp_rows = connection.execute("SELECT secret, secret_sealed FROM otp_keys").fetchall()
        dump = connection.execute("SELECT string_agg(t::text, '|') FROM signing_keys t").fetchone()[0]

    assert jwt_rows and all(plain is None and sealed.startswith(MAGIC) for _, plain, sealed in jwt_rows)
    assert all(plain is None and sealed.startswith(MAGIC) for _, plain, sealed in client_rows)
    assert otp_rows and all(plain is None and sealed.startswith(MAGIC) for plain, sealed in otp_rows)
    assert "PRIVATE KEY" not in dump
    for kid, _, sealed in jwt_rows:
        pem = keys.open(sealed, jwt_private_context(kid))
        assert pem.startswith(b"-----BEGIN PRIVATE KEY") and pem not in bytes(sealed)
    mine = {row[0]: row[2] for row in client_rows}[client_id]
    assert keys.open(mine, client_signing_context(client_id)) == signing_key(secret)
    assert signing_key(secret) not in bytes(mine)
    assert otp_key not in bytes(otp_rows[0][1]) and keys.open(otp_rows[0][1], OTP_KEY_CONTEXT) == otp_key


def test_a_sealed_key_opens_only_in_its_own_row(stores):
    keys = MasterKeys.from_env()
    sealed = keys.seal(b"k" * 32, client_signing_context("cl_a"))

    with pytest.raises(MasterKeyError):
        keys.open(sealed, client_signing_context("cl_b"))  # Copied into another client's row.
    assert keys.open(sealed, client_signing_context("cl_a")) == b"k" * 32


@pytest.fixture
def legacy_database(stores):
    """A database with keys stored the way they were before keys at rest were sealed."""
    database_url = stores.create_database()
    migrate(database_url)
    plain_key, plain_otp = secrets.token_bytes(32), secrets.token_bytes(32)
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO api_clients (client_id, org_id, secret_hash, signing_key, scopes, rate_per_second,"
            " rate_burst) VALUES ('cl_legacy', 'org', 'x', %s, '{coupons:read}', 1, 1)", (plain_key,))
        connection.execute("INSERT INTO signing_keys (kid, private_pem, public_pem, active)"
                           " VALUES ('k_legacy', '-----BEGIN PRIVATE KEY-----legacy', 'pub', false)")
        connection.execute("INSERT INTO otp_keys (secret) VALUES (%s)", (plain_otp,))
    return database_url, plain_key, plain_otp


def test_keys_stored_plain_are_sealed_on_the_first_start_and_a_wrong_master_key_changes_nothing(
        legacy_database, tmp_path):
    database_url, plain_key, plain_otp = legacy_database
    wrong = MasterKeys.from_file(ensure_key_file(tmp_path / "wrong.key"))
    keys = MasterKeys.from_file(ensure_key_file(tmp_path / "right.key"))

    assert seal_stored_keys(database_url, keys) == 3
    assert seal_stored_keys(database_url, keys) == 0  # Idempotent.
    with pytest.raises(MasterKeyError, match="wrong master key file"):
        seal_stored_keys(database_url, wrong)

    with psycopg.connect(database_url) as connection:
        client = connection.execute("SELECT signing_key, signing_key_sealed FROM api_clients").fetchone()
        jwt = connection.execute("SELECT private_pem, private_sealed FROM signing_keys").fetchone()
        otp = connection.execute("SELECT secret, secret_sealed FROM otp_keys").fetchone()
    assert client[0] is None and keys.open(client[1], client_signing_context("cl_legacy")) == plain_key
    assert jwt[0] is None and keys.open(jwt[1], jwt_private_context("k_legacy")).startswith(b"-----BEGIN")
    assert otp[0] is None and keys.open(otp[1], OTP_KEY_CONTEXT) == plain_otp


def test_rotating_the_master_key_rewraps_every_key_and_drops_the_old_one(legacy_database, tmp_path):
    database_url, plain_key, _ = legacy_database
    path = ensure_key_file(tmp_path / "master.key")
    old = MasterKeys.from_file(path)
    seal_stored_keys(database_url, old)

    new_id, rewrapped = rotate_master_key(database_url, path)

    rotated = MasterKeys.from_file(path)
    assert rotated.ids == [new_id] and new_id != old.active_id and rewrapped == 3
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with psycopg.connect(database_url) as connection:
        sealed = connection.execute("SELECT signing_key_sealed FROM api_clients").fetchone()[0]
    assert bytes(sealed)[len(MAGIC) + 1:].startswith(new_id.encode())
    assert rotated.open(sealed, client_signing_context("cl_legacy")) == plain_key
    with pytest.raises(MasterKeyError, match="does not hold"):
        MasterKeys([(old.active_id, _key_of(old))]).open(sealed, client_signing_context("cl_legacy"))


def test_a_master_key_file_readable_by_others_or_malformed_is_refused(tmp_path):
    path = tmp_path / "master.key"
    write_keys(path, [new_key_line()])
    path.chmod(0o644)
    with pytest.raises(MasterKeyError, match="chmod 600"):
        MasterKeys.from_file(path)
    path.chmod(0o600)
    path.write_text("kek_1 not-base64\n")
    with pytest.raises(MasterKeyError, match="line 1"):
        MasterKeys.from_file(path)
    with pytest.raises(MasterKeyError, match="cannot read"):
        MasterKeys.from_file(tmp_path / "missing.key")


def _key_of(keys: MasterKeys) -> bytes:
    return keys._keys[keys.active_id]
