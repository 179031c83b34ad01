"""Every deployment knob, read once from the environment into one typed object: :class:`Settings`.

This module is the only place that reads ``os.environ`` for the app (``tests/test_house.py`` checks
it). ``rxconfig.py``, the database engine, the page template, the team's secret and the feedback
limits all take their values from :func:`get_settings`. A wrong value stops the app at start with
the variable's name, instead of being half-used.

README's configuration table is generated from the fields below (``python -m pti_citizen.settings``)
and a test fails when the two disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PREFIX = "PTI_"


@dataclass(frozen=True)
class Window:
    """At most ``limit`` events in any ``seconds``-long window (a feedback limit)."""

    limit: int
    seconds: float


_WINDOW = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse_windows(text: str, variable: str = "limit") -> tuple[Window, ...]:
    """``"60/600,400/86400"`` → two windows; anything else is refused loudly (a typo must not
    silently leave the site unprotected or closed)."""
    windows = []
    for part in text.split(","):
        match = _WINDOW.fullmatch(part)
        if not match or int(match.group(1)) < 1 or int(match.group(2)) < 1:
            raise ValueError(
                f"{variable}={text!r}: expected count/seconds pairs separated by commas, e.g. 60/600,400/86400"
            )
        windows.append(Window(int(match.group(1)), float(match.group(2))))
    return tuple(windows)


Windows = Annotated[tuple[Window, ...] | None, NoDecode]

_ORIGIN = re.compile(r"^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")


def parse_origins(text: str, variable: str = "origins") -> tuple[str, ...]:
    """``"https://www.ccas-muret.fr, https://france-services.example"`` → the origins, each checked:
    scheme and host (and port), nothing else — a path, a wildcard or a keyword such as ``'self'``
    would widen ``frame-ancestors`` beyond what was meant, so it stops the start instead."""
    origins = []
    for part in text.split(","):
        origin = part.strip().lower().rstrip("/")
        if not origin:
            continue
        if not _ORIGIN.fullmatch(origin):
            raise ValueError(
                f"{variable}: {part.strip()!r} is not an origin; write scheme and host, e.g. https://www.example.fr"
            )
        origins.append(origin)
    return tuple(dict.fromkeys(origins))


Origins = Annotated[tuple[str, ...], NoDecode]


def _documented(shown_default: str, what: str, **kwargs: Any) -> Any:
    """A field with the two columns README's table shows besides the variable's name."""
    return Field(description=what, json_schema_extra={"default_text": shown_default}, **kwargs)


class Settings(BaseSettings):
    """The app's configuration. Field ``x`` is the variable ``PTI_X`` unless an alias says otherwise."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="ignore")

    port: int = _documented(
        "`3000`",
        "the one port that serves pages, API and websocket (Reflex prod is single-port)",
        default=3000,
        ge=1,
        le=65535,
    )
    public_url: str | None = _documented(
        "`http://localhost:$PTI_PORT`",
        "public origin, for absolute `hreflang` links, the sitemap and the result QR code",
        default=None,
    )
    database_url: str = _documented(
        "`sqlite:///pti_citizen.db`",
        'any SQLAlchemy URL, e.g. `postgresql+psycopg://user:pw@host/db` (then `pip install "psycopg[binary]==3.3.9"`); migrations apply at start',
        default="sqlite:///pti_citizen.db",  # relative to the directory the app is started from
        min_length=1,
    )
    review_secret: SecretStr | None = _documented(
        "none (team space off)",
        "turns on the team space `/equipe` and `GET /api/v1/feedback/export.csv` (16 characters minimum)",
        default=None,
    )
    kiosk_idle_seconds: int = _documented(
        "`180`",
        "inactivity before a shared terminal (mediator mode) erases everything",
        default=180,
        ge=1,
    )
    feedback_limit_session: Windows = _documented(
        "`10/600,40/86400`",
        "feedback sendings per browser session, as `count/seconds` pairs (docs/feedback.md)",
        default=None,
    )
    feedback_limit_address: Windows = _documented(
        "`60/600,400/86400`",
        "feedback sendings per client address (several kiosks of one MDS share one)",
        default=None,
    )
    feedback_limit_overall: Windows = _documented(
        "`300/600,5000/86400`",
        "feedback sendings for the whole site, e.g. `600/600,10000/86400` for a campaign or a load test",
        default=None,
    )
    embed_allowed_origins: Origins = _documented(
        "none (no site may frame ours)",
        "partners' sites that may show `/<lang>/integrer/…` in an `<iframe>`, comma-separated origins "
        "such as `https://www.ccas-muret.fr` (CSP `frame-ancestors`; every other page refuses framing)",
        default=(),
    )
    redis_url: str | None = _documented(
        "none (sessions in memory, one worker)",
        "Redis that several workers share the live sessions through (`scripts/run-workers.sh` sets it)",
        default=None,
        validation_alias=AliasChoices("REFLEX_REDIS_URL", "redis_url"),
    )

    @field_validator(
        "feedback_limit_session", "feedback_limit_address", "feedback_limit_overall", mode="before"
    )
    @classmethod
    def _windows(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            return parse_windows(value, variable(info.field_name)) if value.strip() else None
        return value

    @field_validator("embed_allowed_origins", mode="before")
    @classmethod
    def _origins(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            return parse_origins(value, variable(info.field_name))
        return value

    @field_validator("public_url", "review_secret", "redis_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def public_origin(self) -> str:
        """Where the app is reached from outside, without a trailing slash."""
        return (self.public_url or f"http://localhost:{self.port}").rstrip("/")

    def review_secret_value(self) -> str | None:
        return self.review_secret.get_secret_value() if self.review_secret else None


def variable(field: str) -> str:
    """The environment variable of a field: ``review_secret`` → ``PTI_REVIEW_SECRET``."""
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return PREFIX + field.upper()


@cache
def get_settings() -> Settings:
    """The settings of this process, read from the environment the first time they are asked for."""
    return Settings()


def markdown_table() -> str:
    """README's configuration table, one row per field."""
    rows = ["| variable | default | what |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        default = (field.json_schema_extra or {})["default_text"]
        rows.append(f"| `{variable(name)}` | {default} | {field.description} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
