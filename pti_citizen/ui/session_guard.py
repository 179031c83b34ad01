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
"""

from __future__ import annotations

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


def is_page_load(event_name: str) -> bool:
    return event_name in _PAGE_LOADS


def resync_events() -> list[Event]:
    return Event.from_event_type([rx.remove_session_storage(RESYNC_KEY), rx.set_focus(SIGNAL_ID)])


class ForgottenSessionGuard(Middleware):
    async def preprocess(self, app, state, event: Event) -> StateUpdate | None:
        marker = await state.get_state(SessionMarkerState)
        if is_page_load(event.name):
            if not marker._known:
                marker._known = True
            return None
        if marker._known or event.name in _REPORTS:
            return None
        # A click on a session the server does not know: keep the tab's answers, ask for them.
        return StateUpdate(events=resync_events())
