"""What every router of the JSON API shares: the prefix, the reader's language, JSON answers that are
never cached, and errors in our shape (``{"errors": [{"field", "message"}]}``) and language."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from pti_citizen.i18n import N_, gettext_for, negotiate, normalize_language

API_PREFIX = "/api/v1"

#: The one sentence of each refusal the edge and the routers answer with (our shape, the reader's language).
PROBLEMS = {
    404: N_("Cette adresse n'existe pas."),
    413: N_("Cette demande est trop grande."),
    421: N_("Cette adresse n'est pas celle du site."),
}
DEFAULT_PROBLEM = N_("Cette demande n'est pas possible.")


def language(request: Request, explicit: str | None = None) -> str:
    """``lang`` when the request names one, else the best match of ``Accept-Language``."""
    if explicit:
        return normalize_language(explicit)
    return negotiate(request.headers.get("accept-language"))


def json_response(status: int, body: Any) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def problem(status: int, lang: str, field: str = "request") -> dict:
    """``{"errors": [{"field", "message"}]}`` for a refusal that concerns the request as a whole."""
    _ = gettext_for(lang)
    return {"errors": [{"field": field, "message": _(PROBLEMS.get(status, DEFAULT_PROBLEM))}]}


def too_large(request: Request) -> JSONResponse:
    return json_response(413, problem(413, language(request), "body"))


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
    response = json_response(exc.status_code, problem(exc.status_code, language(request)))
    if exc.headers:
        response.headers.update(exc.headers)  # Allow on a 405
    return response


EXCEPTION_HANDLERS = {RequestValidationError: validation_errors, StarletteHTTPException: http_errors}
