"""The page-weight budgets, measured on the production build as served (gzip): first-load JS + CSS of
the home page and of the Reflex pages (simulator, locator), and the whole first load (HTML + CSS + JS)
of every server-rendered page — the content pages most people read on a cheap phone. The budgets are
written in docs/performance.md (one place)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.page_weight import page_weight
from pti_citizen.web.pages.site import ServerRenderedSite
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"


def budget_bytes(name: str = "js_css_gzip_bytes") -> int:
    match = re.search(rf"<!-- budget: {name}=(\d+) -->", DOC.read_text(encoding="utf-8"))
    assert match, f"docs/performance.md must state the budget {name}"
    return int(match.group(1))


def largest(weight: dict) -> str:
    return ", ".join(
        f"{a} {w} B" for a, (w, _) in sorted(weight["files"].items(), key=lambda kv: -kv[1][0])[:4]
    )


@pytest.mark.parametrize("path", ["/fr/", "/ar/", "/fr/simulateur", "/ar/trouver-une-mds"])
def test_first_load_js_and_css_within_budget(app_url, path):
    weight = page_weight(app_url, path)
    assert weight["files"], "no script or stylesheet found: the measure would be meaningless"
    assert weight["js_css"] <= budget_bytes(), (
        f"{path}: {weight['js_css']} B of JS+CSS (gzip) > budget {budget_bytes()} B; largest: {largest(weight)}"
    )


def test_every_server_rendered_page_loads_within_the_content_budget(app_url):
    budget = budget_bytes("server_rendered_first_load_gzip_bytes")
    paths = ServerRenderedSite(origin=app_url).paths()
    assert len(paths) >= 100  # every content page of every language, the offers, home and way of use
    over, totals = [], {}
    for path in paths:
        weight = page_weight(app_url, path)
        scripts = [asset for asset in weight["files"] if asset.endswith(".js")]
        assert weight["css"] and scripts, (
            f"{path}: no stylesheet or script found: the measure would be meaningless"
        )
        assert not [s for s in scripts if s.startswith("/assets/")], (
            f"{path} loads Reflex's bundle: {scripts}"
        )
        totals[path] = weight["html"] + weight["js_css"]
        if totals[path] > budget:
            over.append(f"{path}: {totals[path]} B (HTML {weight['html']} B; {largest(weight)})")
    assert not over, f"first load (gzip) over {budget} B:\n" + "\n".join(over)
    heaviest = max(totals, key=totals.get)
    print(f"\nheaviest server-rendered page: {heaviest} {totals[heaviest]} B of {budget} B")


@pytest.mark.parametrize("path", ["/fr/simulateur", "/ar/trouver-une-mds"])
def test_a_reflex_page_preloads_its_modules_after_its_first_paint(page, app_url, path):
    """No module download competes with the stylesheet before the first paint (the HTML lists them
    as rel="pti-module", web/preloads.py); once painted, app.js preloads every one of them and React
    takes the page over."""
    page.goto(app_url + path)
    wait_for_app(page)
    listed = page.eval_on_selector_all('link[rel="pti-module"]', "links => links.map(l => l.href)")
    preloaded = page.eval_on_selector_all('link[rel="modulepreload"]', "links => links.map(l => l.href)")
    assert len(listed) >= 3, "the build's module preloads were not found in the page"
    assert set(listed) <= set(preloaded)
    html = page.request.get(app_url + path).text()
    assert 'rel="modulepreload"' not in html and 'rel="pti-module"' in html
