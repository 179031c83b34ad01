"""Measure what issue #13's heaviest attacks cost a running server: memory, CPU, time, log volume.

    python -m loadtest.hostile --host http://127.0.0.1:3911 --pid <server pid> --log server.log

Run it against a server of this branch and of an older commit (the « before » of the table in
docs/reliability.md, « Hostile input »). It measures, one after the other:

1. a 300 MB chunked body to ``POST /api/v1/rsa/estimate`` (stopped as soon as the server answers);
2. 200 websocket sessions whose tab sends 1 MB of simulator answers, then one event on each of 20
   of them (the CPU a later event costs);
3. 3 000 nested brackets and a 5 000-digit integer to the estimate;
4. 50 unknown events with a payload, 50 forged frontend errors, one 900 KB event;

and prints, for each, the status seen, the seconds, the server's CPU seconds, the growth of the
largest worker's memory (RSS) and of the log. It asserts nothing: the tests do
(``tests/reliability/test_hostile_input.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import select
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil

from loadtest.journeys import SIMULATOR
from loadtest.reflex_ws import FIELD, ReflexError, ReflexSession, raw_hydrate, touches

MB = 2**20
ANSWERS_VAR = f"{SIMULATOR}.answers_json{FIELD}"
FRONTEND_ERRORS = (
    "reflex___state____state.reflex___state____frontend_event_exception_state.handle_frontend_exception"
)


class Server:
    def __init__(self, url: str, pid: int, log: Path | None):
        self.url, self.log = url.rstrip("/"), log
        parts = urlsplit(self.url)
        self.host, self.port = parts.hostname, parts.port
        self.proc = psutil.Process(pid)

    def processes(self) -> list[psutil.Process]:
        children = self.proc.children(recursive=True)
        return children or [self.proc]

    def rss(self) -> float:
        return max(p.memory_info().rss for p in self.processes()) / MB

    def cpu(self) -> float:
        return sum(sum(p.cpu_times()[:2]) for p in self.processes())

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log else 0


def measure(server: Server, name: str, attack) -> dict:
    rss, cpu, log, started = server.rss(), server.cpu(), server.log_size(), time.monotonic()
    outcome = attack()
    time.sleep(1)
    row = {
        "attack": name,
        "outcome": outcome,
        "seconds": round(time.monotonic() - started - 1, 2),
        "server_cpu_s": round(server.cpu() - cpu, 2),
        "rss_growth_mb": round(server.rss() - rss, 1),
        "log_growth_kb": round((server.log_size() - log) / 1024, 1),
    }
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def big_body(server: Server) -> str:
    sock = socket.create_connection((server.host, server.port), timeout=30)
    sock.sendall(
        f"POST /api/v1/rsa/estimate HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    )
    sent, chunk = 0, b"[" * 65_536
    with contextlib.suppress(OSError):
        while sent < 300 * MB:
            if select.select([sock], [], [], 0)[0]:
                break
            sock.sendall(b"10000\r\n" + chunk + b"\r\n")
            sent += len(chunk)
        sock.sendall(b"0\r\n\r\n")
    sock.settimeout(60)
    try:
        status = sock.recv(64).decode("latin-1").split(" ")[1]
    except (OSError, IndexError):
        status = "closed"
    sock.close()
    return f"{status} after {sent / MB:.1f} MB sent"


def big_answers(server: Server) -> str:
    """950 KB of answers per session (under Socket.IO's own 1 MB), then what a later event costs."""
    value = json.dumps({"couple": "single", "note": "3" * 950_000})
    kept = sum(raw_hydrate(server.url, "/fr/simulateur/", {ANSWERS_VAR: value}) for _ in range(200))
    tab = ReflexSession(server.url, session_storage={ANSWERS_VAR: "pti_simulateur_reponses"}, timeout=5)
    tab.storage[ANSWERS_VAR] = value
    timings = []
    try:
        tab.open("/fr/simulateur/")
        for question, answer in (("couple", "single"), ("couple", "couple")) * 5:
            seconds, _ = tab.send(
                f"{SIMULATOR}.choose",
                {"question": question, "value": answer},
                until=touches(SIMULATOR, "question"),
            )
            timings.append(seconds)
    except ReflexError:
        pass
    tab.close()
    later = (
        f"a later event: median {sorted(timings)[len(timings) // 2] * 1000:.0f} ms" if timings else "refused"
    )
    return f"{kept}/200 sessions kept; {later}"


def hostile_json(server: Server) -> str:
    statuses = []
    for body in (b"[" * 3000 + b"]" * 3000, b'{"applicant": {"age": ' + b"9" * 5000 + b"}}"):
        connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
        connection.request(
            "POST", "/api/v1/rsa/estimate", body=body, headers={"Content-Type": "application/json"}
        )
        statuses.append(str(connection.getresponse().status))
        connection.close()
    return ", ".join(statuses)


def noisy_events(server: Server) -> str:
    for i in range(50):
        tab = ReflexSession(server.url, timeout=30)
        try:
            tab.open("/fr/")
            tab._sio.emit(
                "event",
                {"name": f"evil.x{i}", "payload": {"c": "x" * 1000}, "router_data": {}},
                namespace="/_event",
            )
            tab._sio.emit(
                "event",
                {
                    "name": FRONTEND_ERRORS,
                    "payload": {"info": "Error\n2026-12-07 INFO forged line", "component_stack": "x"},
                    "router_data": {},
                },
                namespace="/_event",
            )
            time.sleep(0.02)
        except ReflexError:
            pass
        tab.close()
    tab = ReflexSession(server.url, timeout=30)
    with contextlib.suppress(Exception):
        tab.open("/fr/")
        tab._sio.emit(
            "event",
            {"name": "evil.big", "payload": {"c": "x" * 900_000}, "router_data": {}},
            namespace="/_event",
        )
        time.sleep(1)
    tab.close()
    return "sent"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's main process")
    parser.add_argument("--log", type=Path, default=None, help="the server's log file (its growth)")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args()
    server = Server(args.host, args.pid, args.log)
    print(json.dumps({"idle_rss_mb": round(server.rss(), 1)}), flush=True)
    rows = [
        measure(server, "300 MB chunked body", lambda: big_body(server)),
        measure(server, "200 sessions × 1 MB of answers", lambda: big_answers(server)),
        measure(server, "3 000 nested brackets; 5 000 digits", lambda: hostile_json(server)),
        measure(server, "unknown events, forged errors, 900 KB event", lambda: noisy_events(server)),
    ]
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
