"""Keys at rest: AES-256-GCM envelope encryption under a key-encryption key (KEK).

Every secret key the server keeps in Postgres (the JWT private keys, the clients' request-signing
keys, the OTP HMAC key) is stored sealed: a fresh random data key (DEK) encrypts the value and the
KEK wraps the DEK, both with AES-256-GCM. The row's identity (table, column, id) is the associated
data, so a sealed value copied into another row does not open. A sealed value is

    b"RKS1" | len(kek_id) (1 byte) | kek_id | wrap nonce (12) | wrapped DEK (48) | nonce (12) | ciphertext+tag

so it names the KEK that wrapped it: rotating the KEK re-wraps the DEKs only, and during a rotation
values wrapped by the old and the new KEK both open.

The KEKs come from the file named by REWARDS_MASTER_KEY_FILE (mode 0600, never in Postgres):

    # comments and blank lines are ignored
    <kek id> <32 random bytes, base64>      <- the first key seals everything new
    <older kek id> <base64>                 <- later lines are still read (during a rotation)

`rewards-core keys rotate-master` puts a new key first, re-wraps every value, then drops the old
lines. A value names a KEK the file does not hold (another process rotated): the file is read again
once before giving up.
"""

from __future__ import annotations

import base64
import os
import secrets
import threading
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"RKS1"
KEY_BYTES = 32
NONCE_BYTES = 12
_KEK_ID_LENGTH_MAX = 64


class MasterKeyError(Exception):
    """The master key file is missing, malformed or does not open the stored keys."""


class MasterKeys:
    def __init__(self, keys: list[tuple[str, bytes]], path: Path | None = None) -> None:
        if not keys:
            raise MasterKeyError(f"master key file {path} holds no key")
        self.path = path
        self._keys = dict(keys)
        self.active_id = keys[0][0]
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> MasterKeys:
        path = Path(path)
        return cls(_read(path), path)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> MasterKeys:
        name = (os.environ if environ is None else environ).get("REWARDS_MASTER_KEY_FILE")
        if not name:
            raise MasterKeyError("REWARDS_MASTER_KEY_FILE is not set: it must name the key-encryption key file"
                                 " (`rewards-core keys create-master <path>` makes one)")
        return cls.from_file(name)

    @property
    def ids(self) -> list[str]:
        return list(self._keys)

    def seal(self, plain: bytes, context: bytes) -> bytes:
        if self.path is not None:  # Seal under the file's current first key (a rotation may have run).
            try:
                latest = _read(self.path)
            except MasterKeyError:
                latest = []
            with self._lock:
                self._keys.update(latest)
                if latest:
                    self.active_id = latest[0][0]
        kek_id = self.active_id
        dek = AESGCM.generate_key(bit_length=256)
        wrap_nonce, nonce = secrets.token_bytes(NONCE_BYTES), secrets.token_bytes(NONCE_BYTES)
        header = MAGIC + bytes([len(kek_id)]) + kek_id.encode()
        wrapped = AESGCM(self._keys[kek_id]).encrypt(wrap_nonce, dek, header + context)
        return header + wrap_nonce + wrapped + nonce + AESGCM(dek).encrypt(nonce, plain, context)

    def open(self, sealed: bytes, context: bytes) -> bytes:
        kek_id, header, wrap_nonce, wrapped, nonce, ciphertext = _split(bytes(sealed))
        dek = self._unwrap(kek_id, header, wrap_nonce, wrapped, context)
        try:
            return AESGCM(dek).decrypt(nonce, ciphertext, context)
        except InvalidTag:
            raise MasterKeyError(f"a sealed {context.decode(errors='replace')} is corrupt") from None

    def reseal(self, sealed: bytes, context: bytes) -> bytes:
        """The same value with its data key wrapped by the active KEK (unchanged if it already is)."""
        kek_id, header, wrap_nonce, wrapped, nonce, ciphertext = _split(bytes(sealed))
        if kek_id == self.active_id:
            return bytes(sealed)
        dek = self._unwrap(kek_id, header, wrap_nonce, wrapped, context)
        new_header = MAGIC + bytes([len(self.active_id)]) + self.active_id.encode()
        new_nonce = secrets.token_bytes(NONCE_BYTES)
        rewrapped = AESGCM(self._keys[self.active_id]).encrypt(new_nonce, dek, new_header + context)
        return new_header + new_nonce + rewrapped + nonce + ciphertext

    def _unwrap(self, kek_id: str, header: bytes, wrap_nonce: bytes, wrapped: bytes, context: bytes) -> bytes:
        kek = self._keys.get(kek_id)
        if kek is None and self.path is not None:
            with self._lock:  # Another process may have rotated the master key: read the file again.
                try:
                    self._keys.update(_read(self.path))
                except MasterKeyError:
                    pass
            kek = self._keys.get(kek_id)
        if kek is None:
            raise MasterKeyError(f"a stored key is sealed under master key {kek_id!r}, which the master key file"
                                 f" {self.path} does not hold (it holds {self.ids}): wrong master key file?")
        try:
            return AESGCM(kek).decrypt(wrap_nonce, wrapped, header + context)
        except InvalidTag:
            raise MasterKeyError(f"master key {kek_id!r} of {self.path} does not open the stored"
                                 f" {context.decode(errors='replace')}: wrong master key file?") from None


def new_key_line() -> tuple[str, bytes]:
    return "kek_" + secrets.token_hex(6), secrets.token_bytes(KEY_BYTES)


def write_keys(path: Path, keys: list[tuple[str, bytes]]) -> None:
    """Write the key file atomically with mode 0600 (a temporary file renamed over it)."""
    text = "# rewards-core key-encryption keys: the first one seals, the others are still read.\n" + "".join(
        f"{kek_id} {base64.b64encode(key).decode()}\n" for kek_id, key in keys)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(descriptor, text.encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)


def ensure_key_file(path: Path) -> Path:
    """Create a master key file with one new key at `path` unless one exists (embedded development setup)."""
    if not path.exists():
        write_keys(path, [new_key_line()])
    return path


def _read(path: Path) -> list[tuple[str, bytes]]:
    try:
        text = path.read_text()
    except OSError as error:
        raise MasterKeyError(f"cannot read the master key file {path}: {error.strerror}") from None
    if path.stat().st_mode & 0o077:
        raise MasterKeyError(f"master key file {path} is readable by others: chmod 600 it")
    keys = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kek_id, _, encoded = line.partition(" ")
        try:
            key = base64.b64decode(encoded.strip(), validate=True)
        except ValueError:
            key = b""
        if not kek_id or len(kek_id) > _KEK_ID_LENGTH_MAX or not kek_id.isascii() or len(key) != KEY_BYTES:
            raise MasterKeyError(f"master key file {path} line {number}: expected '<key id> <32 bytes base64>'")
        keys.append((kek_id, key))
    if not keys:
        raise MasterKeyError(f"master key file {path} holds no key")
    return keys


def _split(sealed: bytes) -> tuple[str, bytes, bytes, bytes, bytes, bytes]:
    if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + 1:
        raise MasterKeyError("a stored key is not a sealed value")
    length = sealed[len(MAGIC)]
    start = len(MAGIC) + 1 + length
    header, kek_id = sealed[:start], sealed[len(MAGIC) + 1:start].decode(errors="replace")
    wrap_nonce = sealed[start:start + NONCE_BYTES]
    wrapped = sealed[start + NONCE_BYTES:start + NONCE_BYTES + KEY_BYTES + 16]
    rest = sealed[start + NONCE_BYTES + KEY_BYTES + 16:]
    return kek_id, header, wrap_nonce, wrapped, rest[:NONCE_BYTES], rest[NONCE_BYTES:]


# Contexts (associated data) of the sealed columns.
def client_signing_context(client_id: str) -> bytes:
    return b"api_clients.signing_key:" + client_id.encode()


def jwt_private_context(kid: str) -> bytes:
    return b"signing_keys.private:" + kid.encode()


def webhook_secret_context(webhook_id: str) -> bytes:
    """Associated data of a sealed webhook secret: a sealed value moved to another row does not open."""
    return f"webhook_secret:{webhook_id}".encode()


OTP_KEY_CONTEXT = b"otp_keys.secret"


# The sealed columns: (table, id column, plain column, sealed column, context of a row id).
SEALED_COLUMNS = (
    ("signing_keys", "kid", "private_pem", "private_sealed", jwt_private_context),
    ("api_clients", "client_id", "signing_key", "signing_key_sealed", client_signing_context),
    ("otp_keys", "singleton", "secret", "secret_sealed", lambda _: OTP_KEY_CONTEXT),
)
RESEALED_COLUMNS = SEALED_COLUMNS + (
    ("webhooks", "webhook_id", None, "secret_sealed", webhook_secret_context),
)
"""Every sealed column a master key rotation re-wraps: SEALED_COLUMNS (which may still hold plain
values, sealed by seal_stored_keys) and the columns only ever written sealed. A webhook's change
log (`webhook_changes`) keeps the secret each change was made with; only the current one, in
`webhooks`, is ever opened (and carried into the next change)."""


def seal_stored_keys(database_url: str, keys: MasterKeys) -> int:
    """Seal every key still stored in plain form (rows written before keys at rest were sealed) and
    check that every sealed key opens with `keys`; returns how many plain keys were sealed.
    Raises MasterKeyError (wrong KEK, missing KEK) before anything is changed."""
    import psycopg

    sealed = 0
    with psycopg.connect(database_url) as connection, connection.transaction():
        for table, id_column, plain_column, sealed_column, context in SEALED_COLUMNS:
            rows = connection.execute(
                f"SELECT {id_column}, {plain_column}, {sealed_column} FROM {table} FOR UPDATE").fetchall()
            for row_id, _plain, stored in rows:
                if stored is not None:
                    keys.open(stored, context(str(row_id)))  # Wrong KEK: refuse before changing anything.
            for row_id, plain, _stored in rows:
                if plain is not None:
                    value = plain.encode() if isinstance(plain, str) else bytes(plain)
                    connection.execute(
                        f"UPDATE {table} SET {sealed_column} = %s, {plain_column} = NULL WHERE {id_column} = %s",
                        (keys.seal(value, context(str(row_id))), row_id))
                    sealed += 1
        for table, id_column, _, sealed_column, context in RESEALED_COLUMNS[len(SEALED_COLUMNS):]:
            for row_id, stored in connection.execute(f"SELECT {id_column}, {sealed_column} FROM {table}"):
                keys.open(stored, context(str(row_id)))  # Wrong KEK: refuse before the rotation starts.
    return sealed


def rotate_master_key(database_url: str, path: Path) -> tuple[str, int]:
    """Make a new KEK, re-wrap every sealed key under it and drop the old KEKs from the file.

    The file holds the new and the old keys while the rows are re-wrapped (one transaction), so a
    server reading a key meanwhile opens it whichever KEK wraps it. Returns (new kek id, rows)."""
    import psycopg

    old = _read(path)
    current = MasterKeys(old, path)
    seal_stored_keys(database_url, current)  # Checks the old KEKs open everything first.
    new = new_key_line()
    write_keys(path, [new, *old])
    keys = MasterKeys([new, *old], path)
    rewrapped = 0
    with psycopg.connect(database_url) as connection, connection.transaction():
        for table, id_column, _, sealed_column, context in RESEALED_COLUMNS:
            rows = connection.execute(
                f"SELECT {id_column}, {sealed_column} FROM {table} WHERE {sealed_column} IS NOT NULL"
                " FOR UPDATE").fetchall()
            for row_id, stored in rows:
                connection.execute(f"UPDATE {table} SET {sealed_column} = %s WHERE {id_column} = %s",
                                   (keys.reseal(stored, context(str(row_id))), row_id))
                rewrapped += 1
    write_keys(path, [new])
    # A key sealed by another process between the re-wrap and the write above used the old KEK
    # (still in `keys`): wrap it again under the new one.
    with psycopg.connect(database_url) as connection, connection.transaction():
        for table, id_column, _, sealed_column, context in RESEALED_COLUMNS:
            rows = connection.execute(
                f"SELECT {id_column}, {sealed_column} FROM {table} WHERE {sealed_column} IS NOT NULL"
                " FOR UPDATE").fetchall()
            for row_id, stored in rows:
                again = keys.reseal(stored, context(str(row_id)))
                if again != bytes(stored):
                    connection.execute(f"UPDATE {table} SET {sealed_column} = %s WHERE {id_column} = %s",
                                       (again, row_id))
    return new[0], rewrapped
