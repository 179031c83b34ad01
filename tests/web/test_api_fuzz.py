"""Bad input at scale: schemathesis generates requests from our own OpenAPI schema (valid and invalid
ones) against the API in-process. No request may cause a server error, and every refusal is a 4xx
with field-level messages. The test counts what it sent: at least 10 000 requests."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from pti_citizen.db import migrations
from pti_citizen.feedback.ratelimit import feedback_limiter
from pti_citizen.web.api import create_api

APP = create_api()
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)
SENT: dict[str, int] = {}
EXAMPLES_PER_OPERATION = 2000  # six operations take parameters: ≥ 10 000 requests in all
MIN_REQUESTS = 10_000


@pytest.fixture(scope="module", autouse=True)
def throwaway_database(tmp_path_factory):
    """The feedback operations store answers: in a database of this test, with limits of their own."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PTI_DATABASE_URL", url)
        migrations.upgrade(url)
        feedback_limiter.cache_clear()
        yield
    feedback_limiter.cache_clear()


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
