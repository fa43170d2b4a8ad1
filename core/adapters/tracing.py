"""Optional trace spans around the adapters' store calls (a Redis script run, a ledger commit).

Off unless the server installed a tracer (server/tracing.py, when an OTLP endpoint is configured):
then the decorated coroutine runs as it is, after one check of a module global; no span object,
no context change. On, the span is a child of the caller's current span (the RPC's), because the
decorated coroutine runs in the caller's task. The tracer is any OpenTelemetry API tracer; this
module imports no telemetry package (nor any transport).
"""

from __future__ import annotations

import functools

_tracer = None


def install(tracer) -> None:
    """Start (a tracer) or stop (None) the adapters' spans."""
    global _tracer
    _tracer = tracer


def installed():
    return _tracer


def script_span(run):
    """Decorates `Scripts.run(self, name, keys, args)`: a `redis.script <name>` span per run."""
    @functools.wraps(run)
    async def traced(self, name, keys, args):
        tracer = _tracer
        if tracer is None:
            return await run(self, name, keys, args)
        with tracer.start_as_current_span("redis.script " + name, attributes={
                "db.system.name": "redis", "db.operation.name": "EVALSHA", "rewards.script": name}):
            return await run(self, name, keys, args)
    return traced


def commit_span(submit):
    """Decorates `LedgerWriter.submit(self, write)`: a `ledger.commit` span, from queueing the
    write to its transaction's outcome (the group commit it joined)."""
    @functools.wraps(submit)
    async def traced(self, write):
        tracer = _tracer
        if tracer is None:
            return await submit(self, write)
        with tracer.start_as_current_span("ledger.commit", attributes={
                "db.system.name": "postgresql", "rewards.ledger.rows": len(write.rows)}):
            return await submit(self, write)
    return traced
