"""The servers a capacity run starts for itself, so that one command gives one row of the tables in
docs/performance.md: the app as ``scripts/run.sh`` runs it (one worker, sessions in memory), as
``scripts/run-workers.sh`` runs it (N workers, sessions in Redis), or as several hosts would (H server
processes, each with its own Granian supervisor and N workers, sharing one Redis behind nginx,
round robin with no stickiness: docs/reliability.md).

Each server is ``scripts/serve.py``: the first one builds the frontend, the others serve that build
(``--prebuilt``). Every process is started in a session of its own and stopped with its children.

``code=<git revision>`` runs the server of that revision instead of the working tree (a « before »
row): ``git archive`` of it into a temporary folder that borrows this tree's ``.venv`` and ``tools``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
        return response.status == 200
    return False


@dataclass
class Process:
    name: str
    proc: subprocess.Popen
    log: Path

    def wait_for(self, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not _answers(url):
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} stopped:\n{self.log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > deadline:
                raise SystemExit(f"{self.name} did not answer {url} in {timeout:.0f} s")
            time.sleep(0.5)

    def stop(self, timeout: float = 20) -> None:
        if self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)


def checkout(revision: str, into: Path) -> Path:
    """The files of ``revision`` in ``into``, with this tree's virtualenv and tools (not built)."""
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    for shared in (".venv", "tools/node_modules"):
        (into / shared).parent.mkdir(parents=True, exist_ok=True)
        (into / shared).symlink_to(ROOT / shared)
    return into


def start(name: str, command: list[str], env: dict[str, str], logs: Path, cwd: Path = ROOT) -> Process:
    log = logs / f"{name}.log"
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    return Process(name, proc, log)


NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 16384; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    upstream pti {{ {servers} keepalive 64; }}
    map $http_upgrade $connection_upgrade {{ default upgrade; '' ''; }}
    server {{
        listen 127.0.0.1:{port};
        location /_event {{
            proxy_pass http://pti;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
        }}
        location / {{
            proxy_pass http://pti;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""


@dataclass
class Deployment:
    """What ``--serve`` started: the URL to load, the ports whose process trees are the server, Redis."""

    url: str
    server_ports: list[int]
    redis_port: int | None = None
    proxy: Process | None = None
    processes: list[Process] = field(default_factory=list)
    logs: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pti-capacity-")))

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()


#: The limits a crowd from one address needs (as tests/e2e and tests/reliability raise them).
ONE_ADDRESS_LIMITS = {
    "PTI_SESSIONS_PER_CLIENT": "100000/600",
    "PTI_CONNECTIONS_PER_CLIENT": "10000",
    "PTI_FEEDBACK_LIMIT_ADDRESS": "100000/600",
    "PTI_FEEDBACK_USUAL_ADDRESS": "100000/600",
}


def deploy(
    kind: str, workers: int, hosts: int, prebuilt: bool, port: int | None = None, code: str | None = None
) -> Deployment:
    """``memory``: scripts/run.sh's server; ``redis``: scripts/run-workers.sh's; ``hosts``: ``hosts``
    servers of ``workers`` workers each, one Redis, nginx in front."""
    base_env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    venv_bin = str(ROOT / ".venv" / "bin")
    base_env["PATH"] = f"{venv_bin}:{base_env.get('PATH', '')}"
    base_env.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
    base_env.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")
    base_env.setdefault("REFLEX_USE_GRANIAN", "true")
    base_env.setdefault("REFLEX_BUN_PATH", str(ROOT / "tools" / "node_modules" / ".bin" / "bun"))
    # Every simulated visitor comes from 127.0.0.1 (nginx's address behind it): the per-client limits
    # of the edge guard and of the feedback would take the crowd for one flooding client
    # (docs/reliability.md, « Hostile input »). Older code (--code) ignores these settings.
    for name, value in ONE_ADDRESS_LIMITS.items():
        base_env.setdefault(name, value)
    if code and kind == "hosts":
        raise SystemExit(
            "--code runs one server: serve.py --prebuilt (for the other hosts) came with this work"
        )
    deployment = Deployment(url="", server_ports=[])
    root = ROOT
    if code:
        (deployment.logs / "code").mkdir()
        root = checkout(code, deployment.logs / "code")
    try:
        if kind != "memory":
            if not shutil.which("redis-server"):
                raise SystemExit("redis-server is missing: scripts/setup.sh --dev installs it")
            redis_port = free_port()
            command = ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1"]
            command += ["--save", "", "--appendonly", "no", "--loglevel", "warning"]
            redis = start("redis", command, base_env, deployment.logs)
            deployment.processes.append(redis)
            deployment.redis_port = redis_port
            deadline = time.monotonic() + 10
            while subprocess.run(
                ["redis-cli", "-p", str(redis_port), "ping"], capture_output=True
            ).returncode:
                if time.monotonic() > deadline:
                    raise SystemExit("redis-server did not start")
                time.sleep(0.1)
            base_env["REFLEX_REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        count = hosts if kind == "hosts" else 1
        for index in range(count):
            server_port = port if (port and count == 1) else free_port()
            env = {**base_env, "GRANIAN_WORKERS": str(1 if kind == "memory" else workers)}
            command = [sys.executable, "scripts/serve.py", "--env", "prod"]
            command += ["--frontend-port", str(server_port), "--backend-port", str(server_port)]
            if prebuilt or index > 0:
                command.append("--prebuilt")
            server = start(f"server-{index + 1}", command, env, deployment.logs, cwd=root)
            deployment.processes.append(server)
            server.wait_for(f"http://127.0.0.1:{server_port}/fr/", timeout=900)
            deployment.server_ports.append(server_port)
        deployment.url = f"http://127.0.0.1:{deployment.server_ports[0]}"
        if kind == "hosts":
            if not shutil.which("nginx"):
                raise SystemExit(
                    "nginx is missing: apt-get install nginx-light (scripts/setup.sh --dev does)"
                )
            proxy_port = free_port()
            servers = " ".join(f"server 127.0.0.1:{p};" for p in deployment.server_ports)
            conf = deployment.logs / "nginx.conf"
            conf.write_text(NGINX_CONF.format(dir=deployment.logs, servers=servers, port=proxy_port))
            proxy = start("nginx", ["nginx", "-c", str(conf), "-g", "daemon off;"], base_env, deployment.logs)
            deployment.processes.append(proxy)
            deployment.proxy = proxy
            deployment.url = f"http://127.0.0.1:{proxy_port}"
            proxy.wait_for(f"{deployment.url}/fr/", timeout=30)
    except BaseException:
        deployment.stop()
        raise
    return deployment
