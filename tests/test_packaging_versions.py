"""The clients carry the server's version (one source: pyproject.toml [project] version)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ["pyproject.toml", "clients/python/pyproject.toml", "clients/java/pom.xml",
         "clients/go/rewardsclient/version.go", "clients/typescript/package.json",
         "clients/typescript/package-lock.json", "scripts/versions.py"]


def test_the_committed_versions_agree():
    result = subprocess.run([sys.executable, "scripts/versions.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_names_a_client_that_drifted_and_set_repairs_it(tmp_path):
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    pom = tmp_path / "clients/java/pom.xml"
    version = subprocess.run([sys.executable, "scripts/versions.py"], cwd=tmp_path, capture_output=True,
                             text=True, check=True).stdout.strip()
    pom.write_text(pom.read_text().replace(f"<version>{version}</version>", "<version>9.9.9</version>", 1))
    check = subprocess.run([sys.executable, "scripts/versions.py", "--check"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert check.returncode == 1
    assert "clients/java/pom.xml" in check.stderr and "'9.9.9'" in check.stderr
    subprocess.run([sys.executable, "scripts/versions.py", "--set", "2.3.4"], cwd=tmp_path, check=True,
                   capture_output=True)
    check = subprocess.run([sys.executable, "scripts/versions.py", "--check"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert '"rewards-client==2.3.4"' in (tmp_path / "pyproject.toml").read_text()
    assert 'const Version = "2.3.4"' in (tmp_path / "clients/go/rewardsclient/version.go").read_text()
