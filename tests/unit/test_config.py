from __future__ import annotations

from pathlib import Path

import pytest

from server.config import Config, split_address


def test_defaults_match_the_readme():
    config = Config.from_env({})

    assert config.address == "[::]:50051"
    assert config.data_dir == Path(".data")
    assert config.redis_url is None and config.database_url is None
    assert config.worker_count() >= 1


def test_environment_variables_are_read_and_typed():
    config = Config.from_env({"REWARDS_ADDRESS": "127.0.0.1:0", "REWARDS_WORKERS": "3",
                              "REWARDS_SHUTDOWN_GRACE_S": "2.5", "REWARDS_METRICS_ADDRESS": "",
                              "REDIS_URL": "redis://r:6379/0"})

    assert (config.address, config.workers, config.shutdown_grace_s) == ("127.0.0.1:0", 3, 2.5)
    assert config.metrics_address == "" and config.redis_url == "redis://r:6379/0"


def test_a_bad_number_is_a_clear_startup_error():
    with pytest.raises(SystemExit, match="REWARDS_WORKERS"):
        Config.from_env({"REWARDS_WORKERS": "many"})


@pytest.mark.parametrize("address, expected", [
    ("[::]:50051", ("::", 50051)), ("127.0.0.1:0", ("127.0.0.1", 0)), ("localhost:9", ("localhost", 9))])
def test_addresses_split_into_host_and_port(address, expected):
    assert split_address(address) == expected
