"""The real server over a real gRPC channel: health, reflection, strict decoding, errors, metrics."""

from __future__ import annotations

import urllib.request

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status
from rewards.accounts.v1 import account_service_pb2 as accounts

from server.servicers import SERVICES

CREATE_ACCOUNT = "/rewards.accounts.v1.AccountService/CreateAccount"


def error_info(error: grpc.RpcError) -> error_details_pb2.ErrorInfo:
    status = rpc_status.from_call(error)
    assert status is not None, "no google.rpc.Status in the trailers"
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    raise AssertionError("no ErrorInfo in the status")


async def test_health_reports_serving_for_the_server_and_each_service(channel):
    stub = health_pb2_grpc.HealthStub(channel)

    overall = await stub.Check(health_pb2.HealthCheckRequest())
    each = [await stub.Check(health_pb2.HealthCheckRequest(service=name)) for name in SERVICES]

    assert overall.status == health_pb2.HealthCheckResponse.SERVING
    assert {r.status for r in each} == {health_pb2.HealthCheckResponse.SERVING}


async def test_reflection_lists_every_rewards_service(channel):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    listed = set()
    async for response in responses:
        listed = {s.name for s in response.list_services_response.service}
        break

    expected = {"rewards.auth.v1.AuthService", "rewards.accounts.v1.AccountService",
                "rewards.coupons.v1.OfferService", "rewards.coupons.v1.CouponService",
                "rewards.loyalty.v1.ProgramService", "rewards.loyalty.v1.LoyaltyService",
                "rewards.checkout.v1.CheckoutService"}
    assert expected <= listed
    assert {name for name in listed if name.startswith("rewards.")} == set(SERVICES)
    assert {"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"} <= listed


def raw_call(channel, method: str = CREATE_ACCOUNT):
    return channel.unary_unary(method, request_serializer=None, response_deserializer=None)


async def test_an_unknown_request_field_answers_invalid_argument(channel):
    known = accounts.CreateAccountRequest(request_id="r-unknown", program_id="p").SerializeToString()
    unknown_field_99 = b"\x98\x06\x01"  # Field 99, varint 1.

    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await raw_call(channel)(known + unknown_field_99)

    assert rejected.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    info = error_info(rejected.value)
    assert (info.reason, info.domain, dict(info.metadata)) == (
        "REQUEST_UNKNOWN_FIELD", "rewards.accounts", {"field": "#99"})


async def test_an_unknown_field_in_a_nested_message_is_found(channel):
    nested = b"\x1a\x05" + b"\x08\x02" + b"\x98\x06\x01"  # identifiers[0] = {type: 2, #99: 1}
    request = accounts.CreateAccountRequest(request_id="r-nested", program_id="p").SerializeToString()

    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await raw_call(channel)(request + nested)

    info = error_info(rejected.value)
    assert (info.reason, dict(info.metadata)) == ("REQUEST_UNKNOWN_FIELD", {"field": "identifiers[0].#99"})


async def test_a_malformed_message_answers_invalid_argument(channel):
    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await raw_call(channel)(b"\x0a\xff\xff\xff")  # A string whose length runs past the end.

    assert rejected.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(rejected.value).reason == "REQUEST_MALFORMED"


async def test_the_checkout_service_once_drafted_is_served(channel):
    # Every RPC of the contract is served now (CheckoutService was the last one answering
    # UNIMPLEMENTED, reason NOT_IMPLEMENTED): an empty GetBasket gets its own precise reason.
    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await raw_call(channel, "/rewards.checkout.v1.CheckoutService/GetBasket")(b"")

    assert rejected.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    info = error_info(rejected.value)
    assert (info.reason, info.domain, dict(info.metadata)) == ("FIELD_REQUIRED", "rewards.checkout",
                                                               {"field": "basket_id"})


async def test_an_unknown_method_answers_unimplemented(channel):
    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await raw_call(channel, "/rewards.accounts.v1.AccountService/NoSuchMethod")(b"")

    assert rejected.value.code() is grpc.StatusCode.UNIMPLEMENTED


async def test_the_request_id_is_echoed_in_the_trailers(channel):
    call = raw_call(channel, "/rewards.accounts.v1.AccountService/GetAccount")(
        b"", metadata=(("x-request-id", "trace-123"),))
    with pytest.raises(grpc.aio.AioRpcError):
        await call

    assert dict(await call.trailing_metadata())["x-request-id"] == "trace-123"


def invalid_argument_count(server) -> float:
    with urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=5) as page:
        text = page.read().decode()
    counted = [float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("grpc_server_handled_total{") and 'grpc_code="INVALID_ARGUMENT"' in line
               and 'grpc_service="rewards.accounts.v1.AccountService"' in line and 'grpc_method="CreateAccount"' in line]
    return sum(counted)


async def test_metrics_count_rpcs_by_method_and_code(server, channel):
    before = invalid_argument_count(server)
    for _ in range(3):
        with pytest.raises(grpc.aio.AioRpcError):
            await raw_call(channel)(b"\xff")

    with urllib.request.urlopen(f"http://127.0.0.1:{server.metrics_port}/metrics", timeout=5) as page:
        text = page.read().decode()

    assert invalid_argument_count(server) - before == 3  # These three calls, counted by method and code.
    assert "grpc_server_handling_seconds_bucket" in text
    assert "rewards_redis_script_seconds" in text and "rewards_ledger_commit_seconds" in text
