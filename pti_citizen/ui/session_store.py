"""Live sessions in Redis for several workers (or hosts): two round trips per event, and no Redis
traffic at all while a tab's event waits for that same tab's previous one.

Reflex 0.10.1's ``StateManagerRedis`` spends five round trips on each event — ``SET NX`` (lock),
``MGET`` (the states), ``EVAL`` (check the lock, write), ``GETDEL`` (unlock), plus one more ``MGET``
for each state a middleware reads — and makes every worker receive a keyspace notification for
every lock taken or released by any worker (it waits for locks through them): work that grows with
the number of workers × the events of all of them. Measured under load in docs/performance.md
(« Capacity »), where most of a worker's time went.

Here, for each event:

1. the tab's events queue on a lock of this process first: a tab's websocket lives on one worker,
   so its events almost always meet there, and wait without asking Redis;
2. one script (``LOCK_AND_READ``) takes the Redis lock (``SET NX PX``) and reads the tab's
   *generation*; it reads the states (``MGET``) only when the generation is not the one this worker
   wrote last. When it is, the worker reuses the tree of states it kept from the tab's previous
   event (write-through: every event is still written to Redis before its update is sent; what is
   saved is the reading — the states' payload, their unpickling, the tree's building: ~40 µs for
   a wizard answer's 3 states, ~275 µs for a page's 14; −5 % of the server's CPU per journey step,
   docs/performance.md). When another worker holds the lock (a tab that
   just reconnected elsewhere while its old worker finished an event), the script is tried again
   after a short pause (2 ms, doubling up to 100 ms); the lock expires by itself if its worker died;
3. one script (``SAVE_AND_RELEASE``) writes the states the event touched, sets a new generation
   (unique: this process's random prefix and a counter) and releases the lock, only if the lock is
   still this event's (Reflex's fencing: an event that outlived its lock writes nothing and fails
   with ``LockExpiredError``). The generation expires before any state it vouches for: the worker
   knows when it last set each kept state's expiry, renews those with less than half of it left
   (``EXPIRE``: all of them after a tree was read from Redis, rarely otherwise) and gives the
   generation the shortest time left, less the lock's expiry as a margin.

The kept tree is what Redis has, or it is dropped: an event that raised, whose lock expired, or
whose Redis call failed leaves nothing kept (its objects may hold changes Redis does not have); a
tab whose events went to another worker meanwhile finds another generation and is read again;
Reflex's ``set_state`` (``WRITE``) changes the generation in the same step as it writes; a Redis
restarted empty has no generation; ``get_state`` (reads without the lock) never sees a kept tree.
A worker keeps at most ``keep_at_most`` trees (least recently used first out; ~12–120 KiB each as
Python objects, docs/performance.md « Server state per session ») and forgets those idle longer
than the states' expiry. Reflex's own « oplock » is not this: it holds the lock and defers the
writes, and a killed worker loses them.

States that a middleware reads on every event (``always``: the forgotten-session marker) ride in
the same read. Everything else — the keys, the pickles, the expiry, the tree of states — is
Reflex's own, so the other Reflex code (``get_state`` of a sibling state, ``set_state``) works
unchanged. Written against Reflex 0.10.1: ``tests/ui/test_session_store.py`` checks the round trips,
the locking and the kept trees on a real Redis, and the fault tests (``tests/reliability``) the whole
path.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import logging
import time
import uuid
from collections.abc import AsyncIterator, Iterator

from redis.exceptions import RedisError
from reflex.istate.manager.redis import StateManagerRedis
from reflex.istate.manager.token import BaseStateToken, StateToken
from reflex.state import BaseState, all_base_state_classes
from reflex_base.utils.exceptions import LockExpiredError, StateSchemaMismatchError

logger = logging.getLogger(__name__)

#: KEYS: the lock, the tab's generation, then the states; ARGV: the lock id, the lock's expiry (ms),
#: the generation this worker last wrote for the tab ('' if it keeps no tree for it). Takes the lock
#: if free; returns {0} (not taken), {1, generation} (nobody wrote since this worker: its tree is
#: Redis's), or {1, generation or '', the pickles in KEYS order}.
LOCK_AND_READ = """
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
    return {0}
end
local generation = redis.call('GET', KEYS[2])
if generation and generation == ARGV[3] then
    return {1, generation}
end
return {1, generation or '', redis.call('MGET', unpack(KEYS, 3))}
"""

#: KEYS: the lock, the generation, the states written, then the states whose expiry is renewed; ARGV:
#: the lock id, the states' expiry (s), a new generation ('' to release only), the generation's expiry
#: (ms), the generation read with the lock, how many states are written, then their pickles. Writes,
#: renews, sets the generation (never to outlive a state it vouches for: the caller's arithmetic) and
#: unlocks, only while the lock is this event's: returns 0 (nothing done), 1, or 2 when someone
#: changed the generation since the lock was taken (a write without the lock: the tree is not kept).
SAVE_AND_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
local result = 1
if ARGV[3] ~= '' then
    if (redis.call('GET', KEYS[2]) or '') ~= ARGV[5] then
        result = 2
    end
    local written = tonumber(ARGV[6])
    for i = 1, written do
        redis.call('SET', KEYS[i + 2], ARGV[i + 6], 'EX', ARGV[2])
    end
    for i = written + 3, #KEYS do
        redis.call('EXPIRE', KEYS[i], ARGV[2])
    end
    redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
end
redis.call('DEL', KEYS[1])
return result
"""

#: KEYS: the lock, the generation, the states; ARGV: the lock id ('' to write without the lock), the
#: expiry (s), a new generation, the pickles. Reflex's ``set_state``, with the generation changed in
#: the same step; returns 1, or 0 when the lock is not the caller's (nothing written).
WRITE = """
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
for i = 3, #KEYS do
    redis.call('SET', KEYS[i], ARGV[i + 1], 'EX', ARGV[2])
end
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[2])
return 1
"""

FIRST_PAUSE = 0.002
LONGEST_PAUSE = 0.1

#: Trees kept per worker (the least recently used go first): ~12–120 KiB each (docs/performance.md,
#: « Each tab's states kept in its worker »); ``PTI_SESSION_TREES_KEPT``.
KEEP_AT_MOST = 1000


@dataclasses.dataclass(eq=False)
class _Queue:
    """This process's lock for one tab, and how many events hold or wait for it."""

    lock: asyncio.Lock = dataclasses.field(default_factory=asyncio.Lock)
    users: int = 0


@dataclasses.dataclass(eq=False, slots=True)
class _Kept:
    """A tab's tree as this worker last wrote it to Redis, and the generation it wrote with it."""

    root: BaseState
    generation: bytes
    #: Each state's class → when (this process's clock, before the write) its expiry was last set.
    renewed: dict[type[BaseState], float]
    used: float


@dataclasses.dataclass
class SessionStore(StateManagerRedis):
    """``StateManagerRedis`` with the event path above; the app sets it in place of Reflex's."""

    #: States read on every event (by a middleware): fetched with the event's own states.
    always: tuple[type[BaseState], ...] = ()
    #: How many tabs' trees this worker keeps between events (0: none, every event reads Redis).
    keep_at_most: int = KEEP_AT_MOST
    _queues: dict[str, _Queue] = dataclasses.field(default_factory=dict, init=False)
    _tree_classes: dict[tuple[type[BaseState], int], list[type[BaseState]]] = dataclasses.field(
        default_factory=dict, init=False
    )
    #: Tab → its kept tree, least recently used first (an entry is out of it while its event runs).
    _kept: dict[str, _Kept] = dataclasses.field(default_factory=dict, init=False)
    _generations: Iterator[int] = dataclasses.field(default_factory=itertools.count, init=False)
    _generation_prefix: str = dataclasses.field(default_factory=lambda: uuid.uuid4().hex, init=False)
    _sweeper: asyncio.TimerHandle | None = dataclasses.field(default=None, init=False)
    _sweeper_loop: asyncio.AbstractEventLoop | None = dataclasses.field(default=None, init=False)

    def __post_init__(self):
        super().__post_init__()
        # One path only: Reflex's opportunistic locking (REFLEX_OPLOCK_ENABLED) keeps a tab's
        # changes in one worker's memory for seconds, and a killed worker would lose them.
        self._oplock_enabled = False
        self._lock_and_load = self.redis.register_script(LOCK_AND_READ)
        self._save_and_release = self.redis.register_script(SAVE_AND_RELEASE)
        self._write = self.redis.register_script(WRITE)

    @classmethod
    def replacing(cls, manager: StateManagerRedis, always: tuple[type[BaseState], ...] = ()) -> SessionStore:
        """The same Redis client and expiry settings as the manager Reflex made from the config."""
        return cls(
            redis=manager.redis,
            token_expiration=manager.token_expiration,
            lock_expiration=manager.lock_expiration,
            lock_warning_threshold=manager.lock_warning_threshold,
            always=always,
        )

    def _ensure_lock_task(self) -> None:
        """No keyspace subscription: locks are polled (rarely: see the module's docstring)."""

    # -- which states an event reads ---------------------------------------------------------------

    def _classes(self, target: type[BaseState]) -> list[type[BaseState]]:
        """The target, its substates, the states that depend on it, its parents, and ``always``;
        parents before children (sorted by full name), as the tree is built."""
        key = (target, len(all_base_state_classes))
        if (found := self._tree_classes.get(key)) is None:
            wanted = self._get_required_state_classes(target, subclasses=True)
            for extra in self.always:
                wanted |= self._get_required_state_classes(extra)
            found = self._tree_classes[key] = sorted(wanted, key=lambda cls: cls.get_full_name())
        return found

    @staticmethod
    def _tree(classes: list[type[BaseState]], pickles: list[bytes | None]) -> BaseState:
        """The root of the states read (as ``StateManagerRedis.get_state`` builds it)."""
        flat: dict[str, BaseState] = {}
        for state_cls, data in zip(classes, pickles, strict=True):
            state = None
            if data is not None:
                with contextlib.suppress(StateSchemaMismatchError):
                    state = BaseState._deserialize(data=data)
            if state is None:  # a new session, an expired one, or a state whose fields changed
                state = state_cls(init_substates=False, _reflex_internal_init=True)
            name = state.get_full_name()
            flat[name] = state
            if state.get_parent_state() is not None:
                parent_name, _dot, short = name.rpartition(".")
                parent = flat[parent_name]
                parent.substates[short] = state
                state.parent_state = parent
        return flat[classes[0].get_root_state().get_full_name()]

    @staticmethod
    def _generation_key(token: StateToken) -> bytes:
        return f"{token.lock_key}_generation".encode()

    def _next_generation(self) -> bytes:
        """Unique to this write: a tab that expired and came back never matches an old tree."""
        return f"{self._generation_prefix}:{next(self._generations)}".encode()

    # -- the trees kept between events ---------------------------------------------------------------

    def _keep(self, ident: str, kept: _Kept) -> None:
        self._kept[ident] = kept
        while len(self._kept) > self.keep_at_most:
            del self._kept[next(iter(self._kept))]
        loop = asyncio.get_running_loop()
        if self._sweeper is None or self._sweeper.cancelled() or self._sweeper_loop is not loop:
            self._sweeper_loop = loop
            self._sweeper = loop.call_later(self.token_expiration, self._sweep)

    def _sweep(self) -> None:
        """Forget the trees idle longer than Redis keeps their states (they would not match again)."""
        self._sweeper = None
        oldest = time.monotonic() - self.token_expiration
        for ident in [ident for ident, kept in self._kept.items() if kept.used < oldest]:
            del self._kept[ident]
        if self._kept:
            self._sweeper = self._sweeper_loop.call_later(self.token_expiration / 4, self._sweep)

    def forget(self, ident: str) -> None:
        """Drop the tree kept for a tab (the next event reads Redis)."""
        self._kept.pop(ident, None)

    # -- the event path ------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def modify_state(self, token: StateToken | str, **context) -> AsyncIterator[BaseState]:
        token = self._coerce_token(token)
        if not isinstance(token, BaseStateToken):
            self.forget(token.lock_key)
            async with super().modify_state(token, **context) as state:
                yield state
            return
        async with self._queued(token.lock_key):
            # Out of the dict while the event runs: an event that fails leaves nothing kept.
            kept = self._kept.pop(token.lock_key, None)
            classes = self._classes(token.cls)
            if kept is not None and not all(state_cls in kept.renewed for state_cls in classes):
                kept = None
            lock_key = self._lock_key(token)
            event = context.get("event")
            lock_id = f"{event.name if event is not None else ''}:{uuid.uuid4().hex}".encode()
            root, taken, seen = await self._lock_and_read(token, classes, lock_key, lock_id, kept)
            saved = None
            try:
                yield root
                saved = await self._save_and_unlock(token, root, lock_key, lock_id, taken, event, seen, kept)
            finally:
                if saved is None:
                    with contextlib.suppress(RedisError, OSError):  # Redis gone: the lock expires
                        await self._save_and_release(
                            keys=[lock_key], args=[lock_id, self.token_expiration, b""]
                        )
            if saved is not None and saved.generation and self.keep_at_most > 0:
                self._keep(token.lock_key, saved)

    @contextlib.asynccontextmanager
    async def _queued(self, key: str) -> AsyncIterator[None]:
        queue = self._queues.get(key)
        if queue is None:
            queue = self._queues[key] = _Queue()
        queue.users += 1
        try:
            async with queue.lock:
                yield
        finally:
            queue.users -= 1
            if not queue.users:
                self._queues.pop(key, None)

    async def _lock_and_read(
        self,
        token: BaseStateToken,
        classes: list[type[BaseState]],
        lock_key: bytes,
        lock_id: bytes,
        kept: _Kept | None,
    ) -> tuple[BaseState, float, bytes]:
        """The tree (the kept one when nobody wrote the tab since), when the lock was taken, and the
        generation Redis had then."""
        keys = [
            lock_key,
            self._generation_key(token),
            *(token._state_key(state_cls) for state_cls in classes),
        ]
        args = [lock_id, self.lock_expiration, kept.generation if kept is not None else b""]
        answer = await self._lock_and_load(keys=keys, args=args)
        pause = FIRST_PAUSE
        while not answer[0]:  # another worker holds this tab: rare, and short; poll
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
            answer = await self._lock_and_load(keys=keys, args=args)
        taken = time.monotonic()
        if len(answer) == 2 and kept is not None:
            return kept.root, taken, answer[1]
        return self._tree(classes, answer[2]), taken, answer[1]

    async def _save_and_unlock(
        self,
        token: BaseStateToken,
        root: BaseState,
        lock_key: bytes,
        lock_id: bytes,
        taken: float,
        event,
        seen: bytes,
        kept: _Kept | None,
    ) -> _Kept:
        """Write what the event touched; the tree to keep (``generation`` empty: not to be kept).

        A state's expiry is set when it is written, or renewed (``EXPIRE``) when less than half of it
        is sure to remain — each state of a tree read from Redis, whose expiry is unknown, at once.
        The generation expires before the first of them: when it is found, every state it vouches
        for is still there (a tab idle past its expiry is read again and found gone, as Redis says)."""
        now = time.monotonic()
        expiry = self.token_expiration
        # A save runs within the lock, so at most lock_expiration after ``now``: the margin.
        sure = expiry - self.lock_expiration / 1000
        before = kept.renewed if kept is not None and kept.root is root else {}
        renewed: dict[type[BaseState], float] = {}
        touched: list[BaseState] = []
        written: list[str] = []
        pickles: list[bytes] = []
        renewing: list[str] = []
        stack = [root]
        while stack:
            state = stack.pop()
            state_cls = type(state)
            if state._was_touched and (data := state._serialize()):
                touched.append(state)
                written.append(token._state_key(state_cls))
                pickles.append(data)
                renewed[state_cls] = now
            elif (last := before.get(state_cls)) is not None and last + sure - now > expiry / 2:
                renewed[state_cls] = last
            else:
                renewing.append(token._state_key(state_cls))
                renewed[state_cls] = now
            stack.extend(state.substates.values())
        generation = self._next_generation()
        generation_ms = max(1, int((min(renewed.values()) + sure - now) * 1000))
        done = await self._save_and_release(
            keys=[lock_key, self._generation_key(token), *written, *renewing],
            args=[lock_id, expiry, generation, generation_ms, seen, len(written), *pickles],
        )
        held_ms = (time.monotonic() - taken) * 1000
        where = f" Happened in event: {event.name}" if event is not None else ""
        if not done:
            msg = (
                # No token in a log line or an error text (docs/feedback.md, « Logs »): the event's name.
                f"A session's lock expired after {held_ms:.0f} ms (lock expiration "
                f"{self.lock_expiration} ms): nothing was written.{where}"
            )
            raise LockExpiredError(msg)
        for state in touched:  # as Redis has them now (Reflex resets it so after pickling, too)
            state._was_touched = False
        if held_ms > self.lock_warning_threshold:
            logger.warning(
                f"A session's lock was held {held_ms / 1000:.1f} s; use a background event "
                f"for long tasks.{where}",
                extra={"dedupe": True},
            )
        return _Kept(root, generation if done == 1 else b"", renewed, time.monotonic())

    # -- every other write changes the generation ------------------------------------------------------

    async def set_state(self, token: StateToken | str, state, *, lock_id: bytes | None = None, **context):
        token = self._coerce_token(token)
        self.forget(token.lock_key)
        if not isinstance(token, BaseStateToken):
            await super().set_state(token, state, lock_id=lock_id, **context)
            return
        writes = self._collect_state_writes(token, state)
        if lock_id is None and not writes:
            return
        done = await self._write(
            keys=[self._lock_key(token), self._generation_key(token), *(key for key, _ in writes)],
            args=[
                lock_id or b"",
                self.token_expiration,
                self._next_generation(),
                *(data for _, data in writes),
            ],
        )
        if not done:
            event = context.get("event")
            where = f" Happened in event: {event.name}" if event is not None else ""
            raise LockExpiredError(f"A session's lock expired: nothing was written.{where}")

    async def close(self):
        self._kept.clear()
        if self._sweeper is not None:
            self._sweeper.cancel()
        await super().close()


def install(app, always: tuple[type[BaseState], ...] = (), keep_at_most: int = KEEP_AT_MOST) -> None:
    """Put the store in place of the Redis manager Reflex made (nothing changes in memory mode)."""
    manager = app._state_manager
    if isinstance(manager, StateManagerRedis) and not isinstance(manager, SessionStore):
        app._state_manager = SessionStore.replacing(manager, always=always)
        app._state_manager.keep_at_most = keep_at_most
