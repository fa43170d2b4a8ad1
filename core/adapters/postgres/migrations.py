"""Plain SQL migrations: `migrations/NNNN_name.sql`, applied in order inside one transaction.

Numbers may have gaps (a number can be reserved by work that lands later), but never run out of
order: a pending migration numbered below the latest applied one is refused.

Safe to run twice (applied versions are recorded in `schema_migrations`) and from several workers
at once (a transaction-scoped advisory lock serialises them; the loser finds everything applied).
An applied file whose text changed is refused: migrations are append-only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
ADVISORY_LOCK_KEY = 0x72657761  # "rewa": one lock id for the whole schema.
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


class MigrationError(Exception):
    """The database holds a migration history this code cannot continue."""


def load_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            raise MigrationError(f"migration file name must be NNNN_name.sql: {path.name}")
        migrations.append(Migration(int(match[1]), match[2], path.read_text()))
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions) or 0 in versions:
        raise MigrationError(f"migration versions must be unique and positive: {versions}")
    return migrations


def migrate(dsn: str, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply pending migrations; return the versions this call applied (often none)."""
    migrations = load_migrations(directory)
    with psycopg.connect(dsn) as connection, connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
            " apply_time timestamptz NOT NULL DEFAULT now())")
        applied = dict(connection.execute("SELECT version, checksum FROM schema_migrations").fetchall())
        _check_history(migrations, applied)
        pending = [m for m in migrations if m.version not in applied]
        _check_order(pending, applied)
        for migration in pending:
            connection.execute(migration.sql)
            connection.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (%s, %s, %s)",
                (migration.version, migration.name, migration.checksum))
    return [m.version for m in pending]


def pending_versions(dsn: str, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Versions not yet applied; empty when the schema is current."""
    migrations = load_migrations(directory)
    with psycopg.connect(dsn) as connection:
        exists = connection.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
        applied = set()
        if exists:
            applied = {row[0] for row in connection.execute("SELECT version FROM schema_migrations")}
    return [m.version for m in migrations if m.version not in applied]


def _check_order(pending: list[Migration], applied: dict[int, str]) -> None:
    """Gaps in the numbering are fine (numbers are reserved by parallel work), but a migration
    numbered below one already applied would run out of order: refuse it."""
    latest = max(applied, default=0)
    late = [m.version for m in pending if m.version < latest]
    if late:
        raise MigrationError(f"migrations {late} are older than the applied {latest}: they would run out of order")


def _check_history(migrations: list[Migration], applied: dict[int, str]) -> None:
    known = {m.version: m for m in migrations}
    for version, checksum in applied.items():
        if version not in known:
            raise MigrationError(f"database has migration {version}, which this code does not know")
        if known[version].checksum != checksum:
            raise MigrationError(f"migration {version} was changed after it was applied")
