"""Entry point of one worker process (started by the supervisor): `python -m server.worker`."""

from __future__ import annotations

import asyncio
import os

from server import logs
from server.config import Config


def main() -> None:
    config = Config.from_env()
    logs.configure(config.log_level)
    from server.app import run_worker

    coroutine = run_worker(config, os.environ["REDIS_URL"], os.environ["DATABASE_URL"],
                           os.environ["REWARDS_WORKER_ADDRESS"])
    try:
        import uvloop
    except ImportError:
        asyncio.run(coroutine)
    else:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(coroutine)


if __name__ == "__main__":
    main()
