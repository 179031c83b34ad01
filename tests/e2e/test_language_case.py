"""A language typed in capitals opens the page (issue #14, item 11): /FR/ was a 404 showing the home."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from pti_citizen.ui.locator.texts import texts
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("/FR/", "/fr/"),
        ("/Fr/simulateur", "/fr/simulateur"),
        ("/EN", "/en/"),
        ("/eS/mode?x=1", "/es/mode?x=1"),
    ],
)
def test_the_server_redirects_to_the_lower_case_language(app_url, typed, target):
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(app_url + typed)
    assert answer.value.code == 301 and answer.value.headers["Location"] == target


def test_the_page_and_its_search_open_from_a_language_in_capitals(page, app_url):
    page.goto(f"{app_url}/AR/trouver-une-mds?q=Muret")
    wait_for_app(page)
    assert page.url == f"{app_url}/ar/trouver-une-mds?q=Muret"
    words = texts("ar")
    expect(page.get_by_role("heading", level=1)).to_contain_text(words["title"].split(" (")[0])
    results = page.get_by_role("region", name=words["results_title"])
    expect(results.get_by_role("heading", level=3).first).to_be_visible()
