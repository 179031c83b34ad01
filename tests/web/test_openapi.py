"""The public API cannot change by accident: its OpenAPI description is compared with the committed
snapshot. After a deliberate change: ``python -m pti_citizen.web.api > tests/web/openapi.json``."""

from __future__ import annotations

import json
from pathlib import Path

from pti_citizen.web.api import create_api

SNAPSHOT = Path(__file__).with_name("openapi.json")


def test_the_openapi_description_is_the_committed_one():
    current = json.loads(json.dumps(create_api().openapi()))
    assert current == json.loads(SNAPSHOT.read_text()), (
        "python -m pti_citizen.web.api > tests/web/openapi.json"
    )


def test_every_domain_has_its_paths():
    paths = set(json.loads(SNAPSHOT.read_text())["paths"])
    assert paths == {
        "/api/v1/rsa/estimate",
        "/api/v1/rights/estimate",  # its alias (contract version 2)
        "/api/v1/rsa/qr.svg",
        "/api/v1/places/nearest",
        "/api/v1/places",
        "/api/v1/reminders/declaration.ics",
        "/api/v1/reminders/kiosque.ics",
        "/api/v1/feedback/export.csv",
        "/api/v1/feedback/answers",
        "/api/v1/feedback/details",
    }
