"""``GET /api/v1/feedback/export.csv``: the quarterly CSV for scripts, behind the team's secret.

``Authorization: Bearer <PTI_REVIEW_SECRET>``; filters ``territory`` (one of the 5 directions
territoriales, name or slug; absent = all), ``from`` and ``to`` (ISO dates, inclusive). Same
secret, same lockout and same CSV as the review space (``/equipe``). Never cached, never indexed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from pti_citizen.db import feedback_store
from pti_citizen.feedback.export import feedback_csv, parse_filter
from pti_citizen.feedback.secret import ENV_VAR, MIN_LENGTH, Gate
from pti_citizen.services import Services
from pti_citizen.web.http import API_PREFIX

PATH = f"{API_PREFIX}/feedback/export.csv"
LOCK_SECONDS = 900
_PRIVATE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}


def _problem(status: int, field: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"field": field, "message": message}]},
        status_code=status,
        headers={**_PRIVATE, **(headers or {})},
    )


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class ExportQuery(BaseModel):
    territory: str | None = Field(None, max_length=60, description="direction territoriale, or empty for all")
    start: str | None = Field(None, alias="from", max_length=20, description="first day, YYYY-MM-DD")
    end: str | None = Field(None, alias="to", max_length=20, description="last day, YYYY-MM-DD")


def router(services: Services) -> APIRouter:
    api = APIRouter()
    gate = services.review_gate

    @api.get(
        PATH,
        summary="Feedback answers as CSV (team only: bearer secret)",
        response_class=Response,
        responses={
            200: {"content": {"text/csv": {}}, "description": "Semicolon-separated UTF-8 CSV with a BOM"},
            401: {"description": "Missing or wrong secret"},
            422: {"description": "Invalid filter"},
            429: {"description": "Too many failed attempts: locked for a while"},
            404: {"description": "The review space is off (no secret configured): it does not exist"},
        },
    )
    async def feedback_export(request: Request, query: Annotated[ExportQuery, Query()]) -> Response:
        result = await gate.check(request.client.host if request.client else None, _bearer(request))
        if result in (Gate.OFF, Gate.WEAK):
            # Off is not a server failure: the space simply does not exist on this deployment.
            return _problem(
                404,
                "authorization",
                f"The review space is off: set {ENV_VAR} (at least {MIN_LENGTH} characters) on the server.",
            )
        if result is Gate.LOCKED:
            return _problem(
                429,
                "authorization",
                "Too many failed attempts from this address. Try again later.",
                {"Retry-After": str(LOCK_SECONDS)},
            )
        if result is not Gate.OPEN:
            return _problem(
                401,
                "authorization",
                "Send the team's secret as « Authorization: Bearer <secret> ».",
                {"WWW-Authenticate": 'Bearer realm="equipe"'},
            )
        where, errors = parse_filter(query.territory, query.start, query.end)
        if where is None:
            return JSONResponse(
                {"errors": [{"field": f, "message": m} for f, m in errors.items()]},
                status_code=422,
                headers=_PRIVATE,
            )
        text = await run_in_threadpool(lambda: feedback_csv(feedback_store.rows(where)))
        return Response(
            content=text.encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={**_PRIVATE, "Content-Disposition": f'attachment; filename="{where.filename()}"'},
        )

    return api
