"""`python -m server.healthcheck [ADDRESS] [--service NAME]`: exit 0 when the server answers the
standard gRPC health check (grpc.health.v1.Health/Check) with SERVING, else 1 with the reason on
stderr. The container HEALTHCHECK (Dockerfile) runs it; ADDRESS defaults to 127.0.0.1 and the port
of REWARDS_ADDRESS (50051). Plaintext only: with TLS use a probe that has the certificates."""

from __future__ import annotations

import argparse
import os
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc


def default_address() -> str:
    address = os.environ.get("REWARDS_ADDRESS", "[::]:50051")
    return f"127.0.0.1:{address.rsplit(':', 1)[1]}"


def check(address: str, service: str = "", timeout_s: float = 3.0) -> str | None:
    """None when SERVING, else what went wrong."""
    with grpc.insecure_channel(address) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=service), timeout=timeout_s)
        except grpc.RpcError as error:
            return f"{error.code().name}: {error.details()}"
    if reply.status != health_pb2.HealthCheckResponse.SERVING:
        return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.healthcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("address", nargs="?", default=None, help="host:port (default: 127.0.0.1:<REWARDS_ADDRESS port>)")
    parser.add_argument("--service", default="", help="a service name; empty (default): the whole server")
    parser.add_argument("--timeout", type=float, default=3.0, help="seconds")
    args = parser.parse_args(argv)
    address = args.address or default_address()
    problem = check(address, args.service, args.timeout)
    if problem is not None:
        print(f"healthcheck {address}: not serving: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
