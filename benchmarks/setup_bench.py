"""`make bench`: one real server, set up over gRPC, driven by the Go load generator.

    python benchmarks/setup_bench.py [--accounts 1000] [--setup-out FILE] [--keep] [-- LOADGEN ARGS...]
    python benchmarks/setup_bench.py --run [--accounts N] -- COMMAND ARGS...   (`make load`: locust)

Starts `rewards-core serve` with 1 worker and its own embedded Redis and Postgres in a fresh
temporary folder (as tests/e2e/harness.py ServerProcess does; REDIS_URL / DATABASE_URL are not
passed on), OTPs captured to a file (REWARDS_OTP_SENDER=capture:<dir>/otp.jsonl). Creates an API
client with no practical rate limit, then over gRPC (the Python client):
  - a loyalty program with a RATIO purchase rule (1 point per EUR) and --accounts accounts, each
    credited with 100,000 points by one EarnPoints (for RedeemPoints);
  - an active offer (1 EUR off) with a COMMON code (RedeemCoupon on a common code, ValidateCoupon,
    the checkout baskets), and a second one alike (a basket's second coupon, -basket-coupons 2);
  - an active offer with a UNIQUE code series and generated codes (the load generator issues
    them to accounts with IssueCoupon before it redeems them, untimed).
Writes all of it as JSON (--setup-out, default <data dir>/setup.json), then runs the Go load
generator (benchmarks/loadgen, built with `go build`) with `-setup <that file>` and the arguments
after `--`, and exits with its exit code after stopping the server. With `--run`, the arguments
after `--` are the command to run instead (e.g. locust on benchmarks/locustfile.py), with the setup
file's path in its environment as REWARDS_SETUP_FILE; Ctrl-C reaches that command alone, which
then ends as it does on Ctrl-C (locust prints its summary), and the server is stopped after it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rewards.accounts.v1 import account_service_pb2 as accounts_api  # noqa: E402
from rewards.coupons.v1 import offer_service_pb2 as offers  # noqa: E402
from rewards.coupons.v1 import resources_pb2 as resources  # noqa: E402
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api  # noqa: E402
from rewards.loyalty.v1 import program_service_pb2 as programs_api  # noqa: E402
from rewards.loyalty.v1 import resources_pb2 as loyalty  # noqa: E402
from rewards.type.v1 import money_pb2  # noqa: E402

from core.domain.auth import SCOPES  # noqa: E402
from rewards_client import Credentials, RewardsClient  # noqa: E402
from tests.e2e.harness import ServerProcess  # noqa: E402



def eur(minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=minor, currency_code="EUR")


async def in_chunks(calls, size: int = 32) -> list:
    results = []
    for start in range(0, len(calls), size):
        results += await asyncio.gather(*calls[start:start + size])
    return results


async def set_up(target: str, credentials: Credentials, account_count: int, unique_codes: int) -> dict:
    async with RewardsClient.connect(target, credentials, timeout_s=120) as client:
        program_id = "bench-" + uuid.uuid4().hex[:8]
        await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
            program_id=program_id, display_name="bench", currency_code="EUR", time_zone="Europe/Berlin")))
        await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(
            earn_rule=loyalty.EarnRule(program_id=program_id, display_name="1 per EUR", ratio=loyalty.RatioEarnRule(
                points_numerator=1, amount_minor_denominator=100))))
        created = await in_chunks([client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
            program_id=program_id)) for _ in range(account_count)])
        account_ids = [reply.account.account_id for reply in created]
        await in_chunks([client.call(client.loyalty.EarnPoints, loyalty_api.EarnPointsRequest(
            account_id=account, store_id="bench-store", transaction_id="credit-" + uuid.uuid4().hex,
            bill_amount=eur(10_000_000))) for account in account_ids])

        def offer(name: str) -> resources.Offer:
            return resources.Offer(program_id=program_id, display_name=name, state=resources.OFFER_STATE_ACTIVE,
                                   reward=resources.Reward(
                kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(100)))

        async def common_offer(name: str) -> tuple[str, str]:
            created = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
                offer=offer(name)))).offer
            code = "BENCH" + uuid.uuid4().hex[:10].upper()
            await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
                code_series=resources.CodeSeries(offer_id=created.offer_id, type=resources.CODE_SERIES_TYPE_COMMON,
                                                 common_code=code)))
            return created.offer_id, code

        common_offer_id, common_code = await common_offer("bench common")
        common_offer_id_2, common_code_2 = await common_offer("bench common 2")

        unique = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
            offer=offer("bench unique")))).offer
        series = (await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
            code_series=resources.CodeSeries(offer_id=unique.offer_id, type=resources.CODE_SERIES_TYPE_UNIQUE_GENERATED,
                                             length=12)))).code_series
        await client.stream(client.offers.GenerateCodes, offers.GenerateCodesRequest(
            request_id=uuid.uuid4().hex, code_series_id=series.code_series_id, count=unique_codes), timeout_s=600)
        return {"program_id": program_id, "accounts": account_ids, "common_offer_id": common_offer_id,
                "common_code": common_code, "common_offer_id_2": common_offer_id_2, "common_code_2": common_code_2,
                "unique_offer_id": unique.offer_id,
                "unique_code_series_id": series.code_series_id, "unique_codes": unique_codes,
                "points_per_account": 100_000}


def run_command(command: list[str], env: dict[str, str]) -> int:
    """Run `command` to its end; a Ctrl-C meanwhile is left to it (this process ignores it)."""
    if not command:
        raise SystemExit("setup: --run needs a command after --")
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # after the start: the child keeps its own
    try:
        return process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=1_000)
    parser.add_argument("--unique-codes", type=int, default=60_000,
                        help="codes generated in the UNIQUE series (one stream; the load generator issues as many "
                             "as it redeems)")
    parser.add_argument("--setup-out", type=Path, help="where to write the setup JSON")
    parser.add_argument("--loadgen", default=str(ROOT / "benchmarks" / "loadgen" / "loadgen"),
                        help="the built load generator")
    parser.add_argument("--keep", action="store_true", help="keep the data folder (logs, stores)")
    parser.add_argument("--run", action="store_true",
                        help="run the arguments after -- as a command instead of the load generator, with "
                             "REWARDS_SETUP_FILE=<setup JSON> in its environment")
    parser.add_argument("loadgen_args", nargs=argparse.REMAINDER, help="after --: passed to the load generator")
    args = parser.parse_args()
    loadgen_args = args.loadgen_args[1:] if args.loadgen_args[:1] == ["--"] else args.loadgen_args

    data_dir = Path(tempfile.mkdtemp(prefix="rc-bench-", dir="/tmp"))
    otp_file = data_dir / "otp.jsonl"
    server = ServerProcess(data_dir, redis_url=None, database_url=None, workers=1, env={
        "REWARDS_OTP_SENDER": f"capture:{otp_file}", "REWARDS_OTP_RATE_MAX": "1000000"})
    try:
        server.start()
        print(f"setup: server serving on {server.target} (1 worker, embedded stores in {data_dir})", file=sys.stderr)
        # `rewards-core clients create` on the server's embedded stores (as clients/go/e2e does).
        done = subprocess.run([sys.executable, "-m", "server.cli", "clients", "create", "--org", "bench",
                               "--scopes", ",".join(sorted(SCOPES)), "--rate", "10000000", "--burst", "10000000"],
                              env={**server.environment}, capture_output=True, text=True, check=True, cwd=ROOT)
        created = json.loads(done.stdout.strip().splitlines()[-1])
        client_id, secret = created["client_id"], created["client_secret"]
        credentials = Credentials("bench", client_id, secret)
        setup = asyncio.run(set_up(server.target, credentials, args.accounts, args.unique_codes))
        setup.update(target=server.target, org_id="bench", client_id=client_id, client_secret=secret,
                     redis_socket=str(data_dir / "redis" / "redis.sock"), otp_file=str(otp_file),
                     server_pid=server.process.pid, metrics_port=server.metrics_port)
        out = args.setup_out or data_dir / "setup.json"
        out.write_text(json.dumps(setup, indent=1))
        print(f"setup: {len(setup['accounts'])} accounts, common code {setup['common_code']}, "
              f"{setup['unique_codes']} unique codes generated; written to {out}", file=sys.stderr)
        if args.run:
            return run_command(loadgen_args, {**os.environ, "REWARDS_SETUP_FILE": str(out)})
        return subprocess.run([args.loadgen, "-setup", str(out), *loadgen_args], cwd=ROOT).returncode
    finally:
        server.terminate()
        (data_dir / "server.log").write_text("\n".join(json.dumps(entry) for entry in server.log) + "\n")
        slow = [entry for entry in server.log if entry.get("level") in ("warning", "error", "critical")]
        if slow:
            print(f"setup: {len(slow)} warnings/errors in the server log, e.g. {slow[-1]}", file=sys.stderr)
        if args.keep:
            print(f"setup: data kept in {data_dir}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)



if __name__ == "__main__":
    sys.exit(main())
