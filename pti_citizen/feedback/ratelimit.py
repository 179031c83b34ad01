"""Limits that stop a script from flooding the feedback table or guessing the team's secret.

Everything lives in this process's memory and is forgotten on restart. Clients are told apart by a
keyed hash of their websocket session (or, for the HTTP export, of their address): the key is drawn
at random when the process starts and never leaves it, so the counters cannot be turned back into a
session or an IP address, and nothing of the kind is ever written anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from threading import Lock

from pti_citizen.settings import Window, parse_windows

__all__ = [
    "GLOBAL",
    "OVERALL",
    "PER_ADDRESS",
    "PER_SESSION",
    "FeedbackLimiter",
    "Lockout",
    "SlidingWindow",
    "Window",
    "client_key",
    "parse_windows",
]

_PROCESS_KEY = secrets.token_bytes(32)


def client_key(identifier: str) -> str:
    """A per-process pseudonym for a session token or an address (HMAC-SHA-256, truncated)."""
    return hmac.new(_PROCESS_KEY, identifier.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:32]


class SlidingWindow:
    """Counts events per key over one or more windows; memory is bounded by ``max_keys``."""

    def __init__(
        self, windows: tuple[Window, ...], max_keys: int = 10_000, clock: Callable[[], float] = time.monotonic
    ):
        self.windows = windows
        self.horizon = max(w.seconds for w in windows)
        self.max_keys = max_keys
        self.clock = clock
        self._events: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            events = deque()
            self._events[key] = events
            while len(self._events) > self.max_keys:
                self._events.popitem(last=False)
        else:
            self._events.move_to_end(key)
        while events and events[0] <= now - self.horizon:
            events.popleft()
        return events

    def _full(self, events: deque[float], now: float) -> bool:
        return any(sum(1 for t in events if t > now - w.seconds) >= w.limit for w in self.windows)

    def hit(self, key: str) -> bool:
        """Record one event for ``key`` if every window still has room; ``False`` (nothing recorded) if not."""
        with self._lock:
            now = self.clock()
            events = self._recent(key, now)
            if self._full(events, now):
                return False
            events.append(now)
            return True

    def full(self, key: str) -> bool:
        with self._lock:
            now = self.clock()
            return self._full(self._recent(key, now), now)

    def add(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(key, now).append(now)

    def forget(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)


GLOBAL = "*"

#: One person answers a few pages in a visit: 10 sendings in 10 minutes, 40 a day, is plenty.
PER_SESSION = (Window(10, 600), Window(40, 86_400))
#: One address may be a whole MDS behind one router (several kiosks): higher, but still bounded.
PER_ADDRESS = (Window(60, 600), Window(400, 86_400))
#: The whole département: far above real use, far below what fills a disk.
OVERALL = (Window(300, 600), Window(5_000, 86_400))


class FeedbackLimiter:
    """``check(session, address)`` → ``None`` (go ahead, counted), ``"client"`` or ``"global"``
    (refused, nothing counted). A script opening new sessions is caught by its address; one spread
    over many addresses by the overall limit. ``None`` for a limit means its default; the app passes
    ``Settings.feedback_limit_*`` (``PTI_FEEDBACK_LIMIT_*``, e.g. ``600/600,10000/86400`` for a campaign)."""

    def __init__(
        self,
        per_session: tuple[Window, ...] | None = None,
        per_address: tuple[Window, ...] | None = None,
        overall: tuple[Window, ...] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        per_session, per_address = per_session or PER_SESSION, per_address or PER_ADDRESS
        overall = overall or OVERALL
        self.sessions = SlidingWindow(per_session, clock=clock)
        self.addresses = SlidingWindow(per_address, clock=clock)
        self.overall = SlidingWindow(overall, max_keys=1, clock=clock)
        self._lock = Lock()

    def check(self, session: str, address: str | None = None) -> str | None:
        with self._lock:
            if self.sessions.full(session) or (address is not None and self.addresses.full(address)):
                return "client"
            if not self.overall.hit(GLOBAL):
                return "global"
            self.sessions.add(session)
            if address is not None:
                self.addresses.add(address)
            return None


class Lockout:
    """Failed secret attempts: after ``per_client`` failures in ``window`` seconds that client waits
    ``window`` seconds; after ``overall`` failures from anyone, everybody waits (guessing from many
    addresses). A right secret is refused too while locked: a lock cannot be used to test guesses."""

    def __init__(
        self,
        per_client: int = 5,
        overall: int = 20,
        window: float = 900,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.window = window
        self.clock = clock
        self.clients = SlidingWindow((Window(per_client, window),), clock=clock)
        self.overall = SlidingWindow((Window(overall, window),), max_keys=1, clock=clock)

    def locked(self, client: str) -> bool:
        return self.clients.full(client) or self.overall.full(GLOBAL)

    def failed(self, client: str) -> None:
        self.clients.add(client)
        self.overall.add(GLOBAL)

    def succeeded(self, client: str) -> None:
        self.clients.forget(client)
