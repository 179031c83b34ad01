"""What a websocket may send (issue #13 items 1b and 5): known events, bounded browser storage."""

from __future__ import annotations

import pti_citizen.pti_citizen as app_module
from pti_citizen.ui import socket_guard
from pti_citizen.ui.simulator.state import SimulatorState

HYDRATE = "reflex___state____state.hydrate_and_load"
ANSWERS = f"{SimulatorState.get_full_name()}.answers_json_rx_state_"
QUESTION = f"{SimulatorState.get_full_name()}.position_rx_state_"


def test_an_unknown_event_is_dropped_before_reflex_logs_it():
    assert (
        socket_guard.clean_event(app_module.app, {"name": "evil.handler", "payload": {"x": "y" * 900_000}})
        is None
    )
    assert socket_guard.clean_event(app_module.app, "not a dict") is None
    assert socket_guard.clean_event(app_module.app, {"name": HYDRATE, "payload": ["list"]}) is None


def test_browser_storage_is_bounded_and_only_the_apps_own():
    event = {
        "name": HYDRATE,
        "payload": {
            "vars": {
                ANSWERS: '{"age":"' + "3" * 1_000_000 + '"}',
                QUESTION: "age",
                "reflex___state____state.some_other_var_rx_state_": "x",
                f"{SimulatorState.get_full_name()}.amount_rx_state_": "9999 €",  # not a storage var
            }
        },
    }
    cleaned = socket_guard.clean_event(app_module.app, event)
    assert cleaned["payload"]["vars"] == {QUESTION: "age"}


def test_a_known_event_passes_untouched():
    event = {
        "name": f"{SimulatorState.get_full_name()}.choose",
        "payload": {"question": "couple", "value": "single"},
    }
    assert socket_guard.clean_event(app_module.app, event) == event
