"""The kiosk erase must reach every feature state of the app (not Reflex's own internal states)."""

from __future__ import annotations

import reflex as rx

import pti_citizen.pti_citizen  # noqa: F401  (registers every page and its states)
from pti_citizen.ui.state.kiosk import _all_substates


def test_erase_covers_every_app_state():
    found = {cls.__name__ for cls in _all_substates(rx.State)}
    assert {"KioskState", "FeedbackState", "SimulatorState", "LocatorState"} <= found
    assert all(cls.__module__.startswith("pti_citizen.") for cls in _all_substates(rx.State))
