"""The Redis key layout of accounts, tokens and clients, byte for byte (DESIGN.md section 4): each
script's keys share one hash tag, so they land in one Redis Cluster slot; a renamed key would
orphan every entry a running deployment holds."""

from __future__ import annotations

from core.adapters.redis.accounts import state_key
from core.adapters.redis.auth import (client_tag, deny_key, peer_tag, replay_key, token_bucket_key,
                                      token_failures_key, token_lock_key)
from core.adapters.redis.clients import client_state_key


def hash_tag(key: str) -> str:
    return key[key.index("{") + 1:key.index("}")]


def test_the_key_strings():
    assert state_key("a1") == "rewards:{a:a1}:state"
    assert deny_key("cl_1", "j1") == "rewards:{c:cl_1}:deny:j1"
    assert replay_key("cl_1", "rt1") == "rewards:{c:cl_1}:refresh-replay:rt1"
    assert client_state_key("cl_1") == "rewards:{c:cl_1}:client"
    assert token_lock_key(client_tag("cl_1")) == "rewards:{c:cl_1}:token-lock"
    assert token_bucket_key(client_tag("cl_1")) == "rewards:{c:cl_1}:token-bucket"
    assert token_failures_key("cl_1") == "rewards:{c:cl_1}:token-failures"
    assert token_bucket_key(peer_tag("10.0.0.1")) == "rewards:{p:10.0.0.1}:token-bucket"
    assert peer_tag("") == "rewards:{p:unknown}"


def test_each_scripts_keys_share_one_hash_tag():
    gate = (token_lock_key(client_tag("cl_1")), token_bucket_key(client_tag("cl_1")))
    failure = (token_failures_key("cl_1"), token_lock_key(client_tag("cl_1")))
    admission = (deny_key("cl_1", "j"), client_state_key("cl_1"))

    for keys in (gate, failure, admission):
        assert len({hash_tag(key) for key in keys}) == 1
