"""OpenTelemetry traces: one SERVER span per RPC (server/interceptors.py MetricsInterceptor) with
child spans for the Redis script runs and the ledger commit (core/adapters/tracing.py).

On when an OTLP endpoint is configured, with the standard variables read by the OTLP exporter
itself: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL
(`http/protobuf`, the default, or `grpc`), OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME (default
rewards-core), OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER; OTEL_SDK_DISABLED=true turns it off.
Spans are batched (BatchSpanProcessor) and flushed when the worker stops. The caller's trace
context (a W3C `traceparent` request header) is the parent of the RPC's span.

Off (no endpoint), nothing is installed: the interceptor does not wrap the call and the adapters'
hooks skip after one check, so tracing costs nothing; no tracer, not even a no-op one, is called.

opentelemetry-instrumentation-grpc's aio server interceptor is not used: it iterates every
server-streaming behavior with `async for`, which breaks the coroutine style that writes with
`context.write()` (grpc's own Health/Watch); the span here takes both styles.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from core.adapters import tracing as adapter_tracing

log = logging.getLogger("rewards.tracing")

SERVICE_NAME = "rewards-core"
_provider = None


def endpoint(environ: Mapping[str, str] = os.environ) -> str | None:
    """The configured OTLP traces endpoint, or None when tracing is off."""
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return None
    return (environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")
            or None)


def configure(environ: Mapping[str, str] = os.environ):
    """The tracer of this process: the one installed already, else an OTLP-exporting one when an
    endpoint is configured, else None (tracing off)."""
    if _provider is not None:
        return tracer()
    if not endpoint(environ):
        return None
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    protocol = (environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or environ.get("OTEL_EXPORTER_OTLP_PROTOCOL")
                or "http/protobuf")
    if protocol.strip() == "grpc":
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    resource = Resource.create({"service.name": environ.get("OTEL_SERVICE_NAME") or SERVICE_NAME,
                                "process.pid": os.getpid()})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    install(provider)
    log.info("tracing on", extra={"otlp_endpoint": endpoint(environ), "otlp_protocol": protocol})
    return tracer()


def install(provider) -> None:
    """Trace with `provider` (an SDK TracerProvider; tests give one with an in-memory exporter)."""
    global _provider
    _provider = provider
    adapter_tracing.install(tracer())


def uninstall() -> None:
    global _provider
    _provider = None
    adapter_tracing.install(None)


def tracer():
    return _provider.get_tracer("rewards-core") if _provider is not None else None


def flush(timeout_ms: int = 5000) -> None:
    if _provider is not None:
        _provider.force_flush(timeout_ms)
