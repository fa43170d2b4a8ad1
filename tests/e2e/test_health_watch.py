"""grpc.health.v1.Health/Watch over a real channel (load balancers and Kubernetes probes use it):
the first answer is the current status, every change follows, and a watcher that goes away
leaves no error behind. Its servicer writes with context.write() instead of yielding, which
every interceptor's streaming wrapper must take."""

from __future__ import annotations

import asyncio
import logging

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from server.servicers import SERVICES
from tests.e2e import inprocess

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
SERVICE_UNKNOWN = health_pb2.HealthCheckResponse.SERVICE_UNKNOWN
WAIT_S = 30  # Only a bound for a hang: every wait below ends as soon as the answer is there.


async def next_status(call) -> int:
    response = await asyncio.wait_for(call.read(), WAIT_S)
    assert response is not grpc.aio.EOF, "the watch ended"
    return response.status


def rpc_errors(records) -> list[logging.LogRecord]:
    return [r for r in records if r.name.startswith("rewards") and r.levelno >= logging.ERROR]


@pytest.mark.parametrize("service", ["", *SERVICES])
async def test_watch_answers_serving_and_a_cancelled_watch_leaves_no_error(server, channel, service):
    logged_before = len(server.log)
    call = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service=service))

    first = await next_status(call)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call.read()
    check = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=service))

    assert first == SERVING and check.status == SERVING
    assert call.cancelled()
    await asyncio.sleep(0.2)  # Not a timing bound: gives a (wrong) error line time to reach the log.
    errors = [e for e in server.log[logged_before:] if e.get("level") in ("error", "critical")]
    assert errors == []


async def test_watch_of_an_unknown_service_answers_service_unknown(server, channel):
    call = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service="no.such.Service"))

    status = await next_status(call)
    call.cancel()

    assert status == SERVICE_UNKNOWN


async def test_watch_follows_readiness_changes_and_ends_on_shutdown(stores, caplog):
    """The worker's readiness (what its Redis state guard reports) goes down and up again, then
    the worker shuts down: a watcher sees each status in order, then its stream ends."""
    with caplog.at_level(logging.WARNING):
        async with inprocess.worker(stores) as worker, grpc.aio.insecure_channel(worker.target) as channel:
            watches = [health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service=name))
                       for name in ("", "rewards.coupons.v1.CouponService")]
            seen = [[await next_status(watch)] for watch in watches]

            worker._on_readiness(False)
            for watch, statuses in zip(watches, seen):
                statuses.append(await next_status(watch))
            worker._on_readiness(True)
            for watch, statuses in zip(watches, seen):
                statuses.append(await next_status(watch))

            stopping = asyncio.create_task(worker.stop())
            for watch, statuses in zip(watches, seen):
                statuses.append(await next_status(watch))
            await asyncio.wait_for(stopping, WAIT_S)
            worker.stopped = True
            ends = []
            for watch in watches:
                with pytest.raises(grpc.aio.AioRpcError) as ended:
                    await asyncio.wait_for(watch.read(), WAIT_S)
                ends.append(ended.value.code())

    assert seen == [[SERVING, NOT_SERVING, SERVING, NOT_SERVING]] * 2
    assert set(ends) <= {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED}
    assert rpc_errors(caplog.records) == []
