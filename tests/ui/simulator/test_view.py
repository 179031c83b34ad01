"""What the result page shows, flattened from the engine's and the directory's typed answers: every
step's figure with its sign, the steps adding up, the bars' widths, today's opening times."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import pytest

from pti_citizen import directory
from pti_citizen.directory.hours import opening_today
from pti_citizen.handover import parse_result_query
from pti_citizen.simulator import estimate, make_job, parse_household, what_if
from pti_citizen.ui.simulator import view
from pti_citizen.ui.simulator.texts import page_texts

TODAY = dt.date(2026, 12, 7)
MOTHER = {
    "month": "2026-12",
    "applicant": {"age": 30, "nationality": "fr", "earned_income": 600},
    "children": [7, 3],
    "housing": {"status": "tenant", "housing_benefit": 450},
}
WORDS = {
    key: page_texts("fr")[f"mds_{key}"]
    for key in ("today", "span", "closed_today", "day", "closed_day", "kiosque")
}


def household():
    found, errors = parse_household(MOTHER, "fr")
    assert errors == []
    return found


def euros(text: str) -> Decimal:
    digits = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "")
    return Decimal(digits.lstrip("+−=").replace(",", "."))


def test_each_due_benefit_shows_its_steps_with_figures_that_add_up():
    result = estimate(household(), "fr", today=TODAY)
    shown = view.own(result, "fr", "/fr/simulateur/resultat", "https://rsa.example.org")
    assert [card.name for card in shown.due] == [b.name for b in result.benefits if b.eligible]
    for card in shown.due:
        total = Decimal(0)
        for step in card.steps:
            if step.effect == "base":
                assert not step.figure.startswith(("+", "−", "="))
                total = euros(step.figure)
            elif step.effect == "plus":
                assert step.figure.startswith("+ ")
                total += euros(step.figure)
            elif step.effect == "minus":
                assert step.figure.startswith("− ")
                total -= euros(step.figure)
            elif step.effect == "result":
                assert step.figure.startswith("= ") and euros(step.figure) == euros(card.amount)
            else:
                assert step.figure == ""
        assert total == euros(card.amount), card.name
        # « C'est une estimation… » closes the card once (decided_by), not again among the steps.
        assert view.plain(card.decided_by) not in [view.plain(step.text) for step in card.steps]
    assert shown.public_link == "https://rsa.example.org" + shown.link
    assert euros(shown.total) == Decimal(str(result.total_monthly_amount))


def test_a_benefit_not_due_says_why_without_steps():
    result = estimate(household(), "fr", today=TODAY)
    shown = view.own(result, "fr", "/fr/simulateur/resultat", "")
    for card in shown.not_due:
        engine = result.benefit(card.name)
        assert card.steps == [] and [view.plain(r) for r in card.reasons] == [r.text for r in engine.reasons]


def test_a_shared_link_shows_labels_amounts_and_who_decides():
    link = parse_result_query("v=2&mois=2026-12&rsa=11.31&asf=403.57&paje_base=0.00&n=apply_caf", today=TODAY)
    shown = view.shared(link, "es", TODAY)
    assert [card.name for card in shown.due] == ["rsa", "asf"]
    assert view.plain(shown.due[0].label) and view.plain(shown.due[0].decided_by) and shown.due[0].steps == []
    assert euros(shown.total.replace(".", "").replace(",", ".")) == Decimal("414.88")
    assert shown.next_steps == ["apply_caf"] and shown.outdated is False
    assert view.shared(link, "fr", dt.date(2027, 6, 1)).outdated


@pytest.mark.parametrize(
    ("amount", "scale", "expected"),
    [(0, 1000, "w-0"), (1, 1000, "w-2"), (500, 1000, "w-50"), (1000, 1000, "w-100"), (10, 0, "w-0")],
)
def test_bar_widths_are_classes_of_the_stylesheet(amount, scale, expected):
    assert view._width(amount, scale) == expected


def test_the_comparison_keeps_the_engines_figures():
    job, errors = make_job(hours_per_week="20", hourly_wage="11,88")
    assert errors == []
    comparison = what_if(household(), job, "fr", today=TODAY)
    shown = view.work(comparison, "fr")
    assert shown.ready and shown.summary and shown.delay and shown.estimate
    assert euros(shown.with_job.total) == Decimal(str(comparison.with_job.total))
    assert euros(shown.now.prime) == Decimal(str(comparison.now.prime_activite))
    # The larger total is the full width; every bar part is a known class.
    widths = [getattr(column, f"w_{kind}") for column in (shown.now, shown.with_job) for kind in view._KINDS]
    assert all(width in {f"w-{n}" for n in range(0, 101, 2)} for width in widths)


def _nearest(town: str, when: dt.datetime):
    return asyncio.run(directory.nearest(q=town, kind="mds", limit=1, lang="fr", now=when))


def test_the_nearest_mds_with_todays_opening_times():
    monday = dt.datetime(2026, 12, 7, 10, 0)
    card = view.mds(_nearest("Muret", monday), "fr", "Muret", WORDS)
    place = _nearest("Muret", monday).items[0].place
    spans = opening_today(place, monday)
    assert card.found and card.town == "Muret" and card.phone == place.phone
    assert card.today.startswith("Aujourd'hui : de 8") and card.today.count(" à ") == len(spans)
    saturday = view.mds(_nearest("Muret", dt.datetime(2026, 12, 12, 10, 0)), "fr", "Muret", WORDS)
    assert saturday.today == "Fermé aujourd'hui."
    # The printed recap: the coming week, day by day, the weekend and holidays closed.
    assert len(card.week) == 7 and card.week[0].startswith("lundi 7 décembre : de 8")
    assert card.week[5] == "samedi 12 décembre : fermé" and card.kiosque == ""


def test_the_recap_names_the_next_kiosque_insertion_of_the_mds():
    monday = dt.datetime(2026, 12, 7, 10, 0)
    place = _nearest("Muret", monday).items[0].place
    kiosque = directory.Kiosque(
        place_id=place.id, day=dt.date(2026, 12, 15), start=dt.time(9, 30), end=dt.time(12), summary="Venez."
    )
    answer = asyncio.run(
        directory.nearest(q="Muret", kind="mds", limit=1, lang="fr", now=monday, kiosques=[kiosque])
    )
    card = view.mds(answer, "fr", "Muret", WORDS)
    assert card.kiosque == "Prochain Kiosque Insertion : 15 décembre 2026, de 9\u00a0h\u00a030 à 12\u00a0h."


def test_a_place_without_regular_hours_says_nothing_of_today():
    places = directory.get_directory().places
    place = next(p for p in places if p.hours_kind is directory.HoursKind.CALL_MDS)
    assert opening_today(place) is None
    assert view._today(place, dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC), "fr", WORDS) == ""


def test_an_unknown_town_gives_the_directorys_message_and_suggestions():
    card = view.mds(_nearest("Murett", dt.datetime(2026, 12, 7, 10)), "fr", "Murett", WORDS)
    assert not card.found and "Murett" in view.plain(card.error) and "Muret" in card.suggestions
    assert card.locator_query == "?q=Murett&kind=mds"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Vous touchez une aide : on retire 193,55 €.",
            [("Vous touchez une aide : on retire 193,55 €.", "", False)],
        ),
        (
            "ar",
            "يُحسب RSA: يُخصم \u200f193.55\xa0€.",
            [
                ("يُحسب ", "", False),
                ("RSA", "fr", True),
                (": يُخصم ", "", False),
                ("\u200f193.55\xa0€", "", True),
                (".", "", False),
            ],
        ),
        (
            "ar",
            "La Maison des Solidarités de Muret, 44 avenue Jacques Douzans",
            None,
        ),
    ],
)
def test_french_names_and_amounts_are_isolated_in_arabic(lang, text, expected):
    found = view.segments(lang, text)
    assert view.plain(found) == text
    if expected is not None:
        assert [(s.text, s.lang, s.isolate) for s in found] == expected
    else:
        assert all(s.isolate and s.lang == "fr" for s in found if any(c.isalpha() for c in s.text))


def test_the_short_address_to_type_opens_the_same_amounts():
    from pti_citizen.handover import shared_result, short_code

    result = estimate(household(), "fr", today=TODAY)
    shown = view.own(result, "fr", "/fr/simulateur/resultat", "https://rsa.example.org")
    host, code = shown.short_address.split(short_code.PATH)
    assert host == "rsa.example.org"
    assert short_code.decode(code).amounts == shared_result(result).amounts
    assert view.own(result, "fr", "/fr/simulateur/resultat", "").short_address == ""
