"""The server-rendered template's elements as Reflex components: the same attributes under React's
names, nothing turned into CSS, and the events the Reflex pages add by element id."""

from __future__ import annotations

from pti_citizen.ui.components.markup import to_component
from pti_citizen.ui.state.kiosk import KioskState
from pti_citizen.web.pages import shell
from pti_citizen.web.pages.html import h


def test_attributes_keep_their_meaning_under_react_names():
    node = h(
        "div",
        h("a", "Français", href="/fr/", hreflang="fr", lang="fr", aria_current="page"),
        h("label", "Vitesse", for_="listen-rate"),
        h("button", "Pause", id="listen-pause", type="button", hidden=True, aria_expanded="false"),
        class_="tools",
        tabindex="-1",
        data_mode="x",
    )
    jsx = str(to_component(node))
    for expected in (
        'className:"tools"',
        "tabIndex:-1",
        '"data-mode":"x"',
        'hrefLang:"fr"',
        '"aria-current":"page"',
        'htmlFor:"listen-rate"',
        "hidden:true",
        '"aria-expanded":"false"',
    ):
        assert expected in jsx, expected
    assert "css" not in jsx  # an unknown keyword would have become emotion CSS


def test_the_kiosk_button_of_a_reflex_page_asks_the_server_first():
    header = to_component(
        shell.header("fr", "simulateur"), {"kiosk-erase": {"on_click": [KioskState.erase_everything]}}
    )
    jsx = str(header)
    assert "erase_everything" in jsx and jsx.count("onClick") == 1
    assert "Terminer et tout effacer" in jsx and 'href:"/ar/simulateur"' in jsx
