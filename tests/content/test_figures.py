"""Figures in pages come from the engine: every amount shown equals the engine's for the month, in every
language; a revaluation is one line of ``simulator/parameters.yaml``; what the engine does not hold is shown
« à vérifier », never a number; and the checks catch amounts typed by hand or stated without a source."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
import yaml
from babel.numbers import parse_decimal

from pti_citizen.content.checks import check_content, figures_in
from pti_citizen.content.figures import DEFINITIONS, PENDING, book_for, figures_for
from pti_citizen.content.loader import build_site, read_content, read_french_names
from pti_citizen.content.render import LinkTargets, prepare, render, to_check_label
from pti_citizen.i18n import LANGUAGES
from pti_citizen.simulator.api import estimate_payload
from pti_citizen.simulator.parameters import PARAMETERS_FILE, ParameterTable, default_table

from .conftest import page_meta, write_glossary, write_page

_DATA = re.compile(r'<data value="([^"]+)" data-figure="([^"]+)">([^<]*)</data>')
#: Months on both sides of a revaluation, and the current one.
MONTHS = [dt.date(2025, 6, 1), dt.date(2026, 3, 1), dt.date(2026, 10, 1), dt.date.today().replace(day=1)]


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


def engine_says(key: str, month: dt.date) -> Decimal:
    """What the simulator itself answers (its JSON contract) for the household each figure describes."""
    base = lambda **h: _money(_engine(month, **h)["breakdown"]["base_amount"])  # noqa: E731
    flat = lambda **h: _money(_engine(month, benefit=900, **h)["breakdown"]["housing_flat_rate"])  # noqa: E731
    parameters = default_table().for_month(month.year, month.month)
    return {
        "rsa.montant_forfaitaire": lambda: base(),
        "rsa.montant_2_personnes": lambda: base(couple=True),
        "rsa.montant_3_personnes": lambda: base(couple=True, children=[8]),
        "rsa.montant_couple_2_enfants": lambda: base(couple=True, children=[8, 5]),
        "rsa.montant_seul_3_enfants": lambda: base(children=[9, 8, 5]),
        "rsa.montant_couple_3_enfants": lambda: base(couple=True, children=[9, 8, 5]),
        "rsa.montant_par_enfant_en_plus": lambda: (
            base(couple=True, children=[10, 9, 8, 5]) - base(couple=True, children=[9, 8, 5])
        ),
        "rsa.majore_femme_enceinte": lambda: base(pregnant=True, isolated=1),
        "rsa.majore_1_enfant": lambda: base(children=[1]),
        "rsa.majore_2_enfants": lambda: base(children=[1, 4]),
        "rsa.majore_par_enfant_en_plus": lambda: base(children=[1, 4, 6]) - base(children=[1, 4]),
        "rsa.forfait_logement_1_personne": lambda: flat(),
        "rsa.forfait_logement_2_personnes": lambda: flat(couple=True),
        "rsa.forfait_logement_3_personnes_ou_plus": lambda: flat(couple=True, children=[8]),
        "rsa.exemple_seul_salaire_500": lambda: _money(_engine(month, earned=500)["monthly_amount"]),
        "rsa.montant_minimum_verse": lambda: Decimal(str(parameters.montant_minimum_verse)),
    }.get(key, lambda: Decimal(str(getattr(parameters, key.split(".", 1)[1]))))()


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
    revaluation = max(
        start for start, _, _ in default_table().history("montant_forfaitaire") if start <= month
    )
    for page in site.pages_by_key.values():
        for value, key, shown in _DATA.findall(page.html):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # {{ date: … }}: the day the value came into force
                assert key == "rsa.montant_forfaitaire" and value == revaluation.isoformat(), (page.slug, key)
                continue
            expected = engine_says(key, month)
            # « Each extra child » is 40 % (42,804 %) of the base rounded to the cent, as published; the
            # engine rounds whole households, so the difference of two of them may be 1 cent off.
            tolerance = Decimal("0.01") if key.endswith("_par_enfant_en_plus") else Decimal(0)
            assert abs(Decimal(value) - expected) <= tolerance, (page.lang, page.slug, key, value, expected)
            assert _shown(shown, page.lang) == Decimal(value), (page.lang, page.slug, key, shown)
            seen.add(key)
    # The amount page alone shows every household amount of R262-1, the increase and the housing deduction.
    assert {k for k in DEFINITIONS if DEFINITIONS[k].unit == "EUR"} <= seen


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


def test_a_revaluation_is_one_line_of_the_parameters_file(shipped, tmp_path):
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    raw["montant_forfaitaire"]["values"].append(
        {
            "from": "2027-04-01",
            "value": 660.0,
            "source": "Décret de test du 31 mars 2027",
            "url": "",
            "confidence": "official",
        }
    )
    file = tmp_path / "parameters.yaml"
    file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    table = ParameterTable.from_file(file)
    may_2027 = dt.date(2027, 5, 1)
    site = build_site(*shipped, may_2027, figures=book_for(may_2027, table))
    html = site.page("fr", "montant-du-rsa").html
    assert '<data value="660.00" data-figure="rsa.montant_forfaitaire">660,00\u00a0€</data>' in html
    assert '<data value="990.00" data-figure="rsa.montant_2_personnes">990,00\u00a0€</data>' in html
    assert '<data value="2027-04-01" data-figure="rsa.montant_forfaitaire">1er avril 2027</data>' in html
    # The decree of the new value becomes a source of the page.
    assert "Décret de test du 31 mars 2027" in [s.title for s in site.page("fr", "montant-du-rsa").sources]


def test_after_1_april_without_the_new_amounts_every_revalued_figure_is_to_check():
    table = default_table()
    stale = book_for(table.valid_until, table)
    assert stale.get("rsa.montant_forfaitaire").to_check
    assert stale.get("rsa.forfait_logement_1_personne").to_check
    assert not stale.get("rsa.majoration_isolement_delai_demande_mois").to_check  # not revalued


def test_a_figure_the_engine_does_not_hold_yet_is_shown_to_check_in_every_language(shipped):
    site = build_site(*shipped)
    for lang in LANGUAGES:
        html = site.page(lang, "prime-d-activite").html
        assert f'<data data-figure="prime_activite.montant_forfaitaire">{to_check_label(lang)}</data>' in html
        assert "{{" not in html


def test_the_keys_still_waiting_for_the_engine_are_listed():
    # Issue #11 adds them; until then the adapter answers « à vérifier » for these and nothing else.
    book = figures_for(dt.date(2026, 10, 1))
    assert {f.key for f in book if f.value is None} == PENDING
    assert all(book.get(key).to_check for key in PENDING)


def _render(body: str, lang: str = "fr"):
    return render(prepare(body), lang, LinkTargets(), None, figures=figures_for(dt.date(2026, 10, 1)))


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("{{ montant: rsa.inconnu }}", "unknown figure"),
        ("{{ prix: rsa.montant_forfaitaire }}", "unknown kind"),
        ("{{ montant: rsa.age_minimum }}", "is not a montant"),
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


def _site_with(root, french_body: str, **french_meta):
    for lang in LANGUAGES:
        write_glossary(root, lang, [{"id": "rsa", "term": "RSA", "definition": "Une aide en argent."}])
        write_page(root, lang, "mots-du-rsa", page_meta(lang, "Les mots du RSA", order=99), "Les mots.\n")
        meta = page_meta(lang, "Le montant", order=10) | (french_meta if lang == "fr" else {})
        write_page(root, lang, "montant", meta, french_body if lang == "fr" else "Le montant.\n")
    return root


def _problems(root, check):
    return [p.message for p in check_content(root, today=dt.date(2026, 10, 1)) if p.check == check]


def test_the_checks_refuse_an_engine_amount_typed_by_hand(tmp_path):
    root = _site_with(tmp_path, "Le RSA est de 651,69 € par mois. C'est à vérifier.\n")
    assert any("'651,69 €' is one of the engine's figures" in m for m in _problems(root, "figures"))


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
