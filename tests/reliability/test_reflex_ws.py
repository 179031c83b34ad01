"""The load-test client names the app's states and storage the way the compiled app does: if a state
moves or a storage key is renamed, this fails here, not as timeouts in a load run."""

from __future__ import annotations

from reflex.state import State

from loadtest import journeys
from loadtest.reflex_ws import FIELD, HYDRATE, hydrated, state_name, touches
from pti_citizen.ui.feedback.state import FeedbackState
from pti_citizen.ui.locator.state import LocatorState
from pti_citizen.ui.simulator.state import ResultState, SimulatorState


def test_state_names_are_the_apps():
    assert SimulatorState.get_full_name() == journeys.SIMULATOR
    assert ResultState.get_full_name() == journeys.RESULT_STATE
    assert LocatorState.get_full_name() == journeys.LOCATOR
    assert FeedbackState.get_full_name() == journeys.FEEDBACK
    assert f"{State.get_full_name()}.hydrate_and_load" == HYDRATE
    assert state_name("pti_citizen.ui.simulator.state", "SimulatorState") == SimulatorState.get_full_name()


def test_session_storage_is_the_simulators():
    declared = {}
    for state in (SimulatorState, ResultState):
        for name, field in state.get_fields().items():
            default = field.default
            if getattr(default, "name", None) and field._owner is state:  # rx.SessionStorage(..., name=...)
                declared[f"{state.get_full_name()}.{name}{FIELD}"] = default.name
    assert declared == journeys.SESSION_STORAGE


def test_predicates_read_deltas():
    update = {
        "delta": {
            journeys.SIMULATOR: {f"wizard{FIELD}": {"question": "couple"}},
            "reflex___state____state": {},
        }
    }
    assert touches(journeys.SIMULATOR, "wizard")(update)
    assert not touches(journeys.RESULT_STATE, "result")(update)
    assert not hydrated(update)
    assert hydrated({"delta": {"reflex___state____state": {f"is_hydrated{FIELD}": True}}})
