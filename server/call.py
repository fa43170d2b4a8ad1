"""`rewards-core call`: one RPC from the command line, JSON in and JSON out, in the spirit of
grpcurl and `buf curl`, with what those tools cannot do here: it fetches and refreshes the access
token and signs mutating calls, as every rewards-core client does.

    rewards-core clients create --org acme --scopes coupons:admin,coupons:redeem > client.json
    rewards-core call --credentials client.json rewards.coupons.v1.OfferService/GetOffer \\
        -d '{"offer_id": "..."}'

The request and response types come from the server's reflection service, so the command works
for every method the server serves. Field names may be given as in the .proto (snake_case) or in
JSON form (lowerCamelCase); the answer uses the .proto names. An empty `request_id` is filled with
a new one (printed on stderr), so a mutating call can be repeated safely by passing it back.
Server-streaming answers are printed one JSON object a line; client-streaming requests are read
as a JSON array. On failure the status, its ErrorInfo reason and metadata are printed as JSON on
stderr and the exit code is 1 (2 for bad usage).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import uuid
from pathlib import Path

import grpc
from google.protobuf import descriptor_pool, json_format, message_factory
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

DEFAULT_TARGET = "localhost:50051"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("method", help="full method name: package.Service/Method (or package.Service.Method)")
    parser.add_argument("-d", "--data", default=None,
                        help="the request as JSON (default: read from stdin when it is not a terminal, else {})")
    parser.add_argument("--target", default=os.environ.get("REWARDS_TARGET", DEFAULT_TARGET),
                        help=f"server address (REWARDS_TARGET, default {DEFAULT_TARGET})")
    parser.add_argument("--credentials", default=os.environ.get("REWARDS_CREDENTIALS_FILE"),
                        help="JSON file with org_id, client_id, client_secret, as `clients create` prints it"
                             " (REWARDS_CREDENTIALS_FILE; else REWARDS_ORG_ID, REWARDS_CLIENT_ID,"
                             " REWARDS_CLIENT_SECRET)")
    parser.add_argument("--timeout", type=float, default=10.0, help="deadline of the call in seconds")
    parser.add_argument("--ca", default=None, help="PEM CA bundle: connect with TLS")
    parser.add_argument("--list", action="store_true", help="list the methods of the named service and exit")
    parser.add_argument("--get", default=None, metavar="FIELD.PATH",
                        help="print only this field of the answer, as plain text (e.g. offer.offer_id,"
                             " coupons.0.code): handy in shell scripts")


def run(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_run(args))
    except _Usage as usage:
        print(f"rewards-core call: {usage}", file=sys.stderr)
        return 2


class _Usage(Exception):
    pass


def credentials_from(path: str | None):
    from rewards_client import Credentials

    if path:
        data = json.loads(Path(path).read_text())
    else:
        data = {"org_id": os.environ.get("REWARDS_ORG_ID"), "client_id": os.environ.get("REWARDS_CLIENT_ID"),
                "client_secret": os.environ.get("REWARDS_CLIENT_SECRET")}
    if not all(data.get(name) for name in ("org_id", "client_id", "client_secret")):
        return None
    return Credentials(data["org_id"], data["client_id"], data["client_secret"])


def _split(method: str) -> tuple[str, str]:
    service, slash, name = method.lstrip("/").rpartition("/")
    if not slash:
        service, _, name = method.rpartition(".")
    if not service or not name:
        raise _Usage(f"method {method!r} is not package.Service/Method")
    return service, name


async def _run(args: argparse.Namespace) -> int:
    service_name, method_name = _split(args.method if not args.list else args.method + "/x")
    channel_credentials = grpc.ssl_channel_credentials(Path(args.ca).read_bytes()) if args.ca else None
    sync_channel = (grpc.secure_channel(args.target, channel_credentials) if channel_credentials
                    else grpc.insecure_channel(args.target))
    with sync_channel:
        pool = descriptor_pool.DescriptorPool(ProtoReflectionDescriptorDatabase(sync_channel))
        try:
            service = pool.FindServiceByName(service_name)
        except KeyError:
            raise _Usage(f"the server at {args.target} serves no service {service_name}") from None
        except grpc.RpcError as error:
            raise _Usage(f"cannot reach {args.target}: {error.code().name} {error.details()}") from None
        if args.list:
            for method in service.methods:
                print(f"{service.full_name}/{method.name}")
            return 0
        method = service.methods_by_name.get(method_name)
        if method is None:
            raise _Usage(f"{service_name} has no method {method_name}")
        request_class = message_factory.GetMessageClass(method.input_type)
        response_class = message_factory.GetMessageClass(method.output_type)
    requests = _requests(args.data, request_class, method.client_streaming)
    credentials = credentials_from(args.credentials)
    path = f"/{service.full_name}/{method.name}"
    from rewards_client import RewardsClient

    if credentials is None:
        from rewards_client.auth import Credentials

        credentials = Credentials("", "", "")  # Reads and public methods may still work.
    async with RewardsClient.connect(args.target, credentials, channel_credentials=channel_credentials) as client:
        channel = client.channel
        serialize, deserialize = (lambda message: message.SerializeToString()), response_class.FromString
        try:
            if method.client_streaming and method.server_streaming:
                call = channel.stream_stream(path, serialize, deserialize)(iter(requests), timeout=args.timeout)
                async for response in call:
                    print(_json(response))
            elif method.client_streaming:
                print(_json(await channel.stream_unary(path, serialize, deserialize)(iter(requests),
                                                                                    timeout=args.timeout)))
            elif method.server_streaming:
                async for response in channel.unary_stream(path, serialize, deserialize)(requests[0],
                                                                                        timeout=args.timeout):
                    print(_json(response))
            else:
                response = await channel.unary_unary(path, serialize, deserialize)(requests[0], timeout=args.timeout)
                if args.get:
                    value = _field(response, args.get)
                    if value is None:
                        print(f"rewards-core call: the answer has no {args.get}", file=sys.stderr)
                        return 1
                    print(value)
                else:
                    print(_json(response))
        except grpc.RpcError as error:
            print(json.dumps(_failure(error), indent=2), file=sys.stderr)
            return 1
    return 0


def _requests(data: str | None, request_class, streaming: bool) -> list:
    if data is None:
        data = sys.stdin.read() if not sys.stdin.isatty() else ""
    data = data.strip() or ("[]" if streaming else "{}")
    try:
        parsed = json.loads(data)
    except ValueError as error:
        raise _Usage(f"the request is not JSON: {error}") from None
    items = parsed if streaming and isinstance(parsed, list) else [parsed]
    requests = []
    for item in items:
        request = request_class()
        try:
            json_format.ParseDict(item, request)
        except json_format.ParseError as error:
            raise _Usage(f"the request does not fit {request_class.DESCRIPTOR.full_name}: {error}") from None
        if "request_id" in request.DESCRIPTOR.fields_by_name and not request.request_id:
            request.request_id = uuid.uuid4().hex
            print(f"request_id: {request.request_id}", file=sys.stderr)
        requests.append(request)
    return requests


def _field(message, path: str) -> str | None:
    value = json_format.MessageToDict(message, preserving_proto_field_name=True)
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return None
    return value if isinstance(value, str) else json.dumps(value)


def _json(message) -> str:
    return json_format.MessageToJson(message, preserving_proto_field_name=True, indent=2)


def _failure(error: grpc.RpcError) -> dict:
    from rewards_client.errors import from_rpc_error

    typed = from_rpc_error(error)
    failure = {"code": error.code().name, "message": typed.message}
    if typed.reason:
        failure.update(reason=typed.reason, domain=typed.domain, metadata=typed.metadata)
    if typed.retry_delay_s is not None:
        failure["retry_delay_s"] = typed.retry_delay_s
    return failure
