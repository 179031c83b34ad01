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
Origins = Annotated[tuple[str, ...], NoDecode]

_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def parse_origin(text: str) -> str | None:
    """``https://RSA.example.fr:443/`` → ``https://rsa.example.fr``; ``None`` for anything that is not
    an http(s) origin (a path, a query, credentials, a bad host name)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if (
        parts.scheme not in ("http", "https")
        or parts.username is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or not (_HOST.match(host) or _is_ip(host))
    ):
        return None
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port not in (None, default) else "")


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def parse_origins(text: str, variable: str = "origins") -> tuple[str, ...]:
    """Comma-separated origins, each checked; a wrong one stops the start (a typo must not open the
    site to every host, nor close it)."""
    found = []
    for part in text.split(","):
        if not part.strip():
            continue
        origin = parse_origin(part)
        if origin is None:
            raise ValueError(f"{variable}: {part.strip()!r} is not an origin such as https://rsa.example.fr")
        found.append(origin)
    return tuple(dict.fromkeys(found))


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
        "none: links use the address the browser used",
        "the one public origin for absolute links (QR code, printed result link, sitemap, `hreflang`); "
        "when set, it overrides the browser's address and only its host (and `PTI_ALLOWED_ORIGINS`) is answered",
        default=None,
    )
    allowed_origins: Origins = _documented(
        "none",
        "other public origins the site answers on, comma-separated (e.g. `https://www.rsa31.fr`); "
        "once this or `PTI_PUBLIC_URL` is set, a request for any other `Host` is refused (421)",
        default=(),
    )
    embed_origins: Origins = _documented(
        "none",
        "origins of the partners' sites (the Département, CCAS, France Services…) that may embed the pages "
        "— show `/<lang>/integrer/…` in an `<iframe>` (CSP `frame-ancestors`; every other page refuses "
        "framing) — or call the API from a browser (CORS)",
        default=(),
    )
    trusted_proxy_hops: int = _documented(
        "`0`",
        "reverse proxies in front of the app whose `X-Forwarded-For`/`-Proto`/`-Host` are believed "
        "(set 1 behind one nginx, and bind the app to the loopback)",
        default=0,
        ge=0,
        le=5,
        validation_alias=AliasChoices(
            "PTI_TRUSTED_PROXY_HOPS", "REFLEX_TRUSTED_PROXY_HOPS", "trusted_proxy_hops"
        ),
    )
    bind_address: str = _documented(
        "`0.0.0.0` (every interface)",
        "the address the server listens on; `127.0.0.1` behind a reverse proxy on the same host",
        default="0.0.0.0",  # documented; the reverse-proxy set-up binds the loopback
        min_length=2,
        max_length=45,
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
    feedback_usual_address: Windows = _documented(
        "`20/600,100/86400`",
        "above this many feedback answers from one client address, its answers of the window are kept "
        "apart from the statistics (a flood, docs/feedback.md)",
        default=None,
    )
    feedback_ceiling: Windows = _documented(
        "`3000/600,20000/86400`",
        "feedback answers the whole site stores at most; above `PTI_FEEDBACK_LIMIT_OVERALL` they are "
        "stored apart from the statistics, above this they are refused (disk)",
        default=None,
    )
    session_idle_seconds: int = _documented(
        "`1800`",
        "a live session the server keeps without any event (memory or Redis); the tab sends its answers "
        "back after",
        default=1800,
        ge=60,
        le=86_400,
    )
    session_trees_kept: int = _documented(
        "`1000`",
        "tabs whose session a worker keeps in memory between two events, besides Redis (several workers; "
        "`0`: every event reads Redis)",
        default=1000,
        ge=0,
        le=100_000,
    )
    sessions_per_client: Windows = _documented(
        "`600/600,5000/86400`",
        "new websocket sessions (page loads) per client address (IPv6: per /64); raise it for a load test from one machine",
        default=None,
    )
    connections_per_client: int = _documented(
        "`200`",
        "websockets one client address may hold open at once, per worker",
        default=200,
        ge=1,
    )
    connections_per_worker: int = _documented(
        "`4096`",
        "connections one worker holds open at once (websockets and idle keep-alive HTTP); the next ones "
        "wait unanswered (Granian's own default, 1024 ÷ workers, stalled 2 000 people); lowered to fit "
        "the open-file limit",
        default=4096,
        ge=64,
    )
    max_body_bytes: int = _documented(
        "`65536`",
        "largest HTTP request body, refused while reading (413)",
        default=64 * 1024,
        ge=1024,
    )
    max_message_bytes: int = _documented(
        "`65536`",
        "largest websocket message; a larger one closes the connection",
        default=64 * 1024,
        ge=4096,
    )
    max_storage_bytes: int = _documented(
        "`4096`",
        "largest value of a browser-storage var the server accepts (answers, way of use)",
        default=4096,
        ge=256,
    )
    review_idle_seconds: int = _documented(
        "`900`",
        "team sign-in: ends after this long without action (and with the connection)",
        default=900,
        ge=60,
    )
    review_failures_client: Windows = _documented(
        "`5/900`",
        "wrong team secrets one client address (IPv6: /64) may try before it waits",
        default=None,
    )
    review_alert_failures: Windows = _documented(
        "`20/900`",
        "wrong team secrets, from anyone, that raise the alert in the team space (nobody is locked out)",
        default=None,
    )
    log_lines_per_minute: int = _documented(
        "`120`",
        "log lines one worker writes per minute at most; the rest are counted, then reported in one line",
        default=120,
        ge=10,
    )
    log_line_chars: int = _documented(
        "`300`",
        "longest log line; longer ones are cut (control characters are escaped)",
        default=300,
        ge=80,
    )
    redis_url: str | None = _documented(
        "none (sessions in memory, one worker)",
        "Redis that several workers share the live sessions through (`scripts/run-workers.sh` sets it)",
        default=None,
        validation_alias=AliasChoices("REFLEX_REDIS_URL", "redis_url"),
    )

    @field_validator(
        "feedback_limit_session",
        "feedback_limit_address",
        "feedback_limit_overall",
        "feedback_usual_address",
        "feedback_ceiling",
        "sessions_per_client",
        "review_failures_client",
        "review_alert_failures",
        mode="before",
    )
    @classmethod
    def _windows(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            return parse_windows(value, variable(info.field_name)) if value.strip() else None
        return value

    @field_validator("allowed_origins", "embed_origins", mode="before")
    @classmethod
    def _origins(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            return parse_origins(value, variable(info.field_name))
        return value

    @field_validator("public_url", "review_secret", "redis_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        origin = parse_origin(value)
        if origin is None:
            raise ValueError(f"{value!r} is not an origin such as https://rsa.example.fr (no path)")
        return origin

    @property
    def public_origin(self) -> str:
        """The origin written into build-time links (``hreflang``, sitemap): ``PTI_PUBLIC_URL``, or a
        local placeholder that the server replaces by the browser's own origin (``web/links.py``)."""
        return self.public_url or f"http://localhost:{self.port}"

    @property
    def public_origins(self) -> tuple[str, ...]:
        """Every origin the site answers on; empty when none is configured (any host is answered)."""
        return tuple(dict.fromkeys(((self.public_url,) if self.public_url else ()) + self.allowed_origins))

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
