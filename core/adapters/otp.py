"""Where a redemption OTP goes: a pluggable sender.

`LogSender` (the default) writes the code to the server log, for development; a deployment
plugs in its SMS or e-mail gateway. `CaptureSender` appends each OTP to a JSON-lines file, so
that end-to-end tests can read what a member would have received. Neither keeps the code
anywhere else: Redis and Postgres hold only its HMAC.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from typing import Protocol

log = logging.getLogger("rewards.otp")


@dataclass(frozen=True, slots=True)
class OtpMessage:
    account_id: str
    user_id: str
    otp_id: str
    code: str
    points: int
    expire_time: str
    destination: str = ""
    """The member's phone number or e-mail; empty for an account without members (the
    deployment's sender then reaches the account by its own channel)."""


class OtpSender(Protocol):
    async def send(self, message: OtpMessage) -> None: ...


class LogSender:
    async def send(self, message: OtpMessage) -> None:
        log.info("redemption OTP %s for account %s (%d points) to %s: %s", message.otp_id, message.account_id,
                 message.points, message.destination or "the account", message.code)


class CaptureSender:
    def __init__(self, path: str) -> None:
        self._path = path

    async def send(self, message: OtpMessage) -> None:
        line = json.dumps(asdict(message)) + "\n"
        # One short append per OTP; O_APPEND keeps lines whole across worker processes.
        descriptor = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, line.encode())
        finally:
            os.close(descriptor)


def sender_from_spec(spec: str) -> OtpSender:
    """`log` or `capture:<path>` (REWARDS_OTP_SENDER)."""
    if spec in ("", "log"):
        return LogSender()
    kind, _, argument = spec.partition(":")
    if kind == "capture" and argument:
        return CaptureSender(argument)
    raise ValueError(f"unknown OTP sender {spec!r}: use 'log' or 'capture:<path>'")
