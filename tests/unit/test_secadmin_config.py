"""Token endpoints limit per peer address (the port, new per connection, is not part of it); the
OTP sender `log` is a development choice, never taken with TLS."""

from __future__ import annotations

import pytest

from server.servicers.auth import peer_address


@pytest.mark.parametrize("peer, address", [
    ("ipv4:10.0.0.1:51234", "10.0.0.1"),
    ("ipv6:[::1]:51234", "::1"),
    ("ipv6:%5B2001:db8::7%5D:443", "2001:db8::7"),
    ("unix:/tmp/rewards.sock", "unix"),
    ("", "unknown"),
])
def test_the_peer_address_drops_the_port(peer, address):
    assert peer_address(peer) == address


def test_the_log_otp_sender_is_never_chosen_with_tls():
    from server.config import Config

    with pytest.raises(SystemExit, match="refused when TLS is configured"):
        Config.from_env({"REWARDS_OTP_SENDER": "log", "REWARDS_TLS_CERT_FILE": "c", "REWARDS_TLS_KEY_FILE": "k"})
    embedded_tls = Config.from_env({"REWARDS_TLS_CERT_FILE": "c", "REWARDS_TLS_KEY_FILE": "k"})
    with pytest.raises(SystemExit, match="REWARDS_OTP_SENDER is required"):
        embedded_tls.otp_sender_spec()
    assert Config.from_env({}).otp_sender_spec() == "log"  # The embedded development setup.
