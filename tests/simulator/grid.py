"""A broad, seeded grid of households, and how OpenFisca-France departs from the law on some of them.

Shared by ``test_openfisca_grid.py`` and ``benchmarks/bench_simulator.py``.

OpenFisca-France 176.1.8 departs from the CASF in a few places (found by reading its ``rsa.py``
and checked on this grid). ``openfisca_view`` rewrites a household so that the *law* gives what
OpenFisca models; the grid test then checks OpenFisca against our engine on that view for every
household, and lists the households where the view changes our result (the departures below).
"""

from __future__ import annotations

import copy
import random

MONTHS = tuple(f"{year}-{month:02d}" for year in (2024, 2025, 2026) for month in range(1, 13))[3:]
ADULT_AGES = (18, 19, 20, 22, 24, 25, 26, 30, 35, 41, 47, 52, 58, 63, 67, 70)
CHILD_AGES = (0, 0, 1, 2, 3, 4, 6, 8, 11, 14, 16, 18, 20, 21, 22, 24)
HOUSING = ("tenant", "tenant", "owner", "owner_with_loan", "housed_free", "homeless")

#: code → (legal reference, what the law says, what OpenFisca does).
DEPARTURES = {
    "pregnancy_meets_age_condition": (
        "Art. L262-4 1° CASF",
        "Under 25, a child to be born meets the age condition (« enfants nés ou à naître »).",
        "rsa_eligibilite ignores the pregnancy: a pregnant couple both under 25 gets nothing.",
    ),
    "jeune_actif_from_18": (
        "Art. L262-7-1 CASF",
        "The RSA jeune actif is open from 18 years old.",
        "rsa_eligibilite requires age > 18, so an 18-year-old with 3 214 hours gets nothing.",
    ),
    "eu_worker_no_residence_delay": (
        "Art. L262-6 CASF",
        "The 3 months of prior residence are not required from an EU citizen with declared work.",
        "rsa_condition_nationalite applies the 3 months (0.25 year) to everyone.",
    ),
    "eu_residence_for_single_parents": (
        "Art. L262-4 2° b) and L262-6 CASF",
        "The majoration waives the 5-year permit condition, not the EU 3-month residence rule.",
        "rsa_majore_eligibilite ignores every nationality condition.",
    ),
    "spouse_residence_conditions": (
        "Art. L262-4 2° and L262-5 CASF; service-public.fr F24615",
        "The claimant must meet every condition; a spouse without the residence condition does not "
        "count in the amount (their resources still count).",
        "rsa_eligibilite accepts the age condition from one parent and the nationality from the other, "
        "and counts both parents.",
    ),
}


def _money(rng: random.Random, zero_share: float, high: float) -> float:
    if rng.random() < zero_share:
        return 0
    return round(rng.uniform(1, high), 2)


def _person(rng: random.Random) -> dict:
    age = rng.choice(ADULT_AGES)
    nationality = rng.choices(("fr", "eu", "non_eu"), weights=(70, 15, 15))[0]
    refugee = nationality == "non_eu" and rng.random() < 0.3
    years = None
    if nationality == "non_eu" and not refugee:
        years = rng.choice((0, 1, 2.5, 4, 4.9, 5, 6, 10))
    elif nationality == "eu" and rng.random() < 0.6:
        years = rng.choice((0, 0.1, 0.2, 0.25, 0.5, 3))
    hours = None
    if age < 25 and rng.random() < 0.7:
        hours = rng.choice((0, 1200, 3000, 3213, 3214, 4000, 5200))
    return {
        "age": age,
        "earned_income": _money(rng, 0.55, 1800),
        "other_income": _money(rng, 0.7, 1300),
        "student": rng.random() < 0.12,
        "nationality": nationality,
        "residence_permit_years": years,
        "refugee": refugee,
        "worked_hours_last_3_years": hours,
    }


def _isolation(rng: random.Random, couple: bool) -> int | None:
    if couple or rng.random() < 0.4:
        return None
    return rng.choice((0, 3, 6, 12, 17, 18, 30))


def households(count: int = 480, seed: int = 20261129) -> list[dict]:
    """``count`` contract inputs drawn from a fixed seed (the same grid on every run)."""
    rng = random.Random(seed)
    grid = []
    for _ in range(count):
        couple = rng.random() < 0.4
        children = sorted(
            (rng.choice(CHILD_AGES) for _ in range(rng.choices(range(6), weights=(40, 20, 17, 12, 7, 4))[0])),
            reverse=True,
        )
        status = rng.choice(HOUSING)
        benefit_share = {"tenant": 0.5, "owner_with_loan": 0.4}.get(status, 0.08)
        housing_benefit = round(rng.uniform(5, 520), 2) if rng.random() < benefit_share else 0
        grid.append(
            {
                "month": rng.choice(MONTHS),
                "applicant": _person(rng),
                "partner": _person(rng) if couple else None,
                "children": children,
                "pregnant": rng.random() < 0.12,
                "isolated_since_months": _isolation(rng, couple),
                "housing": {"status": status, "housing_benefit": housing_benefit},
                "family_benefits": _money(rng, 0.6 if children else 0.95, 600),
            }
        )
    return grid


# --- How OpenFisca models the conditions (openfisca_france/model/prestations/minima_sociaux/rsa.py) ---


def _openfisca_nationality_ok(person: dict) -> bool:
    """rsa_condition_nationalite: FR; EEA/CH with ≥ 0.25 year; others with ≥ 5 years (no work waiver)."""
    years = person.get("residence_permit_years")
    if person["nationality"] == "fr" or (person["nationality"] == "non_eu" and person.get("refugee")):
        return True
    if person["nationality"] == "eu":
        return years is None or years >= 0.25
    return years is not None and years >= 5


def _law_nationality_ok(person: dict) -> bool:
    if person["nationality"] == "eu" and person.get("earned_income", 0) > 0:
        return True
    return _openfisca_nationality_ok(person)


def _single_parent_increase(household: dict) -> bool:
    if household.get("partner") is not None:
        return False
    children = household.get("children", [])
    pregnant = household.get("pregnant", False)
    isolated = household.get("isolated_since_months")
    recent = isolated is not None and isolated < 18
    return (pregnant or bool(children)) and (pregnant or min(children, default=99) < 3 or recent)


def _adults(household: dict) -> list[dict]:
    return [person for person in (household["applicant"], household.get("partner")) if person is not None]


def _as_failing_nationality(person: dict) -> None:
    person.update(nationality="non_eu", residence_permit_years=0, refugee=False)


def _as_french(person: dict) -> None:
    person.update(nationality="fr", residence_permit_years=None, refugee=False)


def rewrite(household: dict, departure: str) -> dict:
    """The household as OpenFisca sees it for one departure (our law engine then gives OpenFisca's result)."""
    view = copy.deepcopy(household)
    adults = _adults(view)
    if departure == "pregnancy_meets_age_condition" and view.get("partner") is not None:
        view["pregnant"] = False  # only the majoration (single people) uses the pregnancy in OpenFisca
    elif departure == "jeune_actif_from_18":
        for person in adults:
            if person["age"] == 18:
                person["worked_hours_last_3_years"] = None
    elif departure == "eu_worker_no_residence_delay":
        for person in adults:
            if _law_nationality_ok(person) and not _openfisca_nationality_ok(person):
                _as_failing_nationality(person)  # still waived by the majoration, as in OpenFisca
    elif departure == "eu_residence_for_single_parents":
        if _single_parent_increase(view):
            for person in adults:
                if person["nationality"] == "eu":
                    _as_french(person)
    elif (
        departure == "spouse_residence_conditions"
        and len(adults) == 2
        and any(_openfisca_nationality_ok(person) for person in adults)
    ):
        for person in adults:
            _as_french(person)  # OpenFisca: nationality from any parent, both parents counted
    return view


def openfisca_view(household: dict) -> dict:
    """All rewrites, in an order where each sees the previous ones (EU workers before couples)."""
    view = household
    for departure in DEPARTURES:
        view = rewrite(view, departure)
    return view


def _adult(age: int, **changes) -> dict:
    person = {
        "age": age,
        "earned_income": 0,
        "other_income": 0,
        "student": False,
        "nationality": "fr",
        "residence_permit_years": None,
        "refugee": False,
        "worked_hours_last_3_years": None,
    }
    person.update(changes)
    return person


def _household(month: str, applicant: dict, partner: dict | None = None, **changes) -> dict:
    household = {
        "month": month,
        "applicant": applicant,
        "partner": partner,
        "children": [],
        "pregnant": False,
        "isolated_since_months": None,
        "housing": {"status": "tenant", "housing_benefit": 0},
        "family_benefits": 0,
    }
    household.update(changes)
    return household


def edge_households() -> list[dict]:
    """Hand-picked boundaries and every known departure, so the grid always covers them."""
    tenant_al = {"status": "tenant", "housing_benefit": 300}
    return [
        # Departures from OpenFisca (see DEPARTURES).
        _household("2026-10", _adult(22), _adult(23), pregnant=True),
        _household("2025-06", _adult(18, worked_hours_last_3_years=3214)),
        _household("2026-05", _adult(35, nationality="eu", residence_permit_years=0.1, earned_income=300)),
        _household("2026-05", _adult(29, nationality="eu", residence_permit_years=0.1), children=[1]),
        _household(
            "2024-11", _adult(40), _adult(38, nationality="non_eu", residence_permit_years=2), children=[6]
        ),
        _household(
            "2026-02", _adult(30, student=True), _adult(31, nationality="non_eu", residence_permit_years=2)
        ),
        # Boundaries that must agree.
        _household("2026-10", _adult(19, worked_hours_last_3_years=3214)),
        _household("2026-10", _adult(24, worked_hours_last_3_years=3213)),
        _household("2026-10", _adult(25)),
        _household("2026-10", _adult(22), pregnant=True, isolated_since_months=2, housing=tenant_al),
        _household("2026-10", _adult(30), children=[5], isolated_since_months=17),
        _household("2026-10", _adult(30), children=[5], isolated_since_months=18),
        _household("2026-10", _adult(30), children=[3, 2]),
        _household("2026-10", _adult(30, student=True), children=[1]),
        _household("2026-10", _adult(30, nationality="non_eu", residence_permit_years=1), children=[0]),
        _household("2026-10", _adult(30, nationality="non_eu", residence_permit_years=1, refugee=True)),
        _household("2026-10", _adult(30, nationality="non_eu", residence_permit_years=5)),
        _household("2026-10", _adult(30, nationality="eu", residence_permit_years=0.25)),
        _household("2026-10", _adult(30), _adult(30), children=[24, 20, 12, 7, 1]),
        _household("2026-10", _adult(30), children=[24, 20, 12, 7, 1]),
        _household("2026-10", _adult(45), housing={"status": "owner", "housing_benefit": 20}),
        _household("2026-10", _adult(45), housing={"status": "housed_free", "housing_benefit": 400}),
        _household("2026-10", _adult(45), housing={"status": "owner_with_loan", "housing_benefit": 90}),
        _household("2026-10", _adult(45), housing={"status": "homeless", "housing_benefit": 0}),
        _household("2026-10", _adult(45, earned_income=646.0)),  # 5.69 € left: below the 6 € minimum
        _household("2026-10", _adult(45, earned_income=645.69)),  # exactly 6 € left
        _household("2026-10", _adult(45, other_income=700)),
        _household("2024-04", _adult(45)),
        _household("2025-03", _adult(45)),
        _household("2025-04", _adult(45)),
        _household("2026-03", _adult(45)),
        _household("2026-04", _adult(45)),
    ]


# --- Version 2: every benefit, family benefits estimated ---------------------------------------

#: The contract's four months: across the April revaluation, a SMIC change and a year boundary.
V2_MONTHS = ("2025-06", "2025-11", "2026-05", "2026-10")
V2_CHILD_AGES = tuple(range(25))


def _v2_person(rng: random.Random, young: bool = False) -> dict:
    person = _person(rng)
    if young:
        person["age"] = rng.choice((18, 19, 20, 22, 24))
    # Wider incomes than version 1, so that every income ceiling of the family benefits is crossed.
    person["earned_income"] = rng.choice(
        (0, 0, 0, round(rng.uniform(1, 1500), 2), round(rng.uniform(1500, 4500), 2))
    )
    person["other_income"] = _money(rng, 0.8, 1200)
    return person


def households_v2(count: int = 600, seed: int = 20261207) -> list[dict]:
    """``count`` version-2 inputs (family benefits estimated, a tenth pinned) from a fixed seed."""
    rng = random.Random(seed)
    grid = []
    for index in range(count):
        couple = rng.random() < 0.4
        kids = rng.choices(range(6), weights=(25, 20, 20, 15, 12, 8))[0]
        children = sorted((rng.choice(V2_CHILD_AGES) for _ in range(kids)), reverse=True)
        status = rng.choice(HOUSING)
        benefit_share = {"tenant": 0.6, "owner_with_loan": 0.3}.get(status, 0.05)
        housing_benefit = round(rng.uniform(5, 520), 2) if rng.random() < benefit_share else 0
        single_parent = not couple and bool(children)
        support = round(rng.uniform(20, 500), 2) if single_parent and rng.random() < 0.4 else 0
        grid.append(
            {
                "month": V2_MONTHS[index % len(V2_MONTHS)],
                "applicant": _v2_person(rng, young=rng.random() < 0.15),
                "partner": _v2_person(rng) if couple else None,
                "children": children,
                "pregnant": rng.random() < 0.08,
                "isolated_since_months": _isolation(rng, couple),
                "housing": {"status": status, "housing_benefit": housing_benefit},
                "family_benefits": None if rng.random() < 0.9 else _money(rng, 0.3, 600),
                "child_support_received": support,
            }
        )
    return grid


#: Where OpenFisca-France's prime d'activité departs from the law: code → (legal reference, what the
#: law says, what OpenFisca does). Same use as ``DEPARTURES`` (which are the RSA's).
PPA_DEPARTURES = {
    "ppa_age_at_the_claim": (
        "Art. L842-2 1° and R843-1 CSS",
        "Being 18 is a condition of the right, met for the month of the claim; the months M-4 to M-2 "
        "only give the amount.",
        "ppa_eligibilite checks the age in each reference month: someone who is 18 this month was "
        "17 then (birthdays in the estimate month), and gets nothing.",
    ),
    "ppa_residence_of_an_adult": (
        "Art. L842-2 2° CSS",
        "The claimant, an adult of the household, must be French, EU/EEA/Swiss, a refugee, hold a "
        "permit allowing work for 5 years, or be entitled to the increase.",
        "ppa_eligibilite accepts the household when any member meets it, its children too, whose "
        "nationality defaults to French.",
    ),
    "ppa_eu_no_residence_delay": (
        "Art. L842-2 2° a) CSS",
        "No length of residence is asked of EU, EEA or Swiss citizens.",
        "ppa_eligibilite applies the RSA's 3 months of residence (rsa_condition_nationalite).",
    ),
}


def rewrite_ppa(household: dict, departure: str) -> dict:
    """The household as OpenFisca sees it for one departure of the prime d'activité."""
    view = copy.deepcopy(household)
    adults = _adults(view)
    if departure == "ppa_age_at_the_claim":
        for person in adults:
            if person["age"] == 18:
                person["age"] = 17
    elif departure == "ppa_residence_of_an_adult" and view.get("children"):
        _as_french(view["applicant"])
    elif departure == "ppa_eu_no_residence_delay":
        for person in adults:
            if person["nationality"] == "eu" and not _openfisca_nationality_ok(person):
                _as_failing_nationality(person)
    return view


def openfisca_view_ppa(household: dict) -> dict:
    view = household
    for departure in ("ppa_eu_no_residence_delay", "ppa_residence_of_an_adult", "ppa_age_at_the_claim"):
        view = rewrite_ppa(view, departure)
    return view


def _v2(month: str, applicant: dict, partner: dict | None = None, **changes) -> dict:
    household = _household(month, applicant, partner, family_benefits=None, child_support_received=0)
    household.update(changes)
    return household


def edge_households_v2() -> list[dict]:
    """Version-2 boundaries: every departure, the family benefits' ceilings and rates, the months."""
    al = {"status": "tenant", "housing_benefit": 300}
    return [
        # Departures of the prime d'activité.
        _v2("2026-10", _adult(18, earned_income=900)),
        _v2(
            "2026-10",
            _adult(30, nationality="non_eu", residence_permit_years=2, earned_income=900),
            children=[8],
        ),
        _v2("2026-10", _adult(30, nationality="eu", residence_permit_years=0.1, earned_income=900)),
        # The contract's single mother, with and without child support, and a baby born this month.
        _v2(
            "2026-10",
            _adult(34, earned_income=600),
            children=[7, 3],
            isolated_since_months=30,
            housing={"status": "tenant", "housing_benefit": 450},
        ),
        _v2(
            "2026-10",
            _adult(34, earned_income=600),
            children=[7, 3],
            isolated_since_months=30,
            housing={"status": "tenant", "housing_benefit": 450},
            child_support_received=150,
        ),
        _v2("2026-10", _adult(34, earned_income=600), children=[7, 3], child_support_received=500),
        _v2(
            "2025-06",
            _adult(26, earned_income=827.88),
            children=[0],
            housing={"status": "owner", "housing_benefit": 0},
        ),
        _v2("2026-05", _adult(28, earned_income=400), children=[1], isolated_since_months=4),
        # Allocations familiales: the age increase (14 before March 2012, 18 after), at 20, the ceilings.
        _v2("2026-02", _adult(45, earned_income=1500), _adult(44), children=[14, 10]),
        _v2("2026-10", _adult(45, earned_income=1500), _adult(44), children=[15, 14, 10]),
        _v2("2025-11", _adult(45, earned_income=1500), _adult(44), children=[16, 16]),
        _v2("2026-10", _adult(50, earned_income=1200), _adult(48), children=[20, 17, 12]),
        _v2(
            "2026-10",
            _adult(45, earned_income=4500, other_income=1200),
            _adult(44, earned_income=4500),
            children=[12, 9, 5],
        ),
        _v2("2026-10", _adult(45, earned_income=3400), _adult(44, earned_income=3300), children=[12, 9]),
        # Complément familial: 3 children aged 3 to 20, near its ceiling (différentiel) and the PAJE.
        _v2("2026-10", _adult(40, earned_income=2000), _adult(38, earned_income=1900), children=[11, 8, 5]),
        _v2("2026-10", _adult(40, earned_income=3650), children=[11, 8, 5]),
        _v2("2026-10", _adult(40, earned_income=1200), _adult(38), children=[11, 8, 5, 1]),
        # PAJE: full, partial, above.
        _v2("2026-10", _adult(30, earned_income=2100), _adult(30), children=[1]),
        _v2("2026-10", _adult(30, earned_income=2500), _adult(30), children=[1]),
        _v2("2026-10", _adult(30, earned_income=3000), _adult(30, earned_income=3000), children=[1]),
        # Students and the prime d'activité.
        _v2("2026-10", _adult(22, student=True, earned_income=1100)),
        _v2("2026-10", _adult(22, student=True, earned_income=1200)),
        # Months across the April revaluation and a year boundary.
        _v2("2025-06", _adult(40, earned_income=900), housing=al),
        _v2("2026-05", _adult(40, earned_income=1000), _adult(38, earned_income=500), children=[4]),
        _v2("2026-01", _adult(40, earned_income=1300), children=[5]),
        _v2(
            "2026-03",
            _adult(33, earned_income=300),
            children=[2, 0],
            housing={"status": "housed_free", "housing_benefit": 0},
        ),
    ]
