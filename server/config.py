"""Configuration from environment variables; every one is documented in README.md."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from core.domain import limits


@dataclass(frozen=True)
class Config:
    address: str = "[::]:50051"
    """REWARDS_ADDRESS: host:port the gRPC server binds (port 0 picks a free port)."""
    data_dir: Path = Path(".data")
    """REWARDS_DATA_DIR: embedded Redis and Postgres live here when no URLs are given."""
    redis_url: str | None = None
    """REDIS_URL: an external Redis (redis://, rediss:// or unix://); unset starts an embedded one."""
    database_url: str | None = None
    """DATABASE_URL: an external Postgres (postgresql://...); unset starts an embedded one."""
    workers: int = 0
    """REWARDS_WORKERS: worker processes sharing the port (SO_REUSEPORT); 0 = one per core."""
    metrics_address: str = "127.0.0.1:9464"
    """REWARDS_METRICS_ADDRESS: host:port of the Prometheus endpoint; empty disables it."""
    log_level: str = "INFO"
    """REWARDS_LOG_LEVEL."""
    shutdown_grace_s: float = 10.0
    """REWARDS_SHUTDOWN_GRACE_S: how long in-flight calls may run after SIGTERM."""
    ledger_linger_ms: int = limits.LEDGER_LINGER_MS_DEFAULT
    """REWARDS_LEDGER_LINGER_MS: extra wait for a ledger batch to fill before committing."""
    postgres_pool_size_max: int = 8
    """REWARDS_POSTGRES_POOL_SIZE_MAX: connections per worker."""
    postgres_wait_s: float = limits.POSTGRES_WAIT_S_MAX
    """REWARDS_POSTGRES_WAIT_S: longest wait for a pooled connection (and the call's deadline)."""

    redis_pool_size_max: int = 64
    """REWARDS_REDIS_POOL_SIZE_MAX: Redis connections per worker (more requests wait for one)."""

    token_issuer: str = "rewards-core"
    """REWARDS_TOKEN_ISSUER: `iss` of access tokens (and the only one accepted)."""
    token_audience: str = "rewards-core"
    """REWARDS_TOKEN_AUDIENCE: `aud` of access tokens (and the only one accepted)."""
    access_token_ttl_s: int = limits.ACCESS_TOKEN_TTL_SECONDS_DEFAULT
    """REWARDS_ACCESS_TOKEN_TTL_S."""
    refresh_token_ttl_s: int = limits.REFRESH_TOKEN_TTL_SECONDS_DEFAULT
    """REWARDS_REFRESH_TOKEN_TTL_S."""
    refresh_grace_s: int = limits.REFRESH_GRACE_SECONDS_DEFAULT
    """REWARDS_REFRESH_GRACE_S: a retried refresh within this window gets the same new pair."""
    sign_reads: bool = False
    """REWARDS_SIGN_READS: require request signatures on reads too (always on mutating RPCs)."""
    tls_cert_file: str | None = None
    """REWARDS_TLS_CERT_FILE: PEM certificate chain; with the key file, the server speaks TLS only."""
    tls_key_file: str | None = None
    """REWARDS_TLS_KEY_FILE: PEM private key of the certificate."""
    tls_client_ca_file: str | None = None
    """REWARDS_TLS_CLIENT_CA_FILE: PEM CA bundle; when set, clients must present a certificate (mTLS)."""
    otp_sender: str = ""
    """REWARDS_OTP_SENDER: where redemption OTPs go: `webhook:<url>` (a signed JSON POST to the
    deployment's SMS / e-mail gateway), `log` (the server log: development only, refused with TLS)
    or `capture:<path>` (JSON lines appended to a file, for tests). Required with DATABASE_URL or
    TLS; the embedded development setup without TLS defaults to `log`."""
    otp_webhook_secret: str | None = None
    """REWARDS_OTP_WEBHOOK_SECRET: the HMAC-SHA256 key of the webhook's signature header."""
    master_key_file: str | None = None
    """REWARDS_MASTER_KEY_FILE: the key-encryption keys that seal the keys stored in Postgres.
    Required with DATABASE_URL; the embedded setup creates `<data dir>/master.key` (mode 0600)."""
    token_rate_per_client: int = limits.TOKEN_RATE_PER_CLIENT_PER_MINUTE_DEFAULT
    """REWARDS_TOKEN_RATE_PER_CLIENT: IssueToken + RefreshToken calls per minute per client id."""
    token_burst_per_client: int = limits.TOKEN_RATE_PER_CLIENT_BURST_DEFAULT
    """REWARDS_TOKEN_BURST_PER_CLIENT."""
    token_rate_per_peer: int = limits.TOKEN_RATE_PER_PEER_PER_MINUTE_DEFAULT
    """REWARDS_TOKEN_RATE_PER_PEER: IssueToken + RefreshToken calls per minute per peer IP address."""
    token_burst_per_peer: int = limits.TOKEN_RATE_PER_PEER_BURST_DEFAULT
    """REWARDS_TOKEN_BURST_PER_PEER."""
    client_lockout_failures: int = limits.CLIENT_LOCKOUT_FAILURES_MAX
    """REWARDS_CLIENT_LOCKOUT_FAILURES: wrong secrets per client id within the window that lock it."""
    client_lockout_window_s: int = limits.CLIENT_LOCKOUT_WINDOW_SECONDS
    """REWARDS_CLIENT_LOCKOUT_WINDOW_S."""
    client_lockout_s: int = limits.CLIENT_LOCKOUT_SECONDS
    """REWARDS_CLIENT_LOCKOUT_S: how long a locked client id's IssueToken answers CLIENT_LOCKED."""
    otp_rate_max: int = limits.OTP_PER_ACCOUNT_MAX
    """REWARDS_OTP_RATE_MAX: redemption OTPs one account may request per 10 minutes."""
    expiry_interval_s: float = 60.0
    """REWARDS_EXPIRY_INTERVAL_S: how often a worker runs the points expiry job (0 disables it)."""
    event_poll_s: float = limits.EVENT_POLL_S_DEFAULT
    """REWARDS_EVENT_POLL_S: how long a worker's event delivery task sleeps when nothing is due (0 disables it)."""
    event_backoff_base_s: float = limits.EVENT_BACKOFF_BASE_S_DEFAULT
    """REWARDS_EVENT_BACKOFF_BASE_S: wait after a delivery's first failed attempt (doubled per attempt, jittered)."""
    event_attempts_max: int = limits.EVENT_DELIVERY_ATTEMPTS_MAX
    """REWARDS_EVENT_ATTEMPTS_MAX: attempts of a delivery before its event is parked as failed."""
    event_lease_s: float = limits.EVENT_DELIVERY_LEASE_S
    """REWARDS_EVENT_LEASE_S: a claimed delivery is claimed again after this (its worker died mid-delivery)."""
    smtp_host: str = ""
    """REWARDS_SMTP_HOST: the SMTP server e-mails go to (coupon delivery, reminders, resends, OTPs);
    unset: no e-mail sender (an offer's EMAIL messages stay pending until one is configured)."""
    smtp_port: int = 587
    """REWARDS_SMTP_PORT."""
    smtp_from: str = ""
    """REWARDS_SMTP_FROM: the From address (required with REWARDS_SMTP_HOST)."""
    smtp_tls: str = "starttls"
    """REWARDS_SMTP_TLS: `starttls` (default), `tls` (implicit, port 465) or `none` (a local relay only)."""
    smtp_username: str = ""
    """REWARDS_SMTP_USERNAME: with REWARDS_SMTP_PASSWORD, SMTP AUTH."""
    smtp_password: str = ""
    """REWARDS_SMTP_PASSWORD."""
    sms_gateway_url: str = ""
    """REWARDS_SMS_GATEWAY_URL: the HTTP SMS gateway text messages are POSTed to (signed JSON);
    trusted (configuration, not the API: no SSRF guard). Unset: no SMS sender."""
    sms_gateway_secret: str = ""
    """REWARDS_SMS_GATEWAY_SECRET: the HMAC-SHA256 key of the gateway's signature header (16+ characters)."""
    webhook_allow_private: bool = False
    """REWARDS_WEBHOOK_ALLOW_PRIVATE: let webhooks created over the API call hosts that resolve to
    loopback, private, link-local or multicast addresses (off: refused at create/update with
    WEBHOOK_URL_FORBIDDEN and at each delivery). For tests and closed networks only."""
    idempotency_retention_s: int = limits.IDEMPOTENCY_RETENTION_SECONDS
    """REWARDS_IDEMPOTENCY_RETENTION_S: how long a request_id replays its first answer (at least 86400,
    24 h); the partition timer drops older idempotency records, and a request_id sent again after
    that is a new request."""
    partition_interval_s: float = limits.PARTITION_INTERVAL_S_DEFAULT
    """REWARDS_PARTITION_INTERVAL_S: how often a worker creates partitions ahead and drops expired
    idempotency partitions (also once at start; 0 disables it)."""
    partitions_ahead_days: int = limits.PARTITIONS_AHEAD_DAYS_DEFAULT
    """REWARDS_PARTITIONS_AHEAD_DAYS: days after today that have their partitions ready (1..90)."""
    jobs_poll_s: float = limits.JOB_POLL_S_DEFAULT
    """REWARDS_JOBS_POLL_S: how often a worker looks for a background job to take (README
    "Background jobs"); 0: this worker runs only the jobs started through it."""
    jobs_lease_s: float = limits.JOB_LEASE_S_DEFAULT
    """REWARDS_JOBS_LEASE_S: a job whose worker committed no chunk for this long (it died) is taken
    over by another worker."""
    jobs_per_worker: int = limits.JOBS_PER_WORKER_DEFAULT
    """REWARDS_JOBS_PER_WORKER: background jobs one worker runs at once (1..16)."""
    jobs_import_dir: str = ""
    """REWARDS_JOBS_IMPORT_DIR: the directory IMPORT_CODES jobs read their files from (paths
    relative to it); unset: such jobs are refused with JOB_IMPORTS_DISABLED."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Config:
        environ = dict(os.environ if environ is None else environ)
        names = {
            "address": "REWARDS_ADDRESS", "data_dir": "REWARDS_DATA_DIR", "redis_url": "REDIS_URL",
            "database_url": "DATABASE_URL", "workers": "REWARDS_WORKERS",
            "metrics_address": "REWARDS_METRICS_ADDRESS", "log_level": "REWARDS_LOG_LEVEL",
            "shutdown_grace_s": "REWARDS_SHUTDOWN_GRACE_S", "ledger_linger_ms": "REWARDS_LEDGER_LINGER_MS",
            "postgres_pool_size_max": "REWARDS_POSTGRES_POOL_SIZE_MAX", "postgres_wait_s": "REWARDS_POSTGRES_WAIT_S",
            "redis_pool_size_max": "REWARDS_REDIS_POOL_SIZE_MAX",
            "token_issuer": "REWARDS_TOKEN_ISSUER", "token_audience": "REWARDS_TOKEN_AUDIENCE",
            "access_token_ttl_s": "REWARDS_ACCESS_TOKEN_TTL_S", "refresh_token_ttl_s": "REWARDS_REFRESH_TOKEN_TTL_S",
            "refresh_grace_s": "REWARDS_REFRESH_GRACE_S", "sign_reads": "REWARDS_SIGN_READS",
            "tls_cert_file": "REWARDS_TLS_CERT_FILE", "tls_key_file": "REWARDS_TLS_KEY_FILE",
            "tls_client_ca_file": "REWARDS_TLS_CLIENT_CA_FILE", "otp_sender": "REWARDS_OTP_SENDER",
            "expiry_interval_s": "REWARDS_EXPIRY_INTERVAL_S", "otp_rate_max": "REWARDS_OTP_RATE_MAX",
            "otp_webhook_secret": "REWARDS_OTP_WEBHOOK_SECRET", "master_key_file": "REWARDS_MASTER_KEY_FILE",
            "token_rate_per_client": "REWARDS_TOKEN_RATE_PER_CLIENT",
            "token_burst_per_client": "REWARDS_TOKEN_BURST_PER_CLIENT",
            "token_rate_per_peer": "REWARDS_TOKEN_RATE_PER_PEER", "token_burst_per_peer": "REWARDS_TOKEN_BURST_PER_PEER",
            "client_lockout_failures": "REWARDS_CLIENT_LOCKOUT_FAILURES",
            "client_lockout_window_s": "REWARDS_CLIENT_LOCKOUT_WINDOW_S", "client_lockout_s": "REWARDS_CLIENT_LOCKOUT_S",
            "event_poll_s": "REWARDS_EVENT_POLL_S", "event_backoff_base_s": "REWARDS_EVENT_BACKOFF_BASE_S",
            "event_attempts_max": "REWARDS_EVENT_ATTEMPTS_MAX", "event_lease_s": "REWARDS_EVENT_LEASE_S",
            "webhook_allow_private": "REWARDS_WEBHOOK_ALLOW_PRIVATE",
            "smtp_host": "REWARDS_SMTP_HOST", "smtp_port": "REWARDS_SMTP_PORT", "smtp_from": "REWARDS_SMTP_FROM",
            "smtp_tls": "REWARDS_SMTP_TLS", "smtp_username": "REWARDS_SMTP_USERNAME",
            "smtp_password": "REWARDS_SMTP_PASSWORD", "sms_gateway_url": "REWARDS_SMS_GATEWAY_URL",
            "sms_gateway_secret": "REWARDS_SMS_GATEWAY_SECRET",
            "idempotency_retention_s": "REWARDS_IDEMPOTENCY_RETENTION_S",
            "partition_interval_s": "REWARDS_PARTITION_INTERVAL_S",
            "partitions_ahead_days": "REWARDS_PARTITIONS_AHEAD_DAYS",
            "jobs_poll_s": "REWARDS_JOBS_POLL_S", "jobs_lease_s": "REWARDS_JOBS_LEASE_S",
            "jobs_per_worker": "REWARDS_JOBS_PER_WORKER", "jobs_import_dir": "REWARDS_JOBS_IMPORT_DIR",
        }
        values = {}
        types = {f.name: f.type for f in fields(cls)}
        for name, variable in names.items():
            raw = environ.get(variable)
            if raw is None or (raw == "" and name != "metrics_address"):
                continue
            kind = types[name]
            try:
                values[name] = (Path(raw) if kind == "Path" else int(raw) if kind == "int"
                                else float(raw) if kind == "float" else _flag(raw) if kind == "bool" else raw)
            except ValueError:
                raise SystemExit(f"{variable}={raw!r} is not a valid {kind}") from None
        config = cls(**values)
        if config.workers < 0:
            raise SystemExit("REWARDS_WORKERS must be >= 0")
        return config.validate()

    def validate(self) -> Config:
        if (not 1 <= self.event_attempts_max <= 100 or self.event_backoff_base_s <= 0 or self.event_poll_s < 0
                or self.event_lease_s < 1):
            raise SystemExit("REWARDS_EVENT_ATTEMPTS_MAX must be 1..100, REWARDS_EVENT_BACKOFF_BASE_S > 0,"
                             " REWARDS_EVENT_POLL_S >= 0, REWARDS_EVENT_LEASE_S >= 1")
        if self.idempotency_retention_s < limits.IDEMPOTENCY_RETENTION_SECONDS:
            raise SystemExit(f"REWARDS_IDEMPOTENCY_RETENTION_S must be at least {limits.IDEMPOTENCY_RETENTION_SECONDS}"
                             " (24 h)")
        if self.partition_interval_s < 0 or not 1 <= self.partitions_ahead_days <= limits.PARTITIONS_AHEAD_DAYS_MAX:
            raise SystemExit("REWARDS_PARTITION_INTERVAL_S must be >= 0 and REWARDS_PARTITIONS_AHEAD_DAYS"
                             f" 1..{limits.PARTITIONS_AHEAD_DAYS_MAX}")
        if self.jobs_poll_s < 0 or self.jobs_lease_s < 1 or not 1 <= self.jobs_per_worker <= 16:
            raise SystemExit("REWARDS_JOBS_POLL_S must be >= 0, REWARDS_JOBS_LEASE_S >= 1 and"
                             " REWARDS_JOBS_PER_WORKER 1..16")
        if bool(self.tls_cert_file) != bool(self.tls_key_file):
            raise SystemExit("REWARDS_TLS_CERT_FILE and REWARDS_TLS_KEY_FILE go together")
        if self.tls_client_ca_file and not self.tls_cert_file:
            raise SystemExit("REWARDS_TLS_CLIENT_CA_FILE needs REWARDS_TLS_CERT_FILE and REWARDS_TLS_KEY_FILE")
        if self.otp_sender == "log" and self.tls_cert_file:
            raise SystemExit("REWARDS_OTP_SENDER=log writes redemption OTPs to the server log, a development"
                             " choice refused when TLS is configured: use webhook:<url> with"
                             " REWARDS_OTP_WEBHOOK_SECRET")
        try:
            messages = self.message_senders()
        except ValueError as error:
            raise SystemExit(f"REWARDS_SMTP_* / REWARDS_SMS_GATEWAY_*: {error}") from None
        if self.otp_sender:
            from core.adapters.otp import sender_from_spec
            try:
                sender_from_spec(self.otp_sender, self.otp_webhook_secret, messages)
            except ValueError as error:
                raise SystemExit(f"REWARDS_OTP_SENDER: {error}") from None
        for name in ("token_rate_per_client", "token_burst_per_client", "token_rate_per_peer",
                     "token_burst_per_peer", "client_lockout_failures", "client_lockout_window_s",
                     "client_lockout_s"):
            if getattr(self, name) < 1:
                raise SystemExit(f"REWARDS_{name.upper()} must be at least 1")
        return self

    def message_senders(self):
        """The Sender port (core/adapters/senders.py Senders) over the configured e-mail and SMS
        adapters; None when neither is configured."""
        if not self.smtp_host and not self.sms_gateway_url:
            return None
        from core.adapters.email import SmtpSender, SmtpSettings
        from core.adapters.senders import Senders
        from core.adapters.sms import SmsGatewaySender

        email = (SmtpSender(SmtpSettings(self.smtp_host, self.smtp_port, self.smtp_from, self.smtp_tls,
                                         self.smtp_username, self.smtp_password)) if self.smtp_host else None)
        sms = SmsGatewaySender(self.sms_gateway_url, self.sms_gateway_secret) if self.sms_gateway_url else None
        return Senders(email=email, sms=sms)

    def otp_sender_spec(self) -> str:
        """The OTP sender to serve with: the configured one; `log` in the embedded development
        setup (no DATABASE_URL); otherwise the server refuses to start."""
        if self.otp_sender:
            return self.otp_sender
        if self.database_url is None and not self.tls_cert_file:
            return "log"
        raise SystemExit("REWARDS_OTP_SENDER is required with DATABASE_URL or TLS: webhook:<url> (with"
                         " REWARDS_OTP_WEBHOOK_SECRET), or log for development (without TLS)")

    def master_key_path(self) -> Path:
        """The master key file: REWARDS_MASTER_KEY_FILE, or in the embedded development setup (no
        DATABASE_URL) `<data dir>/master.key`, created with mode 0600 if it does not exist."""
        if self.master_key_file:
            return Path(self.master_key_file)
        if self.database_url is None:
            from core.adapters.embedded import short_data_dir
            from core.adapters.sealing import ensure_key_file

            return ensure_key_file(short_data_dir(self.data_dir) / "master.key")
        raise SystemExit("REWARDS_MASTER_KEY_FILE is required with DATABASE_URL: it names the file of the"
                         " key-encryption key that seals the keys stored in Postgres"
                         " (`rewards-core keys create-master <path>` makes one)")

    def worker_count(self) -> int:
        return self.workers or (os.cpu_count() or 1)


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise SystemExit(f"address must be host:port, got {address!r}")
    return host.strip("[]"), int(port)


def _flag(raw: str) -> bool:
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)
