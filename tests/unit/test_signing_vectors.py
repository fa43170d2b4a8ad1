"""The shared request-signing vectors hold for the server's implementation and the Python client's.

The vectors (tests/vectors/request_signing.json) were computed once from the written definition;
every client (Go, TypeScript, Java) checks the same file, so the implementations cannot drift.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from core.domain import auth as server_side
from rewards_client import auth as client_side

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "request_signing.json").read_text())["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["method"].rsplit("/", 1)[1])
def test_the_server_derives_the_key_and_verifies_the_signature(vector):
    key = server_side.signing_key(vector["secret"])
    body = bytes.fromhex(vector["body_hex"])
    digest = hashlib.sha256(body).digest()

    assert key.hex() == vector["signing_key_hex"]
    string_to_sign = server_side.string_to_sign(vector["method"], vector["timestamp"], vector["nonce"], digest)
    assert string_to_sign.decode() == vector["string_to_sign"]
    assert server_side.signature(key, vector["method"], vector["timestamp"], vector["nonce"], body) == vector["signature"]
    assert server_side.signature_matches(key, vector["method"], vector["timestamp"], vector["nonce"], digest,
                                         vector["signature"])


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["method"].rsplit("/", 1)[1])
def test_the_python_client_signs_exactly_as_the_server_verifies(vector):
    key = client_side.signing_key(vector["secret"])

    signature = client_side.sign(key, vector["method"], vector["timestamp"], vector["nonce"],
                                 bytes.fromhex(vector["body_hex"]))

    assert (key.hex(), signature) == (vector["signing_key_hex"], vector["signature"])


def test_a_changed_byte_changes_the_signature():
    vector = VECTORS[0]
    key = server_side.signing_key(vector["secret"])
    body = bytearray.fromhex(vector["body_hex"])
    body[0] ^= 1

    assert not server_side.signature_matches(key, vector["method"], vector["timestamp"], vector["nonce"],
                                             hashlib.sha256(bytes(body)).digest(), vector["signature"])
