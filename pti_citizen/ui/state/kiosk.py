"""Erasing a shared terminal: every answer of this session, on the server and in the browser."""

from __future__ import annotations

import reflex as rx


def _all_substates(cls: type[rx.State]) -> list[type[rx.State]]:
    found = []
    for sub in cls.get_substates():
        # States marked ``kiosk_keep`` hold the terminal's settings (its way of use), not answers.
        if sub.__module__.startswith("pti_citizen.") and not getattr(sub, "kiosk_keep", False):
            found.append(sub)
        found.extend(_all_substates(sub))
    return found


#: Runs in the browser once the server has erased: a function compiled into the page, not code sent by
#: the server (server-sent code needs ``eval``, which the Content-Security-Policy forbids).
WIPE_BROWSER = rx.call_function(rx.Var("() => window.pti && window.pti.wipe()"))


class KioskState(rx.State):
    """Owns the « Terminer et tout effacer » action; the idle timer in app.js presses the same button.
    The button's chain is ``[KioskState.erase_everything, WIPE_BROWSER]``: the browser forgets its
    copies (session/local storage, token) after the server has forgotten this session's answers."""

    @rx.event
    async def erase_everything(self):
        root = self.parent_state or self
        for state_cls in _all_substates(type(root)):
            state = await self.get_state(state_cls)
            state.reset()
