"""Migrations: ordered, recorded, safe to run twice and from several workers at once."""

from __future__ import annotations

import multiprocessing
import shutil

import psycopg
import pytest

from core.adapters.postgres.migrations import MigrationError, load_migrations, migrate, pending_versions


def applied(database_url: str) -> list[tuple[int, str]]:
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()


def test_migrating_twice_applies_everything_once(stores):
    database_url = stores.create_database()
    versions = [m.version for m in load_migrations()]

    assert migrate(database_url) == versions
    assert migrate(database_url) == []
    assert [v for v, _ in applied(database_url)] == versions
    assert pending_versions(database_url) == []


def _migrate_in_process(database_url: str, results) -> None:
    results.put(migrate(database_url))


def test_four_workers_migrating_at_once_leave_one_applied_set(stores):
    database_url = stores.create_database()
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_migrate_in_process, args=(database_url, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    outcomes = sorted((results.get(timeout=5) for _ in workers), key=len)

    versions = [m.version for m in load_migrations()]
    assert all(worker.exitcode == 0 for worker in workers)
    assert outcomes == [[], [], [], versions]
    assert [v for v, _ in applied(database_url)] == versions


def test_a_fresh_database_reports_every_migration_pending(stores):
    database_url = stores.create_database()

    assert pending_versions(database_url) == [m.version for m in load_migrations()]


def test_a_migration_edited_after_it_was_applied_is_refused(stores, tmp_path):
    database_url = stores.create_database()
    from core.adapters.postgres.migrations import MIGRATIONS_DIR

    for path in MIGRATIONS_DIR.glob("*.sql"):
        shutil.copy(path, tmp_path / path.name)
    migrate(database_url, tmp_path)
    first = sorted(tmp_path.glob("*.sql"))[0]
    first.write_text(first.read_text() + "\n-- edited\n")

    with pytest.raises(MigrationError, match="changed after it was applied"):
        migrate(database_url, tmp_path)


def test_a_failing_migration_applies_nothing(stores, tmp_path):
    database_url = stores.create_database()
    (tmp_path / "0001_good.sql").write_text("CREATE TABLE good (id int);")
    (tmp_path / "0002_bad.sql").write_text("CREATE TABLE bad (id int REFERENCES nowhere (id));")

    with pytest.raises(psycopg.errors.UndefinedTable):
        migrate(database_url, tmp_path)

    with psycopg.connect(database_url) as connection:
        assert connection.execute("SELECT to_regclass('good')").fetchone()[0] is None


def test_a_gap_in_the_numbering_is_applied_in_order(stores, tmp_path):
    database_url = stores.create_database()
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE first (id int PRIMARY KEY);")
    (tmp_path / "0003_third.sql").write_text("CREATE TABLE third (id int REFERENCES first (id));")

    assert migrate(database_url, tmp_path) == [1, 3]
    assert applied(database_url) == [(1, "first"), (3, "third")]


def test_a_migration_numbered_below_an_applied_one_is_refused(stores, tmp_path):
    database_url = stores.create_database()
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE first (id int);")
    (tmp_path / "0003_third.sql").write_text("CREATE TABLE third (id int);")
    migrate(database_url, tmp_path)
    (tmp_path / "0002_late.sql").write_text("CREATE TABLE late (id int);")

    with pytest.raises(MigrationError, match=r"\[2\] are older than the applied 3"):
        migrate(database_url, tmp_path)

    assert applied(database_url) == [(1, "first"), (3, "third")]


def test_two_migrations_with_one_number_are_refused(tmp_path):
    (tmp_path / "0001_first.sql").write_text("SELECT 1;")
    (tmp_path / "0001_again.sql").write_text("SELECT 1;")

    with pytest.raises(MigrationError, match="unique"):
        load_migrations(tmp_path)
