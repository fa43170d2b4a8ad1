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
    otp_sender: str = "log"
    """REWARDS_OTP_SENDER: where redemption OTPs go: `log` (the server log, for development) or
    `capture:<path>` (JSON lines appended to a file, for tests)."""
    otp_rate_max: int = limits.OTP_PER_ACCOUNT_MAX
    """REWARDS_OTP_RATE_MAX: redemption OTPs one account may request per 10 minutes."""
    expiry_interval_s: float = 60.0
    """REWARDS_EXPIRY_INTERVAL_S: how often a worker runs the points expiry job (0 disables it)."""

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
        if bool(self.tls_cert_file) != bool(self.tls_key_file):
            raise SystemExit("REWARDS_TLS_CERT_FILE and REWARDS_TLS_KEY_FILE go together")
        if self.tls_client_ca_file and not self.tls_cert_file:
            raise SystemExit("REWARDS_TLS_CLIENT_CA_FILE needs REWARDS_TLS_CERT_FILE and REWARDS_TLS_KEY_FILE")
        from core.adapters.otp import sender_from_spec
        try:
            sender_from_spec(self.otp_sender)
        except ValueError as error:
            raise SystemExit(f"REWARDS_OTP_SENDER: {error}") from None
        return self

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
