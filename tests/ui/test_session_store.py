"""The Redis session store on a real Redis (Debian's redis-server): round trips per event, the tab's
queue in its worker, two workers on one tab, the lock's fencing, a Redis that forgot the script."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
import uuid

import pytest
import redis.asyncio as aioredis
from redis.asyncio.connection import Connection
from reflex.istate.manager.token import BaseStateToken
from reflex_base.utils.exceptions import LockExpiredError

import pti_citizen.pti_citizen  # noqa: F401  (registers every state of the app)
from pti_citizen.ui.session_guard import SessionMarkerState
from pti_citizen.ui.session_store import SessionStore
from pti_citizen.ui.simulator.state import SimulatorState
from tests.processes import free_port, require_tool


class CountingConnection(Connection):
    """Counts what goes to Redis: one packed send is one round trip (a pipeline sends once)."""

    sends = 0

    async def send_packed_command(self, command, check_health=True):
        CountingConnection.sends += 1
        return await super().send_packed_command(command, check_health)


@pytest.fixture(scope="module")
def redis_port():
    require_tool(shutil.which("redis-server"), "redis-server is missing: scripts/setup.sh --dev installs it")
    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            subprocess.run(["redis-cli", "-p", str(port), "ping"], check=True, capture_output=True)
            break
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def store(port: int, lock_ms: int = 10_000) -> SessionStore:
    pool = aioredis.ConnectionPool(port=port, connection_class=CountingConnection)
    client = aioredis.Redis(connection_pool=pool)
    return SessionStore(
        redis=client,
        token_expiration=3600,
        lock_expiration=lock_ms,
        lock_warning_threshold=lock_ms // 2,
        always=(SessionMarkerState,),
    )


def token(cls=SimulatorState, ident: str | None = None) -> BaseStateToken:
    return BaseStateToken(ident=ident or str(uuid.uuid4()), cls=cls)


async def bump(manager: SessionStore, tab: BaseStateToken, pause: float = 0.0) -> None:
    async with manager.modify_state(tab) as root:
        simulator = await root.get_state(SimulatorState)
        serial = simulator.error_serial
        await asyncio.sleep(pause)  # others try the same tab meanwhile
        simulator.error_serial = serial + 1


async def serial_of(manager: SessionStore, tab: BaseStateToken) -> int:
    root = await manager.get_state(tab)
    return (await root.get_state(SimulatorState)).error_serial


def test_an_event_costs_two_round_trips_with_the_guard_marker_included(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)  # the first event also loads the script into Redis
        CountingConnection.sends = 0
        async with manager.modify_state(tab) as root:
            marker = await root.get_state(SessionMarkerState)  # already read with the event's states
            marker._known = True
            (await root.get_state(SimulatorState)).error_serial += 1
        sends = CountingConnection.sends
        assert await serial_of(manager, tab) == 2
        root = await manager.get_state(token(SessionMarkerState, tab.ident))
        assert (await root.get_state(SessionMarkerState))._known is True
        await manager.redis.aclose()
        return sends

    assert asyncio.run(scenario()) == 2


def test_a_tab_s_events_queue_in_their_worker_without_polling_redis(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        CountingConnection.sends = 0
        await asyncio.gather(*(bump(manager, tab, pause=0.001) for _ in range(50)))
        sends = CountingConnection.sends
        assert await serial_of(manager, tab) == 51
        assert not manager._queues  # nothing left behind per tab
        await manager.redis.aclose()
        return sends

    assert asyncio.run(scenario()) == 2 * 50


def test_two_workers_on_one_tab_lose_no_update(redis_port):
    async def scenario():
        first, second, tab = store(redis_port), store(redis_port), token()
        await asyncio.gather(
            *(bump(first, tab, pause=0.002) for _ in range(20)),
            *(bump(second, tab, pause=0.002) for _ in range(20)),
        )
        value = await serial_of(first, tab)
        await first.redis.aclose()
        await second.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 40


def test_an_event_that_outlived_its_lock_writes_nothing(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        with pytest.raises(LockExpiredError):
            async with manager.modify_state(tab) as root:
                # The lock expired meanwhile and another worker took it.
                await manager.redis.set(manager._lock_key(tab), b"someone-else")
                (await root.get_state(SimulatorState)).error_serial = 99
        assert await manager.redis.get(manager._lock_key(tab)) == b"someone-else"
        await manager.redis.delete(manager._lock_key(tab))
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 1


def test_a_failed_event_releases_the_lock_and_writes_nothing(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        with pytest.raises(ValueError, match="handler failed"):
            async with manager.modify_state(tab) as root:
                (await root.get_state(SimulatorState)).error_serial = 99
                raise ValueError("handler failed")
        locked = await manager.redis.exists(manager._lock_key(tab))
        await bump(manager, tab)  # not blocked
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return locked, value

    assert asyncio.run(scenario()) == (0, 2)


def test_a_lock_left_by_a_dead_worker_is_waited_for_until_it_expires(redis_port):
    async def scenario():
        manager, tab = store(redis_port, lock_ms=300), token()
        await manager.redis.set(manager._lock_key(tab), b"dead-worker", px=300)
        started = time.monotonic()
        await bump(manager, tab)
        waited = time.monotonic() - started
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return waited, value

    waited, value = asyncio.run(scenario())
    assert value == 1
    assert 0.2 < waited < 2


def test_a_redis_that_forgot_the_script_still_saves(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        await manager.redis.script_flush()  # what a restarted Redis looks like to the script
        await bump(manager, tab)
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 2


# -- the tree each worker keeps between a tab's events (write-through) ---------------------------------


class CountingTrees:
    """Counts the trees built from Redis's pickles (a kept tree is reused without one)."""

    def __init__(self, monkeypatch):
        self.built = 0
        original = SessionStore._tree

        def counting(classes, pickles):
            self.built += 1
            return original(classes, pickles)

        monkeypatch.setattr(SessionStore, "_tree", staticmethod(counting))


def test_a_tab_s_next_event_reuses_the_tree_its_worker_wrote(redis_port, monkeypatch):
    trees = CountingTrees(monkeypatch)

    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        async with manager.modify_state(tab) as first:
            (await first.get_state(SimulatorState)).error_serial += 1
        CountingConnection.sends = 0
        async with manager.modify_state(tab) as second:
            (await second.get_state(SimulatorState)).error_serial += 1
        sends = CountingConnection.sends
        unlocked = await manager.get_state(tab)  # a read without the lock: never the kept object
        assert unlocked is not manager._kept[tab.ident].root
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return first is second, sends, value

    assert asyncio.run(scenario()) == (True, 2, 3)
    assert trees.built == 1  # the first event only


def test_a_tab_that_went_to_another_worker_and_came_back_is_read_again(redis_port, monkeypatch):
    trees = CountingTrees(monkeypatch)

    async def scenario():
        first, second, tab = store(redis_port), store(redis_port), token()
        await bump(first, tab)
        await bump(second, tab)  # the websocket moved to the other worker
        await bump(first, tab)  # and came back: the first worker's tree is one write behind
        value = await serial_of(first, tab)
        await first.redis.aclose()
        await second.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 3
    assert trees.built == 3


def test_a_write_by_reflex_s_set_state_is_seen_by_the_worker_keeping_the_tab(redis_port):
    async def scenario():
        manager, other, tab = store(redis_port), store(redis_port), token()
        await bump(manager, tab)
        root = await other.get_state(tab)
        (await root.get_state(SimulatorState)).error_serial = 41
        await other.set_state(tab, root)  # no lock, as Reflex's own callers may do
        await bump(manager, tab)
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        await other.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 42


def test_a_failed_event_leaves_no_kept_tree_behind(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        with pytest.raises(ValueError, match="handler failed"):
            async with manager.modify_state(tab) as root:
                (await root.get_state(SimulatorState)).error_serial = 99  # in memory only
                raise ValueError("handler failed")
        assert tab.ident not in manager._kept
        with pytest.raises(LockExpiredError):
            async with manager.modify_state(tab) as root:
                await manager.redis.set(manager._lock_key(tab), b"someone-else")
                (await root.get_state(SimulatorState)).error_serial = 77
        assert tab.ident not in manager._kept
        await manager.redis.delete(manager._lock_key(tab))
        await bump(manager, tab)  # from Redis's 1, not from the 99 or 77 the failed events left
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 2


def test_a_redis_that_lost_everything_is_not_hidden_by_a_kept_tree(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        await bump(manager, tab)
        await bump(manager, tab)
        for key in await manager.redis.keys(f"{tab.ident}*"):  # what a restart empty looks like
            await manager.redis.delete(key)
        await bump(manager, tab)
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 1


def test_the_generation_never_outlives_a_state_it_vouches_for(redis_port):
    async def scenario():
        manager, other, tab = store(redis_port), store(redis_port), token()
        async with other.modify_state(token(SessionMarkerState, tab.ident)) as root:
            (await root.get_state(SessionMarkerState))._known = True
        await manager.redis.expire(tab._state_key(SessionMarkerState), 5)  # written long ago, elsewhere

        async def ttls():
            generation = await manager.redis.pttl(manager._generation_key(tab))
            states = {}
            for key in await manager.redis.keys(f"{tab.ident}_reflex*"):
                states[key] = await manager.redis.pttl(key)
            return generation, states

        seen = []
        await bump(manager, tab)  # a tree read from Redis: every state's expiry renewed
        seen.append(await ttls())
        CountingConnection.sends = 0
        for _ in range(3):
            await bump(manager, tab)  # its kept tree: only the simulator written, nothing renewed
        seen.append(await ttls())
        await manager.redis.aclose()
        await other.redis.aclose()
        return seen

    for generation, states in asyncio.run(scenario()):
        assert len(states) == 2  # the simulator and the marker (the root was never touched, never written)
        assert 0 < generation <= min(states.values()), (generation, states)
        assert generation > 3600_000 / 2


def test_a_tab_idle_past_its_expiry_starts_afresh_as_redis_does(redis_port):
    async def scenario():
        manager, tab = store(redis_port), token()
        manager.token_expiration = 1
        await bump(manager, tab)
        await asyncio.sleep(1.3)  # Redis forgot the tab; the worker still holds its tree
        await bump(manager, tab)
        value = await serial_of(manager, tab)
        await manager.redis.aclose()
        return value

    assert asyncio.run(scenario()) == 1


def test_the_kept_trees_are_bounded_and_forgotten_when_idle(redis_port):
    async def scenario():
        manager = store(redis_port)
        manager.keep_at_most = 2
        tabs = [token() for _ in range(3)]
        for tab in tabs:
            await bump(manager, tab)
        kept = list(manager._kept)
        manager.token_expiration = 0
        manager._sweep()
        left = len(manager._kept)
        await manager.redis.aclose()
        return kept == [tab.ident for tab in tabs[1:]], left

    assert asyncio.run(scenario()) == (True, 0)
