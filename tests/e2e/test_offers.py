"""« Me déplacer, me soigner »: filter by need and by town; unknown towns get a clear message."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pti_citizen.offers import filter_offers, need_labels
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


def _shown_titles(page) -> list[str]:
    return page.locator("ul.offers h3").all_inner_texts()


def test_all_offers_are_in_the_page_before_any_filter(page, app_url):
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner")
    assert _shown_titles(page) == [o.name for o in filter_offers("fr")]


@pytest.mark.parametrize(("town", "insee"), [("Toulouse", "31555"), ("st gaudens", "31483")])
def test_filter_by_need_and_town(page, app_url, town, insee):
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner")
    wait_for_app(page)
    page.get_by_label(need_labels("fr")["transport"]).check()
    page.get_by_label(re.compile("Votre commune")).fill(town)
    page.get_by_role("button", name="Voir les aides").click()
    expected = [o.name for o in filter_offers("fr", needs={"transport"}, insee=insee)]
    expect(page.get_by_role("status").filter(has_text="Aides trouvées")).to_contain_text(str(len(expected)))
    assert _shown_titles(page) == expected


def test_unknown_town_gets_a_message_and_suggestions(page, app_url):
    page.goto(f"{app_url}/en/se-deplacer-se-soigner")
    wait_for_app(page)
    page.get_by_label(re.compile("Your town")).fill("Tolouse")
    page.get_by_role("button", name="See the help").click()
    expect(page.get_by_text("We cannot find")).to_be_visible()
    expect(page.get_by_text("Toulouse", exact=True)).to_be_visible()


def test_to_check_offers_say_so(page, app_url):
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner")
    for offer in filter_offers("fr"):
        card = page.locator("article.offer", has=page.get_by_role("heading", name=offer.name, exact=True))
        if offer.to_check:
            expect(card.get_by_text(offer.to_check_label, exact=True)).to_be_visible()
            assert offer.phone or offer.web
