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
2. one pipeline takes the Redis lock (``SET NX PX``) and reads the states (``MGET``). When another
   worker holds the lock (a tab that just reconnected elsewhere while its old worker finished an
   event), the read is dropped, the lock alone is tried again after a short pause (2 ms, doubling
   up to 100 ms) and the states are read once it is taken; the lock expires by itself if its
   worker died;
3. one script (``EVALSHA``) writes the states the event touched and releases the lock — only if
   the lock is still this event's (Reflex's fencing: an event that outlived its lock writes
   nothing and fails with ``LockExpiredError``).

States that a middleware reads on every event (``always``: the forgotten-session marker) ride in
the same ``MGET``. Everything else — the keys, the pickles, the expiry, the tree of states — is
Reflex's own, so the other Reflex code (``get_state`` of a sibling state, ``set_state``) works
unchanged. Written against Reflex 0.10.1: ``tests/ui/test_session_store.py`` checks the round trips
and the locking on a real Redis, and the fault tests (``tests/reliability``) the whole path.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
import uuid
from collections.abc import AsyncIterator

from redis.exceptions import RedisError
from reflex.istate.manager.redis import StateManagerRedis
from reflex.istate.manager.token import BaseStateToken, StateToken
from reflex.state import BaseState, all_base_state_classes
from reflex_base.utils.exceptions import LockExpiredError, StateSchemaMismatchError

logger = logging.getLogger(__name__)

#: KEYS: the lock, then the states; ARGV: the lock id, the states' expiry (s), then the pickles in
#: KEYS order. Writes and unlocks only while the lock is this event's; returns 1, or 0 (nothing done).
SAVE_AND_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
for i = 2, #KEYS do
    redis.call('SET', KEYS[i], ARGV[i + 1], 'EX', ARGV[2])
end
redis.call('DEL', KEYS[1])
return 1
"""

FIRST_PAUSE = 0.002
LONGEST_PAUSE = 0.1


@dataclasses.dataclass(eq=False)
class _Queue:
    """This process's lock for one tab, and how many events hold or wait for it."""

    lock: asyncio.Lock = dataclasses.field(default_factory=asyncio.Lock)
    users: int = 0


@dataclasses.dataclass
class SessionStore(StateManagerRedis):
    """``StateManagerRedis`` with the event path above; the app sets it in place of Reflex's."""

    #: States read on every event (by a middleware): fetched with the event's own states.
    always: tuple[type[BaseState], ...] = ()
    _queues: dict[str, _Queue] = dataclasses.field(default_factory=dict, init=False)
    _tree_classes: dict[tuple[type[BaseState], int], list[type[BaseState]]] = dataclasses.field(
        default_factory=dict, init=False
    )

    def __post_init__(self):
        super().__post_init__()
        # One path only: Reflex's opportunistic locking (REFLEX_OPLOCK_ENABLED) keeps a tab's
        # changes in one worker's memory for seconds, and a killed worker would lose them.
        self._oplock_enabled = False
        self._save_and_release = self.redis.register_script(SAVE_AND_RELEASE)

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

    # -- the event path ------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def modify_state(self, token: StateToken | str, **context) -> AsyncIterator[BaseState]:
        token = self._coerce_token(token)
        if not isinstance(token, BaseStateToken):
            async with super().modify_state(token, **context) as state:
                yield state
            return
        async with self._queued(token.lock_key):
            lock_key = self._lock_key(token)
            event = context.get("event")
            lock_id = f"{event.name if event is not None else ''}:{uuid.uuid4().hex}".encode()
            classes = self._classes(token.cls)
            root, taken = await self._lock_and_read(token, classes, lock_key, lock_id)
            saved = False
            try:
                yield root
                await self._save_and_unlock(token, root, lock_key, lock_id, taken, event)
                saved = True
            finally:
                if not saved:
                    with contextlib.suppress(RedisError, OSError):  # Redis gone: the lock expires
                        await self._save_and_release(keys=[lock_key], args=[lock_id, self.token_expiration])

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
        self, token: BaseStateToken, classes: list[type[BaseState]], lock_key: bytes, lock_id: bytes
    ) -> tuple[BaseState, float]:
        keys = [token._state_key(state_cls) for state_cls in classes]
        pipeline = self.redis.pipeline(transaction=False)
        pipeline.set(lock_key, lock_id, px=self.lock_expiration, nx=True)
        pipeline.mget(keys)
        locked, pickles = await pipeline.execute()
        pause = FIRST_PAUSE
        while not locked:  # another worker holds this tab: rare, and short; poll the lock alone
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
            if await self.redis.set(lock_key, lock_id, px=self.lock_expiration, nx=True):
                locked, pickles = True, await self.redis.mget(keys)
        return self._tree(classes, pickles), time.monotonic()

    async def _save_and_unlock(
        self, token: BaseStateToken, root: BaseState, lock_key: bytes, lock_id: bytes, taken: float, event
    ) -> None:
        writes = self._collect_state_writes(token, root)
        done = await self._save_and_release(
            keys=[lock_key, *(key for key, _ in writes)],
            args=[lock_id, self.token_expiration, *(data for _, data in writes)],
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
        if held_ms > self.lock_warning_threshold:
            logger.warning(
                f"A session's lock was held {held_ms / 1000:.1f} s; use a background event "
                f"for long tasks.{where}",
                extra={"dedupe": True},
            )


def install(app, always: tuple[type[BaseState], ...] = ()) -> None:
    """Put the store in place of the Redis manager Reflex made (nothing changes in memory mode)."""
    manager = app._state_manager
    if isinstance(manager, StateManagerRedis) and not isinstance(manager, SessionStore):
        app._state_manager = SessionStore.replacing(manager, always=always)
