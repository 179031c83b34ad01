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


def test_the_load_client_checks_utf8_in_c_and_still_refuses_bad_frames():
    """websocket-client checked every received frame's UTF-8 in pure Python: a third of Locust's CPU
    on the machine it shares with the server (docs/performance.md, « uvloop »). With wsaccel the
    same check runs in C; a text frame that is not UTF-8 is still refused."""
    import websocket._utils as ws_utils
    from websocket import ABNF, WebSocketProtocolException

    assert hasattr(ws_utils, "Utf8Validator"), "wsaccel is missing (requirements-dev.txt)"
    assert ws_utils.validate_utf8("réponse عربي".encode())
    assert not ws_utils.validate_utf8(b"\xc3\x28")
    frame = ABNF(fin=1, opcode=ABNF.OPCODE_CLOSE, data=b"\x03\xe8\xc3\x28")
    try:
        frame.validate()
    except WebSocketProtocolException:
        pass
    else:
        raise AssertionError("a close frame whose reason is not UTF-8 was accepted")
