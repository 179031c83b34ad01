"""The way of use chosen in this browser, readable by the server's event handlers.

``assets/app.js`` owns the choice (``localStorage.pti_mode``); Reflex reads that same key when the
page hydrates, so handlers can phrase texts for « vous » or « la personne que vous aidez »
without running code in the browser. The kiosk erase keeps it: the terminal stays a kiosk.
"""

from __future__ import annotations

from typing import ClassVar

import reflex as rx


class WayOfUseState(rx.State):
    kiosk_keep: ClassVar[bool] = True
    mode: str = rx.LocalStorage("", name="pti_mode")

    @rx.var
    def audience(self) -> str:
        """The simulator engine's wording: ``helper`` for « j'aide quelqu'un », else ``self``."""
        return "helper" if self.mode == "aidant" else "self"
