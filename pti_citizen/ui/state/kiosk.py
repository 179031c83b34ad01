"""Erasing a shared terminal: every answer of this session, on the server and in the browser."""

from __future__ import annotations

import reflex as rx


def _all_substates(cls: type[rx.State]) -> list[type[rx.State]]:
    found = []
    for sub in cls.get_substates():
        if sub.__module__.startswith("pti_citizen."):
            found.append(sub)
        found.extend(_all_substates(sub))
    return found


class KioskState(rx.State):
    """Owns the « Terminer et tout effacer » action; the idle timer in app.js presses the same button."""

    @rx.event
    async def erase_everything(self):
        root = self.parent_state or self
        for state_cls in _all_substates(type(root)):
            state = await self.get_state(state_cls)
            state.reset()
        # The browser then forgets its copies (session/local storage, token) and starts afresh.
        return rx.call_script("window.pti && window.pti.wipe()")
