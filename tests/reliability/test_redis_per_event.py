"""What one click costs Redis, on the whole event path of a real server (two workers sharing Redis):
the edge guard, the websocket guard, the forgotten-session guard, the session store, the limits.

``redis-cli MONITOR`` shows every command as Redis runs it — the ones a worker sends, and the ones
a script runs inside Redis (``[0 lua]``). An answer in the wizard must stay at **two round trips**:
one script (take the tab's lock; read its states only if another worker wrote them since this one
did) and one script (write, release). Nothing is
counted per websocket message in Redis (the size and shape checks are the worker's own); the
shared limits are counted once per new connection. docs/performance.md (« Redis per event »).
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from dataclasses import dataclass

import pytest

from loadtest import journeys
from loadtest.journeys import PROFILES, WIZARD
from loadtest.reflex_ws import ReflexSession
from tests.processes import require_tool

#: Every worker says it is alive every few seconds (scripts/serve.py): not the tab's work.
HEARTBEAT = "pti_worker_alive_"


@dataclass
class Command:
    source: str  # "lua" for a command a script runs, else the client's address
    name: str
    line: str


class Monitor:
    """``redis-cli MONITOR`` while the block runs; the commands seen, heartbeats left out."""

    def __init__(self, port: int):
        require_tool(shutil.which("redis-cli"), "redis-cli is missing: scripts/setup.sh --dev installs it")
        self.port = port
        self.commands: list[Command] = []

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("OK"):
                self.ready.set()
                continue
            # 1796654718.940236 [0 127.0.0.1:45056] "SET" "…_lock" …
            _time, _, rest = line.partition(" [")
            where, _, command = rest.partition("] ")
            source = where.split(" ", 1)[-1]
            name = command.split(" ", 1)[0].strip('"').upper()
            if HEARTBEAT not in command:
                self.commands.append(Command(source, name, command.strip()))

    def __enter__(self) -> Monitor:
        self.ready = threading.Event()
        self.proc = subprocess.Popen(
            ["redis-cli", "-p", str(self.port), "monitor"],
            stdout=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        assert self.ready.wait(5), "redis-cli monitor did not start"
        return self

    def __exit__(self, *_exc) -> None:
        time.sleep(0.3)  # what the worker still sends after the update (the lock's release)
        self.proc.terminate()
        self.proc.wait(timeout=5)
        self.reader.join(timeout=5)

    def sent(self) -> list[str]:
        """The commands workers sent, in order (a pipeline's commands one by one)."""
        return [c.name for c in self.commands if c.source != "lua"]

    def in_scripts(self) -> list[str]:
        return [c.name for c in self.commands if c.source == "lua"]


def _ignore(_name: str, _seconds: float) -> None:
    pass


@pytest.fixture
def tab(backend):
    tab = ReflexSession(backend.url, session_storage=journeys.SESSION_STORAGE, timeout=15)
    yield tab
    tab.close()


def test_an_answer_costs_two_round_trips_and_writes_only_the_wizard_s_state(backend, tab):
    profile = PROFILES[0]
    journeys.simulator(tab, _ignore, "fr", profile, stop_after=2)  # page loaded, two answers given
    question = journeys.question_on_screen(tab)
    with Monitor(backend.redis.port) as redis:
        journeys.answer_question(tab, question, profile)
    # One pipeline (lock + read), one script (check the lock, write, release): 2 round trips.
    # One script takes the lock and, since this worker wrote the tab last, reads nothing but the
    # generation (its kept tree is Redis's); one script checks the lock, writes, releases.
    assert redis.sent() == ["EVALSHA", "EVALSHA"], redis.commands
    load, save = (c for c in redis.commands if c.source != "lua")
    assert load.source == save.source
    inside = redis.in_scripts()
    assert inside[:2] == ["SET", "GET"] and '"NX"' in redis.commands[1].line  # lock, generation
    assert "MGET" not in inside  # no state read: the worker's tree is current
    after_lock = inside[2:]
    assert after_lock[0] == "GET" and after_lock[-1] == "DEL"  # the lock checked, then released
    assert "EXPIRE" not in after_lock  # the other states' expiries were renewed at the page load
    written = [
        c.line.split(" ", 2)[1]
        for c in redis.commands[3:]
        if c.source == "lua" and c.name == "SET" and "_generation" not in c.line
    ]
    assert written and all(key.endswith('simulator_state"') for key in written), written
    # The result page's state sits beside the wizard's: an answer neither reads nor writes it (as a
    # substate it was read, recomputed and written with every answer: 5 KB pickled).
    assert "result_state" not in load.line, load.line
    print(
        f"\nan answer: {len(redis.sent())} commands sent in 2 round trips, {len(inside)} run by the scripts"
    )


def test_a_page_load_counts_the_shared_limit_once_and_a_click_nothing_but_its_event(backend, tab):
    profile = PROFILES[0]
    with Monitor(backend.redis.port) as page:
        tab.open(WIZARD.format(lang="fr"))
    limits = [c for c in page.commands if c.source != "lua" and "pti:fixed:" in c.line]
    # New websocket sessions per client: one script per window of PTI_SESSIONS_PER_CLIENT (the test
    # server has one window; the production default two), a fixed window: INCRBY (+ EXPIRE when it
    # starts) — a sliding window ran seven commands (PTTL ×3, GET ×2, EXISTS, INCRBY).
    assert [c.name for c in limits] == ["EVALSHA"], limits
    counted = [c.name for c in page.commands if c.source == "lua" and "pti:fixed:" in c.line]
    assert counted in (["INCRBY"], ["INCRBY", "EXPIRE"]), counted
    sent = [c for c in page.commands if c.source != "lua" and "pti:pepper" not in c.line]
    events = [c for c in sent if c.name == "EVALSHA" and "_generation" in c.line and "_lock" in c.line]
    events = events[: len(events) // 2]  # each event: the script that locks and the one that writes
    # The page's events (hydrate, on_load…) each take their two scripts; besides them,
    # Reflex's record of which worker holds the tab (GET, EXISTS, SET, GET), serve.py's look at it
    # (GET), and the limit.
    assert len(sent) <= 2 * len(events) + 5 + len(limits), [c.name for c in sent]
    print(
        f"\na page load: {len(sent)} commands sent ({len(events)} events), {len(page.in_scripts())} in scripts"
    )
    with Monitor(backend.redis.port) as clicks:
        for _ in range(3):
            journeys.answer_question(tab, journeys.question_on_screen(tab), profile)
    assert clicks.sent() == ["EVALSHA", "EVALSHA"] * 3, clicks.commands
    assert "MGET" not in clicks.in_scripts()


def _events_run(monitor: Monitor) -> int:
    """Events run while the monitor watched: each takes the tab's lock once, inside its first script
    (a script a worker had not loaded yet fails with NOSCRIPT and runs nothing)."""
    return sum(
        1
        for c in monitor.commands
        if c.source == "lua" and c.name == "SET" and '_lock" ' in c.line and '"NX"' in c.line
    )


def test_a_page_opens_in_one_event_and_its_opener_runs_in_it(backend, tab):
    """Reflex's chain (snapshot, on_load_internal, the page's on_load, set_is_hydrated) is one event
    here (ui/page_open.py): opening the wizard, then reaching the result page from it. (With Reflex's
    chain: four events each time, measured on main ``a0de967``.)"""
    profile = PROFILES[0]
    with Monitor(backend.redis.port) as page:
        tab.open(WIZARD.format(lang="fr"))
    assert _events_run(page) == 1, [c.name for c in page.commands]
    assert journeys.question_on_screen(tab)  # the page is usable: hydrated, its question shown
    while True:
        _seconds, update = journeys.answer_question(tab, journeys.question_on_screen(tab), profile)
        if journeys.has_event("_redirect")(update):
            break
    with Monitor(backend.redis.port) as navigation:
        tab.navigate(journeys.RESULT.format(lang="fr"), until=journeys.result_shown(tab))
    # The browser sends the tab's storage (update_vars_internal), then on_load_internal: two events,
    # where Reflex's chain made four (the result page's on_load and set_is_hydrated after them).
    assert _events_run(navigation) == 2, [c.name for c in navigation.commands]
    assert journeys.shown_result(tab).get("outcome") == "own"  # ResultState.load_result ran
