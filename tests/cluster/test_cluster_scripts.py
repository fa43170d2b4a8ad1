"""The script loader on a real Redis Cluster: one tick's calls are pipelined per node, each call on
its slot's master; a call whose keys span two slots fails alone; NOSCRIPT reloads on every node."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from redis.exceptions import RedisClusterException

from core.adapters.redis.client import connect
from core.adapters.redis.scripts import Scripts
from core.adapters.redis.slots import slots_of

CALLS = 60
"""Enough distinct hash tags that every master of the cluster gets some."""


@pytest.fixture
async def cluster_scripts(redis_cluster):
    client = connect(redis_cluster.url)
    try:
        yield client, Scripts(client)
    finally:
        await client.aclose()


def marker(tag: str) -> str:
    return f"rewards:idem:{{t:{tag}}}:{uuid.uuid4().hex}"


async def claim(scripts: Scripts, keys: list[str]):
    return await scripts.run("idempotency_claim", keys, ["00", 60_000])


async def test_one_tick_of_calls_on_every_master_answers_each_on_its_slot(cluster_scripts, redis_cluster):
    client, scripts = cluster_scripts
    keys = [marker(str(index)) for index in range(CALLS)]

    answers = await asyncio.gather(*(claim(scripts, [key]) for key in keys))

    assert answers == [0] * CALLS  # CLAIMED, each on the master of its key's slot.
    owners = {client.get_node_from_key(key).name for key in keys}
    assert len(owners) == len(redis_cluster.master_ports()) == 3
    assert all(await asyncio.gather(*(client.exists(key) for key in keys)))


async def test_a_call_spanning_two_slots_fails_alone_and_the_rest_of_its_tick_runs(cluster_scripts):
    _, scripts = cluster_scripts
    spanning = [marker("a"), marker("b")]
    assert len(slots_of(spanning)) == 2
    fine = [marker(str(index)) for index in range(10)]

    answers = await asyncio.gather(claim(scripts, spanning), *(claim(scripts, [key]) for key in fine),
                                   return_exceptions=True)

    assert isinstance(answers[0], RedisClusterException)
    assert answers[1:] == [0] * len(fine)


async def test_a_flushed_script_cache_is_reloaded_on_every_node(cluster_scripts):
    client, scripts = cluster_scripts
    await asyncio.gather(*(claim(scripts, [marker(str(index))]) for index in range(CALLS)))
    assert await client.script_flush()  # Every master forgets every script (a restart, a failover).

    answers = await asyncio.gather(*(claim(scripts, [marker(str(index))]) for index in range(CALLS)))

    assert answers == [0] * CALLS


async def test_a_burst_on_one_slot_beyond_the_pool_waits_for_a_connection_instead_of_failing(redis_cluster):
    client = connect(redis_cluster.url, max_connections=8)
    key = "rewards:{a:burst}:w"
    try:
        await client.hset(key, mapping={"bal": 1})

        async def transaction():
            async with client.pipeline(transaction=True) as pipe:
                return await pipe.hincrby(key, "n", 1).pexpire(key, 60_000).execute()

        reads = await asyncio.gather(*(client.hgetall(key) for _ in range(300)))
        writes = await asyncio.gather(*(transaction() for _ in range(100)))

        assert all(read[b"bal"] == b"1" for read in reads)
        assert sorted(count for count, _ in writes) == list(range(1, 101))
    finally:
        await client.aclose()
