"""Bad input at scale: schemathesis generates requests from our own OpenAPI schema (valid and invalid
ones) against the API in-process. No request may cause a server error, and every refusal is a 4xx
with field-level messages. The test counts what it sent: at least 10 000 requests."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from pti_citizen.db import migrations
from pti_citizen.services import Services
from pti_citizen.settings import Settings
from pti_citizen.web.api import create_api

#: The feedback operations store answers: in a database of this test (migrated before the first request).
DATABASE = Path(tempfile.mkdtemp(prefix="pti-fuzz-")) / "fuzz.db"
APP = create_api(Services.build(Settings(database_url=f"sqlite:///{DATABASE}")))
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)
SENT: dict[str, int] = {}
EXAMPLES_PER_OPERATION = 2000  # six operations take parameters: ≥ 10 000 requests in all
MIN_REQUESTS = 10_000


@pytest.fixture(scope="module", autouse=True)
def throwaway_database():
    migrations.upgrade(f"sqlite:///{DATABASE}")
    yield
    shutil.rmtree(DATABASE.parent, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_never_fails_and_refuses_with_field_messages(case):
    response = case.call()
    label = f"{case.method} {case.path}"
    SENT[label] = SENT.get(label, 0) + 1
    assert response.status_code < 500, (label, response.status_code, response.text[:500])
    if 400 <= response.status_code < 500:
        body = response.json()
        assert body["errors"], body
        for error in body["errors"]:
            assert error["field"] and error["message"], error


def test_enough_requests_were_sent():
    """Runs after the fuzzing above (same module, file order)."""
    print(f"\nfuzzing: {sum(SENT.values())} requests sent: {SENT}")
    assert sum(SENT.values()) >= MIN_REQUESTS, SENT
