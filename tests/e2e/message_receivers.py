"""Real receivers for the messages the server sends: a local SMTP server (aiosmtpd) that keeps
every e-mail, and a local HTTP SMS gateway that checks every signature. Both on loopback, port
picked free; `until(...)` waits for what they got."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

from core.domain.outbox import signature_valid

SMS_SECRET = "smsgw_" + "0123456789abcdef" * 2
WAIT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpInbox:
    """Every e-mail received: {"from", "to", "message": email.message.EmailMessage}."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.lock = threading.Lock()
        inbox = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                parsed = email.message_from_bytes(envelope.original_content or envelope.content,
                                                  policy=email.policy.default)
                with inbox.lock:
                    inbox.received.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                                           "message": parsed})
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def to(self, address: str) -> list[dict]:
        with self.lock:
            return [r for r in self.received if address in r["to"]]

    def close(self) -> None:
        self.controller.stop()


class SmsGateway:
    """An HTTP SMS gateway: records each POST (its JSON, the signature check, the idempotency key);
    answers `status` (200 unless set)."""

    def __init__(self, secret: str = SMS_SECRET) -> None:
        self.received: list[dict] = []
        self.status = 200
        self.lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["content-length"]))
                with gateway.lock:
                    status = gateway.status
                    gateway.received.append({
                        "body": json.loads(raw.decode("utf-8")), "status": status,
                        "key": self.headers.get("idempotency-key"),
                        "valid": signature_valid(secret.encode(), self.headers.get("x-rewards-signature", ""), raw,
                                                 int(time.time()))})
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/sms"

    def to(self, number: str) -> list[dict]:
        with self.lock:
            return [r for r in self.received if r["body"]["to"] == number and r["status"] == 200]

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


async def until(condition, what: str):
    deadline = time.monotonic() + WAIT_S
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"not within {WAIT_S} s: {what}"
        await asyncio.sleep(0.05)
