"""Many people at once: every open connection holds a place in its worker (a websocket for as long
as its page is open, an idle keep-alive connection too). Granian's default, 1 024 places for the
whole server, made the 1 025th person wait without an answer and without an error, the server idle
(docs/performance.md, « 2 000 people »). ``scripts/serve.py`` gives each worker
``PTI_CONNECTIONS_PER_WORKER`` places and the open files they need."""

from __future__ import annotations

import resource
import selectors
import socket
import subprocess
import sys
import time

import pytest

from tests.processes import ROOT

#: More than Granian's default for the whole server (1 024), whatever the number of workers.
HELD = 1200


def _get(port: int, keep_alive: bool) -> bytes:
    connection = "keep-alive" if keep_alive else "close"
    return f"GET /ping HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: {connection}\r\n\r\n".encode()


def _answered(sockets: list[socket.socket], seconds: float) -> int:
    """How many of ``sockets`` received the start of an answer within ``seconds`` (all together)."""
    answered = 0
    deadline = time.monotonic() + seconds
    with selectors.DefaultSelector() as waiting:  # epoll: descriptors above 1 024
        for sock in sockets:
            waiting.register(sock, selectors.EVENT_READ)
        while waiting.get_map() and time.monotonic() < deadline:
            for key, _events in waiting.select(timeout=0.2):
                waiting.unregister(key.fileobj)
                answered += key.fileobj.recv(64).startswith(b"HTTP/1.1 200")
    return answered


def test_a_newcomer_is_answered_while_more_than_1024_connections_are_open(backend):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < HELD + 200:
        if hard != resource.RLIM_INFINITY and hard < HELD + 200:
            pytest.skip(f"this test holds {HELD} connections: ulimit -n is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (HELD + 200, hard))
    held: list[socket.socket] = []
    try:
        for _ in range(HELD):  # people reading a page: connection open, nothing asked
            sock = socket.create_connection(("127.0.0.1", backend.port), timeout=10)
            sock.sendall(_get(backend.port, keep_alive=True))
            held.append(sock)
        answered = _answered(held, seconds=10)
        assert answered == HELD, f"{HELD - answered} of {HELD} people got no answer in 10 s"
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", backend.port), timeout=10) as newcomer:
            newcomer.sendall(_get(backend.port, keep_alive=False))
            newcomer.settimeout(10)
            assert newcomer.recv(64).startswith(b"HTTP/1.1 200")
        print(
            f"\n{HELD} connections held; the next one answered in {1000 * (time.monotonic() - started):.0f} ms"
        )
    finally:
        for sock in held:
            sock.close()


PROBE = """
import sys
sys.path.insert(0, ".")
sys.argv = ["serve.py"]
import scripts.serve as serve
print(serve.connections_per_worker())
"""


def _connections(ulimit: str, wanted: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "bash",
            "-c",
            f'{ulimit} && PTI_CONNECTIONS_PER_WORKER={wanted} "$0" -c "$1"',
            sys.executable,
            PROBE,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


def test_the_open_file_limit_is_raised_for_the_connections_or_they_are_lowered_to_fit():
    raised = _connections("ulimit -Sn 1024 && ulimit -Hn 20000", "4096")
    assert raised.stdout.strip() == "4096"  # soft limit raised to 4096 + spare files
    lowered = _connections("ulimit -Sn 1024 && ulimit -Hn 2048", "4096")
    assert lowered.stdout.strip() == str(2048 - 256)
    assert "ulimit -n" in lowered.stderr


LOOP_PROBE = """
import sys
sys.path.insert(0, ".")
sys.argv = ["serve.py"]
import scripts.serve as serve
serve._granian_defaults()
from granian._loops import loops
from granian.server.mp import MPServer
server = MPServer(target="pti_citizen.pti_citizen:app")
loop = loops.get(server.loop)  # what each worker builds (granian/server/mp.py)
print(server.loop, type(loop).__module__, type(loop).__name__)
loop.close()
"""


def test_the_workers_run_their_event_loop_on_uvloop():
    """asyncio's pure-Python loop cost a quarter of the server's CPU per event, one event at a time
    (docs/performance.md, « uvloop »): serve.py asks Granian for uvloop by name, so a missing
    package fails here (and at start), not silently."""
    probe = subprocess.run(
        [sys.executable, "-c", LOOP_PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    name, module, kind = probe.stdout.split()
    assert name == "uvloop"
    assert module.startswith("uvloop") and kind == "Loop"
