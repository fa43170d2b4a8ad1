"""The README's walkthroughs ("First coupon", "First points") as Python client examples
(clients/python/examples/), run as documented (`python clients/python/examples/<name>.py`) against
the real server, with their printed outcomes checked line by line, so an example cannot go stale.
The OTP the points walkthrough asks for on stdin is the one the server's capture sender wrote."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "clients" / "python" / "examples"
OTP_PROMPT = re.compile(r"^OTP (\S+) was sent to the member")
TIMEOUT_S = 120


def example_env(server, credentials, tmp_path) -> dict[str, str]:
    # The credentials file as `rewards-core clients create` prints it.
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"org_id": credentials.org_id, "client_id": credentials.client_id,
                                "client_secret": credentials.client_secret}))
    env = {name: value for name, value in os.environ.items()
           if name not in {"REWARDS_ORG_ID", "REWARDS_CLIENT_ID", "REWARDS_CLIENT_SECRET"}}
    return {**env, "REWARDS_TARGET": server.target, "REWARDS_CREDENTIALS_FILE": str(path)}


def otp_code(server, otp_id: str) -> str:
    for line in server.otp_file.read_text().splitlines():
        message = json.loads(line)
        if message["otp_id"] == otp_id:
            return message["code"]
    raise AssertionError(f"no OTP {otp_id} was sent")


def test_first_coupon_example_prints_the_walkthrough_outcomes(server, credentials, tmp_path):
    done = subprocess.run([sys.executable, str(EXAMPLES / "first_coupon.py")], capture_output=True, text=True,
                          timeout=TIMEOUT_S, stdin=subprocess.DEVNULL, env=example_env(server, credentials, tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "generated 100 codes",
        "issued a coupon: COUPON_STATE_ACTIVE",
        "validated: redeemable, 500 EUR off",
        "redeemed: 500 EUR off",
        "redeemed again: COUPON_ALREADY_REDEEMED",
        "reversed: coupon COUPON_STATE_ACTIVE, 0 redemptions",
    ], done.stderr


def test_first_points_example_redeems_with_the_otp_typed_in(server, credentials, tmp_path):
    with subprocess.Popen([sys.executable, str(EXAMPLES / "first_points.py")], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=example_env(server, credentials, tmp_path)) as example:
        prompt = []
        for line in example.stderr:  # the example asks for the OTP by its id, as a member is asked
            prompt.append(line)
            if found := OTP_PROMPT.match(line):
                example.stdin.write(otp_code(server, found.group(1)) + "\n")
                example.stdin.flush()
                break
        else:
            raise AssertionError("the example never asked for the OTP:\n" + "".join(prompt))
        stdout, stderr = example.communicate(timeout=TIMEOUT_S)
    assert example.returncode == 0, stdout + stderr
    assert stdout.splitlines() == [
        "earned 120 points",
        "balance: 120 points available",
        "redeemed 50 points: 70 left",
        "refunded 20 points: 50 left",
        "balance: 50 points available",
    ], stderr
