"""scripts/test-clients.sh and `make test` run every client suite even when an earlier suite (or
pytest) failed, exit non-zero if any failed, and name a missing tool and the README section.

The toolchains are stand-ins (shell scripts on PATH) that log their call and succeed or fail as
told, so this checks the scripts' control flow, not the suites themselves."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README_SECTION = '"Quick start" > "Prerequisites"'


def _fake_tools(directory: Path, log: Path, failing: set[str], present=("go", "node", "npm", "java", "mvn")):
    directory.mkdir(parents=True, exist_ok=True)
    for tool in ("bash", "dirname", "cat"):  # what the scripts need besides the toolchains
        os.symlink(shutil.which(tool), directory / tool)
    for tool in present:
        status = 1 if tool in failing else 0
        script = directory / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> {log}\nexit {status}\n')
        script.chmod(0o755)
    return str(directory)


def _run_clients(tmp_path, failing=(), present=("go", "node", "npm", "java", "mvn"), ci=False):
    tmp_path.mkdir(parents=True, exist_ok=True)
    log = tmp_path / "calls.log"
    log.touch()
    path = _fake_tools(tmp_path / "bin", log, set(failing), present)
    env = {"PATH": path, "HOME": str(tmp_path), **({"CI": "true"} if ci else {})}
    result = subprocess.run(["bash", "scripts/test-clients.sh"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    return result, log.read_text()


def test_a_failing_suite_does_not_stop_the_others(tmp_path):
    result, calls = _run_clients(tmp_path, failing={"go"})
    assert result.returncode == 1
    assert "go test" in calls and "npm test" in calls and "mvn -q -B test" in calls
    assert "test-clients: FAILED: go" in result.stderr
    assert "passed: typescript java" in result.stdout


def test_every_suite_failing_is_named(tmp_path):
    result, calls = _run_clients(tmp_path, failing={"go", "npm", "mvn"})
    assert result.returncode == 1
    assert "FAILED: go typescript java" in result.stderr


def test_a_missing_tool_is_named_with_the_readme_section(tmp_path):
    result, calls = _run_clients(tmp_path, present=("go", "node", "npm", "java"))
    assert result.returncode == 0  # skipped outside CI
    assert f"SKIPPED java: 'mvn' not found on PATH (install it: README.md, {README_SECTION})" in result.stdout
    result, calls = _run_clients(tmp_path / "ci", present=("go", "node", "npm", "java"), ci=True)
    assert result.returncode == 1
    assert "java: 'mvn' not found on PATH" in result.stderr and README_SECTION in result.stderr
    assert "go test" in calls and "npm test" in calls


def test_make_test_runs_the_client_suites_after_pytest_failed(tmp_path):
    # A stand-in venv whose python "builds" fine and whose pytest fails.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text('#!/bin/sh\n[ "$1" = "-m" ] && [ "$2" = "pytest" ] && exit 1\nexit 0\n')
    python.chmod(0o755)
    (venv / ".installed").touch()
    log = tmp_path / "calls.log"
    log.touch()
    tools = _fake_tools(tmp_path / "bin", log, set())
    env = {**os.environ, "PATH": f"{tools}:{os.environ['PATH']}"}
    env.pop("SKIP_CLIENT_TESTS", None)
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", "test", f"VENV={venv}"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "go test" in log.read_text() and "mvn -q -B test" in log.read_text()
    assert "make test: FAILED" in result.stderr
