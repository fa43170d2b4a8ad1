"""E-mail over SMTP (aiosmtplib): one message per send, plain UTF-8 text.

Settings (README "Events" > "Messages to people"): host, port, the From address, TLS (`tls`:
implicit TLS, usually port 465; `starttls`: upgrade after connecting, usually 587, refused if the
server does not offer it; `none`: plain, for a local relay only) and optional credentials. The
message's stable id goes out as its Message-ID, so a resent attempt of one message can be
recognised as the same."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib

from core.domain import limits
from core.domain.messages import Message, MessageNotSent

TLS_MODES = ("tls", "starttls", "none")


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    from_address: str
    tls: str = "starttls"
    username: str = ""
    password: str = ""
    timeout_s: float = limits.MESSAGE_SEND_TIMEOUT_S

    def __post_init__(self) -> None:
        if self.tls not in TLS_MODES:
            raise ValueError(f"SMTP TLS must be one of {', '.join(TLS_MODES)}, got {self.tls!r}")
        if not self.host or not 0 < self.port < 65536 or "@" not in self.from_address:
            raise ValueError("SMTP needs a host, a port 1..65535 and a From address")
        if bool(self.username) != bool(self.password):
            raise ValueError("SMTP username and password go together")


class SmtpSender:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    async def send(self, message: Message) -> None:
        s = self.settings
        mail = EmailMessage()
        mail["From"] = s.from_address
        mail["To"] = message.to
        mail["Subject"] = message.subject or "Your coupon"
        mail["Date"] = formatdate(usegmt=True)
        mail["Message-ID"] = f"<{message.message_id}@rewards-core>"
        mail.set_content(message.text, charset="utf-8")
        try:
            await aiosmtplib.send(mail, hostname=s.host, port=s.port, use_tls=s.tls == "tls",
                                  start_tls=True if s.tls == "starttls" else False,
                                  username=s.username or None, password=s.password or None, timeout=s.timeout_s)
        except (aiosmtplib.SMTPException, OSError) as error:
            raise MessageNotSent(f"SMTP: {type(error).__name__}: {error}"[:500]) from error
