"""`rewards-core`: serve, migrate, clients create|list|disable|enable|rotate-secret,
keys rotate|rotate-master|create-master, rates set, expire, partitions list|maintain|detach,
call, jobs generate|import|bulk-issue|watch|list|get|cancel."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys

from core.adapters.postgres.migrations import migrate
from core.domain import limits
from core.service.clients import create_client, list_clients, rotate_client_secret, set_client_disabled
from core.service.rates import set_currency_rate
from server import logs
from server.config import Config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rewards-core", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the gRPC server (embedded stores unless URLs are set)")
    serve.add_argument("--workers", type=int, default=None,
                       help="worker processes sharing the port (default: REWARDS_WORKERS or one per core)")
    commands.add_parser("migrate", help="apply pending database migrations and exit")
    clients = commands.add_parser("clients", help="manage API clients").add_subparsers(dest="action", required=True)
    create = clients.add_parser("create", help="create an API client and print its secret (once)")
    create.add_argument("--org", required=True, help="organisation id")
    create.add_argument("--scopes", required=True, help="comma-separated, e.g. coupons:redeem,loyalty:earn")
    create.add_argument("--stores", default="", help="comma-separated store ids the client may act for (default: all)")
    create.add_argument("--rate", type=int, default=limits.RATE_PER_SECOND_DEFAULT, help="requests per second")
    create.add_argument("--burst", type=int, default=limits.RATE_BURST_DEFAULT, help="bucket size")
    listing = clients.add_parser("list", help="list the API clients (JSON lines, no secrets)")
    listing.add_argument("--org", default=None, help="only this organisation's clients")
    for action, text in (("disable", "disable a client: its tokens, refresh tokens and signatures are refused"
                                     " (CLIENT_DISABLED) from the next call on"),
                         ("enable", "enable a disabled client again (its unexpired tokens work again)"),
                         ("rotate-secret", "give a client a new secret and print it (once); the old secret"
                                           " stops working for IssueToken and request signing")):
        clients.add_parser(action, help=text).add_argument("client_id")
    keys = commands.add_parser("keys", help="manage signing keys and the master key").add_subparsers(
        dest="action", required=True)
    keys.add_parser("rotate", help="make a new active signing key; tokens of the old one stay valid until they expire")
    keys.add_parser("rotate-master", help="make a new key-encryption key in REWARDS_MASTER_KEY_FILE and re-wrap"
                                          " every stored key under it (the old one is read during the rotation)")
    create_master = keys.add_parser("create-master", help="write a new master key file (mode 0600)")
    create_master.add_argument("path")
    rates = commands.add_parser("rates", help="manage exchange rates").add_subparsers(dest="action", required=True)
    rate = rates.add_parser("set", help="set an organisation's rate: 1 FROM = RATE TO (rewards in FROM are"
                                        " converted into bills in TO, rounded down)")
    rate.add_argument("--org", required=True, help="organisation id")
    rate.add_argument("--from", dest="from_currency", required=True, help="ISO-4217 code, e.g. USD")
    rate.add_argument("--to", dest="to_currency", required=True, help="ISO-4217 code, e.g. EUR")
    rate.add_argument("--rate", required=True, help="exact decimal, e.g. 0.9234")
    commands.add_parser("expire", help="expire the points lots whose expiry has come and evaluate tiers"
                                       " (servers also do both on a timer)")
    parts = commands.add_parser("partitions", help="the day partitions of the tables that grow with traffic"
                                                   " (README \"Postgres growth\")").add_subparsers(
        dest="action", required=True)
    parts.add_parser("list", help="list every partition with its range (JSON lines)")
    parts.add_parser("maintain", help="create the coming days' partitions and drop expired idempotency records"
                                      " now (servers do it on a timer)")
    detach = parts.add_parser("detach", help="detach the partitions whose every row is older than --before (they"
                                             " stay as plain tables, to archive or drop)")
    detach.add_argument("--before", required=True, type=_utc_day,
                        help="a UTC date YYYY-MM-DD: partitions ending at or before its start are detached")
    detach.add_argument("--dry-run", action="store_true", help="only list what would be detached")
    detach.add_argument("--table", default=None, help="only this table's partitions")
    call = commands.add_parser("call", help="call one RPC with a JSON request (token and signature included)")
    from server import call as call_command
    from server import jobs_cli

    call_command.add_arguments(call)
    jobs_cli.add_arguments(commands.add_parser("jobs", help="background jobs: generate, import, watch (with a"
                                                            " progress bar), list, get, cancel"))
    args = parser.parse_args(argv)
    if args.command == "call":
        return call_command.run(args)
    if args.command == "jobs":
        return jobs_cli.run(args)

    config = Config.from_env()
    logs.configure(config.log_level)
    if args.command == "serve":
        from server.supervisor import Supervisor

        workers = args.workers if args.workers is not None else config.worker_count()
        if workers < 1:
            parser.error("--workers must be at least 1")
        return Supervisor(config, workers).run()
    if args.command == "keys" and args.action == "create-master":
        from core.adapters.sealing import new_key_line, write_keys

        from pathlib import Path

        path = Path(args.path)
        if path.exists():
            parser.error(f"{path} exists: rotate it with `rewards-core keys rotate-master`")
        write_keys(path, [new_key_line()])
        print(json.dumps({"master_key_file": str(path)}))
        return 0
    from core.adapters.sealing import MasterKeyError, MasterKeys

    master_key_file = config.master_key_path()
    os.environ["REWARDS_MASTER_KEY_FILE"] = str(master_key_file)  # For everything that seals or opens keys.
    with _database(config) as database_url:
        applied = migrate(database_url)
        if args.command == "migrate":
            print(f"applied migrations: {applied or 'none (schema is current)'}")
        elif args.command == "expire":
            with _redis(config) as redis_url:
                expired, moved = asyncio.run(_expire(config, redis_url, database_url))
                print(json.dumps({"expired_lots": expired, "tier_moves": moved}))
        elif args.command == "partitions":
            return asyncio.run(_partitions(config, database_url, args))
        elif args.command == "rates":
            try:
                stored = set_currency_rate(database_url, args.org, args.from_currency, args.to_currency, args.rate)
            except ValueError as bad:
                parser.error(str(bad))
            print(json.dumps({"org_id": args.org, "from_currency": args.from_currency,
                              "to_currency": args.to_currency, "rate": str(stored)}))
        elif args.command == "clients" and args.action == "create":
            client_id, secret = create_client(database_url, args.org, _list(args.scopes), _list(args.stores),
                                              args.rate, args.burst)
            print(json.dumps({"org_id": args.org, "client_id": client_id, "client_secret": secret}))
            print("Store the secret now: it is not kept and cannot be shown again.", file=sys.stderr)
        elif args.command == "clients" and args.action == "list":
            for found in list_clients(database_url, args.org):
                print(json.dumps(found))
        elif args.command == "clients":
            return _client_admin(config, database_url, args)
        elif args.action == "rotate-master":
            from core.adapters.sealing import rotate_master_key

            try:
                kek_id, rewrapped = rotate_master_key(database_url, master_key_file)
            except MasterKeyError as error:
                print(f"rewards-core: {error}", file=sys.stderr)
                return 1
            print(json.dumps({"master_key_id": kek_id, "rewrapped_keys": rewrapped,
                              "master_key_file": str(master_key_file)}))
        else:
            print(json.dumps({"active_kid": asyncio.run(_rotate(database_url, MasterKeys.from_file(master_key_file)))}))
    return 0


def _client_admin(config: Config, database_url: str, args) -> int:
    """disable | enable | rotate-secret: Postgres first (the truth), then Redis (checked per call)."""
    import redis

    try:
        with _redis(config) as redis_url:
            if args.action == "rotate-secret":
                secret, version = rotate_client_secret(database_url, redis_url, args.client_id)
                print(json.dumps({"client_id": args.client_id, "client_secret": secret, "secret_version": version}))
                print("Store the secret now: it is not kept and cannot be shown again.", file=sys.stderr)
            else:
                print(json.dumps(set_client_disabled(database_url, redis_url, args.client_id,
                                                     args.action == "disable")))
    except LookupError as error:
        print(f"rewards-core: {error.args[0]}", file=sys.stderr)
        return 2
    except redis.RedisError as error:
        print(f"rewards-core: Postgres is updated but Redis could not be ({error}); run the command again"
              " (a server also copies Postgres into Redis when it starts)", file=sys.stderr)
        return 1
    return 0


@contextlib.contextmanager
def _database(config: Config):
    """The configured Postgres, or the embedded one under REWARDS_DATA_DIR for the command's duration."""
    from core.adapters.embedded import EmbeddedPostgres, short_data_dir

    if config.database_url:
        yield config.database_url
        return
    store = EmbeddedPostgres(short_data_dir(config.data_dir) / "postgres")
    try:
        yield store.start()
    finally:
        store.stop()


@contextlib.contextmanager
def _redis(config: Config):
    """The configured Redis; else the embedded one of a running server under REWARDS_DATA_DIR;
    else an embedded one for the command's duration."""
    import redis

    from core.adapters.embedded import EmbeddedRedis, short_data_dir

    if config.redis_url:
        yield config.redis_url
        return
    store = EmbeddedRedis(short_data_dir(config.data_dir) / "redis")
    if store.socket.exists():
        try:
            with redis.Redis.from_url(store.url) as client:
                client.ping()
            yield store.url
            return
        except redis.RedisError:
            pass
    try:
        yield store.start()
    finally:
        store.stop()


async def _expire(config: Config, redis_url: str, database_url: str) -> tuple[int, int]:
    from core.adapters.otp import sender_from_spec
    from core.domain.clock import SystemClock
    from server import bootstrap

    redis_client = bootstrap.redis_client(redis_url)
    pool = await bootstrap.open_pool(database_url, size_max=_EXPIRE_POOL_SIZE_MAX)
    try:
        deps = bootstrap.build_deps(pool, redis_client, SystemClock())
        try:
            guard = bootstrap.state_guard(deps)
            await guard.ensure()
            points = bootstrap.Engines(deps, guard, otp_sender=sender_from_spec(
                config.otp_sender or "log", config.otp_webhook_secret)).points
            expired = await points.expire_due()
            return expired, await points.evaluate_tiers()
        finally:
            await deps.writer.close()
    finally:
        await pool.close()
        await redis_client.aclose()


_EXPIRE_POOL_SIZE_MAX = 4
"""Postgres connections of `rewards-core expire` (one engine, no concurrent calls)."""


async def _partitions(config: Config, database_url: str, args) -> int:
    import datetime as dt

    from core.adapters.postgres import partitions
    from server import bootstrap

    now = dt.datetime.now(dt.timezone.utc)
    tables = [table for table in partitions.TABLES if args.action != "detach" or args.table in (None, table.name)]
    if not tables:
        print(f"rewards-core: {args.table} is not a partitioned table"
              f" ({', '.join(table.name for table in partitions.TABLES)})", file=sys.stderr)
        return 2
    pool = await bootstrap.open_pool(database_url, size_max=1)
    try:
        if args.action == "maintain":
            done = await partitions.maintain(pool, now, retention_s=config.idempotency_retention_s,
                                             days_ahead=config.partitions_ahead_days)
            print(json.dumps({"created": done.created, "dropped": done.dropped, "expired_rows": done.expired_rows}))
            return 0
        if args.action == "list":
            for table in tables:
                async with pool.connection() as connection:
                    for found in await partitions.partitions(connection, table):
                        print(json.dumps(_partition_json(found)))
            return 0
        live_after = now - dt.timedelta(seconds=config.idempotency_retention_s)
        for table in tables:
            if table.expires and args.before > live_after:
                # Its partitions up to --before may hold records a retry must still replay.
                print(f"rewards-core: {table.name} keeps its records {config.idempotency_retention_s} s"
                      f" (REWARDS_IDEMPOTENCY_RETENTION_S): --before must be at most {live_after:%Y-%m-%d %H:%M} UTC",
                      file=sys.stderr)
                return 2
        for table in tables:
            for found in await partitions.detach_before(pool, table, args.before, dry_run=args.dry_run):
                print(json.dumps({**_partition_json(found), "detached": not args.dry_run}))
        return 0
    finally:
        await pool.close()


def _partition_json(partition) -> dict:
    return {"table": partition.table, "partition": partition.name, "default": partition.default,
            "from": partition.lower.isoformat() if partition.lower else None,
            "to": partition.upper.isoformat() if partition.upper else None}


def _utc_day(value: str):
    import datetime as dt

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


async def _rotate(database_url: str, master_keys) -> str:
    from psycopg_pool import AsyncConnectionPool

    from core.adapters.tokens import rotate_signing_key

    async with AsyncConnectionPool(database_url, min_size=1, max_size=1) as pool:
        return await rotate_signing_key(pool, master_keys)


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


if __name__ == "__main__":
    sys.exit(main())
