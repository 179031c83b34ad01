"""What one event reads from Redis: its state, its parents, its substates, and every state with a
view that depends on them. A view that reads the router (``self.router``: the URL, the headers)
depends on the root's fields, so its state would be read — and its views checked — with every event
of every state of the tab (docs/performance.md, « Server state per session », rule 6)."""

from __future__ import annotations

import importlib
import pkgutil

import reflex as rx

import pti_citizen.ui


def test_no_view_depends_on_the_root_state():
    for module in pkgutil.walk_packages(pti_citizen.ui.__path__, "pti_citizen.ui."):
        importlib.import_module(module.name)  # every state of the app defined
    from pti_citizen.ui.simulator.state import ResultState

    assert ResultState.get_full_name() in {cls.get_full_name() for cls in rx.State.get_substates()}
    assert rx.State._potentially_dirty_states == set()
