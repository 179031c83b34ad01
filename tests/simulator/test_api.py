"""The JSON edge writes its texts straight from the figures: they must be the typed service's."""

from __future__ import annotations

import pytest

from pti_citizen.simulator import api, estimate_payload, parse_household, service

from .conftest import TODAY
from .grid import edge_households_v2, households_v2


@pytest.mark.parametrize(
    ("lang", "audience"), [("fr", "self"), ("ar", "helper"), ("en", "helper"), ("es", "self")]
)
def test_the_json_says_what_the_typed_service_says(lang, audience):
    for payload in households_v2(150, seed=3) + edge_households_v2():
        payload = {**payload, "lang": lang, "audience": audience}
        status, body = estimate_payload(payload, today=TODAY)
        assert status == 200, body
        household, _ = parse_household(payload, lang)
        typed = service.estimate(household, lang, audience, today=TODAY)
        assert list(body["benefits"]) == [benefit.name for benefit in typed.benefits]
        for benefit in typed.benefits:
            assert body["benefits"][benefit.name] == api._words_json(benefit), benefit.name
        assert body["notices"] == [{"code": n.code, "text": n.text} for n in typed.notices]
        assert body["assumptions"] == [{"code": n.code, "text": n.text} for n in typed.assumptions]
        assert body["parameters_outdated"] == typed.parameters_outdated
        assert body["parameters_valid_until"] == typed.parameters_valid_until.isoformat()
        assert body["total_monthly_amount"] == typed.total_monthly_amount
        rsa = body["benefits"]["rsa"]
        assert body["steps"] == rsa["steps"]
        assert body["reasons"] == [{"code": r["code"], "text": r["text"]} for r in rsa["reasons"]]
