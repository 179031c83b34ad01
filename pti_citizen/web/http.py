"""What every router of the JSON API shares: the prefix, the reader's language, JSON answers that are
never cached, and errors in our shape (``{"errors": [{"field", "message"}]}``) and language."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from pti_citizen.i18n import gettext_for, negotiate, normalize_language

API_PREFIX = "/api/v1"


def language(request: Request, explicit: str | None = None) -> str:
    """``lang`` when the request names one, else the best match of ``Accept-Language``."""
    if explicit:
        return normalize_language(explicit)
    return negotiate(request.headers.get("accept-language"))


def json_response(status: int, body: Any) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def validation_errors(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's own checks (query length…) answer in our shape and the reader's language."""
    _ = gettext_for(language(request, request.query_params.get("lang")))
    errors = []
    for problem in exc.errors():
        location = [str(part) for part in problem.get("loc", ()) if part not in ("query", "body")]
        if problem.get("type") == "string_too_long":
            message = _("Ce texte est trop long.")
        else:
            message = _("Cette valeur n'est pas valable.")
        errors.append({"field": ".".join(location) or "request", "message": message})
    return json_response(422, {"errors": errors})


def http_errors(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    _ = gettext_for(language(request))
    message = (
        _("Cette adresse n'existe pas.") if exc.status_code == 404 else _("Cette demande n'est pas possible.")
    )
    return json_response(exc.status_code, {"errors": [{"field": "request", "message": message}]})


EXCEPTION_HANDLERS = {RequestValidationError: validation_errors, StarletteHTTPException: http_errors}
