"""``/FR/``, ``/Fr/simulateur``, ``/AR`` → the same page under its lower-case language (query kept).

People type addresses from paper, a poster or a spoken message; the routes are lower case. A route for
``static_tweaks(routes=...)``: it answers only when the first segment is a language in other case.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.datastructures import URL
from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Match
from starlette.types import Receive, Scope, Send

from pti_citizen.languages import LANGUAGES


def lower_case_language(path: str) -> str | None:
    """``path`` with its language in lower case, or ``None`` when it needs no change."""
    first, slash, rest = path.lstrip("/").partition("/")
    code = first.lower()
    if code == first or code not in LANGUAGES:
        return None
    return f"/{code}{slash}{rest}" if slash else f"/{code}/"


class LanguageCaseRedirect(BaseRoute):
    """A permanent redirect to the lower-case language route; GET and HEAD only (a form sent to
    ``/FR/…`` keeps its method with 308)."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and lower_case_language(scope["path"]) is not None:
            return Match.FULL, {}
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        target = quote(lower_case_language(scope["path"]) or "/", safe="/%:@!$&'()*+,;=-._~")
        query = scope.get("query_string", b"").decode("latin-1")
        url = URL(target + (f"?{query}" if query else ""))
        status = 301 if scope.get("method") in ("GET", "HEAD") else 308
        await RedirectResponse(str(url), status_code=status)(scope, receive, send)
