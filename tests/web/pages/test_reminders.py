"""« Me rappeler mes déclarations »: a plain form in the URL; the coming declarations and the link
to their calendar file, or what is wrong next to the field."""

from __future__ import annotations

import datetime as dt

from pti_citizen.web.pages.html import render
from pti_citizen.web.pages.reminders import reminders_main

TODAY = dt.date(2026, 12, 7)


def html(lang: str, query: str) -> str:
    return render(*reminders_main(lang, query, TODAY))


def test_without_an_answer_the_form_is_set_on_this_month():
    page = html("fr", "")
    assert '<option value="12" selected>décembre</option>' in page
    assert '<option value="2026" selected>2026</option>' in page
    assert "Vos prochaines déclarations" not in page


def test_a_claim_month_gives_the_next_declarations_and_their_file():
    page = html("fr", "mois=10&annee=2026")  # claimed in October: January, April, July, October
    assert page.index("janvier 2027") < page.index("avril 2027") < page.index("juillet 2027")
    assert "octobre 2027" in page and "octobre 2026" not in page.split("Vos prochaines")[1]
    assert 'href="/api/v1/reminders/declaration.ics?claim_month=2026-10&amp;lang=fr"' in page


def test_a_month_too_far_is_said_next_to_the_field_in_the_language():
    page = html("es", "mois=12&annee=2027")
    assert 'aria-invalid="true"' in page and "marzo de 2027" in page
    assert "declaration.ics" not in page
