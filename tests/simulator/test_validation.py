"""Bad input never crashes: field-level messages in the user's language (status 422)."""

from __future__ import annotations

import json
import math

import pytest

from pti_citizen.simulator import EstimateInput, estimate_payload

from .conftest import TODAY
from .grid import _adult, _household

VALID = _household("2026-10", _adult(30))


def errors(payload, lang=None) -> dict[str, str]:
    status, body = estimate_payload(payload, lang, today=TODAY)
    assert status == 422, body
    assert set(body) == {"errors"}
    for error in body["errors"]:
        assert set(error) == {"field", "message"}
        assert error["message"]
    return {error["field"]: error["message"] for error in body["errors"]}


def changed(path: str, value):
    payload = json.loads(json.dumps(VALID))
    target = payload
    *parents, last = path.split(".")
    for part in parents:
        target = target[part]
    target[last] = value
    return payload


@pytest.mark.parametrize("payload", [None, [], [VALID], "household", 42, 3.5, True])
def test_not_an_object(payload):
    assert errors(payload) == {"body": "Envoyez un objet JSON avec les informations du foyer."}


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("applicant.age", -1, "L'âge doit être entre 16 et 120 ans."),
        ("applicant.age", 121, "L'âge doit être entre 16 et 120 ans."),
        ("applicant.age", 10**400, "L'âge doit être entre 16 et 120 ans."),
        ("applicant.age", "30", "Indiquez l'âge en années, avec un nombre entier."),
        ("applicant.age", 30.5, "Indiquez l'âge en années, avec un nombre entier."),
        ("applicant.age", True, "Indiquez l'âge en années, avec un nombre entier."),
        ("applicant.earned_income", -5, "Le montant ne peut pas être négatif."),
        ("applicant.earned_income", math.nan, "Indiquez un nombre valide."),
        ("applicant.earned_income", math.inf, "Indiquez un nombre valide."),
        ("applicant.earned_income", 1e12, "Ce montant est trop grand pour un mois. Vérifiez-le."),
        ("applicant.earned_income", 10**400, "Ce montant est trop grand pour un mois. Vérifiez-le."),
        ("applicant.earned_income", "500", "Indiquez un montant en euros, avec un nombre."),
        ("applicant.student", "no", "Indiquez true (oui) ou false (non)."),
        ("applicant.student", 0, "Indiquez true (oui) ou false (non)."),
        ("applicant.nationality", "FR", "Choisissez une de ces valeurs : fr, eu, non_eu."),
        ("applicant.residence_permit_years", -1, "Indiquez un nombre d'années entre 0 et 120."),
        ("applicant.worked_hours_last_3_years", 30000, "Indiquez un nombre d'heures entre 0 et 26280."),
        ("applicant.nickname", "Jo", "Ce champ n'existe pas. Vérifiez son nom."),
        ("month", "2026-13", "Indiquez le mois sous la forme AAAA-MM, par exemple 2026-10."),
        ("month", "10/2026", "Indiquez le mois sous la forme AAAA-MM, par exemple 2026-10."),
        ("month", "0000-01", "Indiquez le mois sous la forme AAAA-MM, par exemple 2026-10."),
        ("month", "2026-1", "Indiquez le mois sous la forme AAAA-MM, par exemple 2026-10."),
        ("month", 202610, "Indiquez le mois sous la forme AAAA-MM, par exemple 2026-10."),
        (
            "housing.status",
            "rented",
            "Choisissez une de ces valeurs : tenant, owner, owner_with_loan, housed_free, homeless.",
        ),
        ("housing.housing_benefit", -1, "Le montant ne peut pas être négatif."),
        ("housing", "tenant", "Indiquez un objet avec « status » et « housing_benefit »."),
        (
            "family_benefits",
            "153",
            "Indiquez le montant des prestations familiales en euros, ou null pour que l'outil les calcule.",
        ),
        (
            "family_benefits",
            True,
            "Indiquez le montant des prestations familiales en euros, ou null pour que l'outil les calcule.",
        ),
        (
            "family_benefits",
            [153],
            "Indiquez le montant des prestations familiales en euros, ou null pour que l'outil les calcule.",
        ),
        ("family_benefits", -1, "Le montant ne peut pas être négatif."),
        ("family_benefits", 1e9, "Ce montant est trop grand pour un mois. Vérifiez-le."),
        ("child_support_received", -20, "Le montant ne peut pas être négatif."),
        ("child_support_received", "150", "Indiquez un montant en euros, avec un nombre."),
        ("child_support_received", None, "Indiquez un montant en euros, avec un nombre."),
        ("applicant.earned_income_stopped", 1, "Indiquez true (oui) ou false (non)."),
        ("applicant.earned_income_stopped", "true", "Indiquez true (oui) ou false (non)."),
        ("isolated_since_months", 2.5, "Indiquez un nombre entier de mois entre 0 et 1440."),
        ("pregnant", "yes", "Indiquez true (oui) ou false (non)."),
        ("children", "8, 5", "Indiquez une liste d'âges, par exemple [8, 5]."),
        ("children", list(range(21)), "Indiquez au plus 20 enfants ou personnes à charge."),
        (
            "partner",
            5,
            "Indiquez un objet avec les informations du conjoint, ou null pour une personne seule.",
        ),
        ("applicant", None, "Indiquez un objet avec les informations de la personne."),
        ("audience", "family", "Choisissez une de ces valeurs : self, helper."),
        ("lang", 5, "Indiquez un code de langue, par exemple « fr »."),
        ("version", 2, "Ce champ n'existe pas. Vérifiez son nom."),
    ],
)
def test_field_errors(path, value, message):
    assert errors(changed(path, value)) == {path: message}


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("family_benefits", "153"),
        ("child_support_received", -20),
        ("applicant.earned_income_stopped", 1),
    ],
)
def test_the_new_fields_errors_are_translated(lang, path, value):
    french = errors(changed(path, value))[path]
    translated = errors(changed(path, value), lang)[path]
    assert translated != french


def test_null_family_benefits_means_estimate_them():
    status, body = estimate_payload(changed("family_benefits", None), today=TODAY)
    assert status == 200
    assert body["family_benefits_estimated"]
    absent = json.loads(json.dumps(VALID))
    del absent["family_benefits"]
    assert estimate_payload(absent, today=TODAY)[1]["family_benefits_estimated"]


def test_children_ages_out_of_range_name_the_child():
    found = errors(changed("children", [3, 25, -1, "2"]))
    assert found == {
        "children.1": "L'âge d'un enfant ou d'une personne à charge doit être entre 0 et 24 ans.",
        "children.2": "L'âge d'un enfant ou d'une personne à charge doit être entre 0 et 24 ans.",
        "children.3": "Indiquez l'âge de chaque enfant avec un nombre entier.",
    }


def test_missing_fields():
    assert errors({}) == {"applicant": "Ce champ est obligatoire.", "housing": "Ce champ est obligatoire."}
    assert errors(changed("partner", {})) == {
        "partner.age": "Ce champ est obligatoire.",
        "partner.nationality": "Ce champ est obligatoire.",
    }


def test_non_eu_needs_the_years_of_permit_unless_refugee():
    payload = changed("applicant.nationality", "non_eu")
    assert list(errors(payload)) == ["applicant.residence_permit_years"]
    payload["applicant"]["refugee"] = True
    assert estimate_payload(payload, today=TODAY)[0] == 200


def test_messages_follow_the_requested_language():
    payload = changed("applicant.age", 200)
    assert errors(payload, "en") == {"applicant.age": "The age must be between 16 and 120."}
    assert errors(payload, "es-ES") == {"applicant.age": "La edad debe estar entre 16 y 120 años."}
    assert errors(payload, "ar") == {"applicant.age": "يجب أن يكون العمر بين 16 و120 سنة."}
    payload["lang"] = "en"
    assert errors(payload, "es") == {"applicant.age": "The age must be between 16 and 120."}


def test_unknown_language_gives_french():
    payload = changed("applicant.age", 200)
    payload["lang"] = "tlh"
    assert errors(payload) == {"applicant.age": "L'âge doit être entre 16 et 120 ans."}
    assert estimate_payload(changed("lang", "tlh"), today=TODAY)[1]["lang"] == "fr"


def test_deeply_nested_input():
    nested: object = 0
    for _ in range(5000):
        nested = [nested]
    assert "applicant" in errors({"applicant": nested, "housing": {"status": "tenant"}})


def test_the_schema_documents_every_field():
    schema = EstimateInput.model_json_schema()
    assert set(schema["properties"]) == {
        "month",
        "applicant",
        "partner",
        "children",
        "pregnant",
        "isolated_since_months",
        "housing",
        "family_benefits",
        "child_support_received",
        "lang",
        "audience",
    }
    assert "earned_income_stopped" in schema["$defs"]["Person"]["properties"]
    assert set(schema["required"]) == {"applicant", "housing"}
    assert schema["additionalProperties"] is False


def test_the_choices_come_from_the_input_model():
    """One definition of the allowed values: the messages list the model's Literal types."""
    from typing import get_args

    from pti_citizen.simulator.household import Audience, HousingStatus, Nationality
    from pti_citizen.simulator.validation import _CHOICES

    assert _CHOICES["nationality"] == ", ".join(get_args(Nationality))
    assert _CHOICES["status"] == ", ".join(get_args(HousingStatus))
    assert _CHOICES["audience"] == ", ".join(get_args(Audience))
