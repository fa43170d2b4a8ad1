"""REDIS_URL forms (core/adapters/redis/client.py) and the slot check / recorder of script calls
(core/adapters/redis/slots.py), without a server."""

from __future__ import annotations

import pytest
import redis.asyncio as aredis
from redis.exceptions import RedisClusterException

from core.adapters.redis.client import cluster_seeds, connect, is_cluster_url
from core.adapters.redis.slots import SLOTS_FILE_ENV, read_records, slot_check_for, spanning


def test_a_cluster_url_names_its_seeds_credentials_and_tls():
    assert cluster_seeds("redis+cluster://10.0.0.1:7000,10.0.0.2:7001") == (
        [("10.0.0.1", 7000), ("10.0.0.2", 7001)], {"ssl": False})
    assert cluster_seeds("rediss+cluster://app:s%40cret@[::1]:7000") == (
        [("::1", 7000)], {"ssl": True, "username": "app", "password": "s@cret"})


@pytest.mark.parametrize("url", ["redis+cluster://host", "redis+cluster://:7000", "redis+cluster://h:7000/3",
                                 "redis://h:6379"])
def test_a_bad_cluster_url_is_refused_with_its_text(url):
    with pytest.raises(ValueError, match="Redis Cluster"):
        cluster_seeds(url)


def test_the_factory_builds_a_cluster_client_only_for_a_cluster_url():
    assert is_cluster_url("REDIS+CLUSTER://h:1") and not is_cluster_url("unix:///tmp/r.sock")
    assert isinstance(connect("redis+cluster://127.0.0.1:7000"), aredis.RedisCluster)  # GatedRedisCluster
    single = connect("redis://127.0.0.1:6379/0", max_connections=3)
    assert isinstance(single, aredis.Redis) and single.connection_pool.max_connections == 3


def test_on_a_single_redis_without_the_hook_no_call_is_checked(monkeypatch):
    monkeypatch.delenv(SLOTS_FILE_ENV, raising=False)
    assert slot_check_for(aredis.Redis()) is None


def test_on_a_cluster_a_call_on_two_slots_is_refused_and_one_on_one_slot_passes(monkeypatch):
    monkeypatch.delenv(SLOTS_FILE_ENV, raising=False)
    check = slot_check_for(aredis.RedisCluster(host="127.0.0.1", port=7000))
    check("coupon_redeem", ["rewards:{o:1}:n", "rewards:{o:1}:a:x"])
    with pytest.raises(RedisClusterException, match="2 slots"):
        check("coupon_redeem", ["rewards:{o:1}:n", "rewards:{a:x}:w"])


def test_the_recorder_notes_every_call_and_tells_the_ones_on_two_slots(monkeypatch, tmp_path):
    path = tmp_path / "slots.txt"
    monkeypatch.setenv(SLOTS_FILE_ENV, str(path))
    check = slot_check_for(aredis.Redis())
    check("wallet_reserve", ["rewards:{a:1}:w", "rewards:{a:1}:res:3"])
    check("admit_request", [])
    check("coupon_redeem", ["rewards:{o:1}:n", "rewards:{a:1}:w"])  # Recorded, not refused: one Redis.

    records = read_records(path)

    assert [name for name, _ in records] == ["wallet_reserve", "admit_request", "coupon_redeem"]
    assert records[1][1] == (-1,)
    assert [name for name, _ in spanning(records)] == ["coupon_redeem"]
