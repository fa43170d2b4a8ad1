"""`python -m server.healthcheck`, the container HEALTHCHECK, against the real server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def _probe(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server.healthcheck", *args], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=60)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serving_server_passes(server):
    result = _probe(server.target)
    assert result.returncode == 0, result.stderr


def test_default_address_is_the_port_of_rewards_address(server):
    result = _probe(REWARDS_ADDRESS=f"[::]:{server.port}")
    assert result.returncode == 0, result.stderr
    result = _probe("--timeout", "2", REWARDS_ADDRESS=f"0.0.0.0:{_closed_port()}")
    assert result.returncode == 1


def test_nothing_listening_fails_with_the_reason():
    result = _probe(f"127.0.0.1:{_closed_port()}", "--timeout", "2")
    assert result.returncode == 1
    assert "not serving: UNAVAILABLE" in result.stderr or "not serving: DEADLINE_EXCEEDED" in result.stderr


def test_unknown_service_fails(server):
    result = _probe(server.target, "--service", "no.such.Service")
    assert result.returncode == 1
    assert "NOT_FOUND" in result.stderr
