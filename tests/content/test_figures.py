"""Figures in pages come from the engine: every amount shown equals the engine's for the month, in every
language; a revaluation is one line of a benefit's ``parameters.yaml``; what is not confirmed says « à
vérifier », what the engine does not hold is never a number; and the checks catch amounts typed by hand or
stated without a source."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from html import unescape

import pytest
import yaml
from babel.numbers import parse_decimal

from pti_citizen.content.checks import check_content, figure_lines, figures_in, main
from pti_citizen.content.figures import EXAMPLES, FigureBook, figures_for
from pti_citizen.content.loader import build_site, read_content, read_french_names
from pti_citizen.content.render import LinkTargets, prepare, render
from pti_citizen.i18n import LANGUAGES
from pti_citizen.simulator import REGISTRY, figure, parse_household, service
from pti_citizen.simulator.api import estimate_payload
from pti_citizen.simulator.engine import Registry

from .conftest import page_meta, write_glossary, write_page

_DATA = re.compile(r'<data value="([^"]+)" data-figure="([^"]+)">([^<]*)</data>')
#: Months on both sides of a revaluation, and the current one.
MONTHS = [dt.date(2025, 6, 1), dt.date(2026, 3, 1), dt.date(2026, 10, 1), dt.date.today().replace(day=1)]
#: The household amounts of R262-1 CASF, the RSA majoré and the forfait logement: the amount page shows
#: every one of them (« 1 couple sans enfant, ou 1 personne seule avec 1 enfant » is one figure).
AMOUNT_PAGE = {
    "rsa.montant_forfaitaire",
    "rsa.montant_couple",
    "rsa.montant_couple_1_enfant",
    "rsa.montant_couple_2_enfants",
    "rsa.montant_seul_3_enfants",
    "rsa.montant_couple_3_enfants",
    "rsa.montant_par_enfant_supplementaire",
    "rsa.montant_majore_enceinte",
    "rsa.montant_majore_1_enfant",
    "rsa.montant_majore_2_enfants",
    "rsa.montant_majore_par_enfant",
    "rsa.forfait_logement_1_personne",
    "rsa.forfait_logement_2_personnes",
    "rsa.forfait_logement_3_personnes_ou_plus",
    "rsa.exemple_seul_salaire_500",
    "rsa.montant_minimum_verse",
}


def _person(age: int = 35, earned: float = 0) -> dict:
    return {"age": age, "earned_income": earned, "other_income": 0, "student": False, "nationality": "fr"}


def _household(
    month: dt.date, *, couple=False, children=(), pregnant=False, isolated=None, benefit=0, earned=0
):
    return {
        "month": f"{month:%Y-%m}",
        "applicant": _person(earned=earned),
        "partner": _person() if couple else None,
        "children": list(children),
        "pregnant": pregnant,
        "isolated_since_months": isolated,
        "housing": {"status": "tenant", "housing_benefit": benefit},
        "family_benefits": 0,
    }


def _engine(month: dt.date, **household) -> dict:
    status, result = estimate_payload(_household(month, **household), today=month)
    assert status == 200, result
    return result


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _asf_counted(month: dt.date) -> Decimal:
    """What the RSA counts of the ASF for a parent alone with 1 child and no child support."""
    payload = _household(month, children=[5]) | {"family_benefits": None, "child_support_received": 0}
    household, errors = parse_household(payload, "fr")
    assert errors == []
    return _money(service.compute(household).benefits["asf"].counted_as_resource)


def engine_says(key: str, month: dt.date) -> Decimal:
    """What the simulator answers (its JSON contract) for the household a figure describes; for the other
    figures, the engine's own accessor."""
    base = lambda **h: _money(_engine(month, **h)["breakdown"]["base_amount"])  # noqa: E731
    flat = lambda **h: _money(_engine(month, benefit=900, **h)["breakdown"]["housing_flat_rate"])  # noqa: E731
    return {
        "rsa.montant_forfaitaire": lambda: base(),
        "rsa.montant_couple": lambda: base(couple=True),
        "rsa.montant_couple_1_enfant": lambda: base(couple=True, children=[8]),
        "rsa.montant_couple_2_enfants": lambda: base(couple=True, children=[8, 5]),
        "rsa.montant_seul_3_enfants": lambda: base(children=[9, 8, 5]),
        "rsa.montant_couple_3_enfants": lambda: base(couple=True, children=[9, 8, 5]),
        "rsa.montant_par_enfant_supplementaire": lambda: (
            base(couple=True, children=[10, 9, 8, 5]) - base(couple=True, children=[9, 8, 5])
        ),
        "rsa.montant_majore_enceinte": lambda: base(pregnant=True, isolated=1),
        "rsa.montant_majore_1_enfant": lambda: base(children=[1]),
        "rsa.montant_majore_2_enfants": lambda: base(children=[1, 4]),
        "rsa.montant_majore_par_enfant": lambda: base(children=[1, 4, 6]) - base(children=[1, 4]),
        "rsa.forfait_logement_1_personne": lambda: flat(),
        "rsa.forfait_logement_2_personnes": lambda: flat(couple=True),
        "rsa.forfait_logement_3_personnes_ou_plus": lambda: flat(couple=True, children=[8]),
        "rsa.exemple_seul_salaire_500": lambda: _money(_engine(month, earned=500)["monthly_amount"]),
        "asf.montant_compte_par_rsa_et_prime": lambda: _asf_counted(month),
    }.get(key, lambda: Decimal(str(figure(key, month).value)))()


def _shown(text: str, lang: str) -> Decimal:
    """The number a reader sees, read back with the language's own conventions (CLDR)."""
    digits = re.sub(r"[€\u200f\u200e\s]", "", unescape(text))
    return parse_decimal(digits, locale=lang)


@pytest.fixture(scope="module")
def shipped():
    documents, glossaries, problems = read_content()
    assert problems == []
    return documents, glossaries


@pytest.mark.parametrize("month", MONTHS, ids=str)
def test_every_figure_a_page_shows_is_the_engines_for_the_month(shipped, month):
    site = build_site(*shipped, month)
    seen = set()
    for page in site.pages_by_key.values():
        for value, key, shown in _DATA.findall(page.html):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # {{ date: … }}: the day the value came into force
                assert value == figure(key, month).since.isoformat(), (page.slug, key)
                continue
            expected = engine_says(key, month)
            # « Each extra child » is 40 % (42,804 %) of the base rounded to the cent, as published; the
            # engine rounds whole households, so the difference of two of them may be 1 cent off.
            tolerance = Decimal("0.01") if key.endswith("_par_enfant_supplementaire") else Decimal(0)
            tolerance = Decimal("0.01") if key.endswith("majore_par_enfant") else tolerance
            assert abs(Decimal(value) - expected) <= tolerance, (page.lang, page.slug, key, value, expected)
            assert _shown(shown, page.lang) == Decimal(value), (page.lang, page.slug, key, shown)
            seen.add(key)
    assert seen >= AMOUNT_PAGE
    assert {"prime_activite.montant_forfaitaire", "asf.montant_compte_par_rsa_et_prime"} <= seen


def test_no_page_types_an_amount_the_engine_holds(shipped):
    site = build_site(*shipped)
    problems = [p for p in check_content() if p.check == "figures"]
    assert problems == []
    # The amounts typed by hand in the amount page before issue #12 are gone from every language.
    for lang in LANGUAGES:
        text = re.sub(r"<data\b.*?</data>", "", site.page(lang, "montant-du-rsa").html)
        assert not [
            w for w, value, _ in figures_in(unescape(text)) if value in {Decimal("651.69"), Decimal("646.52")}
        ]


def test_the_amount_page_in_arabic_and_english_follows_cldr(shipped):
    site = build_site(*shipped, dt.date(2026, 10, 1))
    assert '<data value="1368.55" data-figure="rsa.montant_couple_2_enfants">€1,368.55</data>' in (
        site.page("en", "montant-du-rsa").html
    )
    assert '<data value="1368.55" data-figure="rsa.montant_couple_2_enfants">1\u202f368,55\u00a0€</data>' in (
        site.page("fr", "montant-du-rsa").html
    )
    assert (
        '<data value="1368.55" data-figure="rsa.montant_couple_2_enfants">\u200f1,368.55\u00a0€</data>'
        in (site.page("ar", "montant-du-rsa").html)
    )
    assert '<data value="2026-04-01" data-figure="rsa.montant_forfaitaire">1er avril 2026</data>' in (
        site.page("fr", "montant-du-rsa").html
    )


def _revalued(tmp_path, benefit: str, value: float) -> Registry:
    """The engine's benefits, with a temporary copy of ``benefit``'s parameters.yaml that holds a new
    montant forfaitaire from 1 April 2027 (a decree read and confirmed)."""
    table = REGISTRY.tables[benefit]
    raw = dict(table.raw)
    raw["montant_forfaitaire"] = dict(raw["montant_forfaitaire"])
    raw["montant_forfaitaire"]["values"] = [
        *raw["montant_forfaitaire"]["values"],
        {
            "from": dt.date(2027, 4, 1),
            "value": value,
            "source": "Décret de test du 31 mars 2027",
            "url": "https://www.legifrance.gouv.fr/test",
            "confidence": "official",
        },
    ]
    file = tmp_path / f"{benefit}.yaml"
    file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    new_table = table.reading(file)
    return Registry(tuple(replace(b, table=lambda: new_table) if b.name == benefit else b for b in REGISTRY))


@pytest.mark.parametrize(
    ("benefit", "value", "derived"),
    [
        (
            "rsa",
            660.0,
            {"rsa.montant_couple": "990.00", "rsa.exemple_seul_salaire_500": "160.00"},
        ),
        ("prime_activite", 650.0, {}),
    ],
)
def test_a_revaluation_in_the_parameters_file_changes_every_page_that_shows_it(
    shipped, tmp_path, benefit, value, derived
):
    may_2027 = dt.date(2027, 5, 1)
    before = build_site(*shipped, may_2027)
    book = FigureBook(may_2027, _revalued(tmp_path, benefit, value))
    after = build_site(*shipped, may_2027, figures=book)
    key = f"{benefit}.montant_forfaitaire"
    showing = [p for p in after.pages_by_key.values() if f'data-figure="{key}"' in p.html]
    assert {p.lang for p in showing} == set(LANGUAGES)
    for page in showing:
        shown = {(k, v) for v, k, _ in _DATA.findall(page.html)}
        assert (key, f"{value:.2f}") in shown, page.file
        assert {v for k, v in shown if k == key} <= {f"{value:.2f}", "2027-04-01"}, page.file  # amount, date
        assert all((k, v) in shown for k, v in derived.items()), page.file
        assert page.html != before.page(page.lang, page.slug).html
        # The decree of the new value becomes a source of the page.
        assert "Décret de test du 31 mars 2027" in [s.title for s in page.sources]
    # Confirmed and held, the new value is no longer « à vérifier »; without it, May 2027 is.
    assert not book.get(key).to_check and figures_for(may_2027).get(key).to_check


def test_after_1_april_without_the_new_amounts_every_revalued_figure_is_to_check():
    stale = figures_for(REGISTRY.tables["rsa"].valid_until)
    for key in ("rsa.montant_forfaitaire", "rsa.forfait_logement_1_personne", "rsa.exemple_seul_salaire_500"):
        assert stale.get(key).to_check, key
    assert stale.get("asf.montant_compte_par_rsa_et_prime").to_check  # follows the BMAF
    assert not stale.get("rsa.majoration_isolement_delai_demande_mois").to_check  # not revalued
    assert not stale.get("rsa.montant_minimum_verse").to_check


def test_a_figure_is_to_check_when_a_source_says_so_and_only_then():
    book = figures_for(dt.date(2026, 10, 1))
    assert [s.confidence for s in figure("rsa.montant_forfaitaire", "2026-10").sources] == ["to_check"]
    assert book.get("rsa.montant_forfaitaire").to_check
    assert book.get("rsa.montant_couple").to_check  # made from it
    assert not book.get("rsa.age_minimum").to_check  # official, not revalued


def test_the_worked_example_is_the_engines_estimate_for_its_household():
    for month in MONTHS:
        example = EXAMPLES["rsa.exemple_seul_salaire_500"]
        household, errors = parse_household({**example.household, "month": f"{month:%Y-%m}"}, "fr")
        assert errors == []
        estimate = service.estimate(household, today=month)
        assert figures_for(month).get("rsa.exemple_seul_salaire_500").value == _money(
            estimate.benefit("rsa").monthly_amount
        )


def test_a_month_before_the_engines_first_values_shows_to_check_without_a_number():
    book = figures_for(dt.date(1990, 1, 1))
    assert list(book) == []
    held = book.get("rsa.montant_forfaitaire")
    assert held.value is None and held.to_check
    rendered = render(
        prepare("{{ montant: rsa.montant_forfaitaire }}\n"), "fr", LinkTargets(), None, figures=book
    )
    assert "à vérifier" in rendered.html and rendered.figures[0].problem is None


def test_every_placeholder_of_the_shipped_pages_is_known_to_the_engine(shipped):
    site = build_site(*shipped)
    used = {use.key for page in site.pages_by_key.values() for use in page.figures}
    assert used and all(figures_for(dt.date.today()).get(key) is not None for key in used)
    assert all(use.problem is None for page in site.pages_by_key.values() for use in page.figures)


def test_the_command_lists_every_figure_a_page_may_write(capsys):
    lines = figure_lines(dt.date(2026, 10, 1))
    assert "{{ montant: rsa.montant_couple }}  977,54\u00a0€ (EUR) [à vérifier]" in "\n".join(lines).replace(
        "\u202f", " "
    )
    assert any(line.startswith("{{ montant: rsa.exemple_seul_salaire_500 }}  151,69") for line in lines)
    assert any(line.startswith("{{ nombre: rsa.age_minimum }}  25 (years)  ") for line in lines)
    assert not any("majoration_deuxieme_personne" in line for line in lines)  # a rate, not shown
    assert main(["--figures", "2026-10"]) == 0
    assert "asf.montant_compte_par_rsa_et_prime" in capsys.readouterr().out
    assert main(["--figures", "octobre"]) == 2


def _render(body: str, lang: str = "fr"):
    return render(prepare(body), lang, LinkTargets(), None, figures=figures_for(dt.date(2026, 10, 1)))


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("{{ montant: rsa.inconnu }}", "unknown figure"),
        ("{{ prix: rsa.montant_forfaitaire }}", "unknown kind"),
        ("{{ montant: rsa.age_minimum }}", "is not a montant"),
        ("{{ nombre: rsa.majoration_deuxieme_personne }}", "is not a nombre"),  # a rate
        ("{{ montant: allocation_soutien_familial.montant_retenu_rsa }}", "unknown figure"),  # old name
        ("{{ nombre: RSA }}", "malformed key"),
    ],
)
def test_a_wrong_placeholder_shows_to_check_and_is_reported(body, problem):
    rendered = _render(body + "\n")
    assert "à vérifier" in rendered.html
    assert problem in rendered.figures[0].problem


def test_an_unreadable_placeholder_is_reported_not_hidden():
    rendered = _render("Le RSA est de {{ montant rsa.montant_forfaitaire }}.\n")
    assert rendered.stray_braces and "{{ montant rsa.montant_forfaitaire }}" in rendered.html


def test_a_number_kind_and_a_date_kind():
    rendered = _render(
        "{{ nombre: rsa.rsa_jeune_heures }} heures depuis le {{ date: rsa.age_minimum }}.\n", "en"
    )
    assert '<data value="3214" data-figure="rsa.rsa_jeune_heures">3,214</data> heures' in rendered.html
    assert '<data value="2009-06-01" data-figure="rsa.age_minimum">June 1, 2009</data>' in rendered.html


def test_a_number_with_decimals_keeps_them():
    rendered = _render("{{ nombre: rsa.duree_residence_ue_annees }} an.\n")
    assert '<data value="0.25" data-figure="rsa.duree_residence_ue_annees">0,25</data> an' in rendered.html


def _site_with(root, french_body: str, **french_meta):
    for lang in LANGUAGES:
        write_glossary(root, lang, [{"id": "rsa", "term": "RSA", "definition": "Une aide en argent."}])
        write_page(root, lang, "mots-du-rsa", page_meta(lang, "Les mots du RSA", order=99), "Les mots.\n")
        meta = page_meta(lang, "Le montant", order=10) | (french_meta if lang == "fr" else {})
        write_page(root, lang, "montant", meta, french_body if lang == "fr" else "Le montant.\n")
    return root


def _problems(root, check):
    return [p.message for p in check_content(root, today=dt.date(2026, 10, 1)) if p.check == check]


@pytest.mark.parametrize("amount", ["651,69 €", "1 368,55 €", "638,28 €", "107,59 €", "151,69 €"])
def test_the_checks_refuse_an_engine_amount_typed_by_hand(tmp_path, amount):
    # The RSA, a household amount, the prime d'activité, the ASF the RSA counts, the worked example.
    root = _site_with(tmp_path, f"Le montant est de {amount} par mois. C'est à vérifier.\n")
    assert any(f"'{amount}' is one of the engine's figures" in m for m in _problems(root, "figures"))


def test_the_checks_refuse_a_french_figure_without_a_source(tmp_path):
    root = _site_with(tmp_path, "La prime de Noël est de 152,45 €. Elle baisse de 30 %.\n")
    problems = _problems(root, "sources")
    assert any("'152,45 €' has no source" in m for m in problems)
    assert any("'30 %' has no source" in m for m in problems)


def test_a_french_figure_is_sourced_when_its_source_gives_it(tmp_path):
    sources = [{"ref": "Prime de Noël : 152,45 € pour une personne seule (MoneyVox, 2024)"}]
    root = _site_with(tmp_path, "La prime de Noël est de 152,45 €.\n", sources=sources)
    assert _problems(root, "sources") == []


def test_a_french_figure_from_the_engine_needs_no_hand_written_source_and_gets_the_engines(tmp_path):
    root = _site_with(tmp_path, "Le RSA est de {{ montant: rsa.montant_forfaitaire }}. C'est à vérifier.\n")
    assert _problems(root, "sources") == [] and _problems(root, "figures") == []
    documents, glossaries, _ = read_content(root)
    page = build_site(documents, glossaries, dt.date(2026, 10, 1), read_french_names(root)).page(
        "fr", "montant"
    )
    assert "Décret n° 2026-220 du 30 mars 2026, art. 1 (revalorisation de 0,8 %)" in [
        s.title for s in page.sources
    ]


def test_a_figure_not_confirmed_must_be_said_to_be_checked(tmp_path):
    # The 2026 decree was not read (confidence to_check): a page showing its amount says « à vérifier ».
    root = _site_with(tmp_path, "Le RSA est de {{ montant: rsa.montant_forfaitaire }}.\n")
    assert any("without saying « à vérifier »" in m for m in _problems(root, "figures"))


def test_figures_in_titles_are_refused(tmp_path):
    root = _site_with(
        tmp_path, "Le montant.\n", summary="Le RSA vaut {{ montant: rsa.montant_forfaitaire }}."
    )
    assert any("body only" in m for m in _problems(root, "figures"))
