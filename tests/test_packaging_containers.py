"""Static checks of Dockerfile and compose.yaml (no container engine runs here; README
"Containers" says how they were tried): what the image runs and what compose sets must exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml


ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _instructions(name: str) -> list[str]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]


def test_image_is_multi_stage_non_root_and_health_checked_through_grpc_health():
    stages = _instructions("FROM")
    assert len(stages) >= 2 and stages[-1].endswith("AS runtime")
    users = _instructions("USER")
    assert users and not users[-1].startswith(("root", "0"))
    (health,) = _instructions("HEALTHCHECK")
    assert '"python", "-m", "server.healthcheck"' in health
    assert (ROOT / "server" / "healthcheck.py").exists()
    # Every COPY source is let through by .dockerignore's allow-list.
    allowed = [line[1:].rstrip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.startswith("!")]
    for copy in _instructions("COPY"):
        if copy.startswith("--from"):
            continue
        for source in copy.split()[:-1]:
            assert any(source == entry or source.startswith(entry + "/") for entry in allowed), source
            assert (ROOT / source).exists(), source


def test_compose_runs_the_server_on_official_redis_and_postgres():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["redis"]["image"].startswith("redis:")
    assert services["postgres"]["image"].startswith("postgres:")
    server = services["rewards"]
    environment = server["environment"]
    for variable in ("REDIS_URL", "DATABASE_URL", "REWARDS_MASTER_KEY_FILE", "REWARDS_OTP_SENDER"):
        assert variable in environment, variable
    assert environment["REDIS_URL"].startswith("redis://redis:")
    assert "@postgres:5432/" in environment["DATABASE_URL"]
    # Every REWARDS_* variable compose sets is one the server reads.
    known = set(re.findall(r"REWARDS_[A-Z_]+", (ROOT / "server" / "config.py").read_text()))
    assert {name for name in environment if name.startswith("REWARDS_")} <= known
    # The master key is written into the volume the server reads it from, before it starts.
    key_file = environment["REWARDS_MASTER_KEY_FILE"]
    assert key_file in " ".join(services["master-key"]["entrypoint"])
    assert server["depends_on"]["master-key"]["condition"] == "service_completed_successfully"
    for store in ("redis", "postgres"):
        assert server["depends_on"][store]["condition"] == "service_healthy"
        assert services[store]["healthcheck"]["test"]
