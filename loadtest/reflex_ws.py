"""A small client that speaks Reflex 0.10's websocket protocol, as the browser's ``state.js`` does.

Why our own: ``reflex-locust-ws`` is not on PyPI, and the load test, the fault test and the
concurrent-feedback check need the same thing — a « browser tab » without a browser:

- one session token per tab (``?token=<uuid>`` on the Socket.IO URL, namespace ``/_event``,
  ``socketio_path="_event"``, websocket transport only);
- the page's boot event ``hydrate_and_load`` rides in the Socket.IO CONNECT packet (``auth.event``),
  with the tab's session-storage values (``vars``) and, on a page's first connect, the hashes of the
  state the page was compiled with (``hashes``: the server then sends only what differs);
- events are ``{"name": "<full state path>.<handler>", "payload": {...}, "router_data": {...}}``;
- the server answers with ``"event"`` messages ``{"delta": {state: {var: value}}, "events": [...]}``
  that the client merges into its copy of the state; session-storage vars are kept like the
  browser keeps them, so a reconnect sends them back.

The protocol carries no request id: an event is answered by the first update that satisfies the
caller's ``until`` predicate (by default: any update). Latency is measured from the emit to that
update. Works with plain threads and under gevent's monkey patching (Locust).
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import socketio

NAMESPACE = "/_event"
#: Reflex's suffix for state vars in deltas (``reflex_base.constants.state.FIELD_MARKER``).
FIELD = "_rx_state_"
ROOT = "reflex___state____state"
HYDRATE = f"{ROOT}.hydrate_and_load"

Update = dict[str, Any]
Predicate = Callable[[Update], bool]


class ReflexError(RuntimeError):
    """The server did not answer as a browser would expect (timeout, refused connection)."""


def state_name(module: str, class_name: str) -> str:
    """Reflex's full name of a state class defined in ``module`` (a direct substate of the root),
    e.g. ``pti_citizen.ui.simulator.state``, ``SimulatorState`` →
    ``reflex___state____state.pti_citizen___ui___simulator___state____simulator_state``.
    ``tests/reliability`` checks this against ``State.get_full_name()`` of the app's classes."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()
    return f"{ROOT}.{module.replace('.', '___')}____{snake}"


@dataclass
class Received:
    """Every update of the current connection, in order (the caller's predicates look at them)."""

    updates: list[Update] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)


def page_state_hashes(base_url: str, path: str = "/fr/", timeout: float = 10) -> list[str] | None:
    """The ``initialStateHashes`` a freshly loaded page sends on its first hydrate, read from the
    built JavaScript the page loads (``None`` if not found: the server then sends the full state)."""
    try:
        with urllib.request.urlopen(base_url.rstrip("/") + path, timeout=timeout) as response:
            html = response.read().decode("utf-8", "replace")
        for asset in dict.fromkeys(re.findall(r"/assets/context-[\w-]+\.js", html)):
            with urllib.request.urlopen(base_url.rstrip("/") + asset, timeout=timeout) as response:
                script = response.read().decode("utf-8", "replace")
            binding = re.search(r"initialStateHashes:\(\)=>([\w$]+)", script)
            if binding:
                found = re.search(re.escape(binding.group(1)) + r"=\[((?:`[0-9a-f]{16}`,?)+)\]", script)
                if found:
                    return re.findall(r"[0-9a-f]{16}", found.group(1))
    except OSError:
        return None
    return None


@dataclass(frozen=True)
class CompiledPage:
    """What a freshly loaded page holds before it connects: the state it was compiled with and that
    state's hashes. With both, a first hydrate gets only what differs (as a browser does)."""

    hashes: list[str] | None
    initial_state: dict[str, dict[str, Any]]


def compiled_page(base_url: str, path: str = "/fr/") -> CompiledPage:
    """Read the hashes from the page's JavaScript, and the compiled defaults by hydrating a fresh
    session once in full (the defaults are what a new session holds; this is what the hashes mean)."""
    hashes = page_state_hashes(base_url, path)
    probe = ReflexSession(base_url)
    try:
        probe.open(path)
        initial = json.loads(json.dumps(probe.state))
    finally:
        probe.close()
    return CompiledPage(hashes=hashes, initial_state=initial)


class ReflexSession:
    """One browser tab: a token, session storage, the merged state, one websocket at a time."""

    def __init__(
        self,
        base_url: str,
        *,
        session_storage: Mapping[str, str] | None = None,
        page: CompiledPage | None = None,
        timeout: float = 15.0,
        headers: Mapping[str, str] | None = None,
        token: str | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.token = token or str(uuid.uuid4())
        #: Full var names (``state.var_rx_state_``) kept in the tab's sessionStorage → storage key.
        self.storage_keys = dict(session_storage or {})
        self.storage: dict[str, Any] = {}
        self.page = page
        self.timeout = timeout
        self.headers = dict(headers or {})
        self.state: dict[str, dict[str, Any]] = {}
        self.path = "/"
        self.query: dict[str, str] = {}
        self._sio: socketio.Client | None = None
        self._received = Received()
        self.disconnected = threading.Event()

    # ---- reading what the server sent ------------------------------------------------------------

    def get(self, state: str, name: str, default: Any = None) -> Any:
        return self.state.get(state, {}).get(name + FIELD, default)

    def _on_update(self, data: Update) -> None:
        delta = data.get("delta") or {}
        # Like state.js: a hydrate snapshot (is_hydrated false) is not written to browser storage.
        snapshot = (delta.get(ROOT) or {}).get("is_hydrated" + FIELD) is False
        for state, values in delta.items():
            self.state.setdefault(state, {}).update(values)
            if snapshot:
                continue
            for name, value in values.items():
                if f"{state}.{name}" in self.storage_keys:
                    self.storage[f"{state}.{name}"] = value
        self._browser_events(data.get("events") or ())
        with self._received.cond:
            self._received.updates.append(data)
            self._received.cond.notify_all()

    def _browser_events(self, events) -> None:
        """What ``state.js`` does for storage events: change the storage, then hydrate again with
        what is left (``queueEventIfSocketExists(app.initialEvents())``)."""
        for event in events:
            name, payload = event.get("name"), event.get("payload") or {}
            if name == "_remove_session_storage":
                for full, key in self.storage_keys.items():
                    if key == payload.get("key"):
                        self.storage.pop(full, None)
            elif name == "_clear_session_storage":
                self.storage.clear()
            else:
                continue
            if self._sio is not None:
                self._sio.emit("event", self._boot_event(first=False), namespace=NAMESPACE)

    def _boot_event(self, first: bool) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        if self.storage:
            payload["vars"] = dict(self.storage)
        if first and self.page is not None and self.page.hashes:
            payload["hashes"] = list(self.page.hashes)
        return {"name": HYDRATE, "payload": payload, "router_data": self._router_data()}

    def _wait(self, start: int, until: Predicate, timeout: float | None) -> Update:
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = start
        with self._received.cond:
            while True:
                updates = self._received.updates
                while seen < len(updates):
                    update = updates[seen]
                    seen += 1
                    if until(update):
                        return update
                left = deadline - time.monotonic()
                if left <= 0 or (self.disconnected.is_set() and seen >= len(updates)):
                    why = (
                        "disconnected"
                        if self.disconnected.is_set()
                        else f"no answer in {timeout or self.timeout} s"
                    )
                    raise ReflexError(f"{why} (token {self.token[:8]}, page {self.path})")
                self._received.cond.wait(min(left, 0.5))

    # ---- the connection --------------------------------------------------------------------------

    @property
    def updates(self) -> list[Update]:
        """Every update received on the current connection, oldest first."""
        return self._received.updates

    def wait(self, until: Predicate, since: int = 0, timeout: float | None = None) -> Update:
        """The first update from index ``since`` on that ``until`` accepts (waiting for it)."""
        return self._wait(since, until, timeout)

    def _router_data(self) -> dict[str, Any]:
        query = "?" + "&".join(f"{k}={v}" for k, v in self.query.items()) if self.query else ""
        data: dict[str, Any] = {"pathname": self.path, "asPath": self.path + query}
        if self.query:
            data["query"] = dict(self.query)
        return data

    def open(
        self,
        path: str,
        query: Mapping[str, str] | None = None,
        *,
        first: bool = True,
        until: Predicate | None = None,
    ) -> float:
        """Load ``path``: connect a new websocket and hydrate, as a full page load does. Returns the
        seconds from the connect to the update that marks the page hydrated (on_load handlers done).
        ``first=False`` is a reconnect of the same page (no state hashes, like the browser)."""
        self.close()
        self.path, self.query = path, dict(query or {})
        self.state = {}
        self._received = Received()
        self.disconnected.clear()
        boot = self._boot_event(first)
        if "hashes" in boot["payload"]:  # the server sends only what differs from the compiled page
            self.state = json.loads(json.dumps(self.page.initial_state))
        sio = socketio.Client(reconnection=False)
        sio.on("event", self._on_update, namespace=NAMESPACE)
        sio.on("disconnect", self._on_disconnect, namespace=NAMESPACE)
        self._sio = sio
        start = time.perf_counter()
        try:
            sio.connect(
                f"{self.base_url}?token={self.token}",
                headers=self.headers,
                transports=["websocket"],
                namespaces=[NAMESPACE],
                socketio_path="_event",
                auth={"event": boot},
                wait_timeout=self.timeout,
            )
        except socketio.exceptions.ConnectionError as error:
            self._sio = None
            raise ReflexError(f"connection refused: {error}") from error
        self._wait(0, until or hydrated, None)
        return time.perf_counter() - start

    def _on_disconnect(self, *_args) -> None:
        self.disconnected.set()
        with self._received.cond:
            self._received.cond.notify_all()

    @property
    def connected(self) -> bool:
        return self._sio is not None and self._sio.connected and not self.disconnected.is_set()

    def send(
        self,
        handler: str,
        payload: Mapping[str, Any] | None = None,
        *,
        until: Predicate | None = None,
        timeout: float | None = None,
    ) -> tuple[float, Update]:
        """Emit ``handler`` (``<full state name>.<event>``) and wait for the update ``until`` accepts.
        Returns ``(seconds, that update)``."""
        if self._sio is None:
            raise ReflexError("not connected")
        start_index = len(self._received.updates)
        event = {"name": handler, "payload": dict(payload or {}), "router_data": self._router_data()}
        start = time.perf_counter()
        try:
            self._sio.emit("event", event, namespace=NAMESPACE)
        except socketio.exceptions.SocketIOError as error:
            raise ReflexError(f"emit failed: {error}") from error
        update = self._wait(start_index, until or (lambda _u: True), timeout)
        return time.perf_counter() - start, update

    def navigate(self, path: str, until: Predicate | None = None) -> float:
        """A client-side navigation (``rx.redirect`` to a page of the app): same socket, the new
        page's ``on_load`` handlers run through ``on_load_internal``, as ``state.js`` does."""
        self.path, self.query = path.split("?")[0], {}
        if "?" in path:
            self.query = dict(part.split("=", 1) for part in path.split("?", 1)[1].split("&") if "=" in part)
        start_index = len(self._received.updates)
        events = []
        if self.storage:
            events.append(
                {
                    "name": f"{ROOT}.reflex___state____update_vars_internal_state.update_vars_internal",
                    "payload": {"vars": dict(self.storage)},
                    "router_data": self._router_data(),
                }
            )
        events.append(
            {
                "name": f"{ROOT}.reflex___state____on_load_internal_state.on_load_internal",
                "payload": {},
                "router_data": self._router_data(),
            }
        )
        start = time.perf_counter()
        for event in events:
            self._sio.emit("event", event, namespace=NAMESPACE)
        self._wait(start_index, until or hydrated, None)
        return time.perf_counter() - start

    def close(self) -> None:
        sio, self._sio = self._sio, None
        if sio is not None:
            # Close the websocket without waiting for the reader to wind down: a tab closes at once
            # (and a Locust user stopped in the middle of a journey must not hang the run).
            with contextlib.suppress(Exception):  # already gone
                sio.eio.disconnect(abort=True)


def hydrated(update: Update) -> bool:
    """The update that ends a page load: the root state says ``is_hydrated``."""
    return (update.get("delta") or {}).get(ROOT, {}).get("is_hydrated" + FIELD) is True


def touches(state: str, *names: str) -> Predicate:
    """An update that carries a value for one of ``names`` of ``state`` (any of them if none given)."""

    def check(update: Update) -> bool:
        values = (update.get("delta") or {}).get(state)
        if values is None:
            return False
        return not names or any(name + FIELD in values for name in names)

    return check


def has_event(name: str) -> Predicate:
    """An update that asks the browser to run a frontend event (``_redirect``, ``_set_focus``…)."""
    return lambda update: any(event.get("name") == name for event in update.get("events") or ())


def either(*predicates: Predicate) -> Predicate:
    return lambda update: any(predicate(update) for predicate in predicates)


def dumps(update: Update) -> str:
    return json.dumps(update, ensure_ascii=False)[:2000]


def raw_hydrate(
    base_url: str,
    path: str,
    storage: Mapping[str, str],
    *,
    token: str | None = None,
    headers: Mapping[str, str] | None = None,
    origin: str | None = None,
    timeout: float = 10,
) -> bool:
    """One page load as raw Engine.IO frames (websocket-client, no Socket.IO client): connect with
    ``storage`` in the boot event, wait for the state. ``True`` if the server sent it, ``False`` if
    it closed the connection first. Faster than :class:`ReflexSession` to see a refusal (the
    Socket.IO client waits for its connect timeout when the server closes during the handshake)."""
    import websocket

    url = base_url.replace("http", "ws", 1).rstrip("/")
    try:
        ws = websocket.create_connection(
            f"{url}/_event/?EIO=4&transport=websocket&token={token or uuid.uuid4()}",
            timeout=timeout,
            header=[f"{k}: {v}" for k, v in (headers or {}).items()],
            **({"origin": origin} if origin else {}),
        )
    except (websocket.WebSocketException, OSError):  # refused at the handshake (403)
        return False
    try:
        ws.recv()  # the Engine.IO open packet
        boot = {
            "name": HYDRATE,
            "payload": {"vars": dict(storage)},
            "router_data": {"pathname": path, "asPath": path},
        }
        ws.send("40/_event," + json.dumps({"event": boot}))
        while True:
            frame = ws.recv()
            if not frame:
                return False
            if frame.startswith("42/_event") and "is_hydrated" in frame:
                return True
    except (websocket.WebSocketException, OSError):
        return False
    finally:
        with contextlib.suppress(Exception):
            ws.close()
