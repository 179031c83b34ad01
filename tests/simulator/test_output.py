"""The published answer schemas match what the engine really returns."""

from __future__ import annotations

from pti_citizen.simulator import ErrorsOutput, EstimateOutput, estimate_payload

from .conftest import TODAY
from .grid import edge_households, households


def test_every_answer_validates_against_the_output_schema():
    for lang in ("fr", "en", "es", "ar"):
        for household in households(60, seed=3) + edge_households():
            status, body = estimate_payload(dict(household, lang=lang, audience="helper"), today=TODAY)
            assert status == 200
            EstimateOutput.model_validate(body)
    status, body = estimate_payload(dict(edge_households()[0], month="2040-01"), today=TODAY)
    assert EstimateOutput.model_validate(body).parameters_outdated


def test_every_error_validates_against_the_errors_schema():
    for payload in (None, {}, {"applicant": {"age": 400}}, {**edge_households()[2], "month": "2020-01"}):
        status, body = estimate_payload(payload, today=TODAY)
        assert status == 422
        ErrorsOutput.model_validate(body)


def test_the_languages_come_from_the_language_registry():
    from typing import get_args

    from pti_citizen.i18n import LANGUAGES
    from pti_citizen.simulator.output import Language

    assert get_args(Language) == tuple(LANGUAGES)
