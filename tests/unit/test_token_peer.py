"""The token endpoints limit per peer address: the port (a new one per connection) is not part of it."""

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
