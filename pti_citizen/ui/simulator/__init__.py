"""The simulator pages: the wizard « Est-ce que j'ai droit au RSA et à d'autres aides ? » and its
result page (with « Et si je travaille ? »).

The questions, the checks of each answer and the household they make are in the core
(``pti_citizen.simulator.answers``), the link format in ``pti_citizen.handover``; ``texts`` and
``view`` are plain Python (tested in ``tests/ui/simulator``); Reflex is imported only by the pages
and the state, when ``register`` runs.
"""

from __future__ import annotations

DOOR = "simulateur"


def register(app) -> None:
    from functools import partial

    from pti_citizen import routes
    from pti_citizen.i18n import LANGUAGES
    from pti_citizen.ui import registry
    from pti_citizen.ui.simulator.result import result_page
    from pti_citizen.ui.simulator.state import ResultState, SimulatorState
    from pti_citizen.ui.simulator.texts import page_texts
    from pti_citizen.ui.simulator.wizard import wizard_page

    for lang in LANGUAGES:
        t = page_texts(lang)
        registry.add_localized_page(
            app,
            lang,
            routes.SIMULATOR,
            partial(wizard_page, lang),
            t["title"],
            t["description"],
            on_load=SimulatorState.open_wizard,
        )
        registry.add_localized_page(
            app,
            lang,
            routes.SIMULATOR_RESULT,
            partial(result_page, lang),
            t["result_title"],
            t["description"],
            on_load=ResultState.load_result,
        )
    registry.mark_available(DOOR)
