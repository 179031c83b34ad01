"""When the server has forgotten a tab's session, the tab's answers must not be overwritten.

The server forgets a session when Redis restarts empty, when a session was idle longer than its
expiry (one hour by default, memory or Redis), or on a worker without shared state. The tab still
holds the person's answers in its sessionStorage. Reflex would then run the next click on a fresh,
empty session — the simulator would save that one answer as the only one, and the browser would
store it over everything the person had answered.

So the click is set aside and the tab is asked to send back what it holds: Reflex's own
``remove_session_storage`` frontend event (on a key we never use) makes the page send the same
``hydrate_and_load`` as after a reconnect, with every sessionStorage value — no server-sent code,
the Content-Security-Policy forbids eval. The page then shows the question the person was on,
and the translated server-problem alert asks them to try again (``ui/errors.py``, ``assets/app.js``).
``tests/reliability/test_faults.py`` restarts Redis in the middle of a journey to check it.

**A session is bound to its connection for what must not outlive it.** The tab's token is chosen
by the browser and travels in the websocket URL (it can end up in a proxy's access log, or be read
from a closed tab). Whoever connects with a known token gets that session — but the connection's
id (Socket.IO ``sid``) is issued by the server for each connection and is never in a URL or a log.
States marked ``connection_bound`` (the team's sign-in and data, the locator's searches by address
or position) are reset when a session is picked up by another connection, before the page is
sent anything. The simulator's answers are not bound: the tab holds them and sends them back.
"""

from __future__ import annotations

import logging
from typing import ClassVar

import reflex as rx
from reflex.middleware.middleware import Middleware
from reflex.state import (
    FrontendEventExceptionState,
    OnLoadInternalState,
    State,
    StateUpdate,
    UpdateVarsInternalState,
)
from reflex_base.event import Event

from pti_citizen.ui.errors import SIGNAL_ID

logger = logging.getLogger(__name__)

#: A sessionStorage key nothing uses: removing it only makes the page send its storage again.
RESYNC_KEY = "pti_resync"

#: Events that (re)load a page: they carry the tab's storage, or come right after one that did.
_PAGE_LOADS = (
    f"{State.get_full_name()}.hydrate_and_load",
    f"{State.get_full_name()}.hydrate",
    f"{UpdateVarsInternalState.get_full_name()}.update_vars_internal",
    f"{OnLoadInternalState.get_full_name()}.on_load_internal",
)
#: Reports that change nothing the person sees: let them through, do not alarm anyone.
_REPORTS = (f"{FrontendEventExceptionState.get_full_name()}.handle_frontend_exception",)


class SessionMarkerState(rx.State):
    """``_known`` is true once this session's page has loaded on the server (a fresh session has it
    false). The kiosk reset keeps it: the page is still loaded."""

    kiosk_keep: ClassVar[bool] = True
    _known: bool = False
    #: The connection (Socket.IO sid, server-issued) that this session's events last came from.
    _sid: str = ""


def is_page_load(event_name: str) -> bool:
    return event_name in _PAGE_LOADS


def resync_events() -> list[Event]:
    return Event.from_event_type([rx.remove_session_storage(RESYNC_KEY), rx.set_focus(SIGNAL_ID)])


def connection_bound_states(cls: type[rx.State] = State) -> list[type[rx.State]]:
    """Every state class marked ``connection_bound``."""
    found = []
    for sub in cls.get_substates():
        if getattr(sub, "connection_bound", False):
            found.append(sub)
        found.extend(connection_bound_states(sub))
    return found


async def forget_other_connections(state, marker: SessionMarkerState) -> bool:
    """Reset the connection-bound states when this event comes from another connection than the
    session's last one; ``True`` if they were."""
    sid = state.router.session.session_id
    if not sid or marker._sid == sid:
        return False
    changed = bool(marker._sid)
    marker._sid = sid
    if changed:
        for cls in connection_bound_states():
            (await state.get_state(cls)).reset()
        logger.info("session.rebound outcome=reset")
    return changed


class ForgottenSessionGuard(Middleware):
    async def preprocess(self, app, state, event: Event) -> StateUpdate | None:
        marker = await state.get_state(SessionMarkerState)
        await forget_other_connections(state, marker)
        if is_page_load(event.name):
            if not marker._known:
                marker._known = True
            return None
        if marker._known or event.name in _REPORTS:
            return None
        # A click on a session the server does not know: keep the tab's answers, ask for them.
        return StateUpdate(events=resync_events())
