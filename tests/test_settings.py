"""The one settings object: what it reads, what it refuses, and README's table made from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from pti_citizen.feedback.ratelimit import CEILING, OVERALL, PER_ADDRESS, PER_SESSION, USUAL_ADDRESS, Window
from pti_citizen.feedback.secret import ALERT_AFTER, PER_CLIENT
from pti_citizen.settings import PREFIX, Settings, get_settings, markdown_table, variable
from pti_citizen.web.guards import SESSIONS_PER_CLIENT

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def clean_environment(monkeypatch):
    for name in Settings.model_fields:
        monkeypatch.delenv(variable(name), raising=False)
    return monkeypatch


def test_defaults_without_any_variable(clean_environment):
    settings = Settings()
    assert settings.port == 3000 and settings.public_origin == "http://localhost:3000"
    assert settings.database_url == "sqlite:///pti_citizen.db"
    assert settings.review_secret is None and settings.review_secret_value() is None
    assert settings.kiosk_idle_seconds == 180
    assert settings.redis_url is None
    assert (settings.feedback_limit_session, settings.feedback_limit_overall) == (None, None)


def test_variables_are_read_and_typed(clean_environment):
    clean_environment.setenv("PTI_PORT", "3100")
    clean_environment.setenv("PTI_REVIEW_SECRET", "a-long-enough-team-secret")
    clean_environment.setenv("PTI_FEEDBACK_LIMIT_OVERALL", "600/600, 10000/86400")
    clean_environment.setenv("REFLEX_REDIS_URL", "redis://127.0.0.1:6379")
    clean_environment.setenv("PTI_PUBLIC_URL", "https://rsa.example.org/")
    settings = Settings()
    assert settings.port == 3100 and settings.public_origin == "https://rsa.example.org"
    assert settings.review_secret_value() == "a-long-enough-team-secret"
    assert "a-long-enough" not in repr(settings)  # a secret never shows in a log or a traceback
    assert settings.feedback_limit_overall == (Window(600, 600), Window(10_000, 86_400))
    assert settings.redis_url == "redis://127.0.0.1:6379"


def test_read_once_per_process(clean_environment):
    first = get_settings()
    clean_environment.setenv("PTI_PORT", "3999")
    assert get_settings() is first and get_settings().port == 3000


@pytest.mark.parametrize(
    ("name", "value"),
    [("PTI_PORT", "trois mille"), ("PTI_KIOSK_IDLE_SECONDS", "0"), ("PTI_FEEDBACK_LIMIT_SESSION", "10")],
)
def test_a_wrong_value_stops_the_start_with_the_variable_named(clean_environment, name, value):
    clean_environment.setenv(name, value)
    with pytest.raises(ValidationError) as error:
        Settings()
    assert name.removeprefix(PREFIX).lower() in str(error.value)


def test_blank_means_unset(clean_environment):
    clean_environment.setenv("PTI_REVIEW_SECRET", "")
    clean_environment.setenv("PTI_FEEDBACK_LIMIT_ADDRESS", " ")
    settings = Settings()
    assert settings.review_secret is None and settings.feedback_limit_address is None


def test_readme_table_is_generated_from_the_settings():
    assert markdown_table() in README.read_text(), "run: python -m pti_citizen.settings"


def _written(windows: tuple[Window, ...]) -> str:
    return "`" + ",".join(f"{w.limit}/{w.seconds:.0f}" for w in windows) + "`"


def test_the_documented_defaults_are_the_real_ones():
    defaults = {
        "feedback_limit_session": _written(PER_SESSION),
        "feedback_limit_address": _written(PER_ADDRESS),
        "feedback_limit_overall": _written(OVERALL),
        "feedback_usual_address": _written(USUAL_ADDRESS),
        "feedback_ceiling": _written(CEILING),
        "sessions_per_client": _written(SESSIONS_PER_CLIENT),
        "review_failures_client": _written(PER_CLIENT),
        "review_alert_failures": _written(ALERT_AFTER),
        "allowed_origins": "none",
        "embed_origins": "none",
        "bind_address": "`0.0.0.0` (every interface)",
    }
    for name, field in Settings.model_fields.items():
        text = field.json_schema_extra["default_text"]
        if name in defaults:
            assert text == defaults[name], name
        elif field.default == ():
            assert text.startswith("none"), name  # an empty list of origins
        elif field.default is not None:
            assert text == f"`{field.default}`", name
        assert variable(name).isupper() and field.description


def test_origins_are_checked_and_normalised(clean_environment):
    clean_environment.setenv("PTI_PUBLIC_URL", "HTTPS://RSA.example.fr:443/")
    clean_environment.setenv("PTI_ALLOWED_ORIGINS", "https://www.rsa.example.fr, http://10.0.0.5:3000")
    clean_environment.setenv("PTI_EMBED_ORIGINS", "https://www.haute-garonne.fr")
    settings = Settings()
    assert settings.public_url == "https://rsa.example.fr"
    assert settings.public_origins == (
        "https://rsa.example.fr",
        "https://www.rsa.example.fr",
        "http://10.0.0.5:3000",
    )
    assert settings.embed_origins == ("https://www.haute-garonne.fr",)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PTI_PUBLIC_URL", "https://rsa.example.fr/app"),
        ("PTI_ALLOWED_ORIGINS", "rsa.example.fr"),
        ("PTI_EMBED_ORIGINS", "javascript://x"),
        ("PTI_ALLOWED_ORIGINS", "https://user:pw@rsa.example.fr"),
    ],
)
def test_a_wrong_origin_stops_the_start(clean_environment, name, value):
    clean_environment.setenv(name, value)
    with pytest.raises(ValidationError):
        Settings()


@pytest.mark.parametrize(
    "given",
    [
        "*",
        "'self'",
        "https://*.example.fr",
        "https://www.example.fr/page",
        "javascript:alert(1)",
        "www.example.fr",
    ],
)
def test_an_embed_origin_that_is_not_a_plain_origin_stops_the_start(clean_environment, given):
    clean_environment.setenv("PTI_EMBED_ORIGINS", f"https://ok.example.fr, {given}")
    with pytest.raises(ValueError) as error:
        Settings()
    assert "PTI_EMBED_ORIGINS" in str(error.value)


def test_embed_origins_are_read_as_a_list(clean_environment):
    clean_environment.setenv("PTI_EMBED_ORIGINS", " https://A.example.fr/ ,http://b.example:8080,")
    assert Settings().embed_origins == ("https://a.example.fr", "http://b.example:8080")
    clean_environment.delenv("PTI_EMBED_ORIGINS")
    assert Settings().embed_origins == ()
