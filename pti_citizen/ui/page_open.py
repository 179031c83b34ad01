"""A Reflex page opens in one event, not four.

Reflex 0.10.1 opens a page that has an ``on_load`` handler with a chain of events, each one its own
round trip through the event queue, the session's lock and Redis: ``hydrate_and_load`` (the state's
snapshot) → ``on_load_internal`` (finds the page's handlers) → the handler → ``set_is_hydrated``.
A page reached inside the app (a redirect, a link) starts the chain at ``on_load_internal``. Each
event costs a worker about 1.6–2.6 ms of CPU even when it changes nothing: the three after the
snapshot were about a third of what opening the wizard or the locator cost (docs/performance.md,
« Capacity »).

Here the page's handler (its *opener*) is registered with this module instead of Reflex: Reflex sees a
page without ``on_load``, so ``hydrate_and_load`` and ``on_load_internal`` mark the page hydrated
themselves, and we then run the opener inside that same event — the snapshot is still sent first,
the opener's changes and ``is_hydrated`` come in the event's last update, and whatever the opener
returns (a redirect) is chained as before. Both handlers keep their names, arguments and Reflex's
rules (``on_load_internal`` still supersedes a stale navigation), so the frontend and the load
client speak the same protocol.

Written against Reflex 0.10.1 (``reflex.lock``): ``tests/ui/test_page_open.py`` fails if the two
handlers change shape.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any

from reflex.state import OnLoadInternalState, State
from reflex_base.event import EventHandler

#: Route (``fr/simulateur``, no slashes around) → the handler that opens that page.
_OPENERS: dict[str, EventHandler] = {}
_installed = False


def route_key(path: str) -> str:
    return path.strip("/")


def register(route: str, opener: EventHandler) -> None:
    """``opener`` runs when the page at ``route`` opens or is navigated to (as Reflex's ``on_load``)."""
    if not isinstance(opener, EventHandler) or opener.state is None:
        raise TypeError(f"the opener of {route} must be a state's event handler, not {opener!r}")
    _OPENERS[route_key(route)] = opener
    install()


def opener_for(path: str) -> EventHandler | None:
    return _OPENERS.get(route_key(path))


async def run_opener(state: Any, chained: Any) -> Any:
    """After Reflex's own handler (``chained``: what it returned): the page's opener, in this event."""
    opener = opener_for(state.router.url.path)
    if opener is None:
        return chained
    substate = await state.get_state(opener.state)
    returned = opener.fn(substate)
    if inspect.isawaitable(returned):
        returned = await returned
    return returned if chained is None else [*_as_list(chained), *_as_list(returned)]


def _as_list(events: Any) -> list[Any]:
    if events is None:
        return []
    return list(events) if isinstance(events, list | tuple) else [events]


def _wrap(handler: EventHandler) -> None:
    original = handler.fn

    # Reflex's markers (``supersedes``) are the function's attributes: ``wraps`` copies them.
    @functools.wraps(original)
    async def open_page(self, *args, **kwargs):
        chained = original(self, *args, **kwargs)
        if inspect.isawaitable(chained):
            chained = await chained
        return await run_opener(self, chained)

    # EventHandler is a frozen dataclass: the same object stays registered under the same name;
    # what it cached about the old function (is it a coroutine?) is computed again.
    object.__setattr__(handler, "fn", open_page)
    for cached in ("_is_coroutine_function", "supersedes"):
        handler.__dict__.pop(cached, None)


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    _wrap(State.event_handlers["hydrate_and_load"])
    _wrap(OnLoadInternalState.event_handlers["on_load_internal"])
