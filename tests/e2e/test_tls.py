"""Optional TLS and mutual TLS from configured PEM files."""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import tempfile
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.e2e.harness import ServerProcess


def _certificate(subject: str, key, issuer_key=None, issuer=None, ca: bool = False, server: bool = False):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer or name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if server:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


def _pem(item) -> bytes:
    if isinstance(item, x509.Certificate):
        return item.public_bytes(serialization.Encoding.PEM)
    return item.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())


@pytest.fixture(scope="module")
def pki():
    directory = Path(tempfile.mkdtemp(prefix="rc-tls-", dir="/tmp"))
    ca_key, server_key, client_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca = _certificate("rewards test CA", ca_key, ca=True)
    files = {
        "ca.pem": _pem(ca), "server.pem": _pem(_certificate("localhost", server_key, ca_key, ca.subject, server=True)),
        "server.key": _pem(server_key), "client.pem": _pem(_certificate("checkout", client_key, ca_key, ca.subject)),
        "client.key": _pem(client_key),
    }
    for name, data in files.items():
        (directory / name).write_bytes(data)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def serve(stores, pki: Path, *, mutual: bool, credentials: grpc.ChannelCredentials) -> ServerProcess:
    env = {"REWARDS_TLS_CERT_FILE": str(pki / "server.pem"), "REWARDS_TLS_KEY_FILE": str(pki / "server.key")}
    if mutual:
        env["REWARDS_TLS_CLIENT_CA_FILE"] = str(pki / "ca.pem")
    data_dir = Path(tempfile.mkdtemp(prefix="rc-tlss-", dir="/tmp"))
    return ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url, env=env,
                         channel_credentials=credentials)


def health(target: str, credentials: grpc.ChannelCredentials | None) -> int:
    channel = grpc.secure_channel(target, credentials) if credentials else grpc.insecure_channel(target)
    with channel:
        return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=3).status


def test_with_a_certificate_the_server_speaks_tls_only(stores, pki):
    trust = grpc.ssl_channel_credentials((pki / "ca.pem").read_bytes())
    server = serve(stores, pki, mutual=False, credentials=trust).start()
    try:
        assert health(server.target, trust) == health_pb2.HealthCheckResponse.SERVING
        with pytest.raises(grpc.RpcError):
            health(server.target, None)
    finally:
        server.terminate()


def test_with_a_client_ca_the_server_requires_a_client_certificate(stores, pki):
    with_certificate = grpc.ssl_channel_credentials((pki / "ca.pem").read_bytes(), (pki / "client.key").read_bytes(),
                                                    (pki / "client.pem").read_bytes())
    server = serve(stores, pki, mutual=True, credentials=with_certificate).start()
    try:
        assert health(server.target, with_certificate) == health_pb2.HealthCheckResponse.SERVING
        with pytest.raises(grpc.RpcError):
            health(server.target, grpc.ssl_channel_credentials((pki / "ca.pem").read_bytes()))
    finally:
        server.terminate()
