"""The wizard's state reads the tab's answers bounded and once (issue #13 items 1b and 2)."""

from __future__ import annotations

import json

import reflex as rx

import pti_citizen.pti_citizen  # noqa: F401  (registers every page and its states)
from pti_citizen.ui import storage
from pti_citizen.ui.simulator.state import SimulatorState


def simulator() -> SimulatorState:
    return rx.State(_reflex_internal_init=True).substates[SimulatorState.get_name()]


def test_nested_answers_do_not_break_the_tab_session():
    state = simulator()
    state.answers_json = "[" * 3000 + "]" * 3000
    assert state.question  # the first question, not a RecursionError
    state.answers_json = '{"age": ' + "9" * 5000 + "}"
    assert state.chosen == {}


def test_answers_are_parsed_once_for_all_the_computed_vars():
    state = simulator()
    state.answers_json = json.dumps({"couple": "single", "age": "30", "children_count": "2"})
    storage._parsed.cache_clear()
    for name in ("question", "number", "total", "done", "chosen", "more_children", "child_fields"):
        getattr(state, name)
    info = storage._parsed.cache_info()
    assert info.misses == 1 and info.hits >= 6


def test_a_copy_is_given_so_that_a_handler_may_change_it():
    state = simulator()
    state.answers_json = json.dumps({"couple": "single"})
    first = state._answers()
    first["couple"] = "couple"
    assert state._answers() == {"couple": "single"}
