"""Capacity run: one command per row of the capacity tables in docs/performance.md.

Starts the server itself (``--serve``) as ``scripts/run.sh`` or ``scripts/run-workers.sh`` runs it,
or as several hosts would (server processes sharing one Redis behind nginx); or loads a server that
is already running (``--host``). Then plays the Locust journeys (``loadtest/locustfile.py``) at
each count of people, one after the other, and prints one Markdown row per count and the knee (the
first count whose p95 is over 150 ms).

    python -m loadtest.capacity --serve memory --users 300            # scripts/run.sh's server
    python -m loadtest.capacity --serve redis --workers 2 --users 300 # scripts/run-workers.sh's
    python -m loadtest.capacity --serve hosts --hosts 2 --workers 1 --users 300
    python -m loadtest.capacity --serve redis --workers 2 --crowd mixed --users 1000,2000
    python -m loadtest.capacity --host http://127.0.0.1:3105 --redis-port 6392 --users 100,200

Crowds: ``simulator`` — every person does the simulator then the locator (websocket); ``mixed`` —
70 % read content pages over plain HTTP, 30 % do the simulator then the locator; ``readers`` — only
readers. Measured per step, once every person is on and ``--settle`` seconds more have passed (people
started during the ramp are in step with each other at first: all opening pages; the settling lets
their journeys drift apart, so that the window holds every phase of a journey):

- events: every websocket event (answers, result page, town search), emit → the update answering it;
- page open: an app page's websocket connect + hydrate (its HTTP GET is counted apart);
- read: a reader's content page, the HTML GET (its styles and scripts apart, first page only);
- errors: failed steps of any kind (HTTP, websocket, wrong answer);
- memory: the highest total PSS of the server's processes (supervisors and workers: pages the
  forked workers share are counted once), and Redis's RSS;
- CPU, from each process's CPU time over the measured seconds (100 % = one core; the machine has
  2): the server (its processes, Redis and the proxy), the load generator (Locust), everything else;
  the server's CPU per event (all its work — pages, websockets, Redis — above what it uses idle,
  divided by the events), and
  Redis's commands and CPU per event (what bounds how many hosts one Redis can serve);
- the 1-minute load average at the start and end of the step: other work on the machine shows there.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import psutil

from loadtest import servers

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95_MS = 150.0
CROWDS = {"simulator": ["Visitor"], "mixed": ["Visitor", "Reader"], "readers": ["Reader"]}


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def process_tree(port: int) -> list[psutil.Process]:
    """The process listening on ``port`` (climbing to its supervisor) and all its descendants."""
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid:
            root = psutil.Process(conn.pid)
            while root.parent() is not None and root.parent().cmdline() == root.cmdline():
                root = root.parent()
            return [root, *root.children(recursive=True)]
    raise SystemExit(f"no process listens on port {port}")


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _machine_busy() -> float:
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def server_pss_mib(ports: list[int]) -> float:
    total = 0
    for port in ports:
        for process in process_tree(port):
            total += process.memory_full_info().pss
    return total / 2**20


class Sampler(threading.Thread):
    """Every second: PSS of the server's processes; CPU time of every process of interest."""

    #: Memory is read every few ticks only: reading a process's page map stalls its page faults.
    PSS_EVERY = 5

    def __init__(self, ports: list[int], generator: psutil.Process, redis_port: int | None, proxy_pid):
        super().__init__(daemon=True)
        # The roots once (finding who listens on a port scans every socket of the machine); their
        # children at each tick (Granian may replace a worker).
        self.roots = {"server": [process_tree(port)[0] for port in ports], "generator": [generator]}
        if redis_port:
            self.roots["server"].append(process_tree(redis_port)[0])
        if proxy_pid:
            self.roots["server"].append(psutil.Process(proxy_pid))
        self.pss_max = 0.0
        self.redis_rss_max = 0
        self.first: dict[tuple[str, int], float] = {}
        self.last: dict[tuple[str, int], float] = {}
        self.ticks = 0
        self.stop = threading.Event()

    def _groups(self) -> dict[str, list[psutil.Process]]:
        groups: dict[str, list[psutil.Process]] = {}
        for group, roots in self.roots.items():
            groups[group] = []
            for root in roots:
                try:
                    groups[group] += [root, *root.children(recursive=True)]
                except psutil.NoSuchProcess:
                    continue
        return groups

    def _sample(self) -> None:
        pss, read_memory = 0, self.ticks % self.PSS_EVERY == 0
        self.ticks += 1
        for group, processes in self._groups().items():
            for process in processes:
                try:
                    seconds = _cpu_seconds(process)
                    if read_memory and group == "server" and process.name() not in ("redis-server", "nginx"):
                        pss += process.memory_full_info().pss
                    if read_memory and process.name() == "redis-server":
                        self.redis_rss_max = max(self.redis_rss_max, process.memory_info().rss)
                except psutil.NoSuchProcess:
                    continue
                self.first.setdefault((group, process.pid), seconds)
                self.last[(group, process.pid)] = seconds
        self.pss_max = max(self.pss_max, pss / 2**20)

    def run(self) -> None:
        self.started = time.monotonic()
        self.machine_start = _machine_busy()
        self._sample()
        while not self.stop.wait(1.0):
            try:
                self._sample()
            except psutil.NoSuchProcess:
                continue
        self.seconds = time.monotonic() - self.started
        self.machine = _machine_busy() - self.machine_start

    def cpu(self, group: str) -> float:
        """CPU seconds the group used while sampled."""
        return sum(self.last[key] - self.first[key] for key in self.last if key[0] == group)

    def busiest(self, group: str, count: int = 8) -> list[float]:
        """The CPU % of the group's busiest processes, highest first: with several workers, whether
        one of them is saturated while the other is not (each worker serves the websockets it
        accepted, for as long as they stay open)."""
        shares = [
            100 * (self.last[key] - self.first[key]) / self.seconds for key in self.last if key[0] == group
        ]
        return sorted(shares, reverse=True)[:count]


def redis_stats(port: int | None) -> dict[str, float]:
    if not port:
        return {}
    import redis

    client = redis.Redis(port=port)
    try:
        stats, cpu = client.info("stats"), client.info("cpu")
        sessions = sum(1 for _ in client.scan_iter(match="*_reflex___state____state", count=1000))
    finally:
        client.close()
    return {
        "commands": stats["total_commands_processed"],
        "cpu": cpu["used_cpu_user"] + cpu["used_cpu_sys"],
        "sessions": sessions,
    }


def idle_cpu_share(ports: list[int], redis_port: int | None, proxy_pid, seconds: float = 10) -> float:
    """The server's CPU with nobody on it (cores): timers, heartbeats, Redis's cron."""
    sampler = Sampler(ports, psutil.Process(), redis_port, proxy_pid)
    sampler.start()
    time.sleep(seconds)
    sampler.stop.set()
    sampler.join()
    return sampler.cpu("server") / sampler.seconds


def run_step(
    args, url: str, ports: list[int], redis_port: int | None, proxy_pid, people: int, idle: float = 0.0
) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        samples_file = Path(tmp) / "samples.json"
        env = {
            **os.environ,
            "PTI_LOAD_SAMPLES": str(samples_file),
            "PTI_LOAD_THINK": args.think,
            "PTI_LOAD_READ": args.read,
            "PTI_LOAD_LANGS": args.langs,
        }
        ramp_seconds = people / args.ramp
        run_time = int(ramp_seconds) + args.settle + args.hold
        command = [sys.executable, "-m", "locust", "-f", str(ROOT / "loadtest" / "locustfile.py")]
        command += ["--host", url, "--headless", "--only-summary", "--reset-stats"]
        command += ["-u", str(people), "-r", str(args.ramp), "-t", f"{run_time}s", "--loglevel", "WARNING"]
        command += CROWDS[args.crowd]
        load_start = os.getloadavg()[0]
        locust = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        time.sleep(ramp_seconds + args.settle)  # measure the steady part only
        measured_from = time.time()
        measured_until = measured_from + args.hold
        before = redis_stats(redis_port)
        sampler = Sampler(ports, psutil.Process(locust.pid), redis_port, proxy_pid)
        sampler.start()
        after: dict[str, float] = {}

        def end_of_measure() -> None:
            # At the end of the hold, not when Locust exits: stopping 2 000 people takes Locust
            # a minute or more, an idle minute that would dilute the CPU and Redis figures.
            if not sampler.stop.is_set():
                sampler.stop.set()
                after.update(redis_stats(redis_port))

        timer = threading.Timer(args.hold, end_of_measure)
        timer.start()
        try:
            _out, err = locust.communicate(timeout=run_time + 60)
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
        timer.cancel()
        end_of_measure()
        sampler.join()
        load_end = os.getloadavg()[0]
        if not samples_file.exists():
            raise SystemExit(f"locust wrote no samples (rc={locust.returncode}):\n{err[-3000:]}")
        samples = [s for s in json.loads(samples_file.read_text()) if measured_from <= s[4] < measured_until]
    ok = [(kind, name, ms) for kind, name, ms, good, *_rest in samples if good]
    events = [ms for kind, name, ms in ok if kind == "WS" and not name.startswith("open ")]
    opens = [ms for kind, name, ms in ok if kind == "WS" and name.startswith("open ")]
    reads = [ms for _kind, name, ms in ok if name == "read page"]
    assets = [ms for _kind, name, ms in ok if name == "read asset"]
    errors = [f"{name} ({(rest or ['?'])[-1]})" for _kind, name, _ms, good, _at, *rest in samples if not good]
    # The events of the window, and as many per second over the sampler's (slightly longer) time.
    window = max((s[4] for s in samples), default=measured_until) - measured_from
    window = max(window, 1.0)
    server_cpu = sampler.cpu("server")
    generator_cpu = sampler.cpu("generator")
    seconds = sampler.seconds
    row = {
        "people": people,
        "events_per_s": len(events) / window,
        "reads_per_s": len(reads) / window,
        "p50": percentile(events, 0.50),
        "p95": percentile(events, 0.95),
        "p99": percentile(events, 0.99),
        "open_p95": percentile(opens, 0.95),
        "read_p95": percentile(reads, 0.95),
        "asset_p95": percentile(assets, 0.95),
        "errors": len(errors),
        "error_kinds": Counter(errors).most_common(8),
        "pss_mib": sampler.pss_max,
        "redis_mib": sampler.redis_rss_max / 2**20 if redis_port else None,
        "cpu_server": 100 * server_cpu / seconds,
        "cpu_generator": 100 * generator_cpu / seconds,
        "cpu_others": max(0.0, 100 * (sampler.machine - server_cpu - generator_cpu) / seconds),
        # What the events cost above the server's idle use, per event.
        "cpu_ms_per_event": (
            1000 * max(0.0, server_cpu - idle * seconds) / (len(events) * seconds / window)
            if events
            else None
        ),
        "load": (load_start, load_end),
        "busiest_server_processes": sampler.busiest("server"),
    }
    if before and after:
        counted = max(1, len(events) * seconds / window)
        row["redis_calls_per_event"] = (after["commands"] - before["commands"]) / counted
        row["redis_us_per_event"] = 1e6 * (after["cpu"] - before["cpu"]) / counted
        row["sessions"] = after["sessions"]
    return row


def _f(value, digits: int = 0) -> str:
    if value is None or value != value:  # None or NaN
        return "—"
    return f"{value:,.{digits}f}".replace(",", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--host", help="a server already running, e.g. http://127.0.0.1:3105")
    where.add_argument("--serve", choices=("memory", "redis", "hosts"), help="start the server for the run")
    parser.add_argument("--workers", type=int, default=2, help="workers per server (redis, hosts)")
    parser.add_argument("--hosts", type=int, default=2, help="server processes behind nginx (hosts)")
    parser.add_argument("--prebuilt", action="store_true", help="serve the existing .web build")
    parser.add_argument(
        "--code", help="serve this git revision instead of the working tree (a « before » row)"
    )
    parser.add_argument("--redis-port", type=int, help="with --host: the Redis its sessions are in")
    parser.add_argument("--crowd", choices=tuple(CROWDS), default="simulator")
    parser.add_argument("--users", default="100,200,300,400", help="counts of people, comma-separated")
    parser.add_argument("--ramp", type=float, default=25, help="new people per second while ramping")
    parser.add_argument("--hold", type=int, default=60, help="seconds measured once all people are on")
    parser.add_argument("--settle", type=int, default=30, help="seconds between the ramp and the measure")
    parser.add_argument("--think", default="1,3", help="seconds between two clicks (random in this range)")
    parser.add_argument("--read", default="10,30", help="seconds a reader spends on a page")
    parser.add_argument("--langs", default="fr,en,es,ar")
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv)

    deployment = None
    if args.serve:
        deployment = servers.deploy(args.serve, args.workers, args.hosts, args.prebuilt, code=args.code)
        url, ports, redis_port = deployment.url, deployment.server_ports, deployment.redis_port
        proxy_pid = deployment.proxy.proc.pid if deployment.proxy else None
    else:
        url, redis_port, proxy_pid = args.host, args.redis_port, None
        ports = [urlparse(url).port or 80]
    try:
        what = {
            "memory": "1 worker, sessions in memory (scripts/run.sh)",
            "redis": f"{args.workers} workers + Redis (scripts/run-workers.sh)",
            "hosts": f"{args.hosts} servers × {args.workers} worker(s) + one Redis, behind nginx",
            None: url,
        }[args.serve] + (f", code of {args.code}" if args.code else "")
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        print(
            f"# {args.label or what} — crowd {args.crowd}, think {args.think} s, read {args.read} s, "
            f"{args.hold} s measured per step after {args.settle} s; commit {commit.stdout.strip()}, {psutil.cpu_count()} cores"
        )
        time.sleep(5)
        idle_pss = server_pss_mib(ports)
        idle = idle_cpu_share(ports, redis_port, proxy_pid)
        print(
            f"idle: server PSS {idle_pss:.0f} MiB, CPU {100 * idle:.1f} %; load average {os.getloadavg()[0]:.2f}"
        )
        print()
        print(
            "| people | events/s | p50 ms | **p95 ms** | p99 ms | page open p95 | reads/s | **read p95 ms** "
            "| errors | PSS MiB | Redis MiB | sessions stored | CPU server % | server ms/event above idle "
            "| Redis calls/event | Redis µs/event | CPU Locust % | CPU others % | load avg |"
        )
        print("| ---: " * 19 + "|")
        knee = None
        for people in (int(n) for n in args.users.split(",") if n.strip()):
            row = run_step(args, url, ports, redis_port, proxy_pid, people, idle)
            print(
                f"| {people} | {_f(row['events_per_s'])} | {_f(row['p50'])} | **{_f(row['p95'])}** "
                f"| {_f(row['p99'])} | {_f(row['open_p95'])} | {_f(row['reads_per_s'])} "
                f"| **{_f(row['read_p95'])}** | {row['errors']} | {_f(row['pss_mib'])} | {_f(row['redis_mib'])} "
                f"| {_f(row.get('sessions'))} | {_f(row['cpu_server'])} | {_f(row['cpu_ms_per_event'], 1)} "
                f"| {_f(row.get('redis_calls_per_event'), 1)} | {_f(row.get('redis_us_per_event'))} "
                f"| {_f(row['cpu_generator'])} | {_f(row['cpu_others'])} "
                f"| {row['load'][0]:.1f} → {row['load'][1]:.1f} |",
                flush=True,
            )
            busiest = ", ".join(f"{share:.0f}" for share in row["busiest_server_processes"][:4])
            print(f"<!-- busiest server processes at {people} (CPU %): {busiest} -->", flush=True)
            if row["errors"]:
                kinds = "; ".join(f"{kind} ×{n}" for kind, n in row["error_kinds"])
                print(f"<!-- errors at {people}: {kinds} -->", flush=True)
            worst = max((v for v in (row["p95"], row["read_p95"]) if v == v), default=0.0)
            if knee is None and (worst > TARGET_P95_MS or row["errors"]):
                knee = people
        print()
        print(f"knee (first count with p95 > {TARGET_P95_MS:.0f} ms or an error): {knee or 'not reached'}")
    finally:
        if deployment is not None:
            deployment.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
