"""Capacity run: the Locust journeys at several session counts, one after the other, against a
server that is already running; prints one Markdown table row per count and the knee (the first
count whose p95 event latency is over the target).

    python -m loadtest.capacity --host http://127.0.0.1:3105 --users 100,200,300,400

Measured per step, once every session is connected (the ramp is left out, ``--reset-stats``):
- events: every websocket event of the journeys (answers, result page load, town search), from the
  emit to the update that answers it — the p50/p95/p99 the target is about;
- page opens: websocket connect + hydrate of a page (its HTTP GET is counted apart);
- errors: failed steps of any kind (HTTP, websocket, wrong answer);
- backend memory: the process that listens on the port and all its children (Granian's
  supervisor and workers): the highest RSS of one worker, and the highest total PSS (proportional
  set size: pages the forked workers share with the supervisor are counted once);
- CPU of the server tree, of Locust itself, and of everything else on the machine (100 % = one
  core; they share the machine's two).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import psutil

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95_MS = 150.0


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def server_processes(port: int) -> list[psutil.Process]:
    """The process listening on ``port`` and every descendant (Granian's workers)."""
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid:
            root = psutil.Process(conn.pid)
            # The listener may be a forked worker: climb to the supervisor (same command line).
            while root.parent() is not None and root.parent().cmdline() == root.cmdline():
                root = root.parent()
            return [root, *root.children(recursive=True)]
    raise SystemExit(f"no process listens on port {port}")


class Sampler(threading.Thread):
    """Samples the server tree's RSS and CPU, and the load generator's CPU, every second."""

    def __init__(self, port: int, generator: psutil.Process, redis_port: int | None = None):
        super().__init__(daemon=True)
        self.port, self.generator, self.redis_port = port, generator, redis_port
        self.redis_rss_max = 0
        #: Highest RSS of one worker, and of the whole tree in PSS (shared pages counted once).
        self.worker_rss_max = 0
        self.pss_max = 0
        self.cpu_server: list[float] = []
        self.cpu_generator: list[float] = []
        self.cpu_machine: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        tree = server_processes(self.port)
        supervisor = tree[0].pid
        procs = {p.pid: p for p in tree}
        redis = server_processes(self.redis_port)[0] if self.redis_port else None
        for p in [*procs.values(), self.generator]:
            p.cpu_percent(None)
        psutil.cpu_percent(None)
        while not self.stop.wait(1.0):
            try:
                for p in server_processes(self.port):  # workers may be respawned
                    if p.pid not in procs:
                        procs[p.pid] = p
                        p.cpu_percent(None)
                pss, cpu = 0, 0.0
                for pid, p in list(procs.items()):
                    try:
                        memory = p.memory_full_info()
                        pss += memory.pss
                        if p.pid != supervisor:
                            self.worker_rss_max = max(self.worker_rss_max, memory.rss)
                        cpu += p.cpu_percent(None)
                    except psutil.NoSuchProcess:
                        del procs[pid]
                self.pss_max = max(self.pss_max, pss)
                if redis is not None:
                    self.redis_rss_max = max(self.redis_rss_max, redis.memory_info().rss)
                self.cpu_server.append(cpu)
                self.cpu_generator.append(self.generator.cpu_percent(None))
                self.cpu_machine.append(psutil.cpu_percent(None) * psutil.cpu_count())
            except (psutil.NoSuchProcess, SystemExit):
                continue


def run_step(
    host: str, users: int, ramp: float, hold: int, think: str, langs: str, redis_port: int | None = None
) -> dict:
    port = urlparse(host).port or 80
    with tempfile.TemporaryDirectory() as tmp:
        samples_file = Path(tmp) / "samples.json"
        env = {
            **os.environ,
            "PTI_LOAD_SAMPLES": str(samples_file),
            "PTI_LOAD_THINK": think,
            "PTI_LOAD_LANGS": langs,
        }
        run_time = int(users / ramp) + hold
        command = [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "loadtest" / "locustfile.py"),
            "--host",
            host,
            "--headless",
            "--only-summary",
            "--reset-stats",
            "-u",
            str(users),
            "-r",
            str(ramp),
            "-t",
            f"{run_time}s",
            "--loglevel",
            "WARNING",
        ]
        locust = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        sampler = Sampler(port, psutil.Process(locust.pid), redis_port)
        time.sleep(users / ramp)  # CPU and RSS over the steady part
        sampler.start()
        try:
            _out, err = locust.communicate(timeout=run_time + 30)
        except subprocess.TimeoutExpired:
            # Stuck while stopping its users: dump the greenlets (locustfile.py), then ask it to quit
            # (SIGTERM still writes the samples), and kill it if even that does not work.
            locust.send_signal(signal.SIGUSR1)
            time.sleep(1)
            locust.terminate()
            try:
                _out, err = locust.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                locust.kill()
                _out, err = locust.communicate()
        sampler.stop.set()
        sampler.join()
        if not samples_file.exists():
            raise SystemExit(f"locust wrote no samples (rc={locust.returncode}):\n{err[-3000:]}")
        samples = json.loads(samples_file.read_text())
    events = [ms for kind, name, ms, ok in samples if kind == "WS" and ok and not name.startswith("open ")]
    opens = [ms for kind, name, ms, ok in samples if kind == "WS" and ok and name.startswith("open ")]
    gets = [ms for kind, _name, ms, ok in samples if kind == "GET" and ok]
    errors = [name for _kind, name, _ms, ok in samples if not ok]
    return {
        "users": users,
        "seconds": hold,
        "events": len(events),
        "events_per_s": len(events) / hold,
        "p50": percentile(events, 0.50),
        "p95": percentile(events, 0.95),
        "p99": percentile(events, 0.99),
        "open_p95": percentile(opens, 0.95),
        "get_p95": percentile(gets, 0.95),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "worker_rss_mib": sampler.worker_rss_max / 2**20,
        "pss_mib": sampler.pss_max / 2**20,
        "redis_mib": sampler.redis_rss_max / 2**20 if redis_port else None,
        "cpu_server": statistics.mean(sampler.cpu_server) if sampler.cpu_server else float("nan"),
        "cpu_generator": statistics.mean(sampler.cpu_generator) if sampler.cpu_generator else float("nan"),
        "cpu_others": max(
            0.0,
            statistics.mean(sampler.cpu_machine or [0.0])
            - statistics.mean(sampler.cpu_server or [0.0])
            - statistics.mean(sampler.cpu_generator or [0.0]),
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", required=True, help="the running server, e.g. http://127.0.0.1:3105")
    parser.add_argument("--users", default="100,200,300,400", help="session counts, comma-separated")
    parser.add_argument("--ramp", type=float, default=10, help="new sessions per second while ramping")
    parser.add_argument("--hold", type=int, default=90, help="seconds measured once all sessions are on")
    parser.add_argument("--think", default="1,3", help="seconds between two clicks (random in this range)")
    parser.add_argument("--langs", default="fr,en,es,ar")
    parser.add_argument("--label", default="", help="a word for the table (e.g. '1 worker')")
    parser.add_argument("--redis-port", type=int, help="also report the RSS of the Redis listening there")
    args = parser.parse_args(argv)

    print(f"# {args.label or args.host} — think time {args.think} s, {args.hold} s measured per step")
    print(
        "| sessions | events/s | p50 ms | **p95 ms** | p99 ms | page open p95 ms | GET p95 ms | errors "
        "| RSS per worker MiB | backend PSS MiB | Redis RSS MiB | CPU server % | CPU Locust % | CPU others % |"
    )
    print("| ---: " * 14 + "|")
    knee = None
    for users in (int(n) for n in args.users.split(",")):
        row = run_step(args.host, users, args.ramp, args.hold, args.think, args.langs, args.redis_port)
        print(
            f"| {users} | {row['events_per_s']:.0f} | {row['p50']:.0f} | **{row['p95']:.0f}** | {row['p99']:.0f} "
            f"| {row['open_p95']:.0f} | {row['get_p95']:.0f} | {row['errors']} | {row['worker_rss_mib']:.0f} | {row['pss_mib']:.0f} "
            f"| {'—' if row['redis_mib'] is None else round(row['redis_mib'])} "
            f"| {row['cpu_server']:.0f} | {row['cpu_generator']:.0f} | {row['cpu_others']:.0f} |",
            flush=True,
        )
        if row["errors"]:
            print(f"<!-- errors at {users}: {', '.join(row['error_kinds'])} -->", flush=True)
        if knee is None and row["p95"] > TARGET_P95_MS:
            knee = users
    print()
    print(f"knee (first count with p95 > {TARGET_P95_MS:.0f} ms): {knee if knee else 'not reached'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
