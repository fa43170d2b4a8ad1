"""The README's walkthroughs ("First coupon", "First points") run as printed against a live server,
so they cannot go stale: every shell block marked `<!-- readme-example: ... -->` is run, in order, by
bash with `set -euo pipefail`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
OTP_LINE = re.compile(r"^OTP_CODE=.*# readme-example: the 6 digits of the OTP$", re.M)


def examples() -> dict[str, str]:
    found = re.findall(r"<!-- readme-example: ([\w-]+) -->\n```sh\n(.*?)```", README.read_text(), re.S)
    return dict(found)


def test_the_readme_walkthroughs_run_as_printed(server, stores, tmp_path):
    blocks = examples()
    assert list(blocks) == ["first-coupon", "first-points"]
    script = "set -euo pipefail\n" + blocks["first-coupon"] + blocks["first-points"]
    assert OTP_LINE.search(script), "the OTP line the test fills in is gone"
    # The OTP is sent to the customer; the test server's sender writes it to a file.
    read_otp = (f"OTP_CODE=$({sys.executable} -c 'import json, sys; print(next(m[\"code\"] for m in map(json.loads,"
                f" open(sys.argv[1])) if m[\"otp_id\"] == sys.argv[2]))' {server.otp_file} \"$OTP_ID\")")
    script = OTP_LINE.sub(lambda _: read_otp, script)
    script = script.replace(".venv/bin/rewards-core", str(Path(sys.executable).parent / "rewards-core"))
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL, env={
                              **os.environ, "REWARDS_TARGET": server.target, "DATABASE_URL": stores.database_url,
                              "REDIS_URL": stores.redis_url, "REWARDS_LOG_LEVEL": "WARNING"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = done.stdout.split()
    assert "true" in lines  # ValidateCoupon --get redeemable
    assert "COUPON_ALREADY_REDEEMED" in done.stderr
    assert lines[-1] == "50"  # 120 earned, 50 burned, 20 refunded
