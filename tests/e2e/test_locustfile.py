"""benchmarks/locustfile.py run headless by locust against the e2e server, on fixtures made by
benchmarks/setup_bench.py's set_up (as `make load` does): it makes requests of every task, all
answered, and its exit code follows the failure bound."""

from __future__ import annotations

import csv
import asyncio
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from benchmarks.setup_bench import set_up
from rewards_client import errors

ROOT = Path(__file__).resolve().parents[2]
LOCUST = str(Path(sys.executable).parent / "locust")
METHODS = {"ValidateCoupon", "RedeemCoupon", "EarnPoints", "RequestRedemptionOtp", "RedeemPoints"}


@pytest.fixture
async def setup_file(server, credentials, tmp_path) -> Path:
    for attempt in range(3):  # Late in a session the shared server may be reloading Redis state.
        try:
            setup = await set_up(server.target, credentials, account_count=16, unique_codes=1)
            break
        except errors.Unavailable:
            if attempt == 2:
                raise
            await asyncio.to_thread(server.wait_until_serving)
    setup.update(target=server.target, org_id=credentials.org_id, client_id=credentials.client_id,
                 client_secret=credentials.client_secret, otp_file=str(server.otp_file))
    path = tmp_path / "setup.json"
    path.write_text(json.dumps(setup))
    return path


def run_locust(server, setup_file: Path, out: Path, seconds: int, *extra: str) -> tuple[subprocess.CompletedProcess,
                                                                                        dict[str, dict]]:
    done = subprocess.run([LOCUST, "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless", "-u", "4",
                           "-r", "4", "-t", f"{seconds}s", "--host", server.target, "--csv", str(out / "load"),
                           "--only-summary", *extra],
                          capture_output=True, text=True, timeout=180, cwd=ROOT, stdin=subprocess.DEVNULL,
                          env={**os.environ, "REWARDS_SETUP_FILE": str(setup_file)})
    with open(out / "load_stats.csv") as file:
        rows = {row["Name"]: row for row in csv.DictReader(file)}
    return done, rows


def test_the_locustfile_runs_every_task_without_failures(server, setup_file, tmp_path):
    done, rows = run_locust(server, setup_file, tmp_path, 10)

    assert done.returncode == 0, done.stderr[-3000:]
    total = rows["Aggregated"]
    assert int(total["Request Count"]) > 0 and int(total["Failure Count"]) == 0, (total, done.stderr[-3000:])
    assert METHODS <= set(rows), rows.keys()
    assert all(int(rows[method]["Request Count"]) > 0 for method in METHODS)
    assert "Requests/s" in total and float(total["Requests/s"]) > 0


def test_failures_above_the_bound_fail_the_run(server, setup_file, tmp_path):
    setup = json.loads(setup_file.read_text())
    setup["accounts"] = [str(uuid.uuid4())]  # no such account: EarnPoints fails with ACCOUNT_NOT_FOUND
    setup["common_code"] = "NO-SUCH-CODE"  # ValidateCoupon answers "not redeemable"
    setup_file.write_text(json.dumps(setup))

    done, rows = run_locust(server, setup_file, tmp_path, 4, "--max-fail-ratio", "0.05")

    assert done.returncode == 1, done.stderr[-3000:]
    for method in ("ValidateCoupon", "EarnPoints"):
        assert int(rows[method]["Failure Count"]) == int(rows[method]["Request Count"]) > 0, rows[method]
    assert "RedeemCoupon" not in rows  # never redeemed after a failed validation
    with open(tmp_path / "load_failures.csv") as file:
        errors = {row["Name"]: row["Error"] for row in csv.DictReader(file)}
    assert errors["EarnPoints"].startswith('NotFound("ACCOUNT_NOT_FOUND:'), errors  # the typed error, with its reason
    assert "not redeemable" in errors["ValidateCoupon"], errors
    assert "above the bound" in done.stderr
