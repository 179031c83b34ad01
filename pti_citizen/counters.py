"""Abuse counters shared by every worker: the feedback limits, the team sign-in's failures, new
websocket sessions per client. A maintained library (`limits`: sliding-window counters, and fixed
windows for the count made on every page load) keeps them in the Redis the workers already share
(``REFLEX_REDIS_URL``), or in this process's memory when there is none (one worker). Either way nothing is written to disk, and nothing can be turned back
into an address or a session: keys are keyed hashes (HMAC-SHA-256) whose key lives in that same
memory (a random « pepper », shared through Redis so that every worker computes the same key).

If Redis cannot be reached, the counters fall back to this process's memory (limits per worker, as
before) rather than refuse everyone or let everything through.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Sequence

from limits import RateLimitItemPerSecond
from limits.aio.strategies import FixedWindowRateLimiter, SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string

from pti_citizen.settings import Window

logger = logging.getLogger(__name__)

_REDIS_ERRORS: tuple[type[BaseException], ...] = (OSError, ConnectionError, TimeoutError)
try:  # redis-py's own errors (installed with Reflex)
    import redis.exceptions as _redis_exceptions

    _REDIS_ERRORS += (_redis_exceptions.RedisError,)
except ImportError:  # pragma: no cover
    pass

#: Items remembered per key at most (feedback rows of one client in one window).
MAX_REMEMBERED = 500
#: Keys of remembered items kept in memory at most (without Redis).
MAX_MEMORY_KEYS = 20_000


def _keyed(pepper: bytes, identifier: str) -> str:
    return hmac.new(pepper, identifier.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:32]


def _items(name: str, windows: Sequence[Window]) -> list[RateLimitItemPerSecond]:
    return [RateLimitItemPerSecond(w.limit, max(1, int(w.seconds)), namespace=name) for w in windows]


class _Memory:
    """What ``limits`` does not hold: short lists and alert records, in this process."""

    def __init__(self) -> None:
        self.lists: dict[str, tuple[float, list[str]]] = {}
        self.records: dict[str, tuple[float, dict[str, float]]] = {}

    def _expire(self) -> None:
        now = time.monotonic()
        for table in (self.lists, self.records):
            if len(table) > MAX_MEMORY_KEYS:
                for key in [k for k, (until, _v) in table.items() if until < now] or list(table)[
                    : len(table) // 2
                ]:
                    table.pop(key, None)

    def push(self, key: str, value: str, seconds: float) -> None:
        self._expire()
        until, values = self.lists.get(key, (0.0, []))
        values = values if until >= time.monotonic() else []
        values.append(value)
        self.lists[key] = (time.monotonic() + seconds, values[-MAX_REMEMBERED:])

    def take(self, key: str) -> list[str]:
        until, values = self.lists.pop(key, (0.0, []))
        return values if until >= time.monotonic() else []

    def add(self, key: str, field: str, seconds: float) -> dict[str, float]:
        self._expire()
        now = time.time()
        until, record = self.records.get(key, (0.0, {}))
        if until < time.monotonic():
            record = {}
        record.setdefault("first", now)
        record["last"] = now
        record[field] = record.get(field, 0) + 1
        self.records[key] = (time.monotonic() + seconds, record)
        return dict(record)

    def read(self, key: str) -> dict[str, float]:
        until, record = self.records.get(key, (0.0, {}))
        return dict(record) if until >= time.monotonic() else {}


class Counters:
    """Sliding-window limits, short remembered lists and alert records, keyed by pseudonyms."""

    def __init__(self, redis_url: str | None = None, *, namespace: str = "pti") -> None:
        self.redis_url = redis_url
        self.namespace = namespace
        self._memory = _Memory()
        self._local = SlidingWindowCounterRateLimiter(storage_from_string("async+memory://"))
        self._local_fixed = FixedWindowRateLimiter(storage_from_string("async+memory://"))
        self._shared: SlidingWindowCounterRateLimiter | None = None
        self._shared_fixed: FixedWindowRateLimiter | None = None
        self._redis = None
        self._pepper: bytes | None = None if redis_url else secrets.token_bytes(32)
        self._fallback_pepper = secrets.token_bytes(32)
        self._warned = False
        if redis_url:
            storage = storage_from_string(
                "async+" + redis_url, implementation="redispy", key_prefix=f"{namespace}:limits"
            )
            self._shared = SlidingWindowCounterRateLimiter(storage)
            fixed = storage_from_string(
                "async+" + redis_url, implementation="redispy", key_prefix=f"{namespace}:fixed"
            )
            self._shared_fixed = FixedWindowRateLimiter(fixed)

    # -- plumbing ---------------------------------------------------------------------------------

    def _client(self):
        if self._redis is None:
            import redis.asyncio

            self._redis = redis.asyncio.Redis.from_url(
                self.redis_url, socket_timeout=2, socket_connect_timeout=2
            )
        return self._redis

    def _down(self, error: BaseException) -> None:
        if not self._warned:
            self._warned = True
            logger.warning("counters: redis unreachable, counting in this worker (%s)", type(error).__name__)

    async def pseudonym(self, identifier: str) -> str:
        """A keyed hash of a session token or an address, the same in every worker."""
        if self._pepper is None:
            try:
                client = self._client()
                key = f"{self.namespace}:pepper"
                await client.set(key, secrets.token_hex(32), nx=True)
                self._pepper = bytes.fromhex((await client.get(key)).decode())
            except _REDIS_ERRORS as error:
                self._down(error)
                return _keyed(self._fallback_pepper, identifier)
        return _keyed(self._pepper, identifier)

    # -- limits -----------------------------------------------------------------------------------

    async def _run(self, method: str, *args, sliding: bool = True):
        shared = self._shared if sliding else self._shared_fixed
        if shared is not None:
            try:
                return await getattr(shared, method)(*args)
            except _REDIS_ERRORS as error:
                self._down(error)
        return await getattr(self._local if sliding else self._local_fixed, method)(*args)

    async def allowed(self, name: str, windows: Sequence[Window], *keys: str) -> bool:
        """Whether one more event fits every window (nothing counted)."""
        for item in _items(name, windows):
            if not await self._run("test", item, *keys):
                return False
        return True

    async def hit(self, name: str, windows: Sequence[Window], *keys: str, sliding: bool = True) -> bool:
        """Count one event in each window, shortest first; ``False`` at the first full one (the
        windows before it have counted it: one round trip per window, no separate test).

        ``sliding=False``: fixed windows, each starting at its first event — one command in Redis
        (``INCRBY``) where a sliding window runs seven, at the price of letting through up to twice
        the limit across the end of one window and the start of the next. For counts made on every
        page load (new websocket sessions per client); not for the feedback or the sign-in."""
        for item in _items(name, windows):
            if not await self._run("hit", item, *keys, sliding=sliding):
                return False
        return True

    async def count(self, name: str, window: Window, *keys: str) -> int:
        """Events counted in ``window`` (approximately: a sliding-window counter)."""
        (item,) = _items(name, (window,))
        stats = await self._run("get_window_stats", item, *keys)
        return window.limit - stats.remaining

    async def clear(self, name: str, windows: Sequence[Window], *keys: str) -> None:
        for item in _items(name, windows):
            await self._run("clear", item, *keys)

    # -- remembered items and alert records -------------------------------------------------------

    async def remember(self, key: str, value: str, seconds: float) -> None:
        """Add ``value`` to a short list that disappears ``seconds`` after its last addition."""
        if self.redis_url:
            try:
                client, full = self._client(), f"{self.namespace}:list:{key}"
                async with client.pipeline(transaction=True) as pipe:
                    pipe.rpush(full, value).ltrim(full, -MAX_REMEMBERED, -1).expire(
                        full, max(1, int(seconds))
                    )
                    await pipe.execute()
                return
            except _REDIS_ERRORS as error:
                self._down(error)
        self._memory.push(key, value, seconds)

    async def take(self, key: str) -> list[str]:
        """The list, emptied."""
        if self.redis_url:
            try:
                client, full = self._client(), f"{self.namespace}:list:{key}"
                async with client.pipeline(transaction=True) as pipe:
                    pipe.lrange(full, 0, -1).delete(full)
                    values, _deleted = await pipe.execute()
                return [v.decode() for v in values]
            except _REDIS_ERRORS as error:
                self._down(error)
        return self._memory.take(key)

    async def note(self, key: str, field: str, seconds: float) -> dict[str, float]:
        """Count one more ``field`` in the record ``key`` (with its first and last time, epoch seconds);
        the record disappears ``seconds`` after its last note."""
        if self.redis_url:
            try:
                client, full = self._client(), f"{self.namespace}:record:{key}"
                now = time.time()
                async with client.pipeline(transaction=True) as pipe:
                    pipe.hsetnx(full, "first", now).hset(full, "last", now).hincrby(full, field, 1)
                    pipe.expire(full, max(1, int(seconds))).hgetall(full)
                    *_done, record = await pipe.execute()
                return {k.decode(): float(v) for k, v in record.items()}
            except _REDIS_ERRORS as error:
                self._down(error)
        return self._memory.add(key, field, seconds)

    async def record(self, key: str) -> dict[str, float]:
        if self.redis_url:
            try:
                record = await self._client().hgetall(f"{self.namespace}:record:{key}")
                return {k.decode(): float(v) for k, v in record.items()}
            except _REDIS_ERRORS as error:
                self._down(error)
        return self._memory.read(key)
