"""The pages' openers (ui/page_open.py) run inside Reflex's own page-load handlers; the whole path on
a real server is tested in tests/reliability/test_redis_per_event.py."""

from __future__ import annotations

import inspect

import pytest
from reflex.state import OnLoadInternalState, State

import pti_citizen.pti_citizen as app_module
from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES
from pti_citizen.ui import page_open
from pti_citizen.ui.locator.state import LocatorState
from pti_citizen.ui.simulator.state import ResultState, SimulatorState


def test_every_reflex_page_of_every_language_has_its_opener_and_no_reflex_on_load():
    expected = {
        routes.SIMULATOR: SimulatorState.open_wizard,
        routes.SIMULATOR_RESULT: ResultState.load_result,
        routes.LOCATOR: LocatorState.load_from_url,
    }
    for lang in LANGUAGES:
        for here, opener in expected.items():
            path = routes.path(lang, here)
            assert page_open.opener_for(path) is opener
            assert page_open.opener_for(path.rstrip("/") + "/") is opener  # with or without slash
            assert not app_module.app.get_load_events(path)  # Reflex would chain four events
    assert page_open.opener_for(routes.path("fr", "droits")) is None


def test_reflex_s_page_load_handlers_keep_their_shape():
    """Written against Reflex 0.10.1: the wrapped handlers keep their names, arguments and rules."""
    hydrate = State.event_handlers["hydrate_and_load"]
    on_load = OnLoadInternalState.event_handlers["on_load_internal"]
    assert hydrate.fn.__name__ == "hydrate_and_load" and on_load.fn.__name__ == "on_load_internal"
    assert list(inspect.signature(hydrate.fn).parameters) == ["self", "vars", "hashes"]
    assert list(inspect.signature(on_load.fn).parameters) == ["self"]
    assert hydrate._is_coroutine_function and on_load._is_coroutine_function
    assert on_load.supersedes and not hydrate.supersedes  # a newer navigation still wins


def test_an_opener_must_be_a_state_s_event_handler():
    with pytest.raises(TypeError):
        page_open.register("/fr/simulateur/", lambda state: None)
