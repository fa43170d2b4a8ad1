"""`rewards-core`: serve, migrate."""

from __future__ import annotations

import argparse
import sys

from server import logs
from server.config import Config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rewards-core", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the gRPC server (embedded stores unless URLs are set)")
    serve.add_argument("--workers", type=int, default=None,
                       help="worker processes sharing the port (default: REWARDS_WORKERS or one per core)")
    commands.add_parser("migrate", help="apply pending database migrations and exit")
    args = parser.parse_args(argv)

    config = Config.from_env()
    logs.configure(config.log_level)
    if args.command == "serve":
        from server.supervisor import Supervisor

        workers = args.workers if args.workers is not None else config.worker_count()
        if workers < 1:
            parser.error("--workers must be at least 1")
        return Supervisor(config, workers).run()
    return _migrate(config)


def _migrate(config: Config) -> int:
    from core.adapters.embedded import EmbeddedPostgres, short_data_dir
    from core.adapters.postgres.migrations import migrate

    store = None
    database_url = config.database_url
    if not database_url:
        store = EmbeddedPostgres(short_data_dir(config.data_dir) / "postgres")
        database_url = store.start()
    try:
        applied = migrate(database_url)
    finally:
        if store is not None:
            store.stop()
    print(f"applied migrations: {applied or 'none (schema is current)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
