"""The accessibility gate: every route in every language, axe-core WCAG 2.x A/AA + 2.2 AA, 0 violations;
plus what axe cannot see: one main, skip link, 320 px, 200 % zoom, target size, keyboard and focus."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, SMALL_TARGETS_JS, axe_violations, tab_through
from tests.e2e.conftest import LANGS, wait_for_app

pytestmark = pytest.mark.e2e


def test_every_route_passes_axe_and_layout_checks(page, app_url, site_routes):
    page.set_viewport_size({"width": 320, "height": 720})
    problems: dict[str, list[str]] = {}
    for route in [*site_routes, "/fr/cette-page-n-existe-pas", "/ar/cette-page-n-existe-pas"]:
        page.goto(app_url + route)
        wait_for_app(page)
        found = [f"axe: {v}" for v in axe_violations(page)]
        if page.locator("main").count() != 1:
            found.append(f"{page.locator('main').count()} <main> elements")
        overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
        if overflow["scroll"] > overflow["width"]:
            found.append(f"horizontal scroll at 320 px: {overflow}")
        found += [f"target < 24 px: {t}" for t in page.evaluate(SMALL_TARGETS_JS)]
        if found:
            problems[route] = found
    assert not problems, "\n".join(f"{route}\n  " + "\n  ".join(lines) for route, lines in problems.items())


@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_moves_focus_to_main(page, app_url, lang):
    page.goto(f"{app_url}/{lang}/")
    wait_for_app(page)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


@pytest.mark.parametrize("route", ["/fr/", "/ar/", "/fr/mode"])
def test_keyboard_reaches_every_control_with_visible_focus(page, app_url, route):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(app_url + route)
    wait_for_app(page)
    visited = tab_through(page)
    invisible = [v["key"] for v in visited if not v["visible"]]
    assert not invisible, f"focus not visible on: {invisible}"
    reachable = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea')]
              .filter(el => el.offsetParent !== null && !el.closest('[hidden]') && el.tabIndex >= 0).length"""
    )
    assert len(visited) >= reachable, f"only {len(visited)} of {reachable} controls reached by Tab"


@pytest.mark.parametrize("route", ["/fr/", "/ar/"])
def test_usable_at_200_percent_zoom(page, app_url, route):
    # 200 % zoom of a 1280 px window: 640 CSS px; plus the largest text size of the site's own control.
    page.set_viewport_size({"width": 640, "height": 400})
    page.goto(app_url + route)
    wait_for_app(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow
    first_door = page.locator(".door").first
    first_door.scroll_into_view_if_needed()
    expect(first_door).to_be_in_viewport()


def test_text_size_and_contrast_controls_persist(page, app_url):
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.get_by_role("button", name="Texte plus grand").click()
    page.get_by_role("button", name="Contraste élevé").click()
    expect(page.get_by_role("button", name="Contraste élevé")).to_have_attribute("aria-pressed", "true")
    page.reload()
    assert page.evaluate("document.documentElement.dataset.textSize") == "2"
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    assert axe_violations(page) == []
