"""A backend with two workers sharing sessions through Redis, started once for this folder.

Debian's ``redis-server`` on a free port (no persistence: a restart starts empty, the hardest case),
and ``scripts/serve.py --env prod --backend-only`` (``reflex run`` with Granian replacing a worker
that dies) with ``GRANIAN_WORKERS=2``. Backend only: the tests speak Reflex's websocket protocol
(``loadtest/reflex_ws.py``) as the browser does, so no frontend build is needed — it would cost
minutes and would bake another port into ``.web`` (see docs/reliability.md).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tests.processes import free_port, require_tool, start, stop, wait_for_http

WORKERS = 2
#: The feedback test sends 300 answers from one address in a few seconds: raised for this server only
#: (the production defaults are 60 per address and 300 overall per 10 minutes, per worker).
FEEDBACK_LIMITS = {
    "PTI_FEEDBACK_LIMIT_ADDRESS": "2000/600",
    "PTI_FEEDBACK_LIMIT_OVERALL": "2000/600",
    "PTI_FEEDBACK_USUAL_ADDRESS": "2000/600",
}
#: Every tab of these tests comes from 127.0.0.1: the per-client session limits are raised the same way
#: (the production defaults are in README's table; tests/reliability/test_hostile_input.py tests them).
ONE_ADDRESS_LIMITS = {"PTI_SESSIONS_PER_CLIENT": "100000/600", "PTI_CONNECTIONS_PER_CLIENT": "10000"}


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Redis:
    """Debian's redis-server, stopped and started again on the same port by the fault test."""

    port: int
    log: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no"]
        self.proc = subprocess.Popen(
            command, stdout=self.log.open("a"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while not _port_open(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"redis-server did not start:\n{self.log.read_text()[-2000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


@dataclass
class Backend:
    url: str
    port: int
    proc: subprocess.Popen
    log: Path
    database: Path
    redis: Redis
    killed: list[int] = field(default_factory=list)
    #: When each worker was first seen (monotonic clock): psutil's create_time() is computed from the
    #: boot time in whole seconds, and can be ~1 s off the wall clock.
    first_seen: dict[int, float] = field(default_factory=dict)

    def workers(self) -> list[psutil.Process]:
        children = psutil.Process(self.proc.pid).children()
        now = time.monotonic()
        for child in children:
            self.first_seen.setdefault(child.pid, now)
        return children

    def worker_serving(self, local_ports: set[int]) -> psutil.Process:
        """The worker that holds the websocket whose client side uses one of ``local_ports``."""
        for worker in self.workers():
            connections = getattr(worker, "net_connections", worker.connections)("tcp")
            if any(
                c.raddr and c.laddr.port == self.port and c.raddr.port in local_ports for c in connections
            ):
                return worker
        raise AssertionError(f"no worker holds a connection from ports {local_ports}")

    def kill(self, worker: psutil.Process) -> None:
        """SIGKILL, like the OOM killer. Granian takes a second death of a worker less than 5.5 s
        after it replaced it for a crash loop and stops everything: wait that long first (counted
        from when we first saw the worker, which is after Granian started replacing it)."""
        self.workers()
        age = time.monotonic() - self.first_seen.get(worker.pid, time.monotonic())
        if age < 6.5:
            time.sleep(6.5 - age)
        os.kill(worker.pid, signal.SIGKILL)

    def wait_for_workers(self, count: int, timeout: float = 30) -> list[psutil.Process]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            workers = [w for w in self.workers() if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
            if len(workers) == count:
                return workers
            time.sleep(0.2)
        raise AssertionError(f"expected {count} workers, found {len(self.workers())}:\n{self.log_tail()}")

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


@pytest.fixture(scope="package")
def redis(tmp_path_factory):
    require_tool(
        shutil.which("redis-server"),
        "redis-server is missing: scripts/setup.sh --dev installs it (Debian package redis-server)",
    )
    server = Redis(port=free_port(), log=tmp_path_factory.mktemp("redis") / "redis.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="package")
def backend(redis, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workers")
    port = free_port()
    log = tmp / "backend.log"
    database = tmp / "reliability.db"
    env = {
        **os.environ,
        "REFLEX_REDIS_URL": redis.url,
        "GRANIAN_WORKERS": str(WORKERS),
        "GRANIAN_LOG_LEVEL": "info",  # the log then shows each worker respawn
        "PTI_PORT": str(port),
        "PTI_DATABASE_URL": f"sqlite:///{database}",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        **FEEDBACK_LIMITS,
        **ONE_ADDRESS_LIMITS,
    }
    command = [
        sys.executable,
        "scripts/serve.py",
        "--env",
        "prod",
        "--backend-only",
        "--backend-port",
        str(port),
    ]
    proc = start(command, env, log)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(f"{url}/ping", proc, log, 240, "the backend")
    server = Backend(url=url, port=port, proc=proc, log=log, database=database, redis=redis)
    server.wait_for_workers(WORKERS)
    yield server
    stop(proc, timeout=20)
