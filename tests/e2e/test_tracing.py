"""OpenTelemetry traces over a real channel, against the real worker run in the test's loop
(tests/e2e/inprocess.py) with an SDK tracer provider whose spans go to an in-memory exporter:
a SERVER span per RPC, a child of the caller's `traceparent`, with child spans for the Redis
script runs and the ledger commit; and nothing installed (no tracer at all) when no OTLP
endpoint is configured."""

from __future__ import annotations

import os
import uuid

import grpc
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import program_service_pb2_grpc
from rewards.loyalty.v1 import resources_pb2 as loyalty

from core.adapters import tracing as adapter_tracing
from core.service.clients import create_client
from rewards_client import Credentials
from server import tracing
from tests.e2e import inprocess
from tests.e2e.harness import authenticated_channel

ORG = "org-tracing"
CREATE_PROGRAM = "rewards.loyalty.v1.ProgramService/CreateProgram"
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"


@pytest.fixture
async def traced(stores):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.install(provider)
    try:
        # The session's master key (inprocess.worker's Config does not read the environment).
        async with inprocess.worker(stores, master_key_file=os.environ["REWARDS_MASTER_KEY_FILE"]) as worker:
            credentials = Credentials(ORG, *create_client(stores.database_url, ORG, ["loyalty:admin"]))
            async with authenticated_channel(worker.target, credentials) as channel:
                worker.channel, worker.exporter = channel, exporter
                yield worker
    finally:
        tracing.uninstall()
        provider.shutdown()


def program_request(program_id: str | None = None, **fields) -> programs_api.CreateProgramRequest:
    return programs_api.CreateProgramRequest(request_id=uuid.uuid4().hex, program=loyalty.Program(
        program_id=program_id or "p-" + uuid.uuid4().hex[:12], display_name="Traced", currency_code="EUR",
        time_zone="Europe/Berlin", **fields))


def rpc_span(exporter, name: str, trace_id: int):
    spans = [s for s in exporter.get_finished_spans() if s.name == name and s.context.trace_id == trace_id]
    assert len(spans) == 1, [s.name for s in exporter.get_finished_spans()]
    return spans[0]


async def test_an_rpc_is_a_server_span_whose_children_are_its_script_runs_and_ledger_commit(traced):
    traced.exporter.clear()
    await program_service_pb2_grpc.ProgramServiceStub(traced.channel).CreateProgram(
        program_request(), metadata=(("traceparent", f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"),
                                     ("x-request-id", "traced-1")), timeout=30)

    rpc = rpc_span(traced.exporter, CREATE_PROGRAM, int(TRACE_ID, 16))
    assert rpc.kind is SpanKind.SERVER
    assert rpc.parent is not None and rpc.parent.span_id == int(PARENT_SPAN_ID, 16)  # The caller's span.
    assert rpc.attributes["rpc.system"] == "grpc"
    assert rpc.attributes["rpc.service"] == "rewards.loyalty.v1.ProgramService"
    assert rpc.attributes["rpc.method"] == "CreateProgram"
    assert rpc.attributes["rpc.grpc.status_code"] == 0
    assert rpc.attributes["rewards.request_id"] == "traced-1"
    children = [s for s in traced.exporter.get_finished_spans()
                if s.parent is not None and s.parent.span_id == rpc.context.span_id]
    names = [s.name for s in children]
    assert "ledger.commit" in names
    scripts = [s for s in children if s.name.startswith("redis.script ")]
    assert scripts and all(s.attributes["rewards.script"] == s.name.split(" ", 1)[1] for s in scripts)
    assert all(s.context.trace_id == rpc.context.trace_id for s in children)
    commit = next(s for s in children if s.name == "ledger.commit")
    assert commit.attributes["rewards.ledger.rows"] >= 2  # The idempotency record and the program.


async def test_a_refused_rpc_carries_its_code_and_a_client_error_is_no_server_error(traced):
    traced.exporter.clear()
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await program_service_pb2_grpc.ProgramServiceStub(traced.channel).CreateProgram(
            program_request(program_id="not a valid id!"), timeout=30)
    assert refused.value.code() is grpc.StatusCode.INVALID_ARGUMENT

    rpc = next(s for s in traced.exporter.get_finished_spans() if s.name == CREATE_PROGRAM)
    assert rpc.parent is None  # No traceparent sent: a new trace.
    assert rpc.attributes["rpc.grpc.status_code"] == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert rpc.status.status_code is StatusCode.UNSET
    assert not [s for s in traced.exporter.get_finished_spans() if s.name == "ledger.commit"]


def test_without_an_otlp_endpoint_no_tracer_is_installed_at_all():
    assert tracing.endpoint({}) is None
    assert tracing.endpoint({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318",
                             "OTEL_SDK_DISABLED": "true"}) is None
    assert tracing.configure({}) is None
    assert adapter_tracing.installed() is None and tracing.tracer() is None


def test_an_otlp_endpoint_installs_an_exporting_tracer(monkeypatch):
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")  # Nothing listens: never sent.
    tracer = tracing.configure()
    try:
        assert tracer is not None and adapter_tracing.installed() is not None
        processors = tracing._provider._active_span_processor._span_processors
        exporters = [type(p.span_exporter).__module__ for p in processors]
        assert exporters == ["opentelemetry.exporter.otlp.proto.http.trace_exporter"]
    finally:
        provider = tracing._provider
        tracing.uninstall()
        provider.shutdown()
