"""`rewards-core call` against the live server: JSON in, JSON out, token and signature included
(a mutating call succeeds where grpcurl's would be refused), failures as JSON with their
ErrorInfo reason, server-streaming answers one object a line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest


@pytest.fixture
def credentials_file(tmp_path, credentials):
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"org_id": credentials.org_id, "client_id": credentials.client_id,
                                "client_secret": credentials.client_secret}))
    return path


def call(server, credentials_file, method: str, data: str | None = None, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "server.cli", "call", "--target", server.target,
               "--credentials", str(credentials_file), method, *extra]
    if data is not None:
        command += ["-d", data]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                          env={**os.environ, "REWARDS_LOG_LEVEL": "WARNING"})


def test_a_mutating_call_is_signed_and_answers_json(server, credentials_file):
    program_id = "p-" + uuid.uuid4().hex[:10]
    created = call(server, credentials_file, "rewards.loyalty.v1.ProgramService/CreateProgram", json.dumps(
        {"program": {"program_id": program_id, "display_name": "CLI", "currency_code": "EUR",
                     "time_zone": "Europe/Berlin"}}))
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["program"]["program_id"] == program_id
    assert "request_id: " in created.stderr

    account = call(server, credentials_file, "rewards.accounts.v1.AccountService/CreateAccount",
                   json.dumps({"programId": program_id}))  # JSON (camelCase) names work too.
    assert account.returncode == 0, account.stderr
    account_id = json.loads(account.stdout)["account"]["account_id"]

    read = call(server, credentials_file, "rewards.accounts.v1.AccountService.GetAccount",
                json.dumps({"account_id": account_id}))
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)["account"]["program_id"] == program_id


def test_a_retried_request_id_replays_the_first_answer(server, credentials_file):
    program_id = "p-" + uuid.uuid4().hex[:10]
    request = json.dumps({"request_id": "cli-" + uuid.uuid4().hex, "program": {
        "program_id": program_id, "display_name": "CLI", "currency_code": "EUR", "time_zone": "UTC"}})
    first = call(server, credentials_file, "rewards.loyalty.v1.ProgramService/CreateProgram", request)
    again = call(server, credentials_file, "rewards.loyalty.v1.ProgramService/CreateProgram", request)
    assert first.returncode == again.returncode == 0, (first.stderr, again.stderr)
    assert json.loads(first.stdout) == json.loads(again.stdout)


def test_a_failure_prints_its_reason(server, credentials_file):
    missing = call(server, credentials_file, "rewards.accounts.v1.AccountService/GetAccount",
                   json.dumps({"account_id": str(uuid.uuid4())}))
    assert missing.returncode == 1
    failure = json.loads(missing.stderr)
    assert failure["code"] == "NOT_FOUND" and failure["reason"] == "ACCOUNT_NOT_FOUND"


def test_bad_usage_exits_2_with_a_message(server, credentials_file):
    unknown = call(server, credentials_file, "rewards.accounts.v1.AccountService/NoSuchMethod", "{}")
    assert unknown.returncode == 2 and "no method NoSuchMethod" in unknown.stderr
    not_json = call(server, credentials_file, "rewards.accounts.v1.AccountService/GetAccount", "{oops")
    assert not_json.returncode == 2 and "not JSON" in not_json.stderr
    wrong_field = call(server, credentials_file, "rewards.accounts.v1.AccountService/GetAccount",
                       json.dumps({"no_such_field": 1}))
    assert wrong_field.returncode == 2 and "does not fit" in wrong_field.stderr


def test_list_names_the_methods_of_a_service(server, credentials_file):
    listed = call(server, credentials_file, "rewards.coupons.v1.CouponService", None, "--list")
    assert listed.returncode == 0, listed.stderr
    assert "rewards.coupons.v1.CouponService/RedeemCoupon" in listed.stdout.splitlines()


def test_a_server_stream_prints_one_object_a_line(server, credentials_file):
    program_id = "p-" + uuid.uuid4().hex[:10]
    assert call(server, credentials_file, "rewards.loyalty.v1.ProgramService/CreateProgram", json.dumps(
        {"program": {"program_id": program_id, "display_name": "CLI", "currency_code": "EUR",
                     "time_zone": "UTC"}})).returncode == 0
    streamed = call(server, credentials_file, "rewards.loyalty.v1.ProgramService/CreateEarnCodes", json.dumps(
        {"program_id": program_id, "count": 3, "points": 10, "expire_time": "2035-01-01T00:00:00Z"}))
    assert streamed.returncode == 0, streamed.stderr
    assert streamed.stdout.strip().startswith("{")
